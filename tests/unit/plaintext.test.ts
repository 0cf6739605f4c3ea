/**
 * Plain text as PDF extraction leaves it: noise, hyphenation, glued
 * footnote markers, bullets, headings of every form.
 */
import { describe, it, expect } from 'vitest';
import { analyze } from '../../server/src/core/analyze';

const txt = (s: string) => analyze(s, { uri: 'x.txt' });

describe('extraction noise', () => {
  const text = [
    'Hoofdstuk 3: De inkoop van jeugdhulp',
    '3.1 De inkoopstrategie',
    'De RIGG2 koopt de jeugdhulp in voor de tien gemeenten. De uitvoe-',
    'ring ligt bij de gemeenten zelf.',
    '',
    '2 Regionale Inkooporganisatie Groninger Gemeenten.',
    '',
    ' 12 ',
    '',
    'De kosten bedroegen € 4.726.000 in 2022.',
    '',
    '• Eerste punt van de',
    '',
    'opsomming loopt door.',
    '− Tweede punt.',
    'o Derde punt.',
    '',
  ].join('\n');
  const m = txt(text);
  it('reads headings with chapter words and numbering', () => {
    expect(m.sections.map((s) => [s.numbering, s.title, s.level])).toEqual([
      ['3', 'De inkoop van jeugdhulp', 1],
      ['3.1', 'De inkoopstrategie', 2],
    ]);
  });
  it('joins hyphenated line breaks and removes glued footnote markers from the text', () => {
    const p = m.blocks.find((b) => b.text.startsWith('De RIGG'))!;
    expect(p.text).toBe('De RIGG koopt de jeugdhulp in voor de tien gemeenten. De uitvoering ligt bij de gemeenten zelf.');
    expect(m.footnotes.map((f) => [f.label, f.text])).toEqual([['2', 'Regionale Inkooporganisatie Groninger Gemeenten.']]);
    expect(text.slice(m.footnotes[0].refs[0].start, m.footnotes[0].refs[0].end)).toBe('2');
  });
  it('drops page numbers and keeps bullets as items, across blank lines', () => {
    expect(m.blocks.some((b) => b.text === '12')).toBe(false);
    const items = m.blocks.filter((b) => b.type === 'item').map((b) => [b.label, b.text, b.depth]);
    expect(items).toEqual([
      ['•', 'Eerste punt van de opsomming loopt door.', 0],
      ['−', 'Tweede punt.', 0],
      ['o', 'Derde punt.', 1],
    ]);
  });
  it('does not take a numbered footnote line for a chapter heading', () => {
    const m2 = txt('2.2 De regio\nDe RIGG werkt regionaal.13\n\n12 Opdracht RIG 01-07-2021 – 01-07-2024\n13 Opdracht RIG 01-07-2021 – 01-07-2024\nDe opdracht loopt door.\n');
    expect(m2.sections.map((s) => s.numbering)).toEqual(['2.2']);
  });
});

describe('groups and letter headings', () => {
  it('reads Blok and A. headings and numbered questions under them', () => {
    const m = txt('Onderzoeksvragen\n\nBlok 1: De vraag en het doel\n\nA. Lokaal beleid\n\n1. In welke mate heeft de gemeente inzicht in de \n\nvraag naar jeugdhulp?\n\n2. Wat zijn de doelen?\n');
    expect(m.questions.map((q) => [q.id, q.text])).toEqual([
      ['Q1', 'In welke mate heeft de gemeente inzicht in de vraag naar jeugdhulp?'],
      ['Q2', 'Wat zijn de doelen?'],
    ]);
    expect(m.sections.map((s) => s.numbering)).toEqual([null, '1', 'A']);
  });
});

describe('reaction appendix in extracted text', () => {
  it('reads quotes and reactions after the "Reactie" marker', () => {
    const text = [
      '8.1 Conclusies',
      '1. Heeft de gemeente inzicht?',
      'De gemeente heeft beperkt inzicht.',
      '',
      'Bijlage: Reacties op de conclusies en aanbevelingen',
      'Conclusies',
      '1. Heeft de gemeente inzicht?',
      'De gemeente heeft beperkt inzicht.',
      'Reactie',
      'Wij constateren een tegenstelling in deze conclusie.',
      '',
    ].join('\n');
    const m = txt(text);
    expect(m.conclusions.map((c) => [c.id, c.text])).toEqual([['C1', 'De gemeente heeft beperkt inzicht.']]);
    expect(m.reactions.map((r) => [r.target, r.quotedQuestion, r.quote, r.text])).toEqual([
      ['C1', 'Heeft de gemeente inzicht?', 'De gemeente heeft beperkt inzicht.', 'Wij constateren een tegenstelling in deze conclusie.'],
    ]);
  });
});
