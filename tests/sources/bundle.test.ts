/**
 * The built CLI (esbuild CJS bundle, Node 20): `check` loads the
 * bibliography and the source corpus (PDF and DOCX extraction from the
 * bundle) and prints document and file diagnostics; stdout stays clean.
 * Needs `npm run build` first (npm test does it).
 */
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { mkdtempSync, mkdirSync, writeFileSync, copyFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { EXAMPLES, FIXTURES } from './helpers';

const CLI = resolve(__dirname, '../../dist/cli.js');
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8' } });

describe('node dist/cli.js check', () => {
  it('reports the example’s citation and claim faults, with FileDiagnostics for bronnen.bib', () => {
    const dir = mkdtempSync(resolve(tmpdir(), 'ex-'));
    // A fresh copy: no extraction cache, so the PDF and DOCX are read by the bundle itself.
    for (const f of ['rapport.md', 'bronnen.bib', '.toetssteen.yaml']) copyFileSync(resolve(EXAMPLES, f), resolve(dir, f));
    mkdirSync(resolve(dir, 'bronnen'));
    for (const f of ['nota-schulden-2021.pdf', 'gespreksverslag-wethouder-2025.docx']) copyFileSync(resolve(EXAMPLES, 'bronnen', f), resolve(dir, 'bronnen', f));
    const r = run('check', dir, '--format', 'json');
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout);
    const codes = (name: string): string[] => out.files.find((f: { path: string }) => f.path.endsWith(name)).diagnostics.map((d: { code: string }) => d.code).filter((c: string) => /^(citation|claim|source)\//.test(c));
    expect(codes('rapport.md')).toEqual(['claim/unsupported', 'claim/unsupported', 'citation/unknown-key']);
    expect(codes('bronnen.bib')).toEqual(['citation/unused-entry', 'citation/duplicate-key']);
    expect(r.stderr).toBe('');
    rmSync(dir, { recursive: true, force: true });
  });
  it('prints source/unreadable under an unreadable source and checks the rest', () => {
    const dir = mkdtempSync(resolve(tmpdir(), 'src-'));
    mkdirSync(resolve(dir, 'bronnen'));
    copyFileSync(resolve(FIXTURES, 'kapot.pdf'), resolve(dir, 'bronnen/kapot.pdf'));
    writeFileSync(resolve(dir, 'r.md'), '---\ntype: rapport\n---\n\n# 2 Bevindingen\n\nUit interviews blijkt dat de wachttijd daalde.\n');
    const r = run('check', dir, '--format', 'text');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/bronnen\/kapot\.pdf\n\s+1:1\s+warning\s+Source file cannot be read: .*source\/unreadable/);
    expect(r.stdout).toMatch(/claim\/unsupported/);
    expect(r.stdout.startsWith('bronnen') || r.stdout.includes('\n')).toBe(true);
    expect(r.stdout).not.toMatch(/dotenv|Warning:/);
  });
});
