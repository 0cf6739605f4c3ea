/**
 * `trace/recommendation-without-conclusion` — a recommendation that follows
 * from no conclusion: it refers to none ("zie conclusie 3", "[conclusie
 * 3](#C3)", "C3") and resembles none strongly (strength ≥ 0.20: the share
 * of the recommendation's distinctive wording found in the conclusion, see
 * `trace/similarity.ts`). Reports without conclusions are not judged.
 *
 * Related information: the nearest conclusions. Quick fix: add " (zie
 * conclusie N)" at the end of the recommendation's first sentence, for a
 * near conclusion (the nearest is preferred).
 */
import type { Rule } from '../types';
import { traceProblems } from './shared';

export const recommendationWithoutConclusion: Rule = {
  meta: {
    code: 'trace/recommendation-without-conclusion',
    severity: 'warning',
    description: {
      nl: 'Een aanbeveling die uit geen enkele conclusie volgt (geen verwijzing en geen sterke gelijkenis).',
      en: 'A recommendation that follows from no conclusion (no reference and no strong similarity).',
    },
    examples: {
      flagged: [
        {
          text: '# 5 Conclusies\n\n1. De wachttijden voor een eerste gesprek zijn korter geworden.\n2. De raad is sinds 2023 niet geïnformeerd over de resultaten.\n\n# 6 Aanbevelingen\n\n1. Stuur de raad jaarlijks een voortgangsrapportage over de resultaten (zie conclusie 2).\n2. Leg de afspraken met vrijwilligersorganisaties vast in een convenant.\n',
          at: 'Leg de afspraken met vrijwilligersorganisaties vast in een convenant.',
        },
      ],
      passes: [
        {
          text: '# 5 Conclusies\n\n1. De wachttijden voor een eerste gesprek zijn korter geworden.\n2. De raad is sinds 2023 niet geïnformeerd over de resultaten.\n\n# 6 Aanbevelingen\n\n1. Stuur de raad jaarlijks een voortgangsrapportage over de resultaten (zie conclusie 2).\n2. Informeer de raad elk kwartaal over de wachttijden voor een eerste gesprek.\n',
        },
      ],
    },
  },
  check: (ctx) => traceProblems(ctx, 'trace/recommendation-without-conclusion'),
};
