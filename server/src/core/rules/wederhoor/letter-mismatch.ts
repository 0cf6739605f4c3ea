/**
 * `wederhoor/letter-mismatch` — the cover letter (aanbiedingsbrief) states a
 * conclusion or recommendation differently from the report.
 *
 * The letter is a document of its own (`type: brief`, belonging to the
 * report) or the letter at the front of a report. Items it repeats are
 * aligned to the report's by text and number and compared word by word;
 * the "(zie conclusie N)" references a letter drops, and sentences it
 * leaves out, are no difference. Items it rewrites, and summary sentences
 * that restate a conclusion, are checked for their numbers only ("90%" in
 * the letter, "95%" in the report). Reported on the changed words in the
 * letter, with the report's words as related information.
 */
import type { Rule } from '../types';
import { reportOf } from '../../wederhoor/view';
import { letterFindings } from '../../wederhoor/letter';
import { itemName, related, short } from './util';

const DOC = (letterItem: string): string => `---
type: rapport
---

# Aanbiedingsbrief

Geachte leden van de raad,

Wij doen twee aanbevelingen:

1. ${letterItem}
2. Rapporteer elk kwartaal aan de raad over de wachttijden.

# 5 Aanbevelingen

1. Stel vóór 1 juli 2026 een nieuw beleidsplan vast met meetbare doelen (zie conclusie 1).
2. Rapporteer elk kwartaal aan de raad over de wachttijden (zie conclusie 2).
`;

export const letterMismatch: Rule = {
  meta: {
    code: 'wederhoor/letter-mismatch',
    severity: 'warning',
    description: {
      nl: 'De aanbiedingsbrief geeft een conclusie of aanbeveling anders weer dan het rapport.',
      en: 'The cover letter states a conclusion or recommendation differently from the report.',
    },
    examples: {
      flagged: [{ text: DOC('Stel vóór 1 januari 2026 een nieuw beleidsplan vast met meetbare doelen.'), at: 'januari' }],
      passes: [{ text: DOC('Stel vóór 1 juli 2026 een nieuw beleidsplan vast met meetbare doelen.') }],
    },
  },
  check({ model, project }) {
    const out: ReturnType<Rule['check']> = [];
    if (model.kind !== 'letter' && model.kind !== 'report') return out;
    const report = reportOf(model, project);
    if (!report) return out;
    for (const f of letterFindings(model, report)) {
      const c = f.change;
      const item = itemName(f.target.id, f.target.label);
      const r = short(c.reportShown);
      const l = short(c.otherShown);
      const range = c.otherRange ?? c.reportRange;
      if (!range) continue;
      out.push({
        range,
        ...(c.kind === 'spelling' ? { severity: 'information' as const } : {}),
        message: {
          nl: `De brief geeft ${item.nl} anders weer dan het rapport — rapport: '${r}' — brief: '${l}'`,
          en: `The letter states ${item.en} differently from the report — report: '${r}' — letter: '${l}'`,
        },
        related: c.reportRange ? [related(model, report, c.reportRange, { nl: `Tekst van ${item.nl} in het rapport`, en: `Text of ${item.en} in the report` })] : undefined,
        data: { target: f.target.id, kind: c.kind, check: f.kind, report: c.report, letter: c.other },
      });
    }
    return out;
  },
};
