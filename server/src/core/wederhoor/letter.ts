/**
 * The cover letter against the report. A letter is a document of its own
 * (kind `letter`, belonging to a report) or the front part of a report
 * (a section headed "Aanbiedingsbrief", or the text before the first
 * chapter when it opens with a salutation, as in PDF reports that carry
 * their letter).
 *
 * - Items the letter repeats (numbered conclusions and recommendations)
 *   are aligned to the report's by text and number and compared word by
 *   word; references the letter drops ("(zie conclusie 4)") and sentences
 *   left out at the ends are no change. An item the letter rewrites
 *   (little in common word for word) is only checked for its numbers.
 * - Summary sentences are aligned to the report's conclusion and
 *   recommendation sentences; when one clearly restates another, a
 *   different number is a change ("90%" / "95%").
 */
import type { Block, DocumentModel, Sentence, Span } from '../types';
import { allLexicons } from '../lexicon';
import { words } from '../text';
import { align } from './align';
import { compareTokens } from './compare';
import { compareOptions, describe, makeSide, type SideChange } from './quote';
import { itemKind, reportItems, stopwords, type ReportItem } from './view';
import { wederhoorLexicon } from './lexicon';

const STOP = stopwords();

export interface LetterItem {
  text: string;
  range: Span;
  label: string | null;
  kind: 'conclusion' | 'recommendation' | null;
}

export interface LetterPart {
  /** The span of the letter in its document (the whole document for a letter). */
  range: Span;
  items: LetterItem[];
  /** Summary sentences outside the items. */
  sentences: Sentence[];
}

export interface LetterFinding {
  /** 'item': a repeated item differs; 'number': a number in a restated sentence differs. */
  kind: 'item' | 'number';
  target: ReportItem;
  letterLabel: string | null;
  change: SideChange;
}

function inside(s: Span, r: Span): boolean {
  return s.start >= r.start && s.end <= r.end;
}

/** The letter in a document: a letter document, or the letter part of a report; null when there is none. */
export function letterPart(model: DocumentModel): LetterPart | null {
  let range: Span | null = null;
  if (model.kind === 'letter') range = { start: 0, end: model.text.length };
  else if (model.kind === 'report') range = letterRangeInReport(model);
  if (!range) return null;
  const part = range;
  // The letter's items: those the model reads, and numbered list items besides.
  const items: LetterItem[] = [];
  for (const it of reportItems(model)) if (inside(it.range, part)) items.push({ text: it.text, range: it.range, label: it.label, kind: itemKind(it) });
  for (const b of model.blocks) {
    if (b.type !== 'item' || b.depth > 0 || (b.marker !== 'number' && b.marker !== 'letter') || !inside(b.range, part)) continue;
    if (items.some((i) => inside(b.range, i.range))) continue;
    if (/\?["'’”)]*$/.test(b.text)) continue;
    items.push({ text: b.text, range: b.range, label: b.label, kind: null });
  }
  items.sort((a, b) => a.range.start - b.range.start);
  const inItem = (s: Sentence): boolean => items.some((i) => s.start >= i.range.start && s.end <= i.range.end);
  const sentences = model.sentences.filter((s) => {
    if (s.start < part.start || s.end > part.end || inItem(s)) return false;
    if (model.kind !== 'letter') return true;
    const roles = s.section >= 0 ? model.sections[s.section].roles : [];
    return roles.includes('conclusions') || roles.includes('recommendations') || roles.includes('summary');
  });
  return { range: part, items, sentences };
}

function letterRangeInReport(model: DocumentModel): Span | null {
  const lxs = [wederhoorLexicon(model.language), wederhoorLexicon(model.language === 'nl' ? 'en' : 'nl')];
  for (const s of model.sections) {
    const ws = words(s.title);
    for (const lx of lxs) for (let i = 0; i < ws.length; i++) if (lx.letterHeadings.at(ws, i)) return { ...s.range };
  }
  // Text before the first chapter that opens with a salutation.
  const firstMajor = model.blocks.find((b) => b.type === 'heading' && b.major);
  if (!firstMajor) return null;
  const lexicons = allLexicons(model.language);
  const opening = model.blocks.slice(0, 6).filter((b: Block) => b.range.end <= firstMajor.range.start && b.type !== 'heading');
  if (opening.some((b) => lexicons.some((lx) => lx.salutations.matches(words(b.text).slice(0, 6))))) return { start: 0, end: firstMajor.range.start };
  return null;
}

const CACHE = new WeakMap<DocumentModel, WeakMap<DocumentModel, LetterFinding[]>>();

/** Where the letter differs from the report. */
export function letterFindings(letter: DocumentModel, report: DocumentModel): LetterFinding[] {
  let inner = CACHE.get(letter);
  const hit = inner?.get(report);
  if (hit) return hit;
  const out = compute(letter, report);
  if (!inner) {
    inner = new WeakMap();
    CACHE.set(letter, inner);
  }
  inner.set(report, out);
  return out;
}

function tokenDice(a: string[], b: string[]): number {
  const sa = new Set(a);
  const sb = new Set(b);
  if (!sa.size || !sb.size) return 0;
  let hit = 0;
  for (const k of sa) if (sb.has(k)) hit++;
  return (2 * hit) / (sa.size + sb.size);
}

function compute(letter: DocumentModel, report: DocumentModel): LetterFinding[] {
  const part = letterPart(letter);
  if (!part) return [];
  const items = reportItems(report).filter((it) => letter !== report || !inside(it.range, part.range));
  if (!items.length) return [];
  const out: LetterFinding[] = [];

  const res = align(
    part.items.map((li) => ({ text: li.text, labelId: li.label && li.kind && /^\d/.test(li.label) ? (li.kind === 'conclusion' ? 'C' : 'R') + li.label : null, kind: li.kind })),
    items.map((it) => ({ id: it.id, kind: itemKind(it), text: it.text })),
    STOP,
    0.5,
  );
  part.items.forEach((li, i) => {
    const t = res[i].target !== null ? items[res[i].target!] : null;
    if (!t) return;
    const a = makeSide(t.text, { text: report.text, span: t.range });
    const b = makeSide(li.text, { text: letter.text, span: li.range }, true);
    const literal = tokenDice(a.tokens.map((x) => x.key), b.tokens.map((x) => x.key)) >= 0.7;
    const cmp = compareTokens(a.tokens, b.tokens, compareOptions(true, !literal));
    for (const c of cmp.changes) {
      if (c.kind === 'moved') continue;
      out.push({ kind: literal ? 'item' : 'number', target: t, letterLabel: li.label, change: describe(c, a, b) });
    }
  });

  // Summary sentences that restate a sentence of the report's conclusions or recommendations.
  const candidates = report.sentences.filter((s) => {
    if (letter === report && s.start >= part.range.start && s.end <= part.range.end) return false;
    const roles = s.section >= 0 ? report.sections[s.section].roles : [];
    return roles.includes('conclusions') || roles.includes('recommendations');
  });
  const content = (t: string): string[] => words(t).filter((w) => !STOP.has(w) && !/^\d/.test(w));
  const candWords = candidates.map((s) => new Set(content(s.text)));
  for (const s of part.sentences) {
    if (!/\d/.test(s.text)) continue;
    const ws = new Set(content(s.text));
    if (ws.size < 4) continue;
    let best = -1;
    let bestSim = 0;
    candWords.forEach((cw, k) => {
      let hit = 0;
      for (const w of ws) if (cw.has(w)) hit++;
      const sim = (2 * hit) / (ws.size + cw.size);
      if (sim > bestSim) {
        bestSim = sim;
        best = k;
      }
    });
    if (best < 0 || bestSim < 0.6) continue;
    const rs = candidates[best];
    const t = items.find((it) => rs.start >= it.range.start && rs.end <= it.range.end);
    if (!t) continue;
    const a = makeSide(rs.text, { text: report.text, span: { start: rs.start, end: rs.end } });
    const b = makeSide(s.text, { text: letter.text, span: { start: s.start, end: s.end } });
    for (const c of compareTokens(a.tokens, b.tokens, compareOptions(true, true)).changes) out.push({ kind: 'number', target: t, letterLabel: null, change: describe(c, a, b) });
  }
  return out;
}
