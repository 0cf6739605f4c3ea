/**
 * BibTeX / BibLaTeX (as Zotero and Better BibTeX export it) → entries.
 *
 * Field values come from @retorquere/bibtex-parser (LaTeX decoded, names
 * split, `--` to en dash, no sentence-casing: Dutch titles stay as written).
 * Where each entry stands (for diagnostics and go-to-definition) comes from a
 * single scan of our own over the text: `@type{key,` at brace depth 0.
 * A broken file yields the entries that could be read plus problems with
 * the parser's line; nothing is thrown.
 */
import { parse as parseBib, type Entry, type Creator } from '@retorquere/bibtex-parser';
import type { BibEntry, BibProblem, ParsedBibliography } from './types';
import { lineCol, parseFileField, yearOf } from './util';

const NON_ENTRIES = new Set(['comment', 'string', 'preamble']);

interface Located {
  type: string;
  key: string;
  start: number;
  end: number;
  keyStart: number;
  keyEnd: number;
}

/** Entries' positions: `@type{key,` (or `@type(key,`) at depth 0, and the matching close. */
export function locateBibtexEntries(text: string): Located[] {
  const out: Located[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const at = text.indexOf('@', i);
    if (at < 0) break;
    // Only an `@` at the start of a line (after whitespace) or after a closed entry starts an entry.
    let j = at + 1;
    while (j < n && /[A-Za-z]/.test(text[j])) j++;
    const type = text.slice(at + 1, j).toLowerCase();
    let k = j;
    while (k < n && (text[k] === ' ' || text[k] === '\t')) k++;
    const open = text[k];
    if (!type || (open !== '{' && open !== '(')) {
      i = at + 1;
      continue;
    }
    // The end: the matching close at depth 0. Braces nest inside values; an
    // `@` at a line start inside an unclosed entry starts the next one.
    let depth = open === '{' ? 0 : 1;
    let end = -1;
    for (let p = k; p < n; p++) {
      const c = text[p];
      if (c === '\\') {
        p++;
        continue;
      }
      if (c === '{') depth++;
      else if (c === '}' || (open === '(' && c === ')' && depth === 1)) {
        depth--;
        if (depth === 0) {
          end = p + 1;
          break;
        }
      } else if (c === '@' && p > k && /\n[ \t]*$/.test(text.slice(Math.max(k, p - 200), p))) {
        end = p;
        break;
      }
    }
    if (end < 0) end = n;
    if (!NON_ENTRIES.has(type)) {
      let ks = k + 1;
      while (ks < end && /\s/.test(text[ks])) ks++;
      let ke = ks;
      while (ke < end && !/[\s,}]/.test(text[ke])) ke++;
      if (ke > ks) out.push({ type, key: text.slice(ks, ke), start: at, end, keyStart: ks, keyEnd: ke });
    }
    i = Math.max(end, at + 1);
  }
  return out;
}

function creatorName(c: Creator): string {
  if (c.name) return c.name.normalize('NFC');
  const last = [c.prefix, c.lastName].filter(Boolean).join(' ');
  const first = c.firstName ?? '';
  return ([last, first].filter(Boolean).join(', ') + (c.suffix ? `, ${c.suffix}` : '')).normalize('NFC');
}

function flat(v: unknown): string | null {
  if (v == null) return null;
  if (typeof v === 'string') return v.normalize('NFC');
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'string' ? x : creatorName(x as Creator))).join('; ').normalize('NFC');
  return String(v);
}

export function parseBibtex(text: string): ParsedBibliography {
  const problems: BibProblem[] = [];
  let lib: { entries: Entry[]; errors: Array<{ error: string; input?: string }> };
  try {
    lib = parseBib(text, { english: false, sentenceCase: false, unsupported: 'ignore', caseProtection: false, applyCrossRef: false });
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const pos = errorPosition(text, msg, undefined);
    problems.push({ message: { nl: `BibTeX onleesbaar: ${firstLine(msg)}`, en: `BibTeX cannot be read: ${firstLine(msg)}` }, ...pos });
    lib = { entries: [], errors: [] };
  }
  for (const err of lib.errors) {
    const pos = errorPosition(text, err.error, err.input);
    problems.push({ message: { nl: `BibTeX-fout: ${firstLine(err.error)}`, en: `BibTeX error: ${firstLine(err.error)}` }, ...pos });
  }
  const located = locateBibtexEntries(text);
  // The n-th parsed entry with a key is the n-th located one with it.
  const byKey = new Map<string, { list: Located[]; next: number }>();
  for (const l of located) {
    const k = byKey.get(l.key);
    if (k) k.list.push(l);
    else byKey.set(l.key, { list: [l], next: 0 });
  }
  const entries: BibEntry[] = [];
  for (const e of lib.entries) {
    const k = byKey.get(e.key);
    const loc = k && k.next < k.list.length ? k.list[k.next++] : null;
    const f = e.fields as Record<string, unknown>;
    const authors = (Array.isArray(f.author) ? (f.author as Creator[]) : Array.isArray(f.editor) ? (f.editor as Creator[]) : []).map(creatorName);
    const fields: Record<string, string> = {};
    for (const [k, v] of Object.entries(f)) {
      if (['author', 'title', 'file'].includes(k)) continue;
      const s = flat(v);
      if (s && s.length <= 300) fields[k] = s;
    }
    const keyStart = loc ? loc.keyStart : 0;
    entries.push({
      key: e.key,
      type: e.type,
      title: flat(f.title),
      authors,
      year: yearOf(f.year) ?? yearOf(f.date),
      files: typeof f.file === 'string' ? parseFileField(f.file) : [],
      url: typeof f.url === 'string' ? f.url : null,
      fields,
      range: loc ? { start: loc.start, end: loc.end } : { start: 0, end: 0 },
      keyRange: loc ? { start: loc.keyStart, end: loc.keyEnd } : { start: 0, end: 0 },
      line: lineCol(text, keyStart).line,
    });
  }
  return { format: 'bibtex', entries, problems };
}

function firstLine(s: string): string {
  return s.split('\n')[0].slice(0, 300);
}

/** The parser says "at line 5, column 1" (1-based); else find the failing input in the text. */
function errorPosition(text: string, message: string, input: string | undefined): { line: number; character: number } {
  const m = /line (\d+)(?:,? col(?:umn)? (\d+))?/i.exec(message);
  if (m) return { line: Math.max(0, Number(m[1]) - 1), character: m[2] ? Math.max(0, Number(m[2]) - 1) : 0 };
  if (input) {
    const at = text.indexOf(input.slice(0, 80));
    if (at >= 0) return lineCol(text, at);
  }
  return { line: 0, character: 0 };
}
