/**
 * `smart/achievable` — the A of SMART in its Dutch reading, Acceptabel: the
 * goal or recommendation names no owner who acts (het college, de gemeente,
 * de RIGG, an organisation; "wij" in the administration's own goals, not
 * the audit office's "wij bevelen aan"). Flagged:
 * - an imperative without an addressee ("Zet in op …", "Maak duidelijk …");
 *   "Maak als raad en college afspraken …" names one;
 * - a passive or a state without an agent ("… wordt korter", "… daalt naar
 *   20%");
 * - a target group as subject ("Inwoners … wachten zo kort mogelijk").
 * An actor after a preposition ("met de RIGG") is not the owner.
 *
 * Information level: a report's introduction may address all its
 * recommendations to the college.
 */
import type { Rule } from '../types';
import { fixData, subject, targets } from './common';

export const smartAchievable: Rule = {
  meta: {
    code: 'smart/achievable',
    severity: 'information',
    description: {
      nl: 'Doel of aanbeveling noemt geen eigenaar: niet gezegd wie handelt (het college, de gemeente, een organisatie).',
      en: 'Goal or recommendation names no owner: it does not say who acts (the council, the municipality, an organisation).',
    },
    examples: {
      flagged: [
        { text: '# Aanbevelingen\n\n1. Zet in op het versterken van de vroegsignalering.\n', at: 'Zet in op' },
        { text: '---\ntype: beleid\n---\n# Doelstellingen\n\n1. Het aandeel schuldhulptrajecten dat voortijdig wordt beëindigd, daalt vóór 2026 naar 20%.\n', at: 'daalt vóór 2026' },
        { text: '---\nlang: en\n---\n# Recommendations\n\n1. Establish a single point of contact for debt advice within 12 months.\n', at: 'Establish' },
      ],
      passes: [
        { text: '# Aanbevelingen\n\n1. Maak als raad en college duidelijke afspraken over het monitoren van de risico’s.\n' },
        { text: '---\ntype: beleid\n---\n# Doelstellingen\n\n1. Wij vergroten het bereik: in 2025 melden zich ten minste 600 huishoudens aan.\n' },
        { text: '---\nlang: en\n---\n# Recommendations\n\n1. The Home Office should publish an annual report on asylum backlog figures, starting in 2025.\n' },
      ],
    },
  },
  check({ model }) {
    const out: ReturnType<Rule['check']> = [];
    for (const t of targets(model, ['goal', 'recommendation'])) {
      const c = t.card.A;
      if (c.ok !== false) continue;
      const name = subject(t);
      const imp = t.card.imperative;
      out.push({
        range: imp ? { start: imp.start, end: imp.end } : t.range,
        message: imp
          ? {
              nl: `${name.nl} zegt niet wie handelt: “${imp.text}” is een gebiedende wijs zonder geadresseerde (bijvoorbeeld “${imp.text} als college …”).`,
              en: `${name.en} does not say who acts: “${imp.text}” is an imperative without an addressee (for example “The council should …”).`,
            }
          : {
              nl: `${name.nl} noemt geen eigenaar: niet gezegd wie handelt (het college, de gemeente, een organisatie).`,
              en: `${name.en} names no owner: it does not say who acts (the council, the municipality, an organisation).`,
            },
        data: fixData(model, t, 'A'),
      });
    }
    return out;
  },
};
