/**
 * Editor features on the example project: the "Bron invoegen" quick fix
 * (applied and checked), a new bibliography entry in each format when the
 * source has none, completion, hover and go-to-definition; and the project
 * rules with the bibliography and corpus loaded.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync, readdirSync, mkdtempSync, mkdirSync, copyFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { analyze } from '../../server/src/core/analyze';
import { runRules } from '../../server/src/core/rules';
import { createProjectView, type ProjectView } from '../../server/src/core/project';
import { parseConfig } from '../../server/src/core/config';
import { citationFixes, citationCompletions, citationHover, citationDefinition } from '../../server/src/core/claims';
import { projectFileDiagnostics } from '../../server/src/core/rules/citation';
import { parseBibliography } from '../../server/src/core/bibliography';
import { BibliographyStore } from '../../server/src/workspace/bibliography';
import { buildSourceIndex } from '../../server/src/workspace/sources';
import type { DocumentModel } from '../../server/src/core/types';
import { EXAMPLES, FIXTURES, applyEdits } from './helpers';

async function load(root: string, names: string[]): Promise<{ project: ProjectView; models: DocumentModel[] }> {
  const config = parseConfig(readFileSync(resolve(root, '.toetssteen.yaml'), 'utf8')).config;
  const models = names.map((n) => analyze(readFileSync(resolve(root, n), 'utf8'), { uri: resolve(root, n) }));
  const store = new BibliographyStore(root, config);
  store.loadFor(models);
  const sources = await buildSourceIndex({ root, folders: config.sources });
  return { project: createProjectView(models, config, { bibliography: store.view(), sources }), models };
}

describe('the example project with bibliography and corpus', () => {
  let project: ProjectView;
  let rapport: DocumentModel;
  beforeAll(async () => {
    const r = await load(EXAMPLES, ['rapport.md', 'reactie.md', 'aanbiedingsbrief.md', 'normenkader.md', 'beleidsnota.md']);
    project = r.project;
    rapport = r.models[0];
  });

  it('flags the deliberate faults: unknown key, unsupported amount and attribution', () => {
    const d = runRules(rapport, { project });
    const mine = d.filter((x) => x.code.startsWith('citation/') || x.code.startsWith('claim/'));
    expect(mine.map((x) => [x.code, rapport.text.slice(x.range.start, x.range.end).replace(/\s+/g, ' ').slice(0, 40)])).toEqual([
      ['claim/unsupported', 'De gemiddelde schuld bij aanmelding is s'],
      ['claim/unsupported', 'Uit interviews blijkt dat vrijwilligers '],
      ['citation/unknown-key', 'lindeveen2024jaarstuken'],
    ]);
    expect(mine[0].message.nl).toMatch(/bevat een bedrag/);
    expect(mine[1].message.en).toMatch(/attribution without a source/);
    expect(mine[2].message.en).toMatch(/did you mean @lindeveen2024jaarstukken/);
  });

  it('reports the bibliography file’s faults as file diagnostics with LSP ranges', () => {
    const fd = projectFileDiagnostics(project);
    expect(fd.map((d) => [d.path.split('/').pop(), d.code, d.severity, d.range.start.line + 1])).toEqual([
      ['bronnen.bib', 'citation/unused-entry', 'information', 94],
      ['bronnen.bib', 'citation/duplicate-key', 'warning', 105],
    ]);
    const bib = readFileSync(resolve(EXAMPLES, 'bronnen.bib'), 'utf8').split('\n');
    expect(bib[fd[1].range.start.line].slice(fd[1].range.start.character, fd[1].range.end.character)).toBe('interviews2025');
  });

  it('quick fix on the unsupported amount: the nota, page 2, first and preferred; applied before the period', () => {
    const d = runRules(rapport, { project }).find((x) => x.code === 'claim/unsupported')!;
    const fixes = citationFixes(d, rapport, project);
    expect(fixes.length).toBeGreaterThan(0);
    expect(fixes[0]).toMatchObject({ isPreferred: true, kind: 'quickfix', source: { key: 'lindeveen2021nota', page: 2, newEntry: false } });
    expect(fixes[0].title).toMatch(/^Bron invoegen: Nota Schulden in Lindeveen 2021, p\. 2 — ‘.*schuld.*’$/);
    expect(fixes[0].titles.en).toMatch(/^Insert source: /);
    expect(fixes.slice(1).every((f) => !f.isPreferred)).toBe(true);
    expect(fixes[0].edits).toHaveLength(1);
    const out = applyEdits(rapport.text, fixes[0].edits);
    expect(out).toContain('opgelopen tot € 41.250 in\n2024 [@lindeveen2021nota, p. 2].');
    // The LSP range names the same place as the offsets.
    const e = fixes[0].edits[0];
    const lines = rapport.text.split('\n');
    expect(lines.slice(0, e.range.start.line).reduce((n, l) => n + l.length + 1, 0) + e.range.start.character).toBe(e.offsets.start);
    // After the fix the claim is supported.
    expect(runRules(analyze(out, { uri: rapport.uri }), { project }).filter((x) => x.code === 'claim/unsupported')).toHaveLength(1);
  });

  it('quick fix on the attribution prefers the interview reports', () => {
    const d = runRules(rapport, { project }).filter((x) => x.code === 'claim/unsupported')[1];
    const fixes = citationFixes(d, rapport, project);
    expect(fixes[0].source.key).toMatch(/^interview/);
  });

  it('completion searches key, author, title and year', () => {
    expect(citationCompletions('lindeveen2021', project, rapport).map((c) => c.key)).toEqual(['lindeveen2021beleidsplan', 'lindeveen2021nota']);
    expect(citationCompletions('verhoef', project, rapport)[0]).toMatchObject({ key: 'verhoef2022', label: '@verhoef2022', detail: 'Verhoef, Marieke e.a. (2022)' });
    expect(citationCompletions('Aydın', project, rapport).map((c) => c.key)).toEqual(['verhoef2022']);
    expect(citationCompletions('statistiek 2024', project, rapport).map((c) => c.key)).toEqual(['cbs2024schulden']);
    expect(citationCompletions('', project).length).toBe(10);
  });

  it('hover shows the entry and the cited page of the PDF', () => {
    const c = rapport.citations.find((x) => x.key === 'lindeveen2021nota' && x.locator === 'p. 2')!;
    const md = citationHover(c, project, rapport)!;
    expect(md).toMatch(/\*\*Schulden in Lindeveen 2021\. Analyse/);
    expect(md).toMatch(/`@lindeveen2021nota`/);
    expect(md).toMatch(/p\. 2:\n\n> .*(schuld|huishoudens)/);
    expect(citationHover({ key: 'bestaatniet', locator: null }, project, rapport)).toBeNull();
  });

  it('definition: the entry in bronnen.bib, then the PDF at the cited page', () => {
    const c = rapport.citations.find((x) => x.key === 'lindeveen2021nota' && x.locator === 'p. 3')!;
    const t = citationDefinition(c, project, rapport);
    expect(t.map((x) => [x.kind, x.path.split('/').pop(), x.page])).toEqual([
      ['entry', 'bronnen.bib', null],
      ['source', 'nota-schulden-2021.pdf', 3],
    ]);
    expect(t[0].range.start).toEqual({ line: 16, character: 8 });
  });
});

describe('a source without a bibliography entry: the fix adds one in the bibliography’s format', () => {
  const claim = '# 2 Bevindingen\n\nVolgens de wethouder is de snelle intake de belangrijkste reden dat de wachttijden sinds 2023 zijn gedaald.\n';
  it.each([
    ['refs.bib', '@misc{ander2020,\n  title = {Iets anders},\n  year = {2020}\n}\n'],
    ['refs.json', readFileSync(resolve(FIXTURES, 'refs.json'), 'utf8')],
    ['refs.yaml', readFileSync(resolve(FIXTURES, 'refs.yaml'), 'utf8')],
  ])('%s', async (bibName, bibText) => {
    const root = mkdtempSync(resolve(tmpdir(), 'fix-'));
    mkdirSync(resolve(root, 'bronnen'));
    copyFileSync(resolve(EXAMPLES, 'bronnen/gespreksverslag-wethouder-2025.docx'), resolve(root, 'bronnen/gespreksverslag-wethouder-2025.docx'));
    writeFileSync(resolve(root, bibName), bibText);
    writeFileSync(resolve(root, '.toetssteen.yaml'), `bibliography: ${bibName}\nsources: [bronnen]\n`);
    writeFileSync(resolve(root, 'r.md'), `---\ntype: rapport\n---\n\n${claim}`);
    const { project, models } = await load(root, ['r.md']);
    const d = runRules(models[0], { project }).find((x) => x.code === 'claim/unsupported')!;
    expect(d).toBeDefined();
    const [fix] = citationFixes(d, models[0], project);
    expect(fix.source).toMatchObject({ newEntry: true, page: null });
    expect(fix.edits.map((e) => e.uri.split('/').pop())).toEqual(['r.md', bibName]);
    const doc = applyEdits(models[0].text, [fix.edits[0]]);
    expect(doc).toContain(`zijn gedaald [@${fix.source.key}].`);
    const bib = applyEdits(bibText, [fix.edits[1]]);
    const parsed = parseBibliography(bib, bibName);
    expect(parsed.problems).toEqual([]);
    expect(parsed.entries.at(-1)).toMatchObject({ key: fix.source.key, files: ['bronnen/gespreksverslag-wethouder-2025.docx'] });
  });
});

void readdirSync;
