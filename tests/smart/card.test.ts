/**
 * smartCard per letter, in Dutch and English: what counts, what does not,
 * and that the evidence spans point at the words they quote.
 */
import { describe, it, expect } from 'vitest';
import { smartCard, renderSmartCardMarkdown, insertionPoint, LETTERS, type SmartCard } from '../../server/src/core/smart/analyze';

const goal = (t: string): SmartCard => smartCard(t, 'nl', 'goal');
const rec = (t: string): SmartCard => smartCard(t, 'nl', 'recommendation');
const goalEn = (t: string): SmartCard => smartCard(t, 'en', 'goal');
const recEn = (t: string): SmartCard => smartCard(t, 'en', 'recommendation');
const words = (c: SmartCard, l: 'S' | 'M' | 'A' | 'R' | 'T'): string[] => c[l].evidence.map((e) => e.text);

function spansAreTrue(text: string, c: SmartCard): void {
  for (const l of LETTERS) for (const e of c[l].evidence) expect(text.slice(e.start, e.end)).toBe(e.text);
}

describe('T — tijdgebonden', () => {
  const dated = [
    ['per 1 januari 2025', 'Het college voert per 1 januari 2025 een nieuwe regeling in.'],
    ['vóór Q3 2024', 'Het college legt vóór Q3 2024 een plan van aanpak voor.'],
    ['uiterlijk eind 2026', 'Het college rondt de herindeling uiterlijk eind 2026 af.'],
    ['in het eerste kwartaal van 2025', 'Het college legt in het eerste kwartaal van 2025 een nota voor.'],
    ['binnen twee jaar', 'Binnen twee jaar heeft de gemeente een sluitende registratie.'],
    ['jaarlijks', 'Het college informeert de raad jaarlijks over de voortgang.'],
    ['tot en met 2027', 'Wij bouwen tot en met 2027 elk jaar 300 woningen.'],
    ['vanaf 1-7-2022', 'De nieuwe inkoop gaat op zijn vroegst vanaf 1-7-2022 in.'],
    ['elk kwartaal', 'Het college rapporteert elk kwartaal aan de raad.'],
    ['in de periode 2024–2027', 'Wij bouwen in de periode 2024–2027 350 woningen.'],
    ['medio 2025', 'Het wijkteam start medio 2025 in Oosterpark.'],
    ['31 december 2025', 'Uiterlijk 31 december 2025 zijn alle gemeentelijke gebouwen van het aardgas af.'],
  ] as const;
  it.each(dated)('counts "%s"', (expr, text) => {
    const c = goal(text);
    expect(c.T.ok).toBe(true);
    expect(words(c, 'T').join(' | ').toLowerCase()).toContain(expr.toLowerCase());
    spansAreTrue(text, c);
  });

  const empty = [
    ['de komende jaren', 'Wij bouwen de komende jaren 350 sociale huurwoningen.'],
    ['op termijn', 'De gemeente stimuleert op termijn duurzame mobiliteit.'],
    ['zo snel mogelijk', 'De gemeente zorgt zo snel mogelijk voor een nieuwe locatie voor de voedselbank.'],
    ['op korte termijn', 'Wij bieden op korte termijn meer plekken voor tijdelijke huisvesting.'],
  ] as const;
  it.each(empty)('does not count "%s" and names it', (expr, text) => {
    const c = goal(text);
    expect(c.T.ok).toBe(false);
    expect(words(c, 'T')).toContain(expr);
    expect(c.T.missing).toMatch(/datum/);
  });

  it('does not take a baseline year or a past year for a deadline', () => {
    expect(goal('Het aandeel daalt naar 20%, ten opzichte van 31% in 2020.').T.ok).toBe(false);
    expect(goal('Wij vergroten het bereik; in 2020 was dat 388 huishoudens.').T.ok).toBe(false);
    const c = goal('Het percentage kinderen in armoede daalt van 12,4% in 2022 naar 9% in 2027.');
    expect(words(c, 'T')).toEqual(['in 2027']);
  });

  it('does not take an age or a plan name for a period', () => {
    expect(goal('Wij bieden passende zorg bij de overgang naar 18 jaar.').T.ok).toBe(false);
    expect(goal('Het college voert het beleidsplan 2021–2025 uit.').T.ok).toBe(false);
  });

  it('reads English dates and rejects the empty ones', () => {
    for (const t of ['The department will publish the plan by 31 March 2026.', 'The council reports annually to the cabinet.', 'We will clear the backlog within six months.', 'The board will produce a plan by the end of 2026.', 'The agency will adopt a strategy before Q3 2025.']) {
      expect(goalEn(t).T.ok, t).toBe(true);
    }
    const c = goalEn('We aim to make the city more resilient in the coming years.');
    expect(c.T.ok).toBe(false);
    expect(words(c, 'T')).toEqual(['in the coming years']);
    expect(recEn('The department should review its approach in due course.').T.ok).toBe(false);
  });
});

describe('M — meetbaar', () => {
  it.each([
    ['12,4%', 'Het aandeel daalt naar 12,4%.'],
    ['€ 850.000', 'Wij besparen € 850.000 op de inhuur van personeel.'],
    ['3 procentpunt', 'Het aandeel voortijdig schoolverlaters daalt met 3 procentpunt.'],
    ['ten minste 600', 'In 2025 melden zich ten minste 600 huishoudens aan.'],
    ['streefwaarde', 'Het college stelt voor elk doel een streefwaarde vast.'],
    ['nulmeting', 'Het college voert in 2026 een nulmeting uit.'],
    ['halveren', 'Wij halveren vóór 2030 het aantal dakloze inwoners.'],
    ['klimaatneutraal', 'Lindeveen is in 2050 klimaatneutraal.'],
    ['een voortgangsrapportage', 'Het college stuurt de raad jaarlijks een voortgangsrapportage.'],
    ['binnen vijf werkdagen', 'Het jeugdteam neemt binnen vijf werkdagen contact op met het gezin.'],
  ] as const)('counts "%s"', (expr, text) => {
    const c = goal(text);
    expect(c.M.ok).toBe(true);
    expect(words(c, 'M').join(' | ')).toContain(expr);
    spansAreTrue(text, c);
  });

  it('names the comparatives that stand in for a measure', () => {
    const c = goal('Inwoners die een schuldregeling nodig hebben, wachten daar zo kort mogelijk op.');
    expect(c.M.ok).toBe(false);
    expect(words(c, 'M')).toEqual(['zo kort mogelijk']);
  });

  it('takes no year, date, reference, age or fte for a measure', () => {
    expect(rec('Zet in op het versterken van de vroegsignalering (zie conclusie 5).').M.ok).toBe(false);
    expect(goal('Wij ondersteunen jongeren tussen 16 en 27 jaar.').M.ok).toBe(false);
    expect(goal('Vanaf 1 januari 2026 versterken wij de wijkteams met 3 fte.').M.ok).toBe(false);
    expect(goal('Wij besteden in 2025 aandacht aan laaggeletterdheid, zoals in paragraaf 3.2 staat.').M.ok).toBe(false);
  });

  it('reads a budget as means, not as a target', () => {
    const c = goal('Met een budget van € 1,2 miljoen verbeteren wij de kwaliteit van de jeugdhulp.');
    expect(c.M.ok).toBe(false);
    expect(c.R.ok).toBe(true);
  });

  it('does not count "geen streefwaarde"', () => {
    expect(goal('Het college formuleert een doel voor preventie, zonder streefwaarde.').M.ok).toBe(false);
  });

  it('reads English measures', () => {
    expect(goalEn('By 2027, 90% of pupils will reach the expected standard in reading at age 11.').M.ok).toBe(true);
    expect(recEn('The ministry should allocate £15 million over three years to recruit 200 additional social workers.').M.ok).toBe(true);
    expect(goalEn('We will improve outcomes for children in care.').M.ok).toBe(false);
    expect(words(goalEn('The council will provide as many affordable homes as possible.'), 'M')).toEqual(['as many affordable homes as possible']);
  });
});

describe('S — specifiek', () => {
  it.each([
    ['inzetten op', 'Wij zetten in op preventie.', 'zetten in op'],
    ['separable verb', 'Wij zetten vroegsignalering breed in, zodat inwoners eerder in beeld komen.', 'zetten vroegsignalering breed in'],
    ['versterken', 'Wij versterken de samenwerking tussen school en jeugdhulp.', 'versterken'],
    ['aandacht besteden aan', 'Wij besteden aandacht aan preventie.', 'besteden aandacht aan'],
    ['stimuleren', 'De gemeente stimuleert duurzame mobiliteit.', 'stimuleert'],
    ['meer regie', 'Meer regie van gemeente', 'Meer regie'],
    ['zoveel mogelijk', 'Wij streven naar zoveel mogelijk groene daken.', 'streven naar'],
  ] as const)('flags %s', (_name, text, word) => {
    const c = goal(text);
    expect(c.S.ok).toBe(false);
    expect(words(c, 'S')).toContain(word);
    spansAreTrue(text, c);
  });

  it('passes a vague verb with a concrete result, and a concrete goal', () => {
    expect(goal('Wij verbeteren de dienstverlening: in 2026 geven ondernemers gemiddeld ten minste een 7,5.').S.ok).toBe(true);
    expect(goal('Het college verlaagt de uitgaven aan jeugdhulp vóór 1 januari 2026 met 10% ten opzichte van 2023.').S.ok).toBe(true);
    expect(goal('Inwoners die een schuldregeling nodig hebben, wachten daar zo kort mogelijk op.').S.ok).toBe(true);
  });

  it('reads English vague wording', () => {
    expect(recEn('Strengthen partnership working with the voluntary sector.').S.ok).toBe(false);
    expect(recEn('The executive should focus on better data quality in the benefits system.').S.ok).toBe(false);
    expect(recEn('The programme board should produce a costed delivery plan by December 2025.').S.ok).toBe(true);
  });
});

describe('A — acceptabel (eigenaar)', () => {
  it('finds the owner who acts', () => {
    expect(words(goal('Het college zorgt ervoor dat alle aanmelders binnen vier weken een gesprek hebben.'), 'A')).toEqual(['Het college']);
    expect(words(goal('Wij vergroten het bereik van de schuldhulpverlening.'), 'A')).toEqual(['Wij']);
    expect(words(rec('Wij bevelen aan dat de gemeente Westervoort deze programma’s gebruikt.'), 'A')).toEqual(['de gemeente']);
    expect(words(rec('Maak als raad en college duidelijke afspraken over het monitoren van de risico’s.'), 'A')).toEqual(['als raad en college']);
  });

  it('does not take the audit office’s "wij", an actor after a preposition, or a passive for the owner', () => {
    expect(rec('Wij bevelen aan de regie op de jeugdhulp te versterken.').A.ok).toBe(false);
    expect(rec('Maak met de RIGG afspraken over wachttijden.').A.ok).toBe(false);
    expect(goal('De raad wordt jaarlijks geïnformeerd.').A.ok).toBe(false);
    expect(goal('Het aandeel voortijdig beëindigde trajecten daalt naar 20%.').A.ok).toBe(false);
  });

  it('flags an imperative without an addressee and remembers it', () => {
    const c = rec('Zet in op het versterken van de vroegsignalering.');
    expect(c.A.ok).toBe(false);
    expect(c.imperative?.text).toBe('Zet');
    expect(recEn('Establish a single point of contact for debt advice within 12 months.').imperative?.text).toBe('Establish');
    expect(recEn('The Home Office should publish an annual report.').A.ok).toBe(true);
  });
});

describe('R — realistisch', () => {
  it('shows named means, and a drastic ambition without them', () => {
    expect(goal('Wij stellen in 2025 en 2026 jaarlijks € 850.000 beschikbaar voor energiearmoede.').R.ok).toBe(true);
    expect(goal('De gemeente neemt 12 extra leerplichtambtenaren aan (5,4 fte).').R.ok).toBe(true);
    expect(words(rec('Het college halveert vóór eind 2026 het aantal huishoudens met schulden.'), 'R')).toEqual(['halveert']);
    expect(rec('Het college halveert vóór eind 2026 het aantal huishoudens met schulden.').R.ok).toBe(false);
    const none = goal('Het college verlaagt vóór 2026 de uitgaven met 10%.');
    expect(none.R.ok).toBeNull();
    expect(none.R.missing).toMatch(/middelen/);
    expect(goalEn('We will halve the number of rough sleepers by the end of 2026.').R.ok).toBe(false);
    expect(goalEn('We will reduce energy use by 15 percent within three years, funded from the £500,000 invest-to-save budget.').R.ok).toBe(true);
  });
});

describe('conclusions — vague judgement', () => {
  it('flags a graded judgement without a basis', () => {
    const c = smartCard('De gemeente heeft in beperkte mate inzicht in de vraag naar jeugdhulp.', 'nl', 'conclusion');
    expect(c.S.ok).toBe(false);
    expect(words(c, 'S')).toEqual(['in beperkte mate']);
    expect(c.A.ok).toBeNull();
    expect(c.T.ok).toBeNull();
  });
  it('passes it with a number, a norm or a reference', () => {
    expect(smartCard('Het bereik is beperkt: 41% van de signalen leidde tot contact.', 'nl', 'conclusion').S.ok).toBe(true);
    expect(smartCard('De doelen zijn grotendeels SMART (zie paragraaf 3.1 en norm 1.1).', 'nl', 'conclusion').S.ok).toBe(true);
    expect(smartCard('Uit de gesprekken komt naar voren dat aanbieders het beleid in grote lijnen kennen.', 'nl', 'conclusion').S.ok).toBe(true);
    expect(smartCard('The department appears to manage the programme to a limited extent.', 'en', 'conclusion').S.ok).toBe(false);
  });
});

describe('insertion point and rendering', () => {
  it('inserts after the last word, before the final dot and a trailing parenthesis', () => {
    const t = 'Zet in op het versterken van de vroegsignalering, zodat meer inwoners eerder worden bereikt (zie conclusie 5).';
    expect(t.slice(0, insertionPoint(t))).toMatch(/bereikt$/);
    const g = 'Het aandeel daalt naar 20%. Dat is een forse daling.';
    expect(g.slice(0, insertionPoint(g))).toBe('Het aandeel daalt naar 20%');
    expect(insertionPoint('Meer regie van gemeente')).toBe('Meer regie van gemeente'.length);
  });

  it('renders the card as Markdown in either language, each letter with its evidence', () => {
    const c = goal('Wij zetten de komende jaren in op meer betaalbare woningen.');
    const nl = renderSmartCardMarkdown(c, 'nl');
    expect(nl).toContain('**SMART-kaart** — doel');
    expect(nl).toMatch(/✗ \*\*S\*\* Specifiek: vage formulering zonder concreet resultaat — vaag: “zetten de komende jaren in op”/);
    expect(nl).toMatch(/✓ \*\*A\*\* Acceptabel \(eigenaar\): “Wij”/);
    expect(nl).toMatch(/✗ \*\*T\*\* Tijdgebonden: geen datum, deadline of periode — geen termijn: “de komende jaren”/);
    expect(nl).toMatch(/– \*\*R\*\* Realistisch: geen middelen/);
    const en = renderSmartCardMarkdown(c, 'en');
    expect(en).toContain('**SMART card** — goal');
    expect(en).toMatch(/✗ \*\*T\*\* Time-bound: no date, deadline or period — no deadline: “de komende jaren”/);
    expect(renderSmartCardMarkdown(smartCard('De gemeente heeft in beperkte mate inzicht.', 'nl', 'conclusion'), 'nl')).toMatch(/✗ \*\*S\*\* Oordeel/);
  });
});

describe('cost', () => {
  it('stays linear on long text', () => {
    const unit = 'Wij zetten de komende jaren in op het versterken van de samenwerking met partners, zodat meer inwoners met schulden (zie conclusie 3) eerder worden bereikt. ';
    const long = unit.repeat(1500); // ~260 000 characters
    const t0 = performance.now();
    const c = smartCard(long, 'nl', 'goal');
    const ms = performance.now() - t0;
    expect(c.S.ok).toBe(false);
    expect(ms).toBeLessThan(3000);
  });
});
