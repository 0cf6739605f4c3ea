import { describe, it, expect } from 'vitest';
import { parseConfig, DEFAULT_CONFIG } from '../../server/src/core/config';
import { createProjectView, joinPath } from '../../server/src/core/project';
import { analyze } from '../../server/src/core/analyze';

describe('.toetssteen.yaml', () => {
  it('reads every key', () => {
    const { config, problems } = parseConfig('version: 1\nlanguage: en\nbibliography: refs.bib\nsources: [bronnen, data]\nexclude: [concept/**]\nrules:\n  claim/unsupported: off\n  structure/numbering-gap: hint\n');
    expect(problems).toEqual([]);
    expect(config).toEqual({ version: 1, language: 'en', bibliography: ['refs.bib'], sources: ['bronnen', 'data'], exclude: ['concept/**'], rules: { 'claim/unsupported': 'off', 'structure/numbering-gap': 'hint' } });
  });
  it('reports broken YAML with its line and falls back to the defaults', () => {
    const { config, problems } = parseConfig('version: 1\nsources: [bronnen\nrules: x\n');
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0].message.en).toMatch(/not valid YAML/);
    expect(config).toEqual(DEFAULT_CONFIG);
  });
  it('reports wrong values and keeps the good ones; refuses paths outside the project', () => {
    const { config, problems } = parseConfig('version: 2\nlanguage: fr\nsources: [bronnen, ../geheim, /etc]\nrules:\n  a/b: loud\nfoo: 1\n');
    expect(problems.map((p) => p.message.en)).toEqual([
      'foo: unknown key; ignored.',
      'version: version 2 is not supported (supported: 1).',
      'language: must be nl or en.',
      'sources: paths outside the project are refused: ../geheim, /etc.',
      'rules: a/b: severity must be error, warning, information, hint or off.',
    ]);
    expect(problems[0].line).toBe(5);
    expect(config.sources).toEqual(['bronnen']);
  });
});

describe('project view', () => {
  it('joins relative paths', () => {
    expect(joinPath('/p/examples/reactie.md', 'rapport.md')).toBe('/p/examples/rapport.md');
    expect(joinPath('/p/examples/sub/x.md', '../rapport.md')).toBe('/p/examples/rapport.md');
  });
  it('finds the report of a reaction by front matter, else the only report', () => {
    const report = analyze('---\ntype: rapport\n---\n# 5 Conclusies\n\n1. A.\n', { uri: '/p/rapport.md' });
    const reaction = analyze('---\ntype: reactie\nreport: rapport.md\n---\nTekst.\n', { uri: '/p/reactie.md' });
    const norms = analyze('---\ntype: normenkader\n---\n## Normen\n\n- Norm een.\n', { uri: '/p/normen.md' });
    const view = createProjectView([report, reaction, norms]);
    expect(view.reportFor(reaction)).toBe(report);
    expect(view.reportFor(norms)).toBe(report);
    expect(view.frameworksFor(report)).toEqual([norms]);
    expect(view.ofKind('reaction')).toEqual([reaction]);
  });
});
