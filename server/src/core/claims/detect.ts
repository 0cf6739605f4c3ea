/**
 * Claims and their support.
 *
 * WHAT IS JUDGED. Reports (and documents of unknown kind that cite
 * sources themselves), sentences in findings sections only. Not judged:
 * introduction, method, norms, questions, assessments, conclusions,
 * recommendations, the reaction, the afterword, summaries, appendices,
 * letters, policy documents; headings, table rows and captions, questions;
 * sentences classed as conclusion / recommendation / goal.
 *
 * WHAT A CLAIM IS (precision before recall). A sentence that
 *   - states an amount ("€ 41.250", "72,5 m euro") → reason `amount`;
 *   - states a number, percentage, ratio or count ("12,1%", "39 van de 42",
 *     "zes op de tien", "14 schuldeisers") → reason `number`;
 *   - attributes a statement ("uit interviews blijkt", "volgens de
 *     wethouder", "respondenten gaven aan") → reason `attribution`;
 *   - states a dated or decided state of affairs ("In 2014 richtten de
 *     gemeenten de RIGG op", "is afgesproken") → reason `state`.
 * Not a claim: inferences ("dus", "daardoor", "daarmee"), statements about
 * the report itself ("dit hoofdstuk", "tabel 3 laat zien", "de
 * rekenkamercommissie"), the auditor's judgements ("is niet vast te
 * stellen"); hedged or conditional sentences are no `state` claim.
 *
 * WHAT SUPPORTS A CLAIM (the scope, a documented choice):
 *   - a citation (`[@key]`, `@key`), a footnote marker whose footnote
 *     names a source ("Bron: interviews", a document, a date, a URL), a
 *     link to a local file or a URL, or a reference to a section, finding or
 *     table ("(zie paragraaf 4.1)", "(tabel 3)") covers its own sentence
 *     — including a citation or marker right after the final period — and
 *     the EARLIER sentences of the same paragraph (a source at the end of
 *     a passage covers the passage), never later ones;
 *   - a source named in the text (a document noun with a title, quote or
 *     year: "In de nota ‘Schulden in Lindeveen 2021’", "het rapport uit
 *     2019", a "Bron: …" line) covers its whole paragraph;
 *   - a paragraph: a paragraph block; a lead-in ending with ":" joins the
 *     list items or the block that follow it; a "Bron: …" line joins the
 *     block before it.
 */
import type { Block, DocumentModel, Footnote, Sentence, Span } from '../types';
import type { Claim, ClaimReason, Support } from './types';
import { claimLexicons, claimWords, type ClaimLexicon } from './lexicon';
import { normalizeText } from '../text';
import { stripInline } from '../inline';

const JUDGED_KINDS = new Set(['report', 'unknown']);

export interface ClaimAnalysis {
  claims: Claim[];
  /** Every judged sentence with its reasons (empty when no claim) and support, for tools and tests. */
  judged: Claim[];
}

const cache = new WeakMap<DocumentModel, ClaimAnalysis>();

/** The claims of a document with their support. Pure; cached per model. */
export function analyzeClaims(model: DocumentModel): ClaimAnalysis {
  const hit = cache.get(model);
  if (hit) return hit;
  const res = compute(model);
  cache.set(model, res);
  return res;
}

/** Claims that need a source (supported or not). */
export function findClaims(model: DocumentModel): Claim[] {
  return analyzeClaims(model).claims;
}

export function unsupportedClaims(model: DocumentModel): Claim[] {
  return analyzeClaims(model).claims.filter((c) => !c.supported);
}

function compute(model: DocumentModel): ClaimAnalysis {
  const out: ClaimAnalysis = { claims: [], judged: [] };
  if (!JUDGED_KINDS.has(model.kind)) return out;
  const lexicons = claimLexicons(model.language);
  const sourceFootnotes = model.footnotes.filter((f) => footnoteIsSource(f, lexicons));
  if (model.kind === 'unknown' && model.citations.length === 0 && sourceFootnotes.length === 0) return out;

  const units = paragraphUnits(model.blocks, lexicons);
  const markers = footnoteMarkers(model);
  const sourceMarkers: Span[] = [];
  for (const f of sourceFootnotes) for (const r of markers.get(f) ?? []) sourceMarkers.push(r);
  sourceMarkers.sort((a, b) => a.start - b.start);

  // Sentences per block, with their extent (to the next sentence or the block end).
  const blockOf = sentenceBlocks(model);
  const perUnit = new Map<number, Array<{ si: number; extent: Span; supports: Support[]; inline: boolean }>>();
  const info: Array<{ si: number; block: number; unit: number; extent: Span; supports: Support[]; inline: boolean } | null> = [];
  for (let si = 0; si < model.sentences.length; si++) {
    const s = model.sentences[si];
    const bi = blockOf[si];
    if (bi < 0) {
      info.push(null);
      continue;
    }
    const b = model.blocks[bi];
    const next = si + 1 < model.sentences.length && blockOf[si + 1] === bi ? model.sentences[si + 1].start : b.content.end;
    let extentEnd = Math.max(s.end, next);
    // A citation group or marker that the splitter put at the head of the next sentence still belongs here.
    const head = model.text.slice(s.end, Math.min(model.text.length, s.end + 3));
    void head;
    const extent = { start: s.start, end: extentEnd };
    const supports = supportsIn(model, extent, sourceMarkers, lexicons);
    const inline = namesSource(model, s, lexicons);
    const rec = { si, block: bi, unit: units[bi], extent, supports, inline };
    info.push(rec);
    const list = perUnit.get(units[bi]) ?? [];
    list.push(rec);
    perUnit.set(units[bi], list);
    extentEnd = 0;
  }
  // A marker or citation group at the very start of a sentence belongs to the previous one.
  for (let si = 1; si < info.length; si++) {
    const cur = info[si];
    const prev = info[si - 1];
    if (!cur || !prev || prev.unit !== cur.unit) continue;
    const lead = cur.supports.filter((x) => x.range.start - cur.extent.start <= 4 && (x.kind === 'footnote' || x.kind === 'citation'));
    for (const l of lead) if (!prev.supports.includes(l)) prev.supports.push(l);
  }

  for (let si = 0; si < model.sentences.length; si++) {
    const rec = info[si];
    if (!rec) continue;
    const s = model.sentences[si];
    const b = model.blocks[rec.block];
    const role = s.section >= 0 ? model.sections[s.section].role : 'other';
    if (role !== 'findings') continue;
    if (b.type === 'table' || b.type === 'heading' || b.type === 'marker') continue;
    if (s.cls === 'conclusion' || s.cls === 'recommendation' || s.cls === 'goal') continue;
    const raw = cleanSentence(model, s);
    if (!raw || /\?["'’”)]*$/.test(raw) || raw.startsWith(':')) continue;
    const reasons = claimReasons(raw, lexicons);
    const unit = perUnit.get(rec.unit) ?? [];
    const own = rec.supports.filter((x) => x.kind !== 'inline');
    // References ("zie paragraaf 4.1") support their own sentence only.
    const later = unit.filter((u) => u.si > si).flatMap((u) => u.supports.filter((x) => x.kind !== 'inline' && x.kind !== 'reference'));
    const inline = unit.filter((u) => u.inline).map((u) => ({ kind: 'inline' as const, range: { start: model.sentences[u.si].start, end: model.sentences[u.si].end } }));
    const support: Support[] = [...own, ...later, ...inline];
    const claim: Claim = { sentence: si, range: { start: s.start, end: s.end }, text: s.text, reasons, support, supported: support.length > 0 };
    out.judged.push(claim);
    if (reasons.length) out.claims.push(claim);
  }
  return out;
}

/** Index of the block each sentence stands in (-1 when none). */
function sentenceBlocks(model: DocumentModel): number[] {
  const out: number[] = [];
  let bi = 0;
  for (const s of model.sentences) {
    while (bi < model.blocks.length && model.blocks[bi].content.end <= s.start) bi++;
    let found = -1;
    for (let k = Math.max(0, bi - 1); k < Math.min(model.blocks.length, bi + 2); k++) {
      const b = model.blocks[k];
      if (b.content.start <= s.start && s.start < b.content.end) {
        found = k;
        break;
      }
    }
    out.push(found);
  }
  return out;
}

/** Paragraph units over blocks (see the module comment). */
export function paragraphUnits(blocks: readonly Block[], lexicons: readonly ClaimLexicon[]): number[] {
  const out: number[] = [];
  let unit = -1;
  let prev: Block | null = null;
  for (const b of blocks) {
    const t = b.text.trim();
    const join =
      prev !== null &&
      prev.type !== 'heading' &&
      b.type !== 'heading' &&
      ((b.type === 'item' && prev.type === 'item') || // a list run
        (/:\s*$/.test(prev.text.trim()) && (prev.type === 'paragraph' || prev.type === 'item' || prev.type === 'quote')) || // lead-in
        isSourceLine(t, lexicons)); // "Bron: …" joins the block before it
    if (!join) unit++;
    out.push(unit);
    prev = b;
  }
  return out;
}

function isSourceLine(t: string, lexicons: readonly ClaimLexicon[]): boolean {
  const m = /^([\p{L}]+)\s*:/u.exec(t);
  return !!m && lexicons.some((lx) => lx.sourceMarkers.has(m[1].toLowerCase()));
}

/** A footnote names a source: the core's cue words, a URL, a citation, a year or date, a document noun. */
export function footnoteIsSource(f: Footnote, lexicons: readonly ClaimLexicon[]): boolean {
  if (f.isSource) return true;
  const t = f.text.trim();
  if (/https?:\/\/|www\.|\[@|@\w/.test(t)) return true;
  if (isSourceLine(t, lexicons)) return true;
  const ws = claimWords(t).slice(0, 12);
  if (t.length <= 250 && /\b(?:19|20)\d\d\b/.test(t)) return true;
  return lexicons.some((lx) => ws.some((w) => lx.documentNouns.some((n) => w === n || (n.length >= 5 && w.endsWith(n)))) && t.length <= 250 && !/\b(?:betekent|houdt in|means)\b/i.test(t));
}

/**
 * Where each footnote is referenced. Markdown and glued markers come from
 * the model; in extracted text, a footnote without a linked marker is
 * looked for between its neighbours' markers: its number after a
 * sentence end (". 9 De RIGG", "2024.14") or glued to a word.
 */
export function footnoteMarkers(model: DocumentModel): Map<Footnote, Span[]> {
  const out = new Map<Footnote, Span[]>();
  const fns = model.footnotes;
  const defs = fns.map((f) => f.range);
  const inDef = (p: number): boolean => defs.some((d) => d.start <= p && p < d.end);
  for (let i = 0; i < fns.length; i++) {
    const f = fns[i];
    if (f.refs.length || model.format !== 'text' || !/^\d{1,3}$/.test(f.label)) {
      out.set(f, f.refs);
      continue;
    }
    let from = 0;
    for (let k = i - 1; k >= 0; k--) {
      const r = fns[k].refs.length ? fns[k].refs : out.get(fns[k]) ?? [];
      if (r.length) {
        from = r[r.length - 1].end;
        break;
      }
    }
    let to = model.text.length;
    for (let k = i + 1; k < fns.length; k++) {
      if (fns[k].refs.length) {
        to = fns[k].refs[0].start;
        break;
      }
    }
    const re = new RegExp(`(?:[.!?;:”’"')](?:[ \\t]{1,2})?|[\\p{L}])(${f.label})(?=[ \\t]+\\p{Lu}|[ \\t]*\\r?\\n|$)`, 'gu');
    re.lastIndex = from;
    const window = model.text.slice(0, Math.min(to, model.text.length));
    let m: RegExpExecArray | null;
    let found: Span | null = null;
    while ((m = re.exec(window)) !== null) {
      const start = m.index + m[0].length - f.label.length;
      if (inDef(start)) continue;
      // Not a line that is itself the footnote definition ("9 Bron: …" at a line start).
      const ls = model.text.lastIndexOf('\n', start - 1) + 1;
      if (model.text.slice(ls, start).trim() === '') continue;
      found = { start, end: start + f.label.length };
      break;
    }
    out.set(f, found ? [found] : []);
  }
  return out;
}

/** Items of a list sorted by range start whose start lies in [from, to): binary search, then a short walk. */
function startingIn<T extends { range: Span } | Span>(list: readonly T[], from: number, to: number): T[] {
  const startOf = (x: T): number => ('range' in x ? x.range.start : x.start);
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (startOf(list[mid]) < from) lo = mid + 1;
    else hi = mid;
  }
  const out: T[] = [];
  for (let i = lo; i < list.length && startOf(list[i]) < to; i++) out.push(list[i]);
  return out;
}

const FIGURE_RE = new Map<string, RegExp>();

function figureRe(lang: string): RegExp {
  let re = FIGURE_RE.get(lang);
  if (!re) {
    const words = lang === 'nl' ? 'tabel|figuur|grafiek|bijlage' : 'table|figure|chart|appendix|annex';
    re = new RegExp(`\\((?:zie |see )?(?:${words})\\s+\\d+(?:\\.\\d+)?\\)`, 'giu');
    FIGURE_RE.set(lang, re);
  }
  return re;
}

function supportsIn(model: DocumentModel, extent: Span, sourceMarkers: readonly Span[], lexicons: readonly ClaimLexicon[]): Support[] {
  const out: Support[] = [];
  for (const c of startingIn(model.citations, extent.start, extent.end)) out.push({ kind: 'citation', range: c.range });
  for (const r of startingIn(sourceMarkers, extent.start, extent.end)) out.push({ kind: 'footnote', range: r });
  for (const l of startingIn(model.links, extent.start, extent.end)) {
    if (l.isFile || /^(?:https?:|www\.)/i.test(l.url)) out.push({ kind: 'link', range: l.range });
    else if (l.isAnchor && !/^#?[CR]\d/.test(l.url.replace(/^#/, ''))) out.push({ kind: 'reference', range: l.range });
  }
  for (const r of startingIn(model.references, extent.start, extent.end)) {
    if (r.kind !== 'section' && r.kind !== 'finding' && r.kind !== 'assessment') continue;
    // A pointer to the conclusions, recommendations or introduction is no evidence.
    const target = model.sections.find((x) => x.id === r.target || (x.numbering && 'S' + x.numbering === r.target));
    if (target && !['findings', 'assessment', 'appendix', 'other'].includes(target.role)) continue;
    out.push({ kind: 'reference', range: r.range });
  }
  // "(tabel 3)", "(zie figuur 2)", "(see table 4)"
  const seg = model.text.slice(extent.start, extent.end);
  if (seg.includes('(')) {
    for (const lx of lexicons) {
      const re = figureRe(lx.language);
      re.lastIndex = 0;
      for (const m of seg.matchAll(re)) out.push({ kind: 'reference', range: { start: extent.start + m.index!, end: extent.start + m.index! + m[0].length } });
    }
  }
  return out;
}

/** The sentence text without citations, footnote markers, link targets and footnote bodies. */
export function cleanSentence(model: DocumentModel, s: Sentence): string {
  const chars = model.text.slice(s.start, s.end).split('');
  const blank = (r: Span): void => {
    for (let p = Math.max(r.start, s.start); p < Math.min(r.end, s.end); p++) chars[p - s.start] = ' ';
  };
  for (const c of model.citations) if (c.groupRange.end > s.start && c.groupRange.start < s.end) blank(c.groupRange);
  for (const f of model.footnotes) {
    if (f.range.end > s.start && f.range.start < s.end) blank(f.range);
    for (const r of f.refs) if (r.end > s.start && r.start < s.end) blank(r);
  }
  let t = chars.join('');
  if (model.format === 'markdown') t = stripInline(t);
  t = t.replace(/https?:\/\/\S+|www\.\S+/g, ' ');
  return normalizeText(t);
}

const YEAR = '(?:19[5-9]\\d|20\\d\\d)';

/** The reasons a sentence needs a source (empty: none). */
const REASONS_MEMO = new WeakMap<readonly ClaimLexicon[], Map<string, ClaimReason[]>>();
const REASONS_MAX = 50_000;

/** Why a sentence is a claim (pure on its text; memoised, since a keystroke leaves most sentences as they were). */
export function claimReasons(text: string, lexicons: readonly ClaimLexicon[]): ClaimReason[] {
  let memo = REASONS_MEMO.get(lexicons);
  if (!memo) {
    memo = new Map();
    REASONS_MEMO.set(lexicons, memo);
  }
  const hit = memo.get(text);
  if (hit) return hit;
  const out = claimReasonsUncached(text, lexicons);
  if (memo.size > REASONS_MAX) memo.clear();
  memo.set(text, out);
  return out;
}

function claimReasonsUncached(text: string, lexicons: readonly ClaimLexicon[]): ClaimReason[] {
  const ws = claimWords(text);
  if (ws.length < 4) return [];
  const reasons = new Set<ClaimReason>();
  for (const lx of lexicons) {
    // Not a claim at all.
    if (lx.inference.has(ws.filter((w, i) => i === 0 || !lx.inferenceAtStartOnly.has(w)))) return [];
    if (lx.selfReference.has(ws) || lx.selfReferenceAtStart.has(ws[0])) return [];
    if (lx.judgement.has(ws)) return [];
  }
  const lx = lexicons[0];
  const numeric = stripReferences(text, lexicons);
  const amount = amountIn(numeric, lexicons);
  if (amount === 'amount') reasons.add('amount');
  else if (amount === 'number') reasons.add('number');
  for (const l of lexicons) if (isAttribution(ws, l)) reasons.add('attribution');
  // A dated or decided state of affairs, stated plainly.
  if (ws.length >= 6 && !lexicons.some((l) => l.hedges.has(mainClause(ws, l)) || l.conditionalStarts.matchAt(ws, 0) > 0)) {
    if (lexicons.some((l) => hasDate(numeric, ws, l) || ws.some((w) => l.eventVerbs.has(w)))) reasons.add('state');
  }
  void lx;
  const order: ClaimReason[] = ['amount', 'number', 'attribution', 'state'];
  return order.filter((r) => reasons.has(r));
}

/** The words before the first subordinate clause (hedges there make the statement hypothetical). */
function mainClause(ws: readonly string[], lx: ClaimLexicon): string[] {
  for (let i = 1; i < ws.length; i++) if (lx.subordinators.has(ws[i])) return ws.slice(0, i);
  return [...ws];
}

function isAttribution(ws: readonly string[], lx: ClaimLexicon): boolean {
  if (lx.attributions.has(ws)) return true;
  // Passive: "worden lange wachtlijsten genoemd", "wordt het vaakst genoemd" (not "ook wel … genoemd").
  if (!lx.namingExclusions.has(ws)) {
    for (let i = 0; i < ws.length; i++) {
      if (!lx.passiveAux.has(ws[i])) continue;
      for (let k = i + 1; k < Math.min(ws.length, i + 7); k++) if (lx.passiveParticiples.has(ws[k])) return true;
    }
  }
  for (let i = 0; i < ws.length; i++) {
    const n = lx.attributionLeads.matchAt(ws, i);
    if (!n) continue;
    for (let k = i + n; k < Math.min(ws.length, i + n + 3); k++) if (lx.attributionSubjects.has(ws[k])) return true;
  }
  return false;
}

function hasDate(text: string, ws: readonly string[], lx: ClaimLexicon): boolean {
  for (let i = 0; i + 1 < ws.length; i++) {
    if (!new RegExp(`^${YEAR}$`).test(ws[i + 1])) continue;
    if (lx.timeWords.has(ws[i]) || lx.months.has(ws[i])) return true;
  }
  void text;
  return false;
}

/** Removes "paragraaf 4.1", "tabel 2", "doel 1", "art. 2", dates and year ranges before numbers are judged. */
function stripReferences(text: string, lexicons: readonly ClaimLexicon[]): string {
  let t = text;
  for (const lx of lexicons) {
    const refs = lx.referenceWords.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
    t = t.replace(new RegExp(`\\b(?:${refs})\\.?\\s*\\d+(?:[.,]\\d+)*[a-z]?(?:\\s*(?:en|and|,|-|–|tot|to|t/m)\\s*\\d+(?:[.,]\\d+)*)*`, 'giu'), ' ');
    const months = [...lx.months].join('|');
    t = t.replace(new RegExp(`\\b\\d{1,2}\\s+(?:${months})\\.?(?:\\s+${YEAR})?`, 'giu'), ' ');
  }
  t = t.replace(new RegExp(`\\b${YEAR}\\s*[–—-]\\s*(?:${YEAR}|\\d\\d)\\b`, 'g'), ' ');
  t = t.replace(/\b\d{1,2}[-/]\d{1,2}[-/]\d{2,4}\b/g, ' ');
  t = t.replace(/\b\d{1,2}[.:]\d{2}\s*(?:[–-]\s*\d{1,2}[.:]\d{2}\s*)?uur\b/g, ' ');
  return t;
}

function amountIn(t: string, lexicons: readonly ClaimLexicon[]): 'amount' | 'number' | null {
  for (const lx of lexicons) {
    const cur = lx.currency.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
    // A digit right before the currency word (the rest of the number cannot change whether there is one).
    if (/(?:€|\$|£)\s?\d/.test(t) || new RegExp(`\\bEUR\\s?\\d|\\d\\s?(?:${cur})\\b`, 'iu').test(t)) return 'amount';
  }
  for (const lx of lexicons) {
    const pct = lx.percentWords.join('|');
    if (new RegExp(`\\d\\s?(?:%|(?:${pct})\\b)`, 'iu').test(t)) return 'number';
    const links = lx.ratioLinks.join('|');
    if (new RegExp(`\\b\\d{1,7}\\s+(?:${links})\\s+\\d{1,7}\\b`, 'iu').test(t)) return 'number';
    const ws = claimWords(t);
    for (let i = 0; i + 3 < ws.length; i++) {
      if (lx.numberWords.has(ws[i]) && lx.ratioLinks.some((l) => claimWords(l).join(' ') === ws.slice(i + 1, i + 1 + claimWords(l).length).join(' ')) && lx.numberWords.has(ws[i + 1 + claimWords(lx.ratioLinks[0]).length] ?? '')) return 'number';
    }
    if (lx.fractions.has(ws)) return 'number';
    if (lx.language === 'nl' ? /\b\d{1,3}(?:\.\d{3})+(?:,\d+)?\b|\b\d+,\d+\b/.test(t) : /\b\d{1,3}(?:,\d{3})+(?:\.\d+)?\b|\b\d+\.\d+\b/.test(t)) return 'number';
    // A count in words: "drie niveaus", "zes partners" (not "een": an article).
    for (let i = 0; i + 1 < ws.length; i++) {
      const n = lx.numberWords.get(ws[i]);
      if (!n || n < 2) continue;
      const w = ws[i + 1];
      if (lx.countExclusions.has(w) || lx.months.has(w) || lx.timeWords.has(w)) continue;
      if (lx.language === 'nl' ? /(?:en|s|'s)$/.test(w) && w.length > 3 : /s$/.test(w) && w.length > 3) return 'number';
    }
    // A count: a number and a noun ("14 schuldeisers", "38 vrijwilligers"), not a year or a time.
    for (const m of t.matchAll(/(?<![\p{L}\d.,\-])(\d{1,6})\s+(\p{Ll}{3,})/gu)) {
      const n = Number(m[1]);
      const w = m[2].toLowerCase();
      if (n >= 1900 && n <= 2100) continue;
      if (lx.months.has(w) || lx.countExclusions.has(w) || lx.timeWords.has(w) || ['en', 'tot', 'of', 'and', 'to', 'or', 'van', 'op', 'de', 'het', 'een', 'the', 'a'].includes(w)) continue;
      return 'number';
    }
  }
  return null;
}

/** The sentence names its source document in words ("In de nota ‘…’", "het rapport uit 2019", "Bron: …"). */
export function namesSource(model: DocumentModel, s: Sentence, lexicons: readonly ClaimLexicon[]): boolean {
  const t = s.text;
  if (isSourceLine(t, lexicons)) return true;
  // A title in quotes with a date: "“(Op)groeien in Groningen” september 2020".
  if (new RegExp(`[’”"»]\\s*(?:,\\s*)?(?:\\(?\\d{1,2}\\s+)?(?:[\\p{L}]+\\s+)?${YEAR}\\b`, 'u').test(t)) return true;
  const spans = [...t.matchAll(/[\p{L}\p{N}]+/gu)];
  for (let i = 0; i < spans.length; i++) {
    const w = spans[i][0].toLowerCase();
    if (!lexicons.some((lx) => lx.documentNouns.some((n) => w === n || (n.length >= 5 && w.length > n.length && w.endsWith(n))))) continue;
    // An identifier within the next words: a quote, a year, a capitalised title, italics.
    const at = spans[i].index! + spans[i][0].length;
    const after = t.slice(at, at + 120);
    const before = t.slice(Math.max(0, spans[i].index! - 3), spans[i].index!);
    if (/^[\s,:]{0,3}[‘“"'«*_]/u.test(after) || /[‘“’”"'«»*_]\s*$/u.test(before)) return true;
    if (new RegExp(`^[^.;]{0,100}\\b${YEAR}\\b`).test(after)) return true;
    if (/^\s+(?:\p{Lu}\p{Ll}+\s+){1,}/u.test(after) && !/^\s+(?:De|Het|Een|The|A|In|Op)\b/.test(after)) return true;
  }
  return false;
}
