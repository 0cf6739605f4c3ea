/**
 * Items from blocks, read in the context of their section's role:
 * research questions, norms, conclusions, recommendations and goals (one
 * walk), assessments (in assessment sections), reactions (in reaction
 * sections or reaction documents), findings (the leaf sections of the
 * findings chapters).
 *
 * Ids: `{#id}` attributes and fenced-div ids win; else the document's own
 * numbering when it is complete and unique per kind ("8.1 … 3." → C3);
 * else numbering in order (N1, N2 …).
 */
import type { Assessment, Block, Conclusion, DocumentModel, Finding, Goal, ItemBase, Norm, Question, Reaction, Recommendation, Score, Section, SectionRole, Span } from './types';
import type { Lexicon } from './lexicon';
import { itemLabel, parseHeadingNumber, type ItemKind } from './numbering';
import { normalizeText, words } from './text';
import { splitSentences } from './sentences';

export interface ItemContext {
  text: string;
  /** Running text (noise blanked), same offsets as `text`. */
  masked: string;
  /** `masked` with line breaks as spaces: what sentence splitting reads. */
  flow: string;
  blocks: Block[];
  sections: Section[];
  blockSection: number[];
  lexicons: readonly Lexicon[];
  isReactionDocument: boolean;
}

export type Items = Pick<DocumentModel, 'centralQuestion' | 'questions' | 'norms' | 'assessments' | 'findings' | 'goals' | 'conclusions' | 'recommendations' | 'reactions'> & {
  /** Question label that a question header above a conclusion or recommendation names. */
  headerQuestion: Map<ItemBase, string>;
};

type DraftKind = 'question' | 'norm' | 'conclusion' | 'recommendation' | 'goal';

interface Draft {
  kind: DraftKind;
  label: string | null;
  explicitId: string | null;
  blocks: number[];
  section: number;
  group: string | null;
  /** Block index of a question header (not part of the item's text). */
  header: number | null;
  /** What the draft takes in after its first block. */
  attach: 'all' | 'sub' | 'none';
  /** Label of a question this recommendation answers (question header above it). */
  answers: string | null;
  /** Heading-based draft: ends at the next heading of this level or higher. */
  headingLevel: number | null;
  divId: string | null;
}

const QUESTION_END = /\?["'’”)]*$/;
const EXCLUDED_FOR_QUESTIONS: ReadonlySet<SectionRole> = new Set(['conclusions', 'recommendations', 'reaction', 'afterword', 'assessment', 'summary']);

export function extractItems(ctx: ItemContext): Items {
  const { blocks, sections, blockSection, lexicons } = ctx;
  const drafts: Draft[] = [];
  /** Numbered questions outside a questions section; used when the document has none (priority 1 before 2). */
  const fallbackQuestions: Array<{ draft: Draft; priority: number }> = [];
  const headerCandidate = (bi: number, sec: number): void => {
    const b = blocks[bi];
    fallbackQuestions.push({ priority: 2, draft: { kind: 'question', label: b.label, explicitId: null, section: sec, group: null, header: null, attach: 'none', answers: null, headingLevel: null, divId: null, blocks: [bi] } });
  };
  let centralQuestion: ItemBase | null = null;
  let open: Draft | null = null;
  let pendingAnswer: { label: string; section: number } | null = null;

  const rolesOf = (sec: number): SectionRole[] => (sec >= 0 ? sections[sec].roles : []);
  const close = (): void => {
    open = null;
  };
  const start = (d: Omit<Draft, 'blocks'> & { first: number }): Draft => {
    const { first, ...rest } = d;
    const draft: Draft = { ...rest, blocks: [first] };
    drafts.push(draft);
    open = draft;
    return draft;
  };

  for (let bi = 0; bi < blocks.length; bi++) {
    const b = blocks[bi];
    const sec = blockSection[bi];
    const roles = rolesOf(sec);
    const role = sec >= 0 ? sections[sec].role : 'other';
    if (ctx.isReactionDocument || role === 'reaction' || role === 'afterword' || role === 'assessment') {
      close();
      continue;
    }
    if (pendingAnswer && pendingAnswer.section !== sec && !(sec >= 0 && isDescendant(sections, sec, pendingAnswer.section))) pendingAnswer = null;

    // Fenced divs with an item id: `::: {#C3}`.
    if (b.divId && /^[CRNQG]\d/.test(b.divId)) {
      const cur = open as Draft | null;
      if (cur && cur.divId === b.divId) {
        cur.blocks.push(bi);
        continue;
      }
      const kind = ({ C: 'conclusion', R: 'recommendation', N: 'norm', Q: 'question', G: 'goal' } as const)[b.divId[0] as 'C'];
      start({ kind, label: null, explicitId: b.divId, section: sec, group: null, header: null, attach: 'none', answers: null, headingLevel: null, divId: b.divId, first: bi });
      continue;
    }

    if (b.type === 'heading') {
      close();
      const lab = itemLabel(b.text, lexicons);
      if (lab && isDraftKind(lab.kind) && allows(roles, lab.kind)) {
        start({ kind: lab.kind, label: lab.label, explicitId: b.attrId, section: sec, group: groupOf(sections, sec), header: null, attach: 'all', answers: lab.kind === 'recommendation' ? pendingAnswer?.label ?? null : null, headingLevel: b.level, divId: null, first: bi });
      }
      continue;
    }

    const cur = open as Draft | null;
    if (cur && cur.headingLevel !== null) {
      cur.blocks.push(bi);
      continue;
    }

    if (b.type === 'item') {
      const numbered = b.marker === 'number' || b.marker === 'letter';
      const isQ = QUESTION_END.test(b.text);
      if (b.depth > 0 || (!numbered && cur && cur.attach !== 'none' && isNumberedDraft(cur, blocks))) {
        if (cur && cur.attach !== 'none') {
          cur.blocks.push(bi);
          continue;
        }
      }
      const lab = itemLabel(b.text, lexicons, true);
      if (numbered || lab) {
        close();
        const label = lab?.label ?? b.label;
        const kind = decideKind(roles, b.text, isQ, lexicons, lab?.kind);
        const plain = !b.closed;
        if (kind === 'conclusion') {
          if (isQ && !lab) headerCandidate(bi, sec);
          if (isQ && !lab) start({ kind, label, explicitId: b.attrId, section: sec, group: null, header: bi, attach: 'all', answers: null, headingLevel: null, divId: null, first: bi });
          else start({ kind, label, explicitId: b.attrId, section: sec, group: null, header: null, attach: plain ? 'all' : 'none', answers: null, headingLevel: null, divId: null, first: bi });
        } else if (kind === 'recommendation') {
          if (isQ && !lab) {
            pendingAnswer = { label: b.label ?? '', section: sec };
            headerCandidate(bi, sec);
            continue;
          }
          start({ kind, label, explicitId: b.attrId, section: sec, group: groupOf(sections, sec), header: null, attach: plain ? 'all' : 'none', answers: pendingAnswer?.label ?? null, headingLevel: null, divId: null, first: bi });
        } else if (kind === 'question') {
          start({ kind, label, explicitId: b.attrId, section: sec, group: groupOf(sections, sec), header: null, attach: plain ? 'sub' : 'none', answers: null, headingLevel: null, divId: null, first: bi });
        } else if (kind === 'norm' || kind === 'goal') {
          start({ kind, label, explicitId: b.attrId, section: sec, group: groupOf(sections, sec), header: null, attach: plain ? 'sub' : 'none', answers: null, headingLevel: null, divId: null, first: bi });
        } else if (isQ && !roles.some((r) => EXCLUDED_FOR_QUESTIONS.has(r))) {
          const d: Draft = { kind: 'question', label, explicitId: b.attrId, section: sec, group: groupOf(sections, sec), header: null, attach: plain ? 'sub' : 'none', answers: null, headingLevel: null, divId: null, blocks: [bi] };
          fallbackQuestions.push({ draft: d, priority: 1 });
          open = d;
        }
        continue;
      }
      // An unnumbered bullet with no numbered item open: an item of its own in lists of norms, goals, recommendations.
      close();
      const kind = bulletKind(roles, isQ);
      if (kind) start({ kind, label: null, explicitId: b.attrId, section: sec, group: groupOf(sections, sec), header: null, attach: 'sub', answers: kind === 'recommendation' ? pendingAnswer?.label ?? null : null, headingLevel: null, divId: null, first: bi });
      continue;
    }

    // Paragraphs, quotes, tables.
    if (cur && cur.attach === 'all') {
      cur.blocks.push(bi);
      continue;
    }
    if (cur && cur.attach === 'sub' && b.type === 'paragraph' && !b.closed && cur.kind !== 'question' && cur.kind !== 'norm' && cur.kind !== 'goal') {
      cur.blocks.push(bi);
      continue;
    }
    close();
    const lab = b.type === 'paragraph' ? itemLabel(b.text, lexicons, true) : null;
    if (!lab && b.type === 'paragraph' && roles.includes('recommendations') && !roles.includes('conclusions') && isRecommendationLike(b.text, lexicons)) {
      // Unnumbered recommendations that open with the action: "Krijg meer grip op …".
      start({ kind: 'recommendation', label: null, explicitId: b.attrId, section: sec, group: groupOf(sections, sec), header: null, attach: 'none', answers: pendingAnswer?.label ?? null, headingLevel: null, divId: null, first: bi });
      continue;
    }
    if (lab && isDraftKind(lab.kind) && allows(roles, lab.kind)) {
      start({ kind: lab.kind, label: lab.label, explicitId: b.attrId, section: sec, group: groupOf(sections, sec), header: null, attach: 'none', answers: null, headingLevel: null, divId: null, first: bi });
      continue;
    }
    if (!centralQuestion && QUESTION_END.test(b.text) && (roles.includes('central-question') || (roles.includes('questions') && b.type === 'paragraph' && !drafts.some((d) => d.kind === 'question')))) {
      centralQuestion = { id: 'Q0', label: null, text: b.text, range: { ...b.content }, section: sec };
    }
  }

  if (!drafts.some((d) => d.kind === 'question')) {
    const seen = new Set<string>();
    for (const priority of [1, 2]) {
      for (const { draft: d, priority: p } of fallbackQuestions) {
        if (p !== priority) continue;
        const key = d.label ?? '';
        if (d.label && seen.has(key)) continue;
        seen.add(key);
        drafts.push(d);
      }
    }
  }

  const headerQuestion = new Map<ItemBase, string>();
  const questions: Question[] = [];
  const norms: Norm[] = [];
  const conclusions: Conclusion[] = [];
  const recommendations: Recommendation[] = [];
  const goals: Goal[] = [];
  const byKind = (k: DraftKind): Draft[] => drafts.filter((d) => d.kind === k).sort((a, b) => a.blocks[0] - b.blocks[0]);
  const naturalOrder = (a: ItemBase, b: ItemBase): number => compareIds(a.id, b.id);
  const prefix: Record<DraftKind, string> = { question: 'Q', norm: 'N', conclusion: 'C', recommendation: 'R', goal: 'G' };

  for (const kind of ['question', 'norm', 'conclusion', 'recommendation', 'goal'] as DraftKind[]) {
    const list = byKind(kind);
    const ids = assignIds(list, prefix[kind]);
    list.forEach((d, i) => {
      const base = draftBase(ctx, d, ids[i]);
      if (kind === 'question') questions.push({ ...base, group: d.group });
      else if (kind === 'norm') norms.push({ ...base, group: d.group });
      else if (kind === 'goal') goals.push(base);
      else if (kind === 'conclusion') {
        const c: Conclusion = { ...base, question: d.header !== null ? stripLabel(blocks[d.header].text, blocks[d.header].label) : null, answers: [] };
        if (d.header !== null && blocks[d.header].label) headerQuestion.set(c, blocks[d.header].label!);
        conclusions.push(c);
      } else {
        const r: Recommendation = { ...base, follows: [], answers: [], group: d.group };
        if (d.answers) headerQuestion.set(r, d.answers);
        recommendations.push(r);
      }
    });
  }

  // Questions gathered from several places read in their own numbering order.
  if (questions.every((q) => q.label && /^\d/.test(q.label))) questions.sort(naturalOrder);
  return {
    centralQuestion,
    questions,
    norms,
    assessments: extractAssessments(ctx),
    findings: extractFindings(ctx),
    goals,
    conclusions,
    recommendations,
    reactions: extractReactions(ctx),
    headerQuestion,
  };
}

/** "Q2" < "Q10" < "Q10.1"; ids without numbers keep their order. */
export function compareIds(a: string, b: string): number {
  const na = a.match(/\d+/g)?.map(Number) ?? [];
  const nb = b.match(/\d+/g)?.map(Number) ?? [];
  for (let i = 0; i < Math.min(na.length, nb.length); i++) if (na[i] !== nb[i]) return na[i] - nb[i];
  return na.length - nb.length;
}

function isDescendant(sections: Section[], s: number, ancestor: number): boolean {
  let p = sections[s].parent;
  while (p !== null) {
    if (p === ancestor) return true;
    p = sections[p].parent;
  }
  return false;
}

function isDraftKind(k: ItemKind): k is DraftKind {
  return k === 'question' || k === 'norm' || k === 'conclusion' || k === 'recommendation' || k === 'goal';
}

function isNumberedDraft(d: Draft, blocks: Block[]): boolean {
  const b = blocks[d.blocks[0]];
  return b.type === 'item' && (b.marker === 'number' || b.marker === 'letter' || d.label !== null);
}

function allows(roles: SectionRole[], kind: DraftKind): boolean {
  const need: Record<DraftKind, SectionRole> = { question: 'questions', norm: 'norms', conclusion: 'conclusions', recommendation: 'recommendations', goal: 'goals' };
  return roles.includes(need[kind]) || roles.length === 0 || roles.includes('other') || roles.includes('findings');
}

function decideKind(roles: SectionRole[], text: string, isQ: boolean, lexicons: readonly Lexicon[], labelled?: ItemKind): DraftKind | null {
  if (labelled && isDraftKind(labelled)) return labelled;
  const hasC = roles.includes('conclusions');
  const hasR = roles.includes('recommendations');
  if (hasC && hasR) return isRecommendationLike(text, lexicons) ? 'recommendation' : 'conclusion';
  if (hasC) return 'conclusion';
  if (hasR) return 'recommendation';
  // Numbered items in "Onderzoeksvragen en normenkader" are the questions; norms there stand in their own sub-lists.
  if (roles.includes('questions')) return 'question';
  if (roles.includes('norms') && !isQ) return 'norm';
  if (roles.includes('goals')) return 'goal';
  return null;
}

function bulletKind(roles: SectionRole[], isQ: boolean): DraftKind | null {
  if (roles.includes('norms') && !roles.includes('questions')) return 'norm';
  if (roles.includes('goals') && !roles.includes('conclusions')) return 'goal';
  if (roles.includes('recommendations') && !roles.includes('conclusions')) return 'recommendation';
  if (roles.includes('questions') && isQ && !roles.includes('norms')) return 'question';
  return null;
}

export function isRecommendationLike(text: string, lexicons: readonly Lexicon[]): boolean {
  const ws = words(text);
  if (!ws.length) return false;
  for (const lx of lexicons) {
    if (lx.imperatives.has(ws[0])) return true;
    if (lx.recommendationCues.matches(ws.slice(0, 12))) return true;
  }
  return false;
}

function groupOf(sections: Section[], sec: number): string | null {
  for (let s: number | null = sec; s !== null && s >= 0; s = sections[s].parent) if (sections[s].group) return sections[s].group;
  return null;
}

function assignIds(list: Draft[], prefix: string): string[] {
  const labels = list.map((d) => d.label);
  const numeric = labels.filter((l): l is string => !!l && /^\d/.test(l));
  const unique = new Set(numeric).size === numeric.length;
  const useLabels = list.length > 0 && numeric.length === list.filter((d) => !d.explicitId).length && unique;
  const used = new Set(list.map((d) => d.explicitId).filter((x): x is string => !!x));
  let n = 0;
  return list.map((d) => {
    if (d.explicitId) return d.explicitId;
    let id = useLabels && d.label ? prefix + d.label : prefix + ++n;
    while (used.has(id)) id = prefix + ++n;
    used.add(id);
    return id;
  });
}

function stripLabel(text: string, label: string | null): string {
  if (!label) return text;
  return text.replace(/^\s*[\p{L}\d]{1,3}[.)]\s*/u, '').trim();
}

function draftBase(ctx: ItemContext, d: Draft, id: string): ItemBase {
  const { blocks } = ctx;
  const own = d.blocks.filter((bi) => bi !== d.header);
  const first = blocks[d.blocks[0]];
  const last = blocks[d.blocks[d.blocks.length - 1]];
  const textBlocks = own.map((bi) => blocks[bi]);
  let text = textBlocks
    .filter((b) => b.type !== 'heading' || d.headingLevel === null || b === first)
    .map((b) => (b.type === 'heading' ? headingRest(b, ctx.lexicons) : b.text))
    .filter((t) => t.length > 0)
    .join(' ');
  if (d.label && textBlocks.length && textBlocks[0].type !== 'heading') {
    const lab = itemLabel(text, ctx.lexicons, true);
    if (lab) text = text.slice(lab.length).trim();
  }
  if (d.headingLevel !== null && textBlocks.length > 1) {
    // Heading items: the heading's title plus the body; the body carries the statement.
    const body = textBlocks.slice(1).map((b) => b.text).join(' ');
    const title = headingRest(first, ctx.lexicons);
    text = title && !/^\d+$/.test(title) ? `${title} ${body}`.trim() : body;
  }
  const startBlock = d.header !== null && own.length ? blocks[own[0]] : first;
  return {
    id,
    label: d.label,
    text: normalizeText(text),
    range: { start: startBlock.range.start, end: last.range.end },
    section: d.section,
    ...(d.explicitId ? { explicitId: true } : {}),
  };
}

/** A heading's text after its item label: "Conclusie 3: Het beleid …" → "Het beleid …". */
function headingRest(b: Block, lexicons: readonly Lexicon[]): string {
  const lab = itemLabel(b.text, lexicons);
  if (lab) return b.text.slice(lab.length).trim();
  return parseHeadingNumber(b.text, lexicons).title;
}

// ---------------------------------------------------------------- assessments

const SCORE_TOKEN = /^(\+\s?\+|\+\s?[-–−]|±|[-–−]\s?[-–−]|\+|[-–−]|0)(?=$|[\s.,;)*_\]])/;

export function parseScore(token: string): Score | null {
  const m = SCORE_TOKEN.exec(token.trim());
  if (!m) return null;
  const t = m[1].replace(/\s/g, '').replace(/[–−]/g, '-').replace('±', '+-');
  if (t === '++' || t === '+' || t === '+-' || t === '-' || t === '--') return t;
  if (t === '0') return '+-';
  return null;
}

interface ScaleHit {
  /** Offset where the scale begins. */
  start: number;
  end: number;
  chosen: Score | null;
}

const OPTIONS: Score[] = ['++', '+', '+-', '-', '--'];

/**
 * The five-point scale written out: "++ | + | +- | - | --" (spaces inside
 * options allowed: "+ -", "- -"). A choice is an option in bold, or marked
 * [x], ✓ or ✔. With no mark the scale shows no choice.
 */
export function findScale(raw: string, base: number): ScaleHit | null {
  return findScales(raw, base)[0] ?? null;
}

/** All scales in the text, in order. */
export function findScales(raw: string, base: number): ScaleHit[] {
  const hits: ScaleHit[] = [];
  if (raw.indexOf('|') < 0) return hits;
  let lineStart = 0;
  while (lineStart <= raw.length) {
    let lineEnd = raw.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = raw.length;
    const line = raw.slice(lineStart, lineEnd);
    if (line.includes('|')) {
      const parts = line.split('|');
      for (let k = 0; k + 5 <= parts.length; k++) {
        const first = /((?:\*\*|__|\[x\]\s*|[✓✔]\s*)?(?<!\s)\s*\+\s?\+(?:\s*(?:\*\*|__))?)\s*$/.exec(parts[k]);
        if (!first) continue;
        const mids = [parts[k + 1], parts[k + 2], parts[k + 3]].map((p) => p.replace(/\*\*|__|\[x\]|[✓✔]/g, '').replace(/\s/g, '').replace(/[–−]/g, '-'));
        if (mids[0] !== '+' || mids[1] !== '+-' || mids[2] !== '-') continue;
        const last = /^\s*((?:\*\*|__|\[x\]\s*|[✓✔]\s*)?[-–−]\s?[-–−](?:\*\*|__)?)/.exec(parts[k + 4]);
        if (!last) continue;
        const opts = [first[1], parts[k + 1], parts[k + 2], parts[k + 3], last[1]];
        const marked = opts.map((o) => /\*\*|__|\[x\]|[✓✔]/.test(o));
        const chosenIdx = marked.filter(Boolean).length === 1 ? marked.indexOf(true) : -1;
        let startOff = lineStart;
        for (let q = 0; q < k; q++) startOff += parts[q].length + 1;
        startOff += parts[k].length - first[0].length + (first[0].length - first[0].trimStart().length);
        let endOff = lineStart;
        for (let q = 0; q < k + 4; q++) endOff += parts[q].length + 1;
        endOff += last[0].length;
        hits.push({ start: base + startOff, end: base + endOff, chosen: chosenIdx >= 0 ? OPTIONS[chosenIdx] : null });
        break;
      }
    }
    lineStart = lineEnd + 1;
  }
  return hits;
}

interface ScoreLabelHit {
  start: number;
  end: number;
  score: Score | null;
  /** Text before the label. */
  before: string;
}

function scoreLabelRe(lexicons: readonly Lexicon[]): RegExp {
  const labels = new Set<string>();
  for (const lx of lexicons) for (const l of lx.scoreLabels) labels.add(l);
  const alt = [...labels].sort((a, b) => b.length - a.length).join('|');
  return new RegExp(`(?:^|[\\s(>*_])(${alt})\\s{0,3}(?:\\*\\*|__)?\\s{0,3}[:：]\\s{0,3}(?:\\*\\*|__)?\\s{0,3}`, 'iu');
}

function findScoreLabel(raw: string, base: number, re: RegExp): ScoreLabelHit | null {
  const m = re.exec(raw);
  if (!m) return null;
  const after = raw.slice(m.index + m[0].length, m.index + m[0].length + 30);
  const score = parseScore(after.replace(/^(\*\*|__)/, ''));
  const labelStart = m.index + m[0].indexOf(m[1]);
  const tokenLen = score ? (SCORE_TOKEN.exec(after.replace(/^(\*\*|__)/, '').trim())?.[0].length ?? 0) : 0;
  const end = m.index + m[0].length + (score ? tokenLen + (after.length - after.trimStart().length) : 0);
  return { start: base + labelStart, end: base + Math.max(end, labelStart + m[1].length), score, before: raw.slice(0, labelStart) };
}

interface ADraft {
  start: number;
  end: number;
  normText: string;
  label: string | null;
  score: Score | null;
  scoreRange: Span | null;
  hasScale: boolean;
  scored: boolean;
  section: number;
  explicitId: string | null;
  fromHeading: boolean;
  texts: string[];
  firstBlock: number;
}

export function extractAssessments(ctx: ItemContext): Assessment[] {
  const { blocks, sections, blockSection, lexicons, masked } = ctx;
  const re = scoreLabelRe(lexicons);
  const drafts: ADraft[] = [];
  let cur: ADraft | null = null;
  let prevPara: number | null = null;

  const begin = (d: Omit<ADraft, 'texts'>): ADraft => {
    const a: ADraft = { ...d, texts: [] };
    drafts.push(a);
    cur = a;
    return a;
  };

  for (let bi = 0; bi < blocks.length; bi++) {
    const b = blocks[bi];
    const sec = blockSection[bi];
    if (sec < 0 || sections[sec].role !== 'assessment') {
      cur = null;
      prevPara = null;
      continue;
    }
    const s = sections[sec];
    if (b.type === 'heading') {
      cur = null;
      prevPara = null;
      const parentIsAssessment = s.parent !== null && sections[s.parent].role === 'assessment';
      const lab = itemLabel(b.text, lexicons);
      if ((parentIsAssessment && s.ownRoles.length === 0) || (lab && (lab.kind === 'norm' || lab.kind === 'question'))) {
        const normText = headingRest(b, lexicons);
        begin({ start: b.range.start, end: b.range.end, normText, label: lab && lab.kind === 'norm' ? lab.label : null, score: null, scoreRange: null, hasScale: false, scored: false, section: sec, explicitId: b.attrId, fromHeading: true, firstBlock: bi });
      }
      continue;
    }
    const raw = masked.slice(b.content.start, b.content.end);
    if (b.type === 'table') {
      const cells = b.text.split(' | ');
      const scoreCell = cells.findIndex((c, i) => i > 0 && parseScore(c) !== null && c.trim().length <= 3);
      if (scoreCell > 0) {
        const lab = itemLabel(cells[0], lexicons, true);
        begin({ start: b.range.start, end: b.range.end, normText: lab ? cells[0].slice(lab.length).trim() : cells[0], label: lab?.kind === 'norm' ? lab.label : null, score: parseScore(cells[scoreCell]), scoreRange: { ...b.range }, hasScale: false, scored: true, section: sec, explicitId: null, fromHeading: false, firstBlock: bi });
        cur = null;
        continue;
      }
    }
    const scales = findScales(raw, b.content.start);
    const label = scales.length ? null : findScoreLabel(raw, b.content.start, re);
    const hits: Array<{ start: number; end: number; score: Score | null; isScale: boolean }> = scales.length
      ? scales.map((h) => ({ start: h.start, end: h.end, score: h.chosen, isScale: true }))
      : label
        ? [{ start: label.start, end: label.end, score: label.score, isScale: false }]
        : [];
    if (hits.length) {
      let segStart = b.content.start;
      for (const hit of hits) {
        const c = cur as ADraft | null;
        const range = { start: hit.start, end: hit.end };
        const beforeText = normalizeText(masked.slice(segStart, hit.start));
        const beforeWords = words(beforeText).length;
        if (c && !c.scored && beforeWords < 3) {
          c.score = hit.score;
          c.scoreRange = range;
          c.hasScale = hit.isScale;
          c.scored = true;
          c.end = Math.max(c.end, hit.end);
          segStart = hit.end;
          continue;
        }
        // A new assessment: the norm text stands before the scale, or in the paragraph above it.
        let start = segStart === b.content.start ? b.range.start : segStart;
        let normText = beforeText;
        let first = bi;
        if (beforeWords >= 3) {
          // Reasoning and the next norm can share a block: the norm is the last sentence before the scale.
          const sents = splitSentences(ctx.flow, segStart, hit.start);
          if (sents.length > 1) {
            const last = sents[sents.length - 1];
            normText = normalizeText(masked.slice(last.start, hit.start));
            if (c) {
              c.end = last.start;
              c.texts.push(normalizeText(masked.slice(segStart, last.start)));
            }
            start = last.start;
          }
        } else if (prevPara !== null && segStart === b.content.start) {
          const p = blocks[prevPara];
          normText = p.text;
          start = p.range.start;
          first = prevPara;
          const owner = drafts.find((d) => d.end >= p.range.end && d.start < p.range.start);
          if (owner) {
            owner.end = Math.min(owner.end, p.range.start);
            owner.texts.pop();
          }
        }
        const lab = itemLabel(normText, lexicons, true);
        begin({ start, end: Math.max(hit.end, b.range.end), normText: lab ? normText.slice(lab.length).trim() : normText, label: lab?.kind === 'norm' ? lab.label : null, score: hit.score, scoreRange: range, hasScale: hit.isScale, scored: true, section: sec, explicitId: null, fromHeading: false, firstBlock: first });
        segStart = hit.end;
      }
      // Reasoning after the last scale in the block belongs to the last assessment.
      const tail = normalizeText(masked.slice(segStart, b.content.end));
      const last = cur as ADraft | null;
      if (last && tail) last.texts.push(tail);
      prevPara = null;
      continue;
    }
    const c = cur as ADraft | null;
    if (c) {
      c.end = b.range.end;
      c.texts.push(b.text);
    }
    prevPara = b.type === 'paragraph' || b.type === 'item' ? bi : null;
  }

  return drafts.map((d, i) => ({
    id: d.explicitId ?? 'A' + (i + 1),
    label: d.label,
    text: normalizeText(d.texts.join(' ')),
    range: { start: d.start, end: d.end },
    section: d.section,
    norm: null,
    normLink: null,
    score: d.score,
    scoreRange: d.scoreRange,
    normText: d.normText,
    scaleWithoutChoice: d.hasScale && d.score === null,
  }));
}

// ---------------------------------------------------------------- findings

export function extractFindings(ctx: ItemContext): Finding[] {
  const { sections, masked } = ctx;
  // A finding is a numbered section of the findings chapters with no numbered
  // findings below it (its unnumbered sub-headings belong to it); unnumbered
  // findings chapters count as findings of their own.
  const numbered = (s: Section): boolean => !!s.numbering && /^\d/.test(s.numbering);
  const candidate = sections.map((s) => {
    if (s.role !== 'findings') return false;
    if (numbered(s)) return true;
    for (let p = s.parent; p !== null; p = sections[p].parent) if (sections[p].role === 'findings' && numbered(sections[p])) return false;
    return true;
  });
  const hasCandidateBelow = new Set<number>();
  sections.forEach((s, i) => {
    if (!candidate[i]) return;
    for (let p = s.parent; p !== null; p = sections[p].parent) hasCandidateBelow.add(p);
  });
  const out: Finding[] = [];
  const used = new Set<string>();
  let n = 0;
  // A finding's text: its blocks' (already normalised) texts, in order.
  const { blocks } = ctx;
  const blockStarts = blocks.map((b) => b.range.start);
  const textIn = (from: number, to: number): string => {
    let lo = 0;
    let hi = blocks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (blockStarts[mid] < from) lo = mid + 1;
      else hi = mid;
    }
    const parts: string[] = [];
    for (let k = lo; k < blocks.length && blocks[k].range.start < to; k++) if (blocks[k].type !== 'heading' && blocks[k].text) parts.push(blocks[k].text);
    return parts.join(' ');
  };
  void masked;
  sections.forEach((s, i) => {
    if (!candidate[i] || hasCandidateBelow.has(i)) return;
    n++;
    let id = numbered(s) ? 'F' + s.numbering : 'F' + n;
    if (used.has(id)) id = id + '-' + n;
    used.add(id);
    out.push({
      id,
      label: s.numbering,
      title: s.title,
      text: textIn(s.headingRange.end, s.range.end),
      range: { ...s.range },
      section: i,
    });
  });
  return out;
}

// ---------------------------------------------------------------- reactions

interface RDraft {
  label: string | null;
  kind: 'conclusion' | 'recommendation' | null;
  quote: number[];
  text: number[];
  phase: 'quote' | 'text';
  plain: boolean;
  section: number;
  start: number;
}

export function extractReactions(ctx: ItemContext): Reaction[] {
  const { blocks, sections, blockSection, lexicons } = ctx;
  const out: Reaction[] = [];
  let target: 'conclusion' | 'recommendation' | null = null;
  let cur: RDraft | null = null;
  let inReaction = false;

  const finish = (): void => {
    const d = cur;
    cur = null;
    if (!d) return;
    if (d.plain && d.phase !== 'text') return; // a numbered line with no reaction after it
    if (d.quote.length === 0 && d.text.length === 0) return;
    const qb = d.quote.map((i) => blocks[i]);
    const tb = d.text.map((i) => blocks[i]);
    let quotedQuestion: string | null = null;
    let quoteBlocks = qb;
    if (qb.length && QUESTION_END.test(qb[0].text) && qb[0].type === 'item' && d.kind !== 'recommendation') {
      quotedQuestion = stripLabel(qb[0].text, qb[0].label);
      quoteBlocks = qb.slice(1);
    }
    const quoteText = quoteBlocks.map((b, i) => (i === 0 && b === qb[0] && b.type === 'item' && d.plain ? stripLabel(b.text, b.label) : b.text)).join(' ');
    const lastBlock = tb.length ? tb[tb.length - 1] : qb[qb.length - 1];
    out.push({
      id: 'RE' + (out.length + 1),
      target: d.label && d.kind ? (d.kind === 'conclusion' ? 'C' : 'R') + d.label : null,
      targetKind: d.kind,
      label: d.label,
      quote: normalizeText(quoteText),
      quoteRange: quoteBlocks.length ? { start: quoteBlocks[0].range.start, end: quoteBlocks[quoteBlocks.length - 1].range.end } : null,
      quotedQuestion,
      text: normalizeText(tb.map((b) => b.text).join(' ')),
      textRange: tb.length ? { start: tb[0].range.start, end: tb[tb.length - 1].range.end } : null,
      range: { start: d.start, end: lastBlock ? lastBlock.range.end : d.start },
      section: d.section,
    });
  };

  for (let bi = 0; bi < blocks.length; bi++) {
    const b = blocks[bi];
    const sec = blockSection[bi];
    const role = sec >= 0 ? sections[sec].role : 'other';
    const here = ctx.isReactionDocument ? role !== 'afterword' : role === 'reaction';
    if (!here) {
      if (inReaction) finish();
      inReaction = false;
      continue;
    }
    inReaction = true;
    if (b.type === 'heading') {
      finish();
      const lab = itemLabel(b.text, lexicons);
      if (lab && (lab.kind === 'conclusion' || lab.kind === 'recommendation')) {
        target = lab.kind;
        cur = { label: lab.label, kind: lab.kind, quote: [], text: [], phase: 'quote', plain: false, section: sec, start: b.range.start };
        continue;
      }
      let roles: SectionRole[] = [];
      for (const lx of lexicons) {
        const ws = words(b.text);
        for (const r of lx.roles) if ((r.role === 'conclusions' || r.role === 'recommendations') && r.set.matches(ws)) roles.push(r.role);
        if (roles.length) break;
      }
      roles = [...new Set(roles)];
      if (roles.length === 1) target = roles[0] === 'conclusions' ? 'conclusion' : 'recommendation';
      continue;
    }
    const c = cur as RDraft | null;
    if (b.type === 'marker') {
      if (c) c.phase = 'text';
      continue;
    }
    if (b.type === 'item' && b.depth === 0 && (b.marker === 'number' || b.marker === 'letter') && !b.closed) {
      finish();
      cur = { label: b.label, kind: target, quote: [bi], text: [], phase: 'quote', plain: true, section: sec, start: b.range.start };
      continue;
    }
    if (b.type === 'quote') {
      if (c && c.phase === 'quote') {
        c.quote.push(bi);
        continue;
      }
      finish();
      const lab = itemLabel(b.text, lexicons, true);
      cur = { label: lab?.label ?? null, kind: lab && (lab.kind === 'conclusion' || lab.kind === 'recommendation') ? lab.kind : target, quote: [bi], text: [], phase: 'quote', plain: false, section: sec, start: b.range.start };
      continue;
    }
    if (!c) continue;
    if (c.phase === 'quote' && c.plain) c.quote.push(bi);
    else {
      c.phase = 'text';
      c.text.push(bi);
    }
  }
  finish();
  return out;
}
