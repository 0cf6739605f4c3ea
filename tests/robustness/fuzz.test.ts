/**
 * Property tests over the core: generated Markdown and extracted text, the
 * seeds cut and mutated. No exception escapes analyze or the rules, every
 * range lies inside the document on UTF-16 code point boundaries, and no
 * analysis is pathologically slow. FUZZ_RUNS sets the number of cases
 * (default 10,000 in CI, fixed seed); FUZZ_SEED another seed.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { analyze } from '../../server/src/core/analyze';
import { runRules } from '../../server/src/core/rules';
import { createProjectView } from '../../server/src/core/project';
import type { DocumentModel, Span } from '../../server/src/core/types';
import { seed } from '../helpers/seeds';

const RUNS = Number(process.env.FUZZ_RUNS ?? 10000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261122);

const FRAGMENTS = [
  '# 1 Inleiding\n', '## 2.1 Bevindingen\n', '### Conclusie 3 {#C3}\n', '# 5 Conclusies\n', '# Aanbevelingen\n', '## Bestuurlijke reactie\n', '## Normenkader\n', '# Toets\n',
  '1. Welke doelen heeft de gemeente?\n', '2. Het college stelt vóór 1 juli 2026 doelen vast.\n', '- **Norm 1.1** De doelen zijn SMART.\n', '* item\n', '  - nested\n', '> Geciteerde conclusie.\n',
  'Het tekort was € 4.726.000 [@gemeente2022, p. 4].\n', 'Uit interviews blijkt dat 39 van de 42 acties zijn uitgevoerd.[^1]\n', '[^1]: Bron: interview.\n', '**Oordeel:** +-\n', '++ | **+** | +- | - | --\n',
  'Zie conclusie 3, norm 2.1 en aanbevelingen 1 t/m 4.\n', '[conclusie 9](#C9)\n', '::: {#C1}\nTekst.\n:::\n', '```\n# code\n```\n', '| Norm | Oordeel |\n|---|---|\n| Norm 1 De doelen | + |\n',
  '---\ntype: rapport\nlang: nl\n---\n', '---\ntitle: "kapot\n---\n', '<!-- toetssteen-disable-next-line claim/unsupported -->\n', 'Reactie\n', 'Bijlage: Reacties op de conclusies\n',
  '\n', '\n\n', '\r\n', '\r', '\uFEFF', 'é', '’', '😀', '\uD800', '\uDC00', '\u0000', '[', ']', '(', ')', '@', '#', '{#', '|', '~~', '`', '*', '_', '\\', '<!--', '-->', 'o ', '• ', '− ', '12\n', ' 39 \n',
  'Hoofdstuk 5: Lokaal beleid\n', '8.1 Conclusies\n', 'A. De vraag\n', 'Blok 1: De vraag\n', '7 Bron: interviews\n', 'RIGG2 ', 'uitvoe-\nring ',
];

const textArb = fc.array(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...FRAGMENTS) }, { weight: 1, arbitrary: fc.string({ maxLength: 20 }) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 10 }) }), { maxLength: 60 }).map((a) => a.join(''));

const SEEDS = ['000', '001', '002', '003', '004'].map(seed);
const mutatedSeed = fc
  .record({
    s: fc.integer({ min: 0, max: 4 }),
    from: fc.nat(),
    len: fc.integer({ min: 0, max: 6000 }),
    ops: fc.array(fc.record({ at: fc.nat(), kind: fc.integer({ min: 0, max: 4 }), x: fc.string({ maxLength: 5 }) }), { maxLength: 8 }),
  })
  .map(({ s, from, len, ops }) => {
    const src = SEEDS[s];
    const start = from % Math.max(1, src.length);
    let t = src.slice(start, start + len);
    for (const op of ops) {
      const at = t.length ? op.at % t.length : 0;
      if (op.kind === 0) t = t.slice(0, at) + String.fromCharCode(t.charCodeAt(at) ^ 0x20) + t.slice(at + 1); // flip a bit
      else if (op.kind === 1) {
        const lines = t.split('\n');
        const i = at % Math.max(1, lines.length);
        const j = (at * 7) % Math.max(1, lines.length);
        [lines[i], lines[j]] = [lines[j], lines[i]]; // swap lines
        t = lines.join('\n');
      } else if (op.kind === 2) t = t.slice(0, at) + t.slice(at, at + 40) + t.slice(at); // double a piece (markers doubled)
      else if (op.kind === 3) t = t.slice(0, at) + op.x + t.slice(at);
      else t = t.replace(/\n/g, op.x.length % 2 ? '\r\n' : '\r');
    }
    return t;
  });

function spans(m: DocumentModel): Span[] {
  return [
    ...m.blocks.flatMap((b) => [b.range, b.content]),
    ...m.sections.flatMap((s) => [s.range, s.headingRange]),
    ...[m.questions, m.norms, m.findings, m.goals, m.conclusions, m.recommendations].flatMap((l) => l.map((i) => i.range)),
    ...m.assessments.flatMap((a) => [a.range, ...(a.scoreRange ? [a.scoreRange] : [])]),
    ...m.reactions.flatMap((r) => [r.range, ...(r.quoteRange ? [r.quoteRange] : []), ...(r.textRange ? [r.textRange] : [])]),
    ...m.citations.flatMap((c) => [c.range, c.keyRange, c.groupRange]),
    ...m.footnotes.flatMap((f) => [f.range, ...f.refs]),
    ...m.links.map((l) => l.range),
    ...m.references.map((r) => r.range),
    ...m.sentences,
  ];
}

const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;
const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;

let slowest = 0;
function check(text: string, format: 'markdown' | 'text'): void {
  const t0 = performance.now();
  const m = analyze(text, { uri: format === 'markdown' ? 'f.md' : 'f.txt' });
  const diags = runRules(m, { project: createProjectView([m]) });
  const ms = performance.now() - t0;
  slowest = Math.max(slowest, ms / Math.max(1, text.length / 100_000));
  for (const s of [...spans(m), ...diags.map((d) => d.range)]) {
    if (!(s.start >= 0 && s.start <= s.end && s.end <= text.length)) throw new Error(`range ${s.start}-${s.end} outside 0-${text.length}`);
    for (const o of [s.start, s.end]) if (o > 0 && o < text.length && isLow(text.charCodeAt(o)) && isHigh(text.charCodeAt(o - 1))) throw new Error(`range boundary ${o} splits a surrogate pair`);
  }
  expect(diags.filter((d) => d.code === 'internal/rule-failed').map((d) => d.message.en)).toEqual([]);
}

describe('fuzz', () => {
  it(`generated Markdown and text (${RUNS} cases, seed ${SEED})`, () => {
    fc.assert(
      fc.property(textArb, fc.boolean(), (t, md) => check(t, md ? 'markdown' : 'text')),
      { numRuns: Math.ceil(RUNS / 2), seed: SEED },
    );
  }, 600_000);
  it(`seeds cut at random points and mutated (${RUNS} cases)`, () => {
    fc.assert(
      fc.property(mutatedSeed, fc.boolean(), (t, md) => check(t, md ? 'markdown' : 'text')),
      { numRuns: Math.ceil(RUNS / 2), seed: SEED + 1 },
    );
    // Pathological slowness, not a speed goal: npm run bench measures speed.
    expect(slowest).toBeLessThan(1000);
  }, 600_000);
});
