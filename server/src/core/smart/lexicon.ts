/**
 * The SMART word lists per language (`lexicon/smart.nl.json`,
 * `lexicon/smart.en.json`), compiled once into regular expressions with the
 * pattern language of `patterns.ts`. The analysis holds no Dutch or English
 * words of its own: every cue it reads is here.
 */
import type { Language } from '../types';
import nl from '../lexicon/smart.nl.json';
import en from '../lexicon/smart.en.json';
import { PatternSet } from './patterns';

export interface RawSmartLexicon {
  language: string;
  /** Named lists of patterns, used as `{name}` in other patterns. */
  classes: Record<string, string[]>;
  /** Dates, deadlines, periods and frequencies (T). */
  time: string[];
  /** Time words that name no date or period: "de komende jaren", "op termijn". */
  timeEmpty: string[];
  /** Cues that make a following year a baseline ("ten opzichte van 388 in 2020"). */
  baselineBefore: string[];
  /** Words right after a year that put it in the past ("in 2020 was"). */
  pastAfter: string[];
  /** Words that open a deadline ("uiterlijk", "vóór", "binnen"): such a time expression is never a baseline. */
  deadlineWords: string[];
  /** Vague verbs, phrases and adjectives (S). */
  vague: string[];
  /** Comparatives and vague quantities, named when M is missing. */
  comparative: string[];
  /** Measures other than bare numbers: indicators, relative changes, absolute states, deliverables (M). */
  measure: string[];
  /** Words that negate a measure word before it ("geen streefwaarde"). */
  measureNegation: string[];
  /** Universal quantifiers ("alle", "iedere"): a 100% target when the rest is concrete. */
  universal: string[];
  /** Service standards in days or weeks ("binnen vijf werkdagen"): both T and M. */
  serviceNorm: string[];
  /** Number contexts that are no measure: references, ages, ordinals, fte. */
  numberExclusions: string[];
  /** Means, budget, capacity (R). */
  means: string[];
  /** Words that make a nearby amount a means (budget) rather than a target. */
  meansCue: string[];
  /** Cues right before an amount that make it only a means ("budget van € …"). */
  meansOnlyBefore: string[];
  /** Drastic ambitions that call for named means (R missing when no means). */
  drastic: string[];
  /** Sentence-initial imperatives (recommendations without addressee). */
  imperatives: string[];
  /** Words that introduce the addressee of an imperative ("als college"); the actor after them may be bare (class `actorBare`). */
  addressee: string[];
  /** Prepositions: an actor after one is not the one who acts. */
  prepositions: string[];
  /** Words after an actor that make it passive or a state. */
  passiveAfter: string[];
  /** Graded judgements in conclusions ("in beperkte mate"). */
  judgement: string[];
  /** What gives a conclusion a measurable basis besides numbers. */
  basis: string[];
  /** Section titles whose goal-like sentences are vision, not goals. */
  skipSections: string[];
  /** Recognises the norm "de doelstellingen zijn SMART geformuleerd". */
  smartNorm: string[];
  /** Quick-fix snippets (VS Code snippet syntax). */
  snippets: Record<'time' | 'measure' | 'measureIndicator' | 'ownerImperative' | 'owner' | 'means' | 'specific' | 'basis', string>;
}

export interface SmartLexicon {
  readonly language: Language;
  readonly raw: RawSmartLexicon;
  readonly time: RegExp[];
  readonly timeEmpty: RegExp[];
  /** Tests the text just before a time match: ends with a baseline cue and at most two numbers. */
  readonly baselineBefore: RegExp;
  /** Tests the text just after a time match. */
  readonly pastAfter: RegExp;
  /** Tests the start of a time match: a deadline, never a baseline. */
  readonly deadlineStart: RegExp;
  readonly vague: RegExp[];
  readonly comparative: RegExp[];
  readonly measure: RegExp[];
  readonly measureNegation: RegExp;
  /** A number or number word: a measure with one is not negated by "geen" ("geen leerling langer dan drie maanden"). */
  readonly countWord: RegExp;
  readonly universal: RegExp;
  readonly serviceNorm: RegExp[];
  readonly numberExclusions: RegExp[];
  readonly number: RegExp;
  readonly money: RegExp;
  readonly percent: RegExp;
  readonly means: RegExp[];
  readonly meansCue: RegExp;
  readonly meansOnlyBefore: RegExp;
  readonly drastic: RegExp[];
  readonly imperatives: Set<string>;
  /** Addressee + up to two words + actor. */
  readonly addressee: RegExp;
  readonly actors: RegExp;
  /** The administration's own "wij", counted as owner in its goals. */
  readonly ownActors: RegExp;
  readonly prepositions: Set<string>;
  readonly passiveAfter: Set<string>;
  readonly judgement: RegExp[];
  readonly basis: RegExp[];
  readonly skipSections: RegExp;
  readonly smartNorm: RegExp[];
}

const LEFT = '(?<![\\p{L}\\p{N}])';
const RIGHT = '(?![\\p{L}\\p{N}])';

function alternation(ps: PatternSet, patterns: readonly string[]): string {
  return `(?:${[...patterns].sort((a, b) => b.length - a.length).map((p) => ps.body(p)).join('|')})`;
}

export function compileSmartLexicon(raw: RawSmartLexicon): SmartLexicon {
  const ps = new PatternSet(raw.classes);
  const timeWords = alternation(ps, ['{freqNoun}', '{unit}', '{month}', '{numword}', ...(raw.classes.season ? ['{season}'] : [])]);
  const numeric = `(?:${ps.body('{pct}')}|${ps.body('{money}')}|${ps.body('{num}')}|%)`;
  return {
    language: raw.language as Language,
    raw,
    time: ps.compileAll(raw.time),
    timeEmpty: ps.compileAll(raw.timeEmpty),
    baselineBefore: new RegExp(`${LEFT}${alternation(ps, raw.baselineBefore)}(?:\\s+${numeric}){0,2}\\s*$`, 'u'),
    deadlineStart: new RegExp(`^${alternation(ps, raw.deadlineWords)}${RIGHT}`, 'u'),
    pastAfter: new RegExp(`^\\s*${alternation(ps, raw.pastAfter)}(?![\\p{L}\\p{N}])`, 'u'),
    vague: ps.compileAll(raw.vague),
    comparative: ps.compileAll(raw.comparative),
    measure: ps.compileAll(raw.measure),
    measureNegation: new RegExp(`${LEFT}${alternation(ps, raw.measureNegation)}(?:\\s+\\S+)?\\s*$`, 'u'),
    countWord: new RegExp(`${LEFT}(?:\\d|${ps.body('{count}')}${RIGHT})`, 'u'),
    universal: new RegExp(`${LEFT}${alternation(ps, raw.universal)},?\\s+(?!${timeWords}${RIGHT})[\\p{L}][\\p{L}\\p{N}'-]*`, 'gu'),
    serviceNorm: ps.compileAll(raw.serviceNorm),
    numberExclusions: ps.compileAll(raw.numberExclusions),
    number: ps.compile('{num}'),
    money: ps.compile('{money}'),
    percent: new RegExp(`${LEFT}${ps.body('{pct}')}`, 'gu'),
    means: ps.compileAll(raw.means),
    meansCue: new RegExp(`${LEFT}${alternation(ps, raw.meansCue)}${RIGHT}`, 'u'),
    meansOnlyBefore: new RegExp(`${LEFT}${alternation(ps, raw.meansOnlyBefore)}(?:\\s+\\S+){0,2}\\s*$`, 'u'),
    drastic: ps.compileAll(raw.drastic),
    imperatives: new Set(raw.imperatives.map((w) => w.toLowerCase())),
    addressee: new RegExp(`${LEFT}${alternation(ps, raw.addressee)}(?:\\s+[^\\s.;:!?]+){0,2}?\\s+${alternation(ps, ['{actor}', '{actorBare}'])}${RIGHT}`, 'gu'),
    actors: ps.compile('{actor}'),
    ownActors: ps.compile('{actorOwn}'),
    prepositions: new Set(raw.prepositions.map((w) => w.toLowerCase())),
    passiveAfter: new Set(raw.passiveAfter.map((w) => w.toLowerCase())),
    judgement: ps.compileAll(raw.judgement),
    basis: [
      ...ps.compileAll(raw.basis.filter((p) => !/^[+-]{2}$/.test(p))),
      // Scores: "++", "+-", "--" standing alone.
      ...raw.basis.filter((p) => /^[+-]{2}$/.test(p)).map((p) => new RegExp(`(?<![+\\-])${p.replace(/\+/g, '\\+')}(?![+\\-])`, 'gu')),
    ],
    skipSections: new RegExp(`${LEFT}${alternation(ps, raw.skipSections)}${RIGHT}`, 'u'),
    smartNorm: ps.compileAll(raw.smartNorm),
  };
}

const RAW: Record<Language, RawSmartLexicon> = { nl: nl as unknown as RawSmartLexicon, en: en as unknown as RawSmartLexicon };
const LEXICONS: Partial<Record<Language, SmartLexicon>> = {};

/** The compiled word lists of a language, compiled on first use (some 20 ms each). */
export function smartLexicon(lang: Language): SmartLexicon {
  const l: Language = lang === 'en' ? 'en' : 'nl';
  return (LEXICONS[l] ??= compileSmartLexicon(RAW[l]));
}
