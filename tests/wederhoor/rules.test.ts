/**
 * Each wederhoor rule on small documents: alone, and across documents of a
 * project (a reaction and a letter of their own, pointing at the report).
 */
import { describe, it, expect } from 'vitest';
import { analyze } from '../../server/src/core/analyze';
import { createProjectView } from '../../server/src/core/project';
import type { Diagnostic } from '../../server/src/core/rules/types';
import { runWederhoor } from './run';
import type { DocumentModel } from '../../server/src/core/types';
import { wederhoorView } from '../../server/src/core/wederhoor';

const REPORT = `---
type: rapport
---

# 5 Conclusies

## Conclusie 1 {#C1}

Het beleid is niet SMART geformuleerd. De doelen hebben geen streefwaarde en geen termijn.

## Conclusie 2 {#C2}

De raad is sinds 2023 niet tijdig geïnformeerd over de resultaten van het beleid.

## Conclusie 3 {#C3}

De wachttijden voor schuldhulp zijn sinds 2021 gehalveerd, maar de wettelijke termijn wordt nog niet gehaald.

# 6 Aanbevelingen

1. Stel vóór 1 juli 2026 een beleidsplan vast met meetbare doelen (zie conclusie 1).
2. Informeer de raad elk kwartaal over de resultaten (zie conclusie 2).

# 7 Nawoord

De rekenkamer dankt het college. Over conclusie 2: de rekenkamer handhaaft haar conclusie.
`;

const REACTION = `---
type: reactie
report: rapport.md
---

# Bestuurlijke reactie

Wij reageren op alle vijf conclusies en aanbevelingen.

## Conclusie 4

> Het beleid is niet SMART geformuleerd. De doelen hebben geen streefwaarde en geen termijn.

Het college onderschrijft deze conclusie.

## Conclusie 2

> De raad is sinds 2022 niet tijdig geïnformeerd over de resultaten van het beleid.

Deze conclusie herkennen wij niet.

## Reactie op de aanbevelingen

> Stel vóór 1 juli 2026 een beleidsplan vast met meetbare doelen.

Deze aanbeveling nemen wij niet over.

## Aanbeveling 2

Het college neemt deze aanbeveling over.
`;

const LETTER = `---
type: brief
report: rapport.md
---

Geachte leden van de raad,

De rekenkamer doet drie aanbevelingen:

1. Stel vóór 1 januari 2026 een beleidsplan vast met meetbare doelen.
2. Informeer de raad elk kwartaal over de resultaten.

## Conclusies

De wachttijden voor schuldhulp zijn sinds 2020 gehalveerd, maar de wettelijke termijn wordt nog niet gehaald.

Met vriendelijke groet,
`;

function project(files: Record<string, string>): { docs: Record<string, DocumentModel>; diags: Record<string, Diagnostic[]> } {
  const docs = Object.fromEntries(Object.entries(files).map(([name, text]) => [name, analyze(text, { uri: '/p/' + name })]));
  const view = createProjectView(Object.values(docs));
  const diags = Object.fromEntries(Object.entries(docs).map(([name, m]) => [name, runWederhoor(m, { project: view })]));
  return { docs, diags };
}

const p = project({ 'rapport.md': REPORT, 'reactie.md': REACTION, 'brief.md': LETTER });
const slice = (file: string, d: Diagnostic): string => p.docs[file].text.slice(d.range.start, d.range.end);
const codes = (file: string, code: string): Diagnostic[] => p.diags[file].filter((d) => d.code === 'wederhoor/' + code);

describe('alignment of reactions to the report', () => {
  it('by text when the number is wrong (conclusie 4 quotes conclusion 1) or missing; by number without a quote', () => {
    const v = wederhoorView(p.docs['reactie.md'], createProjectView(Object.values(p.docs)));
    expect(v.entries.map((e) => [e.target?.id, e.via])).toEqual([
      ['C1', 'text'],
      ['C2', 'both'],
      ['R1', 'text'],
      ['R2', 'label'],
    ]);
    expect(v.missing.map((it) => it.id)).toEqual(['C3']);
  });
});

describe('wederhoor/quote-mismatch across documents', () => {
  it('flags the changed year in the reaction, with the report words as related information in the report', () => {
    const q = codes('reactie.md', 'quote-mismatch');
    expect(q.map((d) => slice('reactie.md', d))).toEqual(['2022']);
    expect(q[0].related).toEqual([{ message: { nl: "Tekst in het rapport: '2023'", en: "Text in the report: '2023'" }, range: expect.any(Object), uri: '/p/rapport.md' }]);
    expect(p.docs['rapport.md'].text.slice(q[0].related![0].range.start, q[0].related![0].range.end)).toBe('2023');
    // The dropped "(zie conclusie 1)" of recommendation 1 is no difference.
    expect(codes('rapport.md', 'quote-mismatch')).toEqual([]);
  });
});

describe('wederhoor/missing-reaction', () => {
  it('flags conclusion 3 on the report and lists it at the top of the reaction', () => {
    expect(codes('rapport.md', 'missing-reaction').map((d) => slice('rapport.md', d))).toEqual(['Conclusie 3']);
    const onReaction = codes('reactie.md', 'missing-reaction');
    expect(onReaction.map((d) => [slice('reactie.md', d), d.message.en])).toEqual([['Bestuurlijke reactie', 'The response does not react to conclusion 3 (C3).']]);
  });
  it('says nothing while there is no reaction', () => {
    const alone = project({ 'rapport.md': REPORT });
    expect(alone.diags['rapport.md'].filter((d) => d.code === 'wederhoor/missing-reaction')).toEqual([]);
  });
});

describe('wederhoor/disagreement', () => {
  it('flags the rejections, with their phrases', () => {
    expect(codes('reactie.md', 'disagreement').map((d) => [slice('reactie.md', d), d.message.nl])).toEqual([
      ['herkennen wij niet', "Reactie op conclusie 2: oneens — 'herkennen wij niet'."],
      ['nemen wij niet over', "Reactie op aanbeveling 1: oneens — 'nemen wij niet over'."],
    ]);
  });
});

describe('wederhoor/unanswered-disagreement', () => {
  it('accepts the nawoord on conclusion 2 and flags recommendation 1 on the reaction and at the nawoord', () => {
    expect(codes('reactie.md', 'unanswered-disagreement').map((d) => [slice('reactie.md', d), (d.data as { target: string }).target])).toEqual([['nemen wij niet over', 'R1']]);
    const onReport = codes('rapport.md', 'unanswered-disagreement');
    expect(onReport.map((d) => slice('rapport.md', d))).toEqual(['# 7 Nawoord']);
    expect(onReport[0].message.nl).toBe("Het nawoord gaat niet in op de reactie op aanbeveling 1 in reactie.md: oneens ('nemen wij niet over').");
  });
  it('counts a quote of the reaction as an answer', () => {
    const answered = project({ 'rapport.md': REPORT.replace('De rekenkamer dankt het college.', 'Het college schrijft "nemen wij niet over"; de rekenkamer blijft bij haar aanbeveling.'), 'reactie.md': REACTION });
    expect(answered.diags['reactie.md'].filter((d) => d.code === 'wederhoor/unanswered-disagreement')).toEqual([]);
  });
});

describe('wederhoor/letter-mismatch', () => {
  it('flags the date in recommendation 1 and the year in a summary sentence; ignores the dropped references', () => {
    const l = codes('brief.md', 'letter-mismatch');
    expect(l.map((d) => [slice('brief.md', d), (d.data as { report: string }).report, (d.data as { check: string }).check])).toEqual([
      ['januari', 'juli', 'item'],
      ['2020', '2021', 'number'],
    ]);
    expect(l[0].message.en).toBe("The letter states recommendation 1 differently from the report — report: 'juli' — letter: 'januari'");
  });
});

describe('wederhoor/count-mismatch', () => {
  it('flags "vijf conclusies en aanbevelingen" in the reaction (5 in the report: right) — no; "drie aanbevelingen" in the letter (2): yes', () => {
    expect(codes('reactie.md', 'count-mismatch')).toEqual([]);
    const c = codes('brief.md', 'count-mismatch');
    expect(c.map((d) => [slice('brief.md', d), d.data])).toEqual([['drie aanbevelingen', { stated: 3, actual: 2, reacted: null, kinds: ['recommendation'] }]]);
  });
  it('counts number words and digits, not headings or picked-out pairs', () => {
    const m = analyze('---\ntype: rapport\n---\n\n# 5 Conclusies en aanbevelingen\n\nDe rekenkamer doet 3 aanbevelingen. De twee conclusies hieronder hangen samen.\n\n1. Het beleid is oud.\n2. De raad is laat geïnformeerd.\n\n# 6 Aanbevelingen\n\n1. Stel doelen vast.\n2. Informeer de raad.\n', { uri: 'x.md' });
    const d = runWederhoor(m).filter((x) => x.code === 'wederhoor/count-mismatch');
    expect(d.map((x) => m.text.slice(x.range.start, x.range.end))).toEqual(['3 aanbevelingen']);
  });
});

describe('English documents', () => {
  it('reads an English report with its management response', () => {
    const m = analyze(`---
type: report
lang: en
---

# 5 Conclusions

1. The council was not informed on time about the results of the policy.

# 6 Management response

## Conclusion 1

> The council was not informed in time about the results of the policy.

We do not recognise this conclusion.
`, { uri: 'en.md' });
    const d = runWederhoor(m);
    expect(d.map((x) => [x.code, m.text.slice(x.range.start, x.range.end)])).toEqual([
      ['wederhoor/quote-mismatch', 'in'],
      ['wederhoor/disagreement', 'We do not recognise'],
    ]);
    expect(d[0].message.en).toBe("Quote of conclusion 1 differs from the report — report: 'on' — response: 'in'");
  });
});
