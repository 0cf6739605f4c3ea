/**
 * The trace checks over the graph: what is open in the chain of a report.
 * Each `trace/*` rule reports the problems of its code for the document it
 * checks; the lenses, the matrix and the graph view show the same
 * problems as node issues.
 *
 * A report is checked with its normenkader files; a normenkader file is
 * checked through the report it belongs to (`project.reportFor`), and only
 * the problems of its own norms are reported there. The graph is built
 * once per report model and project and cached.
 */
import type { Assessment, DocumentModel, Span } from '../types';
import type { ProjectView } from '../project';
import type { Message, Related } from '../rules/types';
import { allLexicons } from '../lexicon';
import { words } from '../text';
import { buildTraceContext, cap, fmt, nodeName, THRESHOLDS, type TraceContext, type TraceIssue, type TraceNode } from './build';
import { factIndex, scanFacts, type Fact } from './facts';
import { firstStartingAt, firstStartingIn, SpanSet, spansWithin } from './locate';

export type TraceCode =
  | 'trace/unanswered-question'
  | 'trace/unassessed-norm'
  | 'trace/missing-score'
  | 'trace/assessment-without-evidence'
  | 'trace/conclusion-without-findings'
  | 'trace/new-fact-in-conclusion'
  | 'trace/recommendation-without-conclusion';

export const ISSUE_OF: Record<TraceCode, TraceIssue> = {
  'trace/unanswered-question': 'unanswered',
  'trace/unassessed-norm': 'unassessed',
  'trace/missing-score': 'missing-score',
  'trace/assessment-without-evidence': 'no-evidence',
  'trace/conclusion-without-findings': 'no-findings',
  'trace/new-fact-in-conclusion': 'new-fact',
  'trace/recommendation-without-conclusion': 'no-conclusion',
};

export interface TraceProblem {
  code: TraceCode;
  /** The node the problem is about. */
  node: string;
  /** The document the diagnostic belongs in. */
  uri: string | null;
  range: Span;
  message: Message;
  related: Related[];
  /** What a quick fix needs (see `fixes.ts`). */
  data: Record<string, unknown>;
}

export interface TraceResult {
  ctx: TraceContext;
  problems: TraceProblem[];
}

const CACHE = new WeakMap<DocumentModel, { project: ProjectView | undefined; result: TraceResult }>();

/** Document kinds the trace checks read: reports (and documents of unknown kind), and normenkaders through their report. */
export function traceable(model: DocumentModel): boolean {
  return model.kind === 'report' || model.kind === 'unknown' || model.kind === 'framework';
}

/** The report whose graph covers this document, or null. */
export function reportOf(model: DocumentModel, project?: ProjectView): DocumentModel | null {
  if (model.kind === 'framework') {
    const r = project?.reportFor(model) ?? null;
    return r && r.kind === 'report' ? r : null;
  }
  return traceable(model) ? model : null;
}

/** The graph and the problems of the report a document belongs to (cached). */
export function traceCheck(report: DocumentModel, project?: ProjectView): TraceResult {
  const hit = CACHE.get(report);
  if (hit && hit.project === project) return hit.result;
  const ctx = buildTraceContext(report, project);
  const problems = findProblems(ctx);
  for (const p of problems) {
    const n = ctx.node(p.node);
    const issue = ISSUE_OF[p.code];
    if (n && !n.issues.includes(issue)) n.issues.push(issue);
  }
  const result = { ctx, problems };
  CACHE.set(report, { project, result });
  return result;
}

/** The problems of one code for the document being checked. */
export function problemsFor(model: DocumentModel, project: ProjectView | undefined, code: TraceCode): TraceProblem[] {
  const report = reportOf(model, project);
  if (!report) return [];
  const { problems } = traceCheck(report, project);
  return problems.filter((p) => p.code === code && p.uri === model.uri);
}

// ---------------------------------------------------------------- the checks

function findProblems(ctx: TraceContext): TraceProblem[] {
  const out: TraceProblem[] = [];
  const m = ctx.report;
  const g = ctx.graph;
  const lang = m.language;
  const name = (id: string): Message => {
    const n = ctx.node(id);
    return n ? nodeName(n) : { nl: id, en: id };
  };
  const rel = (n: TraceNode, message: Message): Related => ({ message, range: headRange(n.uri === m.uri ? m : ctx.frameworks.find((f) => f.uri === n.uri) ?? m, n.range), ...(n.uri !== m.uri && n.uri ? { uri: n.uri } : {}) });
  const strengthOf = (s: number): Message => ({ nl: `gelijkenis ${fmt(s, 'nl')}`, en: `similarity ${fmt(s, 'en')}` });

  // Unanswered research questions.
  // The same for every question: made once, copied per problem.
  let stubOnce: ReturnType<typeof conclusionStub> | undefined;
  const stub = (): ReturnType<typeof conclusionStub> => {
    if (stubOnce === undefined) stubOnce = conclusionStub(m);
    return stubOnce && { ...stubOnce };
  };
  if (m.conclusions.length) {
    for (const q of m.questions) {
      if (ctx.in(q.id).some((e) => e.kind === 'answers')) continue;
      const cands = ctx.index.rank(q.text, 'conclusion', null, 2).filter((x) => x.strength >= 0.1);
      const finding = ctx.index.rank(q.text, 'finding', null, 1)[0];
      const related: Related[] = cands.map((c) => rel(ctx.node(c.owner)!, { nl: `Dichtstbijzijnde conclusie: ${name(c.owner).nl} (${strengthOf(c.strength).nl}).`, en: `Nearest conclusion: ${name(c.owner).en} (${strengthOf(c.strength).en}).` }));
      if (finding && finding.strength >= 0.15) related.push(rel(ctx.node(finding.owner)!, { nl: `Bevindingen over dit onderwerp: ${name(finding.owner).nl}.`, en: `Findings on this subject: ${name(finding.owner).en}.` }));
      out.push({
        code: 'trace/unanswered-question',
        node: q.id,
        uri: m.uri,
        range: headRange(m, q.range),
        message: {
          nl: `${cap(name(q.id).nl)} wordt door geen conclusie beantwoord: geen conclusie noemt de vraag of heeft haar nummer, en geen conclusie lijkt er genoeg op.`,
          en: `${cap(name(q.id).en)} is answered by no conclusion: none names it or has its number, and none is similar enough.`,
        },
        related,
        data: { question: q.id, number: q.label ?? q.id.slice(1), candidates: cands.map((c) => ({ id: c.owner, strength: c.strength, insertAt: endOfItem(m, ctx.node(c.owner)!.range) })), stub: stub() },
      });
    }
  }

  // Norms no assessment judges.
  const previous = previousAssessments(m);
  if (m.assessments.length) {
    for (const n of g.nodes) {
      if (n.kind !== 'norm' || ctx.in(n.id).some((e) => e.kind === 'assesses')) continue;
      const doc = n.uri === m.uri ? m : ctx.frameworks.find((f) => f.uri === n.uri) ?? m;
      const near = ctx.index.rank(n.text, 'assessment', null, 1)[0];
      const finding = ctx.index.rank(n.text, 'finding', null, 1)[0];
      const related: Related[] = [];
      const after = previous(n);
      if (after) related.push({ message: { nl: `Hier staan de oordelen over de normen ervoor (${name(after.id).nl}).`, en: `The assessments of the norms before it stand here (${name(after.id).en}).` }, range: headRange(m, after.range), ...(doc !== m && m.uri ? { uri: m.uri } : {}) });
      if (near && near.strength >= 0.3 && near.owner !== after?.id) related.push({ message: { nl: `Lijkt het meest op ${name(near.owner).nl} (${strengthOf(near.strength).nl}).`, en: `Most like ${name(near.owner).en} (${strengthOf(near.strength).en}).` }, range: headRange(m, ctx.node(near.owner)!.range), ...(doc !== m && m.uri ? { uri: m.uri } : {}) });
      if (finding && finding.strength >= 0.15) related.push({ message: { nl: `Bevindingen over dit onderwerp: ${name(finding.owner).nl}.`, en: `Findings on this subject: ${name(finding.owner).en}.` }, range: headRange(m, ctx.node(finding.owner)!.range), ...(doc !== m && m.uri ? { uri: m.uri } : {}) });
      out.push({
        code: 'trace/unassessed-norm',
        node: n.id,
        uri: n.uri,
        range: headRange(doc, n.range),
        message: {
          nl: `${cap(name(n.id).nl)} wordt nergens getoetst: geen oordeel in ${doc === m ? 'het rapport' : 'het bijbehorende rapport'} noemt deze norm of herhaalt haar tekst.`,
          en: `${cap(name(n.id).en)} is assessed nowhere: no assessment in ${doc === m ? 'the report' : 'its report'} names the norm or repeats its wording.`,
        },
        related,
        data: { norm: n.id, reportUri: m.uri, stub: after ? assessmentStub(m, after, n) : null },
      });
    }
  }

  // Assessments: score and evidence.
  const usesScores = m.assessments.some((a) => a.score || a.scaleWithoutChoice || a.scoreRange);
  for (const a of m.assessments) {
    const node = ctx.node(a.id)!;
    const state = node.scoreState!;
    const normName = a.norm && ctx.node(a.norm) ? name(a.norm) : a.label ? { nl: `norm ${a.label}`, en: `norm ${a.label}` } : { nl: `"${short(a.normText)}"`, en: `"${short(a.normText)}"` };
    if (state === 'unreadable' || (state === 'scale-without-choice' && m.format === 'markdown') || (state === 'absent' && usesScores)) {
      const value = state === 'unreadable' ? scoreValue(m.text, a) : null;
      out.push({
        code: 'trace/missing-score',
        node: a.id,
        uri: m.uri,
        range: value ? value.range : a.scoreRange ?? headRange(m, a.range),
        message:
          state === 'unreadable'
            ? {
                nl: `Het oordeel over ${normName.nl} heeft geen leesbare score: "${value?.text ?? ''}" is geen score op de schaal ++ / + / +- / - / --.`,
                en: `The assessment of ${normName.en} has no readable score: "${value?.text ?? ''}" is not a score on the scale ++ / + / +- / - / --.`,
              }
            : state === 'scale-without-choice'
              ? { nl: `Het oordeel over ${normName.nl} toont de schaal zonder keuze: zet de gekozen score vet (bijvoorbeeld ++ | **+** | +- | - | --).`, en: `The assessment of ${normName.en} shows the scale with no choice: put the chosen score in bold (e.g. ++ | **+** | +- | - | --).` }
              : { nl: `Het oordeel over ${normName.nl} heeft geen score, terwijl de andere oordelen er een hebben.`, en: `The assessment of ${normName.en} has no score, while the other assessments have one.` },
        related: [],
        data: { assessment: a.id, state, value: value ? { start: value.range.start, end: value.range.end } : null, scale: state === 'scale-without-choice' ? a.scoreRange : null },
      });
    }
    const linked = ctx.out(a.id).some((e) => e.kind === 'evidence' && e.via === 'explicit');
    if (!linked && !hasSource(m, a)) {
      const cands = ctx.index.rank(a.text || a.normText, 'finding', a.text ? a.normText : null, 2);
      const best = cands[0] && cands[0].strength >= 0.1 ? cands[0] : null;
      out.push({
        code: 'trace/assessment-without-evidence',
        node: a.id,
        uri: m.uri,
        range: headRange(m, a.range),
        message: {
          nl: `Het oordeel over ${normName.nl} noemt geen bron, citeert niets en verwijst naar geen bevinding${best ? `; de bevindingen die er het meest op lijken staan in ${name(best.owner).nl} (${strengthOf(best.strength).nl})` : ''}.`,
          en: `The assessment of ${normName.en} names no source, cites nothing and refers to no finding${best ? `; the most similar findings are in ${name(best.owner).en} (${strengthOf(best.strength).en})` : ''}.`,
        },
        related: cands.filter((c) => c.strength >= 0.1).map((c) => rel(ctx.node(c.owner)!, { nl: `Kandidaat: ${name(c.owner).nl} (${strengthOf(c.strength).nl}).`, en: `Candidate: ${name(c.owner).en} (${strengthOf(c.strength).en}).` })),
        data: { assessment: a.id, insertAt: firstSentenceEnd(m, reasoningRange(m, a)), candidates: cands.filter((c) => c.strength >= 0.1).map((c) => findingRef(m, c.owner, c.strength)).filter(Boolean) },
      });
    }
  }

  // Conclusions: findings behind them, and no new facts.
  const findingRanges = [...m.findings.map((f) => f.range), ...m.assessments.map((a) => a.range)];
  const introRanges = m.sections.filter((sec) => sec.role === 'introduction' || sec.role === 'central-question' || sec.role === 'questions' || sec.role === 'norms').map((sec) => sec.range);
  const facts = m.findings.length ? factIndex(m, findingRanges, [...findingRanges, ...introRanges]) : null;
  const exclude = new SpanSet([
    ...m.references.map((r) => r.range),
    ...m.citations.map((c) => c.groupRange),
    ...m.footnotes.flatMap((f) => f.refs),
    ...m.links.map((l) => l.range),
    ...m.blocks.filter((b) => b.type === 'heading').map((b) => b.range),
  ]);
  const starts = new Set(m.sentences.map((s) => s.start));
  for (const c of m.conclusions) {
    const rests = ctx.out(c.id).filter((e) => e.kind === 'rests-on');
    const onFinding = rests.some((e) => ctx.node(e.to)?.kind === 'finding' || (ctx.node(e.to)?.kind === 'assessment' && ctx.out(e.to).some((x) => x.kind === 'evidence')));
    if (!onFinding && m.findings.length) {
      const cands = ctx.index.rank(c.text, 'finding', c.question, 2);
      out.push({
        code: 'trace/conclusion-without-findings',
        node: c.id,
        uri: m.uri,
        range: headRange(m, c.range),
        message: {
          nl: `${cap(name(c.id).nl)} rust op geen bevinding: de conclusie verwijst naar geen paragraaf met bevindingen en geen paragraaf lijkt er genoeg op${cands[0] ? ` (hoogste ${strengthOf(cands[0].strength).nl}, ${name(cands[0].owner).nl}; nodig ${fmt(THRESHOLDS.restsOn, 'nl')})` : ''}.`,
          en: `${cap(name(c.id).en)} rests on no finding: it refers to no findings section and none is similar enough${cands[0] ? ` (best ${strengthOf(cands[0].strength).en}, ${name(cands[0].owner).en}; needed ${fmt(THRESHOLDS.restsOn, 'en')})` : ''}.`,
        },
        related: cands.filter((x) => x.strength >= 0.1).map((x) => rel(ctx.node(x.owner)!, { nl: `Kandidaat: ${name(x.owner).nl} (${strengthOf(x.strength).nl}).`, en: `Candidate: ${name(x.owner).en} (${strengthOf(x.strength).en}).` })),
        data: { conclusion: c.id, insertAt: firstSentenceEnd(m, bodyRange(m, c.range)), candidates: cands.filter((x) => x.strength >= 0.1).map((x) => findingRef(m, x.owner, x.strength)).filter(Boolean) },
      });
    }
    if (!facts) continue;
    const body = bodyRange(m, c.range);
    const seen = new Set<string>();
    for (const f of scanFacts(m.text, body.start, body.end, m.language, { exclude, sentenceStarts: starts, names: true })) {
      if (facts.has(f)) continue;
      const key = `${f.kind}:${f.value}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const kindName = FACT_NAMES[f.kind];
      const near = facts.nearest(f);
      const rests = ctx.out(c.id).filter((e) => e.kind === 'rests-on' && ctx.node(e.to)?.kind === 'finding').slice(0, 2);
      const related: Related[] = near.map((x) => ({ message: { nl: `In de bevindingen staat wel ${x.text}.`, en: `The findings do have ${x.text}.` }, range: x.range }));
      for (const e of rests) related.push(rel(ctx.node(e.to)!, { nl: `${cap(name(c.id).nl)} rust op ${name(e.to).nl}.`, en: `${cap(name(c.id).en)} rests on ${name(e.to).en}.` }));
      out.push({
        code: 'trace/new-fact-in-conclusion',
        node: c.id,
        uri: m.uri,
        range: f.range,
        message: {
          nl: `${cap(name(c.id).nl)} noemt ${kindName.nl} "${f.text}", maar dat staat nergens in de bevindingen. Een conclusie brengt geen nieuwe feiten.`,
          en: `${cap(name(c.id).en)} states ${kindName.en} "${f.text}", which appears nowhere in the findings. A conclusion brings no new facts.`,
        },
        related,
        data: { conclusion: c.id, kind: f.kind, value: f.value, text: f.text },
      });
    }
  }

  // Recommendations that follow from no conclusion.
  if (m.conclusions.length) {
    for (const r of m.recommendations) {
      if (ctx.out(r.id).some((e) => e.kind === 'follows')) continue;
      const cands = ctx.index.rank(r.text, 'conclusion', null, 2);
      out.push({
        code: 'trace/recommendation-without-conclusion',
        node: r.id,
        uri: m.uri,
        range: headRange(m, r.range),
        message: {
          nl: `${cap(name(r.id).nl)} volgt uit geen conclusie: ze verwijst naar geen conclusie en lijkt op geen enkele sterk genoeg${cands[0] ? ` (hoogste ${strengthOf(cands[0].strength).nl}, ${name(cands[0].owner).nl}; nodig ${fmt(THRESHOLDS.follows, 'nl')})` : ''}.`,
          en: `${cap(name(r.id).en)} follows from no conclusion: it refers to none and resembles none strongly enough${cands[0] ? ` (best ${strengthOf(cands[0].strength).en}, ${name(cands[0].owner).en}; needed ${fmt(THRESHOLDS.follows, 'en')})` : ''}.`,
        },
        related: cands.filter((x) => x.strength >= 0.1).map((x) => rel(ctx.node(x.owner)!, { nl: `Kandidaat: ${name(x.owner).nl} (${strengthOf(x.strength).nl}).`, en: `Candidate: ${name(x.owner).en} (${strengthOf(x.strength).en}).` })),
        data: {
          recommendation: r.id,
          insertAt: firstSentenceEnd(m, bodyRange(m, r.range)),
          candidates: cands.filter((x) => x.strength >= 0.1).map((x) => ({ id: x.owner, number: ctx.node(x.owner)!.number ?? x.owner.slice(1), strength: x.strength })),
        },
      });
    }
  }
  return out;
}

const FACT_NAMES: Record<Fact['kind'], Message> = {
  amount: { nl: 'het bedrag', en: 'the amount' },
  percent: { nl: 'het percentage', en: 'the percentage' },
  number: { nl: 'het getal', en: 'the number' },
  date: { nl: 'de datum', en: 'the date' },
  name: { nl: 'de naam', en: 'the name' },
};

// ---------------------------------------------------------------- sources

const DOC_WITH_YEAR = /[‘'"“][^‘’'"“”\n]{2,80}[’'"”]\s{0,2},?\s{0,2}(?:19|20)\d\d|[‘'"“][^‘’'"“”\n]{0,80}(?:19|20)\d\d[’'"”]|\((?:[^()\n]{0,100}\s)?(?:19|20)\d\d(?:[,;][^()\n]{0,60})?\)/;

/**
 * An assessment names a source when it has a citation, a footnote that is a
 * source, a link to a file or a URL, source or attribution words ("bron",
 * "uit interviews blijkt", "volgens"), or a document named with its year
 * ("(‘Samen Sterk’ 2021)").
 */
export function hasSource(m: DocumentModel, a: Assessment): boolean {
  const r = a.range;
  const s = sourceSpans(m);
  if (spansWithin(s.citations, spanOf, r).length) return true;
  if (spansWithin(s.footnoteRefs, self, r).length) return true;
  if (spansWithin(s.links, self, r).length) return true;
  const body = `${a.text}`;
  const ws = words(body);
  for (const lx of allLexicons(m.language)) if (lx.sourceCues.matches(ws) || lx.attributionCues.matches(ws)) return true;
  return DOC_WITH_YEAR.test(body);
}

const SOURCE_SPANS = new WeakMap<DocumentModel, { citations: DocumentModel['citations']; footnoteRefs: Span[]; links: Span[] }>();
const spanOf = (x: { range: Span }): Span => x.range;
const self = (x: Span): Span => x;

/** Where the citations, the markers of source footnotes and the links to files or URLs of a document stand, in order (once per model). */
function sourceSpans(m: DocumentModel): { citations: DocumentModel['citations']; footnoteRefs: Span[]; links: Span[] } {
  let s = SOURCE_SPANS.get(m);
  if (!s) {
    const byStart = (a: Span, b: Span): number => a.start - b.start;
    s = {
      citations: m.citations,
      footnoteRefs: m.footnotes.filter((f) => f.isSource).flatMap((f) => f.refs).sort(byStart),
      links: m.links.filter((l) => !l.isAnchor).map((l) => l.range).sort(byStart),
    };
    SOURCE_SPANS.set(m, s);
  }
  return s;
}

// ---------------------------------------------------------------- places

const blockStart = (b: DocumentModel['blocks'][number]): number => b.range.start;
const sentenceStart = (s: DocumentModel['sentences'][number]): number => s.start;

/** A short range for a diagnostic on an item: its heading, else its first sentence, else its first line. */
export function headRange(m: DocumentModel, range: Span): Span {
  const b = firstStartingIn(m.blocks, blockStart, range.start, range.end);
  if (b && b.type === 'heading') return { ...b.content };
  const s = firstStartingIn(m.sentences, sentenceStart, range.start, range.end);
  if (s) return { start: s.start, end: Math.min(s.end, range.end) };
  const nl = m.text.indexOf('\n', range.start);
  return { start: range.start, end: nl > range.start && nl < range.end ? nl : range.end };
}

/** The item without its heading. */
export function bodyRange(m: DocumentModel, range: Span): Span {
  const b = firstStartingIn(m.blocks, blockStart, range.start, range.end);
  if (b && b.type === 'heading' && b.range.end < range.end) return { start: b.range.end, end: range.end };
  return range;
}

/** The reasoning of an assessment: after its heading and after the line with its score. */
function reasoningRange(m: DocumentModel, a: Assessment): Span {
  const body = bodyRange(m, a.range);
  if (!a.scoreRange || a.scoreRange.end <= body.start) return body;
  const nl = m.text.indexOf('\n', a.scoreRange.end);
  const from = nl < 0 || nl >= a.range.end ? body.start : nl + 1;
  return { start: from, end: a.range.end };
}

/** Where to insert text at the end of the first sentence: before its final punctuation. */
export function firstSentenceEnd(m: DocumentModel, range: Span): number {
  const s = firstStartingIn(m.sentences, sentenceStart, range.start, range.end);
  let end = s ? Math.min(s.end, range.end) : range.end;
  while (end > range.start && /\s/.test(m.text[end - 1])) end--;
  while (end > range.start && /[*_"'”’)]/.test(m.text[end - 1]) && m.text[end - 1] !== ')') end--;
  if (end > range.start && /[.!?;:]/.test(m.text[end - 1])) end--;
  return end;
}

/** The end of an item's text (before trailing whitespace). */
function endOfItem(m: DocumentModel, range: Span): number {
  let end = range.end;
  while (end > range.start && /\s/.test(m.text[end - 1])) end--;
  return end;
}

/** How to write a reference to a finding: "paragraaf 4.5", or a link to its section. */
function findingRef(m: DocumentModel, id: string, strength: number): { id: string; phrase: string; strength: number } | null {
  const f = findingById(m).get(id);
  if (!f) return null;
  const en = m.language === 'en';
  if (f.label && /^\d/.test(f.label)) return { id, phrase: `${en ? 'section' : 'paragraaf'} ${f.label}`, strength };
  const sec = m.sections[f.section];
  if (m.format === 'markdown' && sec && !/^S\d/.test(sec.id)) return { id, phrase: `[${f.title}](#${sec.id})`, strength };
  return null;
}

const FINDING_BY_ID = new WeakMap<DocumentModel, Map<string, DocumentModel['findings'][number]>>();

/** The findings of a document by id (the first of an id, as `find` gives it). */
function findingById(m: DocumentModel): Map<string, DocumentModel['findings'][number]> {
  let map = FINDING_BY_ID.get(m);
  if (!map) {
    map = new Map();
    for (const f of m.findings) if (!map.has(f.id)) map.set(f.id, f);
    FINDING_BY_ID.set(m, map);
  }
  return map;
}

/**
 * The assessment after which a missing one belongs: the last one of a lower
 * norm number (the first such assessment in document order when several
 * assess the same norm). The assessments are sorted by norm number once, and
 * each norm finds its place by binary search.
 */
function previousAssessments(m: DocumentModel): (n: TraceNode) => Assessment | null {
  const key = (id: string): number[] => (id.match(/\d+/g) ?? []).map(Number);
  const cmp = (a: number[], b: number[]): number => {
    for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
    return a.length - b.length;
  };
  let sorted: Array<{ a: Assessment; key: number[] }> | null = null;
  /** For each place in `sorted`: where its run of equal numbers begins. */
  let runStart: number[] = [];
  return (n) => {
    if (!sorted) {
      // Stable: among assessments of equal norm numbers the first in document order comes first.
      sorted = m.assessments.filter((a) => a.norm).map((a) => ({ a, key: key(a.norm!) })).sort((x, y) => cmp(x.key, y.key));
      runStart = sorted.map(() => 0);
      for (let i = 1; i < sorted.length; i++) runStart[i] = cmp(sorted[i - 1].key, sorted[i].key) === 0 ? runStart[i - 1] : i;
    }
    const target = key(n.id);
    // The number of assessments whose norm number is below the target.
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cmp(sorted[mid].key, target) < 0) lo = mid + 1;
      else hi = mid;
    }
    // The greatest number below the target: the first assessment of that number.
    return lo === 0 ? null : sorted[runStart[lo - 1]].a;
  };
}

/** Text for a new assessment of `n` after `after`, in the style of `after` (Markdown heading and score label). */
function assessmentStub(m: DocumentModel, after: Assessment, n: TraceNode): { at: number; text: string } | null {
  if (m.format !== 'markdown') return null;
  const head = firstStartingAt(m.blocks, blockStart, after.range.start, (b) => b.type === 'heading');
  if (!head) return null;
  const hashes = '#'.repeat(Math.max(1, Math.min(6, head.level)));
  const label = m.language === 'en' ? 'Norm' : 'Norm';
  const score = m.language === 'en' ? 'Score' : 'Oordeel';
  const end = endOfItem(m, after.range);
  return { at: end, text: `\n\n${hashes} ${label} ${n.number ?? n.id.slice(1)}: ${n.text}\n\n**${score}:** …\n\n…` };
}

/** How a new conclusion is written after the last one (heading or list item), for the "add a conclusion" fix. */
function conclusionStub(m: DocumentModel): { at: number; heading: string | null; next: number; explicitId: boolean } | null {
  const last = m.conclusions[m.conclusions.length - 1];
  if (!last || m.format !== 'markdown') return null;
  const head = firstStartingAt(m.blocks, blockStart, last.range.start);
  const next = m.conclusions.length + 1;
  const at = endOfItem(m, last.range);
  if (head && head.type === 'heading') return { at, heading: '#'.repeat(head.level), next, explicitId: !!last.explicitId };
  if (head && head.type === 'item') return { at, heading: null, next, explicitId: false };
  return null;
}

/** The written value after a score label ("nog te bepalen"), with its range. */
function scoreValue(text: string, a: Assessment): { text: string; range: Span } | null {
  if (!a.scoreRange) return null;
  let i = a.scoreRange.end;
  const lineEnd = (() => {
    const n = text.indexOf('\n', i);
    return n < 0 ? text.length : n;
  })();
  const seg = text.slice(i, lineEnd);
  const lead = /^\s{0,3}(?:\*\*|__)?\s{0,3}[:：]?\s{0,3}(?:\*\*|__)?\s{0,3}/.exec(seg);
  i += lead ? lead[0].length : 0;
  let end = lineEnd;
  while (end > i && /[\s*_]/.test(text[end - 1])) end--;
  if (end <= i) return null;
  return { text: text.slice(i, end), range: { start: i, end } };
}

function short(s: string): string {
  return s.length > 60 ? s.slice(0, 57) + '…' : s;
}
