/**
 * Text out of source files, per page where the format has pages. Async and
 * off the core: PDF via unpdf (pdf.js, serverless build; no worker, no
 * canvas), DOCX via mammoth, Markdown and plain text as they are (line-break
 * hyphenation joined). Libraries are loaded on first use. pdf.js is told
 * to be silent: nothing may reach stdout (the language server's channel).
 */
import type { SourceKind } from '../../core/claims/types';
import { normalizeText } from '../../core/text';

export const SOURCE_EXTENSIONS: Record<string, SourceKind> = { '.md': 'md', '.markdown': 'md', '.txt': 'txt', '.pdf': 'pdf', '.docx': 'docx' };

/** Bump when extraction changes: cached results of another version are ignored. */
export const EXTRACTOR_VERSION = 1;

export interface Extracted {
  kind: SourceKind;
  title: string | null;
  /** Page texts (PDF) or one text. */
  pages: string[];
}

export function kindOf(path: string): SourceKind | null {
  const m = /\.[A-Za-z]+$/.exec(path);
  return m ? SOURCE_EXTENSIONS[m[0].toLowerCase()] ?? null : null;
}

/** Extracts a source's text. Throws (with a readable message) when the file is not what its name says. */
export async function extractSource(path: string, data: Uint8Array): Promise<Extracted> {
  const kind = kindOf(path);
  if (!kind) throw new Error('unsupported file type');
  if (kind === 'pdf') return extractPdf(data);
  if (kind === 'docx') return extractDocx(data);
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (buf.includes(0)) throw new Error('not a text file');
  let text = buf.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { kind, title: firstTitle(text, kind), pages: [kind === 'txt' ? joinHyphenation(text) : text] };
}

async function extractPdf(data: Uint8Array): Promise<Extracted> {
  const { getDocumentProxy } = await import('unpdf');
  // pdf.js takes ownership of the buffer: give it a copy.
  const pdf = await getDocumentProxy(new Uint8Array(data), { verbosity: 0, isEvalSupported: false, useSystemFonts: false, disableFontFace: true });
  try {
    const pages: string[] = [];
    for (let i = 1; i <= pdf.numPages; i++) {
      const page = await pdf.getPage(i);
      const content = await page.getTextContent();
      let s = '';
      for (const item of content.items as Array<{ str?: string; hasEOL?: boolean }>) {
        if (typeof item.str !== 'string') continue;
        s += item.str + (item.hasEOL ? '\n' : '');
      }
      pages.push(joinHyphenation(s));
      page.cleanup();
    }
    let title: string | null = null;
    try {
      const meta = await pdf.getMetadata();
      const t = (meta.info as Record<string, unknown> | undefined)?.Title;
      if (typeof t === 'string' && t.trim()) title = t.trim();
    } catch {
      /* no metadata */
    }
    return { kind: 'pdf', title: title ?? firstTitle(pages[0] ?? '', 'txt'), pages };
  } finally {
    await pdf.destroy();
  }
}

async function extractDocx(data: Uint8Array): Promise<Extracted> {
  const mammoth = (await import('mammoth')).default ?? (await import('mammoth'));
  const r = await mammoth.extractRawText({ buffer: Buffer.from(data.buffer, data.byteOffset, data.byteLength) });
  const text = r.value.replace(/\n{3,}/g, '\n\n');
  return { kind: 'docx', title: firstTitle(text, 'txt'), pages: [text] };
}

/** Joins "jeugd-\nhulp" and "vroeg-\n   signalering"; keeps real hyphens. */
export function joinHyphenation(s: string): string {
  return s.replace(/(\p{Ll})-[ \t]*\r?\n[ \t]*(\p{Ll})/gu, '$1$2');
}

/**
 * `title:` after a `---` line, as /^---\r?\n[\s\S]*?^title:\s*["']?(.+?)["']?\s*$/m
 * reads it (quotes and blanks around the value off), without the expression's
 * quadratic backtracking on a long line.
 */
function frontMatterTitle(text: string): string | null {
  const open = /^---\r?\n/m.exec(text);
  if (!open) return null;
  const key = /^title:/gm;
  key.lastIndex = open.index + open[0].length;
  for (let m = key.exec(text); m; m = key.exec(text)) {
    let p = m.index + m[0].length;
    while (p < text.length && /\s/.test(text[p])) p++;
    let e = p;
    while (e < text.length && !'\n\r\u2028\u2029'.includes(text[e])) e++;
    let v = text.slice(p, e).trimEnd();
    if (!v) continue;
    if (v.length > 1 && (v[0] === '"' || v[0] === "'")) v = v.slice(1);
    if (v.length > 1 && (v.endsWith('"') || v.endsWith("'"))) v = v.slice(0, -1);
    return v;
  }
  return null;
}

function firstTitle(text: string, kind: SourceKind): string | null {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  if (kind === 'md') {
    const h = lines.find((l) => /^#{1,3}\s/.test(l));
    if (h) return normalizeText(h.replace(/^#+\s*/, '').replace(/(?<!\s)\s*\{#[^{}]*\}\s*$/, ''));
    const fm = frontMatterTitle(text);
    if (fm) return fm;
  }
  const first = lines.find((l) => /\p{L}{3,}/u.test(l));
  return first ? normalizeText(first).slice(0, 160) : null;
}
