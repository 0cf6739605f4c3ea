/**
 * The lookups that keep the trace checks near-linear on huge documents
 * give what the plain scans give: offset lookups (trace/locate.ts), the
 * sorted number lookups of factIndex, and the similarity ranking with its
 * candidate bound (trace/similarity.ts, MAX_CANDIDATES).
 */
import { describe, it, expect } from 'vitest';
import { analyze } from '../../server/src/core/analyze';
import { factIndex, scanFacts, type Fact } from '../../server/src/core/trace/facts';
import { firstStartingAt, firstStartingIn, scanFrom, SpanSet, spansWithin } from '../../server/src/core/trace/locate';
import { MAX_CANDIDATES, SimilarityIndex, type SimDoc } from '../../server/src/core/trace/similarity';
import type { Span } from '../../server/src/core/types';

/** A small deterministic generator (LCG), so that every run tests the same cases. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('offset lookups (locate.ts)', () => {
  const rnd = random(7);
  const spans = (n: number, sorted: boolean): Span[] => {
    const out: Span[] = [];
    let at = 0;
    for (let i = 0; i < n; i++) {
      at += Math.floor(rnd() * 4); // equal starts happen
      const start = sorted ? at : Math.floor(rnd() * 200);
      out.push({ start, end: start + Math.floor(rnd() * (rnd() < 0.05 ? 80 : 6)) });
    }
    return out;
  };
  const id = (x: Span): Span => x;
  const start = (x: Span): number => x.start;

  for (const sorted of [true, false]) {
    it(`give what find, filter and some give (${sorted ? 'sorted' : 'unsorted'} arrays)`, () => {
      for (let round = 0; round < 40; round++) {
        const arr = spans(60, sorted);
        const set = new SpanSet(arr);
        for (let q = 0; q < 50; q++) {
          const a = Math.floor(rnd() * 220) - 10;
          const b = a + Math.floor(rnd() * 30);
          expect(firstStartingIn(arr, start, a, b)).toBe(arr.find((x) => x.start >= a && x.start < b));
          const ok = (x: Span): boolean => x.end % 2 === 0;
          expect(firstStartingAt(arr, start, a, ok)).toBe(arr.find((x) => x.start === a && ok(x)));
          expect(spansWithin(arr, id, { start: a, end: b })).toEqual(arr.filter((x) => x.start >= a && x.end <= b));
          expect(set.overlaps(a, b)).toBe(arr.some((x) => x.start < b && a < x.end));
          expect(set.overlapping(a, b)).toEqual(arr.filter((x) => x.start < b && a < x.end));
          const from = scanFrom(arr, start, a);
          expect(arr.slice(0, from).every((x) => x.start < a)).toBe(true);
        }
      }
    });
  }
});

describe('factIndex number lookups', () => {
  const rnd = random(11);
  const values = [3, 4, 12, 12.5, 40, 88, 99.5, 100, 116, 250, 1284, 4000, 135000, 250000, 1640000];
  const written = (): string => {
    const v = values[Math.floor(rnd() * values.length)] * (rnd() < 0.3 ? 1 + Math.floor(rnd() * 3) : 1);
    const nl = String(v).replace('.', ',');
    switch (Math.floor(rnd() * 5)) {
      case 0:
        return `€ ${nl}`;
      case 1:
        return `${nl}%`;
      case 2:
        return `${nl} huishoudens`;
      case 3:
        return v >= 1000 ? `€ ${(v / 1e6).toFixed(1).replace('.', ',')} miljoen` : `${nl} dossiers`;
      default:
        return `${Math.round(v)} aanvragen`;
    }
  };
  const sentences = Array.from({ length: 400 }, () => `Het cijfer was ${written()} in Lindeveen.`);
  const text = `# 2 Bevindingen\n\n## 2.1 Cijfers\n\n${sentences.join(' ')}\n`;
  const m = analyze(text, { uri: '/f/cijfers.md' });
  const idx = factIndex(m, m.findings.map((f) => f.range));
  // The plain scans the index replaces.
  const facts = m.findings.flatMap((f) => scanFacts(m.text.slice(f.range.start, f.range.end), 0, f.range.end - f.range.start, 'nl').map((x) => ({ ...x, range: { start: x.range.start + f.range.start, end: x.range.end + f.range.start } })));
  const numeric = facts.filter((f) => typeof f.value === 'number' && f.kind !== 'date');
  const close = (a: Fact, v: number): boolean => Math.abs((a.value as number) - v) <= a.tolerance + 1e-9 * Math.max(1, Math.abs(v));
  const compatible = (a: Fact, b: Fact): boolean => a.kind === 'number' || b.kind === 'number' || a.kind === b.kind;
  const has = (f: Fact): boolean => numeric.some((x) => compatible(f, x) && (close(f, x.value as number) || close(x, f.value as number)));
  const nearest = (f: Fact, n: number): number[] =>
    numeric
      .filter((x) => x.kind === f.kind && x.value !== 0 && (x.value as number) / (f.value as number) < 3 && (f.value as number) / (x.value as number) < 3)
      .sort((a, b) => Math.abs((a.value as number) - (f.value as number)) - Math.abs((b.value as number) - (f.value as number)))
      .filter((x, i, arr) => arr.findIndex((y) => y.value === x.value) === i)
      .slice(0, n)
      .map((x) => x.range.start);

  it('finds a value within tolerance exactly when the scan over every fact does', () => {
    expect(numeric.length).toBeGreaterThan(300);
    let yes = 0;
    for (let i = 0; i < 300; i++) {
      const s = `Er was ${written()} extra.`;
      const f = scanFacts(s, 0, s.length, 'nl')[0];
      expect(idx.has(f)).toBe(has(f));
      if (has(f)) yes++;
    }
    expect(yes).toBeGreaterThan(30);
    expect(yes).toBeLessThan(300);
  });

  it('names the same nearest values, in the same order, as filter, sort and dedupe', () => {
    for (let i = 0; i < 300; i++) {
      const s = `Er was ${written()} extra.`;
      const f = scanFacts(s, 0, s.length, 'nl')[0];
      const n = 1 + (i % 4);
      expect(idx.nearest(f, n).map((x) => x.range.start)).toEqual(nearest(f, n));
    }
  });
});

describe('similarity ranking and its candidate bound', () => {
  const docs = (n: number, rare: number): SimDoc[] =>
    Array.from({ length: n }, (_, i) => ({
      owner: `C${i + 1}`,
      group: 'conclusion',
      passages: [{ text: `De gemeente informeert de raad over de schuldhulpverlening en de wachttijden${i < rare ? ' en de vroegsignalering bij woningcorporaties' : ''} (dossier ${'abcdefghij'[i % 10]}${'klmnopqrst'[Math.floor(i / 10) % 10]}).`, range: { start: i * 100, end: i * 100 + 90 } }],
    }));

  it('ranks a group of at most MAX_CANDIDATES documents exactly: every document, as scored one by one', () => {
    const index = new SimilarityIndex('nl', docs(MAX_CANDIDATES, 20));
    const query = 'Wordt de raad tijdig geïnformeerd over de vroegsignalering?';
    const ranked = index.rank(query, 'conclusion');
    const one = docs(MAX_CANDIDATES, 20)
      .map((d, i) => ({ i, m: index.match(query, 'conclusion', d.owner)! }))
      .sort((a, b) => b.m.score - a.m.score || b.m.strength - a.m.strength || a.i - b.i)
      .map((x) => x.m);
    expect(ranked).toHaveLength(MAX_CANDIDATES);
    expect(ranked).toEqual(one);
    expect(index.rank(query, 'conclusion', null, 3)).toEqual(one.slice(0, 3));
    expect(index.ranking(query, 'conclusion').entries.map((e) => [e.owner, e.score, e.strength])).toEqual(one.map((m) => [m.owner, m.score, m.strength]));
  });

  it('scores at most MAX_CANDIDATES documents of a bigger group: those with the most telling words first', () => {
    const n = MAX_CANDIDATES + 300;
    const index = new SimilarityIndex('nl', docs(n, 20));
    const query = 'Wordt de raad tijdig geïnformeerd over de vroegsignalering?';
    const ranked = index.rank(query, 'conclusion');
    expect(ranked).toHaveLength(MAX_CANDIDATES);
    // The twenty documents with the rare word are all scored, and come first.
    expect(ranked.slice(0, 20).map((m) => m.owner).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `C${i + 1}`).sort());
    // `match` scores a named document whatever the size of the group.
    const last = index.match(query, 'conclusion', `C${n}`);
    expect(last?.owner).toBe(`C${n}`);
    expect(last!.score).toBeGreaterThan(0);
  });
});
