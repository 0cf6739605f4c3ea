/**
 * `structure/numbering-gap` — research questions, conclusions or
 * recommendations numbered with a gap or a repeat ("1, 2, 4"): usually an
 * item was deleted or merged and the rest was not renumbered, so references
 * elsewhere ("aanbeveling 4") may now point at the wrong item.
 */
import type { Rule } from './types';
import type { ItemBase } from '../types';

export const numberingGap: Rule = {
  meta: {
    code: 'structure/numbering-gap',
    severity: 'warning',
    description: {
      nl: 'Onderzoeksvragen, conclusies of aanbevelingen zijn genummerd met een gat of een herhaling.',
      en: 'Research questions, conclusions or recommendations are numbered with a gap or a repeat.',
    },
    examples: {
      flagged: [{ text: '# Aanbevelingen\n\n1. Stel doelen vast.\n\n## Aanbeveling 2\n\nInformeer de raad.\n\n## Aanbeveling 4\n\nEvalueer in 2026.\n', at: 'Aanbeveling 4' }],
      passes: [{ text: '# Aanbevelingen\n\n1. Stel doelen vast.\n2. Informeer de raad.\n3. Evalueer in 2026.\n' }],
    },
  },
  check({ model }) {
    const out: ReturnType<Rule['check']> = [];
    const lists: Array<[string, string, ItemBase[]]> = [
      ['onderzoeksvraag', 'research question', model.questions],
      ['conclusie', 'conclusion', model.conclusions],
      ['aanbeveling', 'recommendation', model.recommendations],
    ];
    for (const [nl, en, items] of lists) {
      const numbered = items.filter((i) => i.label && /^\d+$/.test(i.label));
      if (numbered.length < 2 || numbered.length !== items.length) continue;
      const sorted = [...numbered].sort((a, b) => a.range.start - b.range.start);
      for (let k = 1; k < sorted.length; k++) {
        const prev = Number(sorted[k - 1].label);
        const cur = Number(sorted[k].label);
        if (cur === prev + 1 || cur === 1) continue; // numbering may restart per group
        out.push({
          range: { start: sorted[k].range.start, end: Math.min(sorted[k].range.end, sorted[k].range.start + 80) },
          message:
            cur === prev
              ? { nl: `${cap(nl)} ${cur} komt twee keer voor.`, en: `${cap(en)} ${cur} occurs twice.` }
              : { nl: `${cap(nl)} ${cur} volgt op ${prev}: nummer ${prev + 1} ontbreekt.`, en: `${cap(en)} ${cur} follows ${prev}: number ${prev + 1} is missing.` },
        });
      }
    }
    return out;
  },
};

function cap(s: string): string {
  return s[0].toUpperCase() + s.slice(1);
}
