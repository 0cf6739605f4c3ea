/**
 * `smart/measurable` — a goal or recommendation without a measure: no
 * number, percentage or amount as target ("12,4%", "€ 850.000", "3
 * procentpunt", "ten minste 600 huishoudens"), no indicator, target value
 * or baseline (streefwaarde, nulmeting), no relative change ("halveren"),
 * no absolute state ("klimaatneutraal", "geen enkele"), no service standard
 * ("binnen vijf werkdagen") and no checkable deliverable ("een
 * voortgangsrapportage", "een plan van aanpak"). Years, dates, references
 * ("zie conclusie 3"), ages ("tot 18 jaar") and fte are not measures.
 *
 * The message names the comparatives that stand in for a measure ("meer",
 * "zo kort mogelijk") when there are any.
 */
import type { Rule } from '../types';
import { fixData, many, preferFirst, quotes, subject, targets } from './common';

export const smartMeasurable: Rule = {
  meta: {
    code: 'smart/measurable',
    severity: 'warning',
    description: {
      nl: 'Doel of aanbeveling is niet meetbaar: geen getal, percentage, streefwaarde, nulmeting of toetsbaar product.',
      en: 'Goal or recommendation is not measurable: no number, percentage, target, baseline or checkable deliverable.',
    },
    examples: {
      flagged: [
        { text: '---\ntype: beleid\n---\n# Doelstellingen\n\n1. Inwoners die een schuldregeling nodig hebben, wachten daar zo kort mogelijk op.\n', at: 'zo kort mogelijk' },
        { text: '# Aanbevelingen\n\n1. Zet in op het versterken van de vroegsignalering, zodat meer inwoners eerder worden bereikt (zie conclusie 5).\n', at: 'Zet in op' },
        { text: '---\nlang: en\n---\n# Objectives\n\n1. We will improve outcomes for children in care.\n', at: 'improve outcomes' },
      ],
      passes: [
        { text: '---\ntype: beleid\n---\n# Doelstellingen\n\n1. Het percentage kinderen dat in armoede opgroeit, daalt van 12,4% in 2022 naar 9% in 2027.\n' },
        { text: '# Aanbevelingen\n\n1. Het college stuurt de raad vanaf 2026 jaarlijks vóór 1 mei een voortgangsrapportage over het voorgaande jaar.\n' },
        { text: '---\nlang: en\n---\n# Objectives\n\n1. By 2027, 90% of pupils will reach the expected standard in reading at age 11.\n' },
      ],
    },
  },
  check({ model }) {
    const out: ReturnType<Rule['check']> = [];
    for (const t of targets(model, ['goal', 'recommendation'])) {
      const card = t.card.M;
      if (card.ok !== false) continue;
      const c = { ...card, evidence: preferFirst(card.evidence, t) };
      const name = subject(t);
      const q = { nl: quotes(c.evidence, 'nl'), en: quotes(c.evidence, 'en') };
      const nl = c.evidence.length ? `; ${q.nl} ${many(c.evidence) ? 'zijn' : 'is'} geen maat` : '';
      const en = c.evidence.length ? `; ${q.en} ${many(c.evidence) ? 'are' : 'is'} no measure` : '';
      out.push({
        range: t.range,
        message: {
          nl: `${name.nl} is niet meetbaar: geen getal, percentage, streefwaarde, nulmeting of toetsbaar product${nl}.`,
          en: `${name.en} is not measurable: no number, percentage, target, baseline or checkable deliverable${en}.`,
        },
        data: fixData(model, t, 'M'),
      });
    }
    return out;
  },
};
