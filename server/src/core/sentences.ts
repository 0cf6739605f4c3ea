/**
 * Linear-time sentence splitter for Dutch and English audit texts.
 *
 * Input is either the raw Markdown source of a paragraph or plain text extracted
 * from a PDF (hyphenated line breaks, page numbers, glued footnote markers,
 * bullets). `splitSentences(text, start, end, lang)` splits `text.slice(start, end)`
 * and returns `[start, end)` spans into the WHOLE `text` (UTF-16 offsets), in
 * ascending order, trimmed of whitespace, never empty, never overlapping. Every
 * non-whitespace character of the range lies in exactly one span.
 *
 * The scan is a single left-to-right pass with constant look-around (bounded
 * look-ahead over the whitespace that follows a candidate, bounded look-back over
 * the token before a dot), so the cost is O(n). No regular expression is ever run
 * over more than one character.
 *
 * A boundary is placed:
 * - after `.` `?` `!` `…` (runs such as `?!` or `...` count as one), optionally
 *   followed by closing quotes/brackets/emphasis (’ ” " ' ) ] } » * _) or a
 *   Markdown footnote reference (`[^1]`), then whitespace, when the next
 *   non-space character can start a sentence: an upper-case (or caseless)
 *   letter, a digit, an opening quote/bracket, a bullet, a currency sign, a
 *   symbol or emoji.
 *   `Hij vroeg: ‘Waarom?’ Daarna` → `Hij vroeg: ‘Waarom?’` | `Daarna`.
 *   A lower-case next word never starts a sentence (`o.a. de`, PDF line wraps).
 * - after a footnote marker glued to a sentence-final dot: `wijziging.1 Voor` →
 *   `wijziging.1` | `Voor` (1-3 digits after a letter or closing quote, then
 *   whitespace and a sentence start; never inside URLs, never after numbers such
 *   as `3.5`).
 * - at a blank line (paragraph break). Exception for PDF text, which is often
 *   double-spaced: when the line before does not end with `.?!…:` and either the
 *   next line starts in lower case (`met be-\n\ntrekking tot`) or with `(` after a
 *   word (`wettelijke\n\n(rand)voorwaarden`), or the line before
 *   ends with an article, preposition or conjunction (`voor de\n\nStichting WIJ`),
 *   the sentence continues. (A Markdown paragraph never contains a blank line.)
 * - at a line break followed by a list item: a bullet glyph (• ◦ ▪ ■ − – — - * o
 *   …) plus a space, or a numbered item `1. ` / `1.2 ` / `3) ` / `a. ` followed by
 *   an upper-case letter.
 *
 * No boundary:
 * - after abbreviations from `lexicon/abbreviations.json` (case-insensitive,
 *   `o.a. De Vries`, `i.v.m. Corona`, `dr. Simone`), multi-word ones included
 *   (`et al.`). A few abbreviations often END a sentence and then behave like a
 *   normal word: `enz.`, `etc.`, `e.d.`, `e.a.`, `e.v.`, `jl.`, `a.s.`, `mln.`,
 *   `Inc.`, `a.m.`… (`… personeel etc. Vertrouwde` splits). Some abbreviations
 *   are also ordinary words (`no.`, `art.`, `vol.`, `min.`, `jan.`): they only
 *   block a boundary before a digit (`art. 5`, `No. 3`).
 * - after a word fragment that follows a hyphenated line break, even if it looks
 *   like an abbreviation (`ontwikkelings-\ngen. Dat` splits; `gen.` is not "General").
 * - after initials: `J. de Vries`, `A. Jansen`, `H.J. de Boer`. A single
 *   lower-case letter only counts as an enumeration at the start of a sentence
 *   or line (`a. De gesprekken`); elsewhere it is a word (`… van u. Met`).
 * - after an enumeration number at the start of a sentence or line:
 *   `1. In welke mate …` is one sentence; `8.1 Conclusies` is not split after `8.`.
 * - inside numbers, dates, URLs, e-mail addresses and file names (`€ 4.726.000`,
 *   `72,5 m euro`, `1.1.2024`, `www.rigg.nl/`, `info@x.nl`, `rapport.pdf`): a
 *   dot that is not followed by whitespace is never a boundary. A URL at the end
 *   of a sentence followed by `. Next` still ends it.
 * - at a colon (`Hoofdstuk 5:`), and at a single line break (hyphenated line
 *   breaks such as `uitvoe-\nring` stay inside their sentence).
 * - inside Markdown inline markup: `[...]` (pandoc citations `[@key, p. 4]`, link
 *   text), a link destination `(...)` directly after `]`, inline code `` `...` ``.
 *   A region only protects when it is closed within 500 characters and before
 *   the end of the line block (blank line or list item); an unclosed `[` protects
 *   nothing, so one stray bracket cannot swallow the rest of a large text.
 *
 * CR LF and CR behave like LF. Boundaries always fall right after BMP punctuation
 * or digits, or inside whitespace, so surrogate pairs are never cut.
 */
import abbreviations from './lexicon/abbreviations.json';

export interface SentenceSpan {
  start: number;
  end: number;
}

export type SentenceLang = 'nl' | 'en';

/** Abbreviations that may end a sentence: before a sentence start they act as a full stop. */
const SENTENCE_FINAL = new Set([
  'enz.', 'etc.', 'e.d.', 'e.a.', 'e.v.', 'e.o.', 'o.i.d.', 'c.s.', 'jl.', 'a.s.',
  'jr.', 'sr.', 'mln.', 'mld.', 'mrd.', 'ibid.', 'b.v.', 'n.v.',
  'inc.', 'ltd.', 'corp.', 'co.', 'bros.', 'a.m.', 'p.m.',
]);

/** Abbreviations that are also ordinary words: they only block a boundary before a digit. */
const BEFORE_DIGIT_ONLY = new Set(['no.', 'nos.', 'art.', 'vol.', 'min.', 'max.', 'jan.', 'sec.', 'tel.']);

/** Words that cannot end a sentence or a heading: a line ending in one continues after a blank line. */
const DANGLING_WORDS = new Set([
  'de', 'het', 'een', 'van', 'voor', 'door', 'met', 'naar', 'aan', 'bij', 'uit', 'om', 'tot', 'te',
  'en', 'of', 'dat', 'die', 'als', 'maar', 'want', 'zoals', 'tussen', 'zonder', 'per', 'vanaf', 'vanuit',
  'the', 'a', 'an', 'of', 'to', 'and', 'or', 'for', 'with', 'by', 'from', 'than', 'into',
]);

/** Maximum distance (UTF-16 units) a `[`, `(` or backtick can protect. */
const PROTECT_CAP = 500;
/** Maximum nesting depth of protected regions that is tracked. */
const MAX_DEPTH = 64;
/** Longest token (including its final dot) that is looked up as an abbreviation. */
const MAX_KEY = 24;

interface MultiWord {
  /** The whole entry, e.g. "op. cit.". */
  full: string;
  /** Offset of the keyed word inside `full`. */
  offset: number;
}

interface Lexicon {
  single: Set<string>;
  /** Multi-word entries ("et al.", "op. cit."), keyed by each of their words that ends in a dot. */
  multi: Map<string, MultiWord[]>;
}

const lexicons = new Map<string, Lexicon>();

function lexiconFor(lang: SentenceLang | undefined): Lexicon {
  const key = lang === 'nl' || lang === 'en' ? lang : 'all';
  let lex = lexicons.get(key);
  if (lex) return lex;
  const lists = abbreviations as { nl: string[]; en: string[] };
  const entries = key === 'nl' ? lists.nl : key === 'en' ? lists.en : [...lists.nl, ...lists.en];
  lex = { single: new Set(), multi: new Map() };
  for (const raw of entries) {
    const entry = raw.trim().toLowerCase().replace(/\s+/g, ' ');
    if (!entry) continue;
    if (!entry.includes(' ')) {
      lex.single.add(entry);
      continue;
    }
    let offset = 0;
    for (const word of entry.split(' ')) {
      if (word.endsWith('.')) {
        const list = lex.multi.get(word);
        if (list) list.push({ full: entry, offset });
        else lex.multi.set(word, [{ full: entry, offset }]);
      }
      offset += word.length + 1;
    }
  }
  lexicons.set(key, lex);
  return lex;
}

// ---------------------------------------------------------------- characters

const TAB = 9, LF = 10, VT = 11, FF = 12, CR = 13, SPACE = 32;
const QUOTE = 34, APOS = 39, LPAREN = 40, RPAREN = 41, STAR = 42, DOT = 46, SLASH = 47;
const COLON = 58, QUESTION = 63, AT = 64, LBRACKET = 91, BACKSLASH = 92, RBRACKET = 93;
const CARET = 94, UNDERSCORE = 95, BACKTICK = 96, RBRACE = 125, EXCLAIM = 33;
const ELLIPSIS = 0x2026, RSQUO = 0x2019, RDQUO = 0x201d, RAQUO = 0xbb, RSAQUO = 0x203a;
const LINE_SEP = 0x2028, PARA_SEP = 0x2029;

/** Same set as JavaScript's `\s`. */
function isWs(c: number): boolean {
  if (c > SPACE && c < 0xa0) return false;
  return (
    c === SPACE || (c >= TAB && c <= CR) || c === 0xa0 || c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) || c === LINE_SEP || c === PARA_SEP ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

function isLineBreak(c: number): boolean {
  return c === LF || c === CR || c === VT || c === FF || c === LINE_SEP || c === PARA_SEP;
}

function isHorizontalWs(c: number): boolean {
  return isWs(c) && !isLineBreak(c);
}

function isTerminator(c: number): boolean {
  return c === DOT || c === QUESTION || c === EXCLAIM || c === ELLIPSIS;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Closing quotes, brackets and Markdown emphasis that may follow a sentence end. */
function isCloser(c: number): boolean {
  return (
    c === RSQUO || c === RDQUO || c === QUOTE || c === APOS || c === RPAREN || c === RBRACKET ||
    c === RBRACE || c === RAQUO || c === RSAQUO || c === STAR || c === UNDERSCORE
  );
}

/** Opening punctuation skipped at the start of a token before looking up abbreviations. */
function isOpener(c: number): boolean {
  return (
    c === LPAREN || c === LBRACKET || c === 123 || c === QUOTE || c === APOS || c === STAR ||
    c === UNDERSCORE || c === 0x2018 || c === 0x201c || c === 0x201e || c === 0x201a ||
    c === 0xab || c === 0x2039 || c === 0xbf || c === 0xa1
  );
}

/** Markdown characters whose backslash escape must not open or close a region. */
function isEscapable(c: number): boolean {
  return c === LBRACKET || c === RBRACKET || c === LPAREN || c === RPAREN || c === BACKTICK || c === BACKSLASH;
}

const BULLETS = new Set([
  0x2022, 0x25e6, 0x25cf, 0x25cb, 0x25aa, 0x25ab, 0x25a0, 0x25a1, 0x2023, 0x2043, 0x2219, 0xb7,
  0x2212, 0x2013, 0x2014, 45 /* - */, STAR, 111 /* o */, 0x25ba, 0x25b6, 0x27a2, 0x27a4, 0x2192,
  0x2713, 0x2714, 0xf0b7, 0xf0a7, 0xf0d8, 0xf0fc, 0xf076,
]);

const RE_LETTER = /^\p{L}$/u;
const RE_UPPER = /^[\p{Lu}\p{Lt}]$/u;
const RE_LOWER = /^\p{Ll}$/u;
const RE_START = /^[\p{Lu}\p{Lt}\p{Lo}\p{Nd}\p{Ps}\p{Pi}\p{Sc}\p{So}§¿¡]$/u;

function charAt(text: string, p: number): string {
  return String.fromCodePoint(text.codePointAt(p) ?? 0);
}

function isLetterAt(text: string, p: number): boolean {
  const c = text.charCodeAt(p);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return RE_LETTER.test(charAt(text, p));
}

function isUpperAt(text: string, p: number): boolean {
  const c = text.charCodeAt(p);
  if (c < 128) return c >= 65 && c <= 90;
  return RE_UPPER.test(charAt(text, p));
}

function isLowerAt(text: string, p: number): boolean {
  const c = text.charCodeAt(p);
  if (c < 128) return c >= 97 && c <= 122;
  return RE_LOWER.test(charAt(text, p));
}

/** Can the character at `p` (first non-space after a candidate boundary) start a sentence? */
function startsSentence(text: string, p: number, end: number): boolean {
  const c = text.charCodeAt(p);
  if (c < 128) {
    if (isDigit(c) || (c >= 65 && c <= 90)) return true;
    if (c >= 97 && c <= 122) return false;
    // ( [ " ' * _ - # $ @ `
    return (
      c === LPAREN || c === LBRACKET || c === QUOTE || c === APOS || c === STAR || c === UNDERSCORE ||
      c === 45 || c === 35 || c === 36 || c === AT || c === BACKTICK
    );
  }
  if (c === RSQUO) {
    // Dutch elisions: ’s Avonds, ’t Is, ’n Paar.
    const n = p + 1 < end ? text.charCodeAt(p + 1) : 0;
    return (n === 115 || n === 116 || n === 110) && (p + 2 >= end || !isLetterAt(text, p + 2));
  }
  if (BULLETS.has(c) || c === 0x2018 || c === 0x201c) return true;
  return RE_START.test(charAt(text, p));
}

function isBulletAt(text: string, p: number, end: number): boolean {
  if (p + 1 >= end || !BULLETS.has(text.charCodeAt(p))) return false;
  return isHorizontalWs(text.charCodeAt(p + 1));
}

/**
 * A numbered list item or numbered heading at `p` (start of a line): `1. `, `12) `,
 * `1.2. `, `8.1 ` (at least one inner dot when there is no trailing delimiter) or
 * `a. ` / `b) `, followed by spaces and an upper-case letter. Groups have at most
 * two digits, so years and amounts (`2015. `, `4.726 `) are not list items.
 */
function isListItemAt(text: string, p: number, end: number): boolean {
  let q = p;
  const c = text.charCodeAt(q);
  if (isDigit(c)) {
    let groups = 0;
    for (;;) {
      const g = q;
      while (q < end && q - g <= 2 && isDigit(text.charCodeAt(q))) q++;
      if (q - g > 2) return false;
      groups++;
      if (q + 1 < end && text.charCodeAt(q) === DOT && isDigit(text.charCodeAt(q + 1)) && groups < 6) {
        q++;
        continue;
      }
      break;
    }
    const d = q < end ? text.charCodeAt(q) : 0;
    if (d === DOT || d === RPAREN) q++;
    else if (groups < 2) return false;
  } else if (c >= 97 && c <= 122) {
    const d = q + 1 < end ? text.charCodeAt(q + 1) : 0;
    if (d !== DOT && d !== RPAREN) return false;
    q += 2;
  } else {
    return false;
  }
  const ws = q;
  while (q < end && q - ws < 8 && isHorizontalWs(text.charCodeAt(q))) q++;
  return q > ws && q < end && isUpperAt(text, q);
}

function skipWs(text: string, p: number, end: number): number {
  while (p < end && isWs(text.charCodeAt(p))) p++;
  return p;
}

/** `[a, dot)` is `X` or `X.Y.Z` with single letters (initials, `o.a`-style abbreviations). */
function isDottedLetters(text: string, a: number, dot: number): boolean {
  let p = a;
  for (;;) {
    if (p >= dot || !isLetterAt(text, p)) return false;
    p++;
    if (p === dot) return true;
    if (text.charCodeAt(p) !== DOT) return false;
    p++;
  }
}

/** `[a, dot)` is an enumeration label: `1`, `1.2`, `12.3.4` (groups ≤ 3 digits) or a Roman numeral. */
function isEnumerationLabel(text: string, a: number, dot: number): boolean {
  const c = text.charCodeAt(a);
  if (isDigit(c)) {
    let p = a;
    for (;;) {
      const g = p;
      while (p < dot && isDigit(text.charCodeAt(p))) p++;
      if (p === g || p - g > 3) return false;
      if (p === dot) return true;
      if (text.charCodeAt(p) !== DOT) return false;
      p++;
    }
  }
  if (dot - a > 6) return false;
  for (let p = a; p < dot; p++) {
    const r = text.charCodeAt(p);
    // I V X L C
    if (r !== 73 && r !== 86 && r !== 88 && r !== 76 && r !== 67) return false;
  }
  return true;
}

// ---------------------------------------------------------------- scanner

const KIND_BRACKET = 1;
const KIND_PAREN = 2;
const KIND_CODE = 3;

class Scanner {
  readonly cuts: number[] = [];
  private lastCommitted: number;

  // Protected regions: a stack whose bottom can be dropped (base index `sb`).
  private readonly sPos: number[] = [];
  private readonly sKind: number[] = [];
  private readonly sLen: number[] = [];
  private sb = 0;
  private st = 0;
  // Candidate boundaries found while a region is open, decided when it closes or is given up.
  private readonly pend: number[] = [];
  private pb = 0;
  private pt = 0;

  // Token state (a token is a maximal run of non-whitespace).
  private tokStart = -1;
  private coreStart = 0;
  private tokFirstInSeg = true;
  private tokAtLineStart = true;
  private tokAfterHyphenation = false;
  private urlish = false;
  private prevTokStart: number;
  private prevTokEnd: number;
  private lastBreak: number;
  private sawNewline = true;
  private lastNonWs = 0;
  private scheduled = -1;

  constructor(
    private readonly text: string,
    private readonly start: number,
    private readonly end: number,
    private readonly lex: Lexicon,
  ) {
    this.lastCommitted = start;
    this.prevTokStart = start;
    this.prevTokEnd = start;
    this.lastBreak = start;
  }

  run(): number[] {
    const { text, end } = this;
    let i = this.start;
    while (i < end) {
      if (this.scheduled >= 0 && i >= this.scheduled) {
        this.candidate(this.scheduled);
        this.scheduled = -1;
      }
      while (this.st > this.sb && i - this.sPos[this.sb] > PROTECT_CAP) this.dropBottom();

      const c = text.charCodeAt(i);
      if (isWs(c)) {
        if (this.tokStart >= 0) {
          this.prevTokStart = this.tokStart;
          this.prevTokEnd = i;
          this.tokStart = -1;
        }
        i = isLineBreak(c) ? this.lineBreak(i, c) : i + 1;
        continue;
      }
      if (this.tokStart < 0) this.beginToken(i);

      const top = this.st > this.sb ? this.sKind[this.st - 1] : 0;
      if (c === BACKTICK) {
        i = this.backticks(i, top);
        continue;
      }
      if (top !== KIND_CODE) {
        if (c === BACKSLASH && i + 1 < end && isEscapable(text.charCodeAt(i + 1))) {
          this.lastNonWs = text.charCodeAt(i + 1);
          i += 2;
          continue;
        }
        if (c === LBRACKET) {
          this.push(i, KIND_BRACKET, 0);
        } else if (c === RBRACKET) {
          if (top === KIND_BRACKET) {
            this.closeTop();
            if (i + 1 < end && text.charCodeAt(i + 1) === LPAREN) {
              this.push(i + 1, KIND_PAREN, 0);
              this.lastNonWs = LPAREN;
              i += 2;
              continue;
            }
          }
        } else if (c === LPAREN) {
          if (top === KIND_PAREN) this.push(i, KIND_PAREN, 0);
        } else if (c === RPAREN) {
          if (top === KIND_PAREN) this.closeTop();
        }
      }
      if (c === AT) {
        this.urlish = true;
      } else if (c === COLON && i + 2 < end && text.charCodeAt(i + 1) === SLASH && text.charCodeAt(i + 2) === SLASH) {
        this.urlish = true;
      } else if (isTerminator(c)) {
        i = this.terminator(i);
        continue;
      }
      this.lastNonWs = c;
      i++;
    }
    // Regions still open at the end of the range were never closed: they protect nothing.
    this.flushProtection();
    return this.cuts;
  }

  // ---- boundaries and protection

  private candidate(pos: number): void {
    this.lastBreak = pos;
    if (this.st > this.sb) this.pend[this.pt++] = pos;
    else this.commit(pos);
  }

  private commit(pos: number): void {
    if (pos > this.lastCommitted && pos < this.end) {
      this.cuts.push(pos);
      this.lastCommitted = pos;
    }
  }

  private push(pos: number, kind: number, len: number): void {
    if (this.st - this.sb >= MAX_DEPTH) return;
    this.sPos[this.st] = pos;
    this.sKind[this.st] = kind;
    this.sLen[this.st] = len;
    this.st++;
  }

  /** The innermost open region closed properly: candidates inside it are void. */
  private closeTop(): void {
    const open = this.sPos[--this.st];
    while (this.pt > this.pb && this.pend[this.pt - 1] > open) this.pt--;
    if (this.st === this.sb) this.flushProtection();
  }

  /** The outermost open region never closed in time: it protects nothing. */
  private dropBottom(): void {
    this.sb++;
    const limit = this.st > this.sb ? this.sPos[this.sb] : Infinity;
    while (this.pb < this.pt && this.pend[this.pb] < limit) this.commit(this.pend[this.pb++]);
    if (this.st === this.sb) this.flushProtection();
  }

  /** End of a line block: every open region is given up. */
  private flushProtection(): void {
    while (this.pb < this.pt) this.commit(this.pend[this.pb++]);
    this.sb = this.st = 0;
    this.pb = this.pt = 0;
  }

  private backticks(i: number, top: number): number {
    const { text, end } = this;
    let j = i;
    while (j < end && text.charCodeAt(j) === BACKTICK) j++;
    if (top === KIND_CODE) {
      if (this.sLen[this.st - 1] === j - i) this.closeTop();
    } else {
      this.push(i, KIND_CODE, j - i);
    }
    this.lastNonWs = BACKTICK;
    return j;
  }

  // ---- tokens

  private beginToken(i: number): void {
    const { text, end } = this;
    this.tokStart = i;
    this.tokFirstInSeg = this.prevTokEnd <= this.lastBreak;
    this.tokAtLineStart = this.sawNewline;
    // "ontwikkelings-\ngen." : a word fragment after a hyphenated line break is never an abbreviation.
    const h = this.prevTokEnd - 1;
    this.tokAfterHyphenation =
      this.sawNewline && h > this.start && text.charCodeAt(h) === 45 && isLetterAt(text, h - 1);
    this.sawNewline = false;
    let p = i;
    const lim = Math.min(end, i + 8);
    while (p < lim && isOpener(text.charCodeAt(p))) p++;
    this.coreStart = p;
    this.urlish =
      p + 4 <= end &&
      (text.charCodeAt(p) | 32) === 119 &&
      (text.charCodeAt(p + 1) | 32) === 119 &&
      (text.charCodeAt(p + 2) | 32) === 119 &&
      text.charCodeAt(p + 3) === DOT;
  }

  // ---- line breaks

  private lineBreak(i: number, c: number): number {
    const { text, end } = this;
    this.sawNewline = true;
    let next = i + 1;
    if (c === CR && next < end && text.charCodeAt(next) === LF) next++;
    let p = next;
    while (p < end && isHorizontalWs(text.charCodeAt(p))) p++;
    if (c === PARA_SEP || (p < end && isLineBreak(text.charCodeAt(p)))) {
      // Blank line: the line block ends here.
      const q = skipWs(text, p, end);
      this.flushProtection();
      if (q < end && !this.continuesAfterBlankLine(q)) this.candidate(i);
      return q;
    }
    if (p < end && (isBulletAt(text, p, end) || isListItemAt(text, p, end))) {
      this.flushProtection();
      this.candidate(i);
    }
    return next;
  }

  /**
   * PDF extraction often double-spaces lines, so a blank line is not always a paragraph break.
   * It is not when the line before does not end with `.?!…:` and either the next line starts
   * in lower case, or it starts with `(` right after a word, or the line before ends with an
   * article, preposition or conjunction.
   */
  private continuesAfterBlankLine(q: number): boolean {
    const { text, end } = this;
    if (isTerminator(this.lastNonWs) || this.lastNonWs === COLON) return false;
    if (isBulletAt(text, q, end) || isListItemAt(text, q, end)) return false;
    if (isLowerAt(text, q)) return true;
    // "terugbrengen\n\n(de-medicalisering en normalisering)."
    if (text.charCodeAt(q) === LPAREN && isLetterAt(text, this.prevTokEnd - 1)) return true;
    const a = this.prevTokStart;
    const b = this.prevTokEnd;
    return b > a && b - a <= 6 && DANGLING_WORDS.has(text.slice(a, b).toLowerCase());
  }

  // ---- sentence-final punctuation

  private terminator(i: number): number {
    const { text, end } = this;
    const c = text.charCodeAt(i);
    let j = i + 1;
    while (j < end && isTerminator(text.charCodeAt(j))) j++;
    this.lastNonWs = text.charCodeAt(j - 1);
    const singleDot = c === DOT && j === i + 1;

    // Footnote marker glued to the sentence end: "wijziging.1 Voor".
    if (j < end && isDigit(text.charCodeAt(j))) {
      let d = j;
      while (d < end && d - j < 4 && isDigit(text.charCodeAt(d))) d++;
      if (d - j <= 3 && (d === end || isWs(text.charCodeAt(d))) && this.footnoteAllowed(i)) {
        const q = skipWs(text, d, end);
        if (q < end && startsSentence(text, q, end) && !(singleDot && this.dotBlocks(i, q))) this.scheduled = d;
      }
      return j;
    }

    let k = j;
    while (k < end) {
      const k0 = text.charCodeAt(k);
      if (isCloser(k0)) {
        k++;
        continue;
      }
      if (k0 === LBRACKET && k + 1 < end && text.charCodeAt(k + 1) === CARET) {
        // Markdown footnote reference after the full stop: "zo.[^1] Daarna".
        let m = k + 2;
        const lim = Math.min(end, k + 64);
        while (m < lim && text.charCodeAt(m) !== RBRACKET && !isWs(text.charCodeAt(m))) m++;
        if (m < lim && text.charCodeAt(m) === RBRACKET) {
          k = m + 1;
          continue;
        }
      }
      break;
    }
    if (k >= end || !isWs(text.charCodeAt(k))) return j;
    const q = skipWs(text, k, end);
    if (q >= end || !startsSentence(text, q, end)) return j;
    if (singleDot) {
      if (this.dotBlocks(i, q)) return j;
    } else if ((c === DOT || c === ELLIPSIS) && i > this.start) {
      // Omission marks "(...)" and "[…]" are not sentence ends.
      const b = text.charCodeAt(i - 1);
      if (b === LPAREN || b === LBRACKET) return j;
    }
    this.scheduled = k;
    return j;
  }

  private footnoteAllowed(i: number): boolean {
    if (this.urlish || i <= this.start) return false;
    const b = this.text.charCodeAt(i - 1);
    return b === RSQUO || b === RDQUO || b === QUOTE || b === RPAREN || b === RBRACKET || isLetterAt(this.text, i - 1);
  }

  /** Does the single dot at `dot` belong to the token instead of ending the sentence? `q`: next sentence start. */
  private dotBlocks(dot: number, q: number): boolean {
    const { text } = this;
    const a = this.coreStart;
    if (a >= dot || dot + 1 - a > MAX_KEY || this.tokAfterHyphenation) return false;
    const key = text.slice(a, dot + 1).toLowerCase();
    if (SENTENCE_FINAL.has(key)) return false;
    if (BEFORE_DIGIT_ONLY.has(key)) return isDigit(text.charCodeAt(q));
    if (this.lex.single.has(key)) return true;
    const multi = this.lex.multi.get(key);
    if (multi) {
      for (const { full, offset } of multi) {
        const from = a - offset;
        if (from < this.start || from + full.length > this.end) continue;
        if (text.slice(from, from + full.length).toLowerCase() !== full) continue;
        if (from === this.start || isWs(text.charCodeAt(from - 1)) || isOpener(text.charCodeAt(from - 1))) return true;
      }
    }
    const atItemStart = this.tokFirstInSeg || this.tokAtLineStart;
    if (dot - a === 1 && isLetterAt(text, a)) {
      // Single letter: an initial when upper-case ("J. de Vries"); lower-case only as an enumeration ("a. De").
      return atItemStart || isUpperAt(text, a);
    }
    if (dot - a === 2 && key === 'ij.') return true; // IJ. de Vries
    if (isDottedLetters(text, a, dot)) return true;
    return atItemStart && isEnumerationLabel(text, a, dot);
  }
}

function clampOffset(v: number | undefined, fallback: number, length: number): number {
  if (v === undefined || Number.isNaN(v)) return fallback;
  return Math.max(0, Math.min(length, Math.trunc(v)));
}

/**
 * Split `text.slice(start, end)` into sentences. Offsets are relative to the whole
 * `text`. `lang` selects the abbreviation list (default: Dutch and English).
 */
export function splitSentences(text: string, start?: number, end?: number, lang?: SentenceLang): SentenceSpan[] {
  const from = clampOffset(start, 0, text.length);
  const to = clampOffset(end, text.length, text.length);
  if (from >= to) return [];
  const cuts = new Scanner(text, from, to, lexiconFor(lang)).run();
  const spans: SentenceSpan[] = [];
  let a = from;
  for (let n = 0; n <= cuts.length; n++) {
    const b = n < cuts.length ? cuts[n] : to;
    let x = a;
    let y = b;
    while (x < y && isWs(text.charCodeAt(x))) x++;
    while (y > x && isWs(text.charCodeAt(y - 1))) y--;
    if (x < y) spans.push({ start: x, end: y });
    a = b;
  }
  return spans;
}
