/**
 * `wederhoor/disagreement` — a reaction that disagrees with a conclusion or
 * recommendation, or qualifies it: its stance (partly, disagree) and the
 * phrases that show it ("Wij constateren een tegenstelling", "Ter
 * nuancering", "… kennen wij niet", "nemen wij niet over"). Information: a
 * reviewer reads these first, and the afterword should answer them (see
 * `wederhoor/unanswered-disagreement`). The phrases are data per language
 * (`lexicon/wederhoor.<lang>.json`); see `reactionStance`.
 */
import type { Rule } from '../types';
import { wederhoorView } from '../../wederhoor/view';
import { STANCE_WORD, firstLine, itemName, related, short } from './util';

const DOC = (reaction: string): string => `---
type: reactie
---

# Bestuurlijke reactie

## Conclusie 1

> De raad is niet tijdig geïnformeerd.

${reaction}
`;

export const disagreement: Rule = {
  meta: {
    code: 'wederhoor/disagreement',
    severity: 'information',
    description: {
      nl: 'Een bestuurlijke reactie is het (deels) oneens met een conclusie of aanbeveling; met de zinsneden die dat laten zien.',
      en: 'A response (partly) disagrees with a conclusion or recommendation; with the phrases that show it.',
    },
    examples: {
      flagged: [
        { text: DOC('Deze conclusie herkennen wij niet. De raad is via de jaarstukken geïnformeerd.'), at: 'herkennen wij niet' },
        { text: DOC('Wij herkennen ons in deze conclusie. Ter nuancering: de jaarstukken bevatten wel cijfers.'), at: 'Ter nuancering' },
      ],
      passes: [{ text: DOC('Het college onderschrijft deze conclusie en informeert de raad voortaan elk kwartaal.') }],
    },
  },
  check({ model, project }) {
    const out: ReturnType<Rule['check']> = [];
    if (!model.reactions.length) return out;
    const view = wederhoorView(model, project);
    for (const e of view.entries) {
      if (e.doc !== model) continue;
      const { stance, phrases } = e.stance;
      if (stance !== 'disagree' && stance !== 'partly') continue;
      const shown = phrases.filter((p) => p.stance !== 'agree' || stance === 'partly');
      const main = shown.find((p) => p.stance === stance) ?? shown[0];
      const id = e.target?.id ?? e.reaction.target;
      const who = id ? itemName(id, e.target?.label ?? e.reaction.label) : { nl: 'het rapport', en: 'the report' };
      const list = shown.map((p) => `'${short(p.text, 60)}'`).join(', ');
      out.push({
        range: main?.range ?? firstLine(model.text, e.reaction.textRange ?? e.reaction.range),
        message: {
          nl: `Reactie op ${who.nl}: ${STANCE_WORD[stance].nl} — ${list}.`,
          en: `Response to ${who.en}: ${STANCE_WORD[stance].en} — ${list}.`,
        },
        related: e.target && view.report ? [related(model, view.report, firstLine(view.report.text, e.target.range), { nl: `De tekst van ${who.nl}`, en: `The text of ${who.en}` })] : undefined,
        data: { target: id, reaction: e.reaction.id, stance, phrases: phrases.map((p) => ({ text: p.text, stance: p.stance })) },
      });
    }
    return out;
  },
};
