/**
 * Passages of a findings section for similarity: its paragraphs, list items
 * and table rows in order, joined until a passage holds at least
 * MIN_WORDS words; the heading of a sub-section goes in front of the
 * passage that follows it.
 */
import type { DocumentModel, Span } from '../types';
import type { SimPassage } from './similarity';
import { scanFrom } from './locate';

const MIN_WORDS = 40;

export function passagesIn(model: DocumentModel, range: Span, title = ''): SimPassage[] {
  const out: SimPassage[] = [];
  let buf: string[] = title ? [title] : [];
  let words = 0;
  let start = -1;
  let end = range.start;
  const flush = (): void => {
    if (start >= 0 && buf.length) out.push({ text: buf.join(' '), range: { start, end } });
    buf = [];
    words = 0;
    start = -1;
  };
  // The blocks are in document order: start at the first that can lie in the range.
  for (let i = scanFrom(model.blocks, blockStart, range.start); i < model.blocks.length; i++) {
    const b = model.blocks[i];
    if (b.range.start < range.start) continue;
    if (b.range.start >= range.end) break;
    if (!b.text) continue;
    if (b.type === 'heading') {
      if (words >= MIN_WORDS / 2) flush();
      buf.push(b.text);
      if (start < 0) start = b.range.start;
      continue;
    }
    if (start < 0) start = b.range.start;
    buf.push(b.text);
    end = b.range.end;
    words += countWords(b.text);
    if (words >= MIN_WORDS) flush();
  }
  if (buf.length && start >= 0) {
    if (words < MIN_WORDS / 2 && out.length) {
      const last = out[out.length - 1];
      last.text += ' ' + buf.join(' ');
      last.range = { start: last.range.start, end };
    } else flush();
  }
  if (out.length === 0 && title) out.push({ text: title, range: { ...range } });
  return out;
}

const blockStart = (b: DocumentModel['blocks'][number]): number => b.range.start;

function countWords(s: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const sp = s.charCodeAt(i) <= 32;
    if (!sp && !inWord) n++;
    inWord = !sp;
  }
  return n;
}
