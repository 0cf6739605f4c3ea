/**
 * Facts in a text for `trace/new-fact-in-conclusion`: numbers, amounts,
 * percentages, dates and names, normalised so that the same fact written
 * two ways compares equal.
 *
 * What is a fact:
 * - an amount: a number with a currency sign or word, with or without a
 *   multiplier: "€ 135.000" = "135.000 euro" = "EUR 135.000" = "€ 0,135
 *   miljoen"; "€ 1,6 miljoen" matches 1.640.000 (a rounded number matches
 *   the values it rounds);
 * - a percentage: "88%", "88 %", "88 procent"; "4,4%" matches 4,38%;
 * - a number: "116 huishoudens", "38 vrijwilligers"; digits only; number
 *   words ("vier weken") are no facts of their own, but a digit in a
 *   conclusion matches a number word in the findings ("4 weken" = "vier
 *   weken");
 * - a date: day and month ("14 oktober 2021"); the year alone is not;
 * - a name: a capitalised word inside a sentence (not its first word, not
 *   after a colon) or an acronym ("Woonstede", "RIGG"), and codes of
 *   letters and digits ("T2024-031"). A name is known when it stands in the
 *   findings, the assessments or the introduction (where a report
 *   introduces the organisations and laws it speaks of), compared without
 *   case, accents, spaces and hyphens ("Oost-Groningse" = "Oostgroningse");
 *   of a hyphenated word only the capitalised parts count ("SES-status").
 *
 * What is not a fact: a year (1900–2099) and year ranges ("2021–2025");
 * item numbers: a number after an item word ("onderzoeksvraag 2", "norm 1.2",
 * "paragraaf 3.2", "doel 5", "doelen 3, 4 en 7", "tabel 2", "groep 8") and
 * every number inside a reference the model found; ordinals ("3e"); clock
 * times; footnote markers; numbers inside citations.
 *
 * Numbers are read per language: Dutch "1.284" is 1284 and "4,4" is 4.4;
 * English "1,284" is 1284 and "4.4" is 4.4; a group of exactly three digits
 * after the other separator reads as thousands in both.
 *
 * Linear scans with bounded expressions.
 */
import type { DocumentModel, Language, Span } from '../types';
import { traceLexicon, type TraceLexicon } from './lexicon';
import { foldDiacritics } from './terms';
import { SpanSet, lowerBound } from './locate';

export type FactKind = 'amount' | 'percent' | 'number' | 'date' | 'name';

export interface Fact {
  kind: FactKind;
  /** Numbers: the value (amounts in units of currency); dates: month * 100 + day; names: the compact form. */
  value: number | string;
  /** Numbers: how far a value may lie off and still be this fact (half the last written unit). */
  tolerance: number;
  /** As written. */
  text: string;
  range: Span;
}

const NUM_RE = /(?<![\p{L}\p{N}_])(?<!\p{L}[-‐])(\d{1,3}(?:[.,\u00a0\u202f]\d{3})+(?:[.,]\d{1,4})?|\d{1,12}(?:[.,]\d{1,4})?)(?![\p{N}])/gu;
const YEAR_RE = /^(?:19|20)\d\d$/;

function parseNumber(s: string, lex: TraceLexicon): { value: number; decimals: number } | null {
  const t = s.replace(/[\u00a0\u202f]/g, ' ');
  const [thou, dec] = lex.decimalComma ? ['.', ','] : [',', '.'];
  let intPart = t;
  let frac = '';
  const grouped = new RegExp(`^\\d{1,3}(?:[${thou === '.' ? '.' : ','} ]\\d{3})+`).exec(t);
  if (grouped) {
    intPart = grouped[0].replace(/[., ]/g, '');
    const rest = t.slice(grouped[0].length);
    if (rest.startsWith(dec)) frac = rest.slice(1);
    else if (rest) return null;
  } else {
    const m = /^(\d+)(?:([.,])(\d+))?$/.exec(t);
    if (!m) return null;
    intPart = m[1];
    if (m[2]) {
      // The "other" separator with exactly three digits reads as thousands ("1,284" in Dutch text is rare; "1.284" in English too).
      if (m[2] === thou && m[3].length === 3) intPart = m[1] + m[3];
      else frac = m[3];
    }
  }
  const value = Number(intPart + (frac ? '.' + frac : ''));
  return Number.isFinite(value) ? { value, decimals: frac.length } : null;
}

function aloneOnLine(text: string, start: number, end: number): boolean {
  let a = start;
  while (a > 0 && (text[a - 1] === ' ' || text[a - 1] === '\t')) a--;
  if (a > 0 && text[a - 1] !== '\n' && text[a - 1] !== '\r') return false;
  let b = end;
  while (b < text.length && (text[b] === ' ' || text[b] === '\t')) b++;
  return b >= text.length || text[b] === '\n' || text[b] === '\r';
}

const JOINERS = [',', '&', 'en', 'of', 'and', 'or', 't/m', 'tot en met', '–', '-', '/'];
const WORD_AT_END = /(?<![\p{L}§'’])([\p{L}§'’]+)\.?\s*(?:(?:nr\.?|nrs\.?)\s*)?$/u;
const isNumChar = (c: string | undefined): boolean => c !== undefined && ((c >= '0' && c <= '9') || c === '.' || c === ',');
const isBlank = (c: string | undefined): boolean => c !== undefined && /\s/.test(c);

/**
 * The word before position `at` (skipping a chain of numbers and list
 * joiners: "doelen 3, 4 en 7"): the leftmost word followed by at most eight
 * "number joiner" pairs up to `at`, as the expression
 * `([\p{L}§'’]+)\.?\s*(?:nrs?\.?\s*)?(?:[\d.,]+[a-z]?\s*(?:,|&|en|…)\s*){0,8}$`
 * would find it — without its backtracking, which on "a ,,,,…" or "1,1,1,…"
 * takes seconds for 80 characters. The pairs are peeled off the end, level by
 * level, and each place they can end is tried once.
 */
function wordBefore(text: string, at: number): string {
  const from = Math.max(0, at - 80);
  const before = text.slice(from, at);
  let best: RegExpExecArray | null = null;
  let level = [before.length];
  const seen = new Set(level);
  for (let pairs = 0; level.length; pairs++) {
    const next: number[] = [];
    for (const end of level) {
      const w = WORD_AT_END.exec(before.slice(0, end));
      if (w && (!best || w.index < best.index || (w.index === best.index && w[1].length > best[1].length))) best = w;
      if (pairs === 8) continue;
      let e = end;
      while (e > 0 && isBlank(before[e - 1])) e--;
      for (const j of JOINERS) {
        if (!before.endsWith(j, e)) continue;
        let f = e - j.length;
        while (f > 0 && isBlank(before[f - 1])) f--;
        for (const g of before[f - 1] >= 'a' && before[f - 1] <= 'z' ? [f, f - 1] : [f]) {
          for (let s = g - 1; s >= 0 && isNumChar(before[s]); s--) {
            if (seen.has(s)) continue;
            seen.add(s);
            next.push(s);
          }
        }
      }
    }
    level = next;
  }
  return best ? best[1].toLowerCase() : '';
}

export interface FactScanOptions {
  /** Spans whose numbers are not facts (references, citations, footnote markers); a `SpanSet` when one list serves many scans. */
  exclude?: readonly Span[] | SpanSet;
  /** Sentence starts (offsets): a capitalised word there is no name. */
  sentenceStarts?: ReadonlySet<number>;
  /** Also read names. */
  names?: boolean;
}

/** The facts in `text[from, to)`. */
export function scanFacts(text: string, from: number, to: number, lang: Language, opts: FactScanOptions = {}): Fact[] {
  const lex = traceLexicon(lang);
  const out: Fact[] = [];
  const slice = text.slice(from, to);
  const exclude = spanSet(opts.exclude);
  const excluded = (s: number, e: number): boolean => !!exclude?.overlaps(s, e);
  NUM_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  const taken: Span[] = [];
  while ((m = NUM_RE.exec(slice)) !== null) {
    const start = from + m.index;
    let end = start + m[0].length;
    if (excluded(start, end)) continue;
    const raw = m[1];
    // A number alone on its line is a page number the extraction left.
    if (aloneOnLine(text, start, end)) continue;
    const parsed = parseNumber(raw, lex);
    if (!parsed) continue;
    const left = slice.slice(Math.max(0, m.index - 8), m.index);
    const right = slice.slice(m.index + m[0].length, m.index + m[0].length + 40);
    // Ordinals, clock times, codes glued to letters.
    if (/^(?:e|de|ste|th|st|nd|rd)\b/i.test(right) || /^[.:]\d\d\s?(?:uur|u\b|h\b)/.test(right) || /^\s?(?:uur|u)\b/.test(right) && parsed.value < 25) continue;
    if (/^[\p{L}]/u.test(right) && !/^(?:k|m|mln|mld|bn)\b/i.test(right)) continue; // "2e", "18e", "10x"
    const itemWord = wordBefore(text, start);
    if (lex.itemNumberWords.has(itemWord) || itemWord === '§') continue;
    let kind: FactKind = 'number';
    let value = parsed.value;
    let unit = Math.pow(10, -parsed.decimals);
    const numEnd = start + m[0].length;
    if (/(?:€|eur|\$|£)\s?$/i.test(left)) kind = 'amount';
    const rm = /^\s?([\p{L}%]+)(?:\s+([\p{L}'’]+))?/u.exec(right);
    const w1 = rm?.[1]?.toLowerCase() ?? '';
    const w2 = rm?.[2]?.toLowerCase() ?? '';
    const endOfW1 = rm ? numEnd + rm[0].indexOf(rm[1]) + rm[1].length : numEnd;
    const endOfW2 = rm ? numEnd + rm[0].length : numEnd;
    if (/^\s?%/.test(right)) {
      kind = 'percent';
      end = numEnd + right.indexOf('%') + 1;
    } else if (lex.percentWords.has(w1)) {
      kind = 'percent';
      end = endOfW1;
    } else if (lex.multipliers.has(w1) && (kind === 'amount' || lex.currencyWords.has(w2) || w1.length > 1)) {
      const mult = lex.multipliers.get(w1)!;
      value *= mult;
      unit *= mult;
      if (lex.currencyWords.has(w2)) {
        kind = 'amount';
        end = endOfW2;
      } else end = endOfW1;
    } else if (lex.currencyWords.has(w1)) {
      kind = 'amount';
      end = endOfW1;
    }
    // Dates: "14 oktober 2021".
    if (kind === 'number' && Number.isInteger(value) && value >= 1 && value <= 31 && lex.months.has(w1)) {
      const month = lex.months.get(w1)!;
      out.push({ kind: 'date', value: month * 100 + value, tolerance: 0, text: text.slice(start, endOfW1), range: { start, end: endOfW1 } });
      taken.push({ start, end: endOfW1 });
      continue;
    }
    if (kind === 'number' && YEAR_RE.test(raw)) continue;
    if (kind === 'amount' && /(?:€|eur|\$|£)\s?$/i.test(left)) {
      const sym = /(?:€|eur|\$|£)\s?$/i.exec(left)!;
      const s0 = start - sym[0].length;
      out.push({ kind, value, tolerance: unit / 2, text: text.slice(s0, end), range: { start: s0, end } });
    } else out.push({ kind, value, tolerance: unit / 2, text: text.slice(start, end), range: { start, end } });
    taken.push({ start, end });
  }
  if (opts.names) out.push(...scanNames(text, from, to, lang, opts.sentenceStarts, exclude, new SpanSet(taken)));
  return out.sort((a, b) => a.range.start - b.range.start);
}

function spanSet(spans: readonly Span[] | SpanSet | undefined): SpanSet | null {
  if (!spans) return null;
  return spans instanceof SpanSet ? spans : new SpanSet(spans);
}

const WORD_RE = /[\p{L}\p{N}][\p{L}\p{N}&'’-]*/gu;

function scanNames(text: string, from: number, to: number, lang: Language, sentenceStarts: ReadonlySet<number> | undefined, exclude: SpanSet | null, taken: SpanSet): Fact[] {
  const lex = traceLexicon(lang);
  const out: Fact[] = [];
  const slice = text.slice(from, to);
  WORD_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  let lastEnd = -1;
  while ((m = WORD_RE.exec(slice)) !== null) {
    const start = from + m.index;
    const end = start + m[0].length;
    const w = m[0].replace(/(?<![-'’])[-'’]+$/, '');
    const gap = lastEnd < 0 ? null : text.slice(lastEnd, start);
    lastEnd = end;
    if (exclude?.overlaps(start, end)) continue;
    if (taken.overlaps(start, end)) continue;
    const hasDigit = /\d/.test(w);
    const code = hasDigit && /^\p{L}{1,4}\d/u.test(w);
    const capital = /^\p{Lu}/u.test(w);
    if (!code && !capital) continue;
    if (!code) {
      // The first word, and a word after a sentence end, a colon, a bullet, a list number or an opening quote or bracket, is a start, not a name.
      if (gap === null || sentenceStarts?.has(start)) continue;
      if (/[.!?:;•▪–—(\["“‘'*#>]\s*$/.test(gap) || /\n[^\S\n]*[-*+•]\s*$/.test(gap)) continue;
      const lower = w.toLowerCase();
      if (lex.stopwords.has(lower) || lex.months.has(lower) || lex.itemNumberWords.has(lower) || lex.numberWords.has(lower) || lex.currencyWords.has(lower) || lex.multipliers.has(lower) || lex.percentWords.has(lower)) continue;
      if (w.length < 2) continue;
    }
    out.push({ kind: 'name', value: compact(w), tolerance: 0, text: w, range: { start, end: start + w.length } });
  }
  return out;
}

/** Lower-cased, diacritics folded, only letters and digits: "Oost-Groningse" → "oostgroningse". */
export function compact(s: string): string {
  return foldDiacritics(s.toLowerCase()).replace(/[^\p{L}\p{N}]+/gu, '');
}

export interface FactIndex {
  /** True when the facts hold this fact. */
  has(f: Fact): boolean;
  /** The nearest values of the same kind (amounts, percentages, numbers), nearest first. */
  nearest(f: Fact, n?: number): Fact[];
}

/**
 * The facts of some parts of a document (the findings and the assessments),
 * with the values of number words, for lookup. Names are looked up in
 * `nameRanges` (the findings, the assessments and the introduction, where a
 * report introduces the organisations and laws it speaks of).
 */
const FACTS_MEMO = new Map<string, Fact[]>();
const FACTS_MEMO_MAX = 5_000;

/** scanFacts over one range, memoised by the range's text (a keystroke leaves most findings sections as they were). */
function scanFactsMemo(text: string, r: Span, lang: Language, exclude: SpanSet): Fact[] {
  const slice = text.slice(r.start, r.end);
  const rel = exclude.overlapping(r.start, r.end).map((x) => [x.start - r.start, x.end - r.start]);
  const key = `${lang}${JSON.stringify(rel)}\u0000${slice}`;
  let hit = FACTS_MEMO.get(key);
  if (!hit) {
    hit = scanFacts(slice, 0, slice.length, lang, { exclude: rel.map(([start, end]) => ({ start, end })) });
    if (FACTS_MEMO.size > FACTS_MEMO_MAX) FACTS_MEMO.clear();
    FACTS_MEMO.set(key, hit);
  }
  return r.start === 0 ? hit : hit.map((f) => ({ ...f, range: { start: f.range.start + r.start, end: f.range.end + r.start } }));
}

export function factIndex(model: DocumentModel, ranges: readonly Span[], nameRanges: readonly Span[] = ranges): FactIndex {
  const lang = model.language;
  const lex = traceLexicon(lang);
  const facts: Fact[] = [];
  const exclude = new SpanSet(model.footnotes.flatMap((f) => f.refs));
  let haystack = '';
  const wordValues = new Set<number>();
  for (const r of ranges) {
    facts.push(...scanFactsMemo(model.text, r, lang, exclude));
    const part = model.text.slice(r.start, r.end);
    for (const w of part.toLowerCase().split(/[^\p{L}]+/u)) {
      const v = lex.numberWords.get(w);
      if (v !== undefined) wordValues.add(v);
    }
  }
  for (const r of nameRanges) haystack += compact(model.text.slice(r.start, r.end)) + '|';
  const numeric = facts.filter((f) => typeof f.value === 'number' && f.kind !== 'date');
  const dates = new Set(facts.filter((f) => f.kind === 'date').map((f) => f.value as number));
  const close = (a: Fact, v: number): boolean => Math.abs((a.value as number) - v) <= a.tolerance + 1e-9 * Math.max(1, Math.abs(v));
  const compatible = (a: Fact, b: Fact): boolean => a.kind === 'number' || b.kind === 'number' || a.kind === b.kind;
  // Values are read from digits: never negative, never NaN. The sorted lookups below rely on that; anything else takes the plain scans.
  const sorted = numeric.every((x) => (x.value as number) >= 0 && x.tolerance >= 0) ? numberIndex(numeric) : null;
  const found = new Map<string, boolean>();
  const inHaystack = (x: string): boolean => {
    let hit = found.get(x);
    if (hit === undefined) found.set(x, (hit = haystack.includes(x)));
    return hit;
  };
  return {
    has(f) {
      if (f.kind === 'name') {
        const v = f.value as string;
        if (v.length > 0 && inHaystack(v)) return true;
        // "SES-status", "LVB-problematiek": the capitalised parts are the name.
        const parts = f.text.split(/[-‐]/).filter((x) => /^\p{Lu}/u.test(x)).map(compact).filter((x) => x.length >= 2);
        return parts.length > 0 && parts.every((x) => inHaystack(x));
      }
      if (f.kind === 'date') return dates.has(f.value as number);
      const near = (x: Fact): boolean => compatible(f, x) && (close(f, x.value as number) || close(x, f.value as number));
      if (sorted && typeof f.value === 'number' && f.value >= 0 && f.tolerance >= 0 ? sorted.some(f, near) : numeric.some(near)) return true;
      return f.kind === 'number' && Number.isInteger(f.value) && wordValues.has(f.value as number);
    },
    nearest(f, n = 2) {
      if (typeof f.value !== 'number' || f.kind === 'date') return [];
      const v = f.value;
      if (sorted && v > 0) return sorted.nearest(f.kind, v, n);
      return numeric
        .filter((x) => x.kind === f.kind && x.value !== 0 && (x.value as number) / v < 3 && v / (x.value as number) < 3)
        .sort((a, b) => Math.abs((a.value as number) - v) - Math.abs((b.value as number) - v))
        .filter((x, i, arr) => arr.findIndex((y) => y.value === x.value) === i)
        .slice(0, n);
    },
  };
}

/**
 * The numeric facts sorted by value, for `has` and `nearest` without a scan
 * of every fact per question (values ≥ 0):
 * - `some(f, test)`: whether a fact within tolerance passes `test`; only the
 *   facts whose value lies within the larger of the two tolerances (and a
 *   margin for the relative term of `close`) are tested, per kind and
 *   tolerance;
 * - `nearest(kind, v, n)`: what `nearest` computes by filter, sort and
 *   dedupe: the n nearest distinct values within a factor 3 of v, each as
 *   its first fact, ties in distance in the order of the facts.
 */
function numberIndex(numeric: readonly Fact[]): { some(f: Fact, test: (x: Fact) => boolean): boolean; nearest(kind: FactKind, v: number, n: number): Fact[] } {
  const value = (x: Fact): number => x.value as number;
  // Per kind and tolerance: facts sorted by value (stable, so in fact order within a value).
  const groups = new Map<string, { kind: FactKind; tolerance: number; facts: Fact[] }>();
  for (const x of numeric) {
    const key = `${x.kind}:${x.tolerance}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { kind: x.kind, tolerance: x.tolerance, facts: [] }));
    g.facts.push(x);
  }
  for (const g of groups.values()) g.facts.sort((a, b) => value(a) - value(b));
  // Per kind: the distinct values in ascending order, each with its first fact (in fact order) and that fact's position.
  const distinct = new Map<FactKind, Array<{ value: number; fact: Fact; order: number }>>();
  numeric.forEach((x, order) => {
    let list = distinct.get(x.kind);
    if (!list) distinct.set(x.kind, (list = []));
    list.push({ value: value(x), fact: x, order });
  });
  for (const [kind, list] of distinct) {
    list.sort((a, b) => a.value - b.value || a.order - b.order);
    distinct.set(kind, list.filter((x, i) => i === 0 || list[i - 1].value !== x.value));
  }
  return {
    some(f, test) {
      const v = f.value as number;
      for (const g of groups.values()) {
        if (f.kind !== 'number' && g.kind !== 'number' && g.kind !== f.kind) continue;
        // |x − v| ≤ tolerance + 1e-9·max(1, |other|): a superset of the window, the test decides.
        const r = (Math.max(f.tolerance, g.tolerance) + 2e-9 * Math.max(1, v)) * (1 + 1e-6) + 1e-9;
        for (let i = lowerBound(g.facts, value, v - r); i < g.facts.length && value(g.facts[i]) <= v + r; i++) if (test(g.facts[i])) return true;
      }
      return false;
    },
    nearest(kind, v, n) {
      const list = distinct.get(kind) ?? [];
      const ok = (x: number): boolean => x !== 0 && x / v < 3 && v / x < 3;
      const out: Fact[] = [];
      let right = lowerBound(list, (x) => x.value, v);
      let left = right - 1;
      // Each side moves away from v; once a value fails the factor-3 test, every value further out on that side fails it too.
      while (out.length < n) {
        const l = left >= 0 && ok(list[left].value) ? list[left] : null;
        const r = right < list.length && ok(list[right].value) ? list[right] : null;
        if (!l && !r) break;
        const dl = l ? Math.abs(l.value - v) : Infinity;
        const dr = r ? Math.abs(r.value - v) : Infinity;
        if (r && (!l || dr < dl || (dr === dl && r.order < l.order))) {
          out.push(r.fact);
          right++;
        } else {
          out.push(l!.fact);
          left--;
        }
      }
      return out;
    },
  };
}
