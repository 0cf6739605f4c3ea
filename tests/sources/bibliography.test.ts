/**
 * Bibliographies: BibTeX (Zotero / Better BibTeX), CSL JSON, CSL YAML and
 * inline `references:` — entries with their positions, broken files with
 * the parser's line, new entries written in each format.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { parseBibliography, parseFileField, inlineReferences, createBibliographyView, newEntryInsert, generateKey, lineCol, type BibliographyFile } from '../../server/src/core/bibliography';
import { BibliographyStore } from '../../server/src/workspace/bibliography';
import { analyze } from '../../server/src/core/analyze';
import { EXAMPLES, FIXTURES, fixture } from './helpers';

const file = (path: string, text: string): BibliographyFile => ({ path, text, ...parseBibliography(text, path) });

describe('BibTeX', () => {
  it('reads the example bibliography: keys, types, titles, authors, years, file fields and lines', () => {
    const text = readFileSync(resolve(EXAMPLES, 'bronnen.bib'), 'utf8');
    const r = parseBibliography(text, 'bronnen.bib');
    expect(r.format).toBe('bibtex');
    expect(r.problems).toEqual([]);
    expect(r.entries.map((e) => e.key)).toEqual(['lindeveen2021beleidsplan', 'lindeveen2021nota', 'lindeveen2024jaarstukken', 'interviewwethouder2025', 'interviews2025', 'datanotitie2025', 'raadsinformatie2025', 'cbs2024schulden', 'wgs2021', 'verhoef2022', 'interviews2025']);
    const nota = r.entries[1];
    expect(nota).toMatchObject({ type: 'report', year: '2021', files: ['bronnen/nota-schulden-2021.pdf'], authors: ['Gemeente Lindeveen, afdeling Sociaal Domein'] });
    expect(nota.title).toBe('Schulden in Lindeveen 2021. Analyse en uitvoeringskeuzes bij het beleidsplan schuldhulpverlening 2021–2025');
    expect(text.slice(nota.keyRange.start, nota.keyRange.end)).toBe('lindeveen2021nota');
    expect(text.split('\n')[nota.line]).toBe('@report{lindeveen2021nota,');
    expect(text.slice(nota.range.start, nota.range.start + 8)).toBe('@report{');
    expect(text.slice(nota.range.end - 1, nota.range.end)).toBe('}');
    expect(r.entries[9].authors).toEqual(['Verhoef, Marieke', 'Aydın, Selin']);
    // The second interviews2025 is found at its own place.
    expect(r.entries[10].line).toBeGreaterThan(r.entries[4].line);
  });
  it('unpacks Zotero / JabRef / Better BibTeX file fields and decodes LaTeX without sentence-casing', () => {
    const r = parseBibliography(fixture('zotero.bib'), 'zotero.bib');
    expect(r.problems).toEqual([]);
    const [a, b, c] = r.entries;
    expect(a.files).toEqual(['/home/onderzoeker/Zotero/storage/AB12CD/Aydin - 2023 - Wachttijden.pdf']);
    expect(a.authors).toEqual(['Aydın, Selin', 'van der Berg, Jan']);
    expect(a.title).toBe('Wachttijden in de Schuldhulpverlening: een Overzicht');
    expect(a.year).toBe('2023');
    expect(b.files).toEqual(['bronnen/nota-2020.pdf', 'bronnen/bijlage-2020.docx']);
    expect(b.title).toBe('Nota Över schulden & armoede');
    expect(c).toMatchObject({ key: 'zonderbestand2021', year: '2021', files: [] });
    expect(parseFileField('C\\:\\\\Users\\\\x.pdf')).toEqual(['C:\\Users\\x.pdf']);
  });
  it('reads what it can of a broken file and reports the parser line', () => {
    const text = fixture('broken.bib');
    const r = parseBibliography(text, 'broken.bib');
    expect(r.entries.map((e) => e.key)).toContain('goed2020');
    expect(r.problems.length).toBeGreaterThan(0);
    expect(r.problems[0].line).toBeGreaterThanOrEqual(5);
    expect(r.problems[0].message.en).toMatch(/BibTeX/);
  });
});

describe('CSL JSON', () => {
  it('reads items with names, dates, URL and positions', () => {
    const text = fixture('refs.json');
    const r = parseBibliography(text, 'refs.json');
    expect(r.format).toBe('csl-json');
    expect(r.problems).toEqual([]);
    expect(r.entries.map((e) => e.key)).toEqual(['cbs2024', 'verhoef2022', 'cbs2024']);
    expect(r.entries[0]).toMatchObject({ type: 'dataset', year: '2024', authors: ['Centraal Bureau voor de Statistiek'], url: 'https://www.cbs.nl/' });
    expect(r.entries[1].authors).toEqual(['Verhoef, Marieke', 'Aydın, Selin']);
    expect(r.entries[2].year).toBe('2024');
    expect(text.slice(r.entries[1].keyRange.start, r.entries[1].keyRange.end)).toBe('verhoef2022');
    expect(lineCol(text, r.entries[1].keyRange.start).line).toBe(r.entries[1].line);
    expect(text.split('\n')[r.entries[1].line]).toContain('"id": "verhoef2022"');
  });
  it('reports a syntax error with its line', () => {
    const r = parseBibliography(fixture('broken.json'), 'broken.json');
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0].message.en).toMatch(/CSL JSON cannot be read/);
    expect(r.problems[0].line).toBe(7);
  });
});

describe('CSL YAML', () => {
  it('reads pandoc / Better BibTeX CSL YAML with `references:`', () => {
    const text = fixture('refs.yaml');
    const r = parseBibliography(text, 'refs.yaml');
    expect(r.format).toBe('csl-yaml');
    expect(r.problems).toEqual([]);
    expect(r.entries.map((e) => [e.key, e.year, e.files])).toEqual([
      ['nota2021', '2021', ['bronnen/nota-schulden-2021.pdf']],
      ['wethouder2025', '2025', []],
    ]);
    expect(text.slice(r.entries[0].keyRange.start, r.entries[0].keyRange.end)).toBe('nota2021');
    expect(r.entries[0].line).toBe(2);
  });
  it('reports broken YAML with its line', () => {
    const r = parseBibliography(fixture('broken.yaml'), 'broken.yaml');
    expect(r.problems.length).toBeGreaterThan(0);
    expect(r.problems[0].message.en).toMatch(/CSL YAML cannot be read/);
    expect(r.problems[0].line).toBeGreaterThanOrEqual(2);
  });
});

describe('inline references (pandoc front matter `references:`)', () => {
  it('reads items with offsets into the document, and problems for items without id', () => {
    const text = '---\ntitle: T\nreferences:\n  - id: a2020\n    title: Eerste\n  - title: Zonder id\n---\n\nTekst [@a2020].\n';
    const m = analyze(text, { uri: '/p/r.md' });
    const r = inlineReferences(m);
    expect(r.entries.map((e) => e.key)).toEqual(['a2020']);
    expect(text.slice(r.entries[0].keyRange.start, r.entries[0].keyRange.end)).toBe('a2020');
    expect(r.problems).toHaveLength(1);
    expect(text.slice(r.problems[0].range.start, r.problems[0].range.end)).toBe('title: Zonder id');
  });
});

describe('the bibliography view and store', () => {
  it('resolves front matter `bibliography:` (string or list) relative to the document, else the project config', () => {
    const bib = file('/p/refs/a.bib', '@misc{a, title={A}, year={2020}}\n');
    const json = file('/p/b.json', '[{"id": "b", "title": "B"}]');
    const view = createBibliographyView([bib, json], ['/p/b.json']);
    expect(view.filesFor({ uri: '/p/docs/r.md', frontMatter: { bibliography: '../refs/a.bib' } }).map((f) => f.path)).toEqual(['/p/refs/a.bib']);
    expect(view.filesFor({ uri: 'file:///p/r.md', frontMatter: { bibliography: ['refs/a.bib', 'b.json'] } }).map((f) => f.path)).toEqual(['/p/refs/a.bib', '/p/b.json']);
    expect(view.filesFor({ uri: '/p/r.md', frontMatter: null }).map((f) => f.path)).toEqual(['/p/b.json']);
    expect(view.missingFor({ uri: '/p/r.md', frontMatter: { bibliography: 'nope.bib' } })).toEqual(['nope.bib']);
  });
  it('BibliographyStore loads, reloads on change, and keeps a missing file as a problem', () => {
    const dir = mkdtempSync(resolve(tmpdir(), 'bib-'));
    writeFileSync(resolve(dir, 'refs.bib'), '@misc{a2020, title={A}, year={2020}}\n');
    const store = new BibliographyStore(dir, { bibliography: ['refs.bib'] });
    store.load(['refs.bib', 'missing.json']);
    expect(store.entries.map((e) => e.key)).toEqual(['a2020']);
    expect(store.problems).toMatchObject([{ message: { en: 'file not found' } }]);
    writeFileSync(resolve(dir, 'refs.bib'), '@misc{a2020, title={A}, year={2020}}\n@misc{b2021, title={B}}\n');
    store.reloadFile(resolve(dir, 'refs.bib'));
    expect(store.entries.map((e) => e.key)).toEqual(['a2020', 'b2021']);
    // Unsaved editor content wins.
    store.reloadFile('refs.bib', '@misc{c2022, title={C}}\n');
    expect(store.view().filesFor({ uri: resolve(dir, 'r.md'), frontMatter: null })[0].entries.map((e) => e.key)).toEqual(['c2022']);
  });
  it('loads the bibliographies the example project names', () => {
    const store = new BibliographyStore(EXAMPLES, { bibliography: ['bronnen.bib'] });
    const m = analyze(readFileSync(resolve(EXAMPLES, 'rapport.md'), 'utf8'), { uri: resolve(EXAMPLES, 'rapport.md') });
    store.loadFor([m]);
    expect(store.files.map((f) => f.path)).toEqual([resolve(EXAMPLES, 'bronnen.bib')]);
    expect(store.view().filesFor(m)[0].entries).toHaveLength(11);
  });
});

describe('writing a new entry in the file’s own format', () => {
  const info = { title: 'Gespreksverslag met de wethouder', year: '2025', file: 'bronnen/gesprek.docx' };
  const apply = (f: BibliographyFile, key: string): string => {
    const ins = newEntryInsert(f, key, info);
    return f.text!.slice(0, ins.offset) + ins.text + f.text!.slice(ins.offset);
  };
  it('generates a readable, unique key', () => {
    expect(generateKey(info, new Set())).toBe('gespreksverslag2025');
    expect(generateKey(info, new Set(['gespreksverslag2025']))).toBe('gespreksverslag2025a');
    expect(generateKey({ title: 'Schulden', year: '2021', authors: ['Verhoef, Marieke'] }, new Set())).toBe('verhoef2021schulden');
  });
  it.each([
    ['refs.bib', readFileSync(resolve(EXAMPLES, 'bronnen.bib'), 'utf8')],
    ['refs.json', fixture('refs.json')],
    ['refs.yaml', fixture('refs.yaml')],
    ['empty.bib', ''],
    ['list.yaml', '- id: a\n  title: A\n'],
    ['one.json', '[\n  {"id": "a", "title": "A"}\n]\n'],
  ])('%s: the result parses, with the new entry and its file field', (name, text) => {
    const f = file('/p/' + name, text);
    const out = apply(f, 'gespreksverslag2025');
    const r = parseBibliography(out, name);
    expect(r.problems).toEqual([]);
    expect(r.entries.map((e) => e.key)).toEqual([...f.entries.map((e) => e.key), 'gespreksverslag2025']);
    expect(r.entries.at(-1)).toMatchObject({ title: info.title, year: '2025', files: ['bronnen/gesprek.docx'] });
  });
});

void FIXTURES;
