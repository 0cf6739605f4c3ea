/**
 * `structure/duplicate-id` — two headings, divs or spans carry the same
 * explicit `{#id}`: links and cross-references become ambiguous and pandoc
 * makes one of them unreachable.
 */
import type { Rule } from './types';

export const duplicateId: Rule = {
  meta: {
    code: 'structure/duplicate-id',
    severity: 'error',
    description: {
      nl: 'Dezelfde {#id} staat op meer dan één plek; verwijzingen worden dubbelzinnig.',
      en: 'The same {#id} is used more than once; references become ambiguous.',
    },
    examples: {
      flagged: [{ text: '## Conclusie 1 {#C1}\n\nTekst.\n\n## Conclusie 2 {#C1}\n\nMeer tekst.\n', at: 'Conclusie 2' }],
      passes: [{ text: '## Conclusie 1 {#C1}\n\nTekst.\n\n## Conclusie 2 {#C2}\n\nMeer tekst.\n' }],
    },
  },
  check({ model }) {
    const seen = new Map<string, number>();
    const out: ReturnType<Rule['check']> = [];
    model.blocks.forEach((b, i) => {
      if (!b.attrId) return;
      const first = seen.get(b.attrId);
      if (first === undefined) {
        seen.set(b.attrId, i);
        return;
      }
      out.push({
        range: b.content,
        message: { nl: `De id #${b.attrId} is al gebruikt.`, en: `The id #${b.attrId} is already used.` },
        related: [{ message: { nl: 'Eerste gebruik', en: 'First use' }, range: model.blocks[first].content }],
        data: { id: b.attrId },
      });
    });
    return out;
  },
};
