/** Bibliography and source corpus in the editor: diagnostics on the .bib, completion, hover, definition, the "Bron invoegen" quick fix. */
import { describe, it, expect, afterAll, beforeAll } from 'vitest';
import type { CodeAction, CompletionItem, Hover, Location, TextDocumentEdit, Diagnostic } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { startSession, posOf, type Session } from './harness';

describe('sources over stdio', () => {
  let s: Session;
  let report: { uri: string; text: string };
  beforeAll(async () => {
    s = await startSession({ locale: 'nl' });
    report = await s.open('rapport.md');
    // wait until the source index is built and the report re-checked with it
    for (let i = 0; i < 100 && !s.progress.some((p) => ((p as { value: { kind: string; title?: string } }).value.title ?? '').includes('bronnen')); i++) await new Promise((r) => setTimeout(r, 100));
    await s.waitDiagnostics(s.uri('bronnen.bib'), (p) => p.diagnostics.length > 0, 30000);
  }, 60000);
  afterAll(() => s.close());

  it('reports the bibliography\'s duplicate key and unused entry on bronnen.bib', async () => {
    const p = await s.waitDiagnostics(s.uri('bronnen.bib'), (x) => x.diagnostics.length >= 2);
    expect(p.diagnostics.map((d) => d.code).sort()).toEqual(['citation/duplicate-key', 'citation/unused-entry']);
  });

  it('flags the unknown key and the unsupported amount in the report', async () => {
    const p = await s.waitDiagnostics(report.uri, (x) => x.diagnostics.some((d) => d.code === 'claim/unsupported'));
    const cs = p.diagnostics.map((d) => d.code);
    expect(cs).toContain('citation/unknown-key');
    expect(cs.filter((c) => c === 'claim/unsupported').length).toBeGreaterThanOrEqual(2);
  });

  it('completes keys from the bibliography by author and title', async () => {
    const text = report.text + '\nNieuw [@verhoef';
    await s.change(report.uri, 2, [{ text }]);
    const lines = text.split('\n');
    const items = await s.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: report.uri }, position: { line: lines.length - 1, character: lines[lines.length - 1].length } });
    expect(items.map((i) => i.label)).toContain('verhoef2022');
    await s.change(report.uri, 3, [{ text: report.text }]);
  });

  it('hovers a citation with its entry and goes to it in bronnen.bib', async () => {
    const at = posOf(report.text, '[@lindeveen2021nota', 3);
    const h = await s.request<Hover>('textDocument/hover', { textDocument: { uri: report.uri }, position: at });
    expect((h.contents as { value: string }).value).toMatch(/Schulden in Lindeveen/);
    const defs = await s.request<Location[]>('textDocument/definition', { textDocument: { uri: report.uri }, position: at });
    expect(defs[0].uri).toBe(s.uri('bronnen.bib'));
    expect(defs.some((d) => d.uri.endsWith('.pdf'))).toBe(true);
  });

  it('offers "Bron invoegen" with the right source first, and the edit cites it', async () => {
    const p = await s.waitDiagnostics(report.uri, (x) => x.version === 3 && x.diagnostics.some((d) => d.code === 'claim/unsupported'));
    const line = posOf(report.text, '41.250').line;
    const d = p.diagnostics.find((x) => x.code === 'claim/unsupported' && x.range.start.line <= line && x.range.end.line >= line) as Diagnostic;
    expect(d).toBeDefined();
    const actions = await s.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: report.uri }, range: d.range, context: { diagnostics: [d] } });
    const fixes = actions.filter((a) => a.title.startsWith('Bron invoegen'));
    expect(fixes.length).toBeGreaterThan(0);
    expect(fixes[0].isPreferred).toBe(true);
    const change = (fixes[0].edit!.documentChanges as TextDocumentEdit[]).find((c) => c.textDocument.uri === report.uri)!;
    expect(change.textDocument.version).toBe(3);
    const fixed = TextDocument.applyEdits(TextDocument.create(report.uri, 'markdown', 3, report.text), change.edits as never);
    const at = fixed.indexOf('41.250');
    expect(fixed.slice(at, at + 200)).toMatch(/^41\.250 in\s+2024 \[@[\w-]+, p\. \d+\]\./);
    expect(fixed.length).toBeGreaterThan(report.text.length);
  });
});
