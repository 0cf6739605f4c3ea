/**
 * Words for the full-text index, Dutch and English: our own tokeniser
 * (natural's Dutch tokenizer splits words at accented letters), diacritics
 * folded, stopwords dropped, numbers kept whole ("36.800" → "36800"), and
 * Snowball/Porter stems from natural's stemmer submodules only.
 */
import nlStemmer from 'natural/lib/natural/stemmers/porter_stemmer_nl';
import enStemmer from 'natural/lib/natural/stemmers/porter_stemmer';
import { words as nlStop } from 'natural/lib/natural/util/stopwords_nl';
import { words as enStop } from 'natural/lib/natural/util/stopwords';
import { lexicon } from '../../core/lexicon';
import type { Language } from '../../core/types';

const TOKEN_RE = /\p{N}+(?:[.,]\p{N}+)*|\p{L}+(?:['’]\p{L}+)*/gu;

const STOP: Record<Language, Set<string>> = {
  nl: new Set([...lexicon('nl').stopwords, ...nlStop].map(fold)),
  en: new Set([...lexicon('en').stopwords, ...enStop].map(fold)),
};

export function fold(w: string): string {
  return w.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

export interface Token {
  /** The word as written. */
  surface: string;
  /** Folded, lower-cased form (numbers without thousands separators). */
  norm: string;
  start: number;
  end: number;
}

/** Words with offsets. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    const surface = m[0];
    let norm = fold(surface).replace(/['’]/g, '');
    if (/^\d/.test(norm)) norm = /^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(norm) ? norm.replace(/\./g, '') : norm;
    out.push({ surface, norm, start: m.index!, end: m.index! + surface.length });
  }
  return out;
}

const stemCache = new Map<string, string>();

/** The index term of a normalised word in a language ('' for a stopword or a one-letter word). */
export function term(norm: string, lang: Language): string {
  if (norm.length < 2 && !/\d/.test(norm)) return '';
  if (STOP.nl.has(norm) || STOP.en.has(norm)) return '';
  if (/\d/.test(norm)) return norm;
  const key = lang + ':' + norm;
  let s = stemCache.get(key);
  if (s === undefined) {
    try {
      s = lang === 'nl' ? nlStemmer.stem(norm) : enStemmer.stem(norm);
    } catch {
      s = norm;
    }
    if (stemCache.size > 200000) stemCache.clear();
    stemCache.set(key, s);
  }
  return s;
}

/**
 * Index terms of a text in a language: stems, plus a bigram for each pair of
 * neighbouring content words ("gemiddeld_schuld"), so passages that share a
 * phrase with the claim rank above passages that only share its words.
 */
export function terms(text: string, lang: Language, bigrams = true): string[] {
  const out: string[] = [];
  let prev = '';
  for (const t of tokenize(text)) {
    const x = term(t.norm, lang);
    if (!x) continue;
    out.push(x);
    if (bigrams && prev && !/\d/.test(prev) && !/\d/.test(x)) out.push(prev + '_' + x);
    prev = x;
  }
  return out;
}
