/**
 * `document/front-matter` — the YAML front matter cannot be read. The rest
 * of the document is still analysed, without what the front matter would
 * have said (type, language, bibliography).
 */
import type { Rule } from './types';

export const frontMatter: Rule = {
  meta: {
    code: 'document/front-matter',
    severity: 'error',
    description: {
      nl: 'De YAML-kop (front matter) is onleesbaar; type, taal en bibliografie worden genegeerd.',
      en: 'The YAML front matter cannot be read; type, language and bibliography are ignored.',
    },
    examples: {
      flagged: [{ text: '---\ntitle: "Rapport\ntype: rapport\n---\n\n# Inleiding\n', at: 'title' }],
      passes: [{ text: '---\ntitle: "Rapport"\ntype: rapport\n---\n\n# Inleiding\n' }],
    },
  },
  check({ model }) {
    return model.notes
      .filter((n) => n.message.startsWith('front-matter'))
      .map((n) => ({
        range: n.range,
        message: {
          nl: `De YAML-kop is onleesbaar: ${n.message.replace(/^front-matter-(invalid|not-mapping):?\s*/, '') || 'geen sleutel-waardeparen'}.`,
          en: `The YAML front matter cannot be read: ${n.message.replace(/^front-matter-(invalid|not-mapping):?\s*/, '') || 'not a mapping'}.`,
        },
      }));
  },
};
