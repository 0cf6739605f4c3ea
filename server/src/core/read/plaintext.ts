/**
 * Plain text as PDF extraction leaves it → blocks.
 *
 * What extraction does to a report, and how it is read back:
 * - page numbers on their own line ("39") and running headers (short lines
 *   repeated next to page numbers) are noise and dropped;
 * - a line starting with one space often starts a page;
 * - footnotes stand at the foot of a page as "7 Bron: interviews", their
 *   markers glued to words ("RIGG2", "wijziging.1"); a footnote is a
 *   numbered line whose number continues the footnote sequence or was seen
 *   glued in the text, and that does not read as a heading;
 * - paragraphs and list items break over blank lines and pages; a block
 *   continues when its last line ends mid-sentence and the next line reads on
 *   (lower-case start, or the previous line ends in a function word);
 * - headings: "Hoofdstuk 5: Lokaal beleid", "Bijlage 2.", "8.1 Conclusies",
 *   "2 Beleidsanalyse", "A. De vraag …", "Blok 1: …", keyword lines
 *   ("Conclusies", "Bestuurlijke reactie") and short title lines;
 * - items: "1. …", "a) …", bullets "•", "−", "–", "-", "o", "▪";
 * - inside a reaction, a line "Reactie" marks where the reaction text begins.
 */
import type { Block, Footnote, Span } from '../types';
import type { Lexicon } from '../lexicon';
import { normalizeText, words, isLowerCode, isUpperCode } from '../text';
import { parseHeadingNumber } from '../numbering';

export interface TextRead {
  blocks: Block[];
  footnotes: Footnote[];
  /** Footnote markers glued to words; they are removed from normalised text. */
  markers: Span[];
  /** Page numbers, running headers and footnote lines: not part of the running text. */
  noise: Span[];
  /**
   * The text with noise, footnote lines and glued markers blanked out by
   * spaces (line breaks kept): same length, same offsets, only running text.
   */
  masked: string;
}

type LineKind = 'blank' | 'noise' | 'heading' | 'item' | 'footnote' | 'marker' | 'text';

interface Line {
  start: number;
  end: number;
  /** trimmed content span */
  cs: number;
  ce: number;
  t: string;
  pageStart: boolean;
  kind: LineKind;
  // heading
  level: number;
  numbering: string | null;
  major: boolean;
  title: string;
  // item
  marker: Block['marker'];
  label: string | null;
  depth: number;
  itemContentStart: number;
  // footnote
  fnNumber: number;
}

const PAGE_NUM_RE = /^(?:[-–—]\s*)?(?:(?:pagina|page|blz\.?|p\.)\s*)?\d{1,3}(?:\s*(?:van|of|\/)\s*\d{1,3})?(?:\s*[-–—])?$/i;
const NUMBERED_ITEM_RE = /^(\d{1,2})[.)]\s+(?=\S)/;
const LETTER_ITEM_RE = /^([a-z])[.)]\s+(?=\S)/;
const BULLET_RE = /^([•●▪■◦·*\-−–—o])\s+(?=\S)/;
const FOOTNOTE_RE = /^(\d{1,3})\s+(?=\S)/;
const GLUED_MARKER_RE = /([\p{L})’”'"]|[\p{L}][.,;:?!])(\d{1,3})(?=[\s,.;:)]|$)/gu;
const TERMINAL_RE = /[.!?…:;]["'’”)]*$/;
const SENTENCE_END_RE = /[.!?…]["'’”)]*$/;

export function readPlainText(text: string, lexicons: readonly Lexicon[]): TextRead {
  const lines = splitLines(text);
  const primary = lexicons[0];
  const functionWords = new Set<string>();
  for (const lx of lexicons) for (const w of lx.stopwords) functionWords.add(w);

  markNoise(lines);

  // Glued footnote markers: numbers right after a word ("RIGG2", "wijziging.1").
  const gluedSeen = new Map<number, Span[]>();
  for (const ln of lines) {
    if (ln.kind !== 'text') continue;
    GLUED_MARKER_RE.lastIndex = 0;
    const s = text.slice(ln.cs, ln.ce);
    let m: RegExpExecArray | null;
    while ((m = GLUED_MARKER_RE.exec(s)) !== null) {
      const n = Number(m[2]);
      if (n < 1 || n > 400) continue;
      // "Q2", "A4", "H2O": a single capital letter before the digits is an identifier.
      const before = m[1];
      const pre = s.slice(Math.max(0, m.index - 1), m.index + before.length);
      if (/^[\s(]?[A-Z]$/.test(pre.trim()) && before.length === 1) continue;
      const at = ln.cs + m.index + before.length;
      const list = gluedSeen.get(n) ?? [];
      list.push({ start: at, end: at + m[2].length });
      gluedSeen.set(n, list);
    }
  }

  // Classify lines.
  let expectedFootnote = 1;
  let inReaction = false;
  /** Chapter number in force (from "2.1", "Hoofdstuk 2"): a bare "12 Title" in chapter 2 is no heading. */
  let chapter: number | null = null;
  const plausibleChapter = (n: number): boolean => (chapter === null ? n <= 2 : n === chapter || n === chapter + 1);
  const footnotes: Footnote[] = [];
  const usedMarkers: Span[] = [];
  for (let i = 0; i < lines.length; i++) {
    const ln = lines[i];
    if (ln.kind !== 'text') continue;
    const t = ln.t;
    const next = nextContent(lines, i);
    const prev = prevContent(lines, i);

    // Footnote definition?
    const fm = FOOTNOTE_RE.exec(t);
    if (fm && !NUMBERED_ITEM_RE.test(t)) {
      const n = Number(fm[1]);
      const rest = t.slice(fm[0].length);
      const headingLike = looksLikeTitle(rest, next, lines) && n <= 30 && plausibleChapter(n);
      const glued = gluedSeen.has(n);
      const sourceCue = /^(?:bron|bronnen|zie|source|sources|see|interview|https?:|www\.)/i.test(rest);
      const inSequence = n === expectedFootnote || (n > expectedFootnote && n <= expectedFootnote + 3 && glued);
      const lowerStart = isLowerCode(rest.charCodeAt(0));
      const prevReadsOn = prev !== null && prev.kind === 'text' && readsOn(prev.t, t.slice(fm[0].length), functionWords) && !SENTENCE_END_RE.test(prev.t);
      const restart = n === 1 && !headingLike && !lowerStart && !prevReadsOn;
      if (lowerStart && !glued) {
        // "1 regisseur." continues "1 gezin krijgt 1 plan met": no footnote.
      } else
      if ((inSequence && (!headingLike || glued || sourceCue)) || restart || (sourceCue && n >= expectedFootnote - 1 && n <= expectedFootnote + 5)) {
        ln.kind = 'footnote';
        ln.fnNumber = n;
        expectedFootnote = n + 1;
        continue;
      }
    }

    // Headings.
    const h = headingOf(ln, t, next, prev, lines, i, lexicons, inReaction);
    if (h && h.numbering && /^\d+$/.test(h.numbering) && !h.chapterWord && !h.appendix && !plausibleChapter(Number(h.numbering))) {
      // "12 Opdracht RIG …" inside chapter 2: a stray footnote or table line, not a chapter.
    } else if (h) {
      if (h.numbering && /^\d/.test(h.numbering) && !h.appendix && (h.level <= 2 || h.chapterWord)) chapter = Number(h.numbering.split('.')[0]);
      if (h.marker) {
        ln.kind = 'marker';
        continue;
      }
      ln.kind = 'heading';
      ln.level = h.level;
      ln.numbering = h.numbering;
      ln.major = h.major;
      ln.title = t;
      const roles = primaryRoles(lexicons, h.title);
      if (h.major || h.level <= 1) inReaction = roles.includes('reaction');
      else if (roles.includes('reaction')) inReaction = true;
      continue;
    }

    // Items.
    let m = NUMBERED_ITEM_RE.exec(t);
    if (m) {
      setItem(ln, 'number', m[1], 0, m[0].length);
      continue;
    }
    m = LETTER_ITEM_RE.exec(t);
    if (m && t.length > 4) {
      setItem(ln, 'letter', m[1], 0, m[0].length);
      continue;
    }
    m = BULLET_RE.exec(t);
    if (m) {
      const g = m[1];
      if (g === 'o' && !isUpperCode(t.charCodeAt(2)) && !isLowerCode(t.charCodeAt(2))) {
        // "o" followed by something that is no word: plain text
      } else if (g !== 'o' || isUpperCode(t.charCodeAt(2))) {
        const depth = g === 'o' || g === '◦' || g === '▪' || g === '■' ? 1 : 0;
        setItem(ln, 'bullet', g, depth, m[0].length);
        continue;
      }
    }
  }
  void primary;

  // Footnote bodies: continuation lines until a blank line, page start or another block start.
  for (let i = 0; i < lines.length; i++) {
    const ln = lines[i];
    if (ln.kind !== 'footnote') continue;
    let end = ln.ce;
    let j = i + 1;
    while (j < lines.length && lines[j].kind === 'text' && !lines[j].pageStart && !startsNewBlock(lines[j].t)) {
      end = lines[j].ce;
      lines[j].kind = 'noise';
      j++;
    }
    const label = String(ln.fnNumber);
    const bodyStart = ln.cs + (FOOTNOTE_RE.exec(ln.t)?.[0].length ?? 0);
    const body = normalizeText(text.slice(bodyStart, end));
    // The nearest marker is the one that belongs to it: usually above, on the
    // same page; sometimes just below, when extraction put the page foot first.
    let best: Span | null = null;
    for (const r of gluedSeen.get(ln.fnNumber) ?? []) {
      const d = r.start < ln.start ? ln.start - r.start : (r.start - end) * 2;
      if (d > 6000) continue;
      if (!best || d < (best.start < ln.start ? ln.start - best.start : (best.start - end) * 2)) best = r;
    }
    const ref = best ? [best] : [];
    usedMarkers.push(...ref);
    footnotes.push({ label, text: body, range: { start: ln.cs, end }, refs: ref, isSource: false });
  }
  usedMarkers.sort((a, b) => a.start - b.start);

  const noise: Span[] = [];
  for (const ln of lines) if (ln.kind === 'noise' || ln.kind === 'footnote') noise.push({ start: ln.cs, end: ln.ce });
  const masked = maskSpans(text, [...noise, ...usedMarkers].sort((a, b) => a.start - b.start));

  // Assemble blocks.
  const blocks: Block[] = [];
  let cur: { kind: 'paragraph' | 'item'; start: number; end: number; contentStart: number; line: Line; lastText: string } | null = null;
  let gap = false; // a blank, noise or footnote line since the last content line

  const flush = (): void => {
    if (!cur) return;
    const content = { start: cur.contentStart, end: cur.end };
    blocks.push({
      type: cur.kind,
      range: { start: cur.start, end: cur.end },
      content,
      text: normalizeText(masked.slice(content.start, content.end)),
      level: 0,
      label: cur.kind === 'item' ? cur.line.label : null,
      marker: cur.kind === 'item' ? cur.line.marker : null,
      depth: cur.kind === 'item' ? cur.line.depth : 0,
      attrId: null,
      closed: false,
      divId: null,
      major: false,
    });
    cur = null;
  };

  for (let i = 0; i < lines.length; i++) {
    const ln = lines[i];
    switch (ln.kind) {
      case 'blank':
        gap = true;
        break;
      case 'noise':
        gap = true;
        break;
      case 'footnote':
        gap = true;
        break;
      case 'heading':
      case 'marker': {
        flush();
        const hn = parseHeadingNumber(ln.t, lexicons);
        blocks.push({
          type: ln.kind === 'heading' ? 'heading' : 'marker',
          range: { start: ln.cs, end: ln.ce },
          content: { start: ln.cs, end: ln.ce },
          text: normalizeText(masked.slice(ln.cs, ln.ce)),
          level: ln.level,
          label: hn.numbering,
          marker: null,
          depth: 0,
          attrId: null,
          closed: true,
          divId: null,
          major: ln.major,
        });
        gap = false;
        break;
      }
      case 'item':
        flush();
        cur = { kind: 'item', start: ln.cs, end: ln.ce, contentStart: ln.itemContentStart, line: ln, lastText: ln.t };
        gap = false;
        break;
      case 'text': {
        if (cur) {
          const last = cur.lastText;
          const questionDone = cur.kind === 'item' && cur.line.marker === 'number' && /\?["'’”)]*$/.test(last) && isUpperCode(ln.t.charCodeAt(0));
          // An item whose sentence is not finished reads on over breaks ("… eigen lokale beleid? " after "… aanbod").
          const itemOpen = cur.kind === 'item' && !TERMINAL_RE.test(last) && !startsNewBlock(ln.t);
          const continues = !questionDone && (!gap || itemOpen || readsOn(last, ln.t, functionWords));
          if (continues) {
            cur.end = ln.ce;
            cur.lastText = ln.t;
            gap = false;
            break;
          }
          flush();
        }
        cur = { kind: 'paragraph', start: ln.cs, end: ln.ce, contentStart: ln.cs, line: ln, lastText: ln.t };
        gap = false;
        break;
      }
    }
  }
  flush();
  return { blocks, footnotes, markers: usedMarkers, noise, masked };

  function setItem(ln: Line, marker: Block['marker'], label: string, depth: number, prefix: number): void {
    ln.kind = 'item';
    ln.marker = marker;
    ln.label = label;
    ln.depth = depth;
    ln.itemContentStart = ln.cs + prefix;
  }
}

function primaryRoles(lexicons: readonly Lexicon[], title: string): string[] {
  for (const lx of lexicons) {
    const r = lx.headingRoles(title);
    if (r.length) return r;
  }
  return [];
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let pos = 0;
  const n = text.length;
  while (pos <= n) {
    let end = pos;
    while (end < n && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    let cs = pos;
    let ce = end;
    while (cs < ce && isBlankCode(text.charCodeAt(cs))) cs++;
    while (ce > cs && isBlankCode(text.charCodeAt(ce - 1))) ce--;
    const t = text.slice(cs, ce);
    lines.push({
      start: pos,
      end,
      cs,
      ce,
      t,
      pageStart: cs - pos === 1 && text.charCodeAt(pos) === 32,
      kind: t.length === 0 ? 'blank' : 'text',
      level: 0,
      numbering: null,
      major: false,
      title: '',
      marker: null,
      label: null,
      depth: 0,
      itemContentStart: cs,
      fnNumber: 0,
    });
    if (end >= n) break;
    pos = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
  }
  return lines;
}

function isBlankCode(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 12 || c === 11 || c === 0xfeff;
}

/** Page numbers and running headers/footers. */
function markNoise(lines: Line[]): void {
  for (const ln of lines) if (ln.kind === 'text' && PAGE_NUM_RE.test(ln.t)) ln.kind = 'noise';
  // Running headers: a short line repeated ≥ 3 times, each time next to a page number or page start.
  const count = new Map<string, number[]>();
  lines.forEach((ln, i) => {
    if (ln.kind !== 'text' || ln.t.length < 6 || ln.t.length > 100) return;
    const key = ln.t.replace(/\d+/g, '#').toLowerCase();
    const list = count.get(key) ?? [];
    list.push(i);
    count.set(key, list);
  });
  for (const idx of count.values()) {
    if (idx.length < 3) continue;
    const nearPage = idx.filter((i) => {
      for (let d = -2; d <= 2; d++) {
        const l = lines[i + d];
        if (d !== 0 && l && l.kind === 'noise') return true;
      }
      return lines[i].pageStart;
    });
    if (nearPage.length >= Math.max(3, Math.ceil(idx.length * 0.6))) for (const i of idx) lines[i].kind = 'noise';
  }
}

function nextContent(lines: Line[], i: number): Line | null {
  for (let j = i + 1; j < lines.length && j < i + 40; j++) if (lines[j].kind !== 'blank' && lines[j].kind !== 'noise') return lines[j];
  return null;
}

function prevContent(lines: Line[], i: number): Line | null {
  for (let j = i - 1; j >= 0 && j > i - 40; j--) if (lines[j].kind !== 'blank' && lines[j].kind !== 'noise' && lines[j].kind !== 'footnote') return lines[j];
  return null;
}

function startsNewBlock(t: string): boolean {
  return NUMBERED_ITEM_RE.test(t) || BULLET_RE.test(t) || FOOTNOTE_RE.test(t);
}

/** A line that could be a title: short, capitalised, not ending a sentence, not read on by the next line. */
function looksLikeTitle(t: string, next: Line | null, _lines: Line[]): boolean {
  if (t.length === 0 || t.length > 100) return false;
  const c = t.charCodeAt(0);
  if (!isUpperCode(c) && !(c >= 48 && c <= 57)) return false;
  if (/[.,;]["'’”]?$/.test(t)) return false;
  if (words(t).length > 14) return false;
  if (next && next.kind === 'text' && isLowerCode(next.t.charCodeAt(0)) && !/[?:]$/.test(t)) return false;
  return true;
}

interface HeadingGuess {
  chapterWord?: boolean;
  /** Numbered by a chapter word that is no chapter ("Bijlage 1"): its own sequence. */
  appendix?: boolean;
  level: number;
  numbering: string | null;
  major: boolean;
  title: string;
  marker?: boolean;
}

function headingOf(ln: Line, t: string, next: Line | null, prev: Line | null, lines: Line[], _i: number, lexicons: readonly Lexicon[], inReaction: boolean): HeadingGuess | null {
  if (t.length > 140) return null;
  if (/\+\s?\+\s*\|/.test(t)) return null; // a norm with its score scale
  const bare = t.replace(/[:.]$/, '').trim();
  const ws = words(bare);
  // Reaction markers ("Reactie") inside a reaction.
  if (inReaction && ws.length <= 4) {
    for (const lx of lexicons) if (lx.reactionMarkers.isWhole(ws)) return { level: 9, numbering: null, major: false, title: bare, marker: true };
  }
  const hn = parseHeadingNumber(t, lexicons);
  if (hn.chapterWord) {
    if (!hn.title || isUpperCode(hn.title.charCodeAt(0)) || hn.numbering) {
      if (hn.title.length > 110 || /[.;,]$/.test(hn.title) && hn.title.length > 60) return null;
      const chapterWord = /^(hoofdstuk|chapter|deel|part)$/.test(hn.chapterWord);
      return { level: 1, numbering: hn.numbering, major: true, title: hn.title, chapterWord, appendix: !chapterWord };
    }
  }
  if (hn.groupWord) {
    return { level: 3, numbering: hn.numbering, major: false, title: hn.title };
  }
  if (hn.numbering && !hn.letter) {
    const dotted = hn.numbering.includes('.');
    const afterNumber = t.slice(hn.numbering.length);
    // "2. Wat zijn …" is a list item; "2 Beleidsanalyse" and "8.1 Conclusies" are headings.
    if (!dotted && afterNumber.startsWith('.')) return null;
    if (dotted && afterNumber.startsWith('.') && !/^\.\s/.test(afterNumber)) return null;
    if (!hn.title || !looksLikeTitle(hn.title, next, lines)) return null;
    if (words(hn.title).length > 12) return null;
    const depth = hn.numbering.split('.').length;
    if (!dotted && Number(hn.numbering) > 30) return null;
    return { level: depth, numbering: hn.numbering, major: depth === 1, title: hn.title };
  }
  if (hn.letter) {
    if (!looksLikeTitle(hn.title, next, lines) || /\?$/.test(hn.title)) return null;
    return { level: 3, numbering: hn.numbering, major: false, title: hn.title };
  }
  // Unnumbered: keyword headings and short title lines.
  if (ws.length === 0 || ws.length > 10 || bare.length > 90) return null;
  if (!looksLikeTitle(t, next, lines)) return null;
  if (/[?!]$/.test(t)) return null;
  if (NUMBERED_ITEM_RE.test(t) || BULLET_RE.test(t)) return null;
  const prevEnds = !prev || prev.kind !== 'text' || SENTENCE_END_RE.test(prev.t) || TERMINAL_RE.test(prev.t) || prev.kind === undefined;
  const blankBefore = isPrecededByBreak(lines, ln);
  for (const lx of lexicons) {
    if (lx.majorHeadings.isWhole(ws)) return { level: 1, numbering: null, major: true, title: bare };
  }
  let keyword = false;
  for (const lx of lexicons) {
    const roles = lx.headingRoles(bare);
    if (roles.length && ws.length <= 6) keyword = true;
  }
  if (keyword && (prevEnds || blankBefore)) return { level: 4, numbering: null, major: false, title: bare };
  // A short title line: stands alone between breaks, the next line starts a new sentence or list.
  if (!blankBefore || !prevEnds) return null;
  if (ws.length > 8 || bare.length > 70) return null;
  if (/\d{3,}/.test(bare)) return null;
  if (next && next.kind === 'text' && !isUpperCode(next.t.charCodeAt(0))) return null;
  if (/:$/.test(t)) return null;
  return { level: 4, numbering: null, major: false, title: bare };
}

function isPrecededByBreak(lines: Line[], ln: Line): boolean {
  const i = lines.indexOf(ln);
  if (i <= 0) return true;
  const p = lines[i - 1];
  return p.kind === 'blank' || p.kind === 'noise' || p.kind === 'footnote' || ln.pageStart || p.kind === 'heading';
}

/**
 * Does `next` read on from `last` across a break? Yes when `last` does not
 * end a sentence and `next` starts in lower case, or `last` ends in a
 * function word or a hyphen ("… naar" / "Jeugdhulp?").
 */
function readsOn(last: string, next: string, functionWords: ReadonlySet<string>): boolean {
  if (SENTENCE_END_RE.test(last)) return false;
  if (startsNewBlock(next)) return false;
  const c = next.charCodeAt(0);
  if (isLowerCode(c)) return true;
  if (/[-–,]$/.test(last)) return true;
  const lw = words(last);
  const w = lw[lw.length - 1];
  return !!w && functionWords.has(w);
}

/** Blanks the spans out with spaces, keeping line breaks: offsets stay valid. */
function maskSpans(text: string, spans: readonly Span[]): string {
  if (spans.length === 0) return text;
  let out = '';
  let pos = 0;
  for (const sp of spans) {
    if (sp.start < pos) continue;
    out += text.slice(pos, sp.start);
    out += text.slice(sp.start, sp.end).replace(/[^\r\n]/g, ' ');
    pos = sp.end;
  }
  return out + text.slice(pos);
}
