/**
 * The example project as a whole: every deliberate trace fault of
 * examples/README.md found (faults 6–12), nothing on the parts listed as
 * correct, and the traceability matrix of examples/rapport.md pinned.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { exampleProject, traceDiagnostics } from './helpers';
import { traceCheck } from '../../server/src/core/trace/checks';
import { matrixMarkdown, matrixCsv, traceMatrix, traceMermaid } from '../../server/src/core/trace/matrix';
import { buildTraceContext, buildTraceGraph } from '../../server/src/core/trace/graph';

const ex = exampleProject();
const report = ex.doc('rapport.md');
const framework = ex.doc('normenkader.md');

describe('the deliberate trace faults of the example project', () => {
  const onReport = traceDiagnostics(report, ex.project);
  const onFramework = traceDiagnostics(framework, ex.project);

  it('finds exactly faults 6, 8, 9, 10, 11 and 12 in rapport.md', () => {
    expect(onReport.map((d) => [d.code, d.at.slice(0, 40)])).toEqual([
      ['trace/unanswered-question', 'Hoe werkt de gemeente samen met maatscha'],
      ['trace/missing-score', 'nog te bepalen'],
      ['trace/assessment-without-evidence', 'Norm 3.2: Het college monitort de uitvoe'],
      ['trace/new-fact-in-conclusion', '€ 135.000'],
      ['trace/conclusion-without-findings', 'Conclusie 7'],
      ['trace/recommendation-without-conclusion', 'Het college maakt met de maatschappelijk'],
    ]);
  });

  it('finds fault 7 (norm 1.3 not assessed) on the norm where it lives: normenkader.md', () => {
    expect(onFramework.map((d) => [d.code, d.data?.norm])).toEqual([['trace/unassessed-norm', 'N1.3']]);
    expect(onFramework[0].at).toContain('Norm 1.3');
    expect(onReport.some((d) => d.code === 'trace/unassessed-norm')).toBe(false);
  });

  it('says in both languages what is missing, with related information', () => {
    const byCode = Object.fromEntries(onReport.map((d) => [d.code, d]));
    expect(byCode['trace/unanswered-question'].message.nl).toMatch(/^Onderzoeksvraag 6 wordt door geen conclusie beantwoord/);
    expect(byCode['trace/unanswered-question'].message.en).toMatch(/^Research question 6 is answered by no conclusion/);
    expect(byCode['trace/missing-score'].message.nl).toContain('"nog te bepalen" is geen score');
    expect(byCode['trace/new-fact-in-conclusion'].message.nl).toBe('Conclusie 2 noemt het bedrag "€ 135.000", maar dat staat nergens in de bevindingen. Een conclusie brengt geen nieuwe feiten.');
    expect(byCode['trace/new-fact-in-conclusion'].message.en).toContain('states the amount "€ 135.000"');
    expect(byCode['trace/conclusion-without-findings'].message.nl).toMatch(/^Conclusie 7 rust op geen bevinding/);
    expect(byCode['trace/recommendation-without-conclusion'].message.nl).toMatch(/^Aanbeveling 6 volgt uit geen conclusie/);
    // Where the findings on question 6 are; the amounts the findings do have.
    expect(JSON.stringify(byCode['trace/unanswered-question'].related)).toContain('Samenwerking met partners');
    expect(JSON.stringify(byCode['trace/new-fact-in-conclusion'].related)).toContain('€ 160.000');
    // The norm's diagnostic points into the report, at the assessments before it.
    expect(JSON.stringify(onFramework[0].related)).toContain('rapport.md');
  });

  it('stays quiet on the parts listed as correct', () => {
    const flaggedNodes = new Set(onReport.map((d) => d.data?.node));
    for (const id of ['C1', 'C3', 'C4', 'C5', 'C6', 'C8', 'R1', 'R2', 'R3', 'R4', 'R5', 'Q1', 'Q7', 'Q8', 'Q9', 'A1', 'A2', 'A3', 'A4', 'A5', 'A8']) expect(flaggedNodes.has(id), id).toBe(false);
    // Conclusions 1–6 and 8 refer to the sections with their findings: explicit links, no similarity needed.
    const { ctx } = traceCheck(report, ex.project);
    for (const c of ['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C8']) expect(ctx.out(c).filter((e) => e.kind === 'rests-on' && e.to.startsWith('F')).every((e) => e.via === 'explicit'), c).toBe(true);
  });

  it('does not check the reaction, the letter or the policy plan', () => {
    for (const name of ['reactie.md', 'aanbiedingsbrief.md', 'beleidsnota.md']) expect(traceDiagnostics(ex.doc(name), ex.project)).toEqual([]);
  });
});

describe('the traceability matrix of examples/rapport.md', () => {
  const { ctx } = traceCheck(report, ex.project);
  const matrix = traceMatrix(ctx);

  it('is pinned as a whole (Markdown, Dutch)', () => {
    const expected = readFileSync(resolve(__dirname, 'fixtures/example-matrix.nl.md'), 'utf8');
    expect(matrixMarkdown(matrix, 'nl')).toBe(expected);
  });

  it('holds the chain the README describes', () => {
    const q = Object.fromEntries(matrix.questions.map((r) => [r.id, r]));
    expect(q.Q6.conclusions).toEqual([]);
    expect(q.Q7.conclusions.map((c) => c.id)).toEqual(['C6']);
    expect(q.Q1.recommendations.map((c) => c.id)).toEqual(['R1']);
    const n = Object.fromEntries(matrix.norms.map((r) => [r.id, r]));
    expect(Object.keys(n)).toEqual(['N1.1', 'N1.2', 'N1.3', 'N2.1', 'N2.2', 'N2.3', 'N3.1', 'N3.2', 'N3.3']);
    expect(n['N1.3'].assessments).toEqual([]);
    expect(n['N1.1'].scores.map((s) => s.nl)).toEqual(['+']);
    expect(n['N3.1'].scores.map((s) => s.nl)).toEqual(['onleesbaar']);
    expect(n['N1.1'].uri).toMatch(/normenkader\.md$/);
    const r = Object.fromEntries(matrix.recommendations.map((x) => [x.id, x]));
    expect(r.R1.follows.map((x) => x.id)).toEqual(['C1', 'C3']);
    expect(r.R6.follows).toEqual([]);
  });

  it('renders as CSV, one row per chain', () => {
    const csv = matrixCsv(matrix, 'nl').trim().split('\n');
    expect(csv[0]).toBe('chain,question,conclusion,recommendation,norm,assessment,score,findings,status');
    expect(csv).toContain('question,Q6,,,,,,,niet beantwoord');
    expect(csv).toContain('question,Q1,C1,R1,,,,F3.1,');
    expect(csv).toContain('norm,,,,N1.3,,,,niet getoetst');
    expect(csv).toContain('norm,,,,N3.1,A6,onleesbaar,F4.4,A6: geen score');
    expect(csv).toContain('recommendation,,,R6,,,,,geen conclusie');
  });

  it('renders the graph as a Mermaid flowchart', () => {
    const mm = traceMermaid(ctx.graph, 'nl');
    expect(mm.startsWith('flowchart LR\n')).toBe(true);
    expect(mm).toContain('n_Q1 --> n_C1');
    expect(mm).toContain('n_N1_1 --> n_A1');
    expect(mm).toMatch(/class .*n_Q6.* open/);
    expect(mm).toContain('n_N1_3');
  });

  it('is the same graph with or without the cache, with the open points on its nodes, and JSON-serialisable', () => {
    expect(buildTraceGraph(report, ex.project)).toBe(ctx.graph);
    expect(buildTraceGraph(framework, ex.project)).toBe(ctx.graph);
    expect(ctx.graph.nodes.find((n) => n.id === 'N1.3')!.issues).toEqual(['unassessed']);
    const fresh = buildTraceContext(report, ex.project).graph;
    expect(fresh.nodes.map((x) => x.id)).toEqual(ctx.graph.nodes.map((x) => x.id));
    expect(fresh.edges.length).toBe(ctx.graph.edges.length);
    expect(JSON.parse(JSON.stringify(ctx.graph)).edges[0]).toMatchObject({ from: expect.any(String), to: expect.any(String), kind: expect.any(String), via: expect.any(String), strength: expect.any(Number), why: { nl: expect.any(String), en: expect.any(String) } });
  });
});
