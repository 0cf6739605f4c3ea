/**
 * `trace/unassessed-norm` — a norm that no assessment judges.
 *
 * The norms may stand in the report or in a normenkader of their own
 * (`type: normenkader`, tied to the report by `report:` or by being the
 * project's only report). The diagnostic goes where the norm lives: when
 * the normenkader file is checked, on its norm; when the report is
 * checked, only on norms in the report itself. A report with no
 * assessments at all is not judged (it has no toets to add the norm to).
 *
 * Related information: where the assessments of the neighbouring norms
 * stand, the most similar assessment, the findings on the norm's subject.
 * Quick fix (Markdown): add an assessment of the norm after the one of the
 * norm before it.
 */
import type { Rule } from '../types';
import { traceProblems } from './shared';

export const unassessedNorm: Rule = {
  meta: {
    code: 'trace/unassessed-norm',
    severity: 'warning',
    description: {
      nl: 'Een norm uit het normenkader die door geen oordeel wordt getoetst.',
      en: 'A norm of the norms framework that no assessment judges.',
    },
    examples: {
      flagged: [
        {
          text: '# 1 Normenkader\n\n- **Norm 1.1** De doelen zijn SMART.\n- **Norm 1.2** De raad wordt tijdig geïnformeerd.\n\n# 2 Bevindingen\n\n## 2.1 Doelen\n\nDe doelen hebben een streefwaarde.\n\n## 2.2 Toets aan het normenkader\n\n### Norm 1.1: De doelen zijn SMART.\n\n**Oordeel:** +\n\nDe doelen hebben een streefwaarde (zie paragraaf 2.1).\n',
          at: 'De raad wordt tijdig geïnformeerd.',
        },
      ],
      passes: [
        {
          text: '# 1 Normenkader\n\n- **Norm 1.1** De doelen zijn SMART.\n- **Norm 1.2** De raad wordt tijdig geïnformeerd.\n\n# 2 Bevindingen\n\n## 2.1 Doelen\n\nDe doelen hebben een streefwaarde.\n\n## 2.2 Toets aan het normenkader\n\n### Norm 1.1: De doelen zijn SMART.\n\n**Oordeel:** +\n\nDe doelen hebben een streefwaarde (zie paragraaf 2.1).\n\n### Norm 1.2: De raad wordt tijdig geïnformeerd.\n\n**Oordeel:** -\n\nDe raad kreeg geen rapportage (zie paragraaf 2.1).\n',
        },
      ],
    },
  },
  check: (ctx) => traceProblems(ctx, 'trace/unassessed-norm'),
};
