/**
 * Inline references: pandoc reads CSL items from the front matter
 * (`references:`), with or without a bibliography file. Their positions are
 * offsets into the document.
 */
import type { Span } from '../types';
import type { BibEntry } from './types';
import type { Message } from '../rules/types';
import { parseCslDocument } from './csl';
import { lineOffset } from './util';

export interface InlineReferences {
  entries: BibEntry[];
  problems: Array<{ message: Message; range: Span }>;
}

interface ModelLike {
  text: string;
  frontMatter: Record<string, unknown> | null;
  frontMatterRange: Span | null;
}

const cache = new WeakMap<object, InlineReferences>();

/** The document's `references:` (empty when it has none). */
export function inlineReferences(model: ModelLike): InlineReferences {
  const hit = cache.get(model);
  if (hit) return hit;
  const out: InlineReferences = { entries: [], problems: [] };
  cache.set(model, out);
  if (!model.frontMatter || !model.frontMatterRange || model.frontMatter.references === undefined) return out;
  const fm = model.text.slice(model.frontMatterRange.start, model.frontMatterRange.end);
  const nl = fm.indexOf('\n');
  if (nl < 0) return out;
  const contentStart = model.frontMatterRange.start + nl + 1;
  const lastNl = fm.lastIndexOf('\n');
  const contentEnd = lastNl > nl ? model.frontMatterRange.start + lastNl : model.frontMatterRange.end;
  const yaml = model.text.slice(contentStart, contentEnd);
  const refs = model.frontMatter.references;
  if (refs === null || typeof refs !== 'object' || !Array.isArray(refs)) {
    const at = /^references\s*:/m.exec(yaml);
    const start = contentStart + (at ? at.index : 0);
    out.problems.push({
      message: { nl: '`references` in de YAML-kop moet een lijst van CSL-items zijn.', en: '`references` in the front matter must be a list of CSL items.' },
      range: { start, end: start + (at ? at[0].length : 0) },
    });
    return out;
  }
  const r = parseCslDocument(yaml, 'csl-yaml', contentStart, false, model.text, contentStart);
  out.entries = r.entries;
  for (const p of r.problems) {
    const start = Math.min(lineOffset(model.text, p.line) + p.character, model.text.length);
    const lineEnd = model.text.indexOf('\n', start);
    out.problems.push({ message: p.message, range: { start, end: lineEnd < 0 ? model.text.length : lineEnd } });
  }
  return out;
}
