/**
 * Huge input at the edges. An open document over the size limit (setting
 * `toetssteen.maxFileSize`, 5 MB) gets one information diagnostic saying so
 * instead of an analysis that would freeze the editor; requests go on being
 * answered, also for that document (with nothing). The command line refuses
 * such a file with a clear message and exit code 2. The core itself has no
 * limit: tests/robustness/big.test.ts analyses 10 MB.
 */
import { describe, it, expect, afterAll, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import type { Hover } from 'vscode-languageserver-protocol';
import { startSession, startWithReport, posOf, type Session } from './harness';
import { example } from '../helpers/seeds';

const CLI = resolve(__dirname, '../../dist/cli.js');
const MB = 1024 * 1024;

function bigText(bytes: number): string {
  const unit = example('rapport.md');
  return unit.repeat(Math.ceil(bytes / Buffer.byteLength(unit))).slice(0, bytes);
}

describe('a document over the size limit, open in the editor', () => {
  let s: Session;
  let report: { uri: string; text: string };
  beforeAll(async () => {
    ({ s, report } = await startWithReport());
  }, 30000);
  afterAll(() => s.close());

  const hover = (): Promise<Hover> => s.request<Hover>('textDocument/hover', { textDocument: { uri: report.uri }, position: posOf(report.text, '### Conclusie 2', 6) });

  it('gets one information diagnostic "too large", fast, and the editor goes on', async () => {
    const text = bigText(50 * MB);
    const t0 = performance.now();
    const { uri } = await s.open('groot.md', text);
    const p = await s.waitDiagnostics(uri, () => true, 30000);
    const ms = performance.now() - t0;
    expect(p.diagnostics).toHaveLength(1);
    const d = p.diagnostics[0];
    expect([d.code, d.severity, d.source]).toEqual(['document/too-large', 3, 'toetssteen']);
    expect(d.message).toMatch(/^Document te groot om te analyseren: 50,\d MB, grens 5 MB \(instelling toetssteen\.maxFileSize\)\.$/);
    expect(ms).toBeLessThan(15000); // sending 50 MB over a pipe and parsing its JSON, not analysing it
    // Requests are answered: for that document with nothing, for the others as always.
    const t1 = performance.now();
    expect((await hover()).contents).toMatchObject({ value: expect.stringMatching(/C2/) });
    expect(performance.now() - t1).toBeLessThan(2000);
    expect(await s.request('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 3 } })).toBeNull();
    expect(await s.request('textDocument/documentSymbol', { textDocument: { uri } })).toEqual([]);
    expect(await s.request('toetssteen/outline', { uri })).toBeNull();
    // Typing in it: still one diagnostic, for the new version.
    await s.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }]);
    const p2 = await s.waitDiagnostics(uri, (x) => x.version === 2, 30000);
    expect(p2.diagnostics.map((x) => x.code)).toEqual(['document/too-large']);
    // Closed: its diagnostics go.
    await s.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
    const closed = await s.waitDiagnostics(uri, (x) => x.diagnostics.length === 0);
    expect(closed.diagnostics).toEqual([]);
    expect((await hover()).contents).toMatchObject({ value: expect.stringMatching(/C2/) });
  }, 90000);
});

describe('the limit follows the setting', () => {
  let s: Session;
  beforeAll(async () => {
    s = await startSession({ locale: 'en', settings: { maxFileSize: 1_000_000 } });
  }, 30000);
  afterAll(() => s.close());

  it('analyses a document under it and not one over it; shrunk under it, it is analysed', async () => {
    const under = await s.open('onder.md', bigText(900_000));
    const over = await s.open('boven.md', bigText(1_100_000));
    const pu = await s.waitDiagnostics(under.uri, () => true, 60000);
    expect(pu.diagnostics.map((d) => d.code)).not.toContain('document/too-large');
    expect(pu.diagnostics.length).toBeGreaterThan(10);
    const po = await s.waitDiagnostics(over.uri, () => true, 30000);
    expect(po.diagnostics).toHaveLength(1);
    expect(po.diagnostics[0].message).toMatch(/^Document too large to analyse: 1\.\d MB, limit 1\.0 MB \(setting toetssteen\.maxFileSize\)\.$/);
    await s.change(over.uri, 2, [{ text: example('rapport.md') }]);
    const again = await s.waitDiagnostics(over.uri, (x) => x.version === 2, 30000);
    expect(again.diagnostics.length).toBeGreaterThan(10);
    expect(again.diagnostics.map((d) => d.code)).not.toContain('document/too-large');
  }, 120000);
});

describe('the command line refuses a document over the limit', () => {
  const root = mkdtempSync(resolve(tmpdir(), 'toetssteen-big-'));
  const file = resolve(root, 'groot.md');
  writeFileSync(file, bigText(50 * MB));
  mkdirSync(resolve(root, 'map'));
  writeFileSync(resolve(root, 'map', 'klein.md'), '# Bevindingen\n\nTekst.\n');

  for (const args of [['check', file], ['outline', file], ['check', root]]) {
    it(`${args[0]} ${args[1] === root ? 'FOLDER' : 'FILE'}: exit 2 with a clear message, no stack trace`, () => {
      const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 30000 });
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/^toetssteen: cannot read .*groot\.md: document too large to analyse: 50\.\d MB, limit 5 MB\n$/);
      expect(r.stdout).toBe('');
    });
  }
});
