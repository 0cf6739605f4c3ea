/**
 * Code lenses on questions, norms, conclusions and recommendations: what an
 * item answers, what rests under it, what follows from it, how the reaction
 * reads it. Each area adds its facts through `LENS_FACTS` (see lensFacts.ts).
 */
import type { CodeLens } from 'vscode-languageserver';
import type { ToetssteenServer } from '../server';
import { itemsOf } from '../resolve';
import { lensFacts } from './lensFacts';
import { traceLens } from '../../core/trace/lens';
import { findItem } from '../resolve';

export function registerLenses(server: ToetssteenServer): void {
  server.connection.onCodeLens(
    server.guard('codeLens', (p) => {
      const uri = p.textDocument.uri;
      if (!server.isToetssteenDocument(uri)) return [];
      const m = server.model(uri);
      const idx = server.lineIndex(uri);
      if (!m || !idx) return [];
      const out: CodeLens[] = [];
      // The chain (what answers, rests under, follows), from the traceability graph.
      for (const l of traceLens(m, server.project())) {
        const target = l.targets.map((id) => findItem(server, uri, id)).find((x) => !!x);
        const range = idx.range({ start: l.range.start, end: l.range.start });
        out.push({ range, command: { title: l.title[server.locale], command: target ? 'toetssteen.open' : '', arguments: target ? [target.uri, server.lineIndex(target.uri)!.range(target.headRange)] : [] } });
      }
      const facts = lensFacts(server, uri, m);
      for (const item of itemsOf(uri, m)) {
        if (!['question', 'norm', 'conclusion', 'recommendation'].includes(item.kind)) continue;
        const list = facts.get(item.id) ?? [];
        if (!list.length) continue;
        const range = idx.range({ start: item.headRange.start, end: item.headRange.start });
        for (const f of list) {
          out.push({ range, command: { title: f.title[server.locale], command: f.target ? 'toetssteen.open' : '', arguments: f.target ? [f.target.uri, idx && server.lineIndex(f.target.uri)!.range(f.target.range)] : [] } });
        }
      }
      // In a reaction: compare each quote with the report, side by side.
      for (const r of m.reactions) {
        if (!r.quote || !r.target) continue;
        out.push({ range: idx.range({ start: r.range.start, end: r.range.start }), command: { title: server.locale === 'nl' ? 'Vergelijk citaat met rapport' : 'Compare quote with the report', command: 'toetssteen.quoteDiff', arguments: [uri, r.id] } });
      }
      return out;
    }),
  );
}
