/** Small helpers shared by the bibliography readers. Pure. */
import type { Span } from '../types';

/** Line starts of the text asked about last: a bibliography asks for the line of every entry. */
let lineStarts: { text: string; starts: number[] } | null = null;

/** 0-based line and character of an offset (LF, CRLF and CR line ends). */
export function lineCol(text: string, offset: number): { line: number; character: number } {
  if (lineStarts?.text !== text) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
    }
    lineStarts = { text, starts };
  }
  const { starts } = lineStarts;
  const end = Math.max(0, Math.min(offset, text.length));
  // The last line start at or before `end`.
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= end) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: end - starts[lo] };
}

/** Offset of a 0-based line (clamped). */
export function lineOffset(text: string, line: number): number {
  if (line <= 0) return 0;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      n++;
      if (n === line) return i + 1;
    }
  }
  return text.length;
}

/**
 * Paths in a `file` field as reference managers write it:
 *   bronnen/x.pdf
 *   :bronnen/x.pdf:PDF                       (JabRef)
 *   Full Text PDF:/home/u/Zotero/x.pdf:application/pdf   (Zotero, Better BibTeX)
 *   a.pdf;b.docx                             (several)
 *   C\:\\Users\\x.pdf                         (escaped Windows path)
 */
export function parseFileField(value: string): string[] {
  const out: string[] = [];
  for (const part of splitUnescaped(value, ';')) {
    const fields = splitUnescaped(part, ':');
    let path: string;
    if (fields.length >= 3) path = fields.slice(1, fields.length - 1).join(':');
    else if (fields.length === 2 && /^[A-Za-z]$/.test(fields[0].trim())) path = fields.join(':'); // C:\x
    else path = fields.join(':');
    path = path.replace(/\\([:;\\])/g, '$1').trim();
    if (path) out.push(path);
  }
  return out;
}

function splitUnescaped(s: string, sep: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\' && i + 1 < s.length) {
      cur += c + s[i + 1];
      i++;
    } else if (c === sep) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/** The text of a span. */
export function slice(text: string, span: Span): string {
  return text.slice(span.start, span.end);
}

/** A year from a date-ish string ("2021-04-20", "2021", "april 2021"). */
export function yearOf(s: unknown): string | null {
  if (typeof s === 'number' && Number.isFinite(s)) return String(Math.trunc(s));
  if (typeof s !== 'string') return null;
  const m = /\b(1[5-9]\d\d|20\d\d|21\d\d)\b/.exec(s);
  return m ? m[1] : null;
}

/** Normalises a path for comparing: '/' separators, no `file://`, no `./`, decoded. */
export function normPath(p: string): string {
  let s = p.replace(/\\/g, '/').replace(/^file:\/\//, '');
  try {
    s = decodeURIComponent(s);
  } catch {
    /* keep */
  }
  const parts: string[] = [];
  for (const seg of s.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

/** The folder of a path ('/'-separated, with the trailing slash). */
export function dirOf(p: string): string {
  const s = normPath(p);
  return s.slice(0, s.lastIndexOf('/') + 1);
}

/** Resolves `rel` against the folder `dir` (both '/'-separated); absolute `rel` is kept. */
export function resolveIn(dir: string, rel: string): string {
  const r = rel.replace(/\\/g, '/');
  if (r.startsWith('/') || /^[A-Za-z]:\//.test(r)) return normPath(r);
  return normPath((dir.endsWith('/') || dir === '' ? dir : dir + '/') + r);
}

/** File name without folders and extension, lower-cased. */
export function stemOf(p: string): string {
  const base = normPath(p).split('/').pop() ?? '';
  const dot = base.lastIndexOf('.');
  return (dot > 0 ? base.slice(0, dot) : base).toLowerCase();
}
