/** Carrying diagnostics past an edit (the language server's first phase while typing). */
import { describe, it, expect } from 'vitest';
import { shiftPast } from '../../server/src/lsp/server';
import type { Diagnostic } from '../../server/src/core/rules';

const d = (start: number, end: number): Diagnostic => ({ code: 'x/y', severity: 'warning', message: { nl: '', en: '' }, range: { start, end } });

describe('shiftPast', () => {
  const before = 'aaaa bbbb cccc dddd';
  it('keeps what stands before the edit, shifts what follows, drops what it touched', () => {
    const after = 'aaaa bbXXXbb cccc dddd';
    const out = shiftPast([d(0, 4), d(5, 9), d(10, 14), d(15, 19)], before, after);
    expect(out.map((x) => after.slice(x.range.start, x.range.end))).toEqual(['aaaa', 'cccc', 'dddd']);
  });
  it('handles deletions and an unchanged text', () => {
    const after = 'aaaa cccc dddd';
    expect(shiftPast([d(10, 14)], before, after).map((x) => after.slice(x.range.start, x.range.end))).toEqual(['cccc']);
    expect(shiftPast([d(5, 9)], before, before)).toEqual([d(5, 9)]);
  });
});
