/**
 * `smart/specific` — a goal or recommendation that rests on a vague verb or
 * phrase ("inzetten op", "versterken", "verbeteren", "stimuleren",
 * "aandacht besteden aan", "meer regie", "strengthen", "promote") and names
 * no concrete result: no number, indicator or deliverable that says what
 * will be different. A vague verb with a concrete result ("Wij verbeteren
 * de dienstverlening: in 2026 geven ondernemers ten minste een 7,5") passes.
 *
 * The diagnostic stands on the vague words; the message quotes them. The
 * words are data (`lexicon/smart.nl.json`, `smart.en.json` → `vague`).
 */
import type { Rule } from '../types';
import { fixData, many, preferFirst, quotes, subject, targets } from './common';

export const smartSpecific: Rule = {
  meta: {
    code: 'smart/specific',
    severity: 'warning',
    description: {
      nl: 'Doel of aanbeveling is niet specifiek: een vage formulering ("inzetten op", "versterken", "aandacht besteden aan") zonder concreet resultaat.',
      en: 'Goal or recommendation is not specific: vague wording ("strengthen", "improve", "focus on") without a concrete result.',
    },
    examples: {
      flagged: [
        { text: '---\ntype: beleid\n---\n# Doelstellingen\n\n1. Wij zetten in op het versterken van de samenwerking met maatschappelijke partners.\n', at: 'zetten in op' },
        { text: '# Aanbevelingen\n\n1. Besteed meer aandacht aan de toegankelijkheid van het Geldloket.\n', at: 'Besteed meer aandacht aan' },
        { text: '---\nlang: en\n---\n# Recommendations\n\n1. The council should strengthen its oversight of the housing programme.\n', at: 'strengthen' },
      ],
      passes: [
        { text: '---\ntype: beleid\n---\n# Doelstellingen\n\n1. Het college verlaagt vóór 1 januari 2026 de uitgaven aan jeugdhulp met 10% ten opzichte van 2023.\n' },
        { text: '---\ntype: beleid\n---\n# Doelstellingen\n\n1. Wij verbeteren de dienstverlening aan ondernemers: in 2026 beoordelen zij die met gemiddeld ten minste een 7,5.\n' },
        { text: '# Aanbevelingen\n\n1. Het college legt vóór 1 juli 2026 een plan van aanpak vroegsignalering aan de raad voor.\n' },
      ],
    },
  },
  check({ model }) {
    const out: ReturnType<Rule['check']> = [];
    for (const t of targets(model, ['goal', 'recommendation'])) {
      const card = t.card.S;
      if (card.ok !== false) continue;
      const c = { ...card, evidence: preferFirst(card.evidence, t) };
      const q = { nl: quotes(c.evidence, 'nl'), en: quotes(c.evidence, 'en') };
      const name = subject(t);
      const first = c.evidence[0];
      out.push({
        range: first ? { start: first.start, end: first.end } : t.range,
        message: {
          nl: `${name.nl} is niet specifiek: ${q.nl} ${many(c.evidence) ? 'zeggen' : 'zegt'} niet wat er concreet verandert of wordt opgeleverd.`,
          en: `${name.en} is not specific: ${q.en} ${many(c.evidence) ? 'do' : 'does'} not say what concretely changes or is delivered.`,
        },
        data: fixData(model, t, 'S'),
      });
    }
    return out;
  },
};
