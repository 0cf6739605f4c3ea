/**
 * Quick fixes: each snippet, applied to the document string (placeholders
 * replaced by their default text, or by a value a user would type), gives
 * the sentence it should — and a filled-in fix makes the diagnostic go.
 */
import { describe, it, expect } from 'vitest';
import { analyze } from '../../server/src/core/analyze';
import { runRules, type Diagnostic } from '../../server/src/core/rules';
import { SMART_RULES } from '../../server/src/core/rules/smart';
import { smartFixes, type SmartFix } from '../../server/src/core/smart/fixes';
import { example } from '../helpers/seeds';

/** The snippet as text: `${1:datum}` → "datum" (or the given values, by placeholder number). */
function plain(snippet: string, values: Record<number, string> = {}): string {
  return snippet
    .replace(/\$\{(\d+):((?:\\.|[^}\\])*)\}/g, (_m, n: string, def: string) => values[Number(n)] ?? def.replace(/\\(.)/g, '$1'))
    .replace(/\$(\d+)/g, (_m, n: string) => values[Number(n)] ?? '');
}

function apply(doc: string, fix: SmartFix, values?: Record<number, string>): string {
  return doc.slice(0, fix.range.start) + plain(fix.snippet, values) + doc.slice(fix.range.end);
}

function lineOf(doc: string, offset: number): string {
  const start = doc.lastIndexOf('\n', offset - 1) + 1;
  const end = doc.indexOf('\n', offset);
  return doc.slice(start, end < 0 ? doc.length : end);
}

const policyText = example('beleidsnota.md');
const policy = analyze(policyText, { uri: 'beleidsnota.md' });
const policyDiags = runRules(policy, {}, SMART_RULES);
const reportText = example('rapport.md');
const report = analyze(reportText, { uri: 'rapport.md' });
const reportDiags = runRules(report, {}, SMART_RULES);

function diag(diags: Diagnostic[], code: string, item: string): Diagnostic {
  const d = diags.find((x) => x.code === code && x.data?.item === item);
  if (!d) throw new Error(`no ${code} on ${item}`);
  return d;
}

describe('smart/time-bound', () => {
  it('inserts " vóór datum" at the end of the goal, before the final period', () => {
    const fixes = smartFixes(diag(policyDiags, 'smart/time-bound', 'G5'), policy);
    expect(fixes).toHaveLength(1);
    expect(fixes[0].snippet).toBe(' vóór ${1:datum}');
    expect(fixes[0].range.start).toBe(fixes[0].range.end);
    const out = apply(policyText, fixes[0]);
    expect(out).toContain('daalt naar\n   20% vóór datum.\n6. Wij besteden');
  });

  it('inserts before a trailing reference "(zie conclusie 5)"', () => {
    const fix = smartFixes(diag(reportDiags, 'smart/time-bound', 'R2'), report)[0];
    const out = apply(reportText, fix);
    expect(lineOf(out, fix.range.start)).toBe('2. Zet in op het versterken van de vroegsignalering, zodat meer inwoners met betalingsachterstanden eerder worden bereikt vóór datum (zie conclusie 5).');
  });

  it('filled in, the diagnostic goes away', () => {
    const fix = smartFixes(diag(policyDiags, 'smart/time-bound', 'G5'), policy)[0];
    const out = apply(policyText, fix, { 1: '1 januari 2025' });
    const again = runRules(analyze(out, { uri: 'beleidsnota.md' }), {}, SMART_RULES);
    expect(again.some((d) => d.code === 'smart/time-bound' && d.data?.item === 'G5')).toBe(false);
    expect(again.some((d) => d.code === 'smart/time-bound' && d.data?.item === 'G3')).toBe(true);
  });
});

describe('smart/measurable', () => {
  it('offers "met x% ten opzichte van nulmeting" and an indicator, at the end of the sentence', () => {
    const fixes = smartFixes(diag(policyDiags, 'smart/measurable', 'G7'), policy);
    expect(fixes.map((f) => f.snippet)).toEqual([' met ${1:x}% ten opzichte van ${2:nulmeting}', ', gemeten met ${1:indicator}: van ${2:nulmeting} in ${3:jaar} naar ${4:streefwaarde}']);
    expect(lineOf(apply(policyText, fixes[0]), fixes[0].range.start)).toBe('   op met x% ten opzichte van nulmeting.');
    const filled = apply(policyText, fixes[1], { 1: 'de wachttijd in weken', 2: '14', 3: '2020', 4: '8' });
    expect(filled).toContain('wachten daar zo kort mogelijk\n   op, gemeten met de wachttijd in weken: van 14 in 2020 naar 8.');
    const again = runRules(analyze(filled, { uri: 'beleidsnota.md' }), {}, SMART_RULES);
    expect(again.some((d) => d.code === 'smart/measurable' && d.data?.item === 'G7')).toBe(false);
  });
});

describe('smart/achievable', () => {
  it('puts the addressee after a Dutch imperative', () => {
    const fix = smartFixes(diag(reportDiags, 'smart/achievable', 'R2'), report)[0];
    expect(fix.snippet).toBe(' als ${1:college}');
    expect(lineOf(apply(reportText, fix), fix.range.start)).toMatch(/^2\. Zet als college in op het versterken van de vroegsignalering/);
    const again = runRules(analyze(apply(reportText, fix), { uri: 'rapport.md' }), {}, SMART_RULES);
    expect(again.some((d) => d.code === 'smart/achievable' && d.data?.item === 'R2')).toBe(false);
  });

  it('puts an owner before an English imperative', () => {
    const text = '---\nlang: en\n---\n# Recommendations\n\n1. Establish a single point of contact for debt advice within 12 months.\n';
    const m = analyze(text, { uri: 'r.md' });
    const d = runRules(m, {}, SMART_RULES).find((x) => x.code === 'smart/achievable')!;
    const fix = smartFixes(d, m)[0];
    expect(apply(text, fix)).toContain('1. The council should establish a single point of contact for debt advice within 12 months.');
  });

  it('adds "(eigenaar: …)" to a goal without one', () => {
    const fix = smartFixes(diag(policyDiags, 'smart/achievable', 'G5'), policy)[0];
    expect(apply(policyText, fix)).toContain('daalt naar\n   20% (eigenaar: het college).');
  });
});

describe('smart/specific, smart/realistic, smart/vague-judgement', () => {
  it('turns the vague words into a placeholder to overtype', () => {
    const fix = smartFixes(diag(reportDiags, 'smart/specific', 'R2'), report)[0];
    expect(reportText.slice(fix.range.start, fix.range.end)).toBe('Zet in op');
    expect(fix.snippet).toBe('${1:Zet in op}');
    expect(apply(reportText, fix, { 1: 'Het college bereikt vóór 2027 jaarlijks 60% van de signalen met' })).toContain('2. Het college bereikt vóór 2027 jaarlijks 60% van de signalen met het versterken');
  });

  it('adds the means to a drastic ambition', () => {
    const fix = smartFixes(diag(reportDiags, 'smart/realistic', 'R4'), report)[0];
    expect(lineOf(apply(reportText, fix), fix.range.start)).toBe('4. Het college halveert vóór eind 2026 het aantal huishoudens met geregistreerde problematische schulden in Lindeveen met budget of capaciteit (zie conclusie 6).');
  });

  it('adds a reference to the findings to a vague judgement', () => {
    const fix = smartFixes(diag(reportDiags, 'smart/vague-judgement', 'C7'), report)[0];
    expect(apply(reportText, fix)).toContain('Het college stuurt te weinig bij op basis van de eigen monitoringgegevens (zie paragraaf nummer). De managementinformatie');
  });

  it('gives nothing for other codes, and survives missing or stale data', () => {
    expect(smartFixes({ code: 'structure/duplicate-id', range: { start: 0, end: 1 }, data: {} }, report)).toEqual([]);
    const d = diag(policyDiags, 'smart/time-bound', 'G5');
    // No data at all: the item is found again by position.
    expect(smartFixes({ code: d.code, range: d.range }, policy)[0].snippet).toBe(' vóór ${1:datum}');
    // Stale offsets beyond the text and an unknown item: no fix rather than a wrong one.
    expect(smartFixes({ code: d.code, range: { start: 10 ** 7, end: 10 ** 7 }, data: { ...d.data, item: 'G99', insertAt: 10 ** 7 } }, policy)).toEqual([]);
  });
});
