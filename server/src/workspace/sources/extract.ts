/**
 * Text out of source files, per page where the format has pages. Async and
 * off the core: PDF via unpdf (pdf.js, serverless build; no worker, no
 * canvas), DOCX via mammoth, Markdown and plain text as they are (line-break
 * hyphenation joined). Libraries are loaded on first use. pdf.js is told
 * to be silent: nothing may reach stdout (the language server's channel).
 */
import type { SourceKind } from '../../core/claims/types';
import { normalizeText } from '../../core/text';
import { stripBom } from '../files';

export const SOURCE_EXTENSIONS: Record<string, SourceKind> = { '.md': 'md', '.markdown': 'md', '.txt': 'txt', '.pdf': 'pdf', '.docx': 'docx' };

/** Bump when extraction changes: cached results of another version are ignored. */
export const EXTRACTOR_VERSION = 2;

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

/** Why a source file cannot be read, in the user's words (both languages). */
export class SourceReadError extends Error {
  constructor(readonly why: { nl: string; en: string }) {
    super(why.en);
    this.name = 'SourceReadError';
  }
}

/** The first line of a library's message, without the links some add ("see https://…"). */
export function libraryMessage(e: unknown): string {
  const first = (e instanceof Error ? e.message : String(e)).split('\n')[0].slice(0, 300);
  const at = first.search(/(?:if it is, )?see https?:\/\//i);
  let end = at >= 0 ? at : first.length;
  while (end > 0 && ' \t,:;'.includes(first[end - 1])) end--;
  return first.slice(0, Math.min(end, 160)).replace(/\s+/g, ' ').trim();
}

const startsWith = (data: Uint8Array, magic: number[], within = 0): boolean => {
  for (let at = 0; at <= within && at + magic.length <= data.length; at++) if (magic.every((b, i) => data[at + i] === b)) return true;
  return false;
};
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]; // PK\3\4

/**
 * Extracts a source's text. Throws a SourceReadError with a clear reason
 * when the file is empty, not what its name says, damaged, locked with a
 * password, or has no text at all (a scan).
 */
export async function extractSource(path: string, data: Uint8Array): Promise<Extracted> {
  const kind = kindOf(path);
  if (!kind) throw new SourceReadError({ nl: 'bestandstype niet ondersteund', en: 'unsupported file type' });
  if (data.length === 0) throw new SourceReadError({ nl: 'leeg bestand', en: 'empty file' });
  if (kind === 'pdf') return extractPdf(data);
  if (kind === 'docx') return extractDocx(data);
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (buf.includes(0)) throw new SourceReadError({ nl: 'geen tekstbestand (binaire inhoud)', en: 'not a text file (binary content)' });
  const text = stripBom(buf.toString('utf8'));
  return { kind, title: firstTitle(text, kind), pages: [kind === 'txt' ? joinHyphenation(text) : text] };
}

async function extractPdf(data: Uint8Array): Promise<Extracted> {
  // The header may follow a little junk (pdf.js allows 1 KB of it).
  if (!startsWith(data, PDF_MAGIC, 1024)) throw new SourceReadError({ nl: 'geen PDF: het bestand begint niet met %PDF', en: 'not a PDF: the file does not start with %PDF' });
  const { getDocumentProxy } = await import('unpdf');
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // pdf.js takes ownership of the buffer: give it a copy.
    pdf = await getDocumentProxy(new Uint8Array(data), { verbosity: 0, isEvalSupported: false, useSystemFonts: false, disableFontFace: true });
  } catch (e) {
    if ((e as Error)?.name === 'PasswordException') throw new SourceReadError({ nl: 'PDF beveiligd met een wachtwoord', en: 'PDF protected with a password' });
    const m = libraryMessage(e);
    throw new SourceReadError({ nl: `beschadigde PDF (${m})`, en: `damaged PDF (${m})` });
  }
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
    if (pages.every((p) => !/\p{L}/u.test(p))) throw new SourceReadError({ nl: `PDF zonder tekst (${pages.length} ${pages.length === 1 ? 'pagina' : "pagina's"}): een scan? Maak er eerst doorzoekbare tekst van (OCR)`, en: `PDF without text (${pages.length} ${pages.length === 1 ? 'page' : 'pages'}): a scan? Make it searchable (OCR) first` });
    let title: string | null = null;
    try {
      const meta = await pdf.getMetadata();
      const t = (meta.info as Record<string, unknown> | undefined)?.Title;
      if (typeof t === 'string' && t.trim()) title = t.trim();
    } catch {
      /* no metadata */
    }
    return { kind: 'pdf', title: title ?? firstTitle(pages[0] ?? '', 'txt'), pages };
  } catch (e) {
    if (e instanceof SourceReadError) throw e;
    const m = libraryMessage(e);
    throw new SourceReadError({ nl: `beschadigde PDF (${m})`, en: `damaged PDF (${m})` });
  } finally {
    await pdf.destroy();
  }
}

async function extractDocx(data: Uint8Array): Promise<Extracted> {
  if (!startsWith(data, ZIP_MAGIC)) throw new SourceReadError({ nl: 'geen Word-document: een .docx is een zip-bestand en dit bestand niet', en: 'not a Word document: a .docx is a zip file and this file is not' });
  const mammoth = (await import('mammoth')).default ?? (await import('mammoth'));
  let r: { value: string };
  try {
    r = await mammoth.extractRawText({ buffer: Buffer.from(data.buffer, data.byteOffset, data.byteLength) });
  } catch (e) {
    const m = libraryMessage(e);
    throw new SourceReadError({ nl: `beschadigd Word-document (${m})`, en: `damaged Word document (${m})` });
  }
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
