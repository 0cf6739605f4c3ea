/**
 * `structure/broken-reference` — a reference to a conclusion, recommendation,
 * research question, norm or numbered section that the document does not
 * have ("zie conclusie 9" in a report with eight conclusions).
 *
 * Only references to kinds the document itself numbers are judged: a report
 * whose normenkader lives in another file does not get "norm 2.1" flagged
 * here, and references in reactions and letters point into the report.
 */
import type { Rule } from './types';

export const brokenReference: Rule = {
  meta: {
    code: 'structure/broken-reference',
    severity: 'warning',
    description: {
      nl: 'Verwijzing naar een conclusie, aanbeveling, onderzoeksvraag, norm of paragraaf die het document niet heeft.',
      en: 'Reference to a conclusion, recommendation, research question, norm or section the document does not have.',
    },
    examples: {
      flagged: [
        {
          text: '# 5 Conclusies\n\n1. Het beleid is niet SMART.\n2. De raad is laat geïnformeerd.\n\n# 6 Aanbevelingen\n\n1. Stel meetbare doelen vast (zie conclusie 3).\n',
          at: 'conclusie 3',
        },
        { text: '# 2 Bevindingen\n\n## 2.1 Beleid\n\nZoals beschreven in paragraaf 2.4 is er geen nulmeting.\n', at: 'paragraaf 2.4' },
      ],
      passes: [
        { text: '# 5 Conclusies\n\n1. Het beleid is niet SMART.\n2. De raad is laat geïnformeerd.\n\n# 6 Aanbevelingen\n\n1. Stel meetbare doelen vast (zie conclusie 1).\n' },
        { text: 'Dit rapport bevat geen genummerde conclusies; zie conclusie 3 in het vorige rapport.\n' },
      ],
    },
  },
  check({ model }) {
    const have = new Map<string, Set<string>>();
    const add = (kind: string, id: string): void => {
      const set = have.get(kind) ?? new Set<string>();
      set.add(id);
      have.set(kind, set);
    };
    for (const q of model.questions) add('question', q.id);
    for (const n of model.norms) add('norm', n.id);
    for (const c of model.conclusions) add('conclusion', c.id);
    for (const r of model.recommendations) add('recommendation', r.id);
    const numberedSections = model.sections.filter((s) => s.numbering && /^\d/.test(s.numbering));
    for (const s of numberedSections) add('section', s.id);
    for (const f of model.findings) add('finding', f.id);
    const out: ReturnType<Rule['check']> = [];
    if (model.kind === 'reaction' || model.kind === 'letter') return out;
    const nl: Record<string, string> = { question: 'onderzoeksvraag', norm: 'norm', conclusion: 'conclusie', recommendation: 'aanbeveling', section: 'paragraaf', finding: 'bevinding' };
    for (const ref of model.references) {
      if (ref.via === 'link') continue; // anchors are checked against all ids below
      const set = have.get(ref.kind);
      if (!set || set.size === 0) continue;
      if (set.has(ref.target)) continue;
      if (ref.kind === 'section' && (have.get('finding')?.has('F' + ref.target.slice(1)) || /^S\d+$/.test(ref.target) && numberedSections.some((s) => s.numbering!.split('.')[0] === ref.target.slice(1)))) continue;
      const label = ref.target.replace(/^[A-Z]/, '');
      out.push({
        range: ref.range,
        message: {
          nl: `Verwijzing naar ${nl[ref.kind] ?? ref.kind} ${label}, maar het document heeft die niet (wel: ${[...set].slice(0, 12).join(', ')}).`,
          en: `Reference to ${ref.kind} ${label}, which the document does not have (it has: ${[...set].slice(0, 12).join(', ')}).`,
        },
        data: { target: ref.target, kind: ref.kind },
      });
    }
    // In-document anchors: [conclusie 3](#C3)
    const ids = new Set<string>([...model.sections.map((s) => s.id), ...[...have.values()].flatMap((s) => [...s]), ...model.assessments.map((a) => a.id), ...model.goals.map((g) => g.id)]);
    for (const ref of model.references) {
      if (ref.via !== 'link' || ids.has(ref.target)) continue;
      out.push({
        range: ref.range,
        message: { nl: `Link naar #${ref.target}, maar dat anker bestaat niet in dit document.`, en: `Link to #${ref.target}, but no such anchor exists in this document.` },
        data: { target: ref.target },
      });
    }
    return out;
  },
};
