/**
 * The source corpus as a BM25 full-text index (MiniSearch) over passages:
 * a PDF page, or a group of paragraphs (~120 words) of an unpaged source.
 * Terms are stemmed per source language (Dutch or English, detected);
 * queries are stemmed both ways, so a Dutch claim finds Dutch sources and
 * an English one English sources.
 */
import MiniSearch from 'minisearch';
import type { SearchOptions, SourceDocumentInfo, SourceHit, SourceIndexView, SourceProblem } from '../../core/claims/types';
import type { Language } from '../../core/types';
import { detectLanguage } from '../../core/analyze';
import { normPath } from '../../core/bibliography/util';
import type { Extracted } from './extract';
import { term, terms, tokenize } from './normalize';

interface Passage {
  id: number;
  doc: number;
  page: number | null;
  text: string;
}

const PASSAGE_WORDS = 120;

export class SourceIndex implements SourceIndexView {
  readonly documents: SourceDocumentInfo[] = [];
  readonly problems: SourceProblem[] = [];
  private readonly texts: string[][] = [];
  private readonly passages: Passage[] = [];
  private readonly mini = new MiniSearch<{ id: number; text: string; title: string }>({
    fields: ['text', 'title'],
    storeFields: [],
    tokenize: (s) => s.split(' ').filter(Boolean),
    processTerm: (t) => t,
    searchOptions: { boost: { title: 0.3 }, combineWith: 'OR' },
  });

  /** Adds an extracted source. */
  add(path: string, ex: Extracted): void {
    const docIndex = this.documents.length;
    const paged = ex.kind === 'pdf';
    this.documents.push({ path: normPath(path), kind: ex.kind, title: ex.title, pages: paged ? ex.pages.length : 1, paged });
    this.texts.push(ex.pages);
    const lang: Language = detectLanguage(ex.pages.join('\n').slice(0, 20000));
    const titleTerms = ex.title ? this.termsOf(ex.title, lang).join(' ') : '';
    const chunks: Array<{ page: number | null; text: string }> = paged ? ex.pages.map((t, i) => ({ page: i + 1, text: t })) : chunk(ex.pages.join('\n\n')).map((t) => ({ page: null, text: t }));
    for (const c of chunks) {
      const id = this.passages.length;
      this.passages.push({ id, doc: docIndex, page: c.page, text: c.text });
      this.mini.add({ id, text: this.termsOf(c.text, lang).join(' '), title: titleTerms });
    }
  }

  addProblem(p: SourceProblem): void {
    this.problems.push({ ...p, path: normPath(p.path) });
  }

  private termsOf(text: string, lang: Language): string[] {
    return terms(text, lang);
  }

  search(query: string, options: SearchOptions = {}): SourceHit[] {
    const limit = options.limit ?? 5;
    const qterms = new Set<string>();
    for (const lang of ['nl', 'en'] as const) for (const x of terms(query, lang)) qterms.add(x);
    if (!qterms.size) return [];
    const allowed = options.paths ? new Set(options.paths.map(normPath)) : null;
    const results = this.mini.search([...qterms].join(' '), allowed ? { filter: (r) => allowed.has(this.documents[this.passages[r.id as number].doc].path) } : undefined);
    const out: SourceHit[] = [];
    for (const r of results) {
      const p = this.passages[r.id as number];
      const matched = new Set(r.terms.flatMap((x) => x.split('_')));
      const words = tokenize(p.text);
      const lang = detectLanguage(p.text.slice(0, 4000));
      const hitWords = words.filter((w) => matched.has(term(w.norm, lang)) || matched.has(term(w.norm, lang === 'nl' ? 'en' : 'nl')));
      const surfaces: string[] = [];
      for (const w of hitWords) if (!surfaces.some((s) => s.toLowerCase() === w.surface.toLowerCase())) surfaces.push(w.surface);
      out.push({ doc: this.documents[p.doc], page: p.page, score: r.score, terms: surfaces, snippet: snippet(p.text, hitWords), passage: p.text });
      if (out.length >= limit) break;
    }
    return out;
  }

  pageText(path: string, page: number | null): string | null {
    const i = this.documents.findIndex((d) => d.path === normPath(path));
    if (i < 0) return null;
    const pages = this.texts[i];
    if (page === null || !this.documents[i].paged) return pages.join('\n\n');
    return pages[page - 1] ?? null;
  }
}

/** Paragraph groups of about PASSAGE_WORDS words. */
function chunk(text: string): string[] {
  const paras = text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  const out: string[] = [];
  let cur: string[] = [];
  let n = 0;
  for (const p of paras) {
    const w = p.split(/\s+/).length;
    if (n > 0 && n + w > PASSAGE_WORDS) {
      out.push(cur.join('\n\n'));
      cur = [];
      n = 0;
    }
    cur.push(p);
    n += w;
  }
  if (cur.length) out.push(cur.join('\n\n'));
  return out.length ? out : [text];
}

/** The stretch of the passage with the densest matches, about 20 words. */
function snippet(text: string, hits: ReadonlyArray<{ start: number; end: number }>): string {
  if (!hits.length) return text.slice(0, 160).replace(/\s+/g, ' ').trim();
  let best = { from: 0, to: 0, n: 0 };
  for (let i = 0; i < hits.length; i++) {
    let j = i;
    while (j + 1 < hits.length && hits[j + 1].end - hits[i].start <= 160) j++;
    if (j - i + 1 > best.n) best = { from: i, to: j, n: j - i + 1 };
  }
  const s = Math.max(0, hits[best.from].start - 30);
  const e = Math.min(text.length, hits[best.to].end + 30);
  return (s > 0 ? '…' : '') + text.slice(s, e).replace(/\s+/g, ' ').trim() + (e < text.length ? '…' : '');
}
