/**
 * Stated counts of conclusions, recommendations and research questions:
 * "alle 13 conclusies en aanbevelingen", "de volgende drie aanbevelingen",
 * "doet zes aanbevelingen", "all 13 conclusions and recommendations".
 *
 * A count is a number (digits or a number word) followed by the noun, and
 * preceded by a word that makes it a total ("alle", "volgende", "doet",
 * "in"; "de" only from three on, so "de twee conclusies" that picks a pair
 * out is no total). Number words, nouns and these words are data.
 *
 * Only the neighbourhood of each noun is read (found with indexOf on the
 * lower-cased text), so a long document costs little.
 */
import type { DocumentModel, Span } from '../types';
import { wordSpans } from '../text';
import { wederhoorLexicon, type CountKind } from './lexicon';

export interface CountStatement {
  n: number;
  kinds: CountKind[];
  range: Span;
  text: string;
}

const BREAK = /[.,;:!?()]/;

export function countStatements(model: DocumentModel): CountStatement[] {
  const lx = wederhoorLexicon(model.language);
  const text = model.text;
  const lower = text.toLowerCase();
  // Text blocks, in order, for finding the block of an offset.
  const blocks = model.blocks.filter((b) => b.type !== 'heading' && b.type !== 'marker');
  const blockAt = (pos: number): number => {
    let lo = 0;
    let hi = blocks.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const c = blocks[mid].content;
      if (pos < c.start) hi = mid - 1;
      else if (pos >= c.end) lo = mid + 1;
      else return mid;
    }
    return -1;
  };
  const windows: Span[] = [];
  for (const noun of lx.countNounHeads) {
    for (let at = lower.indexOf(noun); at >= 0; at = lower.indexOf(noun, at + noun.length)) {
      const bi = blockAt(at);
      if (bi < 0) continue;
      const c = blocks[bi].content;
      let start = Math.max(c.start, at - 40);
      while (start > c.start && !/\s/.test(text[start - 1])) start--;
      windows.push({ start, end: Math.min(c.end, at + 80) });
    }
  }
  windows.sort((a, b) => a.start - b.start);
  const out: CountStatement[] = [];
  const seen = new Set<number>();
  for (const w of windows) {
    const ws = wordSpans(text.slice(w.start, w.end), w.start);
    const keys = ws.map((x) => x.word);
    const broken = (k: number): boolean => BREAK.test(text.slice(ws[k - 1].end, ws[k].start));
    for (let i = 1; i < ws.length - 1; i++) {
      if (seen.has(ws[i].start)) continue;
      const n = /^\d{1,2}$/.test(keys[i]) ? Number(keys[i]) : lx.numberWords.get(keys[i]) ?? null;
      if (n === null) continue;
      const first = lx.countNouns.at(keys, i + 1, broken);
      if (!first || broken(i) || broken(i + 1)) continue;
      const cue = keys[i - 1];
      if (!lx.countCues.has(cue) && !(lx.weakCountCues.has(cue) && n >= 3)) continue;
      const kinds: CountKind[] = [first.value];
      let end = i + 1 + first.length;
      if (end + 1 < ws.length && lx.countJoiners.has(keys[end]) && !broken(end) && !broken(end + 1)) {
        const second = lx.countNouns.at(keys, end + 1, broken);
        if (second && second.value !== first.value) {
          kinds.push(second.value);
          end = end + 1 + second.length;
        }
      }
      seen.add(ws[i].start);
      const range = { start: ws[i].start, end: ws[end - 1].end };
      out.push({ n, kinds, range, text: text.slice(range.start, range.end) });
    }
  }
  return out.sort((a, b) => a.range.start - b.range.start);
}
