/**
 * The comparing machinery: words and their normalisation, the difference
 * of two word lists, and `quoteDiff` on plain strings.
 */
import { describe, it, expect } from 'vitest';
import { tokenize, mapToSource } from '../../server/src/core/wederhoor/tokens';
import { diffKeys } from '../../server/src/core/wederhoor/diff';
import { quoteDiff } from '../../server/src/core/wederhoor';
import type { Conclusion, Reaction } from '../../server/src/core/types';

const reaction = (quote: string): Reaction => ({ id: 'RE1', target: 'C1', targetKind: 'conclusion', label: '1', quote, quoteRange: null, quotedQuestion: null, text: '', textRange: null, range: { start: 0, end: 0 }, section: 0 });
const item = (text: string): Conclusion => ({ id: 'C1', label: '1', text, range: { start: 0, end: text.length }, section: 0, question: null, answers: [] });
const changes = (report: string, quote: string) => quoteDiff(reaction(quote), item(report)).changes.map((c) => [c.kind, c.report, c.quote]);

describe('words', () => {
  it('keys ignore case, hyphens, apostrophe shapes; numbers keep their separators and %', () => {
    expect(tokenize('Risico’s van LVB-problematiek: 4,6% en € 250.000.').map((t) => t.key)).toEqual(["risicos", 'van', 'lvbproblematiek', '4,6%', 'en', '250.000']);
  });
  it('joins a word broken at a line end and marks it', () => {
    const t = tokenize('jeugd-\n  hulp en Midden-\nGroningen');
    expect(t.map((x) => [x.key, x.broken])).toEqual([['jeugdhulp', true], ['en', false], ['middengroningen', true]]);
  });
  it('skips footnote references and marks unit ends', () => {
    const t = tokenize('Het beleid[^3] is oud. Het plan: nieuw');
    expect(t.map((x) => x.key)).toEqual(['het', 'beleid', 'is', 'oud', 'het', 'plan', 'nieuw']);
    expect(t.filter((x) => x.unitEnd).map((x) => x.key)).toEqual(['oud', 'plan', 'nieuw']);
  });
  it('maps normalised words back to the source, over page numbers, markers and glued footnote numbers', () => {
    const src = 'Intro\n> De RIGG2 heeft\n\n 39 \n\nhet jeugd-\nhulp **aanbod**.';
    const norm = 'De RIGG heeft het jeugdhulp aanbod.';
    const toks = tokenize(norm);
    const spans = mapToSource(toks, src, { start: 6, end: src.length });
    expect(spans.map((s) => src.slice(s.start, s.end))).toEqual(['De', 'RIGG', 'heeft', 'het', 'jeugd-\nhulp', 'aanbod']);
    expect(toks[4].broken).toBe(true);
  });
});

describe('diffKeys (Myers)', () => {
  const apply = (a: string[], b: string[]): string[] => {
    const hunks = diffKeys(a, b);
    const out: string[] = [];
    let i = 0;
    for (const h of hunks) {
      while (i < h.a0) out.push(a[i++]);
      out.push(...b.slice(h.b0, h.b1));
      i = h.a1;
    }
    while (i < a.length) out.push(a[i++]);
    return out;
  };
  const lcs = (a: string[], b: string[]): number => {
    const dp = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
    for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) dp[i][j] = a[i - 1] === b[j - 1] ? dp[i - 1][j - 1] + 1 : Math.max(dp[i - 1][j], dp[i][j - 1]);
    return dp[a.length][b.length];
  };
  it('turns a into b with a minimal number of edits (random inputs)', () => {
    let seed = 7;
    const rnd = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let round = 0; round < 300; round++) {
      const a = Array.from({ length: rnd(14) }, () => 'abcde'[rnd(5)]);
      const b = Array.from({ length: rnd(14) }, () => 'abcde'[rnd(5)]);
      expect(apply(a, b)).toEqual(b);
      const edits = diffKeys(a, b).reduce((s, h) => s + (h.a1 - h.a0) + (h.b1 - h.b0), 0);
      expect(edits).toBe(a.length + b.length - 2 * lcs(a, b));
    }
  });
  it('returns nothing for equal input and one hunk when past its budget', () => {
    expect(diffKeys(['a', 'b'], ['a', 'b'])).toEqual([]);
    expect(diffKeys(['a', 'x', 'y', 'b'], ['a', 'p', 'q', 'b'], 1)).toEqual([{ a0: 1, a1: 3, b0: 1, b1: 3 }]);
  });
});

describe('quoteDiff on strings', () => {
  const report = 'De gemeente heeft de jeugdhulp goed georganiseerd. De wachttijden zijn korter. Het bereik is in 2024 beperkt.';

  it('finds nothing in quotes that are the same after normalisation', () => {
    for (const q of [
      'De  gemeente heeft de jeugd-\nhulp goed georganiseerd.\n\nDe wachttijden zijn korter. Het bereik is in 2024 beperkt.', // whitespace, hyphenation
      '• De gemeente heeft de jeugdhulp goed georganiseerd. − De wachttijden zijn korter. – Het bereik is in 2024 beperkt.', // bullets
      'o De gemeente heeft de ‘jeugdhulp’ “goed” georganiseerd. - De wachttijden zijn korter. Het bereik is in 2024 beperkt.', // bullets, quote marks
      "De gemeente heeft de 'jeugdhulp' \"goed\" georganiseerd[^1]. De wachttijden zijn korter. Het bereik is in 2024 beperkt.", // quote marks, footnote
      'De gemeente heeft de jeugdhulp goed georganiseerd; de wachttijden zijn korter. Het bereik is in 2024 beperkt', // punctuation, case
      'Conclusie 1: De gemeente heeft de jeugdhulp goed georganiseerd. De wachttijden zijn korter. Het bereik is in 2024 beperkt.', // the label
      'De gemeente heeft de jeugdhulp goed georganiseerd. De wachttijden zijn korter.', // a part: the last sentence left out
    ]) {
      expect(changes(report, q)).toEqual([]);
    }
    expect(changes('De RIGG heeft de opdracht (zie conclusie 3) uitgewerkt.', 'De RIGG heeft de opdracht uitgewerkt.')).toEqual([]);
    // Words left out with an ellipsis.
    expect(changes(report, 'De gemeente heeft (…) goed georganiseerd. De wachttijden zijn korter. Het bereik is …')).toEqual([]);
    expect(changes(report, 'De gemeente heeft goed georganiseerd. De wachttijden zijn korter.')).toEqual([['deleted', 'de jeugdhulp', '']]);
    expect(changes('De RIGG2 heeft de opdracht uitgewerkt.', 'De RIGG heeft de opdracht uitgewerkt.')).toEqual([]);
  });

  it('names replaced, deleted and inserted words (with a word of context)', () => {
    expect(changes(report, report.replace('jeugdhulp', 'jeugdzorg'))).toEqual([['replaced', 'jeugdhulp', 'jeugdzorg']]);
    const d = quoteDiff(reaction(report.replace('is in 2024', 'is 2024')), item(report)).changes;
    expect(d.map((c) => [c.kind, c.report, c.quote, c.reportShown, c.quoteShown])).toEqual([['deleted', 'in', '', 'is in 2024', 'is 2024']]);
    expect(changes(report, report.replace('zijn korter', 'zijn veel korter'))).toEqual([['inserted', '', 'veel']]);
    // Changes one word apart are one change.
    expect(changes(report, report.replace('heeft de jeugdhulp goed', 'had de jeugdzorg slecht'))).toEqual([['replaced', 'heeft de jeugdhulp goed', 'had de jeugdzorg slecht']]);
  });

  it('tells spelling (spacing, hyphens) from other changes', () => {
    expect(changes('Het OpenHouse model werkt.', 'Het Open House model werkt.')).toEqual([['spelling', 'OpenHouse', 'Open House']]);
    expect(changes('In de Oost-Groningse gemeenten.', 'In de Oostgroningse gemeenten.')).toEqual([['spelling', 'Oost-Groningse', 'Oostgroningse']]);
  });

  it('reports a moved sentence as moved, with the changes inside it', () => {
    const q = 'De gemeente heeft de jeugdhulp goed georganiseerd. Het bereik is in 2024 beperkt. De wachttijden zijn veel korter.';
    const d = quoteDiff(reaction(q), item(report));
    expect(d.changes.map((c) => [c.kind, c.quote])).toEqual([['moved', 'De wachttijden zijn veel korter'], ['inserted', 'veel']]);
    expect(d.changes[0].moved).toEqual({ reportPosition: 2, quotePosition: 3, sentences: 3 });
    expect(q.slice(d.changes[0].quoteSpan.start, d.changes[0].quoteSpan.end)).toBe('De wachttijden zijn veel korter');
  });

  it('gives offsets into the two strings', () => {
    const q = report.replace('jeugdhulp', 'jeugdzorg');
    const [c] = quoteDiff(reaction(q), item(report)).changes;
    expect(q.slice(c.quoteSpan.start, c.quoteSpan.end)).toBe('jeugdzorg');
    expect(report.slice(c.reportSpan.start, c.reportSpan.end)).toBe('jeugdhulp');
    expect(c.quoteRange).toBeUndefined();
  });
});
