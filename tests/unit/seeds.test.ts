/**
 * The document model on the real seeds, as extraction left them.
 */
import { describe, it, expect } from 'vitest';
import { analyze } from '../../server/src/core/analyze';
import type { DocumentModel, Span } from '../../server/src/core/types';
import { seed } from '../helpers/seeds';

const range = (n: number): string[] => Array.from({ length: n }, (_, i) => String(i + 1));

function spansOf(m: DocumentModel): Span[] {
  return [
    ...m.sections.map((s) => s.range),
    ...m.questions.map((q) => q.range),
    ...m.norms.map((q) => q.range),
    ...m.assessments.map((q) => q.range),
    ...m.findings.map((q) => q.range),
    ...m.conclusions.map((q) => q.range),
    ...m.recommendations.map((q) => q.range),
    ...m.reactions.map((q) => q.range),
    ...m.citations.map((q) => q.range),
    ...m.footnotes.map((q) => q.range),
    ...m.references.map((q) => q.range),
    ...m.sentences,
    ...m.blocks.map((b) => b.range),
  ];
}

describe('seed 001: report with reaction appendix', () => {
  const text = seed('001');
  const m = analyze(text, { uri: '001.txt' });

  it('is a Dutch report read as plain text', () => {
    expect(m.kind).toBe('report');
    expect(m.language).toBe('nl');
    expect(m.format).toBe('text');
  });

  it('finds research questions Q1–Q13', () => {
    expect(m.questions.map((q) => q.id)).toEqual(range(13).map((n) => 'Q' + n));
    expect(m.questions[0].text).toMatch(/^In welk mate heeft de gemeente inzicht in de lokale vraag naar Jeugdhulp\?$/);
    // Q11 breaks over a blank line mid-sentence in the extraction.
    expect(m.questions[10].text).toMatch(/aanbod Jeugdhulp dat aansluit op het eigen lokale beleid\?$/);
  });

  it('finds conclusions C1–C12, each answering its question', () => {
    expect(m.conclusions.map((c) => c.id)).toEqual(range(12).map((n) => 'C' + n));
    for (const c of m.conclusions) expect(c.answers).toEqual(['Q' + c.label]);
    expect(m.conclusions[0].text).toMatch(/^De gemeente Groningen heeft in beperkte mate inzicht/);
    expect(m.conclusions[0].question).toMatch(/^In welke mate heeft de gemeente inzicht/);
    // C7 runs over a paragraph and bullets after its first answer.
    expect(m.conclusions[6].text).toMatch(/middel voorzieningen/);
  });

  it('finds recommendations R1–R4 under question 13', () => {
    expect(m.recommendations.map((r) => r.id)).toEqual(['R1', 'R2', 'R3', 'R4']);
    expect(m.recommendations[0].text).toMatch(/^Maak als Groningse gemeenten concrete afspraken/);
    expect(m.recommendations[0].text).toMatch(/risicomonitor\.$/);
    expect(m.recommendations.every((r) => r.answers.includes('Q13'))).toBe(true);
  });

  it('reads a reaction for each of the 16 conclusions and recommendations', () => {
    expect(m.reactions.map((r) => r.target)).toEqual([...range(12).map((n) => 'C' + n), 'R1', 'R2', 'R3', 'R4']);
    const r8 = m.reactions[7];
    expect(r8.quotedQuestion).toMatch(/^Hoe ziet het aanbod Jeugdhulp eruit/);
    expect(r8.text).toMatch(/^Wij constateren een tegenstelling in deze conclusie/);
    // The reaction quotes conclusion 5 with its sentences in another order.
    expect(m.reactions[4].quote).toMatch(/^De RIGG heeft op basis van een afwegingskader/);
    // A page number inside a reaction is not part of its text.
    expect(m.reactions[1].text).not.toMatch(/ 39 /);
    expect(m.reactions[1].text).toMatch(/verwoord in de Hervormingsagenda jeugd 2023-2028/);
  });

  it('reads footnotes with their glued markers, and the central question', () => {
    const f7 = m.footnotes.find((f) => f.text === 'Bron: interviews' && f.label === '7');
    expect(f7).toBeDefined();
    expect(f7!.isSource).toBe(true);
    expect(f7!.refs.length).toBe(1);
    const fn2 = m.footnotes.find((f) => f.label === '2' && /Regionale Inkooporganisatie/.test(f.text))!;
    expect(text.slice(fn2.refs[0].start - 4, fn2.refs[0].end)).toBe('RIGG2');
    expect(m.centralQuestion?.text).toMatch(/^In hoeverre sluit de inkoop van jeugdhulp door de RIGG/);
    // Footnote lines at page foot do not end up in the paragraph they interrupt.
    const para = m.blocks.find((b) => b.text.startsWith('Op initiatief van de rekenkamer(commissie)s'));
    expect(para?.text).not.toMatch(/bemenste/);
  });

  it('gives the findings chapters their role by position', () => {
    const roles = m.sections.filter((s) => s.level === 1 && s.numbering && Number(s.numbering) <= 8).map((s) => `${s.numbering}:${s.role}`);
    expect(roles.slice(0, 8)).toEqual(['1:introduction', '2:findings', '3:findings', '4:findings', '5:findings', '6:findings', '7:findings', '8:conclusions']);
    expect(m.findings.length).toBeGreaterThan(10);
  });
});

describe('seed 004: report with normenkader and scored assessments', () => {
  const m = analyze(seed('004'), { uri: '004.txt' });

  it('finds 14 research questions and 14 norms in groups beleid 7, uitvoering 3, resultaat 4', () => {
    expect(m.questions.map((q) => q.id)).toEqual(range(14).map((n) => 'Q' + n));
    expect(m.norms).toHaveLength(14);
    const groups: Record<string, number> = {};
    for (const n of m.norms) groups[n.group ?? '?'] = (groups[n.group ?? '?'] ?? 0) + 1;
    expect(groups).toEqual({ beleid: 7, uitvoering: 3, resultaat: 4 });
    expect(m.norms.find((n) => n.text === 'De doelstellingen zijn SMART geformuleerd.')).toBeDefined();
  });

  it('finds 14 assessments with score null (the scale with no choice), each linked to its own norm', () => {
    expect(m.assessments).toHaveLength(14);
    for (const a of m.assessments) {
      expect(a.score).toBeNull();
      expect(a.scaleWithoutChoice).toBe(true);
    }
    expect(m.assessments.map((a) => a.norm)).toEqual(m.norms.map((n) => n.id));
  });

  it('answers each research question by a conclusion and reads the unnumbered recommendations', () => {
    expect(m.conclusions.map((c) => c.id)).toEqual(range(14).map((n) => 'C' + n));
    for (const c of m.conclusions) expect(c.answers).toContain('Q' + c.label);
    expect(m.recommendations.map((r) => r.text.slice(0, 20))).toEqual(['Krijg meer grip op c', 'Zet in op het jeugdt', 'Verbeter de samenwer']);
  });
});

describe('seeds 000, 002, 003', () => {
  it('000 is a cover letter with its recommendations', () => {
    const m = analyze(seed('000'));
    expect(m.kind).toBe('letter');
    expect(m.recommendations.map((r) => r.text.slice(0, 24))).toEqual(['Actualiseer het beleid S', 'Maak concrete afspraken ', 'Maak als Groningse gemee']);
  });
  it('002 is a letter and 003 parses', () => {
    expect(analyze(seed('002')).kind).toBe('letter');
    const m3 = analyze(seed('003'));
    expect(m3.blocks.length).toBeGreaterThan(20);
  });
});

describe('every range of every seed lies inside the text', () => {
  for (const id of ['000', '001', '002', '003', '004']) {
    it(`seed ${id}`, () => {
      const text = seed(id);
      const m = analyze(text);
      for (const s of spansOf(m)) {
        expect(s.start).toBeGreaterThanOrEqual(0);
        expect(s.end).toBeLessThanOrEqual(text.length);
        expect(s.start).toBeLessThanOrEqual(s.end);
      }
      // Sentences are ordered and do not overlap.
      for (let i = 1; i < m.sentences.length; i++) expect(m.sentences[i].start).toBeGreaterThanOrEqual(m.sentences[i - 1].end);
    });
  }
});
