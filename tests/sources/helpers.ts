import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const FIXTURES = resolve(__dirname, '../fixtures/sources');
export const EXAMPLES = resolve(__dirname, '../../examples');
export const fixture = (name: string): string => readFileSync(resolve(FIXTURES, name), 'utf8');

/** Applies edits (UTF-16 offsets, non-overlapping) to a text. */
export function applyEdits(text: string, edits: ReadonlyArray<{ offsets: { start: number; end: number }; newText: string }>): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.offsets.start - a.offsets.start)) out = out.slice(0, e.offsets.start) + e.newText + out.slice(e.offsets.end);
  return out;
}
