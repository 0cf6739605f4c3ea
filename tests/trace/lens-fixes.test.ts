/**
 * Code lenses and quick fixes of the trace checks.
 */
import { describe, it, expect } from 'vitest';
import { analyze } from '../../server/src/core/analyze';
import { runRules } from '../../server/src/core/rules';
import { TRACE_RULES } from '../../server/src/core/rules/trace';
import { traceLens } from '../../server/src/core/trace/lens';
import { traceFixes } from '../../server/src/core/trace/fixes';
import { applyEdits, exampleProject, traceDiagnostics } from './helpers';

const ex = exampleProject();
const report = ex.doc('rapport.md');
const framework = ex.doc('normenkader.md');

describe('traceLens', () => {
  const lenses = traceLens(report, ex.project);
  const at = (needle: string) => lenses.find((l) => report.text.slice(l.range.start, l.range.end).startsWith(needle))!;
  it('puts a lens on each question, assessment, conclusion and recommendation of the report', () => {
    expect(lenses).toHaveLength(9 + 8 + 8 + 6);
  });
  it('says what answers a question, what that rests on and leads to', () => {
    expect(at('Welke doelen heeft').title).toEqual({ nl: 'beantwoord door C1 · rust op F3.1 · aanbeveling R1', en: 'answered by C1 · rests on F3.1 · recommendation R1' });
    expect(at('Welke doelen heeft').targets).toEqual(['C1', 'F3.1', 'R1']);
    expect(at('Hoe werkt de gemeente samen').title.nl).toBe('door geen conclusie beantwoord');
  });
  it('says what a conclusion answers and rests on, and what a recommendation follows from', () => {
    expect(at('Conclusie 6').title.nl).toBe('beantwoordt Q7 · rust op F4.4 · aanbeveling R4');
    expect(at('Conclusie 7').title.en).toBe('answers Q8 · rests on no finding');
    expect(at('Het college maakt met').title.nl).toBe('volgt uit geen conclusie');
    expect(at('Het college legt vóór').title.nl).toBe('volgt uit C1, C3');
  });
  it('puts the lenses of the norms on the normenkader file', () => {
    const fl = traceLens(framework, ex.project);
    expect(fl).toHaveLength(9);
    expect(fl[0].title.nl).toBe('getoetst in A1 (score +) · bevindingen F3.1');
    expect(fl[2].title).toEqual({ nl: 'niet getoetst', en: 'not assessed' });
    expect(fl[6].title.nl).toBe('getoetst in A6 (score onleesbaar) · bevindingen F4.4');
  });
  it('marks links by number and by similarity', () => {
    const m = analyze('# 1 Onderzoeksvragen\n\n1. Hoe lang wachten aanmelders op een eerste gesprek?\n\n# 2 Bevindingen\n\n## 2.1 Wachttijden\n\nIn 2024 had 88% van de aanmelders binnen vier weken een eerste gesprek dankzij de snelle intake.\n\n# 3 Conclusies\n\n1. Door de snelle intake had 88% van de aanmelders binnen vier weken een eerste gesprek.\n', { uri: '/z/r.md' });
    const l = traceLens(m);
    expect(l[0].title.nl).toMatch(/^beantwoord door C1 \(nummer\) · rust op F2\.1 \(gelijkenis \d,\d\d\)$/);
    expect(l[0].title.en).toMatch(/^answered by C1 \(by number\) · rests on F2\.1 \(similarity \d\.\d\d\)$/);
  });
  it('has nothing for a reaction or a letter', () => {
    expect(traceLens(ex.doc('reactie.md'), ex.project)).toEqual([]);
  });
});

describe('traceFixes', () => {
  const diags = runRules(report, { project: ex.project }, TRACE_RULES);
  const fixesOf = (code: string) => {
    const d = diags.find((x) => x.code === code)!;
    return traceFixes(d, report, ex.project);
  };
  it('missing score: one fix per score, replacing the unreadable value', () => {
    const f = fixesOf('trace/missing-score');
    expect(f.map((x) => x.title.nl)).toEqual(['Score ++', 'Score +', 'Score +-', 'Score -', 'Score --']);
    expect(applyEdits(report.text, f[2].edits)).toContain('### Norm 3.1: De beoogde doelen van het beleid worden gerealiseerd.\n\n**Oordeel:** +-\n');
  });
  it('missing score on a scale without choice: put one option in bold', () => {
    const m = analyze('# Toets aan het normenkader\n\n### Norm 1.1: De doelen zijn SMART.\n\n++ | + | +- | - | --\n\nDe doelen hebben een streefwaarde [@nota].\n', { uri: '/t/r.md' });
    const d = runRules(m, {}, TRACE_RULES).find((x) => x.code === 'trace/missing-score')!;
    const f = traceFixes(d, m);
    expect(f).toHaveLength(5);
    const fixed = applyEdits(m.text, f[1].edits);
    expect(fixed).toContain('++ | **+** | +- | - | --');
    expect(analyze(fixed, { uri: '/t/r.md' }).assessments[0].score).toBe('+');
  });
  it('assessment without evidence: refer to the nearest findings section', () => {
    const f = fixesOf('trace/assessment-without-evidence');
    expect(f[0].title.nl).toMatch(/^Verwijs naar de bevindingen: paragraaf 4\.5 \(gelijkenis 0,\d\d\)$/);
    expect(applyEdits(report.text, f[0].edits)).toContain('maar\ngebruikt die informatie in beperkte mate om bij te sturen (zie paragraaf 4.5). Er wordt wel');
  });
  it('unanswered question: add a conclusion for it in the style of the others', () => {
    const f = fixesOf('trace/unanswered-question');
    const fixed = applyEdits(report.text, f[f.length - 1].edits);
    expect(fixed).toContain('### Conclusie 9 {#C9}\n\n… Deze conclusie beantwoordt onderzoeksvraag 6.');
    const again = analyze(fixed, { uri: report.uri });
    expect(again.conclusions.find((c) => c.id === 'C9')?.answers).toEqual(['Q6']);
  });
  it('unanswered question: say that a near conclusion answers it', () => {
    const m = analyze('# 1 Onderzoeksvragen\n\n1. Hoe lang wachten aanmelders?\n2. Hoe werkt de samenwerking met vrijwilligers?\n\n# 2 Bevindingen\n\n## 2.1 Wachten\n\nIn 2024 wachtte 12% langer dan vier weken.\n\n# 3 Conclusies\n\n### Conclusie 1\n\nDe aanmelders wachten korter en de samenwerking met vrijwilligers verloopt goed. Deze conclusie beantwoordt onderzoeksvraag 1.\n', { uri: '/u/r.md' });
    const d = runRules(m, {}, TRACE_RULES).find((x) => x.code === 'trace/unanswered-question')!;
    const f = traceFixes(d, m);
    expect(f[0].title.nl).toMatch(/^Conclusie 1 beantwoordt onderzoeksvraag 2/);
    const fixed = applyEdits(m.text, f[0].edits);
    expect(fixed).toContain('Deze conclusie beantwoordt onderzoeksvraag 1. Deze conclusie beantwoordt onderzoeksvraag 2.');
    expect(traceDiagnostics(analyze(fixed, { uri: '/u/r.md' })).filter((x) => x.code === 'trace/unanswered-question')).toEqual([]);
  });
  it('unassessed norm in the normenkader file: an edit in the report, after the assessment of norm 1.2', () => {
    const d = runRules(framework, { project: ex.project }, TRACE_RULES).find((x) => x.code === 'trace/unassessed-norm')!;
    const [fix] = traceFixes(d, framework, ex.project);
    expect(fix.edits[0].uri).toBe(report.uri);
    const fixed = applyEdits(report.text, fix.edits);
    expect(fixed).toMatch(/ontbreekt een doel met een streefwaarde \(zie paragraaf 3\.2\)\.\n\n### Norm 1\.3: Het beleidsplan is actueel, door de raad vastgesteld en voldoet aan de eisen van de Wgs\.\n\n\*\*Oordeel:\*\* …/);
    const again = analyze(fixed, { uri: report.uri });
    expect(again.assessments.some((a) => a.norm === 'N1.3')).toBe(true);
  });
  it('recommendation without conclusion: insert "(zie conclusie N)" at the end of the first sentence', () => {
    const m = analyze('# 5 Conclusies\n\n1. De wachttijden voor een eerste gesprek zijn korter geworden, maar 12% wacht langer dan vier weken.\n2. De raad is sinds 2023 niet geïnformeerd.\n\n# 6 Aanbevelingen\n\n1. Verkort de wachttijd voor het eerste gesprek. Rapporteer elk kwartaal.\n', { uri: '/v/r.md' });
    const d = runRules(m, {}, TRACE_RULES).find((x) => x.code === 'trace/recommendation-without-conclusion');
    if (!d) return; // linked by similarity: nothing to fix
    const f = traceFixes(d, m);
    expect(f[0].title.nl).toMatch(/^Verwijs naar conclusie 1/);
    expect(applyEdits(m.text, f[0].edits)).toContain('Verkort de wachttijd voor het eerste gesprek (zie conclusie 1). Rapporteer elk kwartaal.');
  });
  it('offers no fix for a new fact, and none without data', () => {
    expect(fixesOf('trace/new-fact-in-conclusion')).toEqual([]);
    expect(traceFixes({ code: 'trace/recommendation-without-conclusion', range: { start: 0, end: 0 } }, report)).toEqual([]);
  });
});
