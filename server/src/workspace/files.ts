/**
 * Finding the documents to analyse under a path: Markdown and plain-text
 * files, skipping hidden folders, node_modules and the project's source
 * folders (sources are evidence, not documents to check).
 */
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, resolve, relative, sep } from 'node:path';
import YAML from 'yaml';

export const DOCUMENT_EXTENSIONS = ['.md', '.markdown', '.txt'];
const DEFAULT_SOURCE_FOLDERS = ['bronnen', 'sources'];
const MAX_FILES = 20000;

export interface ProjectConfigLite {
  sources: string[];
}

/** The `sources` folders of a `.toetssteen.yaml` at `root`, or the defaults. */
export function readSourceFolders(root: string): string[] {
  const file = join(root, '.toetssteen.yaml');
  if (!existsSync(file)) return DEFAULT_SOURCE_FOLDERS;
  try {
    const cfg = YAML.parse(readFileSync(file, 'utf8')) as { sources?: unknown } | null;
    const list = cfg && Array.isArray(cfg.sources) ? cfg.sources.filter((s): s is string => typeof s === 'string') : null;
    return list && list.length ? list : DEFAULT_SOURCE_FOLDERS;
  } catch {
    return DEFAULT_SOURCE_FOLDERS;
  }
}

export function findDocuments(path: string): string[] {
  const abs = resolve(path);
  const st = statSync(abs);
  if (st.isFile()) return [abs];
  const sources = readSourceFolders(abs).map((s) => resolve(abs, s));
  const out: string[] = [];
  const walk = (dir: string): void => {
    if (out.length >= MAX_FILES) return;
    let entries: string[];
    try {
      entries = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of entries) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      const p = join(dir, name);
      if (sources.some((s) => p === s || p.startsWith(s + sep))) continue;
      let s;
      try {
        s = statSync(p);
      } catch {
        continue;
      }
      if (s.isDirectory()) walk(p);
      else if (DOCUMENT_EXTENSIONS.some((e) => name.toLowerCase().endsWith(e))) out.push(p);
    }
  };
  walk(abs);
  return out;
}

export function displayPath(p: string): string {
  const rel = relative(process.cwd(), p);
  return rel && !rel.startsWith('..') ? rel : p;
}
