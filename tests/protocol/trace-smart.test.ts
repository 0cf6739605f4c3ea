/** Traceability and SMART in the editor: the trace request, trace and SMART quick fixes, the SMART card on hover. */
import { describe, it, expect, afterAll, beforeAll } from 'vitest';
import type { CodeAction, Hover, TextDocumentEdit, Diagnostic } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { startSession, posOf, type Session } from './harness';

describe('traceability and SMART over stdio', () => {
  let s: Session;
  let report: { uri: string; text: string };
  let policy: { uri: string; text: string };
  beforeAll(async () => {
    s = await startSession({ locale: 'nl' });
    report = await s.open('rapport.md');
    policy = await s.open('beleidsnota.md');
    await s.waitDiagnostics(report.uri);
    await s.waitDiagnostics(policy.uri);
  });
  afterAll(() => s.close());

  it('answers the trace request with the graph of the report and its normenkader', async () => {
    await s.request('toetssteen/checkWorkspace', {});
    const r = await s.request<{ graph: { nodes: Array<{ id: string; kind: string; uri: string }>; edges: Array<{ from: string; to: string; kind: string }> } }>('toetssteen/trace', { uri: report.uri });
    const kinds = new Set(r.graph.nodes.map((n) => n.kind));
    expect([...kinds].sort()).toEqual(['assessment', 'conclusion', 'finding', 'norm', 'question', 'recommendation']);
    expect(r.graph.nodes.find((n) => n.id === 'N1.1')!.uri).toBe(s.uri('normenkader.md'));
    expect(r.graph.edges.some((e) => e.from === 'C1' && e.to === 'Q1' && e.kind === 'answers')).toBe(true);
  });

  it('offers a trace quick fix that links recommendation... or conclusion to its question', async () => {
    const p = await s.waitDiagnostics(report.uri);
    const d = p.diagnostics.find((x) => x.code === 'trace/unanswered-question') as Diagnostic;
    expect(d).toBeDefined();
    const actions = await s.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: report.uri }, range: d.range, context: { diagnostics: [d] } });
    const fix = actions.find((a) => a.edit && !a.title.startsWith('Negeer'));
    expect(fix).toBeDefined();
    const change = (fix!.edit!.documentChanges as TextDocumentEdit[])[0];
    const fixed = TextDocument.applyEdits(TextDocument.create(report.uri, 'markdown', 1, report.text), change.edits as never);
    expect(fixed).toMatch(/onderzoeksvraag 6/);
  });

  it('explains the chain in the hover of a conclusion, with how each link was made', async () => {
    const report2 = report;
    const h = await s.request<Hover>('textDocument/hover', { textDocument: { uri: report2.uri }, position: posOf(report2.text, '### Conclusie 1', 6) });
    const v = (h.contents as { value: string }).value;
    expect(v).toMatch(/\*\*Keten\*\*/);
    expect(v).toMatch(/answers → Q1 \(verwijzing\)/);
  });

  it('shows the SMART card when hovering a goal', async () => {
    const h = await s.request<Hover>('textDocument/hover', { textDocument: { uri: policy.uri }, position: posOf(policy.text, 'Wij zetten in op', 3) });
    const v = (h.contents as { value: string }).value;
    expect(v).toMatch(/S/);
    expect(v).toMatch(/Tijdgebonden|tijdgebonden/);
  });

  it('gives SMART quick fixes as plain edits to editors without snippet support', async () => {
    const p = await s.waitDiagnostics(policy.uri);
    const d = p.diagnostics.find((x) => x.code === 'smart/time-bound') as Diagnostic;
    expect(d).toBeDefined();
    const actions = await s.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: policy.uri }, range: d.range, context: { diagnostics: [d] } });
    const fix = actions.find((a) => a.edit && !a.title.startsWith('Negeer'))!;
    const change = (fix.edit!.documentChanges as TextDocumentEdit[])[0];
    const fixed = TextDocument.applyEdits(TextDocument.create(policy.uri, 'markdown', 1, policy.text), change.edits as never);
    expect(fixed).not.toMatch(/\$\{/);
    expect(fixed.length).toBeGreaterThan(policy.text.length);
  });
});
