/**
 * Sentence classes: claim, conclusion, recommendation, goal, other.
 *
 * The section role decides first (a sentence in the conclusions is a
 * conclusion); then cue phrases from the lexicon ("wij bevelen aan",
 * "wij concluderen", "wij willen", "uit interviews blijkt"); then facts:
 * a sentence with an amount, a percentage or a count ("72,5 m euro",
 * "+ 20%", "39 van de 42") is a claim, and so is a statement in a
 * findings section.
 *
 *   classifySentence('Totale kosten jeugdhulp 2019: 72,5 m euro.', 'findings', …) → 'claim'
 *   classifySentence('Wij bevelen het college aan de doelen te herzien.', 'other', …) → 'recommendation'
 */
import type { DocumentKind, SectionRole, SentenceClass } from './types';
import type { Lexicon } from './lexicon';
import { words } from './text';

const AMOUNT_RE = /(?:€|EUR\b|euro\b)\s?\d|\d\s?(?:%|procent\b|procentpunt|percent\b|euro\b|miljoen\b|mln\b|miljard\b|mld\b|duizend\b|million\b|billion\b)/i;
const RATIO_RE = /\b\d{1,6}\s+(?:van de|van|op de|op|uit|out of|of the|of)\s+\d{1,6}\b/i;
const FORMATTED_NUMBER_RE = /\b\d{1,3}(?:\.\d{3})+(?:,\d+)?\b|\b\d+,\d+\b|(?:^|\s)[+-]\s?\d+(?:[.,]\d+)?\s?%/;
const COUNT_RE = /(?:^|[\s(])(?:N\s?=\s?\d+|\d{1,6}\s+(?!januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|feb|mrt|apr|jun|jul|aug|sep|okt|nov|dec|uur|keer)[\p{Ll}]{3,})/u;
const REF_NUMBER_RE = /(?:paragraaf|hoofdstuk|bijlage|figuur|tabel|pagina|blz|p|pp|artikel|art|norm|conclusie|aanbeveling|vraag|onderzoeksvraag|deelvraag|section|chapter|figure|table|page|article|norm|conclusion|recommendation|question)\.?\s+\d+(?:\.\d+)*/gi;

/** True when the sentence states a number, amount, percentage or count. */
export function hasNumericFact(s: string): boolean {
  const t = s.replace(REF_NUMBER_RE, ' ');
  return AMOUNT_RE.test(t) || RATIO_RE.test(t) || FORMATTED_NUMBER_RE.test(t) || COUNT_RE.test(t);
}

export function classifySentence(text: string, role: SectionRole, kind: DocumentKind, lexicons: readonly Lexicon[]): SentenceClass {
  const isQuestion = /\?["'’”)]*$/.test(text);
  if (role === 'conclusions') return isQuestion ? 'other' : 'conclusion';
  if (role === 'recommendations') return isQuestion ? 'other' : 'recommendation';
  if (role === 'goals') return isQuestion ? 'other' : 'goal';
  const ws = words(text);
  if (ws.length === 0 || isQuestion) return 'other';
  for (const lx of lexicons) {
    if (lx.recommendationCues.matches(ws)) return 'recommendation';
    if (lx.conclusionCues.matches(ws)) return 'conclusion';
    if (kind === 'policy' && lx.goalCues.matches(ws)) return 'goal';
  }
  if (hasNumericFact(text)) return 'claim';
  for (const lx of lexicons) if (lx.attributionCues.matches(ws)) return 'claim';
  if (role === 'findings' && ws.length >= 6) return 'claim';
  return 'other';
}
