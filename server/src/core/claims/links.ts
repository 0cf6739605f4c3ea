/**
 * Sources ↔ bibliography entries: an entry's `file` field (relative to the
 * bibliography file, absolute, or matched by file name), else a source whose
 * file name is the key ("bronnen/verhoef2022.pdf" ↔ @verhoef2022).
 */
import type { BibEntry, BibliographyFile, BibliographyView } from '../bibliography/types';
import type { SourceIndexView } from './types';
import { dirOf, normPath, resolveIn, stemOf } from '../bibliography/util';

export interface SourceLink {
  entry: BibEntry;
  file: BibliographyFile;
}

export interface SourceLinks {
  /** Source path → entry. */
  bySource: Map<string, SourceLink>;
  /** Entry key → source path (first file that exists in the corpus). */
  byKey: Map<string, string>;
}

const cache = new WeakMap<object, { bib: BibliographyView | undefined; links: SourceLinks }>();

export function linkSources(bib: BibliographyView | undefined, sources: SourceIndexView | undefined, files?: readonly BibliographyFile[]): SourceLinks {
  const key = sources ?? {};
  const hit = files ? undefined : cache.get(key);
  if (hit && hit.bib === bib) return hit.links;
  const bySource = new Map<string, SourceLink>();
  const byKey = new Map<string, string>();
  const docs = sources?.documents ?? [];
  const byPath = new Map(docs.map((d) => [d.path, d]));
  const byBase = new Map<string, string[]>();
  for (const d of docs) {
    const base = d.path.split('/').pop()!.toLowerCase();
    byBase.set(base, [...(byBase.get(base) ?? []), d.path]);
  }
  const byStem = new Map<string, string>();
  for (const d of docs) byStem.set(stemOf(d.path), d.path);
  for (const f of files ?? bib?.files ?? []) {
    const dir = dirOf(f.path);
    for (const e of f.entries) {
      let found: string | null = null;
      for (const p of e.files) {
        const abs = resolveIn(dir, p);
        if (byPath.has(abs)) found = abs;
        else {
          const cands = byBase.get(normPath(p).split('/').pop()!.toLowerCase()) ?? [];
          if (cands.length === 1) found = cands[0];
        }
        if (found) break;
      }
      if (!found) found = byStem.get(e.key.toLowerCase()) ?? null;
      if (!found) continue;
      if (!bySource.has(found)) bySource.set(found, { entry: e, file: f });
      if (!byKey.has(e.key)) byKey.set(e.key, found);
    }
  }
  const links = { bySource, byKey };
  if (!files) cache.set(key, { bib, links });
  return links;
}
