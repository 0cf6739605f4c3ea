/**
 * `trace/conclusion-without-findings` — a conclusion that rests on no
 * finding: it refers to no findings section ("zie paragraaf 3.2",
 * "hoofdstuk 4", a link to a section), names no norm whose assessment has
 * evidence, and no findings section is similar enough (strength ≥ 0.20:
 * the share of the conclusion's distinctive wording found there, see
 * `trace/similarity.ts`).
 *
 * Related information: the most similar findings sections with their
 * strength. Quick fix: add " (zie paragraaf N)" for one of them.
 */
import type { Rule } from '../types';
import { traceProblems } from './shared';

export const conclusionWithoutFindings: Rule = {
  meta: {
    code: 'trace/conclusion-without-findings',
    severity: 'warning',
    description: {
      nl: 'Een conclusie die op geen bevinding rust (geen verwijzing en geen voldoende gelijkende paragraaf met bevindingen).',
      en: 'A conclusion that rests on no finding (no reference and no sufficiently similar findings section).',
    },
    examples: {
      flagged: [
        {
          text: '# 2 Bevindingen\n\n## 2.1 Wachttijden\n\nIn 2024 had 88% van de aanmelders binnen vier weken een eerste gesprek. In 2020 was dat 55%.\n\n## 2.2 Vroegsignalering\n\nDe vroegsignalering startte in oktober 2021 met woningcorporaties en zorgverzekeraars.\n\n# 3 Conclusies\n\n### Conclusie 1\n\nDe wachttijden zijn korter geworden: 88% van de aanmelders had binnen vier weken een eerste gesprek.\n\n### Conclusie 2\n\nHet college bespreekt de managementinformatie nauwelijks en past de werkwijze zelden aan.\n',
          at: 'Conclusie 2',
        },
      ],
      passes: [
        {
          text: '# 2 Bevindingen\n\n## 2.1 Wachttijden\n\nIn 2024 had 88% van de aanmelders binnen vier weken een eerste gesprek. In 2020 was dat 55%.\n\n# 3 Conclusies\n\n### Conclusie 1\n\nDe wachttijden zijn korter geworden (zie paragraaf 2.1).\n',
        },
      ],
    },
  },
  check: (ctx) => traceProblems(ctx, 'trace/conclusion-without-findings'),
};
