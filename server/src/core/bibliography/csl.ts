/**
 * CSL JSON and CSL YAML (as Zotero, Better BibTeX and pandoc write them) →
 * entries, with where each item stands.
 *
 * Both go through the `yaml` package's document parser, which keeps node
 * ranges (JSON is YAML 1.2); CSL JSON is also checked with JSON.parse so a
 * file pandoc would refuse is reported. Accepted shapes: a list of items, or
 * a mapping with `references:` (pandoc / Better BibTeX CSL YAML), or one item.
 */
import YAML, { isMap, isScalar, isSeq, type Node as YamlNode, type Document } from 'yaml';
import type { BibEntry, BibFormat, BibProblem, ParsedBibliography } from './types';
import type { Span } from '../types';
import { lineCol, parseFileField, yearOf } from './util';

export function parseCslJson(text: string): ParsedBibliography {
  const problems: BibProblem[] = [];
  try {
    JSON.parse(text);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const m = /position (\d+)/.exec(msg);
    const pos = m ? lineCol(text, Number(m[1])) : lineColFromLineMsg(msg);
    problems.push({ message: { nl: `CSL JSON onleesbaar: ${msg}`, en: `CSL JSON cannot be read: ${msg}` }, ...pos });
    // Still read what the tolerant parser can, for go-to-definition while typing.
    const r = parseCslDocument(text, 'csl-json', 0, true);
    return { format: 'csl-json', entries: r.entries, problems };
  }
  const r = parseCslDocument(text, 'csl-json', 0, false);
  return { format: 'csl-json', entries: r.entries, problems: [...problems, ...r.problems] };
}

export function parseCslYaml(text: string): ParsedBibliography {
  const r = parseCslDocument(text, 'csl-yaml', 0, false);
  return { format: 'csl-yaml', entries: r.entries, problems: r.problems };
}

function lineColFromLineMsg(msg: string): { line: number; character: number } {
  const m = /line (\d+) column (\d+)/.exec(msg);
  return m ? { line: Number(m[1]) - 1, character: Number(m[2]) - 1 } : { line: 0, character: 0 };
}

export interface CslParseResult {
  entries: BibEntry[];
  problems: BibProblem[];
  /** The list node holding the items (for inserting a new one), when found. */
  list: { start: number; end: number; itemIndent: number | null; flow: boolean } | null;
}

/**
 * Reads CSL items from YAML/JSON text. `base` is added to every offset
 * (for front matter inside a document); `lineText` is the text lines are
 * counted in (defaults to `text`).
 */
export function parseCslDocument(text: string, format: BibFormat, base = 0, quiet = false, lineText?: string, lineBase = 0): CslParseResult {
  const problems: BibProblem[] = [];
  const entries: BibEntry[] = [];
  let doc: Document.Parsed;
  try {
    doc = YAML.parseDocument(text, { prettyErrors: false, uniqueKeys: false });
  } catch (e) {
    if (!quiet) problems.push({ message: { nl: `Onleesbaar: ${String(e)}`, en: `Cannot be read: ${String(e)}` }, line: 0, character: 0 });
    return { entries, problems, list: null };
  }
  const where = (offset: number): { line: number; character: number } => {
    if (lineText !== undefined) return lineCol(lineText, lineBase + offset);
    return lineCol(text, offset);
  };
  if (!quiet) {
    for (const e of doc.errors) {
      const at = e.pos?.[0] ?? 0;
      const msg = e.message.split('\n')[0];
      problems.push({ message: { nl: `${format === 'csl-json' ? 'CSL JSON' : 'CSL YAML'} onleesbaar: ${msg}`, en: `${format === 'csl-json' ? 'CSL JSON' : 'CSL YAML'} cannot be read: ${msg}` }, ...where(at) });
    }
  }
  if (doc.errors.length && !quiet) return { entries, problems, list: null };
  let listNode: YamlNode | null = null;
  const root = doc.contents as YamlNode | null;
  if (root && isSeq(root)) listNode = root;
  else if (root && isMap(root)) {
    const refs = root.get('references', true) as YamlNode | undefined;
    if (refs && isSeq(refs)) listNode = refs;
    else if (root.get('id') !== undefined) listNode = null;
    else if (refs !== undefined) {
      const r = nodeRange(refs);
      problems.push({ message: { nl: '`references` moet een lijst van items zijn.', en: '`references` must be a list of items.' }, ...where(r ? r.start : 0) });
    }
  }
  const items: YamlNode[] = listNode && isSeq(listNode) ? (listNode.items as YamlNode[]) : root && isMap(root) && root.get('id') !== undefined ? [root] : [];
  if (!listNode && items.length === 0 && root != null && !quiet && problems.length === 0) {
    problems.push({ message: { nl: 'Geen CSL-items gevonden: verwacht een lijst van items met een `id`.', en: 'No CSL items found: expected a list of items with an `id`.' }, line: 0, character: 0 });
  }
  for (const item of items) {
    const r = nodeRange(item);
    if (!item || !isMap(item) || !r) {
      if (!quiet) problems.push({ message: { nl: 'Een item is geen mapping met velden.', en: 'An item is not a mapping of fields.' }, ...where(r ? r.start : 0) });
      continue;
    }
    const idNode = item.get('id', true) as YamlNode | undefined;
    const js = item.toJSON() as Record<string, unknown>;
    const id = js.id;
    if (id === undefined || id === null || (typeof id !== 'string' && typeof id !== 'number') || String(id).trim() === '') {
      if (!quiet) problems.push({ message: { nl: 'Een item heeft geen `id` (de citeersleutel).', en: 'An item has no `id` (the citation key).' }, ...where(r.start) });
      continue;
    }
    const idRange = idNode ? nodeRange(idNode) : null;
    let keyRange: Span = idRange ?? r;
    // A quoted JSON / YAML scalar: the key without its quotes.
    if (idRange && /^["']/.test(text[idRange.start] ?? '')) keyRange = { start: idRange.start + 1, end: idRange.end - 1 };
    entries.push(cslItemToEntry(js, { start: base + r.start, end: base + r.end }, { start: base + keyRange.start, end: base + keyRange.end }, where(keyRange.start).line));
  }
  let list: CslParseResult['list'] = null;
  if (listNode) {
    const lr = nodeRange(listNode);
    if (lr) {
      const first = items.length ? nodeRange(items[0]) : null;
      const flow = isSeq(listNode) && !!listNode.flow;
      let indent: number | null = null;
      if (first) {
        // Column of the item (YAML block item: of the `- `).
        const ls = text.lastIndexOf('\n', first.start - 1) + 1;
        const lineHead = text.slice(ls, first.start);
        indent = flow ? first.start - ls : lineHead.replace(/-\s*$/, '').length;
      }
      list = { start: base + lr.start, end: base + lr.end, itemIndent: indent, flow };
    }
  }
  return { entries, problems, list };
}

function nodeRange(n: unknown): Span | null {
  const r = (n as { range?: [number, number, number] } | null)?.range;
  return r ? { start: r[0], end: r[1] } : null;
}

/** CSL names: {family, given} | {literal}. */
function cslName(n: unknown): string | null {
  if (typeof n === 'string') return n;
  if (!n || typeof n !== 'object') return null;
  const o = n as Record<string, unknown>;
  if (typeof o.literal === 'string') return o.literal;
  const family = [o['non-dropping-particle'], o.family].filter((x) => typeof x === 'string' && x).join(' ');
  const given = typeof o.given === 'string' ? o.given : '';
  const s = [family, given].filter(Boolean).join(', ');
  return s || null;
}

/** CSL dates: {date-parts: [[2021, 4]]}, {raw}, {literal}, EDTF strings, a bare year, pandoc's `- year: 2021`. */
export function cslYear(d: unknown): string | null {
  if (d == null) return null;
  if (typeof d === 'number' || typeof d === 'string') return yearOf(d);
  if (Array.isArray(d)) return d.length ? cslYear(d[0]) : null;
  if (typeof d === 'object') {
    const o = d as Record<string, unknown>;
    const parts = o['date-parts'];
    if (Array.isArray(parts) && Array.isArray(parts[0]) && parts[0].length) return yearOf(parts[0][0]);
    return yearOf(o.year) ?? yearOf(o.raw) ?? yearOf(o.literal);
  }
  return null;
}

function text1(v: unknown): string | null {
  if (v == null) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  return null;
}

export function cslItemToEntry(js: Record<string, unknown>, range: Span, keyRange: Span, line: number): BibEntry {
  const names = Array.isArray(js.author) ? js.author : Array.isArray(js.editor) ? js.editor : [];
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries(js)) {
    if (['id', 'title', 'author', 'file', 'type'].includes(k)) continue;
    const s = text1(v) ?? (k === 'issued' ? cslYear(v) : null);
    if (s && s.length <= 300) fields[k] = s;
  }
  const file = js.file;
  const files = typeof file === 'string' ? parseFileField(file) : Array.isArray(file) ? file.filter((x): x is string => typeof x === 'string') : [];
  return {
    key: String(js.id),
    type: typeof js.type === 'string' ? js.type : 'document',
    title: text1(js.title),
    authors: names.map(cslName).filter((x): x is string => !!x),
    year: cslYear(js.issued) ?? cslYear(js['original-date']),
    files,
    url: text1(js.URL) ?? text1(js.url),
    fields,
    range,
    keyRange,
    line,
  };
}

/** Scalars only (for front matter checks). */
export function isScalarNode(n: unknown): boolean {
  return isScalar(n);
}
