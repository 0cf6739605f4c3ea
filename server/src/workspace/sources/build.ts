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
import { extractSource, kindOf } from './extract';
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
  const walk = (dir: string): void => {
    if (out.length >= MAX_FILES) return;
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
        continue;
      }
      if (st.isDirectory()) walk(p);
      else if (kindOf(name) && !name.startsWith('~$')) out.push(p);
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
      const st = statSync(path);
      if (st.size > MAX_BYTES) throw new Error(`too large (${Math.round(st.size / 1048576)} MB)`);
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
      const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
      index.addProblem({ path, message: { nl: `Bronbestand onleesbaar: ${why}`, en: `Source file cannot be read: ${why}` } });
    }
    options.onProgress?.(i + 1, files.length);
    // Let other work (an LSP request) run between files.
    await new Promise<void>((r) => setImmediate(r));
  }
  return index;
}
