/**
 * The source corpus: text per page out of a real PDF, a DOCX, Markdown and
 * plain text; the content-hash cache; unreadable files; cancellation and
 * progress; BM25 ranking with Dutch stemming.
 */
import { describe, it, expect } from 'vitest';
import { mkdtempSync, mkdirSync, copyFileSync, writeFileSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { buildSourceIndex, extractSource, ExtractCache, terms, tokenize } from '../../server/src/workspace/sources';
import { EXAMPLES, FIXTURES } from './helpers';

const BRONNEN = resolve(EXAMPLES, 'bronnen');

function project(files: string[], extra: Record<string, string> = {}): string {
  const root = mkdtempSync(resolve(tmpdir(), 'corpus-'));
  mkdirSync(resolve(root, 'bronnen'));
  for (const f of files) copyFileSync(f, resolve(root, 'bronnen', f.split('/').pop()!));
  for (const [name, text] of Object.entries(extra)) writeFileSync(resolve(root, 'bronnen', name), text);
  return root;
}

describe('extraction', () => {
  it('reads the example PDF page by page (pdf.js via unpdf)', async () => {
    const ex = await extractSource('nota.pdf', new Uint8Array(readFileSync(resolve(BRONNEN, 'nota-schulden-2021.pdf'))));
    expect(ex.kind).toBe('pdf');
    expect(ex.pages).toHaveLength(4);
    expect(ex.pages[1]).toMatch(/gemiddelde\s+schuld\s+bij\s+aanmelding\s+bedroeg\s+in\s+2020\s+€\s36\.800/);
    expect(ex.pages[1]).toMatch(/5,5\s+weken/);
    expect(ex.pages[3]).toMatch(/1\.640\.000/);
    expect(ex.title).toMatch(/Schulden in Lindeveen 2021/);
  });
  it('reads the example DOCX (mammoth), Markdown and plain text with hyphenation joined', async () => {
    const docx = await extractSource('x.docx', new Uint8Array(readFileSync(resolve(BRONNEN, 'gespreksverslag-wethouder-2025.docx'))));
    expect(docx.kind).toBe('docx');
    expect(docx.pages[0]).toMatch(/wethouder/);
    const txt = await extractSource('x.txt', new Uint8Array(readFileSync(resolve(BRONNEN, 'raadsinformatie-2021-2025.txt'))));
    expect(txt.pages[0]).toMatch(/gegevensuitwisseling/);
    const md = await extractSource('x.md', new TextEncoder().encode('# Titel {#t}\n\nTekst.\n'));
    expect(md).toEqual({ kind: 'md', title: 'Titel', pages: ['# Titel {#t}\n\nTekst.\n'] });
  });
  it('throws a readable error on a file that is not what its name says', async () => {
    await expect(extractSource('kapot.pdf', new Uint8Array(readFileSync(resolve(FIXTURES, 'kapot.pdf'))))).rejects.toThrow(/PDF/i);
    await expect(extractSource('kapot.docx', new Uint8Array(readFileSync(resolve(FIXTURES, 'kapot.docx'))))).rejects.toThrow();
  });
});

describe('normalisation for the index', () => {
  it('tokenises Dutch words with diacritics whole, keeps numbers, stems and drops stopwords', () => {
    expect(tokenize('geïnformeerd één 36.800 12,1%').map((t) => t.norm)).toEqual(['geinformeerd', 'een', '36800', '12,1']);
    expect(terms('De wachttijden van de aanmeldingen', 'nl', false)).toEqual(['wachttijd', 'aanmeld']);
    expect(terms('waiting times of the households', 'en', false)).toEqual(['wait', 'time', 'household']);
  });
});

describe('building the index', () => {
  it('indexes the example corpus, caches by content hash and hits the cache on the second build', async () => {
    const root = project(readdirSync(BRONNEN).map((f) => resolve(BRONNEN, f)));
    const progress: Array<[number, number]> = [];
    const first = await buildSourceIndex({ root, folders: ['bronnen'], onProgress: (d, t) => progress.push([d, t]) });
    expect(first.stats).toEqual({ files: 5, cacheHits: 0, extracted: 5, unreadable: 0 });
    expect(progress[0]).toEqual([0, 5]);
    expect(progress.at(-1)).toEqual([5, 5]);
    expect(readdirSync(resolve(root, '.toetssteen-cache')).filter((f) => f.endsWith('.json'))).toHaveLength(5);
    const second = await buildSourceIndex({ root, folders: ['bronnen'] });
    expect(second.stats).toEqual({ files: 5, cacheHits: 5, extracted: 0, unreadable: 0 });
    expect(second.documents.map((d) => [d.kind, d.pages])).toEqual(first.documents.map((d) => [d.kind, d.pages]));
    expect(second.pageText(resolve(root, 'bronnen/nota-schulden-2021.pdf'), 2)).toMatch(/36\.800/);
  });
  it('reports unreadable files as problems and indexes the rest', async () => {
    const root = project([resolve(FIXTURES, 'kapot.pdf'), resolve(FIXTURES, 'kapot.docx'), resolve(BRONNEN, 'datanotitie-registratie-2021-2024.md')]);
    const idx = await buildSourceIndex({ root, folders: ['bronnen'], cache: null });
    expect(idx.stats).toMatchObject({ files: 3, unreadable: 2 });
    expect(idx.problems.map((p) => p.path.split('/').pop()).sort()).toEqual(['kapot.docx', 'kapot.pdf']);
    expect(idx.problems[0].message.nl).toMatch(/Bronbestand onleesbaar/);
    expect(idx.documents.map((d) => d.path.split('/').pop())).toEqual(['datanotitie-registratie-2021-2024.md']);
  });
  it('stops on an AbortSignal, before and during the build', async () => {
    const root = project(readdirSync(BRONNEN).map((f) => resolve(BRONNEN, f)));
    const ac = new AbortController();
    ac.abort();
    await expect(buildSourceIndex({ root, folders: ['bronnen'], signal: ac.signal })).rejects.toMatchObject({ name: 'AbortError' });
    const ac2 = new AbortController();
    const seen: number[] = [];
    const p = buildSourceIndex({ root, folders: ['bronnen'], cache: null, signal: ac2.signal, onProgress: (done) => { seen.push(done); if (done === 2) ac2.abort(); } });
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
    expect(Math.max(...seen)).toBe(2);
  });
  it('uses a given cache folder and ignores broken cache entries', async () => {
    const root = project([resolve(BRONNEN, 'datanotitie-registratie-2021-2024.md')]);
    const dir = resolve(root, 'mycache');
    await buildSourceIndex({ root, folders: ['bronnen'], cache: new ExtractCache(dir) });
    const [f] = readdirSync(dir);
    writeFileSync(resolve(dir, f), '{broken');
    const again = await buildSourceIndex({ root, folders: ['bronnen'], cache: new ExtractCache(dir) });
    expect(again.stats).toMatchObject({ cacheHits: 0, extracted: 1 });
  });
});

describe('ranking (BM25, Dutch stems, phrase bigrams)', () => {
  it('puts the right source first for the example’s unsupported amount and for a waiting-time claim', async () => {
    const idx = await buildSourceIndex({ root: EXAMPLES, folders: ['bronnen'] });
    const amount = idx.search('De gemiddelde schuld bij aanmelding is sindsdien opgelopen tot € 41.250 in 2024.');
    expect(amount[0].doc.path).toBe(resolve(BRONNEN, 'nota-schulden-2021.pdf'));
    expect(amount[0].page).toBe(2);
    expect(amount[0].terms).toEqual(expect.arrayContaining(['gemiddelde', 'schuld', 'aanmelding']));
    const wait = idx.search('In 2020 was de gemiddelde wachttijd tot het eerste gesprek 5,5 weken.');
    expect(wait[0].doc.path).toBe(resolve(BRONNEN, 'nota-schulden-2021.pdf'));
    expect(wait[0].page).toBe(2);
    const volunteers = idx.search('Geldmaatjes werkte in 2024 met 38 vrijwilligers.');
    expect(volunteers[0].doc.path).toBe(resolve(BRONNEN, 'gespreksverslag-uitvoering-2025.md'));
  });
});
