/**
 * Loading the project's bibliography files from disk and keeping them
 * current: the language server calls `reloadFile(path)` when a file
 * changes. Reading is synchronous (bibliographies are small text files);
 * parsing is the pure core parser. Nothing is thrown: an unreadable or
 * missing file is kept with `text: null` and a problem.
 */
import { existsSync, realpathSync } from 'node:fs';
import { resolve, relative, isAbsolute } from 'node:path';
import type { BibEntry, BibliographyFile, BibliographyView, BibProblem } from '../../core/bibliography/types';
import { parseBibliography, bibFormatOf } from '../../core/bibliography/parse';
import { createBibliographyView, resolvedFrontMatterBibliographies } from '../../core/bibliography/view';
import { normPath } from '../../core/bibliography/util';
import type { ProjectConfig } from '../../core/config';
import { readTextFile, stripBom, megabytes } from '../files';

/** Larger bibliographies are not read: parsing one takes about a second per megabyte. */
export const MAX_BIBLIOGRAPHY_BYTES = 10 * 1024 * 1024;
/** Problems kept per file: a file that is not a bibliography at all has one on every line. */
const MAX_PROBLEMS = 20;

export class BibliographyStore {
  private readonly byPath = new Map<string, BibliographyFile>();
  private projectPaths: string[] = [];
  /** Folders whose files may be read (the workspace): a path in a document's front matter may lead anywhere. */
  private readonly allowed: string[];

  /**
   * @param root the project root; the config's `bibliography` paths are relative to it.
   * @param roots the folders files may be read from (default: the root).
   */
  constructor(readonly root: string = process.cwd(), config?: Pick<ProjectConfig, 'bibliography'>, roots: readonly string[] = [root]) {
    if (config) this.projectPaths = config.bibliography.map((p) => toPath(resolve(root, p)));
    this.allowed = roots.map((r) => resolve(r));
  }

  /** Is the file inside one of the allowed folders, by its path and by where its links lead? */
  private inside(abs: string): boolean {
    const within = (p: string, roots: readonly string[]): boolean => roots.some((r) => {
      const rel = relative(r, p);
      return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
    });
    if (!within(abs, this.allowed)) return false;
    try {
      return within(realpathSync(abs), this.allowed.map((r) => (existsSync(r) ? realpathSync(r) : r)));
    } catch {
      return true; // not there (yet): reading it will say so
    }
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
    const refuse = (nl: string, en: string): void => {
      problems = [{ message: { nl, en }, line: 0, character: 0 }];
    };
    const outside = content === null && !this.inside(abs);
    if (outside) refuse('buiten de projectmap; niet gelezen', 'outside the project folder; not read');
    else if (content === null) {
      const r = readTextFile(abs, MAX_BIBLIOGRAPHY_BYTES);
      if ('text' in r) content = r.text;
      else if (r.why === 'missing') refuse('bestand niet gevonden', 'file not found');
      else if (r.why === 'folder') refuse('een map, geen bestand', 'a folder, not a file');
      else if (r.why === 'special') refuse('geen gewoon bestand', 'not a regular file');
      else if (r.why === 'too-large') refuse(`te groot om te lezen: ${megabytes(r.size)} MB, grens ${megabytes(MAX_BIBLIOGRAPHY_BYTES)} MB`, `too large to read: ${megabytes(r.size)} MB, limit ${megabytes(MAX_BIBLIOGRAPHY_BYTES)} MB`);
      else if (r.why === 'binary') refuse('geen tekstbestand', 'not a text file');
      else refuse(`onleesbaar (${r.code})`, `unreadable (${r.code})`);
    }
    let file: BibliographyFile;
    if (content === null) file = { path: abs, text: null, format: bibFormatOf(abs), entries: [], problems, ...(outside ? { outside } : {}) };
    else {
      content = stripBom(content);
      file = { path: abs, text: content, ...parseBibliography(content, abs) };
      if (file.problems.length > MAX_PROBLEMS) {
        const more = file.problems.length - MAX_PROBLEMS;
        const last = file.problems[MAX_PROBLEMS];
        file.problems = [...file.problems.slice(0, MAX_PROBLEMS), { message: { nl: `en nog ${more} problemen: is dit een bibliografie?`, en: `and ${more} more problems: is this a bibliography?` }, line: last.line, character: last.character }];
      }
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
