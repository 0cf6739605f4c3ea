/**
 * Building the source index of a project: list the files in the source
 * folders, extract each (from the cache when its content is unchanged),
 * index the text. Interruptible (AbortSignal, checked between files and
 * around each extraction) and with progress (done, total) for the
 * language server's $/progress. A file that cannot be read becomes a
 * `source/unreadable` problem and the rest goes on.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ExtractCache, contentHash } from './cache';
import { extractSource, kindOf, libraryMessage, SourceReadError } from './extract';
import { megabytes } from '../files';
import { SourceIndex } from './search-index';

export interface BuildOptions {
  /** Project root; source folders are relative to it. */
  root: string;
  /** Source folders (config `sources`); default `bronnen`, `sources`. */
  folders?: readonly string[];
  /** Cache; default `<root>/.toetssteen-cache`. Pass null for none. */
  cache?: ExtractCache | null;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

export interface BuildStats {
  files: number;
  cacheHits: number;
  extracted: number;
  unreadable: number;
}

export type BuiltIndex = SourceIndex & { stats: BuildStats };

const MAX_FILES = 5000;
const MAX_BYTES = 100 * 1024 * 1024;

/** Source files under the folders, sorted. */
export function listSourceFiles(root: string, folders: readonly string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const walk = (dir: string): void => {
    if (out.length >= MAX_FILES) return;
    // A folder reached twice (a link to a parent) is read once.
    try {
      const st = statSync(dir);
      const id = `${st.dev}:${st.ino}`;
      if (seen.has(id)) return;
      seen.add(id);
    } catch {
      return;
    }
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of names) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      const p = join(dir, name);
      let st;
      try {
        st = statSync(p);
      } catch {
        // A link that leads nowhere: listed, so that it is reported.
        if (kindOf(name) && !name.startsWith('~$')) out.push(p);
        continue;
      }
      if (st.isDirectory()) walk(p);
      else if (kindOf(name) && !name.startsWith('~$')) out.push(p); // also a pipe or a device: reported, never read
    }
  };
  for (const f of folders) walk(resolve(root, f));
  return [...new Set(out)];
}

function abortError(): Error {
  const e = new Error('Source indexing was cancelled');
  e.name = 'AbortError';
  return e;
}

export async function buildSourceIndex(options: BuildOptions): Promise<BuiltIndex> {
  const folders = options.folders ?? ['bronnen', 'sources'];
  const cache = options.cache === undefined ? ExtractCache.at(options.root) : options.cache;
  const files = listSourceFiles(options.root, folders);
  const index = new SourceIndex() as BuiltIndex;
  const stats: BuildStats = { files: files.length, cacheHits: 0, extracted: 0, unreadable: 0 };
  index.stats = stats;
  const check = (): void => {
    if (options.signal?.aborted) throw abortError();
  };
  options.onProgress?.(0, files.length);
  for (let i = 0; i < files.length; i++) {
    check();
    const path = files[i];
    try {
      let st;
      try {
        st = statSync(path);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        throw new SourceReadError(code === 'ENOENT' ? { nl: 'een koppeling die nergens heen leidt (of het bestand is weg)', en: 'a link that leads nowhere (or the file is gone)' } : { nl: `onleesbaar (${code})`, en: `unreadable (${code})` });
      }
      // A pipe or a device: reading one may never end.
      if (!st.isFile()) throw new SourceReadError({ nl: 'geen gewoon bestand (een pipe of apparaat)', en: 'not a regular file (a pipe or a device)' });
      if (st.size > MAX_BYTES) throw new SourceReadError({ nl: `te groot (${megabytes(st.size)} MB, grens ${megabytes(MAX_BYTES)} MB)`, en: `too large (${megabytes(st.size)} MB, limit ${megabytes(MAX_BYTES)} MB)` });
      const data = new Uint8Array(readFileSync(path));
      const hash = contentHash(data);
      let ex = cache?.get(hash) ?? null;
      if (ex) stats.cacheHits++;
      else {
        ex = await extractSource(path, data);
        check();
        stats.extracted++;
        cache?.put(hash, ex);
      }
      index.add(path, ex);
    } catch (e) {
      if ((e as Error).name === 'AbortError') throw e;
      stats.unreadable++;
      const other = (e as NodeJS.ErrnoException).code ?? libraryMessage(e);
      const why = e instanceof SourceReadError ? e.why : { nl: other, en: other };
      index.addProblem({ path, message: { nl: `Bronbestand onleesbaar: ${why.nl}`, en: `Source file cannot be read: ${why.en}` } });
    }
    options.onProgress?.(i + 1, files.length);
    // Let other work (an LSP request) run between files.
    await new Promise<void>((r) => setImmediate(r));
  }
  return index;
}
