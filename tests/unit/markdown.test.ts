/**
 * The document model from small Markdown strings (pandoc dialect).
 */
import { describe, it, expect } from 'vitest';
import { analyze } from '../../server/src/core/analyze';

const md = (s: string) => analyze(s, { uri: 'x.md' });

describe('kind and language', () => {
  it('reads type from front matter, Dutch and English values', () => {
    expect(md('---\ntype: rapport\n---\n# Inleiding\n').kind).toBe('report');
    expect(md('---\ntype: policy\n---\n# Goals\n').kind).toBe('policy');
    expect(md('---\ntype: reactie\n---\nTekst.\n').kind).toBe('reaction');
    expect(md('---\ntype: brief\n---\nGeachte raad,\n').kind).toBe('letter');
    expect(md('---\ntype: normenkader\n---\n').kind).toBe('framework');
  });
  it('infers kind and language without front matter', () => {
    const report = md('# 1 Introduction\n\nThe audit office examined the scheme.\n\n# 2 Research questions\n\n1. Is the policy effective?\n\n# 5 Conclusions\n\n1. The policy is not effective.\n\n# 6 Recommendations\n\n1. Set measurable targets.\n');
    expect(report.kind).toBe('report');
    expect(report.language).toBe('en');
    expect(report.questions.map((q) => q.id)).toEqual(['Q1']);
    expect(report.conclusions[0].answers).toEqual(['Q1']);
    expect(md('Geachte leden van de raad,\n\nHierbij bieden wij u het rapport aan.\n').kind).toBe('letter');
  });
  it('bad front matter becomes a note, and the rest is still read', () => {
    const m = md('---\ntitle: "open\ntype: rapport\n---\n\n# 5 Conclusies\n\n1. Het beleid is onvoldoende.\n');
    expect(m.notes[0].message).toMatch(/^front-matter-invalid/);
    expect(m.conclusions).toHaveLength(1);
  });
});

describe('sections and roles', () => {
  const m = md(`# Rapport

## 1 Inleiding

## 2 Onderzoeksvragen en normenkader

### Onderzoeksvragen

1. Welke doelen heeft de gemeente?
2. Worden de doelen gehaald?

### Beleidsnormen

- De doelen zijn SMART geformuleerd.
- Er is budget gekoppeld.

## 3 Schuldhulp in de praktijk

### 3.1 Wachttijden

Tekst.

## 4 Toets aan het normenkader

### Norm 1: De doelen zijn SMART geformuleerd.

**Oordeel:** +-

Toelichting.

## 5 Conclusies en aanbevelingen

### 5.1 Conclusies

1. De doelen zijn deels SMART.

### 5.2 Aanbevelingen

1. Maak de doelen meetbaar (zie conclusie 1).

## Bestuurlijke reactie

### Conclusie 1

> De doelen zijn deels SMART.

Het college onderschrijft deze conclusie.
`);
  it('gives roles from heading words, position and governing parents', () => {
    const role = (title: string) => m.sections.find((s) => s.title === title)?.role;
    expect(role('Inleiding')).toBe('introduction');
    expect(role('Onderzoeksvragen')).toBe('questions');
    expect(role('Beleidsnormen')).toBe('norms');
    expect(role('Schuldhulp in de praktijk')).toBe('findings');
    expect(role('Wachttijden')).toBe('findings');
    expect(role('Toets aan het normenkader')).toBe('assessment');
    expect(role('Conclusies')).toBe('conclusions');
    expect(role('Aanbevelingen')).toBe('recommendations');
    expect(role('Bestuurlijke reactie')).toBe('reaction');
    expect(role('Conclusie 1')).toBe('reaction');
    expect(m.sections.find((s) => s.title === 'Conclusies en aanbevelingen')?.roles).toEqual(['conclusions', 'recommendations']);
  });
  it('reads every kind of item', () => {
    expect(m.questions.map((q) => q.id)).toEqual(['Q1', 'Q2']);
    expect(m.norms.map((n) => [n.id, n.group])).toEqual([['N1', 'beleid'], ['N2', 'beleid']]);
    expect(m.assessments.map((a) => [a.norm, a.score])).toEqual([['N1', '+-']]);
    expect(m.findings.map((f) => f.id)).toEqual(['F3.1']);
    expect(m.conclusions.map((c) => [c.id, c.answers])).toEqual([['C1', ['Q1']]]);
    expect(m.recommendations.map((r) => [r.id, r.follows])).toEqual([['R1', ['C1']]]);
    expect(m.reactions.map((r) => [r.target, r.quote, r.text])).toEqual([['C1', 'De doelen zijn deels SMART.', 'Het college onderschrijft deze conclusie.']]);
  });
});

describe('ids', () => {
  it('uses the document numbering, and {#id} attributes win', () => {
    const m = md('# Conclusies\n\n## Conclusie 3 {#C3}\n\nHet beleid werkt.\n\n## Conclusie 4 {#c-raad}\n\nDe raad weet te weinig.\n');
    expect(m.conclusions.map((c) => c.id)).toEqual(['C3', 'c-raad']);
    expect(m.conclusions[0].text).toBe('Het beleid werkt.');
  });
  it('numbers in order when the numbering repeats', () => {
    const m = md('# Normenkader\n\n## Blok A\n\n1. Norm een.\n2. Norm twee.\n\n## Blok B\n\n1. Norm drie.\n');
    expect(m.norms.map((n) => n.id)).toEqual(['N1', 'N2', 'N3']);
  });
  it('reads pandoc fenced divs with item ids', () => {
    const m = md('# Conclusies\n\n::: {#C1 .conclusion}\nDe gemeente heeft geen actueel beleid.\n:::\n\n::: {#C2}\nDe raad is laat geïnformeerd.\n:::\n');
    expect(m.conclusions.map((c) => [c.id, c.text])).toEqual([
      ['C1', 'De gemeente heeft geen actueel beleid.'],
      ['C2', 'De raad is laat geïnformeerd.'],
    ]);
  });
  it('reads labelled norms and sections numbered like 2.1', () => {
    const m = md('---\ntype: normenkader\n---\n## Uitvoeringsnormen\n\n- **Norm 2.1** Inwoners kunnen snel terecht.\n- **Norm 2.2** De gemeente signaleert vroeg.\n');
    expect(m.norms.map((n) => [n.id, n.group, n.text])).toEqual([
      ['N2.1', 'uitvoering', 'Inwoners kunnen snel terecht.'],
      ['N2.2', 'uitvoering', 'De gemeente signaleert vroeg.'],
    ]);
  });
});

describe('citations, footnotes, links, references', () => {
  const text = 'Het tekort was € 4.726.000 [@gemeente2022, p. 4; zie ook @cbs2023]. Volgens @jansen2021 [p. 12] daalde het. Eerder [-@jansen2021]. Mail info@lindeveen.nl. Zie [de nota](bronnen/nota.pdf) en [conclusie 3](#C3), norm 2.1 en aanbevelingen 2 en 4.[^1]\n\n[^1]: Bron: interview met de wethouder, 12 maart 2024.\n\n`@nocode` ook niet.\n';
  const m = md(text);
  it('reads pandoc citations with locators, in brackets and in text, and no e-mail addresses', () => {
    expect(m.citations.map((c) => [c.key, c.locator, c.inText, c.suppressAuthor])).toEqual([
      ['gemeente2022', 'p. 4', false, false],
      ['cbs2023', null, false, false],
      ['jansen2021', 'p. 12', true, false],
      ['jansen2021', null, false, true],
    ]);
    expect(text.slice(m.citations[0].range.start, m.citations[0].range.end)).toBe('@gemeente2022');
    expect(text.slice(m.citations[0].groupRange.start, m.citations[0].groupRange.end)).toBe('[@gemeente2022, p. 4; zie ook @cbs2023]');
  });
  it('reads footnotes, file links and references between items', () => {
    expect(m.footnotes.map((f) => [f.label, f.isSource, f.refs.length])).toEqual([['1', true, 1]]);
    expect(m.links.filter((l) => l.isFile).map((l) => l.url)).toEqual(['bronnen/nota.pdf']);
    expect(m.references.map((r) => [r.target, r.via])).toEqual([
      ['C3', 'link'],
      ['N2.1', 'phrase'],
      ['R2', 'phrase'],
      ['R4', 'phrase'],
    ]);
  });
  it('expands ranges of references', () => {
    const r = md('Zie conclusies 1 t/m 3 en deelvraag 4.\n').references.map((x) => x.target);
    expect(r).toEqual(['C1', 'C2', 'C3', 'Q4']);
  });
});

describe('assessments', () => {
  it('reads a chosen option of a written-out scale, and a scale with no choice', () => {
    const m = md('# Toetsing\n\n## Norm 1: Doelen zijn SMART\n\n++ | **+** | +- | - | --\n\n## Norm 2: Budget is gekoppeld\n\n++ | + | +- | - | --\n\n## Norm 3: De raad wordt geïnformeerd\n\n**Oordeel:** nog te bepalen\n');
    expect(m.assessments.map((a) => [a.label, a.score, a.scaleWithoutChoice])).toEqual([
      ['1', '+', false],
      ['2', null, true],
      ['3', null, false],
    ]);
    expect(m.assessments[2].scoreRange).not.toBeNull();
  });
  it('reads scores in a table', () => {
    const m = md('# Toets\n\n| Norm | Oordeel |\n|---|---|\n| Norm 1.1 De doelen zijn SMART | +- |\n| Norm 1.2 Er is budget | ++ |\n');
    expect(m.assessments.map((a) => [a.label, a.score])).toEqual([
      ['1.1', '+-'],
      ['1.2', '++'],
    ]);
  });
});

describe('sentences', () => {
  it('classifies sentences by role and content', () => {
    const m = md('# 2 Bevindingen\n\nDe kosten stegen tot 72,5 miljoen euro. Uit interviews blijkt dat de wachttijd daalt.\n\n# 5 Conclusies\n\nHet beleid is niet doeltreffend.\n\n# 6 Aanbevelingen\n\nStel meetbare doelen vast.\n');
    expect(m.sentences.map((s) => s.cls)).toEqual(['claim', 'claim', 'conclusion', 'recommendation']);
  });
});
