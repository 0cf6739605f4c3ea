/**
 * The wederhoor checks on every seed and on odd input: they never fail,
 * stay quiet where there is nothing to compare, and read reactions written
 * without quote marks.
 */
import { describe, it, expect } from 'vitest';
import { analyze } from '../../server/src/core/analyze';
import { runWederhoor } from './run';
import { createProjectView } from '../../server/src/core/project';
import { wederhoorView } from '../../server/src/core/wederhoor';
import { seed } from '../helpers/seeds';

describe('seeds', () => {
  it('no rule fails on any seed; 000, 002, 003 and 004 give no wederhoor findings', () => {
    for (const id of ['000', '001', '002', '003', '004']) {
      const m = analyze(seed(id), { uri: id + '.txt' });
      const d = runWederhoor(m);
      expect(d.filter((x) => x.code === 'internal/rule-failed')).toEqual([]);
      if (id !== '001') expect(d.map((x) => x.code)).toEqual([]);
    }
  });
  it('seed 000 (a letter of another audit office): "de volgende drie aanbevelingen" matches its three', () => {
    const m = analyze(seed('000'), { uri: '000.txt' });
    expect(m.recommendations).toHaveLength(3);
    expect(runWederhoor(m)).toEqual([]);
  });
});

describe('odd input', () => {
  it('never throws', () => {
    const texts = [
      '',
      '> \n',
      '---\ntype: reactie\n---\n\n## Conclusie 1\n\n>\n\n',
      '---\ntype: rapport\n---\n# Conclusies\n\n1. a\n\n# Bestuurlijke reactie\n\n## Conclusie 9\n\n> b\n\nc\n',
      '---\ntype: brief\n---\nGeachte raad,\n\n1. \n2. x\n',
      '# Nawoord\n\nconclusie 1 "x"\n',
      'x'.repeat(5000),
      Array.from({ length: 300 }, (_, i) => `${(i % 30) + 1}. Conclusie ${i} alle ${i % 20} conclusies en aanbevelingen.`).join('\n'),
    ];
    for (const t of texts) {
      for (const uri of ['x.md', 'x.txt']) {
        const m = analyze(t, { uri });
        const d = runWederhoor(m, { project: createProjectView([m]) });
        expect(d.filter((x) => x.code === 'internal/rule-failed')).toEqual([]);
      }
    }
  });
});

describe('a reaction written without quote marks', () => {
  it('reads the repeated item as the quote and compares it', () => {
    const report = analyze('---\ntype: rapport\n---\n\n# 5 Conclusies\n\n## Conclusie 1 {#C1}\n\nDe raad is sinds 2023 niet tijdig en niet volledig geïnformeerd over de schuldhulpverlening.\n', { uri: '/p/rapport.md' });
    const reaction = analyze('---\ntype: reactie\nreport: rapport.md\n---\n\n# Reactie\n\n## Conclusie 1\n\nDe raad is sinds 2024 niet tijdig en niet volledig geïnformeerd over de schuldhulpverlening.\n\nDeze conclusie herkennen wij niet.\n', { uri: '/p/reactie.md' });
    expect(reaction.reactions[0].quote).toBe('');
    const project = createProjectView([report, reaction]);
    const v = wederhoorView(reaction, project);
    expect(v.entries[0].reaction.quote).toMatch(/^De raad is sinds 2024/);
    expect(v.entries[0].reaction.text).toBe('Deze conclusie herkennen wij niet.');
    expect(v.entries[0].diff!.changes.map((c) => [c.report, c.quote])).toEqual([['2023', '2024']]);
    expect(v.entries[0].stance.stance).toBe('disagree');
  });
});
