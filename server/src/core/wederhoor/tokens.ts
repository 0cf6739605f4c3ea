/**
 * Words for comparing quoted text with the report, and their way back to
 * the source.
 *
 * A token is a word or number as a reader sees it; comparing uses its key:
 * lower case, with hyphens and apostrophes dropped and quote marks folded,
 * so that "risico’s" = "risico's", "LVB-problematiek" = "LVB-\nproblematiek"
 * (line-break hyphenation) and bullets, dashes, quote marks and other
 * punctuation never count as words. Footnote references (`[^3]`) are
 * skipped. Everything here is a single pass; the alignment with the source
 * looks ahead a bounded number of tokens.
 */
import type { Span } from '../types';

export interface Token {
  /** Canonical form for comparing. */
  key: string;
  /** The word as written, quote marks folded: tells spelling changes apart. */
  surface: string;
  /** Offsets in the string that was tokenised. */
  start: number;
  end: number;
  /** A sentence or list unit ends after this token. */
  unitEnd: boolean;
  /** Joined over a line-break hyphen in the source ("jeugd-\nhulp"). */
  broken: boolean;
  numeric: boolean;
  /** An ellipsis ("…", "...", "(…)") stands just before this word (or, for the last word, after it): words left out on purpose. */
  ellipsisBefore?: boolean;
  ellipsisAfter?: boolean;
}

// A word: letters and digits, joined by hyphens and apostrophes, and digits by . or , ("250.000", "4,6"); an optional %.
const WORD_RE = /[\p{L}\p{N}]+(?:(?:['’‘-]|(?<=\p{N})[.,](?=\p{N}))[\p{L}\p{N}]+)*%?/gu;
const FOOTNOTE_REF_RE = /\[\^[^\]\s]{1,30}\]/g;
const CLOSERS = /[)\]"'’”»*_]/;
const ELLIPSIS = /…|\.\.\./;

export function keyOf(surface: string): string {
  return surface.toLowerCase().replace(/['’‘-]/g, '');
}

function fold(s: string): string {
  return s.replace(/[‘’`´]/g, "'");
}

/**
 * Tokens of `s` (offsets relative to `s`, plus `base`). With `joinBreaks`,
 * a word ending in a hyphen at a line break joins the next word (what
 * `normalizeText` does to the running text).
 */
export function tokenize(s: string, base = 0, joinBreaks = true): Token[] {
  const skip: Span[] = [];
  if (s.indexOf('[^') >= 0) {
    FOOTNOTE_REF_RE.lastIndex = 0;
    let f: RegExpExecArray | null;
    while ((f = FOOTNOTE_REF_RE.exec(s)) !== null) skip.push({ start: f.index, end: f.index + f[0].length });
  }
  const out: Token[] = [];
  const re = new RegExp(WORD_RE.source, 'gu');
  let m: RegExpExecArray | null;
  let si = 0;
  while ((m = re.exec(s)) !== null) {
    const start = m.index;
    const end = start + m[0].length;
    while (si < skip.length && skip[si].end <= start) si++;
    if (si < skip.length && skip[si].start <= start) continue;
    const surface = fold(m[0]);
    out.push({ key: keyOf(surface), surface, start, end, unitEnd: false, broken: false, numeric: /^\p{N}/u.test(surface) && /\p{N}/u.test(surface) && !/\p{L}/u.test(surface) });
  }
  // Line-break hyphenation.
  if (joinBreaks) {
    for (let i = 0; i + 1 < out.length; i++) {
      const a = out[i];
      const b = out[i + 1];
      if (s[a.end] !== '-' && s[a.end] !== '\u00ad') continue;
      const gap = s.slice(a.end + 1, b.start);
      if (!/^[ \t]*(?:\r\n|\r|\n)[ \t>]*$/.test(gap)) continue;
      if (!/\p{L}$/u.test(a.surface) || !/^\p{L}/u.test(b.surface)) continue;
      out.splice(i, 2, { key: a.key + b.key, surface: a.surface + b.surface, start: a.start, end: b.end, unitEnd: false, broken: true, numeric: false });
    }
  }
  // Unit ends: a sentence mark (or colon, semicolon) after the word, then space or the end.
  for (let i = 0; i < out.length; i++) {
    const t = out[i];
    let j = t.end;
    while (j < s.length && CLOSERS.test(s[j])) j++;
    const c = s[j];
    if (c === '.' || c === '!' || c === '?' || c === ';' || c === ':') {
      let k = j + 1;
      while (k < s.length && CLOSERS.test(s[k])) k++;
      if (k >= s.length || /\s/.test(s[k])) t.unitEnd = true;
    }
  }
  // The bullet "o" (a nested list item as extraction leaves it): at the start, after a sentence or on a new line.
  for (let i = out.length - 1; i >= 0; i--) {
    const t = out[i];
    if (t.surface !== 'o') continue;
    const prev = out[i - 1];
    if (!prev || prev.unitEnd || /[\r\n]/.test(s.slice(prev.end, t.start))) {
      if (t.unitEnd && prev) prev.unitEnd = true;
      out.splice(i, 1);
    }
  }
  if (out.length) out[out.length - 1].unitEnd = true;
  // Ellipses mark words left out on purpose.
  if (s.indexOf('…') >= 0 || s.indexOf('...') >= 0) {
    let prevEnd = 0;
    for (const t of out) {
      if (ELLIPSIS.test(s.slice(prevEnd, t.start))) t.ellipsisBefore = true;
      prevEnd = t.end;
    }
    if (out.length && ELLIPSIS.test(s.slice(prevEnd))) out[out.length - 1].ellipsisAfter = true;
  }
  if (base) for (const t of out) {
    t.start += base;
    t.end += base;
  }
  return out;
}

/**
 * Maps tokens of a normalised text (the model's `text` of an item, a quote)
 * onto the source span they were read from: each token to the next source
 * token with the same key, within a bounded look-ahead; a source token with
 * a glued footnote marker ("RIGG2") matches its word. Page numbers, running
 * headers, labels and markup in the source are passed over. Tokens that
 * cannot be placed get the position of their neighbour (zero width).
 * Sets `broken` on tokens joined over a line break in the source.
 */
export function mapToSource(tokens: Token[], source: string, span: Span, lookahead = 80): Span[] {
  const raw = tokenize(source.slice(span.start, span.end), span.start, true);
  const out: Array<Span | null> = new Array(tokens.length).fill(null);
  let cur = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const limit = Math.min(raw.length, cur + lookahead);
    for (let j = cur; j < limit; j++) {
      const r = raw[j];
      if (r.key === t.key) {
        out[i] = { start: r.start, end: r.end };
        if (r.broken) t.broken = true;
        cur = j + 1;
        break;
      }
      if (r.key.length > t.key.length && r.key.startsWith(t.key) && /^\d{1,3}$/.test(r.key.slice(t.key.length))) {
        out[i] = { start: r.start, end: r.start + t.surface.length };
        cur = j + 1;
        break;
      }
    }
  }
  // Fill the gaps from the neighbours.
  let prevEnd = span.start;
  for (let i = 0; i < out.length; i++) {
    const o = out[i];
    if (o) prevEnd = o.end;
    else {
      let next: Span | null = null;
      for (let k = i + 1; k < out.length && k < i + 20; k++) if (out[k]) {
        next = out[k];
        break;
      }
      const at = next ? Math.max(prevEnd, Math.min(next.start, prevEnd)) : prevEnd;
      out[i] = { start: at, end: at };
    }
  }
  return out as Span[];
}
