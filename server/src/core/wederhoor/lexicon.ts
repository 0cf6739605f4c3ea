/**
 * The wederhoor word lists (stance phrases, number words, count nouns,
 * reference words), as data per language in `lexicon/wederhoor.<lang>.json`,
 * compiled once into word-sequence matchers.
 */
import type { Language } from '../types';
import { words } from '../text';
import nl from '../lexicon/wederhoor.nl.json';
import en from '../lexicon/wederhoor.en.json';

export type Stance = 'agree' | 'partly' | 'disagree' | 'none';

interface RawWederhoorLexicon {
  language: string;
  stance: { agree: string[]; partly: string[]; disagree: string[] };
  opinionMarkers: string[];
  negations: string[];
  numberWords: Record<string, number>;
  countNouns: { conclusion: string[]; recommendation: string[]; question: string[] };
  countJoiners: string[];
  countCues: string[];
  weakCountCues: string[];
  referenceWords: string[];
  referenceItemWords: string[];
  letterHeadings: string[];
}

/** Word-sequence patterns with a value, matched longest first at a position. */
export class PhraseTable<T> {
  private readonly byFirst = new Map<string, Array<{ words: string[]; value: T }>>();

  add(phrase: string, value: T): void {
    const ws = words(phrase);
    if (!ws.length) return;
    const list = this.byFirst.get(ws[0]) ?? [];
    list.push({ words: ws, value });
    list.sort((a, b) => b.words.length - a.words.length);
    this.byFirst.set(ws[0], list);
  }

  /**
   * The longest pattern starting at `i` of the (lower-case) word list.
   * `broken(k)` tells that punctuation stands between word k-1 and word k:
   * a phrase does not run over it.
   */
  at(ws: readonly string[], i: number, broken?: (k: number) => boolean): { length: number; value: T } | null {
    const cands = this.byFirst.get(ws[i]);
    if (!cands) return null;
    for (const c of cands) {
      if (i + c.words.length > ws.length) continue;
      let ok = true;
      for (let k = 1; k < c.words.length; k++) {
        if (ws[i + k] !== c.words[k] || (broken && broken(i + k))) {
          ok = false;
          break;
        }
      }
      if (ok) return { length: c.words.length, value: c.value };
    }
    return null;
  }
}

export type CountKind = 'conclusion' | 'recommendation' | 'question';

export interface WederhoorLexicon {
  language: Language;
  stance: PhraseTable<Exclude<Stance, 'none'>>;
  opinionMarkers: PhraseTable<true>;
  negations: Set<string>;
  numberWords: Map<string, number>;
  countNouns: PhraseTable<CountKind>;
  /** First words of the count nouns, lower case (for finding them fast). */
  countNounHeads: string[];
  countJoiners: Set<string>;
  countCues: Set<string>;
  weakCountCues: Set<string>;
  referenceWords: Set<string>;
  referenceItemWords: Set<string>;
  letterHeadings: PhraseTable<true>;
}

function compile(raw: RawWederhoorLexicon): WederhoorLexicon {
  const stance = new PhraseTable<Exclude<Stance, 'none'>>();
  for (const s of ['agree', 'partly', 'disagree'] as const) for (const p of raw.stance[s]) stance.add(p, s);
  const opinionMarkers = new PhraseTable<true>();
  for (const p of raw.opinionMarkers) opinionMarkers.add(p, true);
  const countNouns = new PhraseTable<CountKind>();
  for (const k of ['conclusion', 'recommendation', 'question'] as const) for (const p of raw.countNouns[k]) countNouns.add(p, k);
  const letterHeadings = new PhraseTable<true>();
  for (const p of raw.letterHeadings) letterHeadings.add(p, true);
  const lower = (xs: string[]): Set<string> => new Set(xs.map((x) => x.toLowerCase()));
  return {
    language: raw.language as Language,
    stance,
    opinionMarkers,
    negations: lower(raw.negations),
    numberWords: new Map(Object.entries(raw.numberWords).map(([k, v]) => [k.toLowerCase(), v])),
    countNouns,
    countNounHeads: [...new Set(Object.values(raw.countNouns).flat().map((p) => words(p)[0]).filter((w): w is string => !!w))],
    countJoiners: lower(raw.countJoiners),
    countCues: lower(raw.countCues),
    weakCountCues: lower(raw.weakCountCues),
    referenceWords: lower(raw.referenceWords),
    referenceItemWords: lower(raw.referenceItemWords),
    letterHeadings,
  };
}

const LEXICONS: Record<Language, WederhoorLexicon> = {
  nl: compile(nl as RawWederhoorLexicon),
  en: compile(en as RawWederhoorLexicon),
};

export function wederhoorLexicon(lang: Language): WederhoorLexicon {
  return LEXICONS[lang] ?? LEXICONS.nl;
}

/** Reference words of both languages (for ignoring "(zie conclusie 3)" in comparisons). */
export function referenceWords(): { all: Set<string>; items: Set<string> } {
  const all = new Set<string>([...LEXICONS.nl.referenceWords, ...LEXICONS.en.referenceWords]);
  const items = new Set<string>([...LEXICONS.nl.referenceItemWords, ...LEXICONS.en.referenceItemWords]);
  return { all, items };
}
