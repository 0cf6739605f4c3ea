import { describe, it, expect, afterAll, beforeAll } from 'vitest';
import { startSession, codes, posOf, type Session } from './harness';

describe('diagnostics over stdio', () => {
  let s: Session;
  beforeAll(async () => {
    s = await startSession({ locale: 'nl' });
  });
  afterAll(() => s.close());

  it('publishes the report\'s diagnostics with the document version, in Dutch', async () => {
    const { uri } = await s.open('rapport.md');
    const p = await s.waitDiagnostics(uri);
    expect(p.version).toBe(1);
    expect(codes(p.diagnostics)).toContain('structure/broken-reference');
    const d = p.diagnostics.find((x) => x.code === 'structure/broken-reference')!;
    expect(d.message).toMatch(/^Verwijzing naar conclusie 9/);
    expect(d.source).toBe('toetssteen');
  });

  it('re-checks on an incremental change and never publishes for a stale version', async () => {
    const { uri, text } = await s.open('normenkader.md');
    await s.waitDiagnostics(uri);
    // Several quick edits: only versions that were current when published may appear, and the last one must.
    const at = posOf(text, '## Beleidsnormen');
    for (let v = 2; v <= 6; v++) await s.change(uri, v, [{ range: { start: at, end: at }, text: 'x' }]);
    const last = await s.waitDiagnostics(uri, (p) => p.version === 6);
    expect(last.version).toBe(6);
    const versions = (s.diagnostics.get(uri) ?? []).map((p) => p.version!);
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
  });

  it('an ordinary README in an ordinary folder gets nothing', async () => {
    const plain = await startSession({ folder: (await import('node:fs')).mkdtempSync((await import('node:path')).resolve((await import('node:os')).tmpdir(), 'plain-')), copy: false });
    try {
      const { uri } = await plain.open('README.md', '# My tool\n\nInstall it with npm. See section 9 and conclusion 4.\n');
      const p = await plain.waitDiagnostics(uri);
      expect(p.diagnostics).toEqual([]);
      const symbols = await plain.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } });
      expect(symbols).toEqual([]);
    } finally {
      await plain.close();
    }
  });
});

describe('two phases while typing', () => {
  it('carries the whole-document rules past an edit at once, and completes them when typing pauses', async () => {
    const s = await startSession({ locale: 'nl' });
    try {
      const { uri, text } = await s.open('rapport.md');
      const first = await s.waitDiagnostics(uri, (p) => p.version === 1);
      const claims = first.diagnostics.filter((d) => d.code === 'claim/unsupported');
      expect(claims.length).toBeGreaterThan(0);
      // Insert a line above everything: the carried claims move down one line in the first publish of version 2.
      const at = posOf(text, '# 1 Inleiding');
      await s.change(uri, 2, [{ range: { start: at, end: at }, text: 'Een nieuwe regel.\n\n' }]);
      const quick = await s.waitDiagnostics(uri, (p) => p.version === 2);
      const moved = quick.diagnostics.filter((d) => d.code === 'claim/unsupported');
      expect(moved.map((d) => d.range.start.line)).toEqual(claims.map((d) => d.range.start.line + 2));
      const complete = await s.waitDiagnostics(uri, (p) => p.version === 2 && p !== quick, 10000);
      expect(complete.diagnostics.filter((d) => d.code === 'claim/unsupported').map((d) => d.range.start.line)).toEqual(moved.map((d) => d.range.start.line));
    } finally {
      await s.close();
    }
  });
});
