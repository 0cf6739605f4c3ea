/**
 * `smart/realistic` — a drastic ambition ("halveert", "verdubbelt", "naar
 * nul", "eliminate") that names no means, budget or capacity. Whether a
 * goal is realistic is the auditor's call; what the text can show is
 * whether it says how it will be paid for or staffed. So: a hint, and only
 * for the ambitions that most need it. Goals and recommendations without
 * named means are shown on the SMART card ("R –"), not flagged.
 *
 * Means counted: amounts with a budget word ("€ 250.000 beschikbaar",
 * "budget van"), fte and extra staff, "met inzet van", "gefinancierd uit",
 * "funded from".
 */
import type { Rule } from '../types';
import { fixData, quotes, subject, targets } from './common';

export const smartRealistic: Rule = {
  meta: {
    code: 'smart/realistic',
    severity: 'hint',
    description: {
      nl: 'Forse ambitie ("halveert", "verdubbelt") zonder genoemde middelen, budget of capaciteit.',
      en: 'Drastic ambition ("halve", "double") without named means, budget or capacity.',
    },
    examples: {
      flagged: [
        { text: '# Aanbevelingen\n\n1. Het college halveert vóór eind 2026 het aantal huishoudens met geregistreerde problematische schulden.\n', at: 'Het college halveert' },
        { text: '---\nlang: en\n---\n# Objectives\n\n1. We will halve the number of rough sleepers by the end of 2026.\n', at: 'halve' },
      ],
      passes: [
        { text: '# Aanbevelingen\n\n1. Het college halveert vóór eind 2026 de wachtlijst bij Geldmaatjes en stelt daarvoor € 20.000 per jaar extra beschikbaar.\n' },
        { text: '---\ntype: beleid\n---\n# Doelstellingen\n\n1. Het college verlaagt vóór 1 januari 2026 de uitgaven aan jeugdhulp met 10% ten opzichte van 2023.\n' },
      ],
    },
  },
  check({ model }) {
    const out: ReturnType<Rule['check']> = [];
    for (const t of targets(model, ['goal', 'recommendation'])) {
      const c = t.card.R;
      if (c.ok !== false) continue;
      const name = subject(t);
      out.push({
        range: t.range,
        message: {
          nl: `${name.nl} legt een forse ambitie vast (${quotes(c.evidence, 'nl')}) zonder middelen, budget of capaciteit te noemen.`,
          en: `${name.en} sets a drastic ambition (${quotes(c.evidence, 'en')}) without naming means, budget or capacity.`,
        },
        data: fixData(model, t, 'R'),
      });
    }
    return out;
  },
};
