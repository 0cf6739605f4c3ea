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
/**
 * Documents larger than this are not analysed: the command line refuses them
 * (exit 2), the language server says so on an open one and skips the rest
 * (setting `toetssteen.maxFileSize`). The core has no limit of its own.
 */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;
const MAX_FILES = 20000;

export interface LoadedConfig {
  file: string | null;
  config: ProjectConfig;
  problems: ConfigProblem[];
}

/** Why `readTextFile` did not read a file. */
export type Refusal =
  | { why: 'missing' }
  | { why: 'folder' }
  /** A pipe, a socket or a device: reading one may never end. */
  | { why: 'special' }
  | { why: 'too-large'; size: number }
  | { why: 'binary' }
  | { why: 'unreadable'; code: string };

/**
 * Reads a text file (UTF-8, BOM removed) of at most `maxBytes`, or says
 * why not. Every reader of a user's text file goes through here, so that a
 * folder, a pipe, a huge or a binary file by a text file's name is refused
 * the same way everywhere; each caller words the refusal itself.
 */
export function readTextFile(path: string, maxBytes: number): { text: string } | Refusal {
  try {
    const st = statSync(path);
    if (st.isDirectory()) return { why: 'folder' };
    if (!st.isFile()) return { why: 'special' };
    if (st.size > maxBytes) return { why: 'too-large', size: st.size };
    const buf = readFileSync(path);
    if (buf.includes(0)) return { why: 'binary' };
    return { text: stripBom(buf.toString('utf8')) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    return code === 'ENOENT' ? { why: 'missing' } : { why: 'unreadable', code };
  }
}

export function stripBom(s: string): string {
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

/** Bytes as megabytes for a message: "5", "50.2". */
export function megabytes(n: number): string {
  return (n / 1048576).toFixed(n % 1048576 ? 1 : 0);
}

/** Larger project files are not read. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/**
 * Reads the project file: its text, or why it cannot be read (a folder or a
 * pipe by that name, too large, not text, unreadable), in both languages.
 * Shared by the command line and the language server.
 */
export function readConfigText(file: string): { text: string } | { problem: { nl: string; en: string } } {
  const r = readTextFile(file, MAX_CONFIG_BYTES);
  if ('text' in r) return r;
  const say = (nl: string, en: string) => ({ problem: { nl: `${nl}; de standaardinstellingen gelden.`, en: `${en}; the defaults apply.` } });
  switch (r.why) {
    case 'folder':
    case 'special':
      return say(`Het projectbestand is geen gewoon bestand (${r.why === 'folder' ? 'een map' : 'een pipe of apparaat'})`, `The project file is not a regular file (${r.why === 'folder' ? 'a folder' : 'a pipe or a device'})`);
    case 'too-large':
      return say(`Het projectbestand is te groot (${r.size} bytes, grens ${MAX_CONFIG_BYTES})`, `The project file is too large (${r.size} bytes, limit ${MAX_CONFIG_BYTES})`);
    case 'binary':
      return say('Het projectbestand is geen tekstbestand', 'The project file is not a text file');
    default:
      return say(`Het projectbestand is onleesbaar (${r.why === 'missing' ? 'ENOENT' : r.code})`, `The project file cannot be read (${r.why === 'missing' ? 'ENOENT' : r.code})`);
  }
}

/** The project file at `root`, or the defaults when there is none. */
export function loadConfig(root: string): LoadedConfig {
  const file = join(root, CONFIG_FILE);
  if (!existsSync(file)) return { file: null, config: DEFAULT_CONFIG, problems: [] };
  const r = readConfigText(file);
  if ('problem' in r) return { file, config: DEFAULT_CONFIG, problems: [{ message: r.problem, line: 0 }] };
  return { file, ...parseConfig(r.text) };
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
      else if (s.isFile() && DOCUMENT_EXTENSIONS.some((e) => name.toLowerCase().endsWith(e))) out.push(p);
    }
  };
  walk(abs);
  return out;
}

export function displayPath(p: string): string {
  const rel = relative(process.cwd(), p);
  return rel && !rel.startsWith('..') ? rel : p;
}

/** Reads a document as text (BOM removed); InputError with a clear message when it can't (or it is larger than `maxBytes`). */
export function readDocumentText(path: string, maxBytes = MAX_DOCUMENT_BYTES): string {
  const r = readTextFile(path, maxBytes);
  if ('text' in r) return r.text;
  const why = { missing: 'no such file', folder: 'is a directory', special: 'not a regular file', binary: 'not a text file' } as const;
  if (r.why === 'too-large') throw new InputError(`cannot read ${path}: document too large to analyse: ${megabytes(r.size)} MB, limit ${megabytes(maxBytes)} MB`);
  throw new InputError(`cannot read ${path}: ${r.why === 'unreadable' ? r.code : why[r.why]}`);
}

