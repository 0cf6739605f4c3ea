/**
 * `citation/duplicate-key` — the same key twice in a bibliography. In a
 * document's inline `references:` it is reported here, on the second item;
 * in a bibliography file it is a file diagnostic (see file-diagnostics.ts).
 */
import type { Rule } from '../types';
import { inlineReferences } from '../../bibliography/inline';

export const duplicateKey: Rule = {
  meta: {
    code: 'citation/duplicate-key',
    severity: 'warning',
    description: {
      nl: 'Dezelfde sleutel staat twee keer in de bibliografie; een citaat kan naar de verkeerde bron wijzen.',
      en: 'The same key appears twice in the bibliography; a citation may point at the wrong source.',
    },
    examples: {
      flagged: [
        {
          text: '---\nreferences:\n  - id: interviews2025\n    title: Gespreksverslagen uitvoering\n  - id: interviews2025\n    title: Gespreksverslag partners\n---\n\n# Bevindingen\n\nHet overleg stopte in 2022 [@interviews2025].\n',
          at: 'interviews2025\n    title: Gespreksverslag partners',
        },
      ],
      passes: [
        { text: '---\nreferences:\n  - id: interviews2025\n    title: Gespreksverslagen uitvoering\n  - id: partners2025\n    title: Gespreksverslag partners\n---\n\n# Bevindingen\n\nHet overleg stopte in 2022 [@interviews2025; @partners2025].\n' },
      ],
    },
  },
  check({ model }) {
    const out: ReturnType<Rule['check']> = [];
    const seen = new Map<string, number>();
    for (const e of inlineReferences(model).entries) {
      const first = seen.get(e.key);
      if (first === undefined) {
        seen.set(e.key, e.line);
        continue;
      }
      out.push({
        range: e.keyRange,
        message: {
          nl: `Sleutel ${e.key} staat al eerder in references (regel ${first + 1}); pandoc gebruikt er één van.`,
          en: `Key ${e.key} already appears in references (line ${first + 1}); pandoc uses only one of them.`,
        },
        data: { key: e.key, firstLine: first },
      });
    }
    return out;
  },
};
