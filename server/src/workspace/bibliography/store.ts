/**
 * Loading the project's bibliography files from disk and keeping them
 * current: the language server calls `reloadFile(path)` when a file
 * changes. Reading is synchronous (bibliographies are small text files);
 * parsing is the pure core parser. Nothing is thrown: an unreadable or
 * missing file is kept with `text: null` and a problem.
 */
import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BibEntry, BibliographyFile, BibliographyView, BibProblem } from '../../core/bibliography/types';
import { parseBibliography, bibFormatOf } from '../../core/bibliography/parse';
import { createBibliographyView, resolvedFrontMatterBibliographies } from '../../core/bibliography/view';
import { normPath } from '../../core/bibliography/util';
import type { ProjectConfig } from '../../core/config';

export class BibliographyStore {
  private readonly byPath = new Map<string, BibliographyFile>();
  private projectPaths: string[] = [];

  /** @param root the project root; the config's `bibliography` paths are relative to it. */
  constructor(readonly root: string = process.cwd(), config?: Pick<ProjectConfig, 'bibliography'>) {
    if (config) this.projectPaths = config.bibliography.map((p) => toPath(resolve(root, p)));
  }

  /** The project's configured bibliographies (absolute paths). */
  get defaults(): readonly string[] {
    return this.projectPaths;
  }

  /** Sets the project's configured bibliographies (paths relative to the root, or absolute). */
  setProjectBibliographies(paths: readonly string[]): void {
    this.projectPaths = paths.map((p) => toPath(resolve(this.root, p)));
  }

  /** Loads (or reloads) these files; paths relative to the root or absolute. Returns the loaded files. */
  load(paths: readonly string[]): BibliographyFile[] {
    return paths.map((p) => this.reloadFile(p));
  }

  /** Loads the project's configured bibliographies and every bibliography the documents name in front matter. */
  loadFor(documents: ReadonlyArray<{ uri: string | null; frontMatter: Record<string, unknown> | null }>): BibliographyFile[] {
    const want = new Set<string>(this.projectPaths);
    for (const d of documents) for (const p of resolvedFrontMatterBibliographies({ uri: d.uri ? toPath(d.uri) : null, frontMatter: d.frontMatter })) want.add(p);
    return this.load([...want]);
  }

  /** Re-reads one file (after a change on disk or in the editor: pass `text` to use the editor's content). */
  reloadFile(path: string, text?: string): BibliographyFile {
    const abs = toPath(resolve(this.root, path.replace(/^file:\/\//, '')));
    let content: string | null = text ?? null;
    let problems: BibProblem[] = [];
    if (content === null) {
      try {
        if (!existsSync(abs)) throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
        content = readFileSync(abs, 'utf8');
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        const why = code === 'ENOENT' ? { nl: 'bestand niet gevonden', en: 'file not found' } : { nl: `onleesbaar (${code ?? String(e)})`, en: `unreadable (${code ?? String(e)})` };
        problems = [{ message: why, line: 0, character: 0 }];
      }
    }
    let file: BibliographyFile;
    if (content === null) file = { path: abs, text: null, format: bibFormatOf(abs), entries: [], problems };
    else {
      if (content.charCodeAt(0) === 0xfeff) content = content.slice(1);
      file = { path: abs, text: content, ...parseBibliography(content, abs) };
    }
    this.byPath.set(abs, file);
    return file;
  }

  /** Forgets a file (deleted, or no longer named). */
  remove(path: string): void {
    this.byPath.delete(toPath(resolve(this.root, path)));
  }

  get files(): BibliographyFile[] {
    return [...this.byPath.values()];
  }

  /** Every entry of every loaded file, with its file. */
  get entries(): Array<BibEntry & { path: string }> {
    return this.files.flatMap((f) => f.entries.map((e) => ({ ...e, path: f.path })));
  }

  /** Every problem of every loaded file. */
  get problems(): Array<BibProblem & { path: string }> {
    return this.files.flatMap((f) => f.problems.map((p) => ({ ...p, path: f.path })));
  }

  /** The pure view for the project (ProjectView.bibliography). */
  view(): BibliographyView {
    return createBibliographyView(this.files, this.projectPaths);
  }
}

function toPath(p: string): string {
  return normPath(p.startsWith('/') || /^[A-Za-z]:/.test(p) ? p : resolve(p));
}
