/**
 * Text utilities shared by the readers and the checks: offset ↔ position
 * conversion, normalisation of extracted text, tokenising, similarity.
 * Everything here is linear in the input.
 */
import type { Span } from './types';

export interface Position {
  line: number;
  /** UTF-16 code units from the start of the line. */
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/**
 * Maps UTF-16 offsets to LSP positions and back. Line ends: LF, CRLF and CR.
 * The only place where positions are computed.
 */
export class LineIndex {
  private readonly starts: number[];

  constructor(private readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }

  /** End of the line's content (before its line break). */
  lineEnd(line: number): number {
    if (line + 1 >= this.starts.length) return this.text.length;
    let end = this.starts[line + 1];
    if (end > 0 && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > 0 && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    // An offset between CR and LF belongs to the end of the line.
    let character = o - this.starts[lo];
    const end = this.lineEnd(lo);
    if (o > end) character = end - this.starts[lo];
    return { line: lo, character };
  }

  offsetAt(pos: Position): number {
    if (pos.line < 0) return 0;
    if (pos.line >= this.starts.length) return this.text.length;
    const start = this.starts[pos.line];
    const end = this.lineEnd(pos.line);
    return Math.max(start, Math.min(start + Math.max(0, pos.character), end));
  }

  range(span: Span): Range {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }
}

const SOFT_HYPHEN = '\u00ad';

/**
 * Normalises a piece of document text for reading and comparing:
 * - joins line-break hyphenation ("uitvoe-\nring" → "uitvoering"), keeping
 *   real hyphens ("opvoed- en", "-methode", "Midden-\nGroningen" stays
 *   "Midden-Groningen" when the next part starts with a capital);
 * - folds all whitespace (including non-breaking spaces) to single spaces;
 * - removes soft hyphens and zero-width characters;
 * - trims.
 */
export function normalizeText(s: string): string {
  // Pieces joined at the end: one flat string. Appending character by character would leave a
  // tree of one string object per character, which a model keeps (items' texts) and the
  // garbage collector then walks.
  const out: string[] = [];
  let pendingSpace = false;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const ch = s[i];
    const code = s.charCodeAt(i);
    if (ch === SOFT_HYPHEN || code === 0x200b || code === 0x200c || code === 0x200d || code === 0xfeff) continue;
    if (ch === '-' && i > 0 && isLetterCode(s.charCodeAt(i - 1))) {
      // Hyphen followed by a line break and a lower-case letter: a broken word.
      let j = i + 1;
      while (j < n && (s[j] === ' ' || s[j] === '\t')) j++;
      if (j < n && (s[j] === '\n' || s[j] === '\r')) {
        let k = j;
        while (k < n && isSpaceCode(s.charCodeAt(k))) k++;
        if (k < n && isLowerCode(s.charCodeAt(k))) {
          i = k - 1;
          continue;
        }
        if (k < n && isLetterCode(s.charCodeAt(k))) {
          // Keep the hyphen, drop the break: "Midden-\nGroningen".
          if (pendingSpace && out.length > 0) out.push(' ');
          pendingSpace = false;
          out.push('-');
          i = k - 1;
          continue;
        }
      }
    }
    if (isSpaceCode(code)) {
      pendingSpace = true;
      continue;
    }
    if (pendingSpace && out.length > 0) out.push(' ');
    pendingSpace = false;
    out.push(ch);
  }
  return out.join('');
}

export function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x2007 || c === 0x202f || c === 12 || c === 11;
}

export function isLowerCode(c: number): boolean {
  if (c >= 97 && c <= 122) return true;
  if (c < 0xc0) return false;
  const ch = String.fromCharCode(c);
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

export function isUpperCode(c: number): boolean {
  if (c >= 65 && c <= 90) return true;
  if (c < 0xc0) return false;
  const ch = String.fromCharCode(c);
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

export function isLetterCode(c: number): boolean {
  return isLowerCode(c) || isUpperCode(c);
}

export function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Folds quote marks, dashes and bullets to plain forms, for comparing quoted text. */
export function foldPunctuation(s: string): string {
  return s
    .replace(/[‘’‚‛′`´]/g, "'")
    .replace(/[“”„‟″«»]/g, '"')
    .replace(/[‐‑‒–—−]/g, '-')
    .replace(/[•▪■◦●·]/g, '-');
}

const WORD_RE = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

/**
 * Words of a text, lower-cased, letters with diacritics kept whole
 * ("één", "geïndiceerde", "continuïteit").
 */
export function words(s: string): string[] {
  const out: string[] = [];
  WORD_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD_RE.exec(s)) !== null) out.push(m[0].toLowerCase());
  return out;
}

/** Words with their offsets (relative to `base`). */
export function wordSpans(s: string, base = 0): Array<{ word: string; start: number; end: number }> {
  const out: Array<{ word: string; start: number; end: number }> = [];
  const re = new RegExp(WORD_RE.source, 'gu');
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) out.push({ word: m[0].toLowerCase(), start: base + m.index, end: base + m.index + m[0].length });
  return out;
}

/**
 * Similarity of two texts by their content words: the share of the shorter
 * text's distinct words that the other contains (0..1). Robust to one text
 * being a shortened or reflowed version of the other.
 */
export function containment(a: string, b: string, stop: ReadonlySet<string>): number {
  const wa = new Set(words(a).filter((w) => !stop.has(w)));
  const wb = new Set(words(b).filter((w) => !stop.has(w)));
  if (wa.size === 0 || wb.size === 0) return 0;
  const [small, large] = wa.size <= wb.size ? [wa, wb] : [wb, wa];
  let hit = 0;
  for (const w of small) if (large.has(w)) hit++;
  return hit / small.size;
}

/** Dice coefficient over distinct content words (0..1). */
export function dice(a: string, b: string, stop: ReadonlySet<string>): number {
  const wa = new Set(words(a).filter((w) => !stop.has(w)));
  const wb = new Set(words(b).filter((w) => !stop.has(w)));
  if (wa.size === 0 || wb.size === 0) return 0;
  let hit = 0;
  for (const w of wa) if (wb.has(w)) hit++;
  return (2 * hit) / (wa.size + wb.size);
}

export function spanText(text: string, span: Span): string {
  return text.slice(span.start, span.end);
}

/** Trims whitespace off both ends of a span. */
export function trimSpan(text: string, start: number, end: number): Span {
  while (start < end && isSpaceCode(text.charCodeAt(start))) start++;
  while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
  return { start, end };
}
