/**
 * The SMART checks on the example project (examples/README.md): the
 * deliberate faults are found, the goals and recommendations listed as
 * correct are not flagged, and the report's "+" for norm 1.1 is compared
 * with the analysis of beleidsnota.md across documents.
 */
import { describe, it, expect } from 'vitest';
import { resolve } from 'node:path';
import { analyze } from '../../server/src/core/analyze';
import { createProjectView } from '../../server/src/core/project';
import { runRules, type Diagnostic } from '../../server/src/core/rules';
import { SMART_RULES } from '../../server/src/core/rules/smart';
import { choosePolicy } from '../../server/src/core/rules/smart/assessment-mismatch';
import { smartTargetAt, smartTargets } from '../../server/src/core/smart/targets';
import { renderSmartCardMarkdown } from '../../server/src/core/smart/analyze';
import type { DocumentModel } from '../../server/src/core/types';
import { EXAMPLES_DIR, example } from '../helpers/seeds';

const FILES = ['rapport.md', 'beleidsnota.md', 'normenkader.md', 'reactie.md', 'aanbiedingsbrief.md'];
const docs = FILES.map((f) => analyze(example(f), { uri: resolve(EXAMPLES_DIR, f) }));
const byName = (f: string): DocumentModel => docs[FILES.indexOf(f)];
const project = createProjectView(docs);
const diags = new Map(FILES.map((f) => [f, runRules(byName(f), { project }, SMART_RULES)]));

/** Codes per item id, e.g. { G3: ['smart/measurable', 'smart/specific', 'smart/time-bound'] }. */
function codesByItem(list: Diagnostic[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const d of list) {
    const item = d.data?.item;
    if (typeof item !== 'string') continue;
    (out[item] ??= []).push(d.code);
  }
  for (const k of Object.keys(out)) out[k].sort();
  return out;
}

describe('beleidsnota.md: the eight goals', () => {
  const byItem = codesByItem(diags.get('beleidsnota.md')!);
  it('flags goals 3, 4 and 6 as not specific, not measurable, not time-bound (fault 15)', () => {
    for (const g of ['G3', 'G4', 'G6']) expect(byItem[g]).toEqual(['smart/measurable', 'smart/specific', 'smart/time-bound']);
  });
  it('flags goal 7 as not measurable and not time-bound, with no owner (fault 16)', () => {
    expect(byItem.G7).toEqual(['smart/achievable', 'smart/measurable', 'smart/time-bound']);
  });
  it('flags goal 5 as not time-bound, with no owner (fault 17)', () => {
    expect(byItem.G5).toEqual(['smart/achievable', 'smart/time-bound']);
  });
  it('leaves the SMART goals 1, 2 and 8 alone, and the vision sentence', () => {
    for (const g of ['G1', 'G2', 'G8']) expect(byItem[g]).toBeUndefined();
    expect(Object.keys(byItem).sort()).toEqual(['G3', 'G4', 'G5', 'G6', 'G7']);
  });
  it('names the words that made the judgement', () => {
    const d = diags.get('beleidsnota.md')!;
    expect(d.find((x) => x.code === 'smart/specific' && x.data?.item === 'G4')!.message.nl).toBe('Doel 4 is niet specifiek: “zetten in op” en “versterken” zeggen niet wat er concreet verandert of wordt opgeleverd.');
    expect(d.find((x) => x.code === 'smart/measurable' && x.data?.item === 'G7')!.message.en).toBe('Goal 7 is not measurable: no number, percentage, target, baseline or checkable deliverable; “zo kort mogelijk” is no measure.');
  });
});

describe('rapport.md: recommendations and conclusions', () => {
  const list = diags.get('rapport.md')!;
  const byItem = codesByItem(list);
  it('flags recommendation 2 as vague, unmeasurable, without deadline and without owner (fault 13)', () => {
    expect(byItem.R2).toEqual(['smart/achievable', 'smart/measurable', 'smart/specific', 'smart/time-bound']);
  });
  it('flags recommendation 4: a halving without means (fault 14, a hint)', () => {
    expect(byItem.R4).toEqual(['smart/realistic']);
    expect(list.find((d) => d.data?.item === 'R4')!.severity).toBe('hint');
  });
  it('leaves the SMART recommendations 1, 3, 5 and 6 alone', () => {
    for (const r of ['R1', 'R3', 'R5', 'R6']) expect(byItem[r]).toBeUndefined();
  });
  it('flags conclusion 7 (no findings, graded words) and no conclusion that cites its findings', () => {
    expect(Object.keys(byItem).filter((k) => k.startsWith('C'))).toEqual(['C7']);
    expect(byItem.C7).toEqual(['smart/vague-judgement']);
  });
});

describe('across documents: norm 1.1 "De doelstellingen zijn SMART geformuleerd" scored +', () => {
  const report = byName('rapport.md');
  const mismatch = diags.get('rapport.md')!.filter((d) => d.code === 'smart/assessment-mismatch');
  it('says so on the score, with 5 of the 8 goals of beleidsnota.md (fault 18)', () => {
    expect(mismatch).toHaveLength(1);
    const d = mismatch[0];
    expect(d.severity).toBe('information');
    expect(report.text.slice(d.range.start, d.range.end)).toContain('+');
    expect(d.message.nl).toBe(
      'Norm “De doelstellingen zijn SMART geformuleerd” krijgt +, maar 5 van de 8 doelen in beleidsnota.md missen een letter (doel 3: S, M, T; doel 4: S, M, T; doel 5: A, T; doel 6: S, M, T; doel 7: M, A, T).',
    );
    expect(d.message.en).toMatch(/^Norm “De doelstellingen zijn SMART geformuleerd” is scored \+, but 5 of the 8 goals in beleidsnota\.md lack a letter/);
  });
  it('points at each failing goal in the policy document, and at conclusion 1 that repeats the judgement', () => {
    const d = mismatch[0];
    const policy = byName('beleidsnota.md');
    const inPolicy = d.related!.filter((r) => r.uri === policy.uri);
    expect(inPolicy).toHaveLength(5);
    expect(inPolicy.map((r) => policy.text.slice(r.range.start, r.range.end).slice(0, 2))).toEqual(['3.', '4.', '5.', '6.', '7.']);
    const own = d.related!.filter((r) => !r.uri);
    expect(own.map((r) => r.message.nl)).toEqual(['conclusie 1 herhaalt dit oordeel']);
    expect(report.text.slice(own[0].range.start, own[0].range.end)).toContain('grotendeels SMART');
  });
  it('chooses the policy the report mentions, even with another policy in the project', () => {
    const decoy = analyze('---\ntitle: "Armoedebeleid Lindeveen 2023–2026"\ntype: beleid\n---\n# Doelen\n\n1. Wij zetten in op armoedebestrijding.\n', { uri: resolve(EXAMPLES_DIR, 'armoede.md') });
    const withDecoy = createProjectView([...docs, decoy]);
    expect(choosePolicy(report, withDecoy)).toBe(byName('beleidsnota.md'));
    const d = runRules(report, { project: withDecoy }, SMART_RULES).filter((x) => x.code === 'smart/assessment-mismatch');
    expect(d[0].message.nl).toContain('in beleidsnota.md');
  });
  it('is silent without the policy in the project, and for the other documents', () => {
    expect(runRules(report, {}, SMART_RULES).filter((x) => x.code === 'smart/assessment-mismatch')).toEqual([]);
    for (const f of ['normenkader.md', 'reactie.md', 'aanbiedingsbrief.md']) expect(diags.get(f)).toEqual([]);
  });
  it('works in English, and does not contradict a fair score', () => {
    const policyEn = analyze('---\ntitle: "Housing Strategy 2024-2028"\ntype: policy\nlang: en\n---\n# Objectives\n\n1. We will strengthen partnership working.\n2. We will improve outcomes for tenants.\n3. We will build 400 homes a year until 2028.\n', { uri: '/p/housing.md' });
    const reportEn = (score: string): DocumentModel =>
      analyze(`---\ntitle: "Audit of the Housing Strategy 2024-2028"\ntype: report\nlang: en\n---\n# Assessment\n\n## Norm 1: The objectives are SMART.\n\n**Score:** ${score}\n\nThe Housing Strategy objectives are SMART (see section 2).\n\n# Conclusions\n\n1. The objectives are SMART.\n\n# Recommendations\n\n1. The council should publish a plan by 2026.\n`, { uri: '/p/report.md' });
    const plus = reportEn('++');
    const pv = createProjectView([plus, policyEn]);
    const d = runRules(plus, { project: pv }, SMART_RULES).filter((x) => x.code === 'smart/assessment-mismatch');
    expect(d).toHaveLength(1);
    expect(d[0].message.en).toMatch(/is scored \+\+, but 2 of the 3 goals in housing\.md lack a letter \(goal 1: S, M, T; goal 2: S, M, T\)/);
    const fair = reportEn('+-');
    expect(runRules(fair, { project: createProjectView([fair, policyEn]) }, SMART_RULES).filter((x) => x.code === 'smart/assessment-mismatch')).toEqual([]);
  });
});

describe('the SMART card under the cursor (for the hover)', () => {
  it('finds the item at an offset and renders its card', () => {
    const policy = byName('beleidsnota.md');
    const at = policy.text.indexOf('zo kort mogelijk');
    const t = smartTargetAt(policy, at)!;
    expect(t.id).toBe('G7');
    const md = renderSmartCardMarkdown(t.card, 'nl');
    expect(md).toContain('✗ **M** Meetbaar');
    expect(md).toContain('“zo kort mogelijk”');
    // Evidence offsets are document offsets.
    for (const e of t.card.M.evidence) expect(policy.text.slice(e.start, e.end)).toBe(e.text);
  });
  it('analyses no goals in a report, none in a reaction or letter', () => {
    expect(smartTargets(byName('rapport.md')).filter((t) => t.kind === 'goal')).toEqual([]);
    expect(smartTargets(byName('reactie.md'))).toEqual([]);
    expect(smartTargets(byName('aanbiedingsbrief.md'))).toEqual([]);
  });
});

describe('goal sentences outside goal sections', () => {
  it('checks "wij willen" sentences in policy text, but not in a vision section', () => {
    const text = '---\ntype: beleid\n---\n# Visie\n\nWij willen dat iedereen in Lindeveen meedoet.\n\n# Wonen\n\nWij willen de komende jaren meer betaalbare woningen in Lindeveen.\n\n# Doelen\n\n1. Het college bouwt vóór 2027 400 sociale huurwoningen.\n';
    const m = analyze(text, { uri: 'nota.md' });
    const d = runRules(m, {}, SMART_RULES);
    const tb = d.filter((x) => x.code === 'smart/time-bound');
    expect(tb).toHaveLength(1);
    expect(tb[0].message.nl).toBe('Dit doel heeft geen termijn: geen datum, deadline of periode; “de komende jaren” is geen termijn.');
    expect(text.slice(tb[0].range.start, tb[0].range.end)).toMatch(/^Wij willen de komende jaren/);
  });
});
