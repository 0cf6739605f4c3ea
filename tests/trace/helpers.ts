/** Test helpers for the trace tests: projects from the example folder or from strings. */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { analyze } from '../../server/src/core/analyze';
import { createProjectView, type ProjectView } from '../../server/src/core/project';
import type { DocumentModel } from '../../server/src/core/types';
import { runRules } from '../../server/src/core/rules';
import { TRACE_RULES } from '../../server/src/core/rules/trace';
import { EXAMPLES_DIR } from '../helpers/seeds';

export interface Loaded {
  project: ProjectView;
  models: DocumentModel[];
  doc(name: string): DocumentModel;
}

/** The Markdown documents of examples/ as one project (uris are absolute paths, as the CLI makes them). */
export function exampleProject(): Loaded {
  const files = readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith('.md') && f !== 'README.md');
  return fromFiles(files.map((f) => ({ uri: resolve(EXAMPLES_DIR, f), text: readFileSync(resolve(EXAMPLES_DIR, f), 'utf8') })));
}

export function fromFiles(files: Array<{ uri: string; text: string }>): Loaded {
  const models = files.map((f) => analyze(f.text, { uri: f.uri }));
  const project = createProjectView(models);
  return { project, models, doc: (name) => models.find((m) => m.uri!.endsWith('/' + name) || m.uri === name)! };
}

/** The trace diagnostics of a document: code and the text the range covers. */
export function traceDiagnostics(model: DocumentModel, project?: ProjectView): Array<{ code: string; at: string; message: { nl: string; en: string }; data?: Record<string, unknown>; related?: unknown[] }> {
  return runRules(model, { project }, TRACE_RULES).map((d) => ({ code: d.code, at: model.text.slice(d.range.start, d.range.end), message: d.message, data: d.data, related: d.related }));
}

/** Applies edits (of one document) to a text. */
export function applyEdits(text: string, edits: Array<{ range: { start: number; end: number }; newText: string }>): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.range.start - a.range.start)) out = out.slice(0, e.range.start) + e.newText + out.slice(e.range.end);
  return out;
}
