/**
 * Bad requests over stdio: every request with malformed parameters, for an
 * unknown document and at impossible positions; edits with stale versions,
 * for unknown documents and out of range; malformed JSON on the wire. The
 * server answers or errors cleanly every time, and the next request works.
 * And nothing is lost: every code action and rename edit carries the version
 * of the open document it was computed for, and a quick fix asked for with
 * a diagnostic of an older version is refused, not misapplied.
 */
import { describe, it, expect, afterAll, beforeAll } from 'vitest';
import type { CodeAction, Command, Diagnostic, Hover, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { startSession, startWithReport, posOf, type Session } from './harness';

const METHODS_AT_POSITION = ['textDocument/hover', 'textDocument/definition', 'textDocument/references', 'textDocument/completion', 'textDocument/prepareRename', 'textDocument/rename'];
const METHODS_ON_DOCUMENT = ['textDocument/documentSymbol', 'textDocument/codeLens', 'textDocument/foldingRange', 'textDocument/codeAction', 'toetssteen/outline', 'toetssteen/trace', 'toetssteen/status', 'toetssteen/quoteDiff'];
const ALL = [...METHODS_AT_POSITION, ...METHODS_ON_DOCUMENT, 'workspace/symbol', 'toetssteen/checkWorkspace'];

/** The answer, or the error, within a time limit: never a hang. */
async function answer(s: Session, method: string, params: unknown, ms = 10000): Promise<{ ok: boolean; value: unknown }> {
  return Promise.race([
    s.request(method, params).then(
      (value) => ({ ok: true, value }),
      (e: unknown) => ({ ok: false, value: e }),
    ),
    new Promise<never>((_, rej) => setTimeout(() => rej(new Error(`${method}: no answer within ${ms} ms`)), ms)),
  ]);
}

describe('bad requests', () => {
  let s: Session;
  let report: { uri: string; text: string };
  beforeAll(async () => {
    ({ s, report } = await startWithReport());
  }, 30000);
  afterAll(() => s.close());

  const hoverWorks = async (): Promise<void> => {
    const h = await s.request<Hover>('textDocument/hover', { textDocument: { uri: report.uri }, position: posOf(report.text, '### Conclusie 2', 6) });
    expect((h.contents as { value: string }).value).toMatch(/C2/);
  };

  it('answers every request with malformed parameters, or errors cleanly, and goes on', async () => {
    const bad: unknown[] = [null, {}, [], 42, 'x', { textDocument: null }, { textDocument: { uri: 42 }, position: 'here' }, { textDocument: { uri: report.uri }, position: { line: 'a', character: {} } }, { textDocument: { uri: report.uri }, range: null, context: { diagnostics: 'none' } }, { query: 7 }, { uri: { x: 1 }, reactionId: [] }];
    for (const method of ALL) {
      for (const params of bad) {
        const r = await answer(s, method, params);
        if (!r.ok) expect(String((r.value as Error).message ?? r.value)).not.toMatch(/no answer/);
      }
    }
    expect(s.proc.exitCode).toBeNull();
    await hoverWorks();
  }, 60000);

  it('returns nothing for an unknown document, from every request', async () => {
    const uri = 'file:///nope/nergens.md';
    for (const method of METHODS_AT_POSITION) {
      const r = await answer(s, method, { textDocument: { uri }, position: { line: 0, character: 0 }, newName: 'C9', context: { includeDeclaration: true } });
      expect(r.ok ? r.value ?? [] : []).toSatisfy((v: unknown) => v === null || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && v !== null && Object.keys(v).length === 0));
    }
    for (const method of METHODS_ON_DOCUMENT) {
      const r = await answer(s, method, { textDocument: { uri }, uri, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] }, reactionId: 'x' });
      expect(r.ok).toBe(true);
      expect(r.value === null || (Array.isArray(r.value) && r.value.length === 0)).toBe(true);
    }
    await hoverWorks();
  });

  it('answers impossible positions without an error', async () => {
    const positions = [{ line: 999999, character: 0 }, { line: 0, character: 999999 }, { line: -1, character: -1 }, { line: 2 ** 31, character: 2 ** 31 }, { line: 0.5, character: 1.5 }];
    for (const method of METHODS_AT_POSITION) {
      for (const position of positions) {
        const r = await answer(s, method, { textDocument: { uri: report.uri }, position, newName: 'C9', context: { includeDeclaration: true } });
        // rename and prepareRename may refuse ("nothing to rename here"); nothing else errors
        if (!r.ok) expect(method).toMatch(/rename/i);
      }
    }
    const r = await answer(s, 'textDocument/codeAction', { textDocument: { uri: report.uri }, range: { start: { line: 99999, character: 0 }, end: { line: -5, character: 99999 } }, context: { diagnostics: [{ range: { start: { line: 99999, character: 0 }, end: { line: 99999, character: 5 } }, message: 'x', source: 'toetssteen', code: 'claim/unsupported', data: { code: 'claim/unsupported', span: { start: 10 ** 9, end: -3 } } }] } });
    expect(r.ok).toBe(true);
    await hoverWorks();
  });

  it('takes edits with stale versions, for unknown documents and out of range, and goes on', async () => {
    const text = 'Het college gaf € 1.000 uit.\n';
    const { uri } = await s.open('kladje.md', text);
    await s.change(uri, 5, [{ text: text + 'Regel vijf.\n' }]);
    // a version lower than the current one
    await s.change(uri, 3, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'Oud: ' }]);
    // an edit far outside the document, and one with a reversed range
    await s.change(uri, 6, [{ range: { start: { line: 500, character: 3 }, end: { line: 900, character: 0 } }, text: 'Ver weg.' }]);
    await s.change(uri, 7, [{ range: { start: { line: 1, character: 4 }, end: { line: 0, character: 2 } }, text: '' }]);
    // changes, a close and a save for documents that are not open; a second open
    await s.change('file:///nope/niet-open.md', 2, [{ text: 'x' }]);
    await s.conn.sendNotification('textDocument/didClose', { textDocument: { uri: 'file:///nope/niet-open.md' } });
    await s.conn.sendNotification('textDocument/didSave', { textDocument: { uri: 'file:///nope/niet-open.md' } });
    await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 8, text: 'Opnieuw geopend.\n' } });
    await s.conn.sendNotification('toetssteen/noSuchNotification', { x: 1 });
    await s.conn.sendNotification('$/cancelRequest', { id: 123456 });
    // the next full edit is what the server holds
    await s.change(uri, 9, [{ text: '# Bevindingen\n\nDe gemeente gaf € 2.000 uit.\n' }]);
    const last = await s.waitDiagnostics(uri, (p) => p.version === 9);
    expect(last.version).toBe(9);
    const outline = await s.request<{ sections: Array<{ title: string }> }>('toetssteen/outline', { uri });
    expect(outline.sections.map((x) => x.title)).toEqual(['Bevindingen']);
    expect(s.proc.exitCode).toBeNull();
    await hoverWorks();
  });

  it('survives malformed JSON on the wire and answers the next request', async () => {
    const body = '{"jsonrpc":"2.0","id":77,"method":"textDocument/hover","params":{';
    s.proc.stdin!.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    const junk = '{"jsonrpc":"2.0","id":78,"method":42}';
    s.proc.stdin!.write(`Content-Length: ${Buffer.byteLength(junk)}\r\n\r\n${junk}`);
    await new Promise((r) => setTimeout(r, 200));
    expect(s.proc.exitCode).toBeNull();
    await hoverWorks();
  });
});

describe('nothing is lost: edits are bound to the version they were computed for', () => {
  let s: Session;
  beforeAll(async () => {
    s = await startSession();
  }, 30000);
  afterAll(() => s.close());

  it('every code action and rename edit carries the open document’s version; a stale quick fix is refused', async () => {
    const { uri, text } = await s.open('rapport.md');
    const reaction = await s.open('reactie.md');
    await s.change(uri, 4, [{ text }]);
    await s.change(reaction.uri, 7, [{ text: reaction.text }]);
    const p = await s.waitDiagnostics(uri, (x) => x.version === 4 && x.diagnostics.some((d) => d.code === 'claim/unsupported'), 30000);
    expect(p.diagnostics.length).toBeGreaterThan(3);
    const versionOf = (u: string): number | null => (u === uri ? 4 : u === reaction.uri ? 7 : null);
    let edits = 0;
    const seen = new Set<string>();
    for (const d of p.diagnostics) {
      expect((d.data as { version?: number }).version).toBe(4);
      const actions = await s.request<Array<CodeAction | Command>>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
      for (const a of actions) {
        seen.add(String(d.code));
        const edit = (a as CodeAction).edit;
        const cmd = (a as CodeAction).command ?? (typeof (a as Command).command === 'string' ? (a as Command) : undefined);
        if (edit) {
          expect(edit.changes).toBeUndefined(); // unversioned edits are not used
          for (const dc of edit.documentChanges as TextDocumentEdit[]) {
            expect(dc.textDocument.version).toBe(versionOf(dc.textDocument.uri));
            edits++;
          }
        }
        if (cmd?.command === 'toetssteen.insertSnippet') expect(cmd.arguments?.[1]).toBe(4);
      }
    }
    expect(edits).toBeGreaterThan(3);
    expect([...seen]).toEqual(expect.arrayContaining(['claim/unsupported']));

    // Rename: an item (C2, referred to from the reaction) and a citation key.
    for (const at of [posOf(text, '### Conclusie 2', 15), posOf(text, '[@lindeveen2021nota', 3)]) {
      const we = await s.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position: at, newName: at.line === posOf(text, '### Conclusie 2').line ? 'C7' : 'lindeveen2021' });
      const changes = we.documentChanges as TextDocumentEdit[];
      expect(we.changes).toBeUndefined();
      expect(changes.length).toBeGreaterThan(0);
      for (const dc of changes) expect(dc.textDocument.version).toBe(versionOf(dc.textDocument.uri));
      // The key changes in the bibliography as well (a file on disk: no version).
      if (at.line !== posOf(text, '### Conclusie 2').line) {
        const bib = changes.find((c) => c.textDocument.uri.endsWith('/bronnen.bib'));
        expect(bib?.edits.map((e) => (e as TextEdit).newText)).toEqual(['lindeveen2021']);
      }
    }

    // The document changes (a line above everything); the editor still shows version 4's diagnostics.
    await s.change(uri, 5, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'Nieuwe eerste regel.\n' }]);
    const stale = p.diagnostics.filter((d) => d.code === 'claim/unsupported' || String(d.code).startsWith('smart/') || String(d.code).startsWith('trace/'));
    expect(stale.length).toBeGreaterThan(0);
    const actions = await s.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: stale[0].range, context: { diagnostics: stale } });
    expect(actions).toEqual([]);
    // With the new version's diagnostics the fixes are there again, bound to version 5, and apply cleanly.
    const fresh = await s.waitDiagnostics(uri, (x) => x.version === 5 && x.diagnostics.some((d) => d.code === 'claim/unsupported'), 30000);
    const d5 = fresh.diagnostics.find((d) => d.code === 'claim/unsupported') as Diagnostic;
    const again = await s.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d5.range, context: { diagnostics: [d5] } });
    const fix = again.find((a) => a.edit)!;
    const change = (fix.edit!.documentChanges as TextDocumentEdit[]).find((c) => c.textDocument.uri === uri)!;
    expect(change.textDocument.version).toBe(5);
    const v5 = 'Nieuwe eerste regel.\n' + text;
    const applied = TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 5, v5), change.edits as TextEdit[]);
    expect(applied.startsWith('Nieuwe eerste regel.\n')).toBe(true);
    expect(applied.length).toBeGreaterThan(v5.length);
  }, 60000);
});
