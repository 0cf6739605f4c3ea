/**
 * The rule registry and the runner. Rules never throw past the runner: a
 * failing rule is reported as an `internal/rule-failed` diagnostic and the
 * others still run.
 */
import type { Diagnostic, Rule, RuleContext, Severity } from './types';
import type { DocumentModel } from '../types';
import type { ProjectView } from '../project';
import { applySuppressions } from '../suppress';
import { brokenReference } from './broken-reference';
import { duplicateId } from './duplicate-id';
import { numberingGap } from './numbering-gap';
import { frontMatter } from './front-matter';
import { TRACE_RULES } from './trace';
import { SMART_RULES } from './smart';
import { WEDERHOOR_RULES } from './wederhoor';
import { CITATION_RULES } from './citation';

/** Every rule, by area. Each area registers its rules in its own folder's index. */
export const RULES: readonly Rule[] = [frontMatter, duplicateId, brokenReference, numberingGap, ...CITATION_RULES, ...TRACE_RULES, ...SMART_RULES, ...WEDERHOOR_RULES];

export interface RunOptions {
  /** Severity per rule code, or 'off'. */
  severities?: Record<string, Severity | 'off'>;
  project?: ProjectView;
}

export function runRules(model: DocumentModel, options: RunOptions = {}, rules: readonly Rule[] = RULES): Diagnostic[] {
  const ctx: RuleContext = { model, project: options.project };
  const out: Diagnostic[] = [];
  for (const rule of rules) {
    const configured = options.severities?.[rule.meta.code];
    if (configured === 'off') continue;
    try {
      for (const d of rule.check(ctx)) {
        out.push({ ...d, code: rule.meta.code, severity: configured ?? d.severity ?? rule.meta.severity });
      }
    } catch (e) {
      out.push({
        code: 'internal/rule-failed',
        severity: 'hint',
        message: { nl: `Controle ${rule.meta.code} is mislukt: ${String(e)}`, en: `Check ${rule.meta.code} failed: ${String(e)}` },
        range: { start: 0, end: 0 },
      });
    }
  }
  out.sort((a, b) => a.range.start - b.range.start || a.code.localeCompare(b.code));
  return applySuppressions(model.text, out);
}

export type { Diagnostic, Rule, Severity, Message, RuleMeta, RuleExample } from './types';
