/**
 * `smart/time-bound` — a goal or recommendation without a date, deadline,
 * period or frequency. Counted: "per 1 januari 2025", "vóór Q3 2024",
 * "uiterlijk eind 2026", "in het eerste kwartaal van 2025", "binnen twee
 * jaar", "jaarlijks", "tot en met 2027", "by March 2026", "within six
 * months", "annually". Not counted: baseline years ("ten opzichte van 388 in
 * 2020", "in 2020 was dat"), and the empty ones — "de komende jaren", "op
 * termijn", "zo snel mogelijk", "in due course" — which the message names.
 */
import type { Rule } from '../types';
import { fixData, many, preferFirst, quotes, subject, targets } from './common';

export const smartTimeBound: Rule = {
  meta: {
    code: 'smart/time-bound',
    severity: 'warning',
    description: {
      nl: 'Doel of aanbeveling heeft geen termijn: geen datum, deadline of periode ("de komende jaren" en "op termijn" tellen niet).',
      en: 'Goal or recommendation has no deadline: no date, deadline or period ("in the coming years" and "in due course" do not count).',
    },
    examples: {
      flagged: [
        { text: '---\ntype: beleid\n---\n# Doelstellingen\n\n1. Het aandeel schuldhulptrajecten dat voortijdig wordt beëindigd, daalt naar 20%.\n', at: 'daalt naar 20%' },
        { text: '---\ntype: beleid\n---\n# Doelstellingen\n\n1. Wij bouwen de komende jaren 350 sociale huurwoningen.\n', at: 'de komende jaren' },
        { text: '---\nlang: en\n---\n# Recommendations\n\n1. The department should review its approach to fraud risk in due course.\n', at: 'review its approach' },
      ],
      passes: [
        { text: '---\ntype: beleid\n---\n# Doelstellingen\n\n1. Wij vergroten het bereik: in 2025 melden zich ten minste 600 huishoudens aan, ten opzichte van 388 in 2020.\n' },
        { text: '# Aanbevelingen\n\n1. Het college zorgt ervoor dat uiterlijk eind 2026 ten minste 95% van de aanmelders binnen vier weken een eerste gesprek heeft.\n' },
        { text: '---\nlang: en\n---\n# Recommendations\n\n1. The regulator should report annually to Parliament on the number of inspections.\n' },
      ],
    },
  },
  check({ model }) {
    const out: ReturnType<Rule['check']> = [];
    for (const t of targets(model, ['goal', 'recommendation'])) {
      const card = t.card.T;
      if (card.ok !== false) continue;
      const c = { ...card, evidence: preferFirst(card.evidence, t) };
      const name = subject(t);
      const q = { nl: quotes(c.evidence, 'nl'), en: quotes(c.evidence, 'en') };
      const nl = c.evidence.length ? `; ${q.nl} ${many(c.evidence) ? 'zijn' : 'is'} geen termijn` : '';
      const en = c.evidence.length ? `; ${q.en} ${many(c.evidence) ? 'are' : 'is'} no deadline` : '';
      out.push({
        range: t.range,
        message: {
          nl: `${name.nl} heeft geen termijn: geen datum, deadline of periode${nl}.`,
          en: `${name.en} has no deadline: no date, deadline or period${en}.`,
        },
        data: fixData(model, t, 'T'),
      });
    }
    return out;
  },
};
