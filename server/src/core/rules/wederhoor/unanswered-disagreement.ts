/**
 * `wederhoor/unanswered-disagreement` — the report has a nawoord
 * (afterword), but it does not answer a reaction that disagrees.
 *
 * The afterword answers a reaction when it names the item ("conclusie 6",
 * a link to #C6), quotes the reaction (a quoted word of it, or five words
 * in a row), or has a paragraph that says much the same. A rejection left
 * unanswered is a warning; a reaction that only qualifies ("ter
 * nuancering") is reported as information. Reported at the reaction's
 * phrase, and — when the reaction is a document of its own — also at the
 * afterword's heading in the report.
 */
import type { Rule } from '../types';
import { wederhoorView } from '../../wederhoor/view';
import { addressedBy, afterwordOf } from '../../wederhoor/afterword';
import { STANCE_WORD, fileName, firstLine, itemName, related } from './util';

const REPORT = (afterword: string): string => `---
type: rapport
---

# 5 Conclusies

1. De raad is sinds 2023 niet tijdig geïnformeerd.
2. Het beleid is niet SMART geformuleerd.

# 6 Bestuurlijke reactie

## Conclusie 1

> De raad is sinds 2023 niet tijdig geïnformeerd.

Deze conclusie herkennen wij niet. De raad ontving elk jaar de jaarstukken.

## Conclusie 2

> Het beleid is niet SMART geformuleerd.

Het college onderschrijft deze conclusie.

# 7 Nawoord

${afterword}
`;

export const unansweredDisagreement: Rule = {
  meta: {
    code: 'wederhoor/unanswered-disagreement',
    severity: 'warning',
    description: {
      nl: 'Het nawoord gaat niet in op een reactie die het oneens is met een conclusie of aanbeveling.',
      en: 'The afterword does not answer a response that disagrees with a conclusion or recommendation.',
    },
    examples: {
      flagged: [{ text: REPORT('De rekenkamer dankt het college voor de reactie en is verheugd dat het college het beleid SMART wil maken.'), at: 'herkennen wij niet' }],
      passes: [
        { text: REPORT('Over conclusie 1. De rekenkamer handhaaft de conclusie: de jaarstukken bevatten geen cijfers over de uitvoering.') },
        { text: REPORT('').replace('# 7 Nawoord\n', '') },
      ],
    },
  },
  check({ model, project }) {
    const out: ReturnType<Rule['check']> = [];
    const view = wederhoorView(model, project);
    const report = view.report;
    if (!report || !view.entries.length) return out;
    const aw = afterwordOf(report);
    if (!aw) return out;
    for (const e of view.entries) {
      const { stance, phrases } = e.stance;
      if (stance !== 'disagree' && stance !== 'partly') continue;
      if (addressedBy(aw, e.target?.id ?? null, e.reaction)) continue;
      const id = e.target?.id ?? e.reaction.target;
      const who = id ? itemName(id, e.target?.label ?? e.reaction.label) : { nl: 'een onderdeel', en: 'an item' };
      const main = phrases.find((p) => p.stance === stance) ?? phrases[0];
      const severity = stance === 'partly' ? ('information' as const) : undefined;
      const phrase = main ? ` ('${main.text}')` : '';
      const reactionAt = main?.range ?? firstLine(e.doc.text, e.reaction.textRange ?? e.reaction.range);
      if (e.doc === model) {
        out.push({
          range: reactionAt,
          ...(severity ? { severity } : {}),
          message: {
            nl: `Het nawoord gaat niet in op de reactie op ${who.nl}: ${STANCE_WORD[stance].nl}${phrase}.`,
            en: `The afterword does not answer the response to ${who.en}: ${STANCE_WORD[stance].en}${phrase}.`,
          },
          related: [related(model, report, aw.heading, { nl: 'Het nawoord', en: 'The afterword' })],
          data: { target: id, reaction: e.reaction.id, stance },
        });
      } else if (model === report) {
        out.push({
          range: aw.heading,
          ...(severity ? { severity } : {}),
          message: {
            nl: `Het nawoord gaat niet in op de reactie op ${who.nl} in ${fileName(e.doc.uri)}: ${STANCE_WORD[stance].nl}${phrase}.`,
            en: `The afterword does not answer the response to ${who.en} in ${fileName(e.doc.uri)}: ${STANCE_WORD[stance].en}${phrase}.`,
          },
          related: [related(model, e.doc, reactionAt, { nl: `De reactie op ${who.nl}`, en: `The response to ${who.en}` })],
          data: { target: id, reaction: e.reaction.id, stance },
        });
      }
    }
    return out;
  },
};
