/**
 * The project's bibliographies for checks and editor features: which files a
 * document uses (front matter `bibliography:` relative to the document, else
 * the project's `bibliography` from .toetssteen.yaml) and its inline
 * `references:`. Pure: the workspace passes the loaded files.
 */
import type { BibEntry, BibliographyFile, BibliographyView, LocatedEntry } from './types';
import { inlineReferences } from './inline';
import { dirOf, normPath, resolveIn } from './util';

interface ModelLike {
  uri: string | null;
  text: string;
  frontMatter: Record<string, unknown> | null;
  frontMatterRange: import('../types').Span | null;
}

/** Paths a document's front matter names in `bibliography:` (string or list), as written. */
export function frontMatterBibliographies(model: { frontMatter: Record<string, unknown> | null }): string[] | null {
  const v = model.frontMatter?.bibliography;
  if (typeof v === 'string' && v.trim()) return [v.trim()];
  if (Array.isArray(v)) {
    const list = v.filter((x): x is string => typeof x === 'string' && !!x.trim()).map((x) => x.trim());
    return list.length ? list : null;
  }
  return null;
}

/** Absolute paths of the bibliographies a document names (relative to the document). */
export function resolvedFrontMatterBibliographies(model: { uri: string | null; frontMatter: Record<string, unknown> | null }): string[] {
  const names = frontMatterBibliographies(model);
  if (!names || !model.uri) return [];
  const dir = dirOf(model.uri);
  return names.map((n) => resolveIn(dir, n));
}

/**
 * @param files the loaded bibliography files (absolute paths)
 * @param projectPaths absolute paths of the project's configured bibliographies
 */
/** A file citations can be judged against: read, and with entries (or with nothing wrong: it may be meant empty). */
function usable(f: BibliographyFile): boolean {
  return f.text !== null && (f.entries.length > 0 || f.problems.length === 0);
}

export function createBibliographyView(files: readonly BibliographyFile[], projectPaths: readonly string[] = []): BibliographyView {
  const byPath = new Map<string, BibliographyFile>();
  for (const f of files) byPath.set(normPath(f.path), f);
  const defaults = projectPaths.map(normPath);
  const pathsFor = (model: { uri: string | null; frontMatter: Record<string, unknown> | null }): string[] => {
    const own = frontMatterBibliographies(model);
    if (own && model.uri) return resolvedFrontMatterBibliographies(model);
    return defaults;
  };
  return {
    files,
    filesFor(model) {
      return pathsFor(model).map((p) => byPath.get(p)).filter((f): f is BibliographyFile => !!f && usable(f));
    },
    missingFor(model) {
      const names = frontMatterBibliographies(model);
      if (!names || !model.uri) return [];
      const dir = dirOf(model.uri);
      return names.filter((n) => {
        const f = byPath.get(resolveIn(dir, n));
        return !f || !usable(f);
      });
    },
    file(path) {
      return byPath.get(normPath(path)) ?? null;
    },
  };
}

/**
 * Every entry a document can cite, inline references first (pandoc lets
 * them win), then its bibliography files in order. `known` is false when
 * the document has no bibliography at all (then keys can't be judged).
 */
export function entriesFor(model: ModelLike, view: BibliographyView | undefined): { entries: LocatedEntry[]; known: boolean } {
  const out: LocatedEntry[] = [];
  const inline = inlineReferences(model);
  const hasInline = model.frontMatter?.references !== undefined;
  for (const e of inline.entries) out.push({ entry: e, path: model.uri ?? '', format: 'inline', file: null });
  let known = hasInline;
  if (view) {
    const files = view.filesFor(model);
    const named = frontMatterBibliographies(model);
    // Named but unreadable files: the keys can't be judged either.
    if (named && view.missingFor(model).length) return { entries: out, known: false };
    if (files.length) known = true;
    for (const f of files) for (const e of f.entries) out.push({ entry: e, path: f.path, format: f.format, file: f });
  }
  return { entries: out, known };
}

/** The entry for a key (first wins), or null. */
export function findEntry(model: ModelLike, view: BibliographyView | undefined, key: string): LocatedEntry | null {
  return entriesFor(model, view).entries.find((e) => e.entry.key === key) ?? null;
}

export type { BibEntry };
