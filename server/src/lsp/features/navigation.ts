/** Hover, go to definition and find references: for item ids, written references, citations and scores. */
import { MarkupKind, type Location } from 'vscode-languageserver';
import { ticker, type ToetssteenServer } from '../server';
import { findItem, kindName, referencesToSteps, targetAt, type ItemInfo } from '../resolve';
import type { Span } from '../../core/types';
import { UI } from '../i18n';
import { citationHover, citationDefinition } from '../../core/claims/editor';
import { smartTargetAt, renderSmartCardMarkdown } from '../../core/smart';
import { buildTraceGraph } from '../../core/trace/graph';
import { URI } from 'vscode-uri';

function short(s: string, n = 400): string {
  return s.length > n ? s.slice(0, n - 1) + '…' : s;
}

export function itemCard(server: ToetssteenServer, item: ItemInfo): string {
  const loc = server.locale;
  const m = item.model;
  const file = item.uri.split('/').pop();
  const lines = [`**${kindName(item.kind, loc)} ${item.label ?? item.id}** \`${item.id}\` — ${file}`, '', short(item.text)];
  if (item.kind === 'conclusion') {
    const c = m.conclusions.find((x) => x.id === item.id)!;
    if (c.answers.length) lines.push('', `${UI.answers[loc]}: ${c.answers.join(', ')}`);
    const recs = server.project().documents.flatMap((d) => d.recommendations.filter((r) => r.follows.includes(c.id)).map((r) => r.id));
    if (recs.length) lines.push('', `${UI.followedBy[loc]}: ${recs.join(', ')}`);
  }
  if (item.kind === 'recommendation') {
    const r = m.recommendations.find((x) => x.id === item.id)!;
    if (r.follows.length) lines.push('', `${UI.follows[loc]}: ${r.follows.join(', ')}`);
  }
  if (item.kind === 'question') {
    const by = m.conclusions.filter((c) => c.answers.includes(item.id)).map((c) => c.id);
    lines.push('', by.length ? `${UI.answeredBy[loc]}: ${by.join(', ')}` : `⚠ ${UI.notAnswered[loc]}`);
  }
  if (item.kind === 'norm') {
    const project = server.project();
    const report = m.kind === 'report' ? m : project.reportFor(m);
    const as = (report ?? m).assessments.filter((a) => a.norm === item.id);
    lines.push('', as.length ? `${UI.assessedBy[loc]}: ${as.map((a) => `${a.id} (${UI.score[loc]} ${a.score ?? (a.scaleWithoutChoice ? UI.scaleNoChoice[loc] : UI.noScore[loc])})`).join(', ')}` : `⚠ ${UI.notAssessed[loc]}`);
  }
  // The chain around the item, with why each link is there and how strong an inferred one is.
  if (['question', 'norm', 'conclusion', 'recommendation', 'assessment'].includes(item.kind)) {
    const graph = buildTraceGraph(m, server.project());
    const edges = graph.edges.filter((e) => e.from === item.id || e.to === item.id);
    if (edges.length) {
      const label = (id: string): string => graph.nodes.find((n) => n.id === id)?.label ?? id;
      const via = { explicit: { nl: 'verwijzing', en: 'reference' }, numbering: { nl: 'nummering', en: 'numbering' }, similarity: { nl: 'gelijkenis', en: 'similarity' } } as const;
      lines.push('', loc === 'nl' ? '**Keten**' : '**Chain**');
      for (const e of edges.slice(0, 8)) {
        const other = e.from === item.id ? e.to : e.from;
        const strength = e.via === 'similarity' ? ` ${e.strength.toFixed(2).replace('.', loc === 'nl' ? ',' : '.')}` : '';
        lines.push(`- ${e.kind} ${e.from === item.id ? '→' : '←'} ${label(other)} (${via[e.via][loc]}${strength}): ${e.why[loc]}`);
      }
    }
  }
  if (item.kind === 'assessment') {
    const a = m.assessments.find((x) => x.id === item.id)!;
    lines.push('', `${UI.score[loc]}: ${a.score ?? (a.scaleWithoutChoice ? UI.scaleNoChoice[loc] : UI.noScore[loc])}${a.norm ? ` · ${UI.norm[loc]} ${a.norm}` : ''}`);
  }
  return lines.join('\n');
}

const SCORE_MEANING = {
  nl: { '++': 'ruim voldoende', '+': 'voldoende', '+-': 'deels voldoende', '-': 'onvoldoende', '--': 'ruim onvoldoende' },
  en: { '++': 'well met', '+': 'met', '+-': 'partly met', '-': 'not met', '--': 'far from met' },
} as const;

export function registerNavigation(server: ToetssteenServer): void {
  const c = server.connection;
  c.onHover(
    server.guard('hover', (p) => {
      const uri = p.textDocument.uri;
      if (!server.isToetssteenDocument(uri)) return null;
      const idx = server.lineIndex(uri);
      if (!idx) return null;
      const offset = idx.offsetAt(p.position);
      const t = targetAt(server, uri, offset);
      const model = server.model(uri)!;
      // The SMART card of a goal, recommendation or conclusion under the cursor.
      const smart = !t || (t.type === 'item' && ['goal', 'recommendation', 'conclusion'].includes(t.item.kind)) ? smartTargetAt(model, offset) : null;
      if (!t && smart) return { contents: { kind: MarkupKind.Markdown, value: renderSmartCardMarkdown(smart.card, server.locale) }, range: idx.range(smart.range) };
      if (!t) return null;
      const loc = server.locale;
      let value: string | null = null;
      if (t.type === 'reference') {
        const item = findItem(server, uri, t.ref.target);
        value = item ? itemCard(server, item) : loc === 'nl' ? `\`${t.ref.target}\` — niet gevonden in het project` : `\`${t.ref.target}\` — not found in the project`;
      } else if (t.type === 'item') value = itemCard(server, t.item) + (smart ? '\n\n---\n\n' + renderSmartCardMarkdown(smart.card, loc) : '');
      else if (t.type === 'citation') {
        const cit = t.citation;
        value = citationHover(cit, server.project(), server.model(uri) ?? undefined) ?? `**@${cit.key}**${cit.locator ? `, ${cit.locator}` : ''}`;
      } else if (t.type === 'score') {
        const a = t.assessment;
        const norm = a.norm ? findItem(server, uri, a.norm) : null;
        value = a.score
          ? `**${UI.score[loc]} ${a.score}** — ${SCORE_MEANING[loc][a.score]}${norm ? `\n\n${UI.norm[loc]} ${norm.label ?? norm.id}: ${norm.text}` : ''}`
          : `**${a.scaleWithoutChoice ? UI.scaleNoChoice[loc] : UI.noScore[loc]}**${norm ? `\n\n${UI.norm[loc]} ${norm.label ?? norm.id}: ${norm.text}` : ''}`;
      }
      return value ? { contents: { kind: MarkupKind.Markdown, value }, range: idx.range(t.range) } : null;
    }),
  );
  c.onDefinition(
    server.guard('definition', (p) => {
      const uri = p.textDocument.uri;
      const idx = server.lineIndex(uri);
      if (!idx || !server.isToetssteenDocument(uri)) return null;
      const t = targetAt(server, uri, idx.offsetAt(p.position));
      if (!t) return null;
      if (t.type === 'citation') {
        const targets = citationDefinition(t.citation, server.project(), server.model(uri) ?? undefined);
        return targets.map((d) => ({ uri: d.path.includes('://') ? d.path : URI.file(d.path).toString(), range: d.range })) satisfies Location[];
      }
      const id = t.type === 'reference' ? t.ref.target : t.type === 'score' ? t.assessment.norm : t.type === 'item' && t.item.kind === 'reaction' ? t.item.model.reactions.find((r) => r.id === t.item.id)?.target ?? null : null;
      if (!id) return null;
      const item = findItem(server, uri, id);
      if (!item) return null;
      const tidx = server.lineIndex(item.uri)!;
      return { uri: item.uri, range: tidx.range(item.headRange) } satisfies Location;
    }),
  );
  c.onReferences(
    server.guard('references', async (p, token) => {
      const tick = ticker(token); // across a large workspace: let a cancellation in
      const uri = p.textDocument.uri;
      const idx = server.lineIndex(uri);
      if (!idx || !server.isToetssteenDocument(uri)) return [];
      const t = targetAt(server, uri, idx.offsetAt(p.position));
      if (!t) return [];
      let item: ItemInfo | null = null;
      if (t.type === 'item') item = t.item;
      else if (t.type === 'reference') item = findItem(server, uri, t.ref.target);
      if (t.type === 'citation') {
        const out: Location[] = [];
        for (const m of server.project().documents) {
          await tick();
          if (!m.uri) continue;
          const i2 = server.lineIndex(m.uri)!;
          for (const cit of m.citations) if (cit.key === t.citation.key) out.push({ uri: m.uri, range: i2.range(cit.keyRange) });
        }
        return out;
      }
      if (!item) return [];
      const found: Array<{ uri: string; range: Span; via: string }> = [];
      for (const _ of referencesToSteps(server, item, found)) await tick();
      const out: Location[] = found.map((r) => ({ uri: r.uri, range: server.lineIndex(r.uri)!.range(r.range) }));
      if (p.context.includeDeclaration) out.unshift({ uri: item.uri, range: server.lineIndex(item.uri)!.range(item.headRange) });
      return out;
    }),
  );
}
