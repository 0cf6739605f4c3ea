/**
 * `smart/vague-judgement` — a conclusion that judges in graded words ("in
 * beperkte mate", "grotendeels", "redelijk goed", "nauwelijks", "lijkt",
 * "to a limited extent") with nothing that gives the grade a measure: no
 * number or percentage, no norm or score, no reference to the findings
 * ("zie paragraaf 4.4", "norm 2.1"), no citation or footnote.
 *
 * A separate code, not `smart/specific`: a conclusion is no target to be
 * made SMART; it is a judgement that must rest on findings. Mixing the two
 * would make `smart/specific` mean two things and would let a team that
 * switches off one lose the other. Conservative by design (information):
 * graded words are normal in conclusions; only the ones with no basis at all
 * in the conclusion's own text are flagged.
 */
import type { Rule } from '../types';
import { fixData, many, quotes, subject, targets } from './common';

export const smartVagueJudgement: Rule = {
  meta: {
    code: 'smart/vague-judgement',
    severity: 'information',
    description: {
      nl: 'Conclusie oordeelt in vage termen ("in beperkte mate", "lijkt") zonder maatstaf: geen norm, score, cijfer of verwijzing naar bevindingen.',
      en: 'Conclusion judges in vague terms ("to a limited extent", "seems") without a yardstick: no norm, score, figure or reference to findings.',
    },
    examples: {
      flagged: [
        { text: '# Conclusies\n\n1. Het college stuurt te weinig bij op basis van de eigen monitoringgegevens; de informatie wordt nauwelijks besproken.\n', at: 'te weinig' },
        { text: '---\nlang: en\n---\n# Conclusions\n\n1. The department appears to manage the programme to a limited extent.\n', at: 'appears' },
      ],
      passes: [
        { text: '# Conclusies\n\n1. De doelen zijn grotendeels SMART geformuleerd (zie paragraaf 3.1 en norm 1.1).\n' },
        { text: '# Conclusies\n\n1. Het bereik van de vroegsignalering is beperkt: in 2024 leidde 41% van de signalen tot contact.\n' },
        { text: '# Conclusies\n\n1. De raad is sinds medio 2023 niet geïnformeerd over de voortgang.\n' },
      ],
    },
  },
  check({ model }) {
    const out: ReturnType<Rule['check']> = [];
    for (const t of targets(model, ['conclusion'])) {
      const c = t.card.S;
      if (c.ok !== false) continue;
      const r = t.itemRange;
      const within = (s: { start: number; end: number }): boolean => r.start <= s.start && s.end <= r.end;
      // A basis the text alone does not show: a reference to findings, a norm or a section; a citation; a footnote.
      if (model.references.some((x) => within(x.range) && x.kind !== 'question' && x.kind !== 'conclusion' && x.kind !== 'recommendation')) continue;
      if (model.citations.some((x) => within(x.range))) continue;
      if (model.footnotes.some((f) => f.refs.some(within))) continue;
      const name = subject(t);
      const first = c.evidence[0];
      out.push({
        range: first ? { start: first.start, end: first.end } : t.range,
        message: {
          nl: `${name.nl} oordeelt met ${quotes(c.evidence, 'nl')} zonder maatstaf: de conclusie noemt geen norm, score, cijfer of verwijzing naar de bevindingen.`,
          en: `${name.en} judges with ${quotes(c.evidence, 'en')} without a yardstick: the conclusion cites no norm, score, figure or reference to the findings.`,
        },
        data: { ...fixData(model, t, 'S'), judgement: many(c.evidence) ? 'several' : 'one' },
      });
    }
    return out;
  },
};
