/**
 * buildTraceGraph: nodes and edges, how each link was made, across files.
 */
import { describe, it, expect } from 'vitest';
import { analyze } from '../../server/src/core/analyze';
import { buildTraceGraph, buildTraceContext } from '../../server/src/core/trace/graph';
import { seed } from '../helpers/seeds';
import { exampleProject, fromFiles } from './helpers';

describe('seed 004: fourteen norms, fourteen assessments on a scale without choice', () => {
  const m = analyze(seed('004'), { uri: '004.txt' });
  const g = buildTraceGraph(m);
  it('links each norm to its own assessment', () => {
    const norms = g.nodes.filter((n) => n.kind === 'norm');
    expect(norms).toHaveLength(14);
    for (let i = 1; i <= 14; i++) {
      const into = g.edges.filter((e) => e.kind === 'assesses' && e.to === `N${i}`);
      expect(into.map((e) => e.from), `N${i}`).toEqual([`A${i}`]);
    }
  });
  it('keeps the lost choice visible as a state, not a score', () => {
    const a = g.nodes.filter((n) => n.kind === 'assessment');
    expect(a.every((n) => n.score === null && n.scoreState === 'scale-without-choice')).toBe(true);
  });
  it('answers questions 1–14 and links every recommendation to a conclusion', () => {
    const answered = new Set(g.edges.filter((e) => e.kind === 'answers').map((e) => e.to));
    for (let i = 1; i <= 14; i++) expect(answered.has(`Q${i}`), `Q${i}`).toBe(true);
    for (const r of ['R1', 'R2', 'R3']) expect(g.edges.some((e) => e.kind === 'follows' && e.from === r), r).toBe(true);
  });
});

describe('the example project: a normenkader in its own file', () => {
  const ex = exampleProject();
  const report = ex.doc('rapport.md');
  const g = buildTraceGraph(report, ex.project);
  it('has the norms of normenkader.md as nodes with that file as uri', () => {
    const norms = g.nodes.filter((n) => n.kind === 'norm');
    expect(norms.map((n) => n.id)).toEqual(['N1.1', 'N1.2', 'N1.3', 'N2.1', 'N2.2', 'N2.3', 'N3.1', 'N3.2', 'N3.3']);
    expect(norms.every((n) => n.uri === ex.doc('normenkader.md').uri)).toBe(true);
    const n13 = norms.find((n) => n.id === 'N1.3')!;
    expect(ex.doc('normenkader.md').text.slice(n13.range.start, n13.range.end)).toContain('Norm 1.3');
  });
  it('links the assessments ("Norm 1.1: …") to those norms explicitly', () => {
    const assesses = g.edges.filter((e) => e.kind === 'assesses');
    expect(assesses.map((e) => `${e.from}>${e.to}`)).toEqual(['A1>N1.1', 'A2>N1.2', 'A3>N2.1', 'A4>N2.2', 'A5>N2.3', 'A6>N3.1', 'A7>N3.2', 'A8>N3.3']);
    expect(assesses.every((e) => e.via === 'explicit' && e.strength === 1)).toBe(true);
    expect(assesses[0].why.nl).toBe('Het oordeel noemt norm 1.1 (uit het normenkader).');
  });
  it('resolves "zie paragraaf 3.1" to finding F3.1 and "norm 1.1" to its assessment', () => {
    const c1 = g.edges.filter((e) => e.from === 'C1' && e.kind === 'rests-on');
    expect(c1.map((e) => [e.to, e.via])).toEqual([
      ['F3.1', 'explicit'],
      ['A1', 'explicit'],
    ]);
    expect(c1[0].why.nl).toBe('Conclusie 1 verwijst naar § 3.1 Het beleidsplan en zijn doelen (verwijzing "paragraaf 3.1").');
    expect(report.text.slice(c1[0].at!.start, c1[0].at!.end)).toBe('paragraaf 3.1');
  });
  it('reads "Deze conclusie beantwoordt onderzoeksvraag 7" over the number of conclusion 6', () => {
    const c6 = g.edges.filter((e) => e.from === 'C6' && e.kind === 'answers');
    expect(c6.map((e) => [e.to, e.via])).toEqual([['Q7', 'explicit']]);
  });
  it('resolves a link to a section anchor and chapter references', () => {
    const p = fromFiles([{ uri: '/x/r.md', text: '# 2 Bevindingen {#bev}\n\n## 2.1 Wachttijd {#sec-wacht}\n\nDe wachttijd daalde.\n\n## 2.2 Bereik\n\nHet bereik groeide.\n\n# 3 Conclusies\n\n1. De wachttijd is korter ([zie 2.1](#sec-wacht)).\n2. Het beleid werkt (zie hoofdstuk 2).\n' }]);
    const gg = buildTraceGraph(p.doc('r.md'));
    expect(gg.edges.filter((e) => e.kind === 'rests-on').map((e) => `${e.from}>${e.to}:${e.via}`)).toEqual(['C1>F2.1:explicit', 'C2>F2.1:explicit', 'C2>F2.2:explicit']);
  });
});

describe('links by number and by similarity', () => {
  const text = `# 1 Onderzoeksvragen

1. Hoe lang wachten aanmelders op een eerste gesprek?
2. Hoe werkt de vroegsignalering van betalingsachterstanden?

# 2 Bevindingen

## 2.1 Wachttijden

In 2024 had 88% van de aanmelders binnen vier weken een eerste gesprek; in 2020 was dat 55%. Het team voert sinds 2023 een snelle intake uit.

## 2.2 Vroegsignalering

De vroegsignalering van betalingsachterstanden startte in oktober 2021 met woningcorporaties, energieleveranciers en zorgverzekeraars. In 2024 kwam bij 41% van de signalen contact tot stand.

# 3 Conclusies

1. De wachttijden zijn door de snelle intake korter geworden: 88% van de aanmelders had binnen vier weken een eerste gesprek.
2. De vroegsignalering van betalingsachterstanden bereikt een minderheid: bij 41% van de signalen kwam contact tot stand.

# 4 Aanbevelingen

1. Breid de snelle intake uit zodat iedere aanmelder binnen vier weken een eerste gesprek heeft.
`;
  const m = analyze(text, { uri: '/y/r.md' });
  const ctx = buildTraceContext(m);
  it('answers by number where the report numbers conclusions like questions', () => {
    const e = ctx.out('C2').find((x) => x.kind === 'answers')!;
    expect([e.to, e.via, e.strength]).toEqual(['Q2', 'numbering', 1]);
    expect(e.why.nl).toContain('zelfde nummer');
    expect(e.why.en).toContain('same number');
  });
  it('rests on the right findings section by wording, with strength and why', () => {
    const c1 = ctx.out('C1').filter((x) => x.kind === 'rests-on');
    const c2 = ctx.out('C2').filter((x) => x.kind === 'rests-on');
    expect(c1[0].to).toBe('F2.1');
    expect(c2[0].to).toBe('F2.2');
    expect(c1[0].via).toBe('similarity');
    expect(c1[0].strength).toBeGreaterThan(0.3);
    expect(c1[0].strength).toBeLessThanOrEqual(1);
    expect(c1[0].shared).toEqual(expect.arrayContaining(['intake', 'aanmelders']));
    expect(c1[0].why.nl).toMatch(/^Afgeleid uit de tekst, geen verwijzing: § 2\.1 Wachttijden lijkt op conclusie 1 \(gelijkenis 0,\d\d, (sterk|redelijk)\); gedeelde woorden /);
    expect(c1[0].why.en).toMatch(/^Inferred from the wording, no reference: § 2\.1 Wachttijden resembles conclusion 1 \(similarity 0\.\d\d/);
    expect(m.text.slice(c1[0].passage!.start, c1[0].passage!.end)).toContain('snelle intake');
  });
  it('lets a recommendation follow from the conclusion it echoes', () => {
    const f = ctx.out('R1').filter((x) => x.kind === 'follows');
    expect(f.map((x) => [x.to, x.via])).toEqual([['C1', 'similarity']]);
  });
  it('gives every node a range in its document and no issues before checking', () => {
    for (const n of ctx.graph.nodes) {
      expect(n.range.end).toBeGreaterThan(n.range.start);
      expect(n.uri).toBe('/y/r.md');
    }
  });
});

describe('an English report', () => {
  it('links in English: stemming, numbering and references', () => {
    const m = analyze(`---\nlang: en\ntype: report\n---\n\n# 1 Research questions\n\n1. How long do applicants wait for a first interview?\n\n# 2 Findings\n\n## 2.1 Waiting times\n\nIn 2024, 88% of applicants had a first interview within four weeks.\n\n# 3 Conclusions\n\n1. Waiting times have shortened: most applicants are interviewed within four weeks.\n\n# 4 Recommendations\n\n1. Interview every applicant within four weeks (see conclusion 1).\n`, { uri: '/e/r.md' });
    const g = buildTraceGraph(m);
    expect(g.edges.map((e) => `${e.from}>${e.to}:${e.kind}:${e.via}`)).toEqual(['C1>Q1:answers:numbering', 'C1>F2.1:rests-on:similarity', 'R1>C1:follows:explicit']);
    expect(g.edges[1].why.en).toContain('§ 2.1 Waiting times resembles conclusion 1');
  });
});
