/**
 * `wederhoor/count-mismatch` — a stated number of conclusions,
 * recommendations or research questions ("alle 13 conclusies en
 * aanbevelingen", "de volgende drie aanbevelingen") that is not what is
 * there.
 *
 * What is there: the report's items (the document itself when it is a
 * report; the project's report for a reaction or a letter); without a
 * report, the document's own items or, in a reaction, the items it reacts
 * to. In a reaction the message also says how many items it reacts to.
 * Number words and nouns are data (`lexicon/wederhoor.<lang>.json`).
 */
import type { DocumentModel } from '../../types';
import type { Rule } from '../types';
import type { CountKind } from '../../wederhoor/lexicon';
import { countStatements } from '../../wederhoor/counts';
import { reportOf, wederhoorView } from '../../wederhoor/view';
import { related, firstLine } from './util';

const NOUN: Record<CountKind, { nl: [string, string]; en: [string, string] }> = {
  conclusion: { nl: ['conclusie', 'conclusies'], en: ['conclusion', 'conclusions'] },
  recommendation: { nl: ['aanbeveling', 'aanbevelingen'], en: ['recommendation', 'recommendations'] },
  question: { nl: ['onderzoeksvraag', 'onderzoeksvragen'], en: ['research question', 'research questions'] },
};

function countOf(doc: DocumentModel, kind: CountKind): number {
  const list = kind === 'conclusion' ? doc.conclusions : kind === 'recommendation' ? doc.recommendations : doc.questions;
  return new Set(list.map((x) => (x.label && /^\d/.test(x.label) ? x.label : x.id))).size;
}

const REACTION = (n: string): string => `---
type: reactie
---

# Bestuurlijke reactie

Hieronder reageren wij op alle ${n} aanbevelingen uit het rapport.

## Aanbeveling 1

> Stel meetbare doelen vast.

Het college neemt deze aanbeveling over.

## Aanbeveling 2

> Informeer de raad elk kwartaal.

Het college neemt deze aanbeveling over.
`;

export const countMismatch: Rule = {
  meta: {
    code: 'wederhoor/count-mismatch',
    severity: 'warning',
    description: {
      nl: 'Een genoemd aantal conclusies, aanbevelingen of onderzoeksvragen ("alle 13 conclusies en aanbevelingen") klopt niet met wat er staat.',
      en: 'A stated number of conclusions, recommendations or research questions ("all 13 conclusions and recommendations") does not match what is there.',
    },
    examples: {
      flagged: [{ text: REACTION('drie'), at: 'drie aanbevelingen' }],
      passes: [{ text: REACTION('twee') }, { text: '---\ntype: rapport\n---\n\n# 6 Aanbevelingen\n\nDe rekenkamer doet drie aanbevelingen.\n\n1. Stel doelen vast.\n2. Informeer de raad.\n3. Evalueer in 2026.\n' }],
    },
  },
  check({ model, project }) {
    const out: ReturnType<Rule['check']> = [];
    if (model.kind !== 'report' && model.kind !== 'reaction' && model.kind !== 'letter') return out;
    const statements = countStatements(model);
    if (!statements.length) return out;
    const report = reportOf(model, project);
    const view = model.reactions.length ? wederhoorView(model, project) : null;
    for (const st of statements) {
      const inReaction = model.kind === 'reaction' || (model.reactions.length > 0 && model.sections.some((s) => s.role === 'reaction' && s.range.start <= st.range.start && st.range.end <= s.range.end));
      let reacted: number | null = null;
      if (inReaction && view) {
        const ids = new Set<string>();
        for (const e of view.entries) {
          if (e.doc !== model) continue;
          const kind = e.target ? (e.target.id.startsWith('R') ? 'recommendation' : 'conclusion') : e.reaction.targetKind;
          const id = e.target?.id ?? e.reaction.target ?? e.reaction.id;
          if (kind && st.kinds.includes(kind)) ids.add(id);
        }
        reacted = ids.size;
      }
      let there: number | null = null;
      let per: Array<[CountKind, number]> = [];
      if (report) {
        per = st.kinds.map((k) => [k, countOf(report, k)]);
        if (per.some(([, n]) => n === 0)) per = [];
      } else if (!inReaction) {
        per = st.kinds.map((k) => [k, countOf(model, k)]);
        if (per.some(([, n]) => n === 0)) per = [];
      }
      if (per.length) there = per.reduce((s, [, n]) => s + n, 0);
      else if (reacted !== null && reacted > 0) there = reacted;
      if (there === null || there === st.n) continue;
      const parts = (l: 'nl' | 'en'): string => per.map(([k, n]) => `${n} ${NOUN[k][l][n === 1 ? 0 : 1]}`).join(l === 'nl' ? ' en ' : ' and ');
      const has = per.length
        ? {
            nl: `${report && report !== model ? 'het rapport heeft' : 'er zijn'} er ${there}${per.length > 1 ? ` (${parts('nl')})` : ''}`,
            en: `${report && report !== model ? 'the report has' : 'there are'} ${there}${per.length > 1 ? ` (${parts('en')})` : ''}`,
          }
        : { nl: `de reactie reageert op ${there} onderdelen`, en: `the response reacts to ${there} items` };
      const plus = per.length && reacted !== null ? { nl: `; de reactie reageert op ${reacted}`, en: `; the response reacts to ${reacted}` } : { nl: '', en: '' };
      out.push({
        range: st.range,
        message: {
          nl: `Hier staat '${st.text}', maar ${has.nl}${plus.nl}.`,
          en: `This says '${st.text}', but ${has.en}${plus.en}.`,
        },
        related: report && report !== model ? [related(model, report, firstLine(report.text, (report.conclusions[0] ?? report.recommendations[0] ?? { range: { start: 0, end: 0 } }).range), { nl: 'Het rapport', en: 'The report' })] : undefined,
        data: { stated: st.n, actual: there, reacted, kinds: st.kinds },
      });
    }
    return out;
  },
};
