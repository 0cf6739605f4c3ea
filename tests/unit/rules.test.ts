/**
 * Every rule's own documented examples: the flagged ones produce a
 * diagnostic of that rule (at the named text), the passing ones none.
 */
import { describe, it, expect } from 'vitest';
import { analyze } from '../../server/src/core/analyze';
import { RULES, runRules } from '../../server/src/core/rules';

describe.each(RULES.map((r) => [r.meta.code, r] as const))('%s', (code, rule) => {
  it('has a description in Dutch and English and examples both ways', () => {
    expect(rule.meta.description.nl.length).toBeGreaterThan(10);
    expect(rule.meta.description.en.length).toBeGreaterThan(10);
    expect(rule.meta.examples.flagged.length).toBeGreaterThan(0);
    expect(rule.meta.examples.passes.length).toBeGreaterThan(0);
  });
  rule.meta.examples.flagged.forEach((ex, i) => {
    it(`flags example ${i + 1}`, () => {
      const model = analyze(ex.text, { uri: ex.format === 'text' ? 'x.txt' : 'x.md' });
      const diags = runRules(model, {}, [rule]).filter((d) => d.code === code);
      expect(diags.length).toBeGreaterThan(0);
      if (ex.at) {
        const at = ex.text.indexOf(ex.at);
        expect(diags.some((d) => d.range.start <= at && at + ex.at!.length <= Math.max(d.range.end, d.range.start + ex.at!.length) && d.range.end > at)).toBe(true);
      }
      for (const d of diags) {
        expect(d.message.nl).not.toBe('');
        expect(d.message.en).not.toBe('');
      }
    });
  });
  rule.meta.examples.passes.forEach((ex, i) => {
    it(`passes example ${i + 1}`, () => {
      const model = analyze(ex.text, { uri: ex.format === 'text' ? 'x.txt' : 'x.md' });
      expect(runRules(model, {}, [rule]).filter((d) => d.code === code)).toEqual([]);
    });
  });
});

describe('runner', () => {
  it('applies configured severities and switches rules off', () => {
    const ex = RULES.find((r) => r.meta.code === 'structure/duplicate-id')!.meta.examples.flagged[0];
    const model = analyze(ex.text, { uri: 'x.md' });
    expect(runRules(model, { severities: { 'structure/duplicate-id': 'hint' } }).find((d) => d.code === 'structure/duplicate-id')?.severity).toBe('hint');
    expect(runRules(model, { severities: { 'structure/duplicate-id': 'off' } }).find((d) => d.code === 'structure/duplicate-id')).toBeUndefined();
  });
  it('reports a failing rule and runs the others', () => {
    const boom = { meta: { ...RULES[0].meta, code: 'test/boom' }, check: () => { throw new Error('kapot'); } };
    const model = analyze('# Conclusies\n\n## Conclusie 1 {#C1}\n\nA.\n\n## Conclusie 2 {#C1}\n\nB.\n', { uri: 'x.md' });
    const diags = runRules(model, {}, [boom, ...RULES]);
    expect(diags.map((d) => d.code)).toContain('internal/rule-failed');
    expect(diags.map((d) => d.code)).toContain('structure/duplicate-id');
  });
});
