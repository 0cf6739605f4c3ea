/**
 * Seed 001 as it is: the report's chapter 8 (12 conclusions, 4
 * recommendations) against the reaction appendix ("Bijlage: Reacties op de
 * conclusies en aanbevelingen op het rapport") that re-quotes every one.
 *
 * How the expected values were established (not from this code's output):
 * - Differences: chapter 8 (lines 1646–1989) and the appendix (lines
 *   2198–2733) were read side by side, item by item, word by word; then
 *   cross-checked with an independent script (Python difflib over words
 *   AND punctuation, after joining line-break hyphens and dropping bullet
 *   glyphs at line starts, with the item boundaries found from the
 *   numbered lines). Both gave the same list; the script's only other
 *   hits were "en – methode" / "en -methode" in question 5 (dash glyph
 *   and spacing: equal after normalisation) and "LVB-problematiek" /
 *   "LVB-\nproblematiek" in conclusion 8 (a hyphen at a line break: equal
 *   after normalisation). No punctuation-only differences exist.
 * - Stances: each of the 16 reaction texts read in full; see the comment
 *   per reaction below.
 */
import { describe, it, expect } from 'vitest';
import { analyze } from '../../server/src/core/analyze';
import { runWederhoor } from './run';
import { reactionCoverage, reactionStance, wederhoorView, viewOf, reactionSources } from '../../server/src/core/wederhoor';
import { seed } from '../helpers/seeds';

const text = seed('001');
const m = analyze(text, { uri: '001.txt' });

// [item, part, kind, report's words, quoted words]
const EXPECTED: Array<[string, 'quote' | 'question', string, string, string]> = [
  ['C1', 'quote', 'replaced', 'vertaalt', 'vertaald'],
  ['C2', 'quote', 'replaced', 'Jeugdhulp', 'Jeugdzorg'],
  ['C3', 'quote', 'replaced', 'jeugdhulp', 'jeugdzorg'], // "minder uitgaven voor jeugdhulp"
  ['C3', 'quote', 'replaced', 'jeugdhulp', 'jeugdzorg'], // "de jeugdhulp anders organiseren"
  ['C4', 'quote', 'spelling', 'OpenHouse', 'Open House'],
  ['C5', 'quote', 'spelling', 'OpenHouse', 'Open House'], // first bullet
  ['C5', 'quote', 'spelling', 'OpenHouse', 'Open House'], // second bullet
  ['C5', 'quote', 'moved', 'De RIGG en de gemeenten hebben bij de invoering en besluitvorming rondom het OpenHouse model in 2019 de regionale opdracht goed uitgewerkt naar een aansluitende inkoopstrategie en bijpassende inkoopmethodiek', 'De RIGG en de gemeenten hebben bij de invoering en besluitvorming rondom het Open House model in 2019 de regionale opdracht goed uitgewerkt naar een aansluitende inkoopstrategie en bijpassende inkoopmethodiek'],
  ['C5', 'quote', 'spelling', 'OpenHouse', 'Open House'], // inside the moved sentence
  ['C6', 'quote', 'spelling', 'OpenHouse', 'Open House'],
  ['C7', 'quote', 'spelling', 'OpenHouse', 'Open House'], // "vanuit het OpenHouse model"
  ['C7', 'quote', 'spelling', 'OpenHouse', 'Open House'], // "De OpenHouse overeenkomst"
  ['C7', 'quote', 'spelling', 'Openhouse', 'Open House'], // "binnen de regionale Openhouse"
  ['C7', 'question', 'deleted', 'contract', ''], // "Welke uitvoeringsvoorwaarden (contract) zijn …"
  ['C8', 'quote', 'spelling', 'Openhouse', 'Open House'],
  ['C8', 'quote', 'replaced', 'genereerd', 'genereert'],
  ['C8', 'quote', 'spelling', 'Openhouse', 'Open House'],
  ['C9', 'quote', 'spelling', 'Openhouse', 'Open House'],
  ['C9', 'quote', 'spelling', 'Openhousemodel', 'Open Housemodel'],
  ['C9', 'quote', 'spelling', 'Oostgroningse', 'Oost Groningse'],
  ['C10', 'quote', 'deleted', 'in', ''], // "is in beperkt" → "is beperkt"
  ['C11', 'quote', 'spelling', 'Openhouse', 'Open House'],
  ['C12', 'quote', 'spelling', 'Openhouse', 'Open House'],
];

// Read word by word:
const STANCES: Record<string, 'agree' | 'partly' | 'disagree' | 'none'> = {
  C1: 'partly', // "is herkenbaar tot en met 2021", since then more insight: true for the past only
  C2: 'none', // "Dit zijn de ambities uit het Koersdocument …": explains, takes no position
  C3: 'partly', // "Fijn te constateren …" (agrees with the main line) but "Derde bullet: de vraag is wat niet duidelijk is"
  C4: 'partly', // "Ter nuancering: er is geen hybride model ingekocht"; "ons inziens niet goed geïnterpreteerd"
  C5: 'agree', // "Wij zijn verheugd met het positieve oordeel in de laatste zin"
  C6: 'none', // "willen wij het volgende meegeven. Wij monitoren …": informs, no position
  C7: 'partly', // "De term 'middelvoorziening' kennen wij niet"; "dan klopt het dat …"
  C8: 'disagree', // "Wij constateren een tegenstelling in deze conclusie" (though the LVB shortage "herkennen wij")
  C9: 'partly', // "Wij herkennen de genoemde aandachtspunten" but "In onze optiek is het genoemde tekort niet het gevolg van …"
  C10: 'partly', // "ondertussen verbeterd … Relativering: … bovengemiddeld goed op orde"
  C11: 'none', // "De gemeenten sturen daarop door eigen beleid te ontwikkelen …": explains
  C12: 'none', // "Wij hebben altijd gekozen voor een stapsgewijze aanpak …": explains the choice, no position
  R1: 'agree', // "Deze aanbeveling is herkenbaar en heeft onze aandacht"
  R2: 'partly', // "'Middel voorziening' niet de juiste term"
  R3: 'agree', // "Wij zijn … volop bezig met het versterken van onze informatiepositie"
  R4: 'none', // "Risico's zijn benoemd, hebben aandacht en de raad is geïnformeerd": states, takes no position
};

describe('seed 001: the reaction appendix against chapter 8', () => {
  const view = wederhoorView(m);

  it('aligns the 16 reactions to C1–C12 and R1–R4 by number and text, none missing', () => {
    expect(view.entries.map((e) => e.target?.id)).toEqual([...Array.from({ length: 12 }, (_, i) => 'C' + (i + 1)), 'R1', 'R2', 'R3', 'R4']);
    expect(view.entries.every((e) => e.via === 'both')).toBe(true);
    expect(view.missing).toEqual([]);
  });

  it('finds exactly the quote differences read by hand, in order', () => {
    const found = view.entries.flatMap((e) => (e.diff?.changes ?? []).map((c) => [e.target!.id, c.part, c.kind, c.report, c.quote]));
    expect(found).toEqual(EXPECTED);
  });

  it('points each difference at the changed words in the appendix and in chapter 8', () => {
    for (const e of view.entries) {
      for (const c of e.diff?.changes ?? []) {
        expect(c.quoteRange && c.reportRange).toBeTruthy();
        const inQuote = text.slice(c.quoteRange!.start, c.quoteRange!.end).replace(/\s+/g, ' ');
        const inReport = text.slice(c.reportRange!.start, c.reportRange!.end).replace(/\s+/g, ' ');
        expect(c.quoteRange!.start).toBeGreaterThan(text.indexOf('Bijlage: Reacties op de conclusies'));
        expect(c.reportRange!.end).toBeLessThan(text.indexOf(' Bestuurlijke reactie'));
        if (c.kind === 'deleted') {
          expect(inReport).toBe(c.report);
          expect(inQuote).toBe(c.quoteShown); // the words around the gap
        } else {
          expect(inQuote).toBe(c.quote);
          expect(inReport).toBe(c.report);
        }
      }
    }
    const c10 = view.entries[9].diff!.changes[0];
    expect([c10.reportShown, c10.quoteShown]).toEqual(['is in beperkt', 'is beperkt']);
    const moved = view.entries[4].diff!.changes.find((c) => c.kind === 'moved')!;
    expect(moved.moved).toEqual({ reportPosition: 1, quotePosition: 5, sentences: 5 });
  });

  it('reports nothing for the quotes that are the same after normalisation (R1–R4; bullets • − o, line breaks, hyphens)', () => {
    for (const e of view.entries.slice(12)) expect(e.diff!.changes).toEqual([]);
    // R2's report text carries the group label "Lokaal Groningen" after it: a part the quote leaves out, no change.
    expect(view.entries[13].diff!.partial.end).toBe(true);
    // "LVB-\nproblematiek" (appendix) = "LVB-problematiek" (chapter 8); "en -methode" = "en – methode".
    expect(view.entries[7].diff!.changes.map((c) => c.report)).not.toContain('LVB-problematiek');
    expect(view.entries[4].diff!.changes.filter((c) => c.part === 'question')).toEqual([]);
  });

  it('reads the stance of each of the 16 reactions', () => {
    const got = Object.fromEntries(view.entries.map((e) => [e.target!.id, e.stance.stance]));
    expect(got).toEqual(STANCES);
    const c8 = view.entries[7].stance.phrases.map((p) => [p.text, p.stance]);
    expect(c8).toContainEqual(['Wij constateren een tegenstelling', 'disagree']);
    expect(view.entries[6].stance.phrases.map((p) => p.text)).toContain('kennen wij niet');
    expect(view.entries[3].stance.phrases.map((p) => p.text)).toContain('Ter nuancering');
    // reactionStance on the model's reaction gives the same, with offsets into its text.
    const r = m.reactions[7];
    const st = reactionStance(r, 'nl');
    expect(st.stance).toBe('disagree');
    expect(r.text.slice(st.phrases[0].start, st.phrases[0].end)).toBe('Wij constateren een tegenstelling');
    // Document ranges of the phrases.
    const p = view.entries[7].stance.phrases[0];
    expect(text.slice(p.range!.start, p.range!.end)).toBe('Wij constateren een tegenstelling');
  });

  it('ends the last reaction before the appendix "Bijlage 1 Indeling voorzieningen hybride model"', () => {
    expect(m.reactions[15].text).toBe('Risico’s zijn benoemd, hebben aandacht en de raad is geïnformeerd.');
  });

  it('gives the coverage per item', () => {
    const cov = reactionCoverage(m);
    expect(Object.keys(cov)).toHaveLength(16);
    expect(cov.C5).toMatchObject({ reactionId: 'RE5', reactionUri: '001.txt', quoted: true, stance: 'agree', quoteMismatches: 4 });
    expect(cov.R1).toMatchObject({ quoteMismatches: 0, stance: 'agree' });
  });

  it('flags the stated count "alle 13 conclusies en aanbevelingen" (there are 12 + 4) and nothing else of counts', () => {
    const d = runWederhoor(m);
    const counts = d.filter((x) => x.code === 'wederhoor/count-mismatch');
    expect(counts.map((x) => text.slice(x.range.start, x.range.end))).toEqual(['13 conclusies en aanbevelingen']);
    expect(counts[0].data).toMatchObject({ stated: 13, actual: 16, reacted: 16 });
    expect(d.filter((x) => x.code === 'wederhoor/missing-reaction')).toEqual([]);
    expect(d.filter((x) => x.code === 'wederhoor/unanswered-disagreement')).toEqual([]); // no nawoord
    expect(d.filter((x) => x.code === 'wederhoor/letter-mismatch')).toEqual([]); // its cover letter repeats no items
    const quotes = d.filter((x) => x.code === 'wederhoor/quote-mismatch');
    expect(quotes).toHaveLength(EXPECTED.length);
    expect(quotes.filter((x) => x.severity === 'warning').map((x) => text.slice(x.range.start, x.range.end).replace(/\s+/g, ' '))).toEqual([
      'vertaald',
      'Jeugdzorg',
      'jeugdzorg',
      'jeugdzorg',
      'De RIGG en de gemeenten hebben bij de invoering en besluitvorming rondom het Open House model in 2019 de regionale opdracht goed uitgewerkt naar een aansluitende inkoopstrategie en bijpassende inkoopmethodiek',
      'uitvoeringsvoorwaarden zijn',
      'genereert',
      'is beperkt',
    ]);
    expect(quotes[0].message.nl).toBe("Citaat van conclusie 1 wijkt af van het rapport — rapport: 'vertaalt' — reactie: 'vertaald'");
    const dis = d.filter((x) => x.code === 'wederhoor/disagreement').map((x) => (x.data as { target: string }).target);
    expect(dis).toEqual(['C1', 'C3', 'C4', 'C7', 'C8', 'C9', 'C10', 'R2']);
  });

  it('is fast: the whole wederhoor view of the 150 KB seed well under 100 ms', () => {
    const times: number[] = [];
    for (let i = 0; i < 7; i++) {
      const copy = { ...m }; // a new identity: no cache
      const t0 = performance.now();
      viewOf(copy, reactionSources(copy));
      runWederhoor(copy);
      times.push(performance.now() - t0);
    }
    // The fastest run: what it costs without other load on the machine.
    expect(Math.min(...times)).toBeLessThan(50);
  });
});
