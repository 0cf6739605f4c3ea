/**
 * Claims and the source corpus as the core sees them. The corpus index is
 * built by the workspace (workspace/sources: extraction, cache, BM25) and
 * handed to the core through `ProjectView.sources`; the core only searches
 * it, synchronously.
 */
import type { Span } from '../types';
import type { Message } from '../rules/types';

export type SourceKind = 'md' | 'txt' | 'pdf' | 'docx';

export interface SourceDocumentInfo {
  /** Absolute path, '/'-separated. */
  path: string;
  kind: SourceKind;
  /** Title from the file (PDF metadata, first heading or first line), or null. */
  title: string | null;
  /** Number of pages (PDF), else 1. */
  pages: number;
  /** True when page numbers are real (PDF). */
  paged: boolean;
}

export interface SourceHit {
  doc: SourceDocumentInfo;
  /** 1-based page for paged sources, else null. */
  page: number | null;
  score: number;
  /** Query words found in the passage, as written there. */
  terms: string[];
  /** A short excerpt around the matches. */
  snippet: string;
  /** The passage (page or paragraph group) the hit is in. */
  passage: string;
}

export interface SourceProblem {
  path: string;
  message: Message;
}

export interface SearchOptions {
  limit?: number;
  /** Restrict to these source paths. */
  paths?: readonly string[];
}

export interface SourceIndexView {
  readonly documents: readonly SourceDocumentInfo[];
  /** Files that could not be read (`source/unreadable`). */
  readonly problems: readonly SourceProblem[];
  /** Best passages for a text, BM25 over stemmed Dutch and English words. */
  search(query: string, options?: SearchOptions): SourceHit[];
  /** Text of a page (1-based) of a paged source, or the whole text (page null). */
  pageText(path: string, page: number | null): string | null;
}

export type ClaimReason = 'amount' | 'number' | 'attribution' | 'state';

export type SupportKind = 'citation' | 'footnote' | 'link' | 'inline' | 'reference';

export interface Support {
  kind: SupportKind;
  range: Span;
}

export interface Claim {
  /** Index into model.sentences. */
  sentence: number;
  range: Span;
  text: string;
  reasons: ClaimReason[];
  /** What supports it (empty when unsupported). */
  support: Support[];
  supported: boolean;
}
