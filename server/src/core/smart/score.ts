/**
 * Scores `smartCard` against a labelled set (tests/smart/labelled.yaml):
 * accuracy, precision and recall per letter, per language. Pure; the data
 * is read by the caller (`scripts/eval-smart.ts`, `tests/smart/eval.test.ts`).
 *
 * A letter counts as "present" when the card says `ok === true`; for R that
 * means "means named" (null and false both count as not named). Precision
 * and recall are those of "missing" — the judgement a diagnostic makes —
 * because a linter's precision is how often its complaint is right.
 */
import type { Language } from '../types';
import { smartCard, LETTERS, type Letter, type SmartKind } from './analyze';

export interface LabelledItem {
  id: string;
  lang: Language;
  kind: Exclude<SmartKind, 'conclusion'>;
  text: string;
  /** Five characters for S M A R T: the letter when present, '-' when missing. */
  labels: string;
  src?: string;
}

export interface LetterScore {
  n: number;
  accuracy: number;
  /** Of the items flagged as missing the letter, the share that truly miss it. */
  precision: number;
  /** Of the items that truly miss the letter, the share flagged. */
  recall: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export interface Mistake {
  id: string;
  letter: Letter;
  expected: boolean;
  got: boolean;
  text: string;
}

export interface EvalReport {
  /** Per language ('all' for both), per letter. */
  scores: Record<Language | 'all', Record<Letter, LetterScore>>;
  counts: Record<Language | 'all', number>;
  mistakes: Mistake[];
}

export function parseLabels(labels: string): Record<Letter, boolean> {
  if (!/^[S-][M-][A-][R-][T-]$/.test(labels)) throw new Error(`Bad labels "${labels}"`);
  return { S: labels[0] === 'S', M: labels[1] === 'M', A: labels[2] === 'A', R: labels[3] === 'R', T: labels[4] === 'T' };
}

function score(pairs: Array<{ expected: boolean; got: boolean }>): LetterScore {
  let tp = 0, fp = 0, fn = 0, tn = 0;
  // Positive class: the letter is missing (what a diagnostic claims).
  for (const { expected, got } of pairs) {
    const missing = !expected;
    const flagged = !got;
    if (flagged && missing) tp++;
    else if (flagged && !missing) fp++;
    else if (!flagged && missing) fn++;
    else tn++;
  }
  const n = pairs.length;
  return { n, accuracy: n ? (tp + tn) / n : 1, precision: tp + fp ? tp / (tp + fp) : 1, recall: tp + fn ? tp / (tp + fn) : 1, tp, fp, fn, tn };
}

export function evaluate(items: readonly LabelledItem[]): EvalReport {
  const pairs: Record<Language | 'all', Record<Letter, Array<{ expected: boolean; got: boolean }>>> = {
    nl: { S: [], M: [], A: [], R: [], T: [] },
    en: { S: [], M: [], A: [], R: [], T: [] },
    all: { S: [], M: [], A: [], R: [], T: [] },
  };
  const mistakes: Mistake[] = [];
  for (const it of items) {
    const card = smartCard(it.text, it.lang, it.kind);
    const expected = parseLabels(it.labels);
    for (const l of LETTERS) {
      const got = card[l].ok === true;
      pairs[it.lang][l].push({ expected: expected[l], got });
      pairs.all[l].push({ expected: expected[l], got });
      if (got !== expected[l]) mistakes.push({ id: it.id, letter: l, expected: expected[l], got, text: it.text });
    }
  }
  const scores = {} as EvalReport['scores'];
  for (const k of ['nl', 'en', 'all'] as const) {
    scores[k] = {} as Record<Letter, LetterScore>;
    for (const l of LETTERS) scores[k][l] = score(pairs[k][l]);
  }
  return {
    scores,
    counts: { nl: items.filter((i) => i.lang === 'nl').length, en: items.filter((i) => i.lang === 'en').length, all: items.length },
    mistakes,
  };
}
