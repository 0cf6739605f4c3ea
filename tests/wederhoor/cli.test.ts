/**
 * `toetssteen wederhoor REPORT RESPONSE [--letter LETTER]`, run as a user
 * runs it (the built CLI: `npm run build` first).
 */
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { SEEDS_DIR, EXAMPLES_DIR } from '../helpers/seeds';

const CLI = resolve(__dirname, '../../dist/cli.js');
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const ex = (f: string): string => resolve(EXAMPLES_DIR, f);
const SEED = resolve(SEEDS_DIR, '001_237bc29c2e6f7c57.txt');

describe('toetssteen wederhoor', () => {
  it('prints the coverage table and the findings of the example project', () => {
    const r = run('wederhoor', ex('rapport.md'), ex('reactie.md'), '--letter', ex('aanbiedingsbrief.md'));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^item\s+reaction\s+quoted\s+differences\s+stance\s+phrases$/m);
    expect(r.out).toMatch(/^C4\s+reactie\.md:\d+\s+yes\s+1 \(1 replaced\)\s+agree\s+'onderschrijft'$/m);
    expect(r.out).toMatch(/^C5\s+reactie\.md:\d+\s+yes\s+1 \(1 moved\)\s+partly\s+'Ter nuancering', 'herkennen wij'$/m);
    expect(r.out).toMatch(/^C7\s+—\s+—\s+—\s+—\s+no reaction$/m);
    expect(r.out).toMatch(/wederhoor\/letter-mismatch/);
    expect(r.out).toMatch(/14 items: 12 with a reaction, 2 without; 2 quotes differ \(2 differences\); stance: 6 agree, 3 partly, 3 disagree, 0 no stance; 15 findings\./);
  });

  it('gives JSON with the coverage per item and the findings', () => {
    const r = run('wederhoor', ex('rapport.md'), ex('reactie.md'), '--letter', ex('aanbiedingsbrief.md'), '--format', 'json', '--lang', 'nl');
    expect(r.code).toBe(0);
    const o = JSON.parse(r.out);
    expect(o.coverage).toHaveLength(14);
    const c4 = o.coverage.find((c: { item: string }) => c.item === 'C4');
    expect(c4).toMatchObject({ quoted: true, quoteDifferences: 1, stance: 'agree', changes: [{ kind: 'replaced', part: 'quote', report: 'schuldhulpverlening', quote: 'schuldhulp' }] });
    expect(c4.changes[0].range.start).toEqual({ line: expect.any(Number), character: expect.any(Number) });
    expect(o.coverage.find((c: { item: string }) => c.item === 'R5').reaction).toBeNull();
    const codes = o.findings.map((f: { code: string }) => f.code);
    for (const c of ['quote-mismatch', 'missing-reaction', 'disagreement', 'unanswered-disagreement', 'letter-mismatch', 'count-mismatch']) expect(codes).toContain('wederhoor/' + c);
    const letter = o.findings.find((f: { code: string }) => f.code === 'wederhoor/letter-mismatch');
    expect(letter.message).toBe("De brief geeft aanbeveling 3 anders weer dan het rapport — rapport: '95%' — brief: '90%'");
    expect(letter.related[0].path).toMatch(/rapport\.md$/);
  });

  it('reads a report with its own reaction appendix as REPORT and RESPONSE (seed 001)', () => {
    const r = run('wederhoor', SEED, SEED, '--format', 'json');
    expect(r.code).toBe(0);
    const o = JSON.parse(r.out);
    expect(o.coverage.map((c: { item: string }) => c.item)).toEqual([...Array.from({ length: 12 }, (_, i) => 'C' + (i + 1)), 'R1', 'R2', 'R3', 'R4']);
    expect(o.coverage.reduce((s: number, c: { quoteDifferences: number }) => s + c.quoteDifferences, 0)).toBe(23);
    expect(o.coverage.map((c: { stance: string }) => c.stance)).toEqual(['partly', 'none', 'partly', 'partly', 'agree', 'none', 'partly', 'disagree', 'partly', 'partly', 'none', 'none', 'agree', 'partly', 'agree', 'none']);
    const text = run('wederhoor', SEED, SEED);
    expect(text.out).toMatch(/16 items: 16 with a reaction, 0 without; 12 quotes differ \(23 differences\)/);
  });

  it('exits 2 on bad usage', () => {
    expect(run('wederhoor', ex('rapport.md')).code).toBe(2);
    expect(run('wederhoor', ex('rapport.md'), ex('reactie.md'), '--format', 'sarif').code).toBe(2);
    expect(run('wederhoor', ex('rapport.md'), ex('nope.md')).code).toBe(2);
  });
});
