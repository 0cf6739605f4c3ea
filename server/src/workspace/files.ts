/**
 * Finding the documents to analyse under a path: Markdown and plain-text
 * files, skipping hidden folders, node_modules and the project's source
 * folders (sources are evidence, not documents to check).
 */
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { InputError } from '../commands/types';
import { join, resolve, relative, sep } from 'node:path';
import { parseConfig, CONFIG_FILE, type ProjectConfig, DEFAULT_CONFIG, type ConfigProblem } from '../core/config';

export const DOCUMENT_EXTENSIONS = ['.md', '.markdown', '.txt'];
const MAX_FILES = 20000;

export interface LoadedConfig {
  file: string | null;
  config: ProjectConfig;
  problems: ConfigProblem[];
}

/** The project file at `root`, or the defaults when there is none. */
export function loadConfig(root: string): LoadedConfig {
  const file = join(root, CONFIG_FILE);
  if (!existsSync(file)) return { file: null, config: DEFAULT_CONFIG, problems: [] };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return { file, config: DEFAULT_CONFIG, problems: [{ message: { nl: `Projectbestand onleesbaar: ${String(e)}`, en: `Project file unreadable: ${String(e)}` }, line: 0 }] };
  }
  return { file, ...parseConfig(text) };
}

/** The `sources` folders of the project at `root`. */
export function readSourceFolders(root: string): string[] {
  return loadConfig(root).config.sources;
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

/** Reads a document as text (BOM removed); InputError with a clear message when it can't. */
export function readDocumentText(path: string): string {
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(`cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code ?? String(e)}`);
  }
  if (buf.includes(0)) throw new InputError(`cannot read ${path}: not a text file`);
  let text = buf.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text;
}

