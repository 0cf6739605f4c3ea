/**
 * `trace/new-fact-in-conclusion` — a number, amount, percentage, date or
 * name in a conclusion that appears nowhere in the findings (the findings
 * sections and the assessments). What counts as a fact and how numbers are
 * normalised ("€ 135.000" = "135.000 euro", "€ 1,6 miljoen" matches
 * 1.640.000, "4 weken" matches "vier weken"; years, item numbers,
 * ordinals and footnote markers are no facts) is documented in
 * `trace/facts.ts`.
 *
 * Sums and differences the writer computed from findings are not
 * recognised: such a number is reported, and the related information
 * shows the nearest values the findings do have.
 */
import type { Rule } from '../types';
import { traceProblems } from './shared';

export const newFactInConclusion: Rule = {
  meta: {
    code: 'trace/new-fact-in-conclusion',
    severity: 'warning',
    description: {
      nl: 'Een getal, bedrag of naam in een conclusie dat nergens in de bevindingen staat.',
      en: 'A number, amount or named fact in a conclusion that appears nowhere in the findings.',
    },
    examples: {
      flagged: [
        {
          text: '# 2 Bevindingen\n\n## 2.1 Middelen\n\nDe raad stelde jaarlijks € 250.000 extra beschikbaar [@nota2021].\n\n# 3 Conclusies\n\n### Conclusie 1\n\nDe raad stelde jaarlijks 250.000 euro extra beschikbaar. Daarnaast is in 2024 € 135.000 uit de reserve ingezet.\n',
          at: '€ 135.000',
        },
      ],
      passes: [
        {
          text: '# 2 Bevindingen\n\n## 2.1 Middelen\n\nDe raad stelde jaarlijks € 250.000 extra beschikbaar [@nota2021]. Het gesprek vond binnen vier weken plaats.\n\n# 3 Conclusies\n\n### Conclusie 1\n\nDe raad stelde in 2021 jaarlijks 250.000 euro extra beschikbaar; het gesprek vond binnen 4 weken plaats (zie paragraaf 2.1, doel 3).\n',
        },
      ],
    },
  },
  check: (ctx) => traceProblems(ctx, 'trace/new-fact-in-conclusion'),
};
