/**
 * `trace/assessment-without-evidence` — an assessment with nothing visible
 * behind it: no source (a citation, a footnote that names a source, a link
 * to a file or URL, source or attribution words such as "bron", "uit
 * interviews blijkt", "volgens", a document named with its year: "(‘Samen
 * Sterk’ 2021)") and no reference to a findings section ("zie paragraaf
 * 4.1", a link to the section).
 *
 * Text similarity does not count here: an assessment is the audit office's
 * judgement and the reader must be able to follow it to its evidence. The
 * graph still shows the findings that resemble the assessment (`evidence`
 * edges by similarity); the diagnostic names the closest as candidates.
 *
 * Related information: the most similar findings sections. Quick fix:
 * add " (zie paragraaf N)" for one of them.
 */
import type { Rule } from '../types';
import { traceProblems } from './shared';

export const assessmentWithoutEvidence: Rule = {
  meta: {
    code: 'trace/assessment-without-evidence',
    severity: 'warning',
    description: {
      nl: 'Een oordeel zonder bron, zonder citaat en zonder verwijzing naar bevindingen.',
      en: 'An assessment with no source, no citation and no link to a finding.',
    },
    examples: {
      flagged: [
        {
          text: '# 2 Bevindingen\n\n## 2.1 Wachttijden\n\nIn 2024 had 88% van de aanmelders binnen vier weken een eerste gesprek [@data2025].\n\n## 2.2 Toets aan het normenkader\n\n### Norm 3.2: Het college stuurt bij.\n\n**Oordeel:** +-\n\nHet college gebruikt de cijfers maar beperkt om bij te sturen.\n',
          at: 'Norm 3.2: Het college stuurt bij.',
        },
      ],
      passes: [
        {
          text: '# 2 Bevindingen\n\n## 2.1 Wachttijden\n\nIn 2024 had 88% van de aanmelders binnen vier weken een eerste gesprek [@data2025].\n\n## 2.2 Toets aan het normenkader\n\n### Norm 2.1: Inwoners kunnen binnen de termijn terecht.\n\n**Oordeel:** +-\n\nDe termijn werd in 2024 voor 88% gehaald (zie paragraaf 2.1).\n',
        },
      ],
    },
  },
  check: (ctx) => traceProblems(ctx, 'trace/assessment-without-evidence'),
};
