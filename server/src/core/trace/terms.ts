/**
 * Terms for text similarity: words → stems, stopwords out.
 *
 * Dutch words are stemmed with the Dutch Porter (Snowball) stemmer of
 * `natural`, English words with its Porter stemmer; only the stemmer
 * submodules are imported. The Dutch stemmer leaves verb forms on -t and
 * participles on -d alone ("stuurt", "verbeterd", "geformuleerd"), so a
 * few documented rules follow it: drop that -t or -d, undouble a final
 * long vowel or double consonant ("stuur" → "stur", "stell" → "stel"), and
 * offer the word without its participle prefix ge- and without a plural -s
 * after a vowel ("rapportages") as alternates that an index takes when its
 * vocabulary has them. The same rules run on both sides of a comparison, so
 * they need to be consistent more than linguistically complete.
 */
import stemmerNl from 'natural/lib/natural/stemmers/porter_stemmer_nl';
import stemmerEn from 'natural/lib/natural/stemmers/porter_stemmer';
import type { Language } from '../types';
import { traceLexicon } from './lexicon';

export interface Term {
  /** The stem. */
  stem: string;
  /** Alternative stems, most normalised first (see the module comment). */
  alt: string[];
  /** The word as written, lower-cased. */
  surface: string;
}

const TOKEN_RE = /\d+(?:[.,]\d+)*%?|[\p{L}]+(?:['’][\p{L}]+)?/gu;
const YEAR_RE = /^(?:19|20)\d\d$/;
const CACHE: Record<Language, Map<string, { stem: string; alt: string[] }>> = { nl: new Map(), en: new Map() };
const CACHE_MAX = 100000;

export function foldDiacritics(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/** Post-stemmer rules for Dutch (see the module comment). */
function postNl(word: string, stem: string): string {
  let s = stem;
  if (s === word && s.length >= 5 && /[^aeiouy]t$/.test(s) && !/tt$/.test(s)) s = s.slice(0, -1);
  else if (s === word && s.length >= 7 && /[aeiou][rlnm]d$/.test(s)) s = s.slice(0, -1);
  s = s.replace(/([aeou])\1([^aeiouy])$/, '$1$2');
  s = s.replace(/([^aeiouy])\1$/, '$1');
  return s;
}

function stemNl(w: string): { stem: string; alt: string[] } {
  const stem = postNl(w, stemmerNl.stem(w));
  const alt: string[] = [];
  if (w.length >= 7 && w.startsWith('ge')) {
    const rest = w.slice(2);
    alt.push(postNl(rest, stemmerNl.stem(rest)));
  }
  if (w.length >= 6 && /[aeiouy]s$/.test(w)) {
    const sing = w.slice(0, -1);
    alt.push(postNl(sing, stemmerNl.stem(sing)));
  }
  return { stem, alt: alt.filter((a) => a !== stem && a.length >= 3) };
}

/** The stem of one lower-cased word (cached). Numbers keep their digits, separators dropped. */
export function stemWord(word: string, lang: Language): { stem: string; alt: string[] } {
  const cache = CACHE[lang];
  const hit = cache.get(word);
  if (hit) return hit;
  let out: { stem: string; alt: string[] };
  if (/^\d/.test(word)) out = { stem: word.replace(/[.,](?=\d{3}(?:\D|$))/g, '').replace(/%$/, ''), alt: [] };
  else {
    const w = foldDiacritics(word).replace(/['’]/g, '');
    out = lang === 'nl' ? stemNl(w) : { stem: stemmerEn.stem(w), alt: [] };
  }
  if (cache.size > CACHE_MAX) cache.clear();
  cache.set(word, out);
  return out;
}

/**
 * The content terms of a text: words of at least two letters (numbers of
 * at least two digits), stopwords of the language and report boilerplate
 * dropped, years dropped (they date a fact, they do not name a subject),
 * stemmed.
 */
export function terms(text: string, lang: Language): Term[] {
  const stop = traceLexicon(lang).stopwords;
  const out: Term[] = [];
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(text)) !== null) {
    const surface = m[0].toLowerCase();
    if (surface.length < 2) continue;
    if (stop.has(surface)) continue;
    if (YEAR_RE.test(surface)) continue;
    const { stem, alt } = stemWord(surface, lang);
    if (stem.length < 2) continue;
    out.push({ stem, alt, surface });
  }
  return out;
}
