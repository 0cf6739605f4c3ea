#!/usr/bin/env node
// Generates the binary source fixtures of the example audit project:
//
//   examples/bronnen/nota-schulden-2021.pdf           (4-page municipal policy note)
//   examples/bronnen/gespreksverslag-wethouder-2025.docx (interview report)
//
// The texts are fictional (gemeente Lindeveen does not exist). The report
// examples/rapport.md cites the PDF with page numbers ("[@lindeveen2021nota, p. 2]"),
// so every page is laid out explicitly and the script checks that each page
// holds the facts the report cites from it.
//
// Output is deterministic: fixed document dates, a seeded random generator for
// the ids docx creates, fixed zip timestamps. Rerunning gives identical bytes.
//
// Usage: node scripts/make-example-sources.mjs

process.env.TZ = 'UTC';

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateRawSync, inflateSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import PDFDocument from 'pdfkit';
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'examples', 'bronnen');
mkdirSync(outDir, { recursive: true });

// ---------------------------------------------------------------------------
// The PDF: "Schulden in Lindeveen 2021" (nota bij het beleidsplan)
// ---------------------------------------------------------------------------

const NOTA_TITLE = 'Schulden in Lindeveen 2021';
const NOTA_DATE = new Date(Date.UTC(2021, 3, 20, 9, 0, 0)); // 20 april 2021

/** One entry per page: blocks of type h1, h2, p, li. */
const notaPages = [
  [
    { t: 'title', s: NOTA_TITLE },
    { t: 'subtitle', s: 'Analyse en uitvoeringskeuzes bij het beleidsplan schuldhulpverlening 2021–2025' },
    { t: 'meta', s: 'Gemeente Lindeveen, afdeling Sociaal Domein · april 2021 · kenmerk SD/2021/0412' },
    { t: 'h1', s: '1 Inleiding' },
    {
      t: 'p',
      s: 'Deze nota onderbouwt het beleidsplan schuldhulpverlening 2021–2025 “Samen grip op geld”. Zij beschrijft hoe groot de schuldenproblematiek in Lindeveen is, hoe de schuldhulpverlening er op dit moment voor staat en welke keuzes het college maakt voor de uitvoering in de komende vier jaar. De nota is bedoeld als achtergrond bij de behandeling van het beleidsplan in de raad.',
    },
    {
      t: 'p',
      s: 'Lindeveen telde op 1 januari 2021 47.850 inwoners, verdeeld over 21.400 huishoudens. De gemeente voert de schuldhulpverlening zelf uit. Dat gebeurt door team Grip op Geld van de afdeling Werk en Inkomen. Beschermingsbewind valt buiten deze nota; het wordt uitgevoerd door externe bewindvoerders en bekostigd uit de bijzondere bijstand.',
    },
    { t: 'h2', s: 'Wettelijk kader' },
    {
      t: 'p',
      s: 'De Wet gemeentelijke schuldhulpverlening (Wgs) verplicht de gemeenteraad om ten minste eens in de vier jaar een plan vast te stellen dat richting geeft aan de integrale schuldhulpverlening. De wet schrijft voor dat binnen vier weken na een hulpvraag een eerste gesprek plaatsvindt. Dreigt een huisuitzetting, een afsluiting van energie of water of de opzegging van de zorgverzekering, dan moet dat gesprek binnen drie werkdagen plaatsvinden.',
    },
    {
      t: 'p',
      s: 'Per 1 januari 2021 is de Wgs gewijzigd. Gemeenten hebben nu een wettelijke basis om signalen over betalingsachterstanden te ontvangen van woningverhuurders, drinkwaterbedrijven, energieleveranciers en zorgverzekeraars, en zij moeten op die signalen actie ondernemen door de inwoner hulp aan te bieden. Dit heet vroegsignalering.',
    },
    { t: 'h2', s: 'Leeswijzer' },
    {
      t: 'p',
      s: 'Hoofdstuk 2 schetst de schuldenproblematiek in Lindeveen en de resultaten van de schuldhulpverlening in 2019 en 2020. Hoofdstuk 3 beschrijft de keuzes voor de uitvoering. Hoofdstuk 4 gaat over de financiën en over de manier waarop het college de raad informeert.',
    },
  ],
  [
    { t: 'h1', s: '2 Schulden in Lindeveen' },
    { t: 'h2', s: '2.1 Omvang van de problematiek' },
    {
      t: 'p',
      s: 'Op basis van landelijke kengetallen, toegepast op de bevolkingsopbouw van Lindeveen, schatten wij dat 2.600 huishoudens in Lindeveen risicovolle of problematische schulden hebben. Dat is 12,1% van alle huishoudens. Het gaat vaker om alleenstaanden en eenoudergezinnen, om huishoudens met een laag inkomen en om jongeren tussen 18 en 27 jaar.',
    },
    { t: 'h2', s: '2.2 Aanmeldingen en bereik' },
    {
      t: 'p',
      s: 'In 2019 meldden zich 412 huishoudens bij team Grip op Geld; in 2020 waren dat er 388. De daling in 2020 hangt vermoedelijk samen met de coronasteunmaatregelen en het uitstel van betaling dat schuldeisers in dat jaar verleenden. Met 388 aanmeldingen bereikt de schuldhulpverlening per jaar ongeveer 15% van de huishoudens met risicovolle of problematische schulden.',
    },
    {
      t: 'p',
      s: 'Inwoners melden zich gemiddeld pas na vijf jaar schulden. De gemiddelde schuld bij aanmelding bedroeg in 2020 € 36.800, verdeeld over gemiddeld 14 schuldeisers.',
    },
    { t: 'h2', s: '2.3 Wachttijden' },
    {
      t: 'p',
      s: 'In 2020 had 55% van de aanmelders binnen vier weken een eerste gesprek. De gemiddelde wachttijd tot het eerste gesprek was 5,5 weken. De gemeente voldoet daarmee niet aan de wettelijke termijn. Oorzaken zijn langdurig ziekteverzuim in het team en een registratie die aanmeldingen niet altijd direct zichtbaar maakt.',
    },
    { t: 'h2', s: '2.4 Uitstroom' },
    {
      t: 'p',
      s: 'In 2020 zijn 287 trajecten afgesloten. Van deze trajecten eindigde 41% succesvol: de inwoner was schuldenvrij of had een stabiele financiële situatie met een lopende schuldregeling. 31% van de trajecten werd voortijdig beëindigd, meestal omdat de inwoner niet meer op afspraken verscheen of geen stukken aanleverde.',
    },
    {
      t: 'p',
      s: 'Woningcorporatie Woonstede Lindeveen liet in 2020 14 woningen ontruimen wegens huurachterstand.',
    },
  ],
  [
    { t: 'h1', s: '3 Uitvoeringskeuzes' },
    { t: 'h2', s: '3.1 Toegang' },
    {
      t: 'p',
      s: 'Inwoners kunnen zich melden bij het Geldloket: telefonisch, via de website of op het inloopspreekuur in wijkcentrum Het Trefpunt op dinsdag- en donderdagochtend. Meldingen met spoed (dreigende huisuitzetting of afsluiting) krijgen voorrang.',
    },
    { t: 'h2', s: '3.2 Vroegsignalering' },
    {
      t: 'p',
      s: 'De gemeente start per 1 juli 2021 met vroegsignalering, samen met Woonstede Lindeveen, de drinkwaterleverancier en de zorgverzekeraars. Energieleveranciers volgen zodra de landelijke afspraken daarover gereed zijn. Na een signaal neemt een medewerker binnen vijf werkdagen contact op met de inwoner, zo nodig met een huisbezoek. Wij verwachten ongeveer 1.200 signalen per jaar.',
    },
    { t: 'h2', s: '3.3 Samenwerking' },
    {
      t: 'p',
      s: 'Team Grip op Geld werkt samen met Geldmaatjes Lindeveen, de voedselbank, Stichting Welzijn Lindeveen en Woonstede Lindeveen. Geldmaatjes Lindeveen ontvangt een subsidie van € 42.000 per jaar voor de inzet van vrijwilligers bij de thuisadministratie. De afspraken over verwijzing en warme overdracht leggen de partners in 2021 vast in een samenwerkingsconvenant.',
    },
    { t: 'h2', s: '3.4 Preventie' },
    {
      t: 'p',
      s: 'De gemeente biedt geldlessen aan in groep 8 van het basisonderwijs en op de mbo-locatie in Lindeveen, en organiseert twee keer per jaar een budgetcursus voor volwassenen.',
    },
    { t: 'h2', s: '3.5 Personeel' },
    {
      t: 'p',
      s: 'In 2021 beschikt team Grip op Geld over 14,6 fte, inclusief 2,0 fte voor vroegsignalering die uit het extra budget wordt betaald. De medewerkers zijn gecertificeerd volgens de kwaliteitsnormen van de branche.',
    },
  ],
  [
    { t: 'h1', s: '4 Financiën en monitoring' },
    { t: 'h2', s: '4.1 Financiën' },
    {
      t: 'p',
      s: 'Het budget voor de schuldhulpverlening bedraagt in 2021 € 1.640.000. Dat bedrag dekt de personeelskosten van team Grip op Geld, het fonds voor saneringskredieten en de subsidies aan partners. Het college stelt de raad voor om in de periode 2021–2025 jaarlijks € 250.000 extra beschikbaar te stellen: € 160.000 voor vroegsignalering en € 90.000 voor preventie. Het totale budget voor 2021 komt daarmee op € 1.890.000.',
    },
    { t: 'h2', s: '4.2 Monitoring' },
    {
      t: 'p',
      s: 'Het college volgt de uitvoering met de volgende indicatoren:',
    },
    { t: 'li', s: 'het aantal aanmeldingen;' },
    { t: 'li', s: 'het percentage aanmelders met een eerste gesprek binnen vier weken, en bij spoed binnen drie werkdagen;' },
    { t: 'li', s: 'het aantal vroegsignalen en het percentage signalen waarop contact met de inwoner tot stand komt;' },
    { t: 'li', s: 'het percentage voortijdig beëindigde en succesvol afgeronde trajecten;' },
    { t: 'li', s: 'de lasten van de schuldhulpverlening ten opzichte van de begroting.' },
    { t: 'h2', s: '4.3 Informatie aan de raad' },
    {
      t: 'p',
      s: 'Het college stuurt de raad elk voorjaar een voortgangsrapportage over het voorgaande jaar, met de indicatoren uit paragraaf 4.2. In 2023 voert het college een tussenevaluatie uit, zodat de raad halverwege de beleidsperiode kan bijsturen. In 2025 legt het college een nieuw beleidsplan voor de periode vanaf 2026 voor aan de raad.',
    },
    { t: 'h2', s: '4.4 Besluitvorming' },
    {
      t: 'p',
      s: 'Het college biedt deze nota aan de raad aan samen met het beleidsplan “Samen grip op geld 2021–2025”. De raad besluit over het beleidsplan en het extra budget in de vergadering van 8 juli 2021.',
    },
  ],
];

/** Facts the report cites per page: the check below fails if one is missing. */
const notaCitedFacts = {
  1: ['47.850 inwoners', '21.400 huishoudens', 'binnen vier weken', 'binnen drie werkdagen', 'Per 1 januari 2021'],
  2: ['2.600 huishoudens', '12,1%', '388', '55%', '5,5 weken', '€ 36.800', '41%', '31%', '14 woningen'],
  3: ['1 juli 2021', '1.200 signalen', '€ 42.000', 'samenwerkingsconvenant', '14,6 fte'],
  4: ['€ 1.640.000', '€ 250.000', '€ 160.000', '€ 90.000', '€ 1.890.000', 'voortgangsrapportage', 'tussenevaluatie'],
};

function makePdf() {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margins: { top: 72, bottom: 72, left: 64, right: 64 },
      autoFirstPage: false,
      bufferPages: true,
      compress: true,
      info: {
        Title: `${NOTA_TITLE}: analyse en uitvoeringskeuzes`,
        Author: 'Gemeente Lindeveen, afdeling Sociaal Domein',
        Subject: 'Nota bij het beleidsplan schuldhulpverlening 2021–2025',
        Keywords: 'schuldhulpverlening, Wgs, vroegsignalering, Lindeveen',
        Creator: 'Toetssteen example generator',
        Producer: 'PDFKit',
        CreationDate: NOTA_DATE,
        ModDate: NOTA_DATE,
      },
    });
    const chunks = [];
    doc.on('data', (c) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);

    const width = 595.28 - 64 - 64;
    notaPages.forEach((blocks, i) => {
      doc.addPage();
      for (const b of blocks) {
        switch (b.t) {
          case 'title':
            doc.font('Helvetica-Bold').fontSize(22).fillColor('#1f3a5f').text(b.s, { width });
            doc.moveDown(0.3);
            break;
          case 'subtitle':
            doc.font('Helvetica').fontSize(13).fillColor('#1f3a5f').text(b.s, { width });
            doc.moveDown(0.3);
            break;
          case 'meta':
            doc.font('Helvetica-Oblique').fontSize(9.5).fillColor('#555555').text(b.s, { width });
            doc.moveDown(1.2);
            break;
          case 'h1':
            doc.font('Helvetica-Bold').fontSize(15).fillColor('#1f3a5f').text(b.s, { width });
            doc.moveDown(0.5);
            break;
          case 'h2':
            doc.moveDown(0.3);
            doc.font('Helvetica-Bold').fontSize(11.5).fillColor('#000000').text(b.s, { width });
            doc.moveDown(0.2);
            break;
          case 'p':
            doc.font('Helvetica').fontSize(10.5).fillColor('#000000').text(b.s, { width, lineGap: 2 });
            doc.moveDown(0.6);
            break;
          case 'li':
            doc.font('Helvetica').fontSize(10.5).fillColor('#000000').text(`•  ${b.s}`, { width, indent: 0, lineGap: 2 });
            doc.moveDown(0.2);
            break;
          default:
            throw new Error(`unknown block ${b.t}`);
        }
      }
      if (doc.bufferedPageRange().count !== i + 1) {
        throw new Error(`nota: page ${i + 1} overflows onto a new page`);
      }
    });

    // Running header and footer on every page.
    const range = doc.bufferedPageRange();
    for (let i = 0; i < range.count; i++) {
      doc.switchToPage(i);
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      doc.font('Helvetica').fontSize(8.5).fillColor('#777777');
      doc.text(`Gemeente Lindeveen · ${NOTA_TITLE}`, 64, 36, { width, lineBreak: false });
      doc.text(`Pagina ${i + 1} van ${range.count}`, 64, 841.89 - 44, { width, align: 'right', lineBreak: false });
      doc.page.margins.bottom = bottom;
    }
    doc.end();
  });
}

/**
 * Extracts the text of each page of a PDF written by makePdf(): inflates the
 * content streams and decodes pdfkit's hex-encoded WinAnsi strings. Good
 * enough to check the fixture, not a general PDF reader.
 */
function pdfPageTexts(buf) {
  const s = buf.toString('latin1');
  const objs = new Map();
  for (const m of s.matchAll(/(\d+) 0 obj([\s\S]*?)endobj/g)) objs.set(Number(m[1]), m[2]);
  const pagesOrder = [];
  for (const [, body] of objs) {
    const kids = /\/Type \/Pages[\s\S]*?\/Kids \[([^\]]*)\]/.exec(body);
    if (kids) for (const k of kids[1].matchAll(/(\d+) 0 R/g)) pagesOrder.push(Number(k[1]));
  }
  const win = { 0x80: '€', 0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x95: '•', 0x96: '–', 0x97: '—' };
  const streamText = (n) => {
    const body = objs.get(n);
    const start = body.indexOf('stream') + 'stream'.length;
    let raw = Buffer.from(body.slice(start, body.lastIndexOf('endstream')).replace(/^\r?\n/, ''), 'latin1');
    if (/\/Filter \/FlateDecode/.test(body)) raw = inflateSync(raw);
    const ops = raw.toString('latin1');
    let out = '';
    for (const m of ops.matchAll(/\[(.*?)\] TJ|<([0-9a-fA-F]*)> Tj|(BT)/g)) {
      if (m[3]) { out += '\n'; continue; }
      const parts = m[1] !== undefined ? [...m[1].matchAll(/<([0-9a-fA-F]*)>|(-?[\d.]+)/g)] : [[null, m[2]]];
      for (const p of parts) {
        if (p[1] === undefined || p[1] === null) { if (p[2] && Number(p[2]) < -200) out += ' '; continue; }
        for (let i = 0; i < p[1].length; i += 2) {
          const c = parseInt(p[1].slice(i, i + 2), 16);
          out += win[c] ?? String.fromCharCode(c);
        }
      }
    }
    return out;
  };
  return pagesOrder.map((p) => {
    const contents = /\/Contents (\d+) 0 R/.exec(objs.get(p));
    return contents ? streamText(Number(contents[1])) : '';
  });
}

function checkPdf(buf) {
  const pages = pdfPageTexts(buf);
  if (pages.length !== notaPages.length) throw new Error(`nota: ${pages.length} pages, expected ${notaPages.length}`);
  const norm = (t) => t.replace(/\s+/g, ' ');
  for (const [page, facts] of Object.entries(notaCitedFacts)) {
    const text = norm(pages[Number(page) - 1]);
    for (const f of facts) {
      if (!text.includes(f)) throw new Error(`nota: page ${page} lacks "${f}"`);
    }
  }
}

// ---------------------------------------------------------------------------
// The DOCX: gespreksverslag wethouder (12 maart 2025)
// ---------------------------------------------------------------------------

const INTERVIEW_DATE = new Date(Date.UTC(2025, 2, 25, 10, 0, 0)); // verified 25 maart 2025

const interviewMeta = [
  ['Onderzoek', 'Schuldhulpverlening in Lindeveen 2021–2025'],
  ['Datum gesprek', '12 maart 2025, 14.00–15.30 uur, gemeentehuis Lindeveen'],
  ['Gesprekspartners', 'M. Oosterhof (wethouder Sociaal Domein); drs. F. Bakker (beleidsadviseur schuldhulpverlening)'],
  ['Namens de rekenkamercommissie', 'L. Kramer MSc (secretaris-onderzoeker); D. Nijland (onderzoeker)'],
  ['Status', 'Verslag ter verificatie voorgelegd op 17 maart 2025; geverifieerd op 25 maart 2025'],
];

/** Sections of the interview report: a heading and numbered points. */
const interviewSections = [
  {
    h: 'Beleidsplan en doelen',
    points: [
      'De wethouder licht toe dat het beleidsplan “Samen grip op geld” in 2021 in korte tijd is opgesteld, omdat het vorige plan afliep en de gewijzigde Wgs om een nieuwe aanpak van vroegsignalering vroeg. De doelen over de wachttijd en het bereik zijn bewust concreet gemaakt, omdat de raad daar in 2020 vragen over had gesteld.',
      'Andere doelen, zoals die over samenwerking en preventie, zijn volgens de wethouder bewust ruimer geformuleerd: “We wilden de uitvoering niet vastzetten op cijfers waarvan we toen nog niet wisten of we ze konden meten.” De beleidsadviseur vult aan dat voor deze doelen geen nulmeting is gedaan.',
    ],
  },
  {
    h: 'Vroegsignalering',
    points: [
      'De vroegsignalering is niet op 1 juli 2021 gestart, zoals gepland, maar op 4 oktober 2021. De afspraken met Woonstede Lindeveen over de uitwisseling van gegevens kostten meer tijd dan verwacht, omdat eerst een gegevensbeschermingseffectbeoordeling (DPIA) moest worden uitgevoerd. De energieleveranciers zijn sinds het voorjaar van 2022 aangesloten.',
      'De wethouder noemt het aantal signalen “fors”. Veel signalen gaan over kleine achterstanden die inwoners zelf oplossen. Het bereik is daardoor lager dan gehoopt, maar volgens de wethouder worden inwoners met grote problemen nu eerder gevonden.',
    ],
  },
  {
    h: 'Wachttijden en personeel',
    points: [
      'In de tweede helft van 2022 had team Grip op Geld drie vacatures die lang openstonden. De wachttijden liepen daardoor op. De gemeente heeft tijdelijk schuldhulpverleners ingehuurd. Het college heeft de raad hierover op 19 september 2022 met een raadsinformatiebrief geïnformeerd.',
      'Sinds 2023 werkt het team met een “snelle intake”: een kort eerste gesprek binnen enkele dagen, waarna de uitgebreide intake volgt. De wethouder ziet dat als de belangrijkste reden dat de wachttijden sindsdien zijn gedaald.',
    ],
  },
  {
    h: 'Samenwerking met partners',
    points: [
      'Het samenwerkingsconvenant dat in 2021 was aangekondigd, is er niet gekomen. Volgens de beleidsadviseur werken de partners “in de praktijk prima samen” en waren vastgelegde afspraken daarom niet nodig. De subsidie aan Geldmaatjes Lindeveen is ongewijzigd voortgezet.',
    ],
  },
  {
    h: 'Informatie aan de raad',
    points: [
      'De tussenevaluatie die voor 2023 was gepland, is niet uitgevoerd. De wethouder geeft aan dat de capaciteit in 2023 nodig was om de wachttijden terug te dringen. Over 2023 en 2024 is geen afzonderlijke voortgangsrapportage verschenen; de raad is volgens de wethouder via de jaarstukken op de hoogte gehouden.',
      'De wethouder erkent dat de raad in juli 2024 om een voortgangsrapportage heeft gevraagd en dat die er niet is gekomen: “Dat had beter gemoeten.”',
    ],
  },
  {
    h: 'Vooruitblik',
    points: [
      'Het college werkt aan een nieuw beleidsplan voor de periode 2026–2029. De wethouder verwacht dit plan in de eerste helft van 2026 aan de raad voor te leggen. De uitkomsten van het rekenkameronderzoek worden daarin meegenomen.',
    ],
  },
];

/** Statements the report cites from the interview. */
const interviewCitedFacts = ['4 oktober 2021', 'DPIA', 'drie vacatures', '19 september 2022', 'snelle intake', 'convenant', 'tussenevaluatie', 'juli 2024', '2026–2029'];

function makeDocxDocument() {
  const cell = (text, bold = false) =>
    new TableCell({
      width: { size: bold ? 30 : 70, type: WidthType.PERCENTAGE },
      children: [new Paragraph({ children: [new TextRun({ text, bold, size: 20 })] })],
    });
  const children = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun('Gespreksverslag')] }),
    new Paragraph({
      children: [new TextRun({ text: 'Rekenkamercommissie Lindeveen · interview met de wethouder Sociaal Domein', italics: true })],
    }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: interviewMeta.map(([k, v]) => new TableRow({ children: [cell(k, true), cell(v)] })),
    }),
    new Paragraph({ children: [] }),
  ];
  let n = 0;
  for (const section of interviewSections) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(section.h)] }));
    for (const point of section.points) {
      n += 1;
      children.push(
        new Paragraph({
          alignment: AlignmentType.JUSTIFIED,
          spacing: { after: 120 },
          children: [new TextRun({ text: `${n}. `, bold: true }), new TextRun(point)],
        }),
      );
    }
  }
  children.push(
    new Paragraph({
      spacing: { before: 240 },
      children: [
        new TextRun({
          text: 'Dit verslag is geen letterlijke weergave van het gesprek. Citaten zijn door de gesprekspartners goedgekeurd.',
          italics: true,
          size: 18,
        }),
      ],
    }),
  );
  return new Document({
    creator: 'Rekenkamercommissie Lindeveen',
    lastModifiedBy: 'Rekenkamercommissie Lindeveen',
    title: 'Gespreksverslag wethouder Sociaal Domein, 12 maart 2025',
    subject: 'Onderzoek schuldhulpverlening Lindeveen 2021–2025',
    description: 'Geverifieerd gespreksverslag (fictief voorbeeld)',
    revision: 2,
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    sections: [{ children }],
  });
}

/** Runs fn with Date frozen at `when` and Math.random seeded, so docx output is reproducible. */
async function deterministic(when, seed, fn) {
  const RealDate = globalThis.Date;
  const realRandom = Math.random;
  const fixed = when.getTime();
  class FixedDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(fixed);
      else super(...args);
    }
    static now() {
      return fixed;
    }
  }
  let state = seed >>> 0;
  Math.random = () => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  globalThis.Date = FixedDate;
  try {
    return await fn();
  } finally {
    globalThis.Date = RealDate;
    Math.random = realRandom;
  }
}

function checkDocx(buf) {
  // The document body is one deflated zip entry; find it by its local header.
  const name = Buffer.from('word/document.xml');
  const at = buf.indexOf(name);
  if (at < 30) throw new Error('docx: word/document.xml not found');
  const header = at - 30;
  const method = buf.readUInt16LE(header + 8);
  const compressedSize = buf.readUInt32LE(header + 18);
  const extraLen = buf.readUInt16LE(header + 28);
  const dataStart = at + name.length + extraLen;
  let data = buf.subarray(dataStart, dataStart + compressedSize);
  if (method === 8) data = inflateRawSync(data);
  const xml = data.toString('utf8');
  const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  for (const f of interviewCitedFacts) {
    if (!text.includes(f)) throw new Error(`docx: lacks "${f}"`);
  }
}

// ---------------------------------------------------------------------------

const sha = (b) => createHash('sha256').update(b).digest('hex').slice(0, 16);

const pdf = await makePdf();
checkPdf(pdf);
writeFileSync(join(outDir, 'nota-schulden-2021.pdf'), pdf);
console.log(`examples/bronnen/nota-schulden-2021.pdf  ${pdf.length} bytes  sha256 ${sha(pdf)}`);

const docx = await deterministic(INTERVIEW_DATE, 20250312, () => Packer.toBuffer(makeDocxDocument()));
checkDocx(docx);
writeFileSync(join(outDir, 'gespreksverslag-wethouder-2025.docx'), docx);
console.log(`examples/bronnen/gespreksverslag-wethouder-2025.docx  ${docx.length} bytes  sha256 ${sha(docx)}`);
