/**
 * Writing a new entry into a bibliography file in its own format (for the
 * "insert source" quick fix when a source file has no entry yet): BibTeX,
 * CSL JSON or CSL YAML, with a generated key and a `file` field.
 */
import type { BibliographyFile } from './types';
import { parseCslDocument } from './csl';

export interface NewEntryInfo {
  title: string;
  year: string | null;
  authors?: string[];
  /** The source file, relative to the bibliography file's folder. */
  file: string;
  /** BibTeX type (`misc`, `report`); CSL type follows from it. */
  type?: string;
}

/** An insertion into a text, in UTF-16 offsets. */
export interface TextInsert {
  offset: number;
  text: string;
}

const STOP = new Set(['de', 'het', 'een', 'en', 'van', 'in', 'op', 'over', 'met', 'voor', 'the', 'a', 'an', 'of', 'and', 'on', 'for', 'to', 'bij', 'aan', 'uit']);

function ascii(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** A pandoc-friendly key: author (or first title word) + year + first title word; unique against `taken`. */
export function generateKey(info: { title: string; year: string | null; authors?: string[] }, taken: ReadonlySet<string>): string {
  const titleWords = ascii(info.title).split(/[^a-z0-9]+/).filter((w) => w.length > 1 && !STOP.has(w) && !/^\d+$/.test(w));
  const author = info.authors?.length ? ascii(info.authors[0].split(',')[0]).split(/[^a-z0-9]+/).filter((w) => w && !STOP.has(w)).pop() ?? '' : '';
  const parts = [author || titleWords[0] || 'bron', info.year ?? '', author ? titleWords[0] ?? '' : ''];
  const base = parts.join('').slice(0, 40) || 'bron';
  if (!taken.has(base)) return base;
  for (let i = 0; i < 26 * 27; i++) {
    const suffix = i < 26 ? String.fromCharCode(97 + i) : String.fromCharCode(97 + Math.floor(i / 26) - 1) + String.fromCharCode(97 + (i % 26));
    if (!taken.has(base + suffix)) return base + suffix;
  }
  return base + Date.now();
}

function bibtexEscape(s: string): string {
  return s.replace(/[{}]/g, '').replace(/([&%$#_])/g, '\\$1');
}

const CSL_TYPE: Record<string, string> = { misc: 'document', report: 'report', book: 'book', article: 'article-journal', online: 'webpage', interview: 'interview' };

/** The text to insert and where, to add an entry with `key` to `file`. */
export function newEntryInsert(file: BibliographyFile, key: string, info: NewEntryInfo): TextInsert {
  const text = file.text ?? '';
  const type = info.type ?? 'misc';
  if (file.format === 'bibtex') {
    const lines = [`@${type}{${key},`, `  title = {${bibtexEscape(info.title)}},`];
    if (info.authors?.length) lines.push(`  author = {${info.authors.map(bibtexEscape).join(' and ')}},`);
    if (info.year) lines.push(`  year = {${info.year}},`);
    lines.push(`  file = {${info.file.replace(/[{}]/g, '')}}`, '}');
    const sep = text.length === 0 ? '' : text.endsWith('\n\n') ? '' : text.endsWith('\n') ? '\n' : '\n\n';
    return { offset: text.length, text: sep + lines.join('\n') + '\n' };
  }
  const cslType = CSL_TYPE[type] ?? 'document';
  const parsed = parseCslDocument(text, file.format, 0, true);
  const last = file.entries.length ? file.entries[file.entries.length - 1] : null;
  if (file.format === 'csl-json') {
    const indent = parsed.list?.itemIndent ?? 2;
    const pad = ' '.repeat(indent);
    const obj: Record<string, unknown> = { id: key, type: cslType, title: info.title };
    if (info.authors?.length) obj.author = info.authors.map((a) => ({ literal: a }));
    if (info.year) obj.issued = { 'date-parts': [[Number(info.year)]] };
    obj.file = info.file;
    const body = JSON.stringify(obj, null, 2).split('\n').map((l) => pad + l).join('\n');
    if (last) return { offset: last.range.end, text: `,\n${body}` };
    if (parsed.list) {
      const open = text.indexOf('[', parsed.list.start);
      return { offset: open + 1, text: `\n${body}\n` };
    }
    return { offset: 0, text: `[\n${body}\n]\n` };
  }
  // CSL YAML
  const indent = parsed.list?.itemIndent ?? 0;
  const pad = ' '.repeat(indent);
  const lines = [`${pad}- id: ${key}`, `${pad}  type: ${cslType}`, `${pad}  title: ${JSON.stringify(info.title)}`];
  if (info.authors?.length) lines.push(`${pad}  author:`, ...info.authors.map((a) => `${pad}    - literal: ${JSON.stringify(a)}`));
  if (info.year) lines.push(`${pad}  issued:`, `${pad}    - year: ${info.year}`);
  lines.push(`${pad}  file: ${JSON.stringify(info.file)}`);
  if (last) {
    // After the last item's last line.
    let at = last.range.end;
    while (at > 0 && /\s/.test(text[at - 1])) at--;
    const eol = text.indexOf('\n', at);
    const offset = eol < 0 ? text.length : eol;
    return { offset, text: '\n' + lines.join('\n') };
  }
  const sep = text.length === 0 || text.endsWith('\n') ? '' : '\n';
  return { offset: text.length, text: `${sep}${text.trim() ? '' : 'references:\n'}${lines.join('\n')}\n` };
}
