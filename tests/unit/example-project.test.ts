/**
 * The bundled example project read as a whole: the demo, the tutorial and
 * the fixture of every check.
 */
import { describe, it, expect } from 'vitest';
import { analyze } from '../../server/src/core/analyze';
import { runRules } from '../../server/src/core/rules';
import { example } from '../helpers/seeds';

describe('examples/rapport.md', () => {
  const text = example('rapport.md');
  const m = analyze(text, { uri: 'rapport.md' });
  it('is a Dutch report with its chain of items', () => {
    expect(m.kind).toBe('report');
    expect(m.kindSource).toBe('front-matter');
    expect(m.centralQuestion?.text).toMatch(/\?$/);
    expect(m.questions.map((q) => q.id)).toEqual(['Q1', 'Q2', 'Q3', 'Q4', 'Q5', 'Q6', 'Q7', 'Q8', 'Q9']);
    expect(m.conclusions.map((c) => c.id)).toEqual(['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8']);
    expect(m.recommendations.map((r) => r.id)).toEqual(['R1', 'R2', 'R3', 'R4', 'R5', 'R6']);
    expect(m.findings.length).toBeGreaterThanOrEqual(8);
  });
  it('links conclusions to the questions they answer, none to question 6', () => {
    const answered = new Set(m.conclusions.flatMap((c) => c.answers));
    expect(answered.has('Q6')).toBe(false);
    expect(m.conclusions.find((c) => c.id === 'C6')!.answers).toEqual(['Q7']);
  });
  it('reads assessments by norm label, with the missing score of norm 3.1 as null', () => {
    const byNorm = Object.fromEntries(m.assessments.map((a) => [a.norm, a.score]));
    expect(byNorm['N1.1']).toBe('+');
    expect(byNorm['N3.1']).toBeNull();
    expect(Object.keys(byNorm)).not.toContain('N1.3');
  });
  it('has recommendations that name the conclusions they follow, except recommendation 6', () => {
    expect(m.recommendations.find((r) => r.id === 'R6')!.follows).toEqual([]);
    expect(m.recommendations.filter((r) => r.follows.length > 0).length).toBe(5);
  });
  it('flags the deliberate structure faults: a reference to conclusion 9 and a duplicate id', () => {
    const d = runRules(m);
    const broken = d.filter((x) => x.code === 'structure/broken-reference');
    expect(broken.map((x) => text.slice(x.range.start, x.range.end))).toEqual(['conclusie 9']);
    expect(d.filter((x) => x.code === 'structure/duplicate-id').map((x) => x.data?.id)).toEqual(['sec-toets']);
  });
});

describe('the other documents of the example project', () => {
  it('normenkader.md: nine labelled norms in three groups', () => {
    const m = analyze(example('normenkader.md'), { uri: 'normenkader.md' });
    expect(m.kind).toBe('framework');
    expect(m.norms.map((n) => n.id)).toEqual(['N1.1', 'N1.2', 'N1.3', 'N2.1', 'N2.2', 'N2.3', 'N3.1', 'N3.2', 'N3.3']);
    expect([...new Set(m.norms.map((n) => n.group))]).toEqual(['beleid', 'uitvoering', 'resultaat']);
  });
  it('reactie.md: twelve reactions, none to conclusion 7 and recommendation 5', () => {
    const m = analyze(example('reactie.md'), { uri: 'reactie.md' });
    expect(m.kind).toBe('reaction');
    const targets = m.reactions.map((r) => r.target);
    expect(targets).toHaveLength(12);
    expect(targets).not.toContain('C7');
    expect(targets).not.toContain('R5');
    expect(m.reactions.every((r) => r.quote.length > 20 && r.text.length > 10)).toBe(true);
  });
  it('aanbiedingsbrief.md is a letter; beleidsnota.md a policy with eight goals', () => {
    const letter = analyze(example('aanbiedingsbrief.md'), { uri: 'aanbiedingsbrief.md' });
    expect(letter.kind).toBe('letter');
    expect(letter.recommendations).toHaveLength(6);
    const policy = analyze(example('beleidsnota.md'), { uri: 'beleidsnota.md' });
    expect(policy.kind).toBe('policy');
    expect(policy.goals).toHaveLength(8);
  });
});
