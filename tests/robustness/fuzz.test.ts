/**
 * Property tests over the core: generated Markdown and extracted text, the
 * seeds cut at random points and mutated (bits flipped, lines swapped,
 * pieces doubled, line ends changed), and hostile text (binary junk, lone
 * surrogates, deep nesting of every construct, BOMs and CR line ends). Each
 * case is analysed alone or as one more document of the example project
 * (with its bibliography and source corpus), and every rule runs. The
 * properties are in core-check.ts: no exception, every range inside the
 * document on a code point boundary, at most 1 s per 100 KB.
 *
 * FUZZ_RUNS sets the number of cases (default 10,000: the CI run, with a
 * fixed seed); FUZZ_SEED another seed; `npm run fuzz` runs 100,000. The
 * slowest case is written to the temporary folder; FUZZ_CASE=<that file>
 * runs it again.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fc from 'fast-check';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { seed } from '../helpers/seeds';
import { checkDocument, loadExampleProject, Slowest, type ExampleProject } from './core-check';

const RUNS = Number(process.env.FUZZ_RUNS ?? 10000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261122);

const FRAGMENTS = [
  '# 1 Inleiding\n', '## 2.1 Bevindingen\n', '### Conclusie 3 {#C3}\n', '# 5 Conclusies\n', '# Aanbevelingen\n', '## Bestuurlijke reactie\n', '## Normenkader\n', '# Toets\n',
  '1. Welke doelen heeft de gemeente?\n', '2. Het college stelt vóór 1 juli 2026 doelen vast.\n', '- **Norm 1.1** De doelen zijn SMART.\n', '* item\n', '  - nested\n', '> Geciteerde conclusie.\n',
  'Het tekort was € 4.726.000 [@gemeente2022, p. 4].\n', 'Uit interviews blijkt dat 39 van de 42 acties zijn uitgevoerd.[^1]\n', '[^1]: Bron: interview.\n', '**Oordeel:** +-\n', '++ | **+** | +- | - | --\n',
  'Zie conclusie 3, norm 2.1 en aanbevelingen 1 t/m 4.\n', '[conclusie 9](#C9)\n', '::: {#C1}\nTekst.\n:::\n', '```\n# code\n```\n', '| Norm | Oordeel |\n|---|---|\n| Norm 1 De doelen | + |\n',
  '---\ntype: rapport\nlang: nl\n---\n', '---\ntitle: "kapot\n---\n', '---\ntype: reactie\nreport: rapport.md\nbibliography: bronnen.bib\n---\n', '<!-- toetssteen-disable-next-line claim/unsupported -->\n', 'Reactie\n', 'Bijlage: Reacties op de conclusies\n',
  'De gemiddelde schuld bij aanmelding is € 41.250 in 2024 [@lindeveen2021nota].\n', 'Het college halveert de wachttijd vóór 2026.\n', 'Conclusie 2: Het college is het hier niet mee eens.\n',
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
    ops: fc.array(fc.record({ at: fc.nat(), kind: fc.integer({ min: 0, max: 5 }), x: fc.string({ maxLength: 5 }) }), { maxLength: 8 }),
  })
  .map(({ s, from, len, ops }) => {
    const src = SEEDS[s];
    const start = from % Math.max(1, src.length);
    let t = src.slice(start, start + len);
    for (const op of ops) {
      const at = t.length ? op.at % t.length : 0;
      if (op.kind === 0) t = t.slice(0, at) + String.fromCharCode(t.charCodeAt(at) ^ (1 << op.x.length % 8)) + t.slice(at + 1); // flip a bit
      else if (op.kind === 1) {
        const lines = t.split('\n');
        const i = at % Math.max(1, lines.length);
        const j = (at * 7) % Math.max(1, lines.length);
        [lines[i], lines[j]] = [lines[j], lines[i]]; // swap lines
        t = lines.join('\n');
      } else if (op.kind === 2) t = t.slice(0, at) + t.slice(at, at + 40) + t.slice(at); // double a piece (markers doubled)
      else if (op.kind === 3) t = t.slice(0, at) + op.x + t.slice(at);
      else if (op.kind === 4) t = t.replace(/\n/g, op.x.length % 2 ? '\r\n' : '\r');
      else t = t.slice(0, at) + t.slice(at + op.x.length * 20); // cut a piece out
    }
    return t;
  });

/** Hostile text: bytes as they come, lone surrogates, deep nesting of every construct, BOMs and odd line ends. */
const NEST = ['>', '> ', '- ', '* ', '1. ', '  - ', '[', '![', '(', '*', '_', '**_', '*a ', '_a ', '~~', '`', ':::\n', '::: {#a}\n', '{#', '<!--', '[^', '[@', '|', '<div>', '# ', '\\', '"', '“', '{', '- [ ] '];
const hostile = fc.oneof(
  fc.uint8Array({ maxLength: 3000 }).map((b) => Buffer.from(b).toString('utf8')),
  fc.uint8Array({ maxLength: 3000 }).map((b) => Buffer.from(b).toString('latin1')),
  fc.array(fc.oneof(fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)), fc.constantFrom('a', ' ', '\n', '# ', '[@k]', '😀')), { maxLength: 400 }).map((a) => a.join('')),
  fc
    .record({ unit: fc.constantFrom(...NEST), depth: fc.integer({ min: 1, max: 400 }), inner: fc.constantFrom('x', 'Conclusie 1', '@key', '', '\n'), close: fc.constantFrom('', ']', '](u)', ')', '*', '_', ':::\n', '}', '-->', '</div>'), eol: fc.constantFrom('\n', '\r\n', '\r', '') })
    .map(({ unit, depth, inner, close, eol }) => unit.repeat(depth) + inner + close.repeat(depth) + eol),
  fc.record({ t: textArb, bom: fc.boolean(), eol: fc.constantFrom('\n', '\r\n', '\r') }).map(({ t, bom, eol }) => (bom ? '\uFEFF' : '') + t.replace(/\r?\n/g, eol)),
);

let example: ExampleProject;
const slowest = new Slowest();
const slowestText = { per100KB: 0, text: '', format: 'markdown' as 'markdown' | 'text' };
let cases = 0;

function run(kind: string, text: string, md: boolean, withProject: boolean): void {
  cases++;
  const format = md ? 'markdown' : 'text';
  const r = checkDocument(text, format, withProject ? example : undefined);
  slowest.add(`${kind} case (${format}${withProject ? ', in the example project' : ''})`, r);
  if (r.per100KB > slowestText.per100KB) Object.assign(slowestText, { per100KB: r.per100KB, text, format });
}

beforeAll(async () => {
  example = await loadExampleProject();
}, 60_000);

afterAll(() => {
  if (!slowestText.text) return;
  const file = resolve(tmpdir(), `toetssteen-fuzz-slowest.${slowestText.format === 'markdown' ? 'md' : 'txt'}`);
  writeFileSync(file, slowestText.text);
  console.log(`fuzz: ${cases} cases (seed ${SEED}); slowest ${slowest}; written to ${file} (FUZZ_CASE=${file} npx vitest run tests/robustness/fuzz.test.ts runs it again)`);
});

describe('fuzz', () => {
  it(`generated Markdown and text (${Math.ceil(RUNS * 0.4)} cases, seed ${SEED})`, () => {
    fc.assert(
      fc.property(textArb, fc.boolean(), fc.integer({ min: 0, max: 3 }), (t, md, p) => run('generated', t, md, p === 0)),
      { numRuns: Math.ceil(RUNS * 0.4), seed: SEED },
    );
  }, 900_000);

  it(`seeds cut at random points and mutated (${Math.ceil(RUNS * 0.4)} cases)`, () => {
    fc.assert(
      fc.property(mutatedSeed, fc.boolean(), fc.integer({ min: 0, max: 3 }), (t, md, p) => run('mutated seed', t, md, p === 0)),
      { numRuns: Math.ceil(RUNS * 0.4), seed: SEED + 1 },
    );
  }, 900_000);

  it(`hostile text: binary junk, lone surrogates, deep nesting, BOM and CR line ends (${Math.ceil(RUNS * 0.2)} cases)`, () => {
    fc.assert(
      fc.property(hostile, fc.boolean(), fc.integer({ min: 0, max: 3 }), (t, md, p) => run('hostile', t, md, p === 0)),
      { numRuns: Math.ceil(RUNS * 0.2), seed: SEED + 2 },
    );
    expect(slowest.per100KB).toBeLessThan(1000);
  }, 900_000);

  it.runIf(!!process.env.FUZZ_CASE)('a saved case (FUZZ_CASE)', () => {
    const file = process.env.FUZZ_CASE!;
    const text = readFileSync(file, 'utf8');
    for (const withProject of [false, true]) {
      const r = checkDocument(text, file.endsWith('.txt') ? 'text' : 'markdown', withProject ? example : undefined);
      console.log(`${file}${withProject ? ' in the example project' : ''}: ${r.ms.toFixed(0)} ms, ${r.per100KB.toFixed(0)} ms per 100 KB`);
    }
  });
});
