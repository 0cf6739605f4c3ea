/**
 * The wederhoor rules run as the runner runs them (code and severity
 * filled in, sorted by place), without loading the other areas' rules: the
 * tests of this area do not depend on work in progress elsewhere.
 */
import type { Diagnostic } from '../../server/src/core/rules/types';
import type { DocumentModel } from '../../server/src/core/types';
import type { ProjectView } from '../../server/src/core/project';
import { WEDERHOOR_RULES } from '../../server/src/core/rules/wederhoor';

export function runWederhoor(model: DocumentModel, options: { project?: ProjectView } = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const rule of WEDERHOOR_RULES) {
    try {
      for (const d of rule.check({ model, project: options.project })) out.push({ ...d, code: rule.meta.code, severity: d.severity ?? rule.meta.severity });
    } catch (e) {
      out.push({ code: 'internal/rule-failed', severity: 'hint', message: { nl: String(e), en: String(e) }, range: { start: 0, end: 0 } });
    }
  }
  out.sort((a, b) => a.range.start - b.range.start || a.code.localeCompare(b.code));
  return out;
}
