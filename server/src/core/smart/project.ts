/**
 * An item's range of the document as plain sentence text, with a map back
 * to document offsets: what `smartCard` reads, and how its evidence lands on
 * the document again.
 *
 * Dropped: heading lines (a conclusion's "### Conclusie 1 {#C1}"), the list
 * marker or number that opens the item, `{#id}` attributes, pandoc citations
 * (`[@key, p. 4]`, so "p. 4" is no measure), footnote references, link
 * targets (the link text stays), emphasis marks, backslash escapes, bullets,
 * and blanked spans (footnote lines pulled out of PDF text). Joined:
 * hyphenated line breaks ("jeugd-\nhulp"). Folded: runs of whitespace.
 * One linear pass.
 */
import type { Span } from '../types';

export interface Projection {
  text: string;
  /** Document offset of each character of `text`; `map.length === text.length`. */
  map: number[];
}

const BULLETS = '•◦▪■●○';

export function projectRange(doc: string, range: Span, blank: readonly Span[] = []): Projection {
  const start = Math.max(0, Math.min(range.start, doc.length));
  const end = Math.max(start, Math.min(range.end, doc.length));
  const chars: string[] = [];
  const map: number[] = [];
  let pendingSpace = -1;
  const blanks = blank.filter((b) => b.end > start && b.start < end).sort((a, b) => a.start - b.start);
  let bi = 0;
  let atLineStart = true;
  const push = (ch: string, at: number): void => {
    if (pendingSpace >= 0 && chars.length > 0) {
      chars.push(' ');
      map.push(pendingSpace);
    }
    pendingSpace = -1;
    chars.push(ch);
    map.push(at);
  };
  let i = start;
  while (i < end) {
    while (bi < blanks.length && blanks[bi].end <= i) bi++;
    if (bi < blanks.length && blanks[bi].start <= i) {
      if (pendingSpace < 0) pendingSpace = i;
      i = blanks[bi].end;
      continue;
    }
    const ch = doc[i];
    if (atLineStart) {
      // Heading line: skip to its end.
      const line = /^[ \t]{0,3}#{1,6}[ \t][^\n]*/.exec(doc.slice(i, Math.min(end, i + 400)));
      if (line) {
        i += line[0].length;
        continue;
      }
      if (ch !== ' ' && ch !== '\t' && ch !== '\n' && ch !== '\r') atLineStart = false;
    }
    if (ch === '\n' || ch === '\r') {
      atLineStart = true;
      if (pendingSpace < 0) pendingSpace = i;
      i++;
      continue;
    }
    if (/\s/.test(ch)) {
      if (pendingSpace < 0) pendingSpace = i;
      i++;
      continue;
    }
    // Hyphenated line break before a lower-case letter: join the word.
    if (ch === '-' && i > start && /\p{L}/u.test(doc[i - 1])) {
      const m = /^-[ \t]*\r?\n[ \t]*(?=\p{Ll})/u.exec(doc.slice(i, Math.min(end, i + 40)));
      if (m) {
        i += m[0].length;
        continue;
      }
    }
    if (ch === '[') {
      const rest = doc.slice(i, Math.min(end, i + 600));
      // Citation group [@key, p. 4; @other] or footnote reference [^3]: dropped.
      const cite = /^\[(?:(?=[^\]\n]*?@[\w:.#$%&\-+?<>~/])[^\]\n]*|\^[^\]\s]+)\]/.exec(rest);
      if (cite) {
        i += cite[0].length;
        continue;
      }
      // Link [text](target): keep the text.
      const link = /^\[([^\]\n]*)\]\(([^)\n]*)\)/.exec(rest);
      if (link) {
        const textStart = i + 1;
        for (let k = 0; k < link[1].length; k++) {
          const c = link[1][k];
          if (c === '*' || c === '_' || c === '`') continue;
          if (/\s/.test(c)) {
            if (pendingSpace < 0) pendingSpace = textStart + k;
          } else push(c, textStart + k);
        }
        i += link[0].length;
        continue;
      }
    }
    if (ch === '{') {
      const attr = /^\{[#.][^}\n]*\}/.exec(doc.slice(i, Math.min(end, i + 200)));
      if (attr) {
        i += attr[0].length;
        continue;
      }
    }
    if (ch === '@' && (i === start || /[\s(]/.test(doc[i - 1]))) {
      const key = /^-?@[\w:.#$%&\-+?<>~/]*\w/.exec(doc.slice(i, Math.min(end, i + 200)));
      if (key) {
        i += key[0].length;
        continue;
      }
    }
    if (ch === '*' || ch === '`' || ch === '\\') {
      i++;
      continue;
    }
    if (ch === '_' && (i === start || !/[\p{L}\p{N}]/u.test(doc[i - 1]) || !/[\p{L}\p{N}]/u.test(doc[i + 1] ?? ''))) {
      i++;
      continue;
    }
    if (BULLETS.includes(ch)) {
      if (pendingSpace < 0) pendingSpace = i;
      i++;
      continue;
    }
    push(ch, i);
    i++;
  }
  let text = chars.join('');
  // The item's own marker: "1. ", "- ", "a) ", "(3) ".
  const marker = /^(?:[-+–−o]\s+|\(?\d{1,3}[.)]\s+|\(?[a-z][.)]\s+)/.exec(text);
  if (marker) {
    text = text.slice(marker[0].length);
    map.splice(0, marker[0].length);
  }
  return { text, map };
}

/** A span of the projected text as a document span. */
export function toDocument(p: Projection, start: number, end: number): Span {
  if (p.map.length === 0) return { start: 0, end: 0 };
  const s = p.map[Math.min(Math.max(0, start), p.map.length - 1)];
  const e = end > start ? p.map[Math.min(end - 1, p.map.length - 1)] + 1 : s;
  return { start: s, end: Math.max(s, e) };
}

/** The document offset right after projected character `k - 1` (an insertion point). */
export function insertionToDocument(p: Projection, k: number): number {
  if (p.map.length === 0) return 0;
  if (k <= 0) return p.map[0];
  return p.map[Math.min(k, p.map.length) - 1] + 1;
}
