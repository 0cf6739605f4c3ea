/**
 * Claims and their support. The figures are measured on the annotated set
 * tests/sources/claims-annotated.json (353 sentences of examples/rapport.md
 * and seeds 001 and 004, labelled by the definitions in
 * claims-annotated.md before the detector was tuned).
 *
 *   npx vitest run tests/sources/claims.test.ts   (prints the figures)
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { analyze } from '../../server/src/core/analyze';
import { analyzeClaims, unsupportedClaims, footnoteMarkers } from '../../server/src/core/claims';
import type { DocumentModel } from '../../server/src/core/types';
import { SEEDS_DIR, EXAMPLES_DIR } from '../helpers/seeds';

interface Labelled {
  doc: string;
  section: string;
  text: string;
  needsSource: boolean;
  supported: boolean | null;
}

const PATHS: Record<string, string> = {
  'examples/rapport.md': resolve(EXAMPLES_DIR, 'rapport.md'),
  'seed:001': resolve(SEEDS_DIR, '001_237bc29c2e6f7c57.txt'),
  'seed:004': resolve(SEEDS_DIR, '004_b2f518212f0b3cce.txt'),
};

describe('the annotated set', () => {
  const set = JSON.parse(readFileSync(resolve(__dirname, 'claims-annotated.json'), 'utf8')) as Labelled[];
  const models = new Map<string, DocumentModel>();
  let tp = 0, fp = 0, fn = 0, tn = 0, matched = 0;
  let needTp = 0, needFp = 0, needFn = 0;
  const fps: string[] = [];
  for (const a of set) {
    let m = models.get(a.doc);
    if (!m) {
      m = analyze(readFileSync(PATHS[a.doc], 'utf8'), { uri: PATHS[a.doc] });
      models.set(a.doc, m);
    }
    const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();
    const si = m.sentences.findIndex((s) => norm(s.text) === norm(a.text) || norm(s.text).startsWith(norm(a.text).slice(0, 60)));
    if (si < 0) continue;
    matched++;
    const claim = analyzeClaims(m).claims.find((c) => c.sentence === si);
    const flagged = !!claim && !claim.supported;
    const truth = a.needsSource && a.supported === false;
    if (flagged && truth) tp++;
    else if (flagged) { fp++; fps.push(a.text.slice(0, 100)); }
    else if (truth) fn++;
    else tn++;
    if (claim && a.needsSource) needTp++;
    else if (claim) needFp++;
    else if (a.needsSource) needFn++;
  }
  const precision = tp / (tp + fp);
  const recall = tp / (tp + fn);
  it('has at least 150 labelled sentences, nearly all found in the documents', () => {
    expect(set.length).toBeGreaterThanOrEqual(150);
    expect(matched / set.length).toBeGreaterThanOrEqual(0.95);
  });
  it('claim/unsupported: precision ≥ 0.85 (pinned), recall reported', () => {
    // eslint-disable-next-line no-console
    console.log(`claim/unsupported on ${matched} sentences: TP ${tp}, FP ${fp}, FN ${fn}, TN ${tn} → precision ${precision.toFixed(2)}, recall ${recall.toFixed(2)}; ` +
      `claim detection (needs a source): precision ${(needTp / (needTp + needFp)).toFixed(2)}, recall ${(needTp / (needTp + needFn)).toFixed(2)}`);
    expect(fps).toEqual([]);
    expect(precision).toBeGreaterThanOrEqual(0.85);
    // Pinned so a change shows: 26 of 50 unsupported claims found at the time of writing.
    expect(recall).toBeGreaterThanOrEqual(0.5);
  });
});

const report = (body: string): DocumentModel => analyze(`---\ntype: rapport\n---\n\n# 2 Bevindingen\n\n${body}\n`, { uri: '/p/r.md' });
const flagged = (m: DocumentModel): string[] => unsupportedClaims(m).map((c) => m.text.slice(c.range.start, c.range.end));

describe('what is a claim', () => {
  it('amounts, numbers, attributions and dated facts; not inferences, self-references or hedged sentences', () => {
    const m = report([
      'Totale kosten jeugdhulp 2019: 72,5 m euro.',
      '',
      'Het aantal meldingen steeg met + 20%.',
      '',
      'In 39 van de 42 dossiers ontbrak een plan.',
      '',
      'Volgens de wethouder is de wachtlijst verdwenen.',
      '',
      'Het college heeft in 2019 besloten de RIGG op te heffen.',
      '',
      'Bij zes op de tien signalen bereikt de gemeente de inwoner dus niet.',
      '',
      'Dit hoofdstuk beschrijft de uitvoering.',
      '',
      'Gemeenten kunnen in 2025 mogelijk meer doen.',
    ].join('\n'));
    const reasons = analyzeClaims(m).claims.map((c) => c.reasons);
    expect(reasons).toEqual([['amount'], ['number'], ['number'], ['attribution'], ['state']]);
  });
  it('judges findings of reports only: not the introduction, conclusions, policy documents or reactions', () => {
    const intro = analyze('---\ntype: rapport\n---\n\n# 1 Inleiding\n\nIn 2024 hadden 1.000 huishoudens schulden.\n\n# 2 Bevindingen\n\nTekst.\n\n# 5 Conclusies\n\nIn 2024 had 88% een gesprek.\n', { uri: '/p/r.md' });
    expect(flagged(intro)).toEqual([]);
    const policy = analyze('---\ntype: beleid\n---\n\n# Analyse\n\nIn 2020 bedroeg de schuld € 36.800.\n', { uri: '/p/b.md' });
    expect(flagged(policy)).toEqual([]);
  });
  it('reads English', () => {
    const m = analyze('---\ntype: report\nlang: en\n---\n\n# 2 Findings\n\nInterviewees said that waiting lists doubled.\n\nThe council spent £ 2.4 million on debt advice [@acc2023].\n', { uri: '/p/e.md' });
    expect(flagged(m)).toEqual(['Interviewees said that waiting lists doubled.']);
  });
});

describe('what supports a claim (the scope)', () => {
  it('a citation in the sentence or right after it; one later in the paragraph covers earlier sentences, never later ones', () => {
    const m = report('De schuld bedroeg € 36.800 [@nota, p. 2]. Zij is opgelopen tot € 41.250.\n\nInwoners melden zich laat. De schuld bedroeg 14 schuldeisers gemiddeld [@nota].\n\nDe wethouder zei dat: "Dat had beter gemoeten." [@gesprek]');
    expect(flagged(m)).toEqual(['Zij is opgelopen tot € 41.250.']);
  });
  it('a source footnote, a file link, a URL or a reference to a sourced table or section', () => {
    const m = report([
      'Respondenten gaven aan dat de wachttijd daalde.[^1]',
      '',
      'Het budget was € 1,6 miljoen ([nota](bronnen/nota.pdf)).',
      '',
      'In 2024 kwamen 1.284 signalen binnen (tabel 3).',
      '',
      'Dat lukte in 2024 voor 88% (zie paragraaf 2).',
      '',
      'Respondenten gaven aan dat er 12 vacatures waren.[^2]',
      '',
      '[^1]: Bron: interviews met uitvoerders, maart 2025.',
      '[^2]: Een vacature is een onvervulde functie.',
    ].join('\n'));
    expect(flagged(m)).toEqual(['Respondenten gaven aan dat er 12 vacatures waren.[^2]']);
  });
  it('a document named in the text covers its paragraph; a lead-in with ":" joins its list', () => {
    const m = report([
      'In de nota ‘Schulden in Lindeveen 2021’ staat dat 2.600 huishoudens schulden hebben. Het gaat om 12,1% van de huishoudens.',
      '',
      'Uit het jaarverslag 2024 blijkt het volgende:',
      '',
      '- 512 aanmeldingen;',
      '- 88% binnen vier weken.',
      '',
      'Daarnaast waren er 94 spoedmeldingen.',
    ].join('\n'));
    expect(flagged(m)).toEqual(['Daarnaast waren er 94 spoedmeldingen.']);
  });
  it('extracted text (seed 001): footnote markers glued to words, after the period (". 9 De"), or after a number ("2024.14")', () => {
    const f = resolve(SEEDS_DIR, '001_237bc29c2e6f7c57.txt');
    const m = analyze(readFileSync(f, 'utf8'), { uri: f });
    const markers = footnoteMarkers(m);
    const at = (label: string): string => {
      const fn = m.footnotes.find((x) => x.label === label)!;
      const r = markers.get(fn)![0];
      return m.text.slice(r.start - 8, r.end).replace(/\s+/g, ' ');
    };
    expect(at('7')).toMatch(/sturing\.7$/);
    expect(at('9')).toMatch(/regio\. 9$/);
    expect(at('12')).toMatch(/model\. 12$/);
    expect(at('14')).toMatch(/2024\.14$/);
    const claim = (start: string) => analyzeClaims(m).claims.find((c) => c.text.startsWith(start))!;
    // Footnote 9 ("Bron: https://www.rigg.nl/") at the end of the passage covers what precedes it …
    expect(claim('De Groningse gemeenten hebben in 2014').supported).toBe(true);
    // … footnote 12 follows the decision, footnote 14 ("Opdracht RIG 01-07-2021 …") names a document.
    expect(claim('Van een Openhouse model naar een hybride model').supported).toBe(true);
    expect(claim('Voor het uitwerken van het model').supported).toBe(true);
    expect(claim('Vanaf 2018 wordt ingekocht').supported).toBe(false);
  });
});
