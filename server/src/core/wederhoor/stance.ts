/**
 * The stance a reaction takes on the item it answers, from the phrases that
 * show it (data: `lexicon/wederhoor.<lang>.json`).
 *
 * - Phrases are matched on words, longest first, left to right.
 * - An agreeing phrase with a negation close after it in the same clause
 *   ("onderschrijven deze conclusie niet") or just before it ("niet
 *   onderschrijven") disagrees.
 * - An opinion marker ("in onze optiek", "ons inziens") qualifies when its
 *   sentence holds a negation ("In onze optiek is het tekort niet het gevolg
 *   van …").
 * - The stance: disagree when any phrase disagrees (a reaction that rejects
 *   the item stays a rejection, whatever it concedes); else partly when any
 *   phrase qualifies; else agree when any agrees; else none.
 */
import type { Language, Reaction, Span } from '../types';
import { wordSpans } from '../text';
import { wederhoorLexicon, type Stance } from './lexicon';

export type { Stance } from './lexicon';

export interface StancePhrase {
  text: string;
  /** Offsets into `reaction.text`. */
  start: number;
  end: number;
  stance: Exclude<Stance, 'none'>;
  /** Offsets in the document, when the reaction's source was given. */
  range?: Span;
}

export interface StanceResult {
  stance: Stance;
  phrases: StancePhrase[];
}

const CLAUSE_BREAK = /[.,;:!?()]/;
const SENTENCE_BREAK = /[.!?]/;

export function reactionStance(reaction: Pick<Reaction, 'text'>, lang: Language): StanceResult {
  const text = reaction.text ?? '';
  const lx = wederhoorLexicon(lang);
  const ws = wordSpans(text);
  const keys = ws.map((w) => w.word);
  const between = (i: number, j: number): string => text.slice(ws[i].end, ws[j].start);
  const clauseOpen = (i: number, j: number): boolean => !CLAUSE_BREAK.test(between(i, j));
  const broken = (k: number): boolean => CLAUSE_BREAK.test(between(k - 1, k));
  const phrases: StancePhrase[] = [];
  const push = (i: number, len: number, stance: Exclude<Stance, 'none'>): void => {
    const start = ws[i].start;
    const end = ws[i + len - 1].end;
    phrases.push({ text: text.slice(start, end), start, end, stance });
  };

  for (let i = 0; i < ws.length; ) {
    const hit = lx.stance.at(keys, i, broken);
    if (hit) {
      let stance = hit.value;
      let len = hit.length;
      if (stance === 'agree') {
        // A negation right after, in the same clause: "onderschrijven deze conclusie niet".
        for (let k = i + len; k < ws.length && k < i + len + 4; k++) {
          if (!clauseOpen(k - 1, k)) break;
          if (lx.negations.has(keys[k])) {
            stance = 'disagree';
            len = k - i + 1;
            break;
          }
        }
        // Or just before: "niet onderschrijven".
        if (stance === 'agree') {
          for (let k = i - 1; k >= 0 && k >= i - 2; k--) {
            if (!clauseOpen(k, k + 1)) break;
            if (lx.negations.has(keys[k])) {
              stance = 'disagree';
              len += i - k;
              i = k;
              break;
            }
          }
        }
      }
      push(i, len, stance);
      i += len;
      continue;
    }
    const op = lx.opinionMarkers.at(keys, i, broken);
    if (op) {
      for (let k = i + op.length; k < ws.length && k < i + op.length + 15; k++) {
        if (SENTENCE_BREAK.test(between(k - 1, k))) break;
        if (lx.negations.has(keys[k])) {
          push(i, op.length, 'partly');
          break;
        }
      }
      i += op.length;
      continue;
    }
    i++;
  }

  let stance: Stance = 'none';
  if (phrases.some((p) => p.stance === 'disagree')) stance = 'disagree';
  else if (phrases.some((p) => p.stance === 'partly')) stance = 'partly';
  else if (phrases.some((p) => p.stance === 'agree')) stance = 'agree';
  return { stance, phrases };
}
