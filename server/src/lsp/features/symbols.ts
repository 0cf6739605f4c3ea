/** Document symbols (the report's outline by role) and workspace symbols (items across files). */
import { SymbolKind, type DocumentSymbol, type SymbolInformation } from 'vscode-languageserver';
import { ticker, type ToetssteenServer } from '../server';
import { itemsOf, kindName, type ItemKind } from '../resolve';
import type { Span } from '../../core/types';

const GROUPS: Array<{ kind: ItemKind; nl: string; en: string; symbol: SymbolKind }> = [
  { kind: 'question', nl: 'Onderzoeksvragen', en: 'Research questions', symbol: SymbolKind.Interface },
  { kind: 'norm', nl: 'Normen', en: 'Norms', symbol: SymbolKind.Constant },
  { kind: 'assessment', nl: 'Toetsen', en: 'Assessments', symbol: SymbolKind.Boolean },
  { kind: 'finding', nl: 'Bevindingen', en: 'Findings', symbol: SymbolKind.Field },
  { kind: 'goal', nl: 'Doelen', en: 'Goals', symbol: SymbolKind.Event },
  { kind: 'conclusion', nl: 'Conclusies', en: 'Conclusions', symbol: SymbolKind.Class },
  { kind: 'recommendation', nl: 'Aanbevelingen', en: 'Recommendations', symbol: SymbolKind.Method },
  { kind: 'reaction', nl: 'Reacties', en: 'Reactions', symbol: SymbolKind.Object },
];

function short(s: string, n = 80): string {
  return s.length > n ? s.slice(0, n - 1) + '…' : s;
}

export function registerSymbols(server: ToetssteenServer): void {
  const c = server.connection;
  c.onDocumentSymbol(
    server.guard('documentSymbol', (p) => {
      if (!server.isToetssteenDocument(p.textDocument.uri)) return [];
      const m = server.model(p.textDocument.uri);
      const idx = server.lineIndex(p.textDocument.uri);
      if (!m || !idx) return [];
      const loc = server.locale;
      const items = itemsOf(p.textDocument.uri, m);
      const out: DocumentSymbol[] = [];
      const span = (list: Span[]): Span => ({ start: Math.min(...list.map((s) => s.start)), end: Math.max(...list.map((s) => s.end)) });
      for (const g of GROUPS) {
        const list = items.filter((i) => i.kind === g.kind);
        if (!list.length) continue;
        const all = span(list.map((i) => i.range));
        out.push({
          name: `${g[loc]} (${list.length})`,
          kind: SymbolKind.Namespace,
          range: idx.range(all),
          selectionRange: idx.range(list[0].headRange),
          children: list.map((i) => ({
            name: `${i.id} ${short(i.text)}`,
            detail: kindName(i.kind, loc),
            kind: g.symbol,
            range: idx.range(i.range),
            selectionRange: idx.range(i.headRange),
          })),
        });
      }
      // The headings, as a tree.
      const byParent = new Map<number | null, number[]>();
      m.sections.forEach((s, i) => byParent.set(s.parent, [...(byParent.get(s.parent) ?? []), i]));
      const build = (parent: number | null): DocumentSymbol[] =>
        (byParent.get(parent) ?? []).map((i) => {
          const s = m.sections[i];
          return {
            name: (s.numbering ? s.numbering + ' ' : '') + s.title || '—',
            detail: s.role,
            kind: SymbolKind.String,
            range: idx.range(s.range),
            selectionRange: idx.range(s.headingRange),
            children: build(i),
          };
        });
      const sections = build(null);
      if (sections.length) {
        out.push({ name: loc === 'nl' ? 'Hoofdstukken' : 'Chapters', kind: SymbolKind.Namespace, range: idx.range({ start: 0, end: m.text.length }), selectionRange: idx.range({ start: 0, end: 0 }), children: sections });
      }
      return out;
    }),
  );
  c.onWorkspaceSymbol(
    server.guard('workspaceSymbol', async (p, token) => {
      const q = p.query.toLowerCase();
      const out: SymbolInformation[] = [];
      const tick = ticker(token);
      for (const m of server.project().documents) {
        await tick(); // a large workspace: let a cancellation in
        if (!m.uri || !server.isToetssteenDocument(m.uri)) continue;
        const idx = server.lineIndex(m.uri);
        if (!idx) continue;
        for (const i of itemsOf(m.uri, m)) {
          if (i.kind === 'section' || i.kind === 'reaction') continue;
          if (q && !i.id.toLowerCase().includes(q) && !i.text.toLowerCase().includes(q)) continue;
          out.push({ name: `${i.id} ${short(i.text, 60)}`, kind: SymbolKind.Field, containerName: kindName(i.kind, server.locale), location: { uri: m.uri, range: idx.range(i.headRange) } });
          if (out.length >= 500) return out;
        }
      }
      return out;
    }),
  );
}
