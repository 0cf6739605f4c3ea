/** Completion, rename, code lenses, folding and quick fixes over stdio. */
import { describe, it, expect, afterAll, beforeAll } from 'vitest';
import type { CodeAction, CodeLens, CompletionItem, FoldingRange, WorkspaceEdit, TextDocumentEdit, Diagnostic } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { startSession, posOf, type Session } from './harness';

function applyEdits(text: string, edits: TextDocumentEdit['edits']): string {
  const doc = TextDocument.create('x', 'markdown', 1, text);
  return TextDocument.applyEdits(doc, edits as never);
}

describe('editing features', () => {
  let s: Session;
  let report: { uri: string; text: string };
  let reaction: { uri: string; text: string };
  beforeAll(async () => {
    s = await startSession({ locale: 'nl' });
    report = await s.open('rapport.md');
    reaction = await s.open('reactie.md');
    await s.waitDiagnostics(report.uri);
  });
  afterAll(() => s.close());

  it('completes citation keys after @', async () => {
    const text = report.text + '\nNieuwe zin [@';
    await s.change(report.uri, 2, [{ text }]);
    const lines = text.split('\n');
    const items = await s.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: report.uri }, position: { line: lines.length - 1, character: lines[lines.length - 1].length } });
    const cited = new Set([...report.text.matchAll(/@([\w-]+)/g)].map((m) => m[1]));
    expect(items.length).toBeGreaterThan(3);
    for (const it of items) expect(typeof it.label).toBe('string');
    expect(items.some((i) => cited.has(i.label))).toBe(true);
    await s.change(report.uri, 3, [{ text: report.text }]);
  });

  it('completes conclusion numbers after "zie conclusie "', async () => {
    const text = reaction.text + '\nZie conclusie ';
    await s.change(reaction.uri, 2, [{ text }]);
    const lines = text.split('\n');
    const items = await s.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: reaction.uri }, position: { line: lines.length - 1, character: lines[lines.length - 1].length } });
    expect(items.map((i) => i.label)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(items[0].detail).toMatch(/SMART/);
    await s.change(reaction.uri, 3, [{ text: reaction.text }]);
  });

  it('renames a conclusion across the workspace as one edit bound to the open versions', async () => {
    const edit = await s.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: report.uri }, position: posOf(report.text, '### Conclusie 3', 6), newName: 'C9' });
    const changes = edit.documentChanges as TextDocumentEdit[];
    const forReport = changes.find((c) => c.textDocument.uri === report.uri)!;
    expect(forReport.textDocument.version).toBe(3);
    const after = applyEdits(report.text, forReport.edits);
    expect(after).toMatch(/### Conclusie 9 \{#C9\}/);
    expect(after).toMatch(/zie conclusie 1 en conclusie 9\)/);
    const forReaction = changes.find((c) => c.textDocument.uri === reaction.uri)!;
    expect(applyEdits(reaction.text, forReaction.edits)).toMatch(/### Conclusie 9\n/);
  });

  it('refuses a rename to something that is no number', async () => {
    await expect(s.request('textDocument/rename', { textDocument: { uri: report.uri }, position: posOf(report.text, '### Conclusie 3', 6), newName: 'drie' })).rejects.toThrow(/nummer/);
  });

  it('puts code lenses on questions, norms, conclusions and recommendations', async () => {
    const lenses = await s.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: report.uri } });
    const at = (needle: string) => lenses.filter((l) => l.range.start.line === posOf(report.text, needle).line).map((l) => l.command!.title);
    expect(at('### Conclusie 1')).toEqual(['beantwoordt Q1 · rust op F3.1, A1 · aanbeveling R1', 'reactie (reactie.md): eens — “onderschrijft”']);
    expect(at('### Conclusie 7')).toEqual(['beantwoordt Q8 · rust op geen bevinding', '⚠ geen reactie']);
    expect(at('6. Hoe werkt')).toEqual(['door geen conclusie beantwoord']);
    expect(at('1. Het college legt')).toEqual(['volgt uit C1, C3', 'reactie (reactie.md): eens — “neemt deze aanbeveling over”']);
    const q1 = lenses.find((l) => l.range.start.line === posOf(report.text, '1. Welke doelen').line)!;
    expect(q1.command!.command).toBe('toetssteen.open');
    const lens = lenses.find((l) => l.command!.title.startsWith('reactie (reactie.md)'))!;
    expect(lens.command!.command).toBe('toetssteen.open');
    expect(lens.command!.arguments![0]).toBe(reaction.uri);
  });

  it('folds by section', async () => {
    const folds = await s.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri: report.uri } });
    const chapter5 = posOf(report.text, '# 5 Conclusies').line;
    const f = folds.find((x) => x.startLine === chapter5);
    expect(f).toBeDefined();
    expect(f!.endLine).toBeLessThan(posOf(report.text, '# 6 Aanbevelingen').line);
    expect(f!.endLine).toBeGreaterThan(posOf(report.text, '### Conclusie 8').line);
  });

  it('offers a quick fix that silences a diagnostic on its line, bound to the document version', async () => {
    const p = await s.waitDiagnostics(report.uri, (x) => x.version === 3);
    const d = p.diagnostics.find((x) => x.code === 'structure/broken-reference') as Diagnostic;
    const actions = await s.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: report.uri }, range: d.range, context: { diagnostics: [d] } });
    const fix = actions.find((a) => a.title === 'Negeer structure/broken-reference op deze regel')!;
    const change = (fix.edit!.documentChanges as TextDocumentEdit[])[0];
    expect(change.textDocument.version).toBe(3);
    const fixed = applyEdits(report.text, change.edits);
    expect(fixed.split('\n')[d.range.start.line]).toMatch(/<!-- toetssteen-disable-line structure\/broken-reference -->$/);
    await s.change(report.uri, 4, [{ text: fixed }]);
    const again = await s.waitDiagnostics(report.uri, (x) => x.version === 4);
    expect(again.diagnostics.map((x) => x.code)).not.toContain('structure/broken-reference');
  });
});
