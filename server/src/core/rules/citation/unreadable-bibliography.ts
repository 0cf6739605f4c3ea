/**
 * `citation/unreadable-bibliography` — a bibliography that cannot be read.
 * In the document: a front matter `bibliography:` naming a file that is
 * missing or broken, and malformed inline `references:`. The problems inside
 * a bibliography file itself are file diagnostics on that file, with the
 * parser's line.
 */
import type { Rule } from '../types';
import { inlineReferences } from '../../bibliography/inline';
import { dirOf, resolveIn } from '../../bibliography/util';

export const unreadableBibliography: Rule = {
  meta: {
    code: 'citation/unreadable-bibliography',
    severity: 'error',
    description: {
      nl: 'De bibliografie is onleesbaar of ontbreekt; citaten kunnen niet worden gecontroleerd.',
      en: 'The bibliography cannot be read or is missing; citations cannot be checked.',
    },
    examples: {
      flagged: [
        { text: '---\nreferences: "zie bronnen.bib"\n---\n\n# Bevindingen\n\nTekst [@a].\n', at: 'references:' },
        { text: '---\nreferences:\n  - title: Een bron zonder sleutel\n---\n\n# Bevindingen\n\nTekst.\n', at: 'title: Een bron zonder sleutel' },
      ],
      passes: [{ text: '---\nreferences:\n  - id: a\n    title: Een bron\n---\n\n# Bevindingen\n\nTekst [@a].\n' }],
    },
  },
  check({ model, project }) {
    const out: ReturnType<Rule['check']> = [];
    for (const p of inlineReferences(model).problems) out.push({ range: p.range, message: p.message });
    const view = project?.bibliography;
    if (view && model.frontMatterRange) {
      for (const name of view.missingFor(model)) {
        const fm = model.text.slice(model.frontMatterRange.start, model.frontMatterRange.end);
        const at = fm.indexOf(name);
        const start = model.frontMatterRange.start + (at >= 0 ? at : 0);
        const f = (model.uri ? view.file(resolveIn(dirOf(model.uri), name)) : null) ?? [...view.files].find((x) => x.path.endsWith('/' + name.replace(/^\.\//, '')));
        const why = f ? (f.problems[0]?.message ?? { nl: 'onleesbaar', en: 'unreadable' }) : { nl: 'bestand niet gevonden', en: 'file not found' };
        // Read, but without a single entry (empty, or another format): its keys can't be judged either.
        const read = !!f && f.text !== null;
        out.push({
          range: { start, end: start + (at >= 0 ? name.length : 0) },
          message: read ? { nl: `Bibliografie ${name} is onbruikbaar: ${why.nl}.`, en: `Bibliography ${name} cannot be used: ${why.en}.` } : { nl: `Bibliografie ${name} is niet te lezen: ${why.nl}.`, en: `Bibliography ${name} cannot be read: ${why.en}.` },
          data: { path: name },
        });
      }
    }
    return out;
  },
};
