/**
 * Building the traceability graph: nodes from the model (and the norms of
 * the normenkader files), edges from explicit references, numbering and
 * similarity. The rules of how links are made are documented in
 * `graph.ts`; the open points are added by `checks.ts`.
 */
import type { Assessment, DocumentModel, Language, Reference, Score, Span } from '../types';
import type { ProjectView } from '../project';
import type { Message } from '../rules/types';
import { SimilarityIndex, type Ranking, type SimDoc, type SimMatch, type SimScore } from './similarity';
import { passagesIn } from './passages';
import { spansWithin } from './locate';

export type TraceNodeKind = 'question' | 'norm' | 'assessment' | 'finding' | 'conclusion' | 'recommendation';
export type TraceEdgeKind = 'answers' | 'assesses' | 'rests-on' | 'follows' | 'evidence';
export type TraceVia = 'explicit' | 'numbering' | 'similarity';

/** What is open about a node; the trace rules report these. */
export type TraceIssue =
  | 'unanswered' // question: no conclusion answers it
  | 'unassessed' // norm: no assessment judges it
  | 'missing-score' // assessment: no readable score
  | 'no-evidence' // assessment: no source, no citation, no finding
  | 'no-findings' // conclusion: rests on no finding
  | 'new-fact' // conclusion: a number or name the findings do not have
  | 'no-conclusion'; // recommendation: follows from no conclusion

export interface TraceNode {
  /** Item id (Q1, N1.1, A3, F4.2, C5, R2), unique in the graph. */
  id: string;
  kind: TraceNodeKind;
  /** Short display label: Q1, N1.1, A3, §4.2, C5, R2. */
  label: string;
  /** The item's text (a finding: its title). */
  text: string;
  /** The document the item stands in (a norm may live in the normenkader file). */
  uri: string | null;
  range: Span;
  /** The document's own number ("4.2", "3"), or null. */
  number: string | null;
  /** Norm and question group ("beleid"), when the document has one. */
  group?: string | null;
  /** Assessments: the score, null when none can be read. */
  score?: Score | null;
  /** Assessments: how the score stands in the text. */
  scoreState?: 'chosen' | 'scale-without-choice' | 'unreadable' | 'absent';
  /** Open points (filled by `traceCheck`; empty when all is well). */
  issues: TraceIssue[];
}

export interface TraceEdge {
  from: string;
  to: string;
  kind: TraceEdgeKind;
  via: TraceVia;
  /** 1 for explicit and numbering links; the similarity strength (0..1) otherwise. */
  strength: number;
  /** Why the link is there, for the hover. */
  why: Message;
  /** Where the explicit reference is written (in the from-node's document). */
  at?: Span;
  /** Similarity links: the words both texts share, most telling first. */
  shared?: string[];
  /** Similarity links to findings: the passage that matched best. */
  passage?: Span;
}

export interface TraceGraph {
  /** The report the graph is built for. */
  uri: string | null;
  language: Language;
  nodes: TraceNode[];
  edges: TraceEdge[];
}

/** Thresholds of the similarity links (see the module comment). */
export const THRESHOLDS = {
  restsOn: 0.2,
  restsOnRelative: 0.6,
  restsOnMax: 3,
  follows: 0.2,
  followsRelative: 0.8,
  normText: 0.5,
  answers: 0.45,
  answersMargin: 0.1,
} as const;

/** The pieces the checks, lenses and fixes need besides the graph. */
export interface TraceContext {
  graph: TraceGraph;
  report: DocumentModel;
  /** Framework documents whose norms are in the graph. */
  frameworks: DocumentModel[];
  index: SimilarityIndex;
  node(id: string): TraceNode | undefined;
  /** Edges leaving a node. */
  out(id: string): TraceEdge[];
  /** Edges arriving at a node. */
  in(id: string): TraceEdge[];
}

export function buildTraceContext(model: DocumentModel, project?: ProjectView): TraceContext {
  const lang = model.language;
  const uri = model.uri;
  const nodes: TraceNode[] = [];
  const byId = new Map<string, TraceNode>();
  const add = (n: Omit<TraceNode, 'issues'>): TraceNode | null => {
    if (byId.has(n.id)) return null;
    const node: TraceNode = { ...n, issues: [] };
    nodes.push(node);
    byId.set(n.id, node);
    return node;
  };

  for (const q of model.questions) add({ id: q.id, kind: 'question', label: q.id, text: q.text, uri, range: q.range, number: q.label, group: q.group });
  for (const n of model.norms) add({ id: n.id, kind: 'norm', label: n.id, text: n.text, uri, range: n.range, number: n.label, group: n.group });
  const frameworks = project && model.kind === 'report' ? project.frameworksFor(model).filter((f) => f !== model) : [];
  for (const f of frameworks) for (const n of f.norms) add({ id: n.id, kind: 'norm', label: n.id, text: n.text, uri: f.uri, range: n.range, number: n.label, group: n.group });
  for (const a of model.assessments) add({ id: a.id, kind: 'assessment', label: a.id, text: a.normText || a.text, uri, range: a.range, number: a.label, score: a.score, scoreState: scoreState(a) });
  for (const f of model.findings) add({ id: f.id, kind: 'finding', label: f.label ? '§' + f.label : f.id, text: f.title, uri, range: f.range, number: f.label });
  for (const c of model.conclusions) add({ id: c.id, kind: 'conclusion', label: c.id, text: c.text, uri, range: c.range, number: c.label });
  for (const r of model.recommendations) add({ id: r.id, kind: 'recommendation', label: r.id, text: r.text, uri, range: r.range, number: r.label, group: r.group });

  // One similarity index over every item of the report (and the framework's norms).
  const docs: SimDoc[] = [];
  for (const f of model.findings) {
    const sec = model.sections[f.section];
    docs.push({ owner: f.id, group: 'finding', passages: passagesIn(model, { start: sec.headingRange.end, end: f.range.end }, f.title) });
  }
  for (const c of model.conclusions) docs.push({ owner: c.id, group: 'conclusion', passages: [{ text: c.text, range: c.range }] });
  for (const q of model.questions) docs.push({ owner: q.id, group: 'question', passages: [{ text: q.text, range: q.range }] });
  for (const n of nodes) if (n.kind === 'norm') docs.push({ owner: n.id, group: 'norm', passages: [{ text: n.text, range: n.range }] });
  for (const a of model.assessments) docs.push({ owner: a.id, group: 'assessment', passages: [{ text: `${a.normText} ${a.text}`, range: a.range }] });
  const index = new SimilarityIndex(lang, docs);

  const edges: TraceEdge[] = [];
  const edgeKey = new Map<string, TraceEdge>();
  const rank: Record<TraceVia, number> = { explicit: 3, numbering: 2, similarity: 1 };
  const link = (e: TraceEdge): void => {
    if (!byId.has(e.from) || !byId.has(e.to) || e.from === e.to) return;
    const key = `${e.from}>${e.to}>${e.kind}`;
    const cur = edgeKey.get(key);
    if (cur) {
      if (rank[e.via] > rank[cur.via]) Object.assign(cur, e);
      return;
    }
    edgeKey.set(key, e);
    edges.push(e);
  };
  const refsIn = (range: Span): Reference[] => spansWithin(model.references, refRange, range);
  const name = (id: string): Message => {
    const n = byId.get(id);
    return n ? nodeName(n) : { nl: id, en: id };
  };

  // Questions ← conclusions.
  const qIds = new Set(model.questions.map((q) => q.id));
  for (const c of model.conclusions) {
    const refs = refsIn(c.range).filter((r) => r.kind === 'question');
    for (const q of c.answers) {
      const ref = refs.find((r) => r.target === q);
      if (ref) link({ from: c.id, to: q, kind: 'answers', via: 'explicit', strength: 1, at: ref.range, why: whyExplicit(name(c.id), name(q), ref) });
      else if (c.question && qIds.has(q)) link({ from: c.id, to: q, kind: 'answers', via: 'explicit', strength: 1, why: { nl: `De onderzoeksvraag staat boven ${name(c.id).nl}.`, en: `The research question stands above ${name(c.id).en}.` } });
      else
        link({
          from: c.id,
          to: q,
          kind: 'answers',
          via: 'numbering',
          strength: 1,
          why: {
            nl: `${cap(name(c.id).nl)} beantwoordt ${name(q).nl}: zelfde nummer; het rapport nummert de conclusies als de vragen en zegt niets anders.`,
            en: `${cap(name(c.id).en)} answers ${name(q).en}: same number; the report numbers its conclusions like its questions and says nothing else.`,
          },
        });
    }
  }
  // Conclusions that answer no question: the question whose words the conclusion holds best.
  const unanswered = new Set(model.conclusions.filter((c) => !c.answers.length).map((c) => c.id));
  if (model.questions.length && unanswered.size) {
    // Each question ranks the conclusions once (a question id that occurs twice: by the text of the last); per open
    // conclusion, its place in each ranking: one entry per question, in the order of the questions.
    const text = new Map(model.questions.map((q) => [q.id, q.text]));
    const ranking = new Map<string, Ranking>();
    const firstOf = new Map<string, Map<string, SimScore>>();
    for (const [q, t] of text) {
      const r = index.ranking(t, 'conclusion');
      const first = new Map<string, SimScore>();
      for (const e of r.entries) if (unanswered.has(e.owner) && !first.has(e.owner)) first.set(e.owner, e);
      ranking.set(q, r);
      firstOf.set(q, first);
    }
    const byConclusion = new Map<string, Array<{ q: string; e: SimScore }>>();
    for (const q of model.questions) {
      for (const [c, e] of firstOf.get(q.id)!) {
        const list = byConclusion.get(c);
        if (list) list.push({ q: q.id, e });
        else byConclusion.set(c, [{ q: q.id, e }]);
      }
    }
    // The choice depends on the conclusion's id only: made once per id.
    const chosen = new Map<string, { q: string; e: SimScore } | null>();
    const choose = (id: string): { q: string; e: SimScore } | null => {
      const cands = [...(byConclusion.get(id) ?? [])].sort((a, b) => b.e.strength - a.e.strength);
      const best = cands[0];
      if (!best || best.e.strength < THRESHOLDS.answers) return null;
      if (cands[1] && best.e.strength - cands[1].e.strength < THRESHOLDS.answersMargin) return null;
      return best;
    };
    for (const c of model.conclusions) {
      if (c.answers.length) continue;
      if (!chosen.has(c.id)) chosen.set(c.id, choose(c.id));
      const best = chosen.get(c.id);
      if (!best) continue;
      const m = ranking.get(best.q)!.match(best.e);
      link({ from: c.id, to: best.q, kind: 'answers', via: 'similarity', strength: m.strength, shared: m.shared.slice(0, 8), why: whySimilar(name(best.q), name(c.id), m) });
    }
  }
  for (const r of model.recommendations) {
    const refs = refsIn(r.range).filter((x) => x.kind === 'question');
    for (const q of r.answers) {
      const ref = refs.find((x) => x.target === q);
      link({ from: r.id, to: q, kind: 'answers', via: 'explicit', strength: 1, ...(ref ? { at: ref.range } : {}), why: ref ? whyExplicit(name(r.id), name(q), ref) : { nl: `De onderzoeksvraag staat boven ${name(r.id).nl}.`, en: `The research question stands above ${name(r.id).en}.` } });
    }
  }

  // Assessments → norms.
  const normIds = nodes.filter((n) => n.kind === 'norm').map((n) => n.id);
  for (const a of model.assessments) {
    if (a.norm && byId.has(a.norm) && byId.get(a.norm)!.kind === 'norm') {
      if (a.normLink === 'text') {
        const m = index.match(a.normText, 'norm', a.norm);
        link({ from: a.id, to: a.norm, kind: 'assesses', via: 'similarity', strength: m ? Math.max(m.strength, THRESHOLDS.normText) : THRESHOLDS.normText, ...(m ? { shared: m.shared.slice(0, 8) } : {}), why: { nl: `De kop van het oordeel herhaalt de tekst van ${name(a.norm).nl}.`, en: `The heading of the assessment repeats the wording of ${name(a.norm).en}.` } });
      } else {
        const ref = refsIn(a.range).find((x) => x.kind === 'norm' && x.target === a.norm);
        const other = byId.get(a.norm)!.uri !== uri;
        link({
          from: a.id,
          to: a.norm,
          kind: 'assesses',
          via: 'explicit',
          strength: 1,
          ...(ref ? { at: ref.range } : {}),
          why: {
            nl: `Het oordeel noemt ${name(a.norm).nl}${other ? ' (uit het normenkader)' : ''}.`,
            en: `The assessment names ${name(a.norm).en}${other ? ' (from the norms framework)' : ''}.`,
          },
        });
      }
      continue;
    }
    if (normIds.length && a.normText) {
      const m = index.rank(a.normText, 'norm', null, 1)[0];
      if (m && m.strength >= THRESHOLDS.normText)
        link({ from: a.id, to: m.owner, kind: 'assesses', via: 'similarity', strength: m.strength, shared: m.shared.slice(0, 8), why: whySimilar(name(m.owner), name(a.id), m) });
    }
  }

  // Explicit links to findings (and, for conclusions, to assessments by norm).
  const findingsOf = (ref: Reference): string[] => resolveFindings(model, ref);
  const assessmentsOfNorm = (normId: string): Assessment[] => sectionIndex(model).assessmentsOfNorm.get(normId) ?? [];
  const explicitFindings = (fromId: string, range: Span, kind: 'rests-on' | 'evidence'): number => {
    let n = 0;
    for (const ref of refsIn(range)) {
      if (ref.kind === 'section' || ref.kind === 'finding') {
        for (const f of findingsOf(ref)) {
          link({ from: fromId, to: f, kind, via: 'explicit', strength: 1, at: ref.range, why: whyExplicit(name(fromId), name(f), ref) });
          n++;
        }
        if (kind === 'rests-on')
          for (const a of assessmentsInSection(model, ref)) link({ from: fromId, to: a, kind, via: 'explicit', strength: 1, at: ref.range, why: whyExplicit(name(fromId), name(a), ref) });
      } else if (kind === 'rests-on' && ref.kind === 'norm') {
        for (const a of assessmentsOfNorm(ref.target)) link({ from: fromId, to: a.id, kind, via: 'explicit', strength: 1, at: ref.range, why: whyExplicit(name(fromId), name(a.id), ref) });
      }
    }
    return n;
  };
  const similarFindings = (fromId: string, text: string, extra: string | null, kind: 'rests-on' | 'evidence'): void => {
    const ranked = index.ranking(text, 'finding', extra);
    const top = ranked.entries[0];
    if (!top || top.strength < THRESHOLDS.restsOn) return;
    let k = 0;
    for (const e of ranked.entries) {
      if (k >= THRESHOLDS.restsOnMax) break;
      if (e !== top && (e.strength < THRESHOLDS.restsOn || e.score < THRESHOLDS.restsOnRelative * top.score)) continue;
      const m = ranked.match(e);
      link({ from: fromId, to: m.owner, kind, via: 'similarity', strength: m.strength, shared: m.shared.slice(0, 8), ...(m.passage ? { passage: m.passage } : {}), why: whySimilar(name(m.owner), name(fromId), m) });
      k++;
    }
  };
  for (const c of model.conclusions) {
    if (explicitFindings(c.id, c.range, 'rests-on') === 0) similarFindings(c.id, c.text, c.question, 'rests-on');
  }
  for (const a of model.assessments) {
    if (explicitFindings(a.id, a.range, 'evidence') === 0) similarFindings(a.id, a.text || a.normText, a.text ? a.normText : null, 'evidence');
  }

  // Recommendations → conclusions.
  const cIds = new Set(model.conclusions.map((c) => c.id));
  for (const r of model.recommendations) {
    const refs = refsIn(r.range).filter((x) => x.kind === 'conclusion');
    for (const c of r.follows) {
      const ref = refs.find((x) => x.target === c);
      if (cIds.has(c)) link({ from: r.id, to: c, kind: 'follows', via: 'explicit', strength: 1, ...(ref ? { at: ref.range } : {}), why: ref ? whyExplicit(name(r.id), name(c), ref) : { nl: `${cap(name(r.id).nl)} verwijst naar ${name(c).nl}.`, en: `${cap(name(r.id).en)} refers to ${name(c).en}.` } });
    }
    if (r.follows.some((c) => cIds.has(c)) || model.conclusions.length === 0) continue;
    const ranked = index.rank(r.text, 'conclusion', null, 2);
    const top = ranked[0];
    if (!top || top.strength < THRESHOLDS.follows) continue;
    for (const m of ranked) {
      if (m !== top && (m.strength < THRESHOLDS.follows || m.score < THRESHOLDS.followsRelative * top.score)) continue;
      link({ from: r.id, to: m.owner, kind: 'follows', via: 'similarity', strength: m.strength, shared: m.shared.slice(0, 8), why: whySimilar(name(m.owner), name(r.id), m) });
    }
  }

  const graph: TraceGraph = { uri, language: lang, nodes, edges };
  const outs = new Map<string, TraceEdge[]>();
  const ins = new Map<string, TraceEdge[]>();
  for (const e of edges) {
    (outs.get(e.from) ?? outs.set(e.from, []).get(e.from)!).push(e);
    (ins.get(e.to) ?? ins.set(e.to, []).get(e.to)!).push(e);
  }
  return {
    graph,
    report: model,
    frameworks,
    index,
    node: (id) => byId.get(id),
    out: (id) => outs.get(id) ?? [],
    in: (id) => ins.get(id) ?? [],
  };
}

/** How the score of an assessment stands in the text. */
export function scoreState(a: Assessment): NonNullable<TraceNode['scoreState']> {
  if (a.score) return 'chosen';
  if (a.scaleWithoutChoice) return 'scale-without-choice';
  if (a.scoreRange) return 'unreadable';
  return 'absent';
}

/**
 * The findings a reference to a section names: "paragraaf 3.2" → F3.2;
 * "hoofdstuk 4" → every finding of chapter 4; a link to a section anchor
 * → the finding of that section (or those below it, or the one above it).
 */
export function resolveFindings(model: DocumentModel, ref: Reference): string[] {
  const ix = sectionIndex(model);
  if (ref.kind === 'finding') return ix.findingIds.has(ref.target) ? [ref.target] : [];
  const si = sectionOf(model, ref);
  if (si < 0) return [];
  // The findings in the section, below it (`inTree`) or above it (its ancestors), in the order of the findings.
  const at = new Set<number>(ix.findingsInTree.get(si));
  for (let p = model.sections[si]?.parent ?? null; p !== null && p !== undefined; p = model.sections[p]?.parent ?? null) for (const k of ix.findingsAt.get(p) ?? []) at.add(k);
  return [...at].sort((a, b) => a - b).map((k) => model.findings[k].id);
}

/** Assessments in the section a reference names ("zie paragraaf 3.4" → the toets of § 3.4). */
function assessmentsInSection(model: DocumentModel, ref: Reference): string[] {
  const si = sectionOf(model, ref);
  if (si < 0 || model.sections[si].role !== 'assessment') return [];
  return (sectionIndex(model).assessmentsInTree.get(si) ?? []).map((k) => model.assessments[k].id);
}

function sectionOf(model: DocumentModel, ref: Reference): number {
  const ix = sectionIndex(model);
  const byId = ix.sectionById.get(ref.target);
  if (byId !== undefined) return byId;
  const m = /^S(\d{1,3}(?:\.\d{1,3}){0,4})$/.exec(ref.target);
  if (!m) return -1;
  const numbered = ix.sectionsByNumber.get(m[1]) ?? [];
  const inFindings = numbered.find((i) => model.sections[i].role === 'findings' || model.sections[i].role === 'assessment');
  return inFindings ?? numbered[0] ?? -1;
}

interface SectionIndex {
  /** The first section of each id. */
  sectionById: Map<string, number>;
  /** The sections of each number, in order. */
  sectionsByNumber: Map<string, number[]>;
  findingIds: Set<string>;
  /** Per section: the findings (their places in `model.findings`) in it. */
  findingsAt: Map<number, number[]>;
  /** Per section: the findings in it or in a section below it, in order. */
  findingsInTree: Map<number, number[]>;
  /** Per section: the assessments in it or in a section below it, in order. */
  assessmentsInTree: Map<number, number[]>;
  /** Per norm id: its assessments, in order. */
  assessmentsOfNorm: Map<string, Assessment[]>;
}

const SECTION_INDEX = new WeakMap<DocumentModel, SectionIndex>();

/** Sections, findings and assessments by id, number and place in the section tree: made once per model, so that each reference is resolved without a scan of the document. */
function sectionIndex(model: DocumentModel): SectionIndex {
  let ix = SECTION_INDEX.get(model);
  if (ix) return ix;
  const push = <K, V>(map: Map<K, V[]>, k: K, v: V): void => {
    const list = map.get(k);
    if (list) list.push(v);
    else map.set(k, [v]);
  };
  // A section and every section above it (a parent chain that loops is cut where it comes back).
  const upFrom = (s: number): number[] => {
    const out: number[] = [];
    const seen = new Set<number>();
    for (let p: number | null | undefined = s; p !== null && p !== undefined && model.sections[p] && !seen.has(p); p = model.sections[p].parent) {
      seen.add(p);
      out.push(p);
    }
    return out;
  };
  ix = { sectionById: new Map(), sectionsByNumber: new Map(), findingIds: new Set(), findingsAt: new Map(), findingsInTree: new Map(), assessmentsInTree: new Map(), assessmentsOfNorm: new Map() };
  model.sections.forEach((s, i) => {
    if (!ix!.sectionById.has(s.id)) ix!.sectionById.set(s.id, i);
    if (s.numbering !== null && s.numbering !== undefined) push(ix!.sectionsByNumber, s.numbering, i);
  });
  model.findings.forEach((f, k) => {
    ix!.findingIds.add(f.id);
    push(ix!.findingsAt, f.section, k);
    for (const p of upFrom(f.section)) push(ix!.findingsInTree, p, k);
  });
  model.assessments.forEach((a, k) => {
    for (const p of upFrom(a.section)) push(ix!.assessmentsInTree, p, k);
    if (a.norm !== null && a.norm !== undefined) push(ix!.assessmentsOfNorm, a.norm, a);
  });
  SECTION_INDEX.set(model, ix);
  return ix;
}

const refRange = (r: Reference): Span => r.range;

// ---------------------------------------------------------------- messages

/** The name of a node in a sentence: "conclusie 3", "§ 4.2 Vroegsignalering". */
export function nodeName(n: TraceNode): Message {
  const num = n.number ?? n.id.replace(/^[A-Z]+/, '');
  switch (n.kind) {
    case 'question':
      return { nl: `onderzoeksvraag ${num}`, en: `research question ${num}` };
    case 'norm':
      return { nl: `norm ${num}`, en: `norm ${num}` };
    case 'assessment':
      return n.number ? { nl: `het oordeel over norm ${n.number}`, en: `the assessment of norm ${n.number}` } : { nl: `oordeel ${n.id}`, en: `assessment ${n.id}` };
    case 'finding':
      return n.number ? { nl: `§ ${n.number} ${n.text}`, en: `§ ${n.number} ${n.text}` } : { nl: `bevindingen "${n.text}"`, en: `findings "${n.text}"` };
    case 'conclusion':
      return { nl: `conclusie ${num}`, en: `conclusion ${num}` };
    case 'recommendation':
      return { nl: `aanbeveling ${num}`, en: `recommendation ${num}` };
  }
}

export function cap(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}

/** 0.62 → "0,62" (nl) / "0.62" (en). */
export function fmt(x: number, lang: Language): string {
  const s = x.toFixed(2);
  return lang === 'nl' ? s.replace('.', ',') : s;
}

function whyExplicit(from: Message, to: Message, ref: Reference): Message {
  const how = ref.via === 'link' ? 'link' : ref.via === 'id' ? 'id' : 'phrase';
  return {
    nl: `${cap(from.nl)} verwijst naar ${to.nl} (${how === 'link' ? 'link' : how === 'id' ? 'id' : 'verwijzing'} "${ref.phrase}").`,
    en: `${cap(from.en)} refers to ${to.en} (${how === 'link' ? 'link' : how === 'id' ? 'id' : 'reference'} "${ref.phrase}").`,
  };
}

function whySimilar(target: Message, from: Message, m: SimMatch): Message {
  const shared = m.shared.slice(0, 5).map((w) => `"${w}"`).join(', ');
  const missing = m.missing.slice(0, 3).map((w) => `"${w}"`).join(', ');
  return {
    nl: `Afgeleid uit de tekst, geen verwijzing: ${target.nl} lijkt op ${from.nl} (gelijkenis ${fmt(m.strength, 'nl')}${m.strength >= 0.5 ? ', sterk' : m.strength >= 0.3 ? ', redelijk' : ', zwak'})${shared ? `; gedeelde woorden ${shared}` : ''}${missing ? `; niet gevonden ${missing}` : ''}.`,
    en: `Inferred from the wording, no reference: ${target.en} resembles ${from.en} (similarity ${fmt(m.strength, 'en')}${m.strength >= 0.5 ? ', strong' : m.strength >= 0.3 ? ', fair' : ', weak'})${shared ? `; shared words ${shared}` : ''}${missing ? `; not found ${missing}` : ''}.`,
  };
}
