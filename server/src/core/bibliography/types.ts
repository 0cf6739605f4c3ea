/**
 * Bibliography entries as every feature sees them, whatever the file format
 * (BibTeX / BibLaTeX, CSL JSON, CSL YAML) or an inline front matter
 * `references:` list. Pure data: offsets are UTF-16 code units into the
 * text the entry was read from (the bibliography file, or the document for
 * inline references); `line` is 0-based.
 */
import type { Span } from '../types';
import type { Message } from '../rules/types';

export type BibFormat = 'bibtex' | 'csl-json' | 'csl-yaml';

export interface BibEntry {
  key: string;
  /** Entry type as written (`report`, `misc`, CSL `article-journal` …). */
  type: string;
  title: string | null;
  /** Display names: "Verhoef, Marieke", or a literal ("Gemeente Lindeveen"). */
  authors: string[];
  year: string | null;
  /** Paths named by the entry's `file` field (Zotero / Better BibTeX forms are unpacked). */
  files: string[];
  url: string | null;
  /** Other short fields, flattened to text, for hover (publisher, note, institution, howpublished, date …). */
  fields: Record<string, string>;
  /** The whole entry in its text. */
  range: Span;
  /** The key in its text. */
  keyRange: Span;
  /** 0-based line of the key. */
  line: number;
}

export interface BibProblem {
  message: Message;
  /** 0-based line and UTF-16 character of the problem. */
  line: number;
  character: number;
}

export interface ParsedBibliography {
  format: BibFormat;
  entries: BibEntry[];
  problems: BibProblem[];
}

/** A bibliography file as loaded by the workspace (or a test). */
export interface BibliographyFile extends ParsedBibliography {
  /** Absolute path ('/'-separated) of the file. */
  path: string;
  /** The file text (null when it could not be read). */
  text: string | null;
  /** Outside the project, so not read: the documents that name it are told; the file itself gets no diagnostics. */
  outside?: boolean;
}

/**
 * The project's bibliographies as checks and editor features read them.
 * The workspace (`BibliographyStore`) or a test builds it with
 * `createBibliographyView`.
 */
export interface BibliographyView {
  readonly files: readonly BibliographyFile[];
  /** The bibliography files a document uses: its front matter `bibliography:` (relative to it), else the project's. */
  filesFor(model: { uri: string | null; frontMatter: Record<string, unknown> | null }): BibliographyFile[];
  /** Paths (as written) a document names in front matter `bibliography:` that are not loaded / not readable. */
  missingFor(model: { uri: string | null; frontMatter: Record<string, unknown> | null }): string[];
  /** The file at a path, when loaded. */
  file(path: string): BibliographyFile | null;
}

/** Where an entry lives: a bibliography file or a document's front matter. */
export interface LocatedEntry {
  entry: BibEntry;
  /** Bibliography file path, or the document uri for inline `references:`. */
  path: string;
  format: BibFormat | 'inline';
  /** The bibliography file (null for inline references). */
  file: BibliographyFile | null;
}
