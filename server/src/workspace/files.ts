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

/** Larger project files are not read. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/**
 * Reads the project file: its text, or why it cannot be read (a folder or a
 * pipe by that name, too large, not text, unreadable), in both languages.
 * Shared by the command line and the language server.
 */
export function readConfigText(file: string): { text: string } | { problem: { nl: string; en: string } } {
  const defaults = { nl: 'de standaardinstellingen gelden', en: 'the defaults apply' };
  try {
    const st = statSync(file);
    if (!st.isFile()) return { problem: { nl: `Het projectbestand is geen gewoon bestand (${st.isDirectory() ? 'een map' : 'een pipe of apparaat'}); ${defaults.nl}.`, en: `The project file is not a regular file (${st.isDirectory() ? 'a folder' : 'a pipe or a device'}); ${defaults.en}.` } };
    if (st.size > MAX_CONFIG_BYTES) return { problem: { nl: `Het projectbestand is te groot (${st.size} bytes, grens ${MAX_CONFIG_BYTES}); ${defaults.nl}.`, en: `The project file is too large (${st.size} bytes, limit ${MAX_CONFIG_BYTES}); ${defaults.en}.` } };
    const buf = readFileSync(file);
    if (buf.includes(0)) return { problem: { nl: `Het projectbestand is geen tekstbestand; ${defaults.nl}.`, en: `The project file is not a text file; ${defaults.en}.` } };
    return { text: stripBom(buf.toString('utf8')) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    return { problem: { nl: `Het projectbestand is onleesbaar (${code}); ${defaults.nl}.`, en: `The project file cannot be read (${code}); ${defaults.en}.` } };
  }
}

function stripBom(s: string): string {
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
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
  let buf: Buffer;
  try {
    const st = statSync(path);
    if (st.isFile() && st.size > maxBytes) {
      const mb = (n: number): string => (n / 1048576).toFixed(n % 1048576 ? 1 : 0);
      throw new InputError(`cannot read ${path}: document too large to analyse: ${mb(st.size)} MB, limit ${mb(maxBytes)} MB`);
    }
    if (!st.isFile() && !st.isDirectory()) throw new InputError(`cannot read ${path}: not a regular file`);
    buf = readFileSync(path);
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(`cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code ?? String(e)}`);
  }
  if (buf.includes(0)) throw new InputError(`cannot read ${path}: not a text file`);
  let text = buf.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text;
}

