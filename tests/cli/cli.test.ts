/**
 * The built CLI, run as a user runs it.
 */
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { SEEDS_DIR, EXAMPLES_DIR } from '../helpers/seeds';

const CLI = resolve(__dirname, '../../dist/cli.js');
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe('toetssteen outline', () => {
  it('prints the model of seed 001 as JSON with LSP ranges', () => {
    const r = run('outline', resolve(SEEDS_DIR, '001_237bc29c2e6f7c57.txt'), '--format', 'json');
    expect(r.code).toBe(0);
    const o = JSON.parse(r.out);
    expect(o.kind).toBe('report');
    expect(o.language).toBe('nl');
    expect(o.questions.map((q: { id: string }) => q.id)).toHaveLength(13);
    expect(o.conclusions[0]).toMatchObject({ id: 'C1', label: '1', answers: ['Q1'] });
    expect(o.conclusions[0].range.start).toEqual({ line: expect.any(Number), character: expect.any(Number) });
    expect(o.reactions).toHaveLength(16);
    expect(o.reactions[15]).toMatchObject({ target: 'R4' });
  });
  it('prints the norms and assessments of seed 004', () => {
    const o = JSON.parse(run('outline', resolve(SEEDS_DIR, '004_b2f518212f0b3cce.txt')).out);
    expect(o.norms).toHaveLength(14);
    expect(o.norms[0]).toMatchObject({ id: 'N1', group: 'beleid' });
    expect(o.assessments).toHaveLength(14);
    expect(o.assessments[0]).toMatchObject({ norm: 'N1', score: null });
  });
  it('prints a readable outline as text', () => {
    const r = run('outline', resolve(EXAMPLES_DIR, 'rapport.md'), '--format', 'text');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Conclusions \(8\)/);
    expect(r.out).toMatch(/C1 +→ Q1 /);
  });
});

describe('toetssteen check', () => {
  it('checks the example folder: JSON with the stable shape, exit 1 for the error-severity faults', () => {
    const r = run('check', EXAMPLES_DIR, '--format', 'json');
    expect(r.code).toBe(1);
    const out = JSON.parse(r.out);
    const rapport = out.files.find((f: { path: string }) => f.path.endsWith('rapport.md'));
    expect(rapport.diagnostics.map((d: { code: string }) => d.code)).toContain('structure/duplicate-id');
    const d = rapport.diagnostics.find((x: { code: string }) => x.code === 'structure/broken-reference');
    expect(d).toMatchObject({ severity: 'warning', message: expect.stringMatching(/conclusion 9/) });
    expect(Object.keys(d.range)).toEqual(['start', 'end']);
    // Sources are evidence, not documents to check.
    expect(out.files.some((f: { path: string }) => f.path.includes('bronnen/'))).toBe(false);
  });
  it('exits 0 when there is no error, and speaks Dutch when asked', () => {
    const dir = mkdtempSync(resolve(tmpdir(), 'ts-'));
    const file = resolve(dir, 'r.md');
    writeFileSync(file, '# 5 Conclusies\n\n1. A.\n2. B.\n\n# 6 Aanbevelingen\n\n1. Doe iets (zie conclusie 4).\n');
    const r = run('check', file, '--lang', 'nl');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Verwijzing naar conclusie 4/);
    expect(r.out).toMatch(/^1 file checked, \d+ findings? \(.*warning.*\)\.$/m);
    expect(r.out).not.toMatch(/ error +/);
  });
  it('writes SARIF 2.1.0', () => {
    const r = run('check', resolve(EXAMPLES_DIR, 'rapport.md'), '--format', 'sarif');
    const s = JSON.parse(r.out);
    expect(s.version).toBe('2.1.0');
    const res = s.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'structure/broken-reference');
    expect(res.locations[0].physicalLocation.region.startLine).toBeGreaterThan(1);
    expect(s.runs[0].tool.driver.rules.length).toBeGreaterThan(0);
  });
  it('exits 2 with a clear message on bad usage and unreadable input, never a stack trace', () => {
    const a = run('check');
    expect(a.code).toBe(2);
    expect(a.err).toMatch(/check takes one or more PATHs/);
    const b = run('outline', '/nonexistent/file.md');
    expect(b.code).toBe(2);
    expect(b.err).toMatch(/cannot read \/nonexistent\/file.md: no such file/);
    expect(b.err).not.toMatch(/at .*\.js:\d+/);
    const c = run('check', '.', '--format', 'xml');
    expect(c.code).toBe(2);
    const dir = mkdtempSync(resolve(tmpdir(), 'ts-'));
    const bin = resolve(dir, 'x.md');
    writeFileSync(bin, Buffer.from([0, 1, 2, 3]));
    const d = run('outline', bin);
    expect(d.code).toBe(2);
    expect(d.err).toMatch(/not a text file/);
  });
});
