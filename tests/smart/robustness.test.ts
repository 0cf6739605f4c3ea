/**
 * The SMART checks never fail and never point outside the text: on odd
 * input, on CRLF text, and on every real document in the seeds.
 */
import { describe, it, expect } from 'vitest';
import { analyze } from '../../server/src/core/analyze';
import { runRules } from '../../server/src/core/rules';
import { SMART_RULES } from '../../server/src/core/rules/smart';
import { smartFixes } from '../../server/src/core/smart/fixes';
import { smartTargets } from '../../server/src/core/smart/targets';
import { renderSmartCardMarkdown, LETTERS } from '../../server/src/core/smart/analyze';
import { seed, example } from '../helpers/seeds';

function check(text: string, uri: string): number {
  const m = analyze(text, { uri });
  const diags = runRules(m, {}, SMART_RULES);
  expect(diags.filter((d) => d.code === 'internal/rule-failed')).toEqual([]);
  const inside = (s: { start: number; end: number }): boolean => s.start >= 0 && s.start <= s.end && s.end <= text.length;
  for (const d of diags) {
    expect(inside(d.range), `${d.code} ${JSON.stringify(d.range)}`).toBe(true);
    expect(d.message.nl.length).toBeGreaterThan(10);
    expect(d.message.en.length).toBeGreaterThan(10);
    for (const f of smartFixes(d, m)) expect(inside(f.range)).toBe(true);
  }
  for (const t of smartTargets(m)) {
    for (const l of LETTERS) for (const e of t.card[l].evidence) expect(inside(e)).toBe(true);
    expect(renderSmartCardMarkdown(t.card, 'nl')).toContain('SMART');
  }
  return diags.length;
}

describe('odd input', () => {
  it.each([
    ['empty', ''],
    ['only a heading', '# Doelstellingen\n'],
    ['an empty goal', '# Doelstellingen\n\n1. \n2. .\n'],
    ['unbalanced brackets', '# Aanbevelingen\n\n1. Zet in op [@key, p. 4 (zie conclusie 3.\n2. ) ( ( [ ] ] vóór\n'],
    ['only numbers', '# Doelstellingen\n\n1. 2026 2027 12,4% € 850.000 -- ++ +-\n'],
    ['CRLF', '---\r\ntype: beleid\r\n---\r\n# Doelstellingen\r\n\r\n1. Wij zetten in op\r\n   preventie.\r\n2. Het college verlaagt vóór 2026 de kosten met 10%.\r\n'],
    ['a very long item', '# Aanbevelingen\n\n1. ' + 'Zet in op het versterken van de samenwerking, zodat meer inwoners eerder worden bereikt. '.repeat(400) + '\n'],
    ['emoji and scripts', '# Doelstellingen\n\n1. Wij 🚀 zetten in op ΕΛΛΑΔΑ en 中文 vóór 𝟚𝟘𝟚𝟞.\n'],
  ])('%s', (_name, text) => {
    check(text, 'x.md');
    check(text, 'x.txt');
  });
});

describe('the seeds and the examples', () => {
  it.each(['000', '001', '002', '003', '004'])('seed %s', (s) => {
    check(seed(s), `${s}.txt`);
  });
  it.each(['rapport.md', 'beleidsnota.md', 'reactie.md', 'aanbiedingsbrief.md', 'normenkader.md'])('%s', (f) => {
    check(example(f), f);
  });
});
