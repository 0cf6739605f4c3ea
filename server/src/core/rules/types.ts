/**
 * What a check is: one small module with a stable code, a default severity,
 * a description in Dutch and English, and examples of text it flags and
 * text it passes. The examples are run as tests (tests/unit/rules.test.ts)
 * and printed in the rule reference of the README (`npm run rules:docs`).
 */
import type { DocumentModel, Span } from '../types';
import type { ProjectView } from '../project';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A message in both languages; the edge picks one by the user's locale. */
export interface Message {
  nl: string;
  en: string;
}

export interface RuleExample {
  /** The document text (Markdown unless `format` says otherwise). */
  text: string;
  format?: 'markdown' | 'text';
  /** For flagged examples: a piece of text the diagnostic's range must contain. */
  at?: string;
}

export interface RuleMeta {
  code: string;
  severity: Severity;
  description: Message;
  examples: { flagged: RuleExample[]; passes: RuleExample[] };
}

export interface Related {
  message: Message;
  range: Span;
  /** Another document; absent for this one. */
  uri?: string;
}

export interface Diagnostic {
  code: string;
  severity: Severity;
  message: Message;
  range: Span;
  related?: Related[];
  /** Extra, machine-readable facts for quick fixes and tools. */
  data?: Record<string, unknown>;
}

export interface RuleContext {
  model: DocumentModel;
  /** The other documents of the project, when the document is checked in one. */
  project?: ProjectView;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): Array<Omit<Diagnostic, 'code' | 'severity'> & { severity?: Severity }>;
}
