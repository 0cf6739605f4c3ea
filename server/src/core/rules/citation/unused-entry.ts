/**
 * `citation/unused-entry` — a bibliography entry no document cites. For a
 * document's inline `references:` it is reported here; for bibliography
 * files, across the whole project, as a file diagnostic.
 */
import type { Rule } from '../types';
import { inlineReferences } from '../../bibliography/inline';

export const unusedEntry: Rule = {
  meta: {
    code: 'citation/unused-entry',
    severity: 'information',
    description: {
      nl: 'Een bron in de bibliografie wordt nergens geciteerd.',
      en: 'A bibliography entry is never cited.',
    },
    examples: {
      flagged: [
        {
          text: '---\nreferences:\n  - id: nota2021\n    title: Schulden in Lindeveen 2021\n  - id: verhoef2022\n    title: Schuldhulpverlening in de gemeente\n---\n\n# Bevindingen\n\nDe schuld bedroeg € 36.800 [@nota2021, p. 2].\n',
          at: 'verhoef2022',
        },
      ],
      passes: [
        { text: '---\nreferences:\n  - id: nota2021\n    title: Schulden in Lindeveen 2021\n---\n\n# Bevindingen\n\nDe schuld bedroeg € 36.800 [@nota2021, p. 2].\n' },
        { text: '---\nnocite: "@verhoef2022"\nreferences:\n  - id: verhoef2022\n    title: Schuldhulpverlening in de gemeente\n---\n\nTekst.\n' },
      ],
    },
  },
  check({ model }) {
    const entries = inlineReferences(model).entries;
    if (!entries.length) return [];
    const cited = citedKeys(model);
    if (cited.has('*')) return [];
    return entries
      .filter((e) => !cited.has(e.key))
      .map((e) => ({
        range: e.keyRange,
        message: { nl: `Bron ${e.key} wordt nergens geciteerd.`, en: `Entry ${e.key} is never cited.` },
        data: { key: e.key },
      }));
  },
};

/** Keys a document cites, including pandoc's front matter `nocite:` ("@*" = all). */
export function citedKeys(model: { citations: ReadonlyArray<{ key: string }>; frontMatter: Record<string, unknown> | null }): Set<string> {
  const out = new Set(model.citations.map((c) => c.key));
  const nocite = model.frontMatter?.nocite;
  const list = typeof nocite === 'string' ? [nocite] : Array.isArray(nocite) ? nocite.filter((x): x is string => typeof x === 'string') : [];
  for (const s of list) for (const m of s.matchAll(/@(\*|[\p{L}\p{N}_][\p{L}\p{N}_:.#$%&\-+?<>~/]*)/gu)) out.add(m[1]);
  return out;
}
