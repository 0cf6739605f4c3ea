/**
 * Editor features over bibliography and corpus, as pure functions the
 * language server calls (it does the LSP wiring):
 *
 *   citationFixes(diagnostic, model, project)  quick fixes on `claim/unsupported`
 *   citationCompletions(prefix, project, model?)
 *   citationHover(citation, project, model?)   Markdown
 *   citationDefinition(citation, project, model?)
 *
 * EDITS. Every edit is `{ uri, range, offsets, newText }`: `range` is an LSP
 * range (0-based line, UTF-16 character) in the file named by `uri`;
 * `offsets` is the same place as UTF-16 offsets into that file's text as the
 * model / bibliography view holds it. `uri` is the document's `model.uri`
 * for the document, and for a bibliography file its path — as a `file://`
 * URI when the document's uri is one, else the plain path.
 */
import type { Citation, DocumentModel, Span } from '../types';
import type { ProjectView } from '../project';
import type { Diagnostic, Message } from '../rules/types';
import type { Range } from '../text';
import { LineIndex } from '../text';
import type { BibEntry, BibliographyFile, LocatedEntry } from '../bibliography/types';
import { entriesFor, findEntry } from '../bibliography/view';
import { generateKey, newEntryInsert } from '../bibliography/format';
import { dirOf, lineCol, normPath } from '../bibliography/util';
import { analyzeClaims, cleanSentence } from './detect';
import { claimLexicons, claimWords } from './lexicon';
import { linkSources } from './links';
import type { SourceHit } from './types';

export interface FileEdit {
  uri: string;
  /** LSP range in the file. */
  range: Range;
  /** The same place as UTF-16 offsets into the file's text. */
  offsets: Span;
  newText: string;
}

export interface CitationFix {
  /** Title in the requested language. */
  title: string;
  titles: Message;
  kind: 'quickfix';
  isPreferred: boolean;
  edits: FileEdit[];
  /** What the fix cites. */
  source: { path: string; page: number | null; key: string; score: number; newEntry: boolean };
}

export interface FixOptions {
  lang?: 'nl' | 'en';
  /** Number of candidates (default 3). */
  limit?: number;
}

/** Quick fixes "Bron invoegen: …" for a `claim/unsupported` diagnostic. */
export function citationFixes(diagnostic: Pick<Diagnostic, 'code' | 'range' | 'data'>, model: DocumentModel, project: ProjectView | undefined, options: FixOptions = {}): CitationFix[] {
  if (diagnostic.code !== 'claim/unsupported' || !project?.sources || model.format !== 'markdown' || !model.uri) return [];
  const lang = options.lang ?? model.language;
  const si = typeof diagnostic.data?.sentence === 'number' ? (diagnostic.data.sentence as number) : model.sentences.findIndex((s) => s.start <= diagnostic.range.start && diagnostic.range.start < s.end);
  const sentence = model.sentences[si];
  if (!sentence) return [];
  const claim = analyzeClaims(model).judged.find((c) => c.sentence === si);
  const query = cleanSentence(model, sentence);
  const hits = rank(project.sources.search(query, { limit: 12 }), claim?.reasons.includes('attribution') ?? false, model, project);
  const links = linkSources(project.bibliography, project.sources);
  const docFiles = project.bibliography?.filesFor(model) ?? [];
  const target = docFiles.find((f) => f.text !== null) ?? null;
  const taken = new Set(entriesFor(model, project.bibliography).entries.map((e) => e.entry.key));
  const at = insertionPoint(model, sentence);
  const docIndex = new LineIndex(model.text);
  const fixes: CitationFix[] = [];
  const seen = new Set<string>();
  for (const h of hits) {
    const id = `${h.doc.path}#${h.page ?? ''}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const link = links.bySource.get(h.doc.path);
    let key: string;
    let label: string;
    const edits: FileEdit[] = [];
    if (link) {
      key = link.entry.key;
      label = entryLabel(link.entry, h.doc.title);
    } else {
      if (!target || target.text === null) continue;
      const title = h.doc.title ?? h.doc.path.split('/').pop()!;
      const year = /\b(19[5-9]\d|20\d\d)\b/.exec(h.doc.path.split('/').pop()!)?.[1] ?? /\b(19[5-9]\d|20\d\d)\b/.exec(title)?.[1] ?? null;
      key = generateKey({ title, year }, taken);
      taken.add(key);
      label = title;
      const rel = relativePath(dirOf(target.path), h.doc.path);
      const ins = newEntryInsert(target, key, { title, year, file: rel, type: 'misc' });
      const bibIndex = new LineIndex(target.text);
      edits.push({ uri: fileUri(target.path, model.uri), range: bibIndex.range({ start: ins.offset, end: ins.offset }), offsets: { start: ins.offset, end: ins.offset }, newText: ins.text });
    }
    const cite = `[@${key}${h.page ? `, p. ${h.page}` : ''}]`;
    const newText = (at.space ? ' ' : '') + cite;
    edits.unshift({ uri: model.uri, range: docIndex.range({ start: at.offset, end: at.offset }), offsets: { start: at.offset, end: at.offset }, newText });
    const quote = matchQuote(h);
    const where = `${shorten(label)}${h.page ? `, p. ${h.page}` : ''}${quote ? ` — ‘${quote}’` : ''}`;
    const titles = { nl: `Bron invoegen: ${where}`, en: `Insert source: ${where}` };
    fixes.push({ title: titles[lang], titles, kind: 'quickfix', isPreferred: fixes.length === 0, edits, source: { path: h.doc.path, page: h.page, key, score: h.score, newEntry: !link } });
    if (fixes.length >= (options.limit ?? 3)) break;
  }
  return fixes;
}

/** Re-ranking: attributions prefer interview reports and minutes. */
function rank(hits: SourceHit[], attribution: boolean, model: DocumentModel, project: ProjectView): SourceHit[] {
  const lexicons = claimLexicons(model.language);
  const links = linkSources(project.bibliography, project.sources);
  const isInterview = (h: SourceHit): boolean => {
    const words = claimWords(`${h.doc.title ?? ''} ${h.doc.path.split('/').pop()} ${links.bySource.get(h.doc.path)?.entry.title ?? ''}`);
    return words.some((w) => lexicons.some((lx) => lx.interviewSourceWords.has(w) || [...lx.interviewSourceWords].some((x) => x.length >= 6 && w.startsWith(x))));
  };
  // An attribution ("uit interviews blijkt", "volgens de wethouder") is evidenced by interview
  // reports and minutes: those come first, each group by score.
  const key = (h: SourceHit): number => (attribution && isInterview(h) ? 1 : 0);
  return [...hits].sort((a, b) => key(b) - key(a) || b.score - a.score);
}

/** Where `[@key]` goes: before the sentence's final period (with a space before it). */
function insertionPoint(model: DocumentModel, s: { start: number; end: number }): { offset: number; space: boolean } {
  let end = s.end;
  while (end > s.start && /\s/.test(model.text[end - 1])) end--;
  let at = end;
  if (/[.!?;:]/.test(model.text[end - 1] ?? '')) at = end - 1;
  const space = at > s.start && !/\s/.test(model.text[at - 1]);
  return { offset: at, space };
}

function entryLabel(e: BibEntry, fallback: string | null): string {
  const title = e.title ?? fallback ?? e.key;
  const short = title.split(/(?<=\S)[.:](?:\s|$)/)[0];
  const type = e.fields.type;
  if (type && type.length <= 30 && !short.toLowerCase().includes(type.toLowerCase())) return `${type} ${short}`;
  return short;
}

function shorten(s: string): string {
  return s.length > 70 ? s.slice(0, 67).trimEnd() + '…' : s;
}

/** The matching words in passage order: adjacent ones together, gaps as " … " ("wachttijd … vier weken"). */
export function matchQuote(h: Pick<SourceHit, 'passage' | 'terms'>, maxWords = 6): string {
  const want = new Set(h.terms.map((t) => t.toLowerCase()));
  if (!want.size) return '';
  const toks = [...h.passage.matchAll(/[\p{L}\p{N}]+(?:[.,]\p{N}+)*/gu)].map((m) => ({ w: m[0], start: m.index!, end: m.index! + m[0].length }));
  const hits: number[] = [];
  toks.forEach((t, i) => {
    if (want.has(t.w.toLowerCase())) hits.push(i);
  });
  if (!hits.length) return '';
  // Densest window of hits within 25 tokens.
  let best = { a: 0, b: 0 };
  for (let i = 0; i < hits.length; i++) {
    let j = i;
    while (j + 1 < hits.length && hits[j + 1] - hits[i] <= 25) j++;
    if (j - i > best.b - best.a) best = { a: i, b: j };
  }
  const chosen = hits.slice(best.a, best.b + 1).slice(0, maxWords);
  let out = '';
  for (let k = 0; k < chosen.length; k++) {
    const t = toks[chosen[k]];
    if (k === 0) out = t.w;
    else if (chosen[k] === chosen[k - 1] + 1) out += ' ' + t.w;
    else out += ' … ' + t.w;
  }
  return out;
}

function relativePath(fromDir: string, to: string): string {
  const a = normPath(fromDir).split('/').filter(Boolean);
  const b = normPath(to).split('/').filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}

function fileUri(path: string, like: string | null): string {
  if (like && like.startsWith('file://')) return 'file://' + encodeURI(path.startsWith('/') ? path : '/' + path);
  return path;
}

// ---------------------------------------------------------------------------
// Completion, hover, definition
// ---------------------------------------------------------------------------

export interface CitationCompletion {
  key: string;
  /** `@key` */
  label: string;
  /** "Verhoef, Marieke (2022)" */
  detail: string;
  /** Markdown: title, authors, year, file. */
  documentation: string;
  /** Sort key: better matches first. */
  sortText: string;
}

function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/**
 * Entries matching what was typed after `@`: every word of the prefix must
 * occur in the key, an author, the title or the year. Key-prefix matches
 * come first. With a model, only the document's bibliographies are searched.
 */
export function citationCompletions(prefix: string, project: ProjectView | undefined, model?: DocumentModel, limit = 50): CitationCompletion[] {
  const all: LocatedEntry[] = model ? entriesFor(model, project?.bibliography).entries : (project?.bibliography?.files ?? []).flatMap((f) => f.entries.map((e) => ({ entry: e, path: f.path, format: f.format, file: f }) as LocatedEntry));
  const parts = fold(prefix.replace(/^@/, '')).split(/\s+/).filter(Boolean);
  const seen = new Set<string>();
  const scored: Array<{ c: CitationCompletion; score: number }> = [];
  for (const le of all) {
    const e = le.entry;
    if (seen.has(e.key)) continue;
    const hay = fold([e.key, ...e.authors, e.title ?? '', e.year ?? ''].join(' '));
    if (!parts.every((p) => hay.includes(p))) continue;
    seen.add(e.key);
    const k = fold(e.key);
    const score = parts.length === 0 ? 1 : k.startsWith(parts[0]) ? 0 : k.includes(parts[0]) ? 1 : 2;
    scored.push({
      score,
      c: {
        key: e.key,
        label: '@' + e.key,
        detail: `${e.authors[0] ?? ''}${e.authors.length > 1 ? ' e.a.' : ''}${e.year ? ` (${e.year})` : ''}`.trim(),
        documentation: entryMarkdown(e, le.path),
        sortText: `${score}${k}`,
      },
    });
  }
  scored.sort((a, b) => a.c.sortText.localeCompare(b.c.sortText));
  return scored.slice(0, limit).map((x) => x.c);
}

function entryMarkdown(e: BibEntry, path: string): string {
  const lines = [`**${esc(e.title ?? e.key)}**${e.year ? ` (${e.year})` : ''}`];
  const meta = [e.authors.join('; '), e.fields.type, e.fields.institution ?? e.fields.publisher ?? e.fields['container-title'], e.fields.howpublished].filter(Boolean);
  if (meta.length) lines.push(esc(meta.join(' · ')));
  lines.push(`\`@${e.key}\` — ${esc(path.split('/').pop() ?? path)}`);
  if (e.files.length) lines.push(`Bestand / file: ${esc(e.files.join(', '))}`);
  if (e.url) lines.push(`<${e.url}>`);
  if (e.fields.note) lines.push(`*${esc(e.fields.note)}*`);
  return lines.join('  \n');
}

function esc(s: string): string {
  return s.replace(/([\\`*_[\]<>])/g, '\\$1');
}

/** A page number from a pandoc locator ("p. 4", "pp. 3-5", "blz. 12", "4"). */
export function locatorPage(locator: string | null): number | null {
  if (!locator) return null;
  const m = /^(?:p|pp|pag|page|pages|blz|bl|pagina|pagina's)?\.?\s*(\d{1,5})/i.exec(locator.trim());
  return m ? Number(m[1]) : null;
}

/** Markdown for hovering a citation: the entry, and the cited page's text when the corpus has it. */
export function citationHover(citation: Pick<Citation, 'key' | 'locator'>, project: ProjectView | undefined, model?: DocumentModel): string | null {
  const le = locate(citation.key, project, model);
  if (!le) return null;
  const parts = [entryMarkdown(le.entry, le.path)];
  const sources = project?.sources;
  const src = sources ? linkSources(project?.bibliography, sources).byKey.get(citation.key) : undefined;
  if (sources && src) {
    const page = locatorPage(citation.locator);
    const doc = sources.documents.find((d) => d.path === src);
    const text = doc ? sources.pageText(src, doc.paged ? page : null) : null;
    if (text) {
      const excerpt = excerptFor(text, model, citation);
      const where = doc?.paged && page ? `p. ${page}` : esc(src.split('/').pop() ?? src);
      parts.push(`---\n\n${where}:\n\n> ${esc(excerpt).replace(/\n+/g, ' ')}`);
    } else if (doc?.paged && page) {
      parts.push(`---\n\n*p. ${page}: niet in de bron (${doc.pages} pagina's) / not in the source (${doc.pages} pages)*`);
    }
  }
  return parts.join('\n\n');
}

/** The part of the page that best matches the citing sentence (or the page's start). */
function excerptFor(text: string, model: DocumentModel | undefined, citation: Pick<Citation, 'key' | 'locator'> & { range?: Span }): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (model && citation.range) {
    const s = model.sentences.find((x) => x.start <= citation.range!.start && citation.range!.start <= x.end + 2);
    if (s) {
      const want = new Set(claimWords(cleanSentence(model, s)).filter((w) => w.length > 3));
      const sentences = flat.split(/(?<=[.!?])\s+/);
      let best = { i: 0, n: -1 };
      sentences.forEach((x, i) => {
        const n = claimWords(x).filter((w) => want.has(w)).length;
        if (n > best.n) best = { i, n };
      });
      if (best.n > 0) return sentences.slice(best.i, best.i + 2).join(' ').slice(0, 400);
    }
  }
  return flat.length > 400 ? flat.slice(0, 400) + '…' : flat;
}

function locate(key: string, project: ProjectView | undefined, model?: DocumentModel): LocatedEntry | null {
  if (model) return findEntry(model, project?.bibliography, key);
  for (const f of project?.bibliography?.files ?? []) {
    const e = f.entries.find((x) => x.key === key);
    if (e) return { entry: e, path: f.path, format: f.format, file: f };
  }
  return null;
}

export interface DefinitionTarget {
  kind: 'entry' | 'source';
  /** Path of the file (document uri for inline references). */
  path: string;
  /** LSP range in that file (zero-width at the start for sources). */
  range: Range;
  /** Page (1-based) for a paged source, when the citation names one. */
  page: number | null;
}

/** Where a citation leads: the entry in its bibliography, then the source file (at the cited page). */
export function citationDefinition(citation: Pick<Citation, 'key' | 'locator'>, project: ProjectView | undefined, model?: DocumentModel): DefinitionTarget[] {
  const out: DefinitionTarget[] = [];
  const le = locate(citation.key, project, model);
  if (le) {
    const text = le.file ? le.file.text ?? '' : model?.text ?? '';
    out.push({ kind: 'entry', path: le.path, range: { start: lineCol(text, le.entry.keyRange.start), end: lineCol(text, le.entry.keyRange.end) }, page: null });
  }
  const src = project?.sources ? linkSources(project.bibliography, project.sources).byKey.get(citation.key) : undefined;
  if (src) {
    const doc = project!.sources!.documents.find((d) => d.path === src);
    out.push({ kind: 'source', path: src, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, page: doc?.paged ? locatorPage(citation.locator) : null });
  }
  return out;
}

export type { BibliographyFile };
