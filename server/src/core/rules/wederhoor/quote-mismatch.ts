/**
 * `wederhoor/quote-mismatch` — the reaction quotes a conclusion or
 * recommendation (or the research question above it) in words that are not
 * the report's.
 *
 * The quote is aligned to its item by text and number (a renumbered or
 * unnumbered quote still finds its item) and compared word by word after
 * normalising whitespace, line-break hyphenation, bullets (• − – o -),
 * quote marks (’ ‘ ' “ ” ") and footnote markers; punctuation, case,
 * references such as "(zie conclusie 3)" and sentences left out at the
 * start or end of the quote are no difference. A sentence that stands
 * elsewhere in the quote is reported as moved, not as deleted and
 * inserted.
 *
 * One diagnostic per change, on the changed words in the quote: each
 * change has its own place (the squiggle is where the words differ, with
 * the report's words as related information and as the fix), and a
 * reader can judge and resolve them one by one; changes one word apart
 * are joined into one. Differences of spelling alone (spacing, hyphens:
 * "OpenHouse" / "Open House") are reported with severity information.
 */
import type { Rule } from '../types';
import { wederhoorView } from '../../wederhoor/view';
import type { QuoteChange } from '../../wederhoor/quote';
import { itemName, related, short } from './util';

const EXAMPLE_REPORT = `---
type: rapport
---

# 5 Conclusies

1. De gemeente heeft de jeugdhulp in 2024 goed georganiseerd. De wachttijden zijn korter.

# 6 Bestuurlijke reactie

## Conclusie 1

`;

export const quoteMismatch: Rule = {
  meta: {
    code: 'wederhoor/quote-mismatch',
    severity: 'warning',
    description: {
      nl: 'De bestuurlijke reactie citeert een conclusie of aanbeveling anders dan het rapport: woorden gewijzigd, weggelaten, toegevoegd of zinnen verplaatst.',
      en: "The administration's response quotes a conclusion or recommendation differently from the report: words changed, left out, added, or sentences moved.",
    },
    examples: {
      flagged: [
        { text: EXAMPLE_REPORT + '> De gemeente heeft de jeugdzorg in 2024 goed georganiseerd. De wachttijden zijn korter.\n\nHet college onderschrijft deze conclusie.\n', at: 'jeugdzorg' },
        { text: EXAMPLE_REPORT + '> De wachttijden zijn\n> korter. De gemeente heeft de jeugdhulp in 2024 goed georganiseerd.\n\nHet college onderschrijft deze conclusie.\n', at: 'wachttijden zijn\n> korter' },
      ],
      passes: [
        { text: EXAMPLE_REPORT + '> De gemeente heeft de jeugd-\n> hulp in 2024 “goed” georganiseerd.\n> De wachttijden zijn korter.\n\nHet college onderschrijft deze conclusie.\n' },
        { text: EXAMPLE_REPORT + '> De gemeente heeft de jeugdhulp in 2024 goed georganiseerd.\n\nHet college onderschrijft deze conclusie.\n' },
      ],
    },
  },
  check({ model, project }) {
    const out: ReturnType<Rule['check']> = [];
    if (!model.reactions.length) return out;
    const view = wederhoorView(model, project);
    const report = view.report;
    if (!report) return out;
    for (const e of view.entries) {
      if (e.doc !== model || !e.diff || !e.target) continue;
      const item = itemName(e.target.id, e.target.label);
      for (const c of e.diff.changes) {
        const range = c.quoteRange ?? e.reaction.quoteRange ?? e.reaction.range;
        const what = c.part === 'question' ? { nl: `de onderzoeksvraag bij ${item.nl}`, en: `the research question of ${item.en}` } : item;
        out.push({
          range,
          ...(c.kind === 'spelling' ? { severity: 'information' as const } : {}),
          message: message(c, what),
          related: c.reportRange ? [related(model, report, c.reportRange, { nl: `Tekst in het rapport: '${short(c.reportShown)}'`, en: `Text in the report: '${short(c.reportShown)}'` })] : undefined,
          data: { target: e.target.id, reaction: e.reaction.id, kind: c.kind, part: c.part, report: c.report, quote: c.quote, ...(c.moved ? { moved: c.moved } : {}) },
        });
      }
    }
    return out;
  },
};

function message(c: QuoteChange, what: { nl: string; en: string }): { nl: string; en: string } {
  const r = short(c.reportShown);
  const q = short(c.quoteShown);
  switch (c.kind) {
    case 'moved': {
      const m = c.moved!;
      return {
        nl: `Zin verplaatst in het citaat van ${what.nl}: '${short(c.quote, 70)}' is in het rapport zin ${m.reportPosition} van ${m.sentences}, in de reactie zin ${m.quotePosition}.`,
        en: `Sentence moved in the quote of ${what.en}: '${short(c.quote, 70)}' is sentence ${m.reportPosition} of ${m.sentences} in the report, sentence ${m.quotePosition} in the response.`,
      };
    }
    case 'deleted':
      return { nl: `Citaat van ${what.nl} laat woorden weg — rapport: '${r}' — reactie: '${q}'`, en: `Quote of ${what.en} leaves words out — report: '${r}' — response: '${q}'` };
    case 'inserted':
      return { nl: `Citaat van ${what.nl} voegt woorden toe — rapport: '${r}' — reactie: '${q}'`, en: `Quote of ${what.en} adds words — report: '${r}' — response: '${q}'` };
    case 'spelling':
      return { nl: `Citaat van ${what.nl} schrijft anders — rapport: '${r}' — reactie: '${q}'`, en: `Quote of ${what.en} is spelled differently — report: '${r}' — response: '${q}'` };
    default:
      return { nl: `Citaat van ${what.nl} wijkt af van het rapport — rapport: '${r}' — reactie: '${q}'`, en: `Quote of ${what.en} differs from the report — report: '${r}' — response: '${q}'` };
  }
}
