/** Completion: citation keys after `@`, item numbers after "conclusie ", ids after `#`. */
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver';
import type { ToetssteenServer } from '../server';
import { itemsOf, searchOrder, type ItemKind } from '../resolve';
import { citationCompletions } from '../../core/claims/editor';

const WORD_KIND: Record<string, ItemKind> = {
  conclusie: 'conclusion', conclusies: 'conclusion', conclusion: 'conclusion', conclusions: 'conclusion',
  aanbeveling: 'recommendation', aanbevelingen: 'recommendation', recommendation: 'recommendation', recommendations: 'recommendation',
  onderzoeksvraag: 'question', deelvraag: 'question', vraag: 'question', question: 'question',
  norm: 'norm', normen: 'norm', criterion: 'norm',
  paragraaf: 'section', hoofdstuk: 'section', section: 'section', chapter: 'section',
  bevinding: 'finding', finding: 'finding',
};

function short(s: string, n = 70): string {
  return s.length > n ? s.slice(0, n - 1) + '…' : s;
}

export interface CitationSource {
  key: string;
  title?: string;
  author?: string;
  year?: string;
}

/** Citation keys the project knows: its bibliography when loaded, else the keys already cited. */
export function knownCitationKeys(server: ToetssteenServer): CitationSource[] {
  const project = server.project() as unknown as { bibliography?: { entries?: Array<{ key: string; title?: string; authors?: string[] | string; author?: string; year?: string | number }> } };
  const entries = project.bibliography?.entries;
  if (entries && entries.length) {
    return entries.map((e) => ({ key: e.key, title: e.title, author: Array.isArray(e.authors) ? e.authors.join('; ') : (e.authors as string | undefined) ?? e.author, year: e.year !== undefined ? String(e.year) : undefined }));
  }
  const seen = new Map<string, CitationSource>();
  for (const m of server.project().documents) for (const c of m.citations) if (!seen.has(c.key)) seen.set(c.key, { key: c.key });
  return [...seen.values()];
}

export function registerCompletion(server: ToetssteenServer): void {
  server.connection.onCompletion(
    server.guard('completion', (p) => {
      const uri = p.textDocument.uri;
      const idx = server.lineIndex(uri);
      const entry = server.entries.get(uri);
      if (!idx || !entry || !server.isToetssteenDocument(uri)) return [];
      const offset = idx.offsetAt(p.position);
      const lineStart = idx.lineStart(p.position.line);
      const before = entry.text.slice(lineStart, offset);
      const out: CompletionItem[] = [];

      const cite = /(?:^|[\s[;(])-?@([\p{L}\p{N}_:.#$%&+?<>~/-]*)$/u.exec(before);
      if (cite) {
        const model = server.model(uri) ?? undefined;
        const fromBib = citationCompletions(cite[1], server.project(), model);
        if (fromBib.length) {
          return fromBib.map((c) => ({
            label: c.key,
            kind: CompletionItemKind.Reference,
            detail: c.detail,
            documentation: { kind: 'markdown', value: c.documentation },
            sortText: c.sortText,
            filterText: `${c.key} ${c.detail} ${c.documentation}`,
            textEdit: { range: { start: { line: p.position.line, character: p.position.character - cite[1].length }, end: p.position }, newText: c.key },
          }));
        }
        const q = cite[1].toLowerCase();
        for (const s of knownCitationKeys(server)) {
          const hay = `${s.key} ${s.author ?? ''} ${s.title ?? ''} ${s.year ?? ''}`.toLowerCase();
          if (q && !hay.includes(q)) continue;
          out.push({
            label: s.key,
            kind: CompletionItemKind.Reference,
            detail: [s.author, s.year].filter(Boolean).join(', ') || undefined,
            documentation: s.title,
            filterText: hay,
            textEdit: { range: { start: { line: p.position.line, character: p.position.character - cite[1].length }, end: p.position }, newText: s.key },
          });
        }
        return out;
      }

      const anchor = /(?:\]\(#|\{#)([\p{L}\p{N}_.:-]*)$/u.exec(before);
      if (anchor) {
        for (const { uri: u, model } of searchOrder(server, uri).slice(0, 1)) {
          for (const i of itemsOf(u, model)) {
            if (i.kind === 'reaction') continue;
            out.push({ label: i.id, kind: CompletionItemKind.Reference, detail: short(i.text), textEdit: { range: { start: { line: p.position.line, character: p.position.character - anchor[1].length }, end: p.position }, newText: i.id } });
          }
        }
        return out;
      }

      const phrase = /(?<!\p{L})([\p{L}]+)\s+(\d*(?:\.\d*)*)$/u.exec(before);
      const kind = phrase ? WORD_KIND[phrase[1].toLowerCase()] : undefined;
      if (phrase && kind) {
        const seen = new Set<string>();
        for (const { uri: u, model } of searchOrder(server, uri)) {
          for (const i of itemsOf(u, model)) {
            if (i.kind !== kind) continue;
            const label = i.kind === 'section' ? i.label : i.id.replace(/^[A-Z]/, '');
            if (!label || seen.has(label) || !label.startsWith(phrase[2])) continue;
            seen.add(label);
            out.push({
              label,
              kind: CompletionItemKind.Value,
              detail: short(i.text),
              documentation: `${i.id} — ${u.split('/').pop()}`,
              sortText: label.split('.').map((x) => x.padStart(4, '0')).join('.'),
              textEdit: { range: { start: { line: p.position.line, character: p.position.character - phrase[2].length }, end: p.position }, newText: label },
            });
          }
          if (out.length) break;
        }
      }
      return out;
    }),
  );
}
