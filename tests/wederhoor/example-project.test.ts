/**
 * The example project (examples/README.md, faults 19–25): every deliberate
 * wederhoor fault is found, and nothing on the parts listed as correct.
 */
import { describe, it, expect } from 'vitest';
import { analyze } from '../../server/src/core/analyze';
import { createProjectView } from '../../server/src/core/project';
import type { Diagnostic } from '../../server/src/core/rules/types';
import { runWederhoor } from './run';
import { reactionCoverage, wederhoorView } from '../../server/src/core/wederhoor';
import { example } from '../helpers/seeds';

const names = ['rapport.md', 'reactie.md', 'aanbiedingsbrief.md', 'normenkader.md', 'beleidsnota.md', 'README.md'];
const docs = names.map((n) => analyze(example(n), { uri: '/p/' + n }));
const project = createProjectView(docs);
const [rapport, reactie, brief] = docs;
const diags = new Map(docs.map((d) => [d.uri!.split('/').pop()!, runWederhoor(d, { project })]));
const at = (file: string, d: Diagnostic): string => docs.find((x) => x.uri === '/p/' + file)!.text.slice(d.range.start, d.range.end);
const of = (file: string, code: string): Diagnostic[] => diags.get(file)!.filter((d) => d.code === 'wederhoor/' + code);

describe('example project: wederhoor', () => {
  it('19: the quote of conclusion 4 changes a word (schuldhulpverlening → schuldhulp)', () => {
    const q = of('reactie.md', 'quote-mismatch');
    const c4 = q.filter((d) => (d.data as { target: string }).target === 'C4');
    expect(c4).toHaveLength(1);
    expect(at('reactie.md', c4[0])).toBe('schuldhulp');
    expect(c4[0].message.nl).toBe("Citaat van conclusie 4 wijkt af van het rapport — rapport: 'schuldhulpverlening' — reactie: 'schuldhulp'");
    // Related information: the report's words, in the report.
    expect(c4[0].related![0].uri).toBe('/p/rapport.md');
    expect(rapport.text.slice(c4[0].related![0].range.start, c4[0].related![0].range.end)).toBe('schuldhulpverlening');
  });

  it('20: the quote of conclusion 5 has its 2nd and 3rd sentence swapped: one sentence moved, nothing deleted or inserted', () => {
    const c5 = of('reactie.md', 'quote-mismatch').filter((d) => (d.data as { target: string }).target === 'C5');
    expect(c5.map((d) => (d.data as { kind: string }).kind)).toEqual(['moved']);
    expect(at('reactie.md', c5[0])).toBe('De vroegsignalering startte in oktober 2021, ruim drie maanden later dan gepland');
  });

  it('the other quotes are literal: no quote-mismatch besides 19 and 20', () => {
    expect(of('reactie.md', 'quote-mismatch').map((d) => (d.data as { target: string }).target)).toEqual(['C4', 'C5']);
  });

  it('21: no reaction to conclusion 7 and recommendation 5 — on the report items and listed at the top of the reaction', () => {
    const onReport = of('rapport.md', 'missing-reaction');
    expect(onReport.map((d) => (d.data as { target: string }).target)).toEqual(['C7', 'R5']);
    expect(at('rapport.md', onReport[0])).toBe('Conclusie 7');
    expect(at('rapport.md', onReport[1])).toMatch(/^Het college stuurt de raad vanaf 2026 jaarlijks vóór 1 mei/);
    const onReaction = of('reactie.md', 'missing-reaction');
    expect(onReaction).toHaveLength(1);
    expect(at('reactie.md', onReaction[0])).toBe('Bestuurlijke reactie');
    expect(onReaction[0].data).toEqual({ missing: ['C7', 'R5'] });
    expect(onReaction[0].message.nl).toBe('De reactie reageert niet op conclusie 7, aanbeveling 5 (C7, R5).');
  });

  it('22: disagreements on C6, C8, R4; qualifications on C2, C5, R3; the agreeing reactions (C1, C3, C4, R1, R2, R6) not', () => {
    const d = of('reactie.md', 'disagreement').map((x) => [(x.data as { target: string }).target, (x.data as { stance: string }).stance, at('reactie.md', x)]);
    expect(d).toEqual([
      ['C2', 'partly', 'Ter nuancering'],
      ['C5', 'partly', 'Ter nuancering'],
      ['C6', 'disagree', 'Wij constateren een tegenstelling'],
      ['C8', 'disagree', 'herkennen wij niet'],
      ['R3', 'partly', 'met één kanttekening'],
      ['R4', 'disagree', 'nemen wij niet over'],
    ]);
    const cov = reactionCoverage(rapport, project);
    expect(Object.fromEntries(Object.entries(cov).map(([k, v]) => [k, v.stance]))).toEqual({
      C1: 'agree', C2: 'partly', C3: 'agree', C4: 'agree', C5: 'partly', C6: 'disagree', C7: null, C8: 'disagree',
      R1: 'agree', R2: 'agree', R3: 'partly', R4: 'disagree', R5: null, R6: 'agree',
    });
  });

  it('23: the nawoord answers C2, C5, C8, R3 and R4 but not the "tegenstelling" at C6 — on both documents', () => {
    const onReaction = of('reactie.md', 'unanswered-disagreement');
    expect(onReaction.map((d) => [(d.data as { target: string }).target, at('reactie.md', d)])).toEqual([['C6', 'Wij constateren een tegenstelling']]);
    expect(onReaction[0].severity).toBe('warning');
    const onReport = of('rapport.md', 'unanswered-disagreement');
    expect(onReport.map((d) => (d.data as { target: string }).target)).toEqual(['C6']);
    expect(at('rapport.md', onReport[0])).toBe('# 7 Nawoord van de rekenkamer {#sec-nawoord}');
    expect(onReport[0].related![0].uri).toBe('/p/reactie.md');
  });

  it('24: the letter gives recommendation 3 as 90% where the report has 95%; the dropped "(zie conclusie N)" is no fault', () => {
    const l = of('aanbiedingsbrief.md', 'letter-mismatch');
    expect(l.map((d) => at('aanbiedingsbrief.md', d))).toEqual(['90%']);
    expect(l[0].data).toMatchObject({ target: 'R3', report: '95%', letter: '90%' });
    expect(rapport.text.slice(l[0].related![0].range.start, l[0].related![0].range.end)).toBe('95%');
  });

  it('25: "alle 13 conclusies en aanbevelingen" in the reaction: the report has 14, the reaction covers 12; the letter counts right', () => {
    const c = of('reactie.md', 'count-mismatch');
    expect(c.map((d) => at('reactie.md', d))).toEqual(['13 conclusies en aanbevelingen']);
    expect(c[0].data).toMatchObject({ stated: 13, actual: 14, reacted: 12 });
    expect(c[0].message.nl).toBe("Hier staat '13 conclusies en aanbevelingen', maar het rapport heeft er 14 (8 conclusies en 6 aanbevelingen); de reactie reageert op 12.");
    expect(of('aanbiedingsbrief.md', 'count-mismatch')).toEqual([]); // "negen onderzoeksvragen", "zes aanbevelingen"
  });

  it('finds nothing else: exactly these findings per document', () => {
    const summary = Object.fromEntries([...diags.entries()].map(([f, ds]) => [f, ds.map((d) => d.code.replace('wederhoor/', '') + ':' + ((d.data as { target?: string })?.target ?? ''))]));
    expect(summary).toEqual({
      'rapport.md': ['missing-reaction:C7', 'missing-reaction:R5', 'unanswered-disagreement:C6'],
      'reactie.md': [
        'missing-reaction:',
        'count-mismatch:',
        'disagreement:C2',
        'quote-mismatch:C4',
        'quote-mismatch:C5',
        'disagreement:C5',
        'disagreement:C6',
        'unanswered-disagreement:C6',
        'disagreement:C8',
        'disagreement:R3',
        'disagreement:R4',
      ],
      'aanbiedingsbrief.md': ['letter-mismatch:R3'],
      'normenkader.md': [],
      'beleidsnota.md': [],
      'README.md': [],
    });
  });

  it('aligns by text: the reaction document has no ids, its headings only numbers', () => {
    const v = wederhoorView(reactie, project);
    expect(v.entries.map((e) => e.target?.id)).toEqual(['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C8', 'R1', 'R2', 'R3', 'R4', 'R6']);
    expect(v.report).toBe(rapport);
    expect(brief.kind).toBe('letter');
  });
});
