/**
 * Rename an item id or a citation key across the workspace, as one
 * WorkspaceEdit bound to the versions of the open documents.
 *
 * Renaming conclusion C3 to 4 (or "C4") rewrites its own label ("### Conclusie 3",
 * "3." in a list, `{#C3}`), every written reference that resolves to it
 * ("zie conclusie 3", `[conclusie 3](#C3)`, "C3") and the reactions' headings
 * that name it. Renaming a citation key rewrites every `@key` and the entry's
 * key in the bibliography files the project names.
 */
import { ResponseError, ErrorCodes, type TextEdit, type WorkspaceEdit, TextDocumentEdit } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import type { ToetssteenServer } from '../server';
import { findItem, referencesTo, targetAt, type ItemInfo } from '../resolve';
import type { Span } from '../../core/types';
import { LineIndex } from '../../core/text';

const PREFIX: Record<string, string> = { conclusion: 'C', recommendation: 'R', question: 'Q', norm: 'N', goal: 'G', finding: 'F' };

/** Ranges of an entry key in a bibliography text (BibTeX, CSL-JSON, CSL-YAML). */
export function bibKeyRanges(text: string, key: string): Span[] {
  const esc = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const out: Span[] = [];
  const res = [new RegExp(`(@\\w+\\s*[{(]\\s*)(${esc})(\\s*,)`, 'g'), new RegExp(`("id"\\s*:\\s*")(${esc})(")`, 'g'), new RegExp(`(^[ \\t]*(?:-[ \\t]*)?id[ \\t]*:[ \\t]*["']?)(${esc})(["']?[ \\t]*$)`, 'gm')];
  for (const re of res) {
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) out.push({ start: m.index + m[1].length, end: m.index + m[1].length + m[2].length });
  }
  return out;
}

export function registerRename(server: ToetssteenServer): void {
  const c = server.connection;
  c.onPrepareRename(
    server.guard('prepareRename', (p) => {
      const uri = p.textDocument.uri;
      const idx = server.lineIndex(uri);
      if (!idx || !server.isToetssteenDocument(uri)) return null;
      const t = targetAt(server, uri, idx.offsetAt(p.position));
      if (!t) return null;
      if (t.type === 'citation') return { range: idx.range(t.citation.keyRange), placeholder: t.citation.key };
      const item = t.type === 'reference' ? findItem(server, uri, t.ref.target) : t.type === 'item' ? t.item : null;
      if (!item || !PREFIX[item.kind]) throw new ResponseError(ErrorCodes.InvalidRequest, server.locale === 'nl' ? 'Hier staat niets om te hernoemen.' : 'Nothing to rename here.');
      return { range: idx.range(t.range), placeholder: item.id };
    }),
  );
  c.onRenameRequest(
    server.guard('rename', (p) => {
      const uri = p.textDocument.uri;
      const idx = server.lineIndex(uri);
      if (!idx) return null;
      const t = targetAt(server, uri, idx.offsetAt(p.position));
      if (!t) return null;
      const edits = new Map<string, TextEdit[]>();
      const add = (u: string, span: Span, newText: string, text?: string): void => {
        const li = text !== undefined ? new LineIndex(text) : server.lineIndex(u)!;
        const list = edits.get(u) ?? [];
        if (!list.some((e) => JSON.stringify(e.range) === JSON.stringify(li.range(span)))) list.push({ range: li.range(span), newText });
        edits.set(u, list);
      };
      if (t.type === 'citation') {
        const oldKey = t.citation.key;
        const newKey = p.newName.replace(/^@/, '');
        if (!/^[\p{L}\p{N}_][\p{L}\p{N}_:.#$%&+?<>~/-]*$/u.test(newKey)) throw new ResponseError(ErrorCodes.InvalidParams, `'${p.newName}' is no valid citation key`);
        // The bibliographies the documents cite through, as the project read them (inside the workspace only).
        const bibliography = server.project().bibliography;
        const bibFiles = new Map<string, string>();
        for (const m of server.project().documents) {
          if (!m.uri) continue;
          for (const cit of m.citations) if (cit.key === oldKey) add(m.uri, cit.keyRange, newKey);
          for (const f of bibliography?.filesFor(m) ?? []) if (f.text !== null) bibFiles.set(f.path, f.text);
        }
        for (const [file, read] of bibFiles) {
          const bu = URI.file(file).toString();
          const text = server.documents.get(bu)?.getText() ?? read;
          for (const r of bibKeyRanges(text, oldKey)) add(bu, r, newKey, text);
        }
      } else {
        const item: ItemInfo | null = t.type === 'reference' ? findItem(server, uri, t.ref.target) : t.type === 'item' ? t.item : null;
        if (!item || !PREFIX[item.kind]) return null;
        const prefix = PREFIX[item.kind];
        const raw = p.newName.trim();
        const newLabel = raw.startsWith(prefix) ? raw.slice(prefix.length) : raw;
        if (!/^\d+(?:\.\d+)*$/.test(newLabel)) throw new ResponseError(ErrorCodes.InvalidParams, server.locale === 'nl' ? `Een nieuwe naam voor ${item.id} is een nummer, zoals ${prefix}4 of 4.` : `A new name for ${item.id} is a number, like ${prefix}4 or 4.`);
        const oldLabel = item.id.startsWith(prefix) ? item.id.slice(prefix.length) : item.label ?? '';
        const newId = prefix + newLabel;
        const text = item.model.text;
        // The item's own id attribute and label.
        const head = text.slice(item.headRange.start, item.headRange.end);
        const attr = head.indexOf(`{#${item.id}`);
        if (attr >= 0) add(item.uri, { start: item.headRange.start + attr + 2, end: item.headRange.start + attr + 2 + item.id.length }, newId);
        const labelAt = oldLabel ? findLabel(head, oldLabel) : -1;
        if (labelAt >= 0) add(item.uri, { start: item.headRange.start + labelAt, end: item.headRange.start + labelAt + oldLabel.length }, newLabel);
        for (const r of referencesTo(server, item)) {
          const m = server.model(r.uri)!;
          const s = m.text.slice(r.range.start, r.range.end);
          if (r.via === 'reaction') {
            // the reaction's heading names the item: "### Conclusie 3"
            const re = m.reactions.find((x) => (x.quoteRange ?? x.range).start === r.range.start);
            if (re) {
              const h = m.text.slice(re.range.start, m.text.indexOf('\n', re.range.start) >>> 0);
              const at = findLabel(h, oldLabel);
              if (at >= 0 && re.range.start !== (re.quoteRange?.start ?? -1)) add(r.uri, { start: re.range.start + at, end: re.range.start + at + oldLabel.length }, newLabel);
            }
            continue;
          }
          if (r.via === 'link' || r.via === 'id') {
            const at = s.lastIndexOf(item.id);
            if (at >= 0) add(r.uri, { start: r.range.start + at, end: r.range.start + at + item.id.length }, newId);
            const lab = findLabel(s, oldLabel);
            if (r.via === 'link' && lab >= 0 && lab < at) add(r.uri, { start: r.range.start + lab, end: r.range.start + lab + oldLabel.length }, newLabel);
            continue;
          }
          const at = s.lastIndexOf(oldLabel);
          if (at >= 0) add(r.uri, { start: r.range.start + at, end: r.range.start + at + oldLabel.length }, newLabel);
        }
      }
      const documentChanges = [...edits.entries()].map(([u, list]) => {
        const open = server.documents.get(u);
        return TextDocumentEdit.create({ uri: u, version: open ? open.version : null }, list);
      });
      return { documentChanges } satisfies WorkspaceEdit;
    }),
  );
}

/** Position of a label number standing as a whole number in text. */
function findLabel(text: string, label: string): number {
  const re = new RegExp(`(?<![\\d.])${label.replace(/\./g, '\\.')}(?![\\d]|\\.\\d)`);
  const m = re.exec(text);
  return m ? m.index : -1;
}
