/**
 * The SMART word lists are data: both languages have the same fields, every
 * pattern compiles, folding keeps offsets; and the projection of a document
 * range maps every character back to where it stands.
 */
import { describe, it, expect } from 'vitest';
import nl from '../../server/src/core/lexicon/smart.nl.json';
import en from '../../server/src/core/lexicon/smart.en.json';
import { PatternSet, fold, findAll } from '../../server/src/core/smart/patterns';
import { projectRange, toDocument } from '../../server/src/core/smart/project';

describe('word lists', () => {
  it('have the same fields and classes in Dutch and English', () => {
    expect(Object.keys(nl).sort()).toEqual(Object.keys(en).sort());
    expect(Object.keys(nl.classes).sort()).toEqual(Object.keys(en.classes).sort());
    expect(Object.keys(nl.snippets).sort()).toEqual(Object.keys(en.snippets).sort());
  });
  it.each([['nl', nl], ['en', en]] as const)('%s: every pattern compiles on its own', (_lang, raw) => {
    const ps = new PatternSet(raw.classes as Record<string, string[]>);
    for (const [key, value] of Object.entries(raw)) {
      if (!Array.isArray(value) || key === 'imperatives' || key === 'prepositions' || key === 'passiveAfter') continue;
      for (const p of value as string[]) expect(() => ps.compile(p), `${key}: ${p}`).not.toThrow();
    }
    for (const name of Object.keys(raw.classes)) expect(() => ps.compile(`{${name}}`), name).not.toThrow();
  });
  it('reads the pattern language: alternatives, phrases, classes, gaps, optional words, clause ends', () => {
    const ps = new PatternSet({ month: ['januari', 'juli'], when: ['{day} {month} {year}?'] });
    const hits = (p: string, t: string): string[] => findAll([ps.compile(p)], fold(t)).map((h) => t.slice(h.start, h.end));
    expect(hits('vóór|voor {when}', 'Vóór 1 juli 2026 en voor 3 januari.')).toEqual(['Vóór 1 juli 2026', 'voor 3 januari']);
    expect(hits('[tot en met|t/m] {year}', 'tot en met 2027, t/m 2028')).toEqual(['tot en met 2027', 't/m 2028']);
    expect(hits('zet|zetten ..3 in $$', 'Wij zetten vroegsignalering breed in, zodat …; wij zetten in op X')).toEqual(['zetten vroegsignalering breed in']);
    expect(hits('*plan', 'een verbeterplan en een plan, geen planning')).toEqual(['verbeterplan', 'plan']);
    expect(hits('{num}-jarige|{num}e', 'een 18-jarige in de 3e klas')).toEqual(['18-jarige', '3e']);
    expect(() => ps.compile('{money}')).toThrow(/currency/); // {money} needs the classes currency and scale
  });
  it('folds without changing the length', () => {
    const s = 'Vóór 1 juli – “zo snel mogelijk” ’t Geïnformeerd\u00a0İ';
    expect(fold(s)).toHaveLength(s.length);
    expect(fold('Vóór Q3 – ’s')).toBe("voor q3 - 's");
  });
});

describe('projection of a document range', () => {
  it('drops markup, citations, heading lines and the list marker, and maps back', () => {
    const doc = '### Conclusie 1 {#C1}\n\n1. Het college **legt** vóór 1 juli 2026 een [plan](plan.md) voor [@nota2021, p. 4].[^2]\n   Daarna\n   volgt de raad.\n';
    const p = projectRange(doc, { start: 0, end: doc.length });
    expect(p.text).toBe('Het college legt vóór 1 juli 2026 een plan voor . Daarna volgt de raad.');
    expect(p.map).toHaveLength(p.text.length);
    for (let i = 0; i < p.text.length; i++) if (p.text[i] !== ' ') expect(doc[p.map[i]]).toBe(p.text[i]);
    const at = p.text.indexOf('1 juli 2026');
    const span = toDocument(p, at, at + '1 juli 2026'.length);
    expect(doc.slice(span.start, span.end)).toBe('1 juli 2026');
  });
  it('joins words hyphenated across lines and skips blanked footnote lines', () => {
    const doc = 'De jeugd-\nhulp wordt be-\n  perkt.\n12 Bron: interviews\nDaarna meer.';
    const foot = { start: doc.indexOf('12 Bron'), end: doc.indexOf('Daarna') };
    const p = projectRange(doc, { start: 0, end: doc.length }, [foot]);
    expect(p.text).toBe('De jeugdhulp wordt beperkt. Daarna meer.');
  });
});
