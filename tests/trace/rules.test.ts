/**
 * Each trace rule on small documents: what it flags, what it leaves alone,
 * with the edge cases its doc comment names.
 */
import { describe, it, expect } from 'vitest';
import { analyze } from '../../server/src/core/analyze';
import { fromFiles, traceDiagnostics } from './helpers';

const md = (text: string) => analyze(text, { uri: '/p/rapport.md' });
const codes = (text: string, code: string) => traceDiagnostics(md(text)).filter((d) => d.code === code);

const FINDINGS = `# 2 Bevindingen

## 2.1 Wachttijden

In 2024 had 88% van de aanmelders binnen vier weken een eerste gesprek; in 2020 was dat 55% [@data2025]. Bij spoed lukte een gesprek binnen drie werkdagen in 79% van de 94 gevallen [@data2025].

## 2.2 Vroegsignalering

De vroegsignalering startte op 4 oktober 2021 met woningcorporatie Woonstede. In 2024 kwam bij 526 van de 1.284 signalen (41%) contact tot stand [@data2025]. De raad stelde jaarlijks € 250.000 extra beschikbaar [@nota2021].
`;

describe('trace/unanswered-question', () => {
  const base = `# 1 Onderzoeksvragen\n\n1. Hoe lang wachten aanmelders op een eerste gesprek?\n2. Hoe werkt de vroegsignalering?\n3. Hoe werkt de gemeente samen met vrijwilligers?\n\n${FINDINGS}\n# 3 Conclusies\n\n`;
  it('flags the question no conclusion answers, by number or by reference', () => {
    const d = codes(base + '1. De wachttijden zijn korter geworden.\n2. De vroegsignalering bereikt 41% van de signalen.\n', 'trace/unanswered-question');
    expect(d.map((x) => x.at)).toEqual(['Hoe werkt de gemeente samen met vrijwilligers?']);
  });
  it('takes an explicit answer over the number', () => {
    const d = codes(base + '### Conclusie 1\n\nDe wachttijden zijn korter. Deze conclusie beantwoordt onderzoeksvraag 1.\n\n### Conclusie 2\n\nDe gemeente werkt met vrijwilligers samen zonder afspraken. Deze conclusie beantwoordt onderzoeksvraag 3.\n', 'trace/unanswered-question');
    expect(d.map((x) => x.data?.question)).toEqual(['Q2']);
  });
  it('does not judge a draft without conclusions', () => {
    expect(codes(base, 'trace/unanswered-question')).toEqual([]);
  });
});

describe('trace/unassessed-norm', () => {
  const framework = `---\ntype: normenkader\nreport: rapport.md\n---\n\n# Normenkader\n\n- **Norm 1.1** De wachttijd is korter dan vier weken.\n- **Norm 1.2** De vroegsignalering bereikt inwoners.\n- **Norm 1.3** De gemeente legt afspraken met partners vast.\n`;
  const report = `---\ntype: rapport\n---\n\n${FINDINGS}\n## 2.3 Toets aan het normenkader\n\n### Norm 1.1: De wachttijd is korter dan vier weken.\n\n**Oordeel:** +-\n\nIn 2024 voor 88% (zie paragraaf 2.1).\n\n### Norm 1.2: De vroegsignalering bereikt inwoners.\n\n**Oordeel:** +\n\nZie paragraaf 2.2.\n`;
  const p = fromFiles([
    { uri: '/p/normenkader.md', text: framework },
    { uri: '/p/rapport.md', text: report },
  ]);
  it('puts the diagnostic on the norm in the normenkader file, not in the report', () => {
    const onFramework = traceDiagnostics(p.doc('normenkader.md'), p.project);
    expect(onFramework.map((d) => [d.code, d.data?.norm])).toEqual([['trace/unassessed-norm', 'N1.3']]);
    expect(traceDiagnostics(p.doc('rapport.md'), p.project).filter((d) => d.code === 'trace/unassessed-norm')).toEqual([]);
  });
  it('links the report\'s "Norm 1.1" to the norm in the other file', () => {
    const onFramework = traceDiagnostics(p.doc('normenkader.md'), p.project);
    expect(onFramework.some((d) => d.data?.norm === 'N1.1')).toBe(false);
  });
  it('cannot judge a normenkader without its report', () => {
    const alone = fromFiles([{ uri: '/q/normenkader.md', text: framework }]);
    expect(traceDiagnostics(alone.doc('normenkader.md'), alone.project)).toEqual([]);
  });
});

describe('trace/missing-score', () => {
  const toets = (score: string) => `${FINDINGS}\n## 2.3 Toets aan het normenkader\n\n### Norm 1.1: De wachttijd is korter dan vier weken.\n\n**Oordeel:** +-\n\nIn 2024 voor 88% (zie paragraaf 2.1).\n\n### Norm 1.2: De vroegsignalering bereikt inwoners.\n\n${score}\n\nZie paragraaf 2.2.\n`;
  it('flags a label with no score on it', () => {
    expect(codes(toets('**Oordeel:** volgt later'), 'trace/missing-score').map((d) => d.at)).toEqual(['volgt later']);
  });
  it('flags an assessment with no score when the others have one', () => {
    expect(codes(toets(''), 'trace/missing-score').map((d) => d.data?.state)).toEqual(['absent']);
  });
  it('flags the scale with no choice in Markdown, and passes a choice in bold', () => {
    expect(codes(toets('++ | + | +- | - | --'), 'trace/missing-score').map((d) => d.data?.state)).toEqual(['scale-without-choice']);
    expect(codes(toets('++ | **+** | +- | - | --'), 'trace/missing-score')).toEqual([]);
  });
  it('leaves the scale without choice in extracted text alone: the extraction lost the choice (seed 004)', async () => {
    const { seed } = await import('../helpers/seeds');
    const m = analyze(seed('004'), { uri: '004.txt' });
    expect(m.assessments.filter((a) => a.scaleWithoutChoice)).toHaveLength(14);
    expect(traceDiagnostics(m).filter((d) => d.code === 'trace/missing-score')).toEqual([]);
  });
  it('does not ask scores of a report that judges in words only', () => {
    const words = `${FINDINGS}\n## 2.3 Toets aan het normenkader\n\n### Norm 1.1: De wachttijd is korter dan vier weken.\n\nDe norm wordt deels gehaald (zie paragraaf 2.1).\n`;
    expect(codes(words, 'trace/missing-score')).toEqual([]);
  });
});

describe('trace/assessment-without-evidence', () => {
  const toets = (body: string) => `${FINDINGS}\n## 2.3 Toets aan het normenkader\n\n### Norm 1.2: De vroegsignalering bereikt inwoners.\n\n**Oordeel:** +\n\n${body}\n`;
  it('flags reasoning with no source and no reference, naming the closest findings', () => {
    const d = codes(toets('Het bereik van de vroegsignalering is beperkt gebleven.'), 'trace/assessment-without-evidence');
    expect(d).toHaveLength(1);
    expect(d[0].message.nl).toContain('§ 2.2 Vroegsignalering');
  });
  it.each([
    ['a citation', 'Het bereik is beperkt [@data2025].'],
    ['a reference to a findings section', 'Het bereik is beperkt (zie paragraaf 2.2).'],
    ['a source word', 'Bron: registratie team Geld, 2024.'],
    ['an attribution', 'Uit interviews blijkt dat het bereik beperkt is.'],
    ['a document named with its year', 'Het bereik is beperkt (‘Jaarverslag’ 2024).'],
    ['a footnote that names a source', 'Het bereik is beperkt.[^1]\n\n[^1]: Bron: interview met de teamleider.'],
  ])('passes %s', (_what, body) => {
    expect(codes(toets(body), 'trace/assessment-without-evidence')).toEqual([]);
  });
});

describe('trace/conclusion-without-findings', () => {
  const concl = (text: string) => `${FINDINGS}\n# 3 Conclusies\n\n### Conclusie 1\n\n${text}\n`;
  it('passes a conclusion that refers to its section, or to a chapter', () => {
    expect(codes(concl('Het bereik is beperkt (zie paragraaf 2.2).'), 'trace/conclusion-without-findings')).toEqual([]);
    expect(codes(concl('Het bereik is beperkt (zie hoofdstuk 2).'), 'trace/conclusion-without-findings')).toEqual([]);
  });
  it('passes a conclusion whose wording matches a findings section, and says so in the graph', () => {
    expect(codes(concl('Bij spoed lukte een gesprek binnen drie werkdagen in 79% van de gevallen; 88% van de aanmelders had binnen vier weken een eerste gesprek.'), 'trace/conclusion-without-findings')).toEqual([]);
  });
  it('flags a conclusion about something the findings do not treat', () => {
    const d = codes(concl('Het college bespreekt de managementinformatie nauwelijks en past de werkwijze zelden aan.'), 'trace/conclusion-without-findings');
    expect(d.map((x) => x.at)).toEqual(['Conclusie 1']);
    expect(d[0].message.en).toMatch(/^Conclusion 1 rests on no finding/);
  });
});

describe('trace/new-fact-in-conclusion', () => {
  const concl = (text: string) => `${FINDINGS}\n# 3 Conclusies\n\n### Conclusie 1\n\n${text} (zie paragraaf 2.1).\n`;
  const facts = (text: string) => codes(concl(text), 'trace/new-fact-in-conclusion').map((d) => d.at);
  it('reads amounts, percentages, numbers, dates and names the same however written', () => {
    expect(facts('De raad gaf jaarlijks 250.000 euro extra')).toEqual([]);
    expect(facts('De raad gaf jaarlijks EUR 250.000 extra')).toEqual([]);
    expect(facts('De raad gaf jaarlijks € 0,25 miljoen extra')).toEqual([]);
    expect(facts('In 2024 had 88 procent binnen 4 weken een gesprek, bij 94 spoedgevallen')).toEqual([]);
    expect(facts('De start was op 4 oktober 2021, samen met Woonstede')).toEqual([]);
    expect(facts('Het contact kwam bij 41% tot stand, bij 526 van de 1.284 signalen')).toEqual([]);
  });
  it('flags what the findings do not have', () => {
    expect(facts('Daarnaast is € 135.000 uit de reserve ingezet')).toEqual(['€ 135.000']);
    expect(facts('In 2024 had 90% binnen vier weken een gesprek')).toEqual(['90%']);
    expect(facts('De start was op 1 juli 2021')).toEqual(['1 juli']);
    expect(facts('Woningcorporatie Woonbron deed mee')).toEqual(['Woonbron']);
  });
  it('does not take years, item numbers or ordinals for facts', () => {
    expect(facts('Zoals onderzoeksvraag 3, norm 1.2 en doelen 3, 4 en 7 laten zien, is in de periode 2021–2025 voor de 2e keer in 2026 niets veranderd (tabel 5, bijlage 2)')).toEqual([]);
  });
  it('reads English numbers the English way', () => {
    const en = analyze(`---\nlang: en\n---\n\n# 2 Findings\n\n## 2.1 Budget\n\nThe council added 1,250,000 euros in 2024, 12.5% more [@x].\n\n# 3 Conclusions\n\n### Conclusion 1\n\nThe council added € 1.25 million, 12.5 percent more (see section 2.1).\n`, { uri: '/p/en.md' });
    expect(traceDiagnostics(en).filter((d) => d.code === 'trace/new-fact-in-conclusion')).toEqual([]);
  });
});

describe('trace/recommendation-without-conclusion', () => {
  const doc = (rec: string) => `${FINDINGS}\n# 3 Conclusies\n\n1. De wachttijden voor een eerste gesprek zijn korter geworden, maar 12% wacht langer dan vier weken (zie paragraaf 2.1).\n2. De vroegsignalering bereikt 41% van de signalen (zie paragraaf 2.2).\n\n# 4 Aanbevelingen\n\n1. ${rec}\n`;
  it('passes a recommendation that names its conclusion in any form', () => {
    expect(codes(doc('Verkort de wachttijd (zie conclusie 1).'), 'trace/recommendation-without-conclusion')).toEqual([]);
    expect(codes(doc('Verkort de wachttijd ([conclusie 1](#C1)).'), 'trace/recommendation-without-conclusion')).toEqual([]);
  });
  it('passes a recommendation that clearly follows from a conclusion by its wording', () => {
    expect(codes(doc('Zorg dat iedere aanmelder binnen vier weken een eerste gesprek heeft.'), 'trace/recommendation-without-conclusion')).toEqual([]);
  });
  it('flags one that follows from none, naming the nearest conclusions', () => {
    const d = codes(doc('Leg de afspraken met vrijwilligersorganisaties vast in een convenant.'), 'trace/recommendation-without-conclusion');
    expect(d).toHaveLength(1);
    expect(d[0].message.nl).toContain('Aanbeveling 1 volgt uit geen conclusie');
  });
});
