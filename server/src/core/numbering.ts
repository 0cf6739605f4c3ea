/**
 * Reading the numbering writers put in headings and items:
 *   "8.1 Conclusies"             → numbering "8.1", title "Conclusies"
 *   "Hoofdstuk 5: Lokaal beleid" → numbering "5", chapter word, title "Lokaal beleid"
 *   "Bijlage 2. Opdracht"        → numbering "2", chapter word
 *   "Blok 1: De vraag"           → numbering "1", group word
 *   "A. De vraag, het doel"      → numbering "A"
 *   "Conclusie 3: ..."           → item label (see `itemLabel`)
 * All regular expressions are anchored and have bounded repetition.
 */
import type { Lexicon } from './lexicon';

export interface HeadingNumber {
  numbering: string | null;
  title: string;
  /** The heading starts with a chapter word (Hoofdstuk, Bijlage, Chapter …). */
  chapterWord: string | null;
  /** The heading starts with a group word (Blok, Thema …). */
  groupWord: string | null;
  /** Numbering is a single letter ("A."). */
  letter: boolean;
}

const DOTTED = /^(\d{1,3}(?:\.\d{1,3}){0,4})\.?(?:\s+|$)/;
const LETTER = /^([A-Z])[.:)](?:\s+|$)/;
const WORD_NUM = /^(\p{L}{2,12})\.?\s*(\d{1,3}(?:\.\d{1,3}){0,3}|[IVXLC]{1,6}|[A-Z])?\s*[.:–—-]?\s*/u;

export function parseHeadingNumber(title: string, lexicons: readonly Lexicon[]): HeadingNumber {
  const t = title.trim();
  const wm = WORD_NUM.exec(t);
  if (wm) {
    const word = wm[1].toLowerCase();
    for (const lx of lexicons) {
      if (lx.chapterWords.has(word)) {
        return { numbering: wm[2] ?? null, title: t.slice(wm[0].length).trim(), chapterWord: word, groupWord: null, letter: false };
      }
      if (lx.groupWords.has(word) && wm[2]) {
        return { numbering: wm[2], title: t.slice(wm[0].length).trim(), chapterWord: null, groupWord: word, letter: false };
      }
    }
  }
  const dm = DOTTED.exec(t);
  if (dm) return { numbering: dm[1], title: t.slice(dm[0].length).trim(), chapterWord: null, groupWord: null, letter: false };
  const lm = LETTER.exec(t);
  if (lm) return { numbering: lm[1], title: t.slice(lm[0].length).trim(), chapterWord: null, groupWord: null, letter: true };
  return { numbering: null, title: t, chapterWord: null, groupWord: null, letter: false };
}

export type ItemKind = 'conclusion' | 'recommendation' | 'question' | 'norm' | 'finding' | 'section' | 'goal';

export interface ItemLabel {
  kind: ItemKind;
  label: string;
  /** Length of the label prefix in the input (including trailing punctuation and bold markers). */
  length: number;
}

const LABEL_RE = /^(?:\*\*|__)?\s*(\p{L}{2,20}(?:\s\p{L}{2,12})?)\s+(\d{1,3}(?:\.\d{1,3}){0,3}[a-z]?)\s*[.:)–—-]?\s*(?:\*\*|__)?\s*[.:–—-]?\s*/u;
const ID_RE = /^(?:\*\*|__)?\s*([CRNQFG])(\d{1,3}(?:\.\d{1,3}){0,3})\b\s*[.:)–—-]?\s*(?:\*\*|__)?\s*/;
const ID_KIND: Record<string, ItemKind> = { C: 'conclusion', R: 'recommendation', N: 'norm', Q: 'question', F: 'finding', G: 'goal' };

/**
 * A label at the start of an item or heading: "Conclusie 3:", "**Norm 1.2**",
 * "Aanbeveling 4.", "Research question 2", "C3:". Null when there is none.
 */
export function itemLabel(text: string, lexicons: readonly Lexicon[], strict = false): ItemLabel | null {
  const m = LABEL_RE.exec(text);
  // In running text a label needs punctuation or a new sentence after it:
  // "Conclusie 3: …", "Norm 1.1 De doelen …" — not "Onderzoeksvraag 3 gaat over …".
  if (m && strict && !/[.:)–—-]|\*\*|__/.test(m[0].slice(m[1].length)) && m[0].length < text.length && !/^\p{Lu}/u.test(text.slice(m[0].length))) return null;
  if (m) {
    const phrase = m[1].toLowerCase();
    for (const lx of lexicons) {
      const kind = lx.itemWords.get(phrase) ?? lx.itemWordsMulti.find((w) => w.words.join(' ') === phrase)?.kind;
      if (kind) return { kind, label: m[2], length: m[0].length };
    }
  }
  const im = ID_RE.exec(text);
  if (im && strict && im[0].length < text.length && !/[.:)–—-]|\*\*/.test(im[0]) && !/^\p{Lu}/u.test(text.slice(im[0].length))) return null;
  if (im) return { kind: ID_KIND[im[1]], label: im[2], length: im[0].length };
  return null;
}

/** Prefix letter of item ids per kind. */
export const ID_PREFIX: Record<ItemKind, string> = {
  conclusion: 'C',
  recommendation: 'R',
  question: 'Q',
  norm: 'N',
  finding: 'F',
  section: 'S',
  goal: 'G',
};
