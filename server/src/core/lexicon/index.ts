/**
 * Word lists per language, as data (nl.json, en.json), compiled once into
 * matchers. Checks ask the lexicon; they hold no word lists of their own.
 */
import type { Language, SectionRole } from '../types';
import nl from './nl.json';
import en from './en.json';
import { words } from '../text';

type ItemWordKind = 'conclusion' | 'recommendation' | 'question' | 'norm' | 'finding' | 'section' | 'goal';

interface RawLexicon {
  language: string;
  sectionRoles: Array<{ role: string; exclusive?: boolean; patterns: string[] }>;
  majorHeadings: string[];
  chapterWords: string[];
  groupWords: string[];
  reactionMarkers: string[];
  itemWords: Record<ItemWordKind, string[]>;
  scoreLabels: string[];
  salutations: string[];
  closings: string[];
  letterSignals: string[];
  policySignals: string[];
  reportSignals: string[];
  reactionSignals: string[];
  attributionCues: string[];
  sourceCues: string[];
  recommendationCues: string[];
  imperatives: string[];
  conclusionCues: string[];
  goalCues: string[];
  stopwords: string[];
  languageMarkers: string[];
}

/** A phrase pattern: words; a leading or trailing `*` on a single word matches a suffix or prefix. */
class PhraseSet {
  private readonly exact = new Map<string, string[][]>();
  private readonly prefixes: string[] = [];
  private readonly suffixes: string[] = [];

  constructor(patterns: string[]) {
    for (const p of patterns) {
      const lower = p.toLowerCase().trim();
      if (!lower.includes(' ') && lower.endsWith('*')) this.prefixes.push(lower.slice(0, -1));
      else if (!lower.includes(' ') && lower.startsWith('*')) this.suffixes.push(lower.slice(1));
      else {
        const ws = words(lower);
        if (ws.length === 0) continue;
        const list = this.exact.get(ws[0]) ?? [];
        list.push(ws);
        this.exact.set(ws[0], list);
      }
    }
  }

  /** True when any pattern occurs in the word sequence. */
  matches(ws: string[]): boolean {
    for (let i = 0; i < ws.length; i++) if (this.matchAt(ws, i) > 0) return true;
    return false;
  }

  /** Length in words of the longest pattern starting at `i`, 0 when none. */
  matchAt(ws: string[], i: number): number {
    const w = ws[i];
    let best = 0;
    const cands = this.exact.get(w);
    if (cands) {
      for (const c of cands) {
        if (c.length <= best || i + c.length > ws.length) continue;
        let ok = true;
        for (let k = 1; k < c.length; k++) if (ws[i + k] !== c[k]) { ok = false; break; }
        if (ok) best = c.length;
      }
    }
    if (best === 0) {
      for (const p of this.prefixes) if (w.length > p.length && w.startsWith(p)) return 1;
      for (const s of this.suffixes) if (w.length > s.length && w.endsWith(s)) return 1;
    }
    return best;
  }

  /** True when the whole word sequence is one pattern. */
  isWhole(ws: string[]): boolean {
    return ws.length > 0 && this.matchAt(ws, 0) === ws.length;
  }
}

export class Lexicon {
  readonly language: Language;
  readonly roles: Array<{ role: SectionRole; exclusive: boolean; set: PhraseSet }>;
  readonly majorHeadings: PhraseSet;
  readonly chapterWords: Set<string>;
  readonly groupWords: Set<string>;
  readonly reactionMarkers: PhraseSet;
  readonly itemWords: Map<string, ItemWordKind>;
  readonly itemWordsMulti: Array<{ words: string[]; kind: ItemWordKind }>;
  readonly scoreLabels: Set<string>;
  readonly salutations: PhraseSet;
  readonly closings: PhraseSet;
  readonly letterSignals: PhraseSet;
  readonly policySignals: PhraseSet;
  readonly reportSignals: PhraseSet;
  readonly reactionSignals: PhraseSet;
  readonly attributionCues: PhraseSet;
  readonly sourceCues: PhraseSet;
  readonly recommendationCues: PhraseSet;
  readonly imperatives: Set<string>;
  readonly conclusionCues: PhraseSet;
  readonly goalCues: PhraseSet;
  readonly stopwords: Set<string>;
  readonly languageMarkers: Set<string>;

  constructor(raw: RawLexicon) {
    this.language = raw.language as Language;
    this.roles = raw.sectionRoles.map((r) => ({ role: r.role as SectionRole, exclusive: !!r.exclusive, set: new PhraseSet(r.patterns) }));
    this.majorHeadings = new PhraseSet(raw.majorHeadings);
    this.chapterWords = new Set(raw.chapterWords);
    this.groupWords = new Set(raw.groupWords);
    this.reactionMarkers = new PhraseSet(raw.reactionMarkers);
    this.itemWords = new Map();
    this.itemWordsMulti = [];
    for (const [kind, list] of Object.entries(raw.itemWords) as Array<[ItemWordKind, string[]]>) {
      for (const w of list) {
        if (w.includes(' ')) this.itemWordsMulti.push({ words: words(w), kind });
        else this.itemWords.set(w.toLowerCase(), kind);
      }
    }
    this.scoreLabels = new Set(raw.scoreLabels);
    this.salutations = new PhraseSet(raw.salutations);
    this.closings = new PhraseSet(raw.closings);
    this.letterSignals = new PhraseSet(raw.letterSignals);
    this.policySignals = new PhraseSet(raw.policySignals);
    this.reportSignals = new PhraseSet(raw.reportSignals);
    this.reactionSignals = new PhraseSet(raw.reactionSignals);
    this.attributionCues = new PhraseSet(raw.attributionCues);
    this.sourceCues = new PhraseSet(raw.sourceCues);
    this.recommendationCues = new PhraseSet(raw.recommendationCues);
    this.imperatives = new Set(raw.imperatives);
    this.conclusionCues = new PhraseSet(raw.conclusionCues);
    this.goalCues = new PhraseSet(raw.goalCues);
    this.stopwords = new Set(raw.stopwords);
    this.languageMarkers = new Set(raw.languageMarkers);
  }

  /**
   * Roles named by a heading's words. Exclusive roles (reaction, assessment,
   * afterword, central question) win alone: "Reacties op de conclusies" is a
   * reaction, "Toets normenkader" an assessment.
   */
  headingRoles(title: string): SectionRole[] {
    const ws = words(title);
    const found: SectionRole[] = [];
    for (const r of this.roles) {
      if (!r.set.matches(ws)) continue;
      if (r.exclusive) return [r.role];
      found.push(r.role);
    }
    return found;
  }
}

const LEXICONS: Record<Language, Lexicon> = {
  nl: new Lexicon(nl as RawLexicon),
  en: new Lexicon(en as RawLexicon),
};

export function lexicon(lang: Language): Lexicon {
  return LEXICONS[lang];
}

/** Both languages, Dutch first: structure words are recognised in either. */
export function allLexicons(primary: Language): Lexicon[] {
  return primary === 'nl' ? [LEXICONS.nl, LEXICONS.en] : [LEXICONS.en, LEXICONS.nl];
}

export type { ItemWordKind, PhraseSet };
