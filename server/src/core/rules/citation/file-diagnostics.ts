/**
 * Diagnostics on files that are not documents: bibliography files
 * (`citation/duplicate-key`, `citation/unused-entry`,
 * `citation/unreadable-bibliography`) and source files (`source/unreadable`).
 * Ranges are LSP ranges (0-based line, UTF-16 character) in that file; the
 * CLI prints them under the file, the language server publishes them for
 * the file's uri.
 */
import type { Range } from '../../text';
import type { Message, Severity } from '../types';
import type { ProjectView } from '../../project';
import { entriesFor } from '../../bibliography/view';
import { lineCol } from '../../bibliography/util';
import { citedKeys } from './unused-entry';

export interface FileDiagnostic {
  /** Absolute path of the file, '/'-separated. */
  path: string;
  /** LSP range: 0-based line, UTF-16 character. */
  range: Range;
  code: string;
  severity: Severity;
  message: Message;
  data?: Record<string, unknown>;
}

/** Codes that only occur on non-document files, with their metadata (for SARIF and docs). */
export const FILE_RULE_META = [
  {
    code: 'source/unreadable',
    severity: 'warning' as Severity,
    description: {
      nl: 'Een bronbestand (PDF, DOCX, tekst) kan niet worden gelezen; het doet niet mee bij het zoeken naar bronnen.',
      en: 'A source file (PDF, DOCX, text) cannot be read; it is left out of the source search.',
    },
  },
];

const DEFAULTS: Record<string, Severity> = {
  'citation/duplicate-key': 'warning',
  'citation/unused-entry': 'information',
  'citation/unreadable-bibliography': 'error',
  'source/unreadable': 'warning',
};

/** All file diagnostics of a project, with configured severities (`off` drops them). */
export function projectFileDiagnostics(project: ProjectView, severities: Record<string, Severity | 'off'> = project.config.rules): FileDiagnostic[] {
  const out: FileDiagnostic[] = [];
  const push = (d: Omit<FileDiagnostic, 'severity'>): void => {
    const sev = severities[d.code] ?? DEFAULTS[d.code] ?? 'warning';
    if (sev === 'off') return;
    out.push({ ...d, severity: sev });
  };
  const view = project.bibliography;
  if (view) {
    // Which files are used, and which keys are cited through them.
    const cited = new Map<string, Set<string>>();
    const used = new Set<string>();
    for (const doc of project.documents) {
      const files = view.filesFor(doc);
      const keys = citedKeys(doc);
      for (const f of files) {
        used.add(f.path);
        const set = cited.get(f.path) ?? new Set<string>();
        for (const k of keys) set.add(k);
        cited.set(f.path, set);
      }
      void entriesFor;
    }
    for (const f of view.files) {
      if (f.outside) continue;
      const text = f.text ?? '';
      for (const p of f.problems) {
        push({
          path: f.path,
          code: 'citation/unreadable-bibliography',
          range: { start: { line: p.line, character: p.character }, end: { line: p.line, character: p.character } },
          message:
            f.text === null
              ? { nl: `Bibliografie onleesbaar: ${p.message.nl}`, en: `Bibliography cannot be read: ${p.message.en}` }
              : !f.entries.length
                ? { nl: `Bibliografie onbruikbaar: ${p.message.nl}`, en: `Bibliography unusable: ${p.message.en}` }
                : { nl: `Bibliografie gedeeltelijk onleesbaar: ${p.message.nl}`, en: `Bibliography partly unreadable: ${p.message.en}` },
        });
      }
      const seen = new Map<string, number>();
      for (const e of f.entries) {
        const first = seen.get(e.key);
        const r = { start: lineCol(text, e.keyRange.start), end: lineCol(text, e.keyRange.end) };
        if (first !== undefined) {
          push({
            path: f.path,
            code: 'citation/duplicate-key',
            range: r,
            message: {
              nl: `Sleutel ${e.key} staat al op regel ${first + 1}; citaten met deze sleutel zijn dubbelzinnig.`,
              en: `Key ${e.key} is already used on line ${first + 1}; citations with this key are ambiguous.`,
            },
            data: { key: e.key, firstLine: first },
          });
        } else seen.set(e.key, e.line);
      }
      if (!used.has(f.path)) continue;
      const keys = cited.get(f.path) ?? new Set<string>();
      if (keys.has('*')) continue;
      const reported = new Set<string>();
      for (const e of f.entries) {
        if (keys.has(e.key) || reported.has(e.key)) continue;
        reported.add(e.key);
        push({
          path: f.path,
          code: 'citation/unused-entry',
          range: { start: lineCol(text, e.keyRange.start), end: lineCol(text, e.keyRange.end) },
          message: { nl: `Bron ${e.key} wordt in geen enkel document geciteerd.`, en: `Entry ${e.key} is not cited in any document.` },
          data: { key: e.key },
        });
      }
    }
  }
  for (const p of project.sources?.problems ?? []) {
    push({ path: p.path, code: 'source/unreadable', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message: p.message });
  }
  out.sort((a, b) => a.path.localeCompare(b.path) || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return out;
}
