/** Folding by section and item; quick fixes; the custom requests of the extension. */
import { FoldingRangeKind, CodeActionKind, TextDocumentEdit, type CodeAction, type FoldingRange } from 'vscode-languageserver';
import type { ToetssteenServer } from '../server';
import { toOutline } from '../../core/outline';
import { runRules } from '../../core/rules';
import { counts } from '../server';
import { UI } from '../i18n';
import { citationFixes } from '../../core/claims/editor';
import { URI } from 'vscode-uri';

export function registerMisc(server: ToetssteenServer): void {
  const c = server.connection;
  c.onFoldingRanges(
    server.guard('foldingRanges', (p) => {
      const uri = p.textDocument.uri;
      if (!server.isToetssteenDocument(uri)) return [];
      const m = server.model(uri);
      const idx = server.lineIndex(uri);
      if (!m || !idx) return [];
      const out: FoldingRange[] = [];
      const add = (start: number, end: number, kind?: string): void => {
        const s = idx.positionAt(start).line;
        let e = idx.positionAt(Math.max(start, end - 1)).line;
        while (e > s && m.text.slice(idx.lineStart(e), idx.lineEnd(e)).trim() === '') e--;
        if (e > s) out.push({ startLine: s, endLine: e, kind });
      };
      for (const s of m.sections) add(s.range.start, s.range.end, FoldingRangeKind.Region);
      for (const list of [m.conclusions, m.recommendations, m.questions, m.norms]) for (const it of list) add(it.range.start, it.range.end);
      for (const a of m.assessments) add(a.range.start, a.range.end);
      for (const r of m.reactions) add(r.range.start, r.range.end);
      return out;
    }),
  );

  c.onCodeAction(
    server.guard('codeAction', (p) => {
      const uri = p.textDocument.uri;
      const doc = server.documents.get(uri);
      const m = server.model(uri);
      const idx = server.lineIndex(uri);
      if (!doc || !m || !idx) return [];
      const out: CodeAction[] = [];
      for (const d of p.context.diagnostics) {
        if (d.source !== 'toetssteen' || typeof d.code !== 'string') continue;
        const data = (d.data ?? {}) as { code?: string; span?: { start: number; end: number } };
        const code = data.code ?? d.code;
        if (code === 'claim/unsupported' && data.span) {
          const fixes = citationFixes({ code, range: data.span, data: data as Record<string, unknown> }, m, server.project(), { lang: server.locale });
          for (const f of fixes) {
            const byUri = new Map<string, typeof f.edits>();
            for (const e of f.edits) {
              const u = e.uri.includes('://') ? e.uri : URI.file(e.uri).toString();
              byUri.set(u, [...(byUri.get(u) ?? []), e]);
            }
            out.push({
              title: f.title,
              kind: CodeActionKind.QuickFix,
              isPreferred: f.isPreferred,
              diagnostics: [d],
              edit: { documentChanges: [...byUri].map(([u, edits]) => TextDocumentEdit.create({ uri: u, version: server.documents.get(u)?.version ?? null }, edits.map((e) => ({ range: e.range, newText: e.newText })))) },
            });
          }
        }
        if (m.format === 'markdown') {
          const line = d.range.start.line;
          const end = idx.lineEnd(line);
          const pos = idx.positionAt(end);
          out.push({
            title: UI.disableLine[server.locale].replace('{code}', code),
            kind: CodeActionKind.QuickFix,
            diagnostics: [d],
            edit: { documentChanges: [TextDocumentEdit.create({ uri, version: doc.version }, [{ range: { start: pos, end: pos }, newText: ` <!-- toetssteen-disable-line ${code} -->` }])] },
          });
        }
      }
      return out;
    }),
  );

  c.onRequest(
    'toetssteen/outline',
    server.guard('outline', (p: { uri: string }) => {
      const m = server.model(p.uri);
      return m ? toOutline(m, server.lineIndex(p.uri)!) : null;
    }),
  );

  c.onRequest(
    'toetssteen/checkWorkspace',
    server.guard('checkWorkspace', async () => {
      await server.scanDone;
      const project = server.project();
      const totals: Record<string, number> = { error: 0, warning: 0, information: 0, hint: 0 };
      let files = 0;
      for (const m of project.documents) {
        if (!m.uri || !server.isToetssteenDocument(m.uri)) continue;
        files++;
        const diags = runRules(m, { project, severities: server.severities() });
        for (const d of diags) totals[d.severity]++;
        const idx = server.lineIndex(m.uri)!;
        const open = server.documents.get(m.uri);
        void c.sendDiagnostics({ uri: m.uri, version: open?.version, diagnostics: diags.map((d) => server.toLspDiagnostic(d, idx)) });
      }
      return { files, totals };
    }),
  );

  c.onRequest(
    'toetssteen/status',
    server.guard('status', (p: { uri: string }) => {
      const m = server.model(p.uri);
      if (!m || !server.isToetssteenDocument(p.uri)) return null;
      return { kind: m.kind, language: m.language, counts: counts(m), diagnostics: server.entries.get(p.uri)?.diagnostics.length ?? 0 };
    }),
  );
}
