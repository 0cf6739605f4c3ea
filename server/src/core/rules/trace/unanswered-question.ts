/**
 * `trace/unanswered-question` — a research question that no conclusion
 * answers: no conclusion names it ("beantwoordt onderzoeksvraag 6", the
 * question repeated above the conclusion), none carries its number in a
 * report whose conclusions follow the questions, and none is clearly the
 * answer by its wording.
 *
 * Reports without conclusions yet (a draft) are not judged. A question
 * answered by a recommendation block (a question header above the
 * recommendations) counts as answered.
 *
 * Related information: the nearest conclusions and the findings on the
 * question's subject. Quick fixes: add "Deze conclusie beantwoordt
 * onderzoeksvraag N." to a near conclusion, or add a conclusion.
 */
import type { Rule } from '../types';
import { traceProblems } from './shared';

export const unansweredQuestion: Rule = {
  meta: {
    code: 'trace/unanswered-question',
    severity: 'warning',
    description: {
      nl: 'Een onderzoeksvraag die door geen conclusie wordt beantwoord.',
      en: 'A research question that no conclusion answers.',
    },
    examples: {
      flagged: [
        {
          text: '# 1 Onderzoeksvragen\n\n1. Hoe is de toegang geregeld?\n2. Hoe werkt de gemeente samen met partners?\n\n# 2 Bevindingen\n\n## 2.1 Toegang\n\nDe toegang is laagdrempelig.\n\n# 3 Conclusies\n\n### Conclusie 1\n\nDe toegang is goed geregeld. Deze conclusie beantwoordt onderzoeksvraag 1.\n',
          at: 'Hoe werkt de gemeente samen met partners?',
        },
      ],
      passes: [
        {
          text: '# 1 Onderzoeksvragen\n\n1. Hoe is de toegang geregeld?\n2. Hoe werkt de gemeente samen met partners?\n\n# 2 Bevindingen\n\n## 2.1 Toegang\n\nDe toegang is laagdrempelig.\n\n# 3 Conclusies\n\n1. De toegang is goed geregeld.\n2. De samenwerking met partners is niet vastgelegd.\n',
        },
      ],
    },
  },
  check: (ctx) => traceProblems(ctx, 'trace/unanswered-question'),
};
