import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { splitSentences, type SentenceSpan } from '../../server/src/core/sentences';
import abbreviations from '../../server/src/core/lexicon/abbreviations.json';

const SEEDS = path.resolve(__dirname, '../fixtures/seeds');

/** The sentence texts of `s`. */
function texts(s: string, lang?: 'nl' | 'en'): string[] {
  return splitSentences(s, undefined, undefined, lang).map((x) => s.slice(x.start, x.end));
}

/** Sentence texts with all whitespace runs collapsed (for PDF passages). */
function flat(s: string, start?: number, end?: number): string[] {
  return splitSentences(s, start, end).map((x) => s.slice(x.start, x.end).replace(/\s+/g, ' '));
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** The first violated invariant, or null. */
function violation(text: string, spans: SentenceSpan[], start = 0, end = text.length): string | null {
  let prev = start;
  for (const [n, sp] of spans.entries()) {
    if (!Number.isInteger(sp.start) || !Number.isInteger(sp.end)) return `span ${n} not integer`;
    if (sp.start < prev) return `span ${n} starts at ${sp.start} before ${prev} (overlap or out of range)`;
    if (sp.end <= sp.start) return `span ${n} is empty`;
    if (sp.end > end) return `span ${n} ends after range end`;
    if (/\s/.test(text[sp.start]) || /\s/.test(text[sp.end - 1])) return `span ${n} not trimmed`;
    if (isLow(text.charCodeAt(sp.start)) && isHigh(text.charCodeAt(sp.start - 1))) return `span ${n} starts inside a surrogate pair`;
    if (isHigh(text.charCodeAt(sp.end - 1)) && isLow(text.charCodeAt(sp.end))) return `span ${n} ends inside a surrogate pair`;
    prev = sp.end;
  }
  let k = 0;
  for (let p = start; p < end; p++) {
    while (k < spans.length && spans[k].end <= p) k++;
    const covered = k < spans.length && spans[k].start <= p;
    if (!covered && /\S/.test(text[p])) return `non-space character ${JSON.stringify(text[p])} at ${p} is in no span`;
  }
  return null;
}

function expectValid(text: string, spans: SentenceSpan[], start = 0, end = text.length): void {
  expect(violation(text, spans, start, end)).toBeNull();
}

function seedFiles(): string[] {
  return readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .sort();
}

function seed(name: string): string {
  return readFileSync(path.join(SEEDS, name), 'utf8');
}

/** Split the passage of a seed that runs from `from` up to and including `to`. */
function passage(file: string, from: string, to: string): string[] {
  const text = seed(file);
  const a = text.indexOf(from);
  expect(a, `passage start ${from}`).toBeGreaterThanOrEqual(0);
  const b = text.indexOf(to, a);
  expect(b, `passage end ${to}`).toBeGreaterThan(a);
  const end = b + to.length;
  const spans = splitSentences(text, a, end);
  expectValid(text, spans, a, end);
  return flat(text, a, end);
}

describe('splitSentences: basic boundaries', () => {
  it('splits after . ? ! before an upper-case word', () => {
    expect(texts('Dit is zin één. Dit is zin twee.')).toEqual(['Dit is zin één.', 'Dit is zin twee.']);
    expect(texts('Klopt dat? Ja! Zeker.')).toEqual(['Klopt dat?', 'Ja!', 'Zeker.']);
    expect(texts('The audit is done. The report follows.')).toEqual(['The audit is done.', 'The report follows.']);
  });

  it('treats runs of terminators and ellipses as one boundary', () => {
    expect(texts('Echt?! Ja.')).toEqual(['Echt?!', 'Ja.']);
    expect(texts('En toen... Niets meer.')).toEqual(['En toen...', 'Niets meer.']);
    expect(texts('En toen… Niets meer.')).toEqual(['En toen…', 'Niets meer.']);
  });

  it('does not split at an omission mark in brackets', () => {
    expect(texts('Het college (...) Daarna volgt de raad.')).toEqual(['Het college (...) Daarna volgt de raad.']);
  });

  it('includes closing quotes and brackets in the sentence', () => {
    expect(texts('Hij vroeg: ‘Waarom?’ Daarna ging hij weg.')).toEqual(['Hij vroeg: ‘Waarom?’', 'Daarna ging hij weg.']);
    expect(texts('Zij zei: “Dat klopt.” Het college reageert.')).toEqual(['Zij zei: “Dat klopt.”', 'Het college reageert.']);
    expect(texts('He said "Yes." Then he left.')).toEqual(['He said "Yes."', 'Then he left.']);
    expect(texts('(Zie bijlage 2.) Daarna volgt de toets.')).toEqual(['(Zie bijlage 2.)', 'Daarna volgt de toets.']);
    expect(texts('**Dit is zo.** Daarna niet.')).toEqual(['**Dit is zo.**', 'Daarna niet.']);
  });

  it('splits before a digit, an opening quote, a bracket, a bullet, a currency sign', () => {
    expect(texts('Het eerste punt. 2 punten volgen.')).toEqual(['Het eerste punt.', '2 punten volgen.']);
    expect(texts('Dat was zo. ‘Samen Sterk’ volgde.')).toEqual(['Dat was zo.', '‘Samen Sterk’ volgde.']);
    expect(texts('Dat was zo. (Daarna volgde meer.)')).toEqual(['Dat was zo.', '(Daarna volgde meer.)']);
    expect(texts('Dat was zo. • Volgend punt')).toEqual(['Dat was zo.', '• Volgend punt']);
    expect(texts('Dat kost veel. € 450 miljoen is bezuinigd.')).toEqual(['Dat kost veel.', '€ 450 miljoen is bezuinigd.']);
    expect(texts('Dat was zo. ’s Avonds niet.')).toEqual(['Dat was zo.', '’s Avonds niet.']);
  });

  it('does not split before a lower-case word', () => {
    expect(texts('De inkoop loopt. en dan verder')).toEqual(['De inkoop loopt. en dan verder']);
    expect(texts('the U.S. economy grew. and then')).toEqual(['the U.S. economy grew. and then']);
  });

  it('does not split at a dot glued to the next character', () => {
    expect(texts('Zie rapport.pdf voor meer.')).toEqual(['Zie rapport.pdf voor meer.']);
    expect(texts('Zie hoofdstuk.Daarna')).toEqual(['Zie hoofdstuk.Daarna']);
  });

  it('does not split at a colon', () => {
    expect(texts('Hoofdstuk 5: Lokaal beleid en regionale opdracht')).toEqual(['Hoofdstuk 5: Lokaal beleid en regionale opdracht']);
    expect(texts('De hoofdvraag was: In hoeverre sluit de inkoop aan?')).toEqual(['De hoofdvraag was: In hoeverre sluit de inkoop aan?']);
  });

  it('returns [] for empty and whitespace-only text', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences('   \n\t \r\n  ')).toEqual([]);
    expect(splitSentences('\u00a0\u2003\n')).toEqual([]);
  });

  it('trims whitespace and keeps text without a final terminator', () => {
    const s = '  \n Geen punt aan het eind  \n';
    expect(splitSentences(s)).toEqual([{ start: 4, end: 26 }]);
    expect(texts(s)).toEqual(['Geen punt aan het eind']);
  });
});

describe('splitSentences: abbreviations', () => {
  it('does not split after Dutch abbreviations', () => {
    expect(texts('Dit geldt o.a. de gemeente Groningen.')).toEqual(['Dit geldt o.a. de gemeente Groningen.']);
    expect(texts('Gesproken met o.a. De Vries en Jansen.')).toEqual(['Gesproken met o.a. De Vries en Jansen.']);
    expect(texts('Kinderen van 0 t/m 17 jaar. Zij krijgen hulp.')).toEqual(['Kinderen van 0 t/m 17 jaar.', 'Zij krijgen hulp.']);
    expect(texts('Denk aan bijv. Veendam en Pekela.')).toEqual(['Denk aan bijv. Veendam en Pekela.']);
    expect(texts('Afspraken m.b.t. Jeugdhulp Plus en d.w.z. Verblijf.')).toEqual(['Afspraken m.b.t. Jeugdhulp Plus en d.w.z. Verblijf.']);
    expect(texts('Uitgesteld i.v.m. Corona. Daarna hervat.')).toEqual(['Uitgesteld i.v.m. Corona.', 'Daarna hervat.']);
    expect(texts('Namens de Rekenkamer, dr. Simone Steenbeek.')).toEqual(['Namens de Rekenkamer, dr. Simone Steenbeek.']);
    expect(texts('Gesprek met dhr. Warmelink d.d. 8 juni. Hij bevestigde.')).toEqual([
      'Gesprek met dhr. Warmelink d.d. 8 juni.',
      'Hij bevestigde.',
    ]);
    expect(texts('Zie blz. 4 en art. 5 van de wet.')).toEqual(['Zie blz. 4 en art. 5 van de wet.']);
  });

  it('does not split after English abbreviations', () => {
    expect(texts('Several offices, e.g. The Hague, took part.')).toEqual(['Several offices, e.g. The Hague, took part.']);
    expect(texts('One office, i.e. The Hague, took part.')).toEqual(['One office, i.e. The Hague, took part.']);
    expect(texts('We met Mr. Smith and Dr. Jones in St. Louis.')).toEqual(['We met Mr. Smith and Dr. Jones in St. Louis.']);
    expect(texts('As Smith et al. (2019) show, costs rose.')).toEqual(['As Smith et al. (2019) show, costs rose.']);
    expect(texts('Costs rose vs. The previous year.')).toEqual(['Costs rose vs. The previous year.']);
  });

  it('matches abbreviations case-insensitively', () => {
    expect(texts('Dit geldt O.A. De gemeente.')).toEqual(['Dit geldt O.A. De gemeente.']);
    expect(texts('Bijv. De gemeente.')).toEqual(['Bijv. De gemeente.']);
    expect(texts('Zie Blz. 4.')).toEqual(['Zie Blz. 4.']);
  });

  it('lets a few abbreviations end a sentence (enz., etc., e.d., jl., mln., Inc.)', () => {
    expect(texts('Denk aan wonen, werk enz. De volgende stap is de inkoop.')).toEqual([
      'Denk aan wonen, werk enz.',
      'De volgende stap is de inkoop.',
    ]);
    expect(texts('Ook voor de wijkagent, onderwijzend personeel etc. Vertrouwde gezichten zijn de sleutel.')).toEqual([
      'Ook voor de wijkagent, onderwijzend personeel etc.',
      'Vertrouwde gezichten zijn de sleutel.',
    ]);
    expect(texts('Dit gold voor scholen e.d. Daarna kwam de zorg.')).toEqual(['Dit gold voor scholen e.d.', 'Daarna kwam de zorg.']);
    expect(texts('Het tekort is € 4 mln. Daarom wordt bezuinigd.')).toEqual(['Het tekort is € 4 mln.', 'Daarom wordt bezuinigd.']);
    expect(texts('Het gesprek was op 7 september jl. Daarna volgde het verslag.')).toEqual([
      'Het gesprek was op 7 september jl.',
      'Daarna volgde het verslag.',
    ]);
    expect(texts('Op 25 september jl. is gebleken dat het kan.')).toEqual(['Op 25 september jl. is gebleken dat het kan.']);
    expect(texts('The work went to Acme Inc. The council agreed.')).toEqual(['The work went to Acme Inc.', 'The council agreed.']);
  });

  it('treats abbreviations that are also words as abbreviations only before a digit', () => {
    expect(texts('See No. 5 for details.')).toEqual(['See No. 5 for details.']);
    expect(texts('The answer was no. We left.')).toEqual(['The answer was no.', 'We left.']);
    expect(texts('This is art. Then we left.')).toEqual(['This is art.', 'Then we left.']);
    expect(texts('Het zit vol. Daarna niet meer.')).toEqual(['Het zit vol.', 'Daarna niet meer.']);
    expect(texts('Het duurt 5 min. Daarna stopt het.')).toEqual(['Het duurt 5 min.', 'Daarna stopt het.']);
    expect(texts('Er zijn min. 5 deelnemers.')).toEqual(['Er zijn min. 5 deelnemers.']);
  });

  it('selects the abbreviation list with lang', () => {
    const s = 'We spoke with Mrs. Jansen about it.';
    expect(texts(s, 'en')).toEqual([s]);
    expect(texts(s)).toEqual([s]);
    expect(texts(s, 'nl')).toEqual(['We spoke with Mrs.', 'Jansen about it.']);
    const d = 'Denk aan bijv. Veendam.';
    expect(texts(d, 'nl')).toEqual([d]);
    expect(texts(d, 'en')).toEqual(['Denk aan bijv.', 'Veendam.']);
  });

  it('ignores abbreviation look-alikes after a hyphenated line break', () => {
    expect(texts('kunnen krij-\ngen. Dat heeft gevolgen.')).toEqual(['kunnen krij-\ngen.', 'Dat heeft gevolgen.']);
    expect(texts('verschillende levensfa-\nsen. Deze jongeren.')).toEqual(['verschillende levensfa-\nsen.', 'Deze jongeren.']);
  });

  it('blocks a boundary after every listed abbreviation (data check)', () => {
    const mayEnd = new Set([
      'enz.', 'etc.', 'e.d.', 'e.a.', 'e.v.', 'e.o.', 'o.i.d.', 'c.s.', 'jl.', 'a.s.', 'jr.', 'sr.', 'mln.', 'mld.',
      'mrd.', 'ibid.', 'b.v.', 'n.v.', 'inc.', 'ltd.', 'corp.', 'co.', 'bros.', 'a.m.', 'p.m.',
    ]);
    const beforeDigitOnly = new Set(['no.', 'nos.', 'art.', 'vol.', 'min.', 'max.', 'jan.', 'sec.', 'tel.']);
    const lists = abbreviations as { nl: string[]; en: string[] };
    expect(lists.nl.length).toBeGreaterThan(100);
    expect(lists.en.length).toBeGreaterThan(80);
    for (const lang of ['nl', 'en'] as const) {
      for (const entry of lists[lang]) {
        expect(entry, 'entries are lower-case').toBe(entry.toLowerCase());
        expect(entry.trim(), 'entries are trimmed').toBe(entry);
        if (mayEnd.has(entry)) continue;
        const next = beforeDigitOnly.has(entry) ? '5' : 'Jansen';
        const s = `Zie ${entry} ${next} hier.`;
        expect(texts(s, lang), `${lang}: ${entry}`).toEqual([s]);
        const upper = `Zie ${entry.toUpperCase()} ${next} hier.`;
        expect(texts(upper, lang), `${lang}: ${entry.toUpperCase()}`).toEqual([upper]);
      }
    }
  });
});

describe('splitSentences: initials', () => {
  it('does not split after initials', () => {
    expect(texts('Het rapport van J. de Vries is klaar.')).toEqual(['Het rapport van J. de Vries is klaar.']);
    expect(texts('Het rapport van A. Jansen is klaar. Het volgt.')).toEqual(['Het rapport van A. Jansen is klaar.', 'Het volgt.']);
    expect(texts('Steller H.J. de Boer. Datum volgt.')).toEqual(['Steller H.J. de Boer.', 'Datum volgt.']);
    expect(texts('Written by J.R.R. Tolkien.')).toEqual(['Written by J.R.R. Tolkien.']);
  });

  it('treats a single lower-case letter as a word, except as an enumeration', () => {
    expect(texts('Graag vernemen wij dit van u. Met vriendelijke groet')).toEqual([
      'Graag vernemen wij dit van u.',
      'Met vriendelijke groet',
    ]);
    expect(texts('a. De gesprekken met de wethouders.')).toEqual(['a. De gesprekken met de wethouders.']);
  });
});

describe('splitSentences: numbers and enumerations', () => {
  it('keeps an enumeration number at the start of the range', () => {
    expect(texts('1. In welke mate heeft de gemeente inzicht in de lokale vraag?')).toEqual([
      '1. In welke mate heeft de gemeente inzicht in de lokale vraag?',
    ]);
    expect(texts('1.1. Aanleiding van het onderzoek.')).toEqual(['1.1. Aanleiding van het onderzoek.']);
    expect(texts('IV. Conclusies en aanbevelingen')).toEqual(['IV. Conclusies en aanbevelingen']);
    expect(texts('A. De vraag, het doel en de behoeften')).toEqual(['A. De vraag, het doel en de behoeften']);
  });

  it('keeps an enumeration number at the start of a sentence', () => {
    expect(texts('De planning volgt. 2. Documentanalyse van het beleid.')).toEqual([
      'De planning volgt.',
      '2. Documentanalyse van het beleid.',
    ]);
  });

  it('does not split a numbered heading', () => {
    expect(texts('8.1 Conclusies')).toEqual(['8.1 Conclusies']);
    expect(texts('Zie paragraaf 8.1 Conclusies.')).toEqual(['Zie paragraaf 8.1 Conclusies.']);
  });

  it('does not split inside amounts, decimals and dates', () => {
    expect(texts('De kosten bedragen € 4.726.000 per jaar.')).toEqual(['De kosten bedragen € 4.726.000 per jaar.']);
    expect(texts('Totale kosten jeugdhulp 2019: 72,5 m euro')).toEqual(['Totale kosten jeugdhulp 2019: 72,5 m euro']);
    expect(texts('De groei is 3.5 procent. Zie tabel 1.1 Fasen.')).toEqual(['De groei is 3.5 procent.', 'Zie tabel 1.1 Fasen.']);
    expect(texts('Per 1.1.2024 Geldt de nieuwe regeling.')).toEqual(['Per 1.1.2024 Geldt de nieuwe regeling.']);
    expect(texts('Aantal jeugdigen op 1-1-2020 34.400')).toEqual(['Aantal jeugdigen op 1-1-2020 34.400']);
  });

  it('splits after a number that ends a sentence', () => {
    expect(texts('De kosten bedragen € 4.726.000. Dat is veel.')).toEqual(['De kosten bedragen € 4.726.000.', 'Dat is veel.']);
    expect(texts('Het aantal was 3. Daarna daalde het.')).toEqual(['Het aantal was 3.', 'Daarna daalde het.']);
    expect(texts('De Jeugdwet geldt sinds 2015. Daarna volgde de transformatie.')).toEqual([
      'De Jeugdwet geldt sinds 2015.',
      'Daarna volgde de transformatie.',
    ]);
  });
});

describe('splitSentences: URLs, e-mail addresses and file names', () => {
  it('never splits inside a URL', () => {
    expect(texts('Bron: https://www.rigg.nl/ en verder.')).toEqual(['Bron: https://www.rigg.nl/ en verder.']);
    expect(texts('Zie https://vng.nl/artikelen/hervormingsagenda-jeugd#info voor meer.')).toEqual([
      'Zie https://vng.nl/artikelen/hervormingsagenda-jeugd#info voor meer.',
    ]);
    expect(texts('Zie https://x.nl/versie.1 Foo en meer.')).toEqual(['Zie https://x.nl/versie.1 Foo en meer.']);
  });

  it('ends a sentence after a URL followed by ". Next"', () => {
    expect(texts('De site www.waarstaatjegemeente.nl. Deze gegevens zijn opgenomen.')).toEqual([
      'De site www.waarstaatjegemeente.nl.',
      'Deze gegevens zijn opgenomen.',
    ]);
    expect(texts('Zie https://www.rigg.nl/. Daarna volgt meer.')).toEqual(['Zie https://www.rigg.nl/.', 'Daarna volgt meer.']);
  });

  it('handles e-mail addresses and file names', () => {
    expect(texts('Mail info@x.nl voor vragen.')).toEqual(['Mail info@x.nl voor vragen.']);
    expect(texts('Mail naar info@rekenkamer.nl. Wij reageren snel.')).toEqual(['Mail naar info@rekenkamer.nl.', 'Wij reageren snel.']);
    expect(texts('Het bestand rapport.pdf bevat de bijlage.')).toEqual(['Het bestand rapport.pdf bevat de bijlage.']);
  });
});

describe('splitSentences: footnote markers', () => {
  it('splits after a footnote number glued to the full stop', () => {
    expect(texts('onderzoek laten doen naar de consequenties van deze wijziging.1 Voor iedere gemeente.')).toEqual([
      'onderzoek laten doen naar de consequenties van deze wijziging.1',
      'Voor iedere gemeente.',
    ]);
    expect(texts('Dat is opvallend.12 De keuze volgt.')).toEqual(['Dat is opvallend.12', 'De keuze volgt.']);
    expect(texts('minder regeldruk bij hun werk.4\nIn zijn algemeenheid.')).toEqual(['minder regeldruk bij hun werk.4', 'In zijn algemeenheid.']);
    expect(texts('gemaakt voor de doelen’.13 Met het model.')).toEqual(['gemaakt voor de doelen’.13', 'Met het model.']);
    expect(texts('Wat nu?3 Dat is de vraag.')).toEqual(['Wat nu?3', 'Dat is de vraag.']);
  });

  it('is not confused by numbers and lower-case continuations', () => {
    expect(texts('Het is 3.5 Het is niet.')).toEqual(['Het is 3.5 Het is niet.']);
    expect(texts('versie.1 van het plan')).toEqual(['versie.1 van het plan']);
    expect(texts('Het jaar.2015 Daarna')).toEqual(['Het jaar.2015 Daarna']);
  });
});

describe('splitSentences: Markdown inline markup', () => {
  it('never splits inside a pandoc citation', () => {
    expect(texts('Dit blijkt uit interviews [@rigg2022, p. 4; @socianova]. Daarna volgt meer.')).toEqual([
      'Dit blijkt uit interviews [@rigg2022, p. 4; @socianova].',
      'Daarna volgt meer.',
    ]);
    expect(texts('Zo staat het er [zie ook. Hoofdstuk 3; @key]. Klaar.')).toEqual([
      'Zo staat het er [zie ook. Hoofdstuk 3; @key].',
      'Klaar.',
    ]);
  });

  it('never splits inside link text or a link destination', () => {
    expect(texts('Lees [het rapport. Deel 1](https://x.nl/a. B) en verder. Klaar.')).toEqual([
      'Lees [het rapport. Deel 1](https://x.nl/a. B) en verder.',
      'Klaar.',
    ]);
    expect(texts('Zie [link](https://x.nl/(a. B)) hier. Klaar.')).toEqual(['Zie [link](https://x.nl/(a. B)) hier.', 'Klaar.']);
  });

  it('never splits inside inline code', () => {
    expect(texts('Gebruik `zo. Niet` als code. Daarna niet.')).toEqual(['Gebruik `zo. Niet` als code.', 'Daarna niet.']);
    expect(texts('Gebruik ``a ` b. C`` hier. Klaar.')).toEqual(['Gebruik ``a ` b. C`` hier.', 'Klaar.']);
  });

  it('keeps a sentence-final bracket or footnote reference with its sentence', () => {
    expect(texts('[Dit is een zin.] Daarna de volgende.')).toEqual(['[Dit is een zin.]', 'Daarna de volgende.']);
    expect(texts('Dit is zo.[^1] Daarna niet.')).toEqual(['Dit is zo.[^1]', 'Daarna niet.']);
  });

  it('does not let an unclosed bracket or backtick swallow the text', () => {
    expect(texts('Een [onafgesloten haak. Tweede zin. Derde zin.')).toEqual([
      'Een [onafgesloten haak.',
      'Tweede zin.',
      'Derde zin.',
    ]);
    expect(texts('Een `onafgesloten code. Tweede zin.')).toEqual(['Een `onafgesloten code.', 'Tweede zin.']);
    const long = 'Een [haak. ' + 'Dit is een zin. '.repeat(60) + 'Slot.] Einde.';
    const got = texts(long);
    expect(got.length).toBeGreaterThan(60);
    expect(got[0]).toBe('Een [haak.');
  });

  it('ends a protected region at a blank line', () => {
    expect(texts('Een [open haak.\n\nNieuwe alinea. Tweede] zin.')).toEqual([
      'Een [open haak.',
      'Nieuwe alinea.',
      'Tweede] zin.',
    ]);
  });

  it('treats escaped brackets as text', () => {
    expect(texts('Een \\[ haak. Tweede zin.')).toEqual(['Een \\[ haak.', 'Tweede zin.']);
  });

  it('caps the nesting depth and stays sane on deep nesting', () => {
    const s = '['.repeat(100) + 'a. B' + ']'.repeat(100) + ' Einde. Slot.';
    expectValid(s, splitSentences(s));
    expect(texts(s).at(-1)).toBe('Slot.');
  });
});

describe('splitSentences: line breaks, paragraphs and bullets', () => {
  it('does not end a sentence at a single line break', () => {
    expect(texts('De Rekenkamers besloten in het voorjaar\nvan 2022 een onderzoek te doen.')).toEqual([
      'De Rekenkamers besloten in het voorjaar\nvan 2022 een onderzoek te doen.',
    ]);
    expect(texts('Dit is\nEen Zin')).toEqual(['Dit is\nEen Zin']);
  });

  it('keeps hyphenated line breaks inside the sentence', () => {
    expect(texts('de uitvoe-\nring en de resultaten. Een belangrijke reden.')).toEqual([
      'de uitvoe-\nring en de resultaten.',
      'Een belangrijke reden.',
    ]);
  });

  it('ends a sentence at a blank line', () => {
    expect(texts('Onderzoeksopdracht\n\nDe Rekenkamers besloten.')).toEqual(['Onderzoeksopdracht', 'De Rekenkamers besloten.']);
    expect(texts('Geachte leden van de raad, \n \t\nHierbij biedt de Rekenkamer u het rapport aan.')).toEqual([
      'Geachte leden van de raad,',
      'Hierbij biedt de Rekenkamer u het rapport aan.',
    ]);
    expect(texts('Een zin.\n\nen een kleine letter')).toEqual(['Een zin.', 'en een kleine letter']);
  });

  it('continues a double-spaced PDF sentence across a blank line', () => {
    expect(texts('het initiatiefvoorstel van de SP met be-\n\ntrekking tot de inkoop.')).toEqual([
      'het initiatiefvoorstel van de SP met be-\n\ntrekking tot de inkoop.',
    ]);
    expect(texts('Wij zorgen ervoor dat dit voor de \n\nStichting WIJ uitvoerbaar blijft.')).toEqual([
      'Wij zorgen ervoor dat dit voor de \n\nStichting WIJ uitvoerbaar blijft.',
    ]);
    expect(texts('daarmee ook de wettelijke \n\n(rand)voorwaarden gelden.')).toEqual([
      'daarmee ook de wettelijke \n\n(rand)voorwaarden gelden.',
    ]);
    expect(texts('Proces \n\nWij hebben de inkoop besproken.')).toEqual(['Proces', 'Wij hebben de inkoop besproken.']);
  });

  it('treats CRLF and CR like LF', () => {
    expect(texts('Een.\r\nTwee.')).toEqual(['Een.', 'Twee.']);
    expect(texts('Kop\r\n\r\nTekst volgt.')).toEqual(['Kop', 'Tekst volgt.']);
    expect(texts('Kop\r\rTekst volgt.')).toEqual(['Kop', 'Tekst volgt.']);
    expect(texts('regel\r\nloopt door\rnaar hier')).toEqual(['regel\r\nloopt door\rnaar hier']);
    expect(texts('Doelen:\r\n• Eerste\r\n• Tweede')).toEqual(['Doelen:', '• Eerste', '• Tweede']);
  });

  it('starts a new sentence at a bullet line', () => {
    expect(texts('Gemeenten willen:\n- regionaal blijven samenwerken\n- meer lokale regie')).toEqual([
      'Gemeenten willen:',
      '- regionaal blijven samenwerken',
      '- meer lokale regie',
    ]);
    for (const bullet of ['•', '−', '–', '-', 'o', '▪', '*', '◦']) {
      expect(texts(`Dit zijn de punten:\n  ${bullet} een\n${bullet} twee`), bullet).toEqual([
        'Dit zijn de punten:',
        `${bullet} een`,
        `${bullet} twee`,
      ]);
    }
  });

  it('does not treat a hyphen or o inside a word as a bullet', () => {
    expect(texts('op wijk-\nen buurtniveau')).toEqual(['op wijk-\nen buurtniveau']);
    expect(texts('Dit is\no.a. de gemeente')).toEqual(['Dit is\no.a. de gemeente']);
    expect(texts('Dit is\n-5 graden')).toEqual(['Dit is\n-5 graden']);
  });

  it('starts a new sentence at a numbered list item', () => {
    expect(texts('Toelichting van de fasen:\n1. Startoverleg met de Rekenkamer. Daarna plannen.\n2. Documentanalyse.')).toEqual([
      'Toelichting van de fasen:',
      '1. Startoverleg met de Rekenkamer.',
      'Daarna plannen.',
      '2. Documentanalyse.',
    ]);
    expect(texts('De stappen zijn\na) Eerst dit\nb) Dan dat')).toEqual(['De stappen zijn', 'a) Eerst dit', 'b) Dan dat']);
    expect(texts('Met de invoering in\n2015. Daarna volgde meer.')).toEqual(['Met de invoering in\n2015.', 'Daarna volgde meer.']);
  });
});

describe('splitSentences: surrogate pairs', () => {
  it('never cuts a surrogate pair', () => {
    const s = '😀 Zin één. 😀 Zin twee! 🎉 Klaar 👍';
    expect(texts(s)).toEqual(['😀 Zin één.', '😀 Zin twee!', '🎉 Klaar 👍']);
    expectValid(s, splitSentences(s));
    const t = 'Doel bereikt 𝐀. 𝐁 volgt.';
    expectValid(t, splitSentences(t));
  });
});

describe('splitSentences: start and end', () => {
  const text = 'Eerste zin. Tweede zin. Derde zin.';

  it('returns offsets relative to the whole text', () => {
    const start = text.indexOf('Tweede');
    const spans = splitSentences(text, start);
    expect(spans).toEqual([
      { start, end: start + 'Tweede zin.'.length },
      { start: text.indexOf('Derde'), end: text.length },
    ]);
  });

  it('splits only the range and stays inside it', () => {
    const start = text.indexOf('zin. Tweede');
    const end = text.indexOf(' zin.', text.indexOf('Tweede'));
    const spans = splitSentences(text, start, end);
    expect(spans.map((x) => text.slice(x.start, x.end))).toEqual(['zin.', 'Tweede']);
    expectValid(text, spans, start, end);
  });

  it('applies the enumeration rule at the start of the range', () => {
    const s = 'Inleiding. 1. In welke mate heeft de gemeente inzicht?';
    const start = s.indexOf('1.');
    expect(splitSentences(s, start).map((x) => s.slice(x.start, x.end))).toEqual([
      '1. In welke mate heeft de gemeente inzicht?',
    ]);
  });

  it('handles empty, inverted and out-of-range ranges', () => {
    expect(splitSentences(text, 5, 5)).toEqual([]);
    expect(splitSentences(text, 10, 3)).toEqual([]);
    expect(splitSentences(text, 11, 12)).toEqual([]);
    expect(splitSentences(text, -5, 1000)).toEqual(splitSentences(text));
    expect(splitSentences(text, undefined, 11)).toEqual([{ start: 0, end: 11 }]);
  });
});

describe('splitSentences: invariants on the seed documents', () => {
  const files = seedFiles();

  it('finds the five seeds', () => {
    expect(files.length).toBe(5);
  });

  for (const file of files) {
    it(`${file}: whole text and sub-ranges`, () => {
      const text = seed(file);
      for (const lang of [undefined, 'nl', 'en'] as const) {
        const spans = splitSentences(text, undefined, undefined, lang);
        expectValid(text, spans);
        expect(spans.length).toBeGreaterThan(10);
      }
      let r = 12345;
      const rnd = (n: number): number => {
        r = (r * 1103515245 + 12345) % 2147483648;
        return r % n;
      };
      for (let n = 0; n < 40; n++) {
        let a = rnd(text.length);
        let b = Math.min(text.length, a + rnd(3000));
        if (isLow(text.charCodeAt(a))) a++;
        if (isLow(text.charCodeAt(b))) b++;
        if (a > b) b = a;
        expectValid(text, splitSentences(text, a, b), a, b);
      }
      // Splitting a sentence's own range gives back that sentence.
      for (const sp of splitSentences(text).slice(0, 200)) {
        const again = splitSentences(text, sp.start, sp.end);
        expect(again.length).toBeGreaterThanOrEqual(1);
        expect(again[0].start).toBe(sp.start);
        expect(again.at(-1)!.end).toBe(sp.end);
      }
    });
  }
});

describe('splitSentences: real passages from the seeds', () => {
  it('footnote marker in the cover letter (001)', () => {
    expect(passage('001_237bc29c2e6f7c57.txt', 'Op initiatief van de Rekenkamer Groningen hebben', 'tot nadelen voor de kleinere.')).toEqual([
      'Op initiatief van de Rekenkamer Groningen hebben de Groninger gemeentelijke rekenkamers en de raden van Pekela en Westerwolde onderzoek laten doen naar de consequenties van deze wijziging.1',
      'Voor iedere gemeente afzonderlijk is een rapport opgesteld met een gelijkluidend algemeen deel en bevindingen per gemeente afzonderlijk.',
      'De centrale boodschap van de rapporten is dat het nieuwe model er zeker voor kan zorgen dat de vraag naar en het aanbod van jeugdhulp beter op elkaar zullen aansluiten, maar dat het risico bestaat dat de voordelen voor grotere gemeenten zullen leiden tot nadelen voor de kleinere.',
    ]);
  });

  it('jl. and quoted titles in the bestuurlijke reactie (001)', () => {
    expect(passage('001_237bc29c2e6f7c57.txt', 'De Groninger gemeentelijke rekenkamer(s)', 'onderzoeksrapport. ')).toEqual([
      'De Groninger gemeentelijke rekenkamer(s)/rekenkamercommissies en de raden van Pekela en Westerwolde hebben bureau Socianova opdracht gegeven onderzoek te doen naar de (kwaliteit van) de inkoop van jeugdzorg door de Regionale Inkooporganisatie Groninger Gemeenten (RIGG).',
      'Op 3 juli jl. hebben wij het definitieve onderzoeksrapport ‘Rekenkameronderzoek Inkoop jeugdhulp in Groningen’ van u mogen ontvangen.',
      'Met belangstelling hebben wij kennisgenomen van dit rapport.',
      'In navolging van het bestuurlijk wederhoor dat op 7 september jl. heeft plaatsgevonden ontvangt u hierbij onze schriftelijke reactie op dit onderzoeksrapport.',
    ]);
  });

  it('footnotes and dash bullets (001)', () => {
    expect(passage('001_237bc29c2e6f7c57.txt', 'Doel van deze decentralisatie was', 'werk.4')).toEqual([
      'Doel van deze decentralisatie was het vereenvoudigen van het jeugdstelsel en om het efficiënter en effectiever te maken.3',
      'Meer inhoudelijk worden in de Jeugdwet doelen genoemd als:',
      '- Gebruik maken van de eigen kracht van jongeren, ouders en hun sociale netwerk.',
      '- Minder snel medicijnen voorschrijven en de zorgvraag terugbrengen (de-medicalisering en normalisering).',
      '- Eerder (jeugd)hulp bieden op maat voor kwetsbare kinderen.',
      '- Samenhangende hulp voor gezinnen bieden: 1 gezin krijgt 1 plan met 1 regisseur.',
      '- Meer ruimte voor jeugdprofessionals en minder regeldruk bij hun werk.4',
    ]);
  });

  it('abbreviations and initials (001)', () => {
    expect(passage('001_237bc29c2e6f7c57.txt', 'Uit de offerteaanvraag', 'individuele gemeenten.')).toEqual([
      'Uit de offerteaanvraag en het telefonisch gesprek met dhr. Warmelink d.d. 8 juni jl. maken we op dat het onderzoek een beoordeling betreft van de mate waarin het ingekochte aanbod van jeugdhulp aansluit bij de vraag (behoeften) van de individuele gemeenten.',
    ]);
  });

  it('numbered question and bullets in the cover letter (000)', () => {
    expect(passage('000_ed3a3b7c194d3e0b.txt', '1. In welke mate heeft de gemeente inzicht', 'is eenmalig uitgevoerd.')).toEqual([
      '1. In welke mate heeft de gemeente inzicht in de lokale vraag naar Jeugdhulp?',
      'De gemeente Westerkwartier heeft een beperkt zicht op de vraag naar Jeugdhulp.',
      'De onderliggende vraag van jeugdigen en gezinnen wordt niet systematisch en gestructureerd in beeld gebracht.',
      '• De gemeente heeft zicht op het ingezette aanbod Jeugdhulp.',
      'De basis hiervoor is de informatie die de gemeente vanuit de RIGG middels de power BI ontvangt.',
      '• De gemeente bevraagt maatschappelijke partners en de eigen consulenten om te weten welke problemen en vragen er spelen in Westerkwartier.',
      'Uitwisseling vindt vaak mondeling plaats en de informatie wordt niet geborgd.',
      '• De gemeente heeft een Quick Scan Jeugd uitgevoerd.',
      'Doel hiervan was het verkrijgen van inzicht in hoe het gaat met de jeugd in Westerkwartier.',
      'De Quick Scan is eenmalig uitgevoerd.',
    ]);
  });

  it('etc. ending a sentence in a double-spaced letter (002)', () => {
    expect(passage('002_29fe2717fce04d58.txt', '8. Vertrouwen in de medewerker', 'invloedssfeer ligt.')).toEqual([
      '8. Vertrouwen in de medewerker is pijler voor effectiviteit en kwaliteit van ondersteuning en hulpverlening.',
      'Kennis van de lokale situatie is onmisbaar.',
      'Kennis en vertrouwen opbouwen kost tijd.',
      'Daarom gaan we snelle wisseling van medewerkers fors tegen.',
      'Dat geldt trouwens ook voor de wijkagent, onderwijzend personeel etc.',
      'Vertrouwde ge- zichten zijn de sleutel voor succes.',
      'Dit kunnen wij vanuit onze optiek en positie alleen maar onderschrijven en wij sturen daar dan ook op.',
      'Daarbij moeten we ook erkennen dat niet alles wat hierboven wordt genoemd binnen onze invloedssfeer ligt.',
    ]);
  });

  it('a sentence across blank lines in a double-spaced letter (002)', () => {
    expect(passage('002_29fe2717fce04d58.txt', 'Kwaliteit is \n\ndaarbij', 'mee-\n\nwegen.')).toEqual([
      'Kwaliteit is daarbij uiteraard een belangrijk criterium.',
      'Wij zorgen ervoor dat dit voor de Stichting WIJ uitvoerbaar blijft.',
      'We laten daarbij ook de cliëntervaring mee- wegen.',
    ]);
  });

  it('slide bullets with t/m and amounts (003)', () => {
    expect(passage('003_d773466a1afbc648.txt', 'Kengetallen', 'onvoldoende: 12,8 m euro')).toEqual([
      'Kengetallen',
      '• Aantal jeugdigen 0 t/m 17 jaar op 1-1-2020 34.400',
      '• Aantal jeugdigen met jeugdhulp 2019: 5.500',
      '• Volumegroei 2016-2019: + 20%',
      '• Ontwikkeling kosten 2016-2019: + 37%',
      '• Totale kosten jeugdhulp 2019: 72,5 m euro',
      '• Rijksbudget jeugdhulp 2019: 59,7 m euro',
      '• Middelen vanuit het Rijk blijven onvoldoende: 12,8 m euro',
    ]);
  });

  it('URL at the end of a sentence and hyphenation (004)', () => {
    expect(passage('004_b2f518212f0b3cce.txt', '2. Documentanalyse.', 'hoofdstuk 2 en 3.')).toEqual([
      '2. Documentanalyse.',
      'De documentanalyse had tot doel een helder beeld te schetsen van het jeugd- zorgbeleid van de drie gemeenten, de uitvoering daarvan, de resultaten en de wijze waarop daar- over gerapporteerd wordt aan de gemeenteraden.',
      'Ook hebben we een benchmark uitgevoerd ge- bruikmakend van de site www.waarstaatjegemeente.nl.',
      'Deze gegevens zijn opgenomen in bijlage 1.',
      'In de documentanalyse hebben we tevens de begrotingen en de jaarrekeningen meegenomen om daarmee de financiële kaders te kunnen schetsen.',
      'In hoofdstuk 2, bij de beschrijving van het beleid, hebben we de begrotingen opgenomen, in hoofdstuk 3 de jaarrekeningen waarin de uitgaven ver- meld staan.',
      'In dat hoofdstuk hebben we de begrotingen en de jaarrekeningen met elkaar vergele- ken.',
      'In de ambtelijke reactie is aangegeven dat het opnemen van de begrotingen in deze rapportage een verkeerde indruk zou wekken en tot verkeerde conclusies leidt.',
      'In overleg tussen de Rekenka- mer en Regioplan hebben we besloten de begrotingen toch op te nemen in hoofdstuk 2 en 3.',
    ]);
  });

  it('a word fragment that looks like an abbreviation (004)', () => {
    expect(passage('004_b2f518212f0b3cce.txt', 'Hiermee is er meer aandacht voor kwetsbare', 'teruggedrongen.')).toEqual([
      'Hiermee is er meer aandacht voor kwetsbare jeugdi- gen.',
      'Tegelijkertijd is de inzet op geïndiceerde jeugdhulp teruggedrongen.',
    ]);
  });
});

describe('splitSentences: large and adversarial input', () => {
  // 12 sentences covering most rules; the block ends with a paragraph break.
  const block = [
    'De gemeente heeft o.a. De Vries gesproken over de inkoop t/m 2024.',
    'De kosten bedragen € 4.726.000 en 72,5 m euro volgens https://www.rigg.nl/.',
    'Hij vroeg: ‘Waarom?’',
    'Dat blijkt uit onderzoek [@rigg2022, p. 4; @socianova].',
    'Het rapport van J. de Vries is klaar.',
    'Dit geldt voor wonen, werk enz.',
    'Zie ook de wijziging.1',
    'Voor iedere gemeente is een rapport gemaakt 😀 met de uitvoe-\nring van het beleid.',
    'Gebruik `a. B` als code.',
    'Doelen:',
    '• Eerste doel',
    '• Tweede doel',
  ];
  const unit = block.slice(0, 9).join(' ') + ' ' + block.slice(9).join('\n') + '\n\n';

  it('splits the generated block as expected', () => {
    expect(texts(unit)).toEqual(block);
  });

  it('splits a 2 MB generated input', () => {
    const reps = Math.ceil(2_000_000 / unit.length);
    const big = unit.repeat(reps);
    expect(big.length).toBeGreaterThanOrEqual(2_000_000);
    const spans = splitSentences(big);
    expect(spans.length).toBe(block.length * reps);
    expect(violation(big, spans)).toBeNull();
  });

  it('stays linear and valid on pathological input', () => {
    const inputs = [
      '['.repeat(300_000),
      '[a. B '.repeat(50_000),
      '`a. B '.repeat(50_000),
      '[x]('.repeat(60_000),
      '. '.repeat(150_000),
      'a.'.repeat(150_000) + ' B',
      'A. '.repeat(100_000),
      '\n'.repeat(300_000),
      'a\n \n'.repeat(75_000),
      'Zo.' + ' '.repeat(300_000) + 'B',
      'x\n• a. B\n'.repeat(40_000),
      'woord.1 Voor '.repeat(25_000),
    ];
    for (const s of inputs) expect(violation(s, splitSentences(s))).toBeNull();
    expect(splitSentences('[a. B '.repeat(50_000)).length).toBeGreaterThan(40_000);
  });
});
