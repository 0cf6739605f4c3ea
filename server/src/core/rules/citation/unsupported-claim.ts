/**
 * `claim/unsupported` — a factual claim in the findings with no source in
 * reach: an amount, a number, an attribution or a dated state of affairs
 * without a citation, a source footnote, a link to a source or a named
 * document (see core/claims/detect.ts for what counts and the scope).
 * The quick fix "Bron invoegen…" (core/claims/editor.ts) offers passages.
 */
import type { Rule, Message } from '../types';
import { unsupportedClaims } from '../../claims/detect';
import type { ClaimReason } from '../../claims/types';

const REASON: Record<ClaimReason, Message> = {
  amount: { nl: 'bevat een bedrag', en: 'contains an amount' },
  number: { nl: 'bevat een getal of percentage', en: 'contains a number or percentage' },
  attribution: { nl: 'attributie zonder bron', en: 'attribution without a source' },
  state: { nl: 'feitelijke bewering met datum of besluit', en: 'dated or decided state of affairs' },
};

export function reasonText(reasons: readonly ClaimReason[]): Message {
  return { nl: reasons.map((r) => REASON[r].nl).join('; '), en: reasons.map((r) => REASON[r].en).join('; ') };
}

export const unsupportedClaim: Rule = {
  meta: {
    code: 'claim/unsupported',
    severity: 'warning',
    description: {
      nl: 'Feitelijke bewering in de bevindingen (bedrag, getal, attributie, gedateerd feit) zonder bron in dezelfde zin of alinea.',
      en: 'Factual claim in the findings (amount, number, attribution, dated fact) without a source in the same sentence or paragraph.',
    },
    examples: {
      flagged: [
        {
          text: '---\ntype: rapport\n---\n\n# 2 Bevindingen\n\nDe gemiddelde schuld bedroeg in 2020 € 36.800 [@nota2021, p. 2]. De gemiddelde schuld is sindsdien opgelopen tot € 41.250 in 2024.\n',
          at: '€ 41.250',
        },
        {
          text: '---\ntype: rapport\n---\n\n# 4 Bevindingen\n\nUit interviews blijkt dat vrijwilligers zich onvoldoende betrokken voelen.\n',
          at: 'Uit interviews blijkt',
        },
      ],
      passes: [
        { text: '---\ntype: rapport\n---\n\n# 2 Bevindingen\n\nDe gemiddelde schuld is opgelopen tot € 41.250 in 2024 [@datanotitie2025].\n' },
        { text: '---\ntype: rapport\n---\n\n# 2 Bevindingen\n\nRespondenten gaven aan dat de wachttijd daalde.[^1]\n\n[^1]: Bron: interviews met uitvoerders, maart 2025.\n' },
        { text: '---\ntype: rapport\n---\n\n# 1 Inleiding\n\nIn 2024 hadden 1.000 huishoudens schulden.\n' },
      ],
    },
  },
  check({ model }) {
    return unsupportedClaims(model).map((c) => {
      const why = reasonText(c.reasons);
      return {
        range: c.range,
        message: {
          nl: `Bewering zonder bron (${why.nl}): voeg een citaat, bronvoetnoot of verwijzing toe.`,
          en: `Claim without a source (${why.en}): add a citation, a source footnote or a reference.`,
        },
        data: { reasons: c.reasons, sentence: c.sentence },
      };
    });
  },
};
