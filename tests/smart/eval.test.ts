/**
 * The labelled sets and the figures on them: a behavioural test that fails
 * when a change to the analysis or its word lists makes it worse than the
 * target (accuracy ≥ 90% for S, M and T, per language), or makes its
 * complaints less often right (precision of "missing" ≥ 90%).
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { evaluate, parseLabels, type LabelledItem } from '../../server/src/core/smart/score';

const load = (name: string): LabelledItem[] => (parse(readFileSync(resolve(__dirname, name), 'utf8')) as { items: LabelledItem[] }).items;
const labelled = load('labelled.yaml');
const holdout = load('holdout.yaml');

describe('the labelled sets', () => {
  it('hold at least 150 Dutch and 30 English goals and recommendations', () => {
    expect(labelled.filter((i) => i.lang === 'nl').length).toBeGreaterThanOrEqual(150);
    expect(labelled.filter((i) => i.lang === 'en').length).toBeGreaterThanOrEqual(30);
    expect(new Set(labelled.map((i) => i.kind))).toEqual(new Set(['goal', 'recommendation']));
    // Real text from the seeds and the example project, not only written examples.
    expect(labelled.filter((i) => /^seed|^examples/.test(i.src ?? '')).length).toBeGreaterThanOrEqual(50);
  });
  it('are well formed: unique ids, five labels, a language, a kind, a text', () => {
    const all = [...labelled, ...holdout];
    expect(new Set(all.map((i) => i.id)).size).toBe(all.length);
    for (const i of all) {
      expect(() => parseLabels(i.labels), i.id).not.toThrow();
      expect(['nl', 'en']).toContain(i.lang);
      expect(['goal', 'recommendation']).toContain(i.kind);
      expect(i.text.length).toBeGreaterThan(10);
    }
  });
});

describe('the figures', () => {
  const report = evaluate(labelled);
  for (const lang of ['nl', 'en', 'all'] as const) {
    for (const l of ['S', 'M', 'T'] as const) {
      it(`${lang}: ${l} accuracy ≥ 90% and precision of "missing" ≥ 90%`, () => {
        const s = report.scores[lang][l];
        expect(s.accuracy).toBeGreaterThanOrEqual(0.9);
        expect(s.precision).toBeGreaterThanOrEqual(0.9);
      });
    }
  }
  it('the owner (A) stays above 85%', () => {
    expect(report.scores.all.A.accuracy).toBeGreaterThanOrEqual(0.85);
  });
  it('holds on the held-out set too', () => {
    const h = evaluate(holdout);
    for (const l of ['S', 'M', 'T'] as const) expect(h.scores.all[l].accuracy, l).toBeGreaterThanOrEqual(0.9);
  });
});
