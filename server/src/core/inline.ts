/**
 * Inline scanners over raw text: pandoc citations, references between items
 * written in words ("zie conclusie 3", "norm 2.1", "aanbevelingen 2 en 4"),
 * bare ids (C3, N2.1), URLs, and the inline-markup stripper.
 *
 * Pandoc citation syntax read here:
 *   [@key], [@key, p. 4], [see @a, pp. 3-5; @b], [-@key], @key, @key [p. 4], @{key.with.dots}
 * An `@` glued to a preceding letter or digit (an e-mail address) is no citation.
 */
import type { Citation, Reference, Span } from './types';
import type { Lexicon } from './lexicon';
import type { ItemKind } from './numbering';

const MAX_BRACKET = 600;

function isKeyStart(c: string): boolean {
  return /[\p{L}\p{N}_]/u.test(c);
}
function isKeyChar(c: string): boolean {
  return /[\p{L}\p{N}_:.#$%&\-+?<>~/]/u.test(c);
}

/** Reads a key at `at` (just after `@`); returns its end or -1. Trailing punctuation is not part of a key. */
function readKey(text: string, at: number, limit: number): { start: number; end: number; key: string } | null {
  if (text[at] === '{') {
    const close = text.indexOf('}', at + 1);
    if (close < 0 || close - at > 200 || close > limit) return null;
    const key = text.slice(at + 1, close);
    if (!key.trim() || /[\s{}]/.test(key)) return null;
    return { start: at + 1, end: close, key };
  }
  if (at >= limit || !isKeyStart(text[at])) return null;
  let end = at + 1;
  while (end < limit && end - at < 200 && isKeyChar(text[end])) end++;
  while (end > at + 1 && /[:.#$%&\-+?<>~/]/.test(text[end - 1])) end--;
  return { start: at, end, key: text.slice(at, end) };
}

const LOCATOR_RE = /^(?:p|pp|pag|page|pages|blz|bl|pagina|pagina's|hoofdstuk|hfst|chap|chapter|sec|section|par|paragraaf|§|fig|figuur|tabel|table|nr|no|art|artikel|vol|deel|bijlage)\.?\s*\d|^\d/i;

export function scanCitations(text: string, from: number, to: number, skip: readonly Span[] = []): Citation[] {
  const out: Citation[] = [];
  let skipIdx = 0;
  const inSkip = (pos: number): number => {
    while (skipIdx < skip.length && skip[skipIdx].end <= pos) skipIdx++;
    if (skipIdx < skip.length && skip[skipIdx].start <= pos) return skip[skipIdx].end;
    return -1;
  };
  let i = from;
  while (i < to) {
    const s = inSkip(i);
    if (s >= 0) {
      i = s;
      continue;
    }
    const ch = text[i];
    if (ch === '[' && text[i + 1] !== '^') {
      const close = findClose(text, i, to);
      if (close > 0 && text[close + 1] !== '(' && text[close + 1] !== '[' && text[close + 1] !== '{') {
        const group = parseGroup(text, i, close);
        if (group.length > 0) {
          out.push(...group);
          i = close + 1;
          continue;
        }
      }
    } else if (ch === '@') {
      const prev = i > 0 ? text[i - 1] : ' ';
      if (!/[\p{L}\p{N}_.\-+@]/u.test(prev)) {
        const k = readKey(text, i + 1, to);
        if (k) {
          let end = k.end + (text[i + 1] === '{' ? 1 : 0);
          let locator: string | null = null;
          // `@key [p. 4]`
          let j = end;
          while (j < to && text[j] === ' ') j++;
          if (text[j] === '[' && j - end <= 1) {
            const close = findClose(text, j, to);
            if (close > 0 && !text.slice(j + 1, close).includes('@')) {
              locator = text.slice(j + 1, close).trim() || null;
              end = close + 1;
            }
          }
          out.push({
            key: k.key,
            locator,
            prefix: null,
            suffix: locator,
            suppressAuthor: false,
            inText: true,
            range: { start: i, end },
            keyRange: { start: k.start, end: k.end },
            groupRange: { start: i, end },
          });
          i = end;
          continue;
        }
      }
    }
    i++;
  }
  return out;
}

function findClose(text: string, open: number, to: number): number {
  let depth = 0;
  const limit = Math.min(to, open + MAX_BRACKET);
  for (let j = open; j < limit; j++) {
    const c = text[j];
    if (c === '\\') {
      j++;
      continue;
    }
    if (c === '[') depth++;
    else if (c === ']') {
      depth--;
      if (depth === 0) return j;
    } else if (c === '\n' && text[j + 1] === '\n') return -1;
  }
  return -1;
}

function parseGroup(text: string, open: number, close: number): Citation[] {
  const out: Citation[] = [];
  let partStart = open + 1;
  const groupRange = { start: open, end: close + 1 };
  for (let j = open + 1; j <= close; j++) {
    if (j === close || text[j] === ';') {
      const c = parsePart(text, partStart, j, groupRange);
      if (!c) return [];
      out.push(c);
      partStart = j + 1;
    }
  }
  return out;
}

function parsePart(text: string, start: number, end: number, groupRange: Span): Citation | null {
  // find '@' that starts a key (optionally preceded by '-')
  for (let j = start; j < end; j++) {
    if (text[j] !== '@') continue;
    const prev = j > start ? text[j - 1] : ' ';
    if (/[\p{L}\p{N}_]/u.test(prev)) continue;
    const k = readKey(text, j + 1, end);
    if (!k) continue;
    const suppress = prev === '-';
    const atStart = suppress ? j - 1 : j;
    const prefix = text.slice(start, atStart).trim() || null;
    const keyEnd = k.end + (text[j + 1] === '{' ? 1 : 0);
    let suffix = text.slice(keyEnd, end).trim();
    if (suffix.startsWith(',')) suffix = suffix.slice(1).trim();
    const locator = suffix && LOCATOR_RE.test(suffix) ? suffix : null;
    return {
      key: k.key,
      locator,
      prefix,
      suffix: suffix || null,
      suppressAuthor: suppress,
      inText: false,
      range: { start: atStart, end: keyEnd },
      keyRange: { start: k.start, end: k.end },
      groupRange,
    };
  }
  return null;
}

/** Compiled reference matcher for the given lexicons (cached). */
interface RefMatcher {
  re: RegExp;
  kinds: Map<string, ItemKind>;
}
const REF_CACHE = new WeakMap<readonly Lexicon[], RefMatcher>();
const NUM = '\\d{1,3}(?:\\.\\d{1,3}){0,3}';

function refMatcher(lexicons: readonly Lexicon[]): RefMatcher {
  let m = REF_CACHE.get(lexicons);
  if (m) return m;
  const kinds = new Map<string, ItemKind>();
  for (const lx of lexicons) {
    for (const [w, k] of lx.itemWords) if (!kinds.has(w)) kinds.set(w, k);
    for (const mw of lx.itemWordsMulti) {
      const w = mw.words.join(' ');
      if (!kinds.has(w)) kinds.set(w, mw.kind);
    }
  }
  const alts = [...kinds.keys()].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, (c) => '\\' + c).replace(/ /g, '\\s+'));
  const joiner = '(?:\\s*(?:,|&|en|and|of|or|t\\/m|tot\\s+en\\s+met|to|–|-)\\s*)';
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(${alts.join('|')})\\s{0,3}(${NUM}[a-z]?(?:${joiner}${NUM}[a-z]?){0,8})(?![\\p{L}\\p{N}])`, 'giu');
  m = { re, kinds };
  REF_CACHE.set(lexicons, m);
  return m;
}

const REF_PREFIX: Record<ItemKind, string> = { conclusion: 'C', recommendation: 'R', question: 'Q', norm: 'N', finding: 'F', section: 'S', goal: 'G' };

/**
 * References written in words: "zie conclusie 3" → C3, "norm 2.1" → N2.1,
 * "aanbevelingen 2 en 4" → R2, R4, "conclusies 1 t/m 3" → C1, C2, C3,
 * "paragraaf 3.2" → S3.2. Ranges cover the word and the number.
 */
export function scanReferences(text: string, from: number, to: number, lexicons: readonly Lexicon[]): Reference[] {
  const { re, kinds } = refMatcher(lexicons);
  const out: Reference[] = [];
  const slice = text.slice(from, to);
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(slice)) !== null) {
    const word = m[1].toLowerCase().replace(/\s+/g, ' ');
    const kind = kinds.get(word);
    if (!kind) continue;
    const numsText = m[2];
    const numsStart = from + m.index + m[0].length - numsText.length;
    const numRe = new RegExp(NUM + '[a-z]?', 'g');
    const nums: Array<{ n: string; s: number; e: number }> = [];
    let nm: RegExpExecArray | null;
    while ((nm = numRe.exec(numsText)) !== null) nums.push({ n: nm[0], s: numsStart + nm.index, e: numsStart + nm.index + nm[0].length });
    const isRange = /t\/m|tot\s+en\s+met|–|-|\bto\b/.test(numsText);
    const refKind: Reference['kind'] = kind;
    const phraseStart = from + m.index;
    if (isRange && nums.length === 2 && /^\d+$/.test(nums[0].n) && /^\d+$/.test(nums[1].n)) {
      const a = Number(nums[0].n);
      const b = Number(nums[1].n);
      if (b >= a && b - a <= 30) {
        for (let k = a; k <= b; k++) {
          out.push({ target: REF_PREFIX[kind] + k, kind: refKind, via: 'phrase', phrase: m[0], range: { start: phraseStart, end: nums[1].e } });
        }
        continue;
      }
    }
    nums.forEach((n, idx) => {
      out.push({
        target: REF_PREFIX[kind] + n.n,
        kind: refKind,
        via: 'phrase',
        phrase: m![0],
        range: idx === 0 ? { start: phraseStart, end: n.e } : { start: n.s, end: n.e },
      });
    });
  }
  return out;
}

const BARE_ID_RE = /(?<![\p{L}\p{N}_#\-/.])([CRNQ])(\d{1,3}(?:\.\d{1,3}){0,2})(?![\p{L}\p{N}])(?!\s+\d{4})(?!\.\d)/gu;

/** Bare ids written in text: "C3", "N2.1". Kept only when the id exists (checked by the caller). */
export function scanBareIds(text: string, from: number, to: number): Reference[] {
  const out: Reference[] = [];
  const slice = text.slice(from, to);
  BARE_ID_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  const kinds: Record<string, Reference['kind']> = { C: 'conclusion', R: 'recommendation', N: 'norm', Q: 'question' };
  while ((m = BARE_ID_RE.exec(slice)) !== null) {
    out.push({ target: m[1] + m[2], kind: kinds[m[1]], via: 'id', phrase: m[0], range: { start: from + m.index, end: from + m.index + m[0].length } });
  }
  return out;
}

const URL_RE = /\b(?:https?:\/\/|www\.)[^\s<>"'’”)\]]{1,500}/g;

/** URLs in running text (for extracted text, where there is no link markup). */
export function scanUrls(text: string, from: number, to: number): Array<{ url: string; range: Span }> {
  const out: Array<{ url: string; range: Span }> = [];
  const slice = text.slice(from, to);
  URL_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = URL_RE.exec(slice)) !== null) {
    let url = m[0];
    while (/[.,;:]$/.test(url)) url = url.slice(0, -1);
    out.push({ url, range: { start: from + m.index, end: from + m.index + url.length } });
  }
  return out;
}

/**
 * Removes Markdown inline markup, keeping what a reader sees: emphasis
 * markers, link destinations, footnote references, `{#id}` attributes,
 * HTML tags and comments go; link texts, citations and words stay.
 */
export function stripInline(s: string): string {
  return s
    .replace(/<!--[\s\S]{0,2000}?-->/g, ' ')
    .replace(/!\[([^\]\n]{0,500})\]\([^)\n]{0,1000}\)/g, '$1')
    .replace(/\[([^\]\n]{0,500})\]\([^)\n]{0,1000}\)/g, '$1')
    .replace(/\[([^\]\n]{0,500})\]\{[^}\n]{0,200}\}/g, '$1')
    .replace(/\[\^[^\]\s]{1,50}\]/g, '')
    .replace(/\{#[^}\n]{0,200}\}/g, '')
    .replace(/<\/?[A-Za-z][^>\n]{0,200}>/g, '')
    .replace(/(\*\*|__)/g, '')
    .replace(/(^|[\s(])[*_](?=\S)/g, '$1')
    .replace(/(\S)[*_](?=[\s).,;:!?]|$)/g, '$1')
    .replace(/`/g, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!])/g, '$1');
}
