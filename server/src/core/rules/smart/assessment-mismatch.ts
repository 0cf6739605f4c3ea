/**
 * `smart/assessment-mismatch` — across documents: the report scores the
 * norm "De doelstellingen zijn SMART geformuleerd" (matched by its words, in
 * Dutch or English) positively, while the SMART analysis of the policy
 * document it concerns finds goals that miss a letter — or scores it
 * negatively while every goal has S, M, A and T.
 *
 * Thresholds (conservative): `++` is contradicted by one goal that misses a
 * letter; `+` by at least half of the goals; `-` and `--` by none missing at
 * all; `+-` by nothing. Letters counted: S, M, A, T (R is information only).
 *
 * Which policy: among the project's documents of kind `policy`, the one the
 * report links to (a file link, or front matter `beleid:`/`policy:`), else
 * the one whose title the report mentions, else the one whose words its
 * citation keys share ("lindeveen2021beleidsplan"), else the only one. With
 * no project, a document that lists the goals it assesses is compared with
 * itself.
 *
 * The diagnostic stands on the score; related information points at each
 * goal that misses a letter (in the policy document) and at conclusions that
 * repeat the judgement of the norm.
 */
import type { DocumentModel, Assessment } from '../../types';
import type { ProjectView } from '../../project';
import type { Related, Rule } from '../types';
import { smartLexicon } from '../../smart/lexicon';
import { fold } from '../../smart/patterns';
import { goalTargets, type SmartTarget } from '../../smart/targets';
import type { Letter } from '../../smart/analyze';

const COUNTED: readonly Letter[] = ['S', 'M', 'A', 'T'];

export const smartAssessmentMismatch: Rule = {
  meta: {
    code: 'smart/assessment-mismatch',
    severity: 'information',
    description: {
      nl: 'Het oordeel over de norm "de doelstellingen zijn SMART" strookt niet met de SMART-analyse van de doelen in het beleidsdocument.',
      en: 'The score of the norm "the objectives are SMART" does not agree with the SMART analysis of the goals in the policy document.',
    },
    examples: {
      flagged: [
        {
          text:
            '# Doelstellingen\n\n1. Wij zetten in op preventie.\n2. Wij besteden aandacht aan armoede onder kinderen.\n3. Het college verlaagt vóór 1 januari 2026 de uitgaven aan jeugdhulp met 10% ten opzichte van 2023.\n\n' +
            '# Toets aan het normenkader\n\n## Norm 1.1: De doelstellingen zijn SMART geformuleerd.\n\n**Oordeel:** ++\n\nDe doelen zijn SMART.\n',
          at: '++',
        },
      ],
      passes: [
        {
          text:
            '# Doelstellingen\n\n1. Wij zetten in op preventie.\n2. Wij besteden aandacht aan armoede onder kinderen.\n\n' +
            '# Toets aan het normenkader\n\n## Norm 1.1: De doelstellingen zijn SMART geformuleerd.\n\n**Oordeel:** -\n\nDe doelen zijn niet SMART.\n',
        },
        {
          text:
            '# Doelstellingen\n\n1. Het college verlaagt vóór 1 januari 2026 de uitgaven aan jeugdhulp met 10% ten opzichte van 2023.\n\n' +
            '# Toets aan het normenkader\n\n## Norm 1.1: De doelstellingen zijn SMART geformuleerd.\n\n**Oordeel:** ++\n\nHet doel is SMART.\n',
        },
      ],
    },
  },
  check({ model, project }) {
    const out: ReturnType<Rule['check']> = [];
    for (const a of model.assessments) {
      if (!a.score || !a.scoreRange || a.score === '+-') continue;
      const normText = normTextOf(a, model, project);
      if (!isSmartNorm(normText)) continue;
      const policy = choosePolicy(model, project);
      if (!policy) continue;
      const goals = goalTargets(policy);
      if (goals.length === 0) continue;
      const failing = goals.map((g) => ({ g, letters: COUNTED.filter((l) => g.card[l].ok === false) })).filter((x) => x.letters.length > 0);
      const positive = a.score === '+' || a.score === '++';
      const contradicted = a.score === '++' ? failing.length > 0 : a.score === '+' ? failing.length * 2 >= goals.length : failing.length === 0;
      if (!contradicted) continue;
      const where = policy === model ? { nl: 'dit document', en: 'this document' } : { nl: fileName(policy), en: fileName(policy) };
      const norm = normText.replace(/(?<![.\s])[.\s]+$/, '');
      const related: Related[] = failing.map(({ g, letters }) => ({
        message: { nl: `${g.name.nl} mist ${letters.join(', ')}: ${shorten(g.text)}`, en: `${g.name.en} lacks ${letters.join(', ')}: ${shorten(g.text)}` },
        range: g.itemRange,
        ...(policy !== model && policy.uri ? { uri: policy.uri } : {}),
      }));
      for (const c of model.conclusions) {
        if (model.references.some((r) => r.kind === 'norm' && r.target === a.norm && c.range.start <= r.range.start && r.range.end <= c.range.end)) {
          const n = c.label ?? c.id.replace(/^C/, '');
          related.push({ message: { nl: `conclusie ${n} herhaalt dit oordeel`, en: `conclusion ${n} repeats this judgement` }, range: c.range });
        }
      }
      const details = (lang: 'nl' | 'en'): string => failing.map(({ g, letters }) => `${g.name[lang]}: ${letters.join(', ')}`).join('; ');
      out.push({
        range: a.scoreRange,
        message: positive
          ? {
              nl: `Norm “${norm}” krijgt ${a.score}, maar ${failing.length} van de ${goals.length} doelen in ${where.nl} ${failing.length === 1 ? 'mist' : 'missen'} een letter (${details('nl')}).`,
              en: `Norm “${norm}” is scored ${a.score}, but ${failing.length} of the ${goals.length} goals in ${where.en} ${failing.length === 1 ? 'lacks' : 'lack'} a letter (${details('en')}).`,
            }
          : {
              nl: `Norm “${norm}” krijgt ${a.score}, maar alle ${goals.length} doelen in ${where.nl} hebben volgens de SMART-analyse S, M, A en T.`,
              en: `Norm “${norm}” is scored ${a.score}, but by the SMART analysis all ${goals.length} goals in ${where.en} have S, M, A and T.`,
            },
        related,
        data: {
          norm: a.norm,
          score: a.score,
          policy: policy.uri,
          goals: goals.length,
          missing: failing.map(({ g, letters }) => ({ item: g.id, letters })),
        },
      });
    }
    return out;
  },
};

function normTextOf(a: Assessment, model: DocumentModel, project?: ProjectView): string {
  if (a.normText) return a.normText;
  const own = model.norms.find((n) => n.id === a.norm);
  if (own) return own.text;
  if (project && a.norm) {
    for (const f of project.frameworksFor(model)) {
      const n = f.norms.find((x) => x.id === a.norm);
      if (n) return n.text;
    }
  }
  return '';
}

function isSmartNorm(text: string): boolean {
  if (!text) return false;
  const f = fold(text);
  for (const lang of ['nl', 'en'] as const) {
    for (const re of smartLexicon(lang).smartNorm) {
      re.lastIndex = 0;
      if (re.test(f)) return true;
    }
  }
  return false;
}

function flat(s: string): string {
  return fold(s).replace(/[*_`]/g, '').replace(/\s+/g, ' ');
}

function words(s: string): Set<string> {
  return new Set(
    fold(s)
      .split(/[^\p{L}]+/u)
      .filter((w) => w.length >= 5),
  );
}

/** The policy document the report concerns (see the module comment), or null. */
export function choosePolicy(model: DocumentModel, project?: ProjectView): DocumentModel | null {
  const candidates = project ? project.ofKind('policy').filter((d) => d !== model) : [];
  if (candidates.length === 0) return model.goals.length > 0 ? model : null;
  const scores = new Map<DocumentModel, number>();
  const bump = (d: DocumentModel | null, n: number): void => {
    if (d && candidates.includes(d)) scores.set(d, (scores.get(d) ?? 0) + n);
  };
  for (const l of model.links) if (l.isFile && project) bump(project.resolve(model, l.url), 100);
  for (const key of ['beleid', 'policy', 'beleidsnota', 'beleidsplan', 'beleidsdocument']) {
    const v = model.frontMatter?.[key];
    if (typeof v === 'string' && project) bump(project.resolve(model, v), 100);
  }
  const body = flat(model.text);
  const keyWords = new Set(model.citations.flatMap((c) => [...words(c.key.replace(/\d+/g, ' '))]));
  for (const d of candidates) {
    const main = d.title ? flat(d.title.split(/[.:|–—]\s/)[0]).trim() : '';
    if (main.length >= 8 && body.includes(main)) bump(d, 50);
    const own = words(`${d.title ?? ''} ${fileName(d).replace(/\.[a-z]+$/i, '')}`);
    for (const w of keyWords) if (own.has(w)) bump(d, 10);
  }
  let best: DocumentModel | null = null;
  let bestScore = 0;
  for (const [d, s] of scores) if (s > bestScore) [best, bestScore] = [d, s];
  if (best) return best;
  return candidates.length === 1 ? candidates[0] : null;
}

function fileName(d: DocumentModel): string {
  if (!d.uri) return d.title ?? 'beleid';
  const u = decodeURIComponent(d.uri.replace(/^file:\/\//, '')).replace(/\\/g, '/');
  return u.slice(u.lastIndexOf('/') + 1);
}

function shorten(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > 80 ? t.slice(0, 79) + '…' : t;
}

export type { SmartTarget };
