/**
 * The claim word lists (lexicon/claims.nl.json, claims.en.json) compiled
 * into matchers. Data, not code: the lists say what an attribution, an
 * inference, a hedge or a named document looks like in each language.
 */
import nl from '../lexicon/claims.nl.json';
import en from '../lexicon/claims.en.json';
import type { Language } from '../types';

interface RawClaimLexicon {
  language: string;
  attributions: string[];
  attributionSubjects: string[];
  attributionLeads: string[];
  inference: string[];
  inferenceAtStartOnly: string[];
  selfReference: string[];
  selfReferenceAtStart: string[];
  judgement: string[];
  hedges: string[];
  conditionalStarts: string[];
  eventVerbs: string[];
  months: string[];
  timeWords: string[];
  countExclusions: string[];
  referenceWords: string[];
  numberWords: Record<string, number>;
  fractions: string[];
  ratioLinks: string[];
  currency: string[];
  percentWords: string[];
  documentNouns: string[];
  sourceMarkers: string[];
  subordinators: string[];
  interviewSourceWords: string[];
  passiveAttribution: { auxiliaries: string[]; participles: string[]; namingExclusions: string[] };
}

const WORD_RE = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

export function claimWords(s: string): string[] {
  const out: string[] = [];
  for (const m of s.matchAll(WORD_RE)) out.push(m[0].toLowerCase());
  return out;
}

/** Word sequences; `matchAt` gives the length of the longest phrase at i. */
export class Phrases {
  private readonly byFirst = new Map<string, string[][]>();
  constructor(list: readonly string[]) {
    for (const p of list) {
      const ws = claimWords(p);
      if (!ws.length) continue;
      const arr = this.byFirst.get(ws[0]) ?? [];
      arr.push(ws);
      this.byFirst.set(ws[0], arr);
    }
  }
  matchAt(ws: readonly string[], i: number): number {
    let best = 0;
    for (const c of this.byFirst.get(ws[i]) ?? []) {
      if (c.length <= best || i + c.length > ws.length) continue;
      let ok = true;
      for (let k = 1; k < c.length; k++) if (ws[i + k] !== c[k]) { ok = false; break; }
      if (ok) best = c.length;
    }
    return best;
  }
  find(ws: readonly string[]): number {
    for (let i = 0; i < ws.length; i++) if (this.matchAt(ws, i) > 0) return i;
    return -1;
  }
  has(ws: readonly string[]): boolean {
    return this.find(ws) >= 0;
  }
}

export class ClaimLexicon {
  readonly language: Language;
  readonly attributions: Phrases;
  readonly attributionSubjects: Set<string>;
  readonly attributionLeads: Phrases;
  readonly inference: Phrases;
  readonly inferenceAtStartOnly: Set<string>;
  readonly selfReference: Phrases;
  readonly selfReferenceAtStart: Set<string>;
  readonly judgement: Phrases;
  readonly hedges: Phrases;
  readonly conditionalStarts: Phrases;
  readonly eventVerbs: Set<string>;
  readonly months: Set<string>;
  readonly timeWords: Set<string>;
  readonly countExclusions: Set<string>;
  readonly referenceWords: string[];
  readonly numberWords: Map<string, number>;
  readonly fractions: Phrases;
  readonly ratioLinks: string[];
  readonly currency: string[];
  readonly percentWords: string[];
  readonly documentNouns: string[];
  readonly sourceMarkers: Set<string>;
  readonly subordinators: Set<string>;
  readonly passiveAux: Set<string>;
  readonly passiveParticiples: Set<string>;
  readonly namingExclusions: Phrases;
  readonly interviewSourceWords: Set<string>;

  constructor(raw: RawClaimLexicon) {
    this.language = raw.language as Language;
    this.attributions = new Phrases(raw.attributions);
    this.attributionSubjects = new Set(raw.attributionSubjects.map((s) => s.toLowerCase()));
    this.attributionLeads = new Phrases(raw.attributionLeads);
    this.inference = new Phrases(raw.inference);
    this.inferenceAtStartOnly = new Set(raw.inferenceAtStartOnly);
    this.selfReference = new Phrases(raw.selfReference);
    this.selfReferenceAtStart = new Set(raw.selfReferenceAtStart);
    this.judgement = new Phrases(raw.judgement);
    this.hedges = new Phrases(raw.hedges);
    this.conditionalStarts = new Phrases(raw.conditionalStarts);
    this.eventVerbs = new Set(raw.eventVerbs);
    this.months = new Set(raw.months);
    this.timeWords = new Set(raw.timeWords);
    this.countExclusions = new Set(raw.countExclusions);
    this.referenceWords = raw.referenceWords;
    this.numberWords = new Map(Object.entries(raw.numberWords));
    this.fractions = new Phrases(raw.fractions);
    this.ratioLinks = raw.ratioLinks;
    this.currency = raw.currency;
    this.percentWords = raw.percentWords;
    this.documentNouns = [...raw.documentNouns].sort((a, b) => b.length - a.length);
    this.sourceMarkers = new Set(raw.sourceMarkers.map((s) => s.replace(/:$/, '')));
    this.subordinators = new Set(raw.subordinators);
    this.passiveAux = new Set(raw.passiveAttribution.auxiliaries);
    this.passiveParticiples = new Set(raw.passiveAttribution.participles);
    this.namingExclusions = new Phrases(raw.passiveAttribution.namingExclusions);
    this.interviewSourceWords = new Set(raw.interviewSourceWords);
  }
}

const LEXICONS: Record<Language, ClaimLexicon> = {
  nl: new ClaimLexicon(nl as RawClaimLexicon),
  en: new ClaimLexicon(en as RawClaimLexicon),
};

export function claimLexicon(lang: Language): ClaimLexicon {
  return LEXICONS[lang];
}

/** The document's language first, then the other. */
const ORDERED: Partial<Record<Language, ClaimLexicon[]>> = {};

/** Both languages, the document's first (the same array each time, so results can be memoised by it). */
export function claimLexicons(primary: Language): ClaimLexicon[] {
  return (ORDERED[primary] ??= primary === 'en' ? [LEXICONS.en, LEXICONS.nl] : [LEXICONS.nl, LEXICONS.en]);
}
