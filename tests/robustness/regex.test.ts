/**
 * Every regular expression of the server is safe from catastrophic
 * backtracking.
 *
 * - The literals (`/…/`) are read from the source's syntax tree; the ones
 *   built at run time (`new RegExp(…)`, from the lexicons and from user
 *   input such as a citation key) are caught while the public functions run
 *   over the example project and the seeds, and every place that builds one
 *   must have been reached.
 * - Each is checked by the ReDoS checker `recheck` (its automaton checker:
 *   exact where it applies; an exponential verdict fails) and timed on
 *   adversarial input built from its own structure — runs of the characters
 *   it repeats and of its literal pieces, 50,000 characters long with a tail
 *   that does not match, and the checker's attack string scaled to that
 *   length — under 250 ms each. The timing runs in a worker thread, so a
 *   runaway expression fails the test instead of hanging it.
 *
 * RECHECK_FULL=1 (set by `npm run fuzz`) runs recheck's full hybrid checker
 * (automaton and fuzzing) with a longer time limit.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { Worker } from 'node:worker_threads';
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { check, type Diagnostics } from 'recheck';
import { collectRegexes, type RegexConstruction } from './regex-sources';
import { SEEDS_DIR, EXAMPLES_DIR } from '../helpers/seeds';

const LENGTH = 50_000;
// A quadratic expression takes seconds on 50,000 characters; a linear one, milliseconds. The margin is for a busy CI machine.
const BUDGET_MS = 250;
const FULL = process.env.RECHECK_FULL === '1';

/** Places that build an expression the public functions cannot reach from here (file, a piece of the expression), and why each is safe. */
const NOT_REACHED: Array<{ file: string; contains: string; why: string }> = [
  // findLabel in the rename handler: the label is validated as /^\d+(?:\.\d+)*$/ first, so the pattern is digits and escaped dots between two look-arounds.
  { file: 'server/src/lsp/features/rename.ts', contains: 'label.replace', why: 'digits and dots only, between look-arounds' },
];
const notReached = (c: RegexConstruction): boolean => NOT_REACHED.some((n) => c.where.startsWith(n.file + ':') && c.expression.includes(n.contains));

interface Candidate {
  id: number;
  where: string;
  source: string;
  flags: string;
}

/** Built expressions, caught by a stand-in for the global RegExp while the code runs. */
const built: Array<{ where: string; source: string; flags: string }> = [];
const Original = globalThis.RegExp;

function callSite(): string | null {
  const stack = new Error().stack ?? '';
  for (const line of stack.split('\n').slice(1)) {
    const m = /(server\/src\/[^):]+\.ts):(\d+)/.exec(line.replace(/\\/g, '/'));
    if (m && !line.includes('node_modules')) return `${m[1]}:${m[2]}`;
  }
  return null;
}

function record(args: unknown[]): void {
  const where = callSite();
  if (!where) return;
  const [p, f] = args;
  const source = p instanceof Original ? p.source : String(p ?? '(?:)');
  const flags = typeof f === 'string' ? f : p instanceof Original ? p.flags : '';
  built.push({ where, source, flags });
}

beforeAll(async () => {
  globalThis.RegExp = new Proxy(Original, {
    construct(target, args, newTarget) {
      record(args);
      return Reflect.construct(target, args, newTarget === globalThis.RegExp ? target : newTarget);
    },
    apply(target, self, args) {
      record(args);
      return Reflect.apply(target, self, args);
    },
  });
  await exercise();
}, 120_000);

afterAll(() => {
  globalThis.RegExp = Original;
});

/** Runs the public functions that build expressions: analysis, every rule, the editor features. */
async function exercise(): Promise<void> {
  const { analyze } = await import('../../server/src/core/analyze');
  const { runRules } = await import('../../server/src/core/rules');
  const { createProjectView } = await import('../../server/src/core/project');
  const { parseConfig } = await import('../../server/src/core/config');
  const { citationFixes, citationCompletions, citationHover, citationDefinition } = await import('../../server/src/core/claims');
  const { traceFixes } = await import('../../server/src/core/trace/fixes');
  const { smartFixes } = await import('../../server/src/core/smart/fixes');
  const { BibliographyStore } = await import('../../server/src/workspace/bibliography');
  const { bibKeyRanges } = await import('../../server/src/lsp/features/rename');
  const { toOutline } = await import('../../server/src/core/outline');

  const config = parseConfig(readFileSync(resolve(EXAMPLES_DIR, '.toetssteen.yaml'), 'utf8')).config;
  parseConfig('version: 2\nlanguage: fr\nbogus: 1\nrules: 3\n');
  const files = readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith('.md'));
  const models = files.map((f) => analyze(readFileSync(resolve(EXAMPLES_DIR, f), 'utf8'), { uri: resolve(EXAMPLES_DIR, f) }));
  for (const f of readdirSync(SEEDS_DIR).filter((x) => /^\d{3}_.*\.txt$/.test(x))) {
    const text = readFileSync(resolve(SEEDS_DIR, f), 'utf8');
    models.push(analyze(text, { uri: resolve('/seeds', f) }), analyze(text, { uri: resolve('/seeds', f + '.md') }));
  }
  models.push(analyze('# Goals\n\n1. The council halves debt by 2026.\n2. We will strengthen support.\n\n# Conclusions\n\n## Conclusion 1\n\nTo a limited extent.\n', { uri: '/en/policy.md', language: 'en' }));
  const store = new BibliographyStore(EXAMPLES_DIR, config);
  store.loadFor(models);
  const project = createProjectView(models, config, { bibliography: store.view() });
  for (const m of models) {
    toOutline(m);
    const diags = runRules(m, { project });
    for (const d of diags) {
      const data = { ...(d.data ?? {}) };
      citationFixes({ code: d.code, range: d.range, data }, m, project, { lang: 'nl' });
      traceFixes({ code: d.code, range: d.range, data }, m, project);
      smartFixes({ code: d.code, range: d.range, data }, m);
    }
    for (const c of m.citations.slice(0, 5)) {
      citationHover(c, project, m);
      citationDefinition(c, project, m);
    }
  }
  citationCompletions('lind', project, models[0]);
  for (const key of ['lindeveen2021nota', 'a.b+c?(d)*', 'verhoef2022']) for (const f of store.files) bibKeyRanges(f.text ?? '', key);
  bibKeyRanges('{"id": "x"}\n- id: x\n@book{x,\n', 'x');
}

let candidates: Candidate[] = [];
let constructions: RegexConstruction[] = [];

describe('regular expressions', () => {
  it('finds the literals and the places that build expressions', () => {
    const found = collectRegexes();
    constructions = found.constructions;
    const seen = new Map<string, Candidate>();
    for (const r of [...found.literals, ...built]) {
      const key = `${r.flags}/${r.source}`;
      if (!seen.has(key)) seen.set(key, { id: seen.size, where: r.where, source: r.source, flags: r.flags });
    }
    candidates = [...seen.values()];
    expect(found.literals.length).toBeGreaterThan(300);
    expect(built.length).toBeGreaterThan(50);
    console.log(`regexes: ${found.literals.length} literals, ${constructions.length} places that build one, ${new Set(built.map((b) => b.flags + '/' + b.source)).size} built while running; ${candidates.length} distinct`);
  });

  it('reached every place that builds an expression (or knows why it is safe)', () => {
    const reached = new Set(built.map((b) => b.where));
    // A stack line names the line of `new`; a construction spread over lines may report a neighbour.
    const near = (w: string): boolean => {
      const [file, line] = [w.slice(0, w.lastIndexOf(':')), Number(w.slice(w.lastIndexOf(':') + 1))];
      return [0, 1, 2, -1].some((d) => reached.has(`${file}:${line + d}`));
    };
    const missing = constructions.filter((c) => c.source === null && !near(c.where) && !notReached(c)).map((c) => `${c.where} ${c.expression}`);
    expect(missing).toEqual([]);
  });

  it('recheck finds none exponential, and gives an attack string for the rest', async () => {
    const verdicts = new Map<number, Diagnostics>();
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < candidates.length) {
        const c = candidates[next++];
        verdicts.set(c.id, await check(c.source, c.flags, FULL ? { timeout: 10_000, randomSeed: 20261122 } : { checker: 'automaton', timeout: 500 }));
      }
    };
    await Promise.all([worker(), worker()]);
    const exponential: string[] = [];
    const counts: Record<string, number> = {};
    for (const c of candidates) {
      const v = verdicts.get(c.id)!;
      const kind = v.status === 'vulnerable' ? v.complexity.type : v.status === 'unknown' ? `unknown (${v.error.kind})` : 'safe';
      counts[kind] = (counts[kind] ?? 0) + 1;
      if (v.status === 'vulnerable') {
        (c as Candidate & { attack?: unknown }).attack = v.attack;
        if (v.complexity.type === 'exponential') exponential.push(`${c.where} /${c.source}/${c.flags} ${v.attack.pattern}`);
      }
    }
    console.log(`recheck (${FULL ? 'hybrid' : 'automaton'}): ${JSON.stringify(counts)}`);
    for (const c of candidates) {
      const v = verdicts.get(c.id)!;
      if (v.status === 'vulnerable') console.log(`  ${v.complexity.type}: ${c.where} /${c.source}/${c.flags} attack ${v.attack.pattern}`);
    }
    expect(exponential).toEqual([]);
  }, 300_000);

  it(`runs each on adversarial input of ${LENGTH.toLocaleString('en')} characters in under ${BUDGET_MS} ms`, async () => {
    const results = await timeInWorker(candidates, 30_000);
    const slow = results.filter((r) => r.worstMs >= BUDGET_MS).map((r) => {
      const c = candidates[r.id];
      return `${c.where} /${c.source}/${c.flags}: ${r.worstMs.toFixed(0)} ms on ${r.sample}`;
    });
    const worst = results.reduce((a, b) => (b.worstMs > a.worstMs ? b : a));
    console.log(`slowest expression: ${candidates[worst.id].where} ${worst.worstMs.toFixed(1)} ms on ${worst.sample}`);
    const costly = [...results].sort((a, b) => b.elapsedMs - a.elapsedMs).slice(0, 5);
    console.log(`most time in all inputs: ${costly.map((r) => `${candidates[r.id].where} ${r.elapsedMs.toFixed(0)} ms`).join('; ')}`);
    expect(slow).toEqual([]);
  }, 600_000);
});

/** Times the candidates in a worker thread; a worker silent for `stallMs` is stopped, its expression reported as stalled, and the rest timed. */
interface Timing {
  id: number;
  worstMs: number;
  sample: string;
  elapsedMs: number;
}
function timeInWorker(list: Candidate[], stallMs: number): Promise<Timing[]> {
  const out: Timing[] = [];
  return new Promise((done, fail) => {
    /** Times `rest`; a stalled expression is recorded as such and the rest goes on in a new worker. */
    const start = (rest: Candidate[]): void => {
      if (!rest.length) return done(out);
      const worker = new Worker(resolve(__dirname, 'regex-worker.mjs'), { workerData: 'regex-worker' });
      let current = -1;
      let timer: NodeJS.Timeout;
      const arm = (): void => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          void worker.terminate();
          if (current < 0) return fail(new Error(`the timing worker did not start within ${stallMs} ms`));
          out.push({ id: current, worstMs: Infinity, sample: `(no answer within ${stallMs} ms)`, elapsedMs: stallMs });
          const at = rest.findIndex((c) => c.id === current);
          start(rest.slice(at + 1));
        }, stallMs);
      };
      worker.on('message', (m: Partial<Timing> & { started?: number; done?: number; finished?: boolean }) => {
        arm();
        if (m.started !== undefined) current = m.started;
        if (m.done !== undefined) out.push({ id: m.done, worstMs: m.worstMs!, sample: m.sample!, elapsedMs: m.elapsedMs! });
        if (m.finished) {
          clearTimeout(timer);
          void worker.terminate();
          done(out);
        }
      });
      worker.on('error', (e) => {
        clearTimeout(timer);
        fail(e);
      });
      arm();
      worker.postMessage({ regexes: rest.map((c) => ({ id: c.id, source: c.source, flags: c.flags, attack: (c as Candidate & { attack?: unknown }).attack })), length: LENGTH, budgetMs: BUDGET_MS });
    };
    start(list);
  });
}
