/** Folding by section and item; quick fixes; the custom requests of the extension. */
import { FoldingRangeKind, CodeActionKind, TextDocumentEdit, type CancellationToken, type CodeAction, type FoldingRange } from 'vscode-languageserver';
import type { ToetssteenServer } from '../server';
import { toOutline } from '../../core/outline';
import { runRules } from '../../core/rules';
import { counts, ticker } from '../server';
import { UI } from '../i18n';
import { citationFixes } from '../../core/claims/editor';
import { traceFixes } from '../../core/trace/fixes';
import { smartFixes } from '../../core/smart/fixes';
import { buildTraceGraph } from '../../core/trace/graph';
import { viewOf, reactionSources, quoteDiff } from '../../core/wederhoor';
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
        const data = (d.data ?? {}) as { code?: string; span?: { start: number; end: number }; version?: number };
        // Computed for another version of the document: its place is no longer known. Refused, not misapplied.
        if (typeof data.version === 'number' && data.version !== doc.version) continue;
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
        if (code.startsWith('trace/') && data.span) {
          for (const f of traceFixes({ code, range: data.span, data: data as Record<string, unknown> }, m, server.project())) {
            const byUri = new Map<string, Array<{ range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }>>();
            for (const e of f.edits) {
              const u = e.uri ?? uri;
              const li = server.lineIndex(u);
              if (!li) continue;
              byUri.set(u, [...(byUri.get(u) ?? []), { range: li.range(e.range), newText: e.newText }]);
            }
            out.push({ title: f.title[server.locale], kind: CodeActionKind.QuickFix, isPreferred: f.isPreferred, diagnostics: [d], edit: { documentChanges: [...byUri].map(([u, edits]) => TextDocumentEdit.create({ uri: u, version: server.documents.get(u)?.version ?? null }, edits)) } });
          }
        }
        if (code.startsWith('smart/') && data.span) {
          for (const f of smartFixes({ code, range: data.span, data: data as Record<string, unknown> }, m)) {
            const range = idx.range(f.range);
            if (server.snippets) {
              out.push({ title: f.title[server.locale], kind: CodeActionKind.QuickFix, diagnostics: [d], command: { title: f.title[server.locale], command: 'toetssteen.insertSnippet', arguments: [uri, doc.version, range, f.snippet] } });
            } else {
              out.push({ title: f.title[server.locale], kind: CodeActionKind.QuickFix, diagnostics: [d], edit: { documentChanges: [TextDocumentEdit.create({ uri, version: doc.version }, [{ range, newText: snippetToText(f.snippet) }])] } });
            }
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
    'toetssteen/trace',
    server.guard('trace', (p: { uri: string }) => {
      const m = server.model(p.uri);
      if (!m) return null;
      const graph = buildTraceGraph(m, server.project());
      return { graph, texts: Object.fromEntries([...new Set(graph.nodes.map((n) => n.uri).filter((u): u is string => !!u))].map((u) => [u, server.entries.get(u)?.text ?? ''])) };
    }),
  );

  c.onRequest(
    'toetssteen/quoteDiff',
    server.guard('quoteDiff', (p: { uri: string; reactionId: string }) => {
      const m = server.model(p.uri);
      if (!m) return null;
      const project = server.project();
      const report = m.kind === 'report' ? m : project.reportFor(m);
      if (!report) return null;
      const entry = viewOf(report, reactionSources(report, project)).entries.find((e) => e.reaction.id === p.reactionId && e.doc.uri === p.uri);
      if (!entry || !entry.target) return null;
      const d = quoteDiff(entry.reaction, entry.target, { reaction: entry.doc, report });
      const withQuestion = (q: string | null | undefined, t: string): string => (q ? `${q}\n\n${t}` : t);
      return {
        item: entry.target.id,
        reportUri: report.uri,
        reportText: withQuestion(d.question?.reportText, d.reportText).replace(/([.?!]) (?=\p{Lu})/gu, '$1\n'),
        quote: withQuestion(d.question?.quote, d.quote).replace(/([.?!]) (?=\p{Lu})/gu, '$1\n'),
        changes: d.changes.length,
      };
    }),
  );

  c.onRequest(
    'toetssteen/checkWorkspace',
    server.guard('checkWorkspace', async (_p: unknown, token: CancellationToken) => {
      // Waits for the workspace scan, unless cancelled first.
      await new Promise<void>((done) => {
        const sub = token.onCancellationRequested(() => done());
        void server.scanDone.then(() => {
          sub.dispose();
          done();
        });
      });
      const tick = ticker(token);
      await tick();
      const project = server.project();
      const totals: Record<string, number> = { error: 0, warning: 0, information: 0, hint: 0 };
      let files = 0;
      for (const m of project.documents) {
        await tick();
        if (!m.uri || !server.isToetssteenDocument(m.uri)) continue;
        files++;
        const diags = runRules(m, { project, severities: server.severities() });
        for (const d of diags) totals[d.severity]++;
        const idx = server.lineIndex(m.uri)!;
        const open = server.documents.get(m.uri);
        void c.sendDiagnostics({ uri: m.uri, version: open?.version, diagnostics: diags.map((d) => server.toLspDiagnostic(d, idx, open?.version)) });
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

/** A snippet as plain text, for editors without snippet edits: placeholders keep their default text. */
export function snippetToText(snippet: string): string {
  let out = snippet;
  for (let i = 0; i < 5; i++) out = out.replace(/\$\{\d+:((?:[^{}\\]|\\.)*)\}/g, '$1');
  return out.replace(/\$\{?\d+\}?/g, '').replace(/\\([\\$}])/g, '$1');
}
