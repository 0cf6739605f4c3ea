/**
 * `quoteDiff(reaction, target)`: the quote a reaction gives of a report item
 * against the item's text, as changes with their words and places — for the
 * `wederhoor/quote-mismatch` rule and a side-by-side view.
 *
 * Without documents the offsets refer to the two strings (`quote`,
 * `reportText`); with the documents given, every change also carries its
 * range in the reaction's document and in the report.
 */
import type { Block, DocumentModel, ItemBase, Reaction, Span } from '../types';
import { allLexicons } from '../lexicon';
import { itemLabel } from '../numbering';
import { tokenize, mapToSource, type Token } from './tokens';
import { compareTokens, type ChangeKind, type CompareOptions, type RawChange } from './compare';
import { referenceWords } from './lexicon';

export type { ChangeKind } from './compare';

export interface QuoteChange {
  kind: ChangeKind;
  /** Which quoted text: the item itself, or the research question quoted above it. */
  part: 'quote' | 'question';
  /** The report's words and the quoted words (one of them empty for a deletion or insertion). */
  report: string;
  quote: string;
  /** The same with a word of context on each side when one side is empty. */
  reportShown: string;
  quoteShown: string;
  /** Offsets into `reportText` / `quote` (of the question strings for part 'question'). */
  reportSpan: Span;
  quoteSpan: Span;
  /** Ranges in the documents, when they were given. */
  reportRange?: Span;
  quoteRange?: Span;
  /** Moved sentences: 1-based positions in the report and in the quote, among `sentences`. */
  moved?: { reportPosition: number; quotePosition: number; sentences: number };
}

export interface QuoteDiff {
  quote: string;
  reportText: string;
  changes: QuoteChange[];
  /** Sentences of the item the quote leaves out at the start or the end (not a change). */
  partial: { start: boolean; end: boolean };
  question: { quote: string; reportText: string } | null;
}

export interface Side {
  text: string;
  tokens: Token[];
  /** Document ranges per token, when known. */
  src: Span[] | null;
}

export function makeSide(text: string, source?: { text: string; span: Span } | null, skipLabel = false): Side {
  let tokens = tokenize(text, 0, true);
  if (skipLabel) {
    const lab = itemLabel(text, allLexicons('nl'), true);
    if (lab) tokens = tokens.filter((t) => t.start >= lab.length);
  }
  const src = source ? mapToSource(tokens, source.text, source.span) : null;
  return { text, tokens, src };
}

export function compareOptions(allowPartial: boolean, numbersOnly = false): CompareOptions {
  const ref = referenceWords();
  return { allowPartial, refWords: ref.all, refItemWords: ref.items, numbersOnly };
}

export interface SideChange {
  kind: ChangeKind;
  report: string;
  other: string;
  reportShown: string;
  otherShown: string;
  reportSpan: Span;
  otherSpan: Span;
  reportRange?: Span;
  otherRange?: Span;
  moved?: { reportPosition: number; quotePosition: number; sentences: number };
}

/** A change's words, context and ranges on both sides. */
export function describe(c: RawChange, a: Side, b: Side): SideChange {
  const span = (s: Side, i0: number, i1: number): Span => {
    if (i1 > i0) return { start: s.tokens[i0].start, end: s.tokens[i1 - 1].end };
    const at = i0 < s.tokens.length ? s.tokens[i0].start : s.text.length;
    return { start: at, end: at };
  };
  const emptyA = c.a1 <= c.a0;
  const emptyB = c.b1 <= c.b0;
  // A deletion or insertion is shown with a word of context on each side.
  const expand = emptyA || emptyB;
  const [ca0, ca1] = expand ? [Math.max(0, c.a0 - 1), Math.min(a.tokens.length, c.a1 + 1)] : [c.a0, c.a1];
  const [cb0, cb1] = expand ? [Math.max(0, c.b0 - 1), Math.min(b.tokens.length, c.b1 + 1)] : [c.b0, c.b1];
  const reportSpan = span(a, c.a0, c.a1);
  const otherSpan = span(b, c.b0, c.b1);
  const shown = (s: Side, i0: number, i1: number): string => {
    const sp = span(s, i0, i1);
    return s.text.slice(sp.start, sp.end);
  };
  const range = (s: Side, i0: number, i1: number): Span | undefined => {
    if (!s.src || !s.src.length) return undefined;
    if (i1 > i0) return { start: s.src[i0].start, end: s.src[i1 - 1].end };
    // Nothing on this side: the words around the gap.
    const lo = Math.max(0, i0 - 1);
    const hi = Math.min(s.src.length, i1 + 1);
    if (hi <= lo) return undefined;
    return { start: s.src[lo].start, end: s.src[hi - 1].end };
  };
  return {
    kind: c.kind,
    report: a.text.slice(reportSpan.start, reportSpan.end),
    other: b.text.slice(otherSpan.start, otherSpan.end),
    reportShown: shown(a, ca0, ca1),
    otherShown: shown(b, cb0, cb1),
    reportSpan,
    otherSpan,
    reportRange: range(a, c.a0, c.a1),
    otherRange: range(b, c.b0, c.b1),
    ...(c.moved ? { moved: { reportPosition: c.moved.from, quotePosition: c.moved.to, sentences: c.moved.units } } : {}),
  };
}

type Target = ItemBase & { question?: string | null };

/** The block holding the research question quoted above a conclusion in the report. */
function questionBlock(report: DocumentModel, target: Target): Block | null {
  // The last block ending before the item (binary search), then back to one that asks.
  const bs = report.blocks;
  let lo = 0;
  let hi = bs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (bs[mid].range.end <= target.range.start) lo = mid + 1;
    else hi = mid - 1;
  }
  for (let i = hi; i >= 0 && i >= hi - 8; i--) if (/\?["'’”)]*$/.test(bs[i].text)) return bs[i];
  return null;
}

export function quoteDiff(reaction: Reaction, target: Target, docs?: { reaction?: DocumentModel | null; report?: DocumentModel | null }): QuoteDiff {
  const rdoc = docs?.reaction ?? null;
  const pdoc = docs?.report ?? null;
  const quote = makeSide(reaction.quote, rdoc && reaction.quoteRange ? { text: rdoc.text, span: reaction.quoteRange } : null, true);
  const report = makeSide(target.text, pdoc ? { text: pdoc.text, span: target.range } : null);
  const res = compareTokens(report.tokens, quote.tokens, compareOptions(true));
  const changes: QuoteChange[] = res.changes.map((c) => toQuoteChange(describe(c, report, quote), 'quote'));

  let question: QuoteDiff['question'] = null;
  if (reaction.quotedQuestion && target.question) {
    const qBlock = pdoc ? questionBlock(pdoc, target) : null;
    const qq = makeSide(reaction.quotedQuestion, rdoc ? { text: rdoc.text, span: { start: reaction.range.start, end: reaction.quoteRange?.start ?? reaction.range.end } } : null, true);
    const rq = makeSide(target.question, pdoc && qBlock ? { text: pdoc.text, span: qBlock.range } : null, true);
    const qres = compareTokens(rq.tokens, qq.tokens, compareOptions(false));
    changes.push(...qres.changes.map((c) => toQuoteChange(describe(c, rq, qq), 'question')));
    question = { quote: reaction.quotedQuestion, reportText: target.question };
  }
  return { quote: reaction.quote, reportText: target.text, changes, partial: { start: res.omittedStart, end: res.omittedEnd }, question };
}

function toQuoteChange(d: SideChange, part: QuoteChange['part']): QuoteChange {
  return {
    kind: d.kind,
    part,
    report: d.report,
    quote: d.other,
    reportShown: d.reportShown,
    quoteShown: d.otherShown,
    reportSpan: d.reportSpan,
    quoteSpan: d.otherSpan,
    ...(d.reportRange ? { reportRange: d.reportRange } : {}),
    ...(d.otherRange ? { quoteRange: d.otherRange } : {}),
    ...(d.moved ? { moved: d.moved } : {}),
  };
}
