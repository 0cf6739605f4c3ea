/** Bad requests, unknown documents, stale and flooding edits, progress: the server answers or errors cleanly, and the next request works. */
import { describe, it, expect, afterAll, beforeAll } from 'vitest';
import type { Hover } from 'vscode-languageserver-protocol';
import { startWithReport, posOf, type Session } from './harness';

describe('robustness', () => {
  let s: Session;
  let report: { uri: string; text: string };
  beforeAll(async () => {
    ({ s, report } = await startWithReport());
  });
  afterAll(() => s.close());

  const hoverWorks = async (): Promise<void> => {
    const h = await s.request<Hover>('textDocument/hover', { textDocument: { uri: report.uri }, position: posOf(report.text, '### Conclusie 2', 6) });
    expect((h.contents as { value: string }).value).toMatch(/C2/);
  };

  it('reported the workspace scan as $/progress', async () => {
    for (let i = 0; i < 50 && !s.progress.some((p) => (p as { value: { kind: string } }).value.kind === 'end'); i++) await new Promise((r) => setTimeout(r, 100));
    const kinds = s.progress.map((p) => (p as { value: { kind: string } }).value.kind);
    expect(kinds[0]).toBe('begin');
    expect(kinds).toContain('end');
  });

  it('answers an unknown method with an error, then works', async () => {
    await expect(s.request('toetssteen/noSuchThing', {})).rejects.toThrow();
    await hoverWorks();
  });

  it('answers a malformed request with an error and logs it, then works', async () => {
    await expect(s.request('textDocument/hover', { position: { line: 0, character: 0 } })).rejects.toThrow(/Interne fout|Internal error|hover/);
    await hoverWorks();
  });

  it('returns nothing for unknown documents and out-of-range positions', async () => {
    expect(await s.request('textDocument/hover', { textDocument: { uri: 'file:///nope/x.md' }, position: { line: 0, character: 0 } })).toBeNull();
    expect(await s.request('textDocument/hover', { textDocument: { uri: report.uri }, position: { line: 99999, character: 99999 } })).toBeNull();
    expect(await s.request('textDocument/definition', { textDocument: { uri: report.uri }, position: { line: -5, character: -1 } })).toBeNull();
    await hoverWorks();
  });

  it('takes a flood of 1,000 changes and publishes for the last version only once it settles', async () => {
    const { uri, text } = await s.open('reactie.md');
    await s.waitDiagnostics(uri);
    const at = posOf(text, 'Hieronder');
    const sends: Promise<void>[] = [];
    for (let v = 2; v <= 1001; v++) sends.push(s.change(uri, v, [{ range: { start: at, end: at }, text: v % 2 ? 'a' : 'b' }]));
    await Promise.all(sends);
    const last = await s.waitDiagnostics(uri, (p) => p.version === 1001, 30000);
    expect(last.version).toBe(1001);
    const published = (s.diagnostics.get(uri) ?? []).map((p) => p.version!);
    // coalesced: far fewer analyses than changes
    expect(published.length).toBeLessThan(200);
    await hoverWorks();
  });
});
