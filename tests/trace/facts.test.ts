/**
 * Facts and their normal form (trace/facts.ts).
 */
import { describe, it, expect } from 'vitest';
import { analyze } from '../../server/src/core/analyze';
import { scanFacts, factIndex } from '../../server/src/core/trace/facts';

const scan = (s: string, lang: 'nl' | 'en' = 'nl') => scanFacts(s, 0, s.length, lang, { names: true }).map((f) => [f.kind, f.value]);

describe('scanFacts', () => {
  it('normalises Dutch amounts, percentages and numbers', () => {
    expect(scan('Er ging € 135.000 naar de reserve')).toEqual([['amount', 135000]]);
    expect(scan('er ging 135.000 euro naar de reserve')).toEqual([['amount', 135000]]);
    expect(scan('er ging EUR 135.000 naar')).toEqual([['amount', 135000]]);
    expect(scan('er ging € 1,6 miljoen naar')).toEqual([['amount', 1600000]]);
    expect(scan('totale kosten: 72,5 m euro')).toEqual([['amount', 72500000]]);
    expect(scan('een besparing van 4,4 % per jaar')).toEqual([['percent', 4.4]]);
    expect(scan('bij 88 procent van de aanmelders')).toEqual([['percent', 88]]);
    expect(scan('het gaat om 1.284 signalen')).toEqual([['number', 1284]]);
  });
  it('reads English numbers the English way', () => {
    expect(scan('the council added €1.6 million and 1,284 signals, 12.5% more', 'en')).toEqual([
      ['amount', 1600000],
      ['number', 1284],
      ['percent', 12.5],
    ]);
  });
  it('reads dates as day and month, and skips years, item numbers, ordinals and codes', () => {
    expect(scan('de start was op 4 oktober 2021')).toEqual([['date', 1004]]);
    expect(scan('in 2024 en in de periode 2021–2025, zie tabel 2, doelen 3, 4 en 7, norm 1.2, voor de 2e keer')).toEqual([]);
    expect(scan('de invloed van COVID-19 op de zorg')).toEqual([['name', 'covid19']]);
  });
  it('reads names inside sentences, not at their start', () => {
    expect(scan('Woningcorporatie Woonstede doet mee. De gemeente ook.')).toEqual([['name', 'woonstede']]);
  });
  it('skips a number alone on its line: a page number the extraction left', () => {
    expect(scanFacts('eerste regel\n\n36 \n\ntweede regel', 0, 30, 'nl')).toEqual([]);
  });
});

describe('factIndex', () => {
  const m = analyze('# 2 Bevindingen\n\n## 2.1 Geld\n\nHet budget was € 1.640.000; 87,6% van de aanmelders kwam binnen vier weken. Stichting WIJ Groningen voert het uit; de SES-gemeente.\n', { uri: '/f/r.md' });
  const idx = factIndex(m, m.findings.map((f) => f.range));
  const fact = (s: string) => scanFacts(s, 0, s.length, 'nl', { names: true })[0];
  it('matches a rounded value to the values it rounds', () => {
    expect(idx.has(fact('ruim € 1,6 miljoen'))).toBe(true);
    expect(idx.has(fact('88%'))).toBe(true);
    expect(idx.has(fact('€ 1,7 miljoen'))).toBe(false);
    expect(idx.has(fact('85%'))).toBe(false);
  });
  it('matches a digit to a number word, and names across spelling', () => {
    expect(idx.has(fact('binnen 4 weken'))).toBe(true);
    expect(idx.has(fact('de gemeente en WIJ-Groningen'))).toBe(true);
    expect(idx.has(fact('een lage SES-status'))).toBe(true);
  });
  it('names the nearest values of the same kind', () => {
    expect(idx.nearest(fact('€ 1.500.000')).map((f) => f.value)).toEqual([1640000]);
  });
});
