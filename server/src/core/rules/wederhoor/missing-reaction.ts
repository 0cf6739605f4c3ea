/**
 * `wederhoor/missing-reaction` — a conclusion or recommendation the
 * administration's response does not react to.
 *
 * Reactions come from the reaction documents that belong to the report
 * (`type: reactie`, `report: rapport.md`, or the only report of the
 * project) and from the report's own reaction section; they are aligned to
 * the items by text and number. Reported on each item in the report, and
 * once at the top of the reaction (the document's first heading, or the
 * reaction section's heading) with the list of items it leaves out.
 * Nothing is reported while there is no reaction at all.
 */
import type { DocumentModel, Span } from '../../types';
import type { Rule } from '../types';
import { wederhoorView } from '../../wederhoor/view';
import { fileName, firstLine, itemName, names, related } from './util';

const REPORT = `---
type: rapport
---

# 5 Conclusies

1. Het beleid is niet SMART geformuleerd.
2. De raad is laat geïnformeerd over de resultaten.

# 6 Bestuurlijke reactie

## Conclusie 1

> Het beleid is niet SMART geformuleerd.

Het college onderschrijft deze conclusie.
`;

export const missingReaction: Rule = {
  meta: {
    code: 'wederhoor/missing-reaction',
    severity: 'warning',
    description: {
      nl: 'De bestuurlijke reactie reageert niet op een conclusie of aanbeveling van het rapport.',
      en: "The administration's response does not react to a conclusion or recommendation of the report.",
    },
    examples: {
      flagged: [{ text: REPORT, at: 'De raad is laat geïnformeerd' }],
      passes: [
        { text: REPORT + '\n## Conclusie 2\n\n> De raad is laat geïnformeerd over de resultaten.\n\nDat herkennen wij.\n' },
        { text: '---\ntype: rapport\n---\n\n# 5 Conclusies\n\n1. Het beleid is niet SMART geformuleerd.\n2. De raad is laat geïnformeerd over de resultaten.\n' },
      ],
    },
  },
  check({ model, project }) {
    const out: ReturnType<Rule['check']> = [];
    if (model.kind !== 'report' && !model.reactions.length) return out;
    const view = wederhoorView(model, project);
    const report = view.report;
    if (!report || !view.missing.length) return out;
    const sourceNames = view.sources.map((d) => (d === report ? { nl: 'de reactie in het rapport', en: 'the response in the report' } : { nl: fileName(d.uri), en: fileName(d.uri) }));
    const where = { nl: sourceNames.map((s) => s.nl).join(', '), en: sourceNames.map((s) => s.en).join(', ') };

    if (model === report) {
      for (const it of view.missing) {
        const name = itemName(it.id, it.label);
        const other = view.sources.find((d) => d !== report);
        out.push({
          range: itemHead(report, it.range),
          message: { nl: `Geen bestuurlijke reactie op ${name.nl} (${where.nl}).`, en: `No response to ${name.en} (${where.en}).` },
          related: other ? [related(model, other, topOf(other), { nl: 'De bestuurlijke reactie', en: "The administration's response" })] : undefined,
          data: { target: it.id },
        });
      }
    }
    if (view.sources.includes(model)) {
      const list = names(view.missing);
      const ids = view.missing.map((it) => it.id).join(', ');
      out.push({
        range: topOf(model),
        message: { nl: `De reactie reageert niet op ${list.nl} (${ids}).`, en: `The response does not react to ${list.en} (${ids}).` },
        related: view.missing.map((it) => related(model, report, itemHead(report, it.range), { nl: itemName(it.id, it.label).nl, en: itemName(it.id, it.label).en })),
        data: { missing: view.missing.map((it) => it.id) },
      });
    }
    return out;
  },
};

/** The first line of an item (its heading or the start of its first block). */
function itemHead(report: DocumentModel, range: Span): Span {
  const b = report.blocks.find((x) => x.range.start >= range.start && x.range.end <= range.end && x.text.length > 0);
  return firstLine(report.text, b ? b.content : range);
}

/** Where a reaction begins: the reaction section's heading in a report, the first heading or block of a reaction document. */
export function topOf(doc: DocumentModel): Span {
  const first = doc.reactions[0];
  if (doc.kind === 'report' && first && first.section >= 0) {
    let sec = first.section;
    while (doc.sections[sec].parent !== null && doc.sections[doc.sections[sec].parent!].role === 'reaction') sec = doc.sections[sec].parent!;
    return doc.sections[sec].headingRange;
  }
  const b = doc.blocks.find((x) => x.text.length > 0);
  return b ? firstLine(doc.text, b.content) : { start: 0, end: 0 };
}
