/**
 * The pattern language of the SMART word lists (`lexicon/smart.nl.json`,
 * `smart.en.json`), compiled once into bounded regular expressions.
 *
 * A pattern is a sequence of tokens separated by spaces; it matches whole
 * words in folded text (see `fold`), tokens separated by whitespace (an
 * optional comma allowed):
 *
 * | token | matches |
 * |---|---|
 * | `word` | the word |
 * | `a\|b\|c` | one of the words |
 * | `[a b\|c d]` | one of the phrases (each a pattern) |
 * | `word*`, `*word` | a word starting / ending with `word` |
 * | `{name}` | a class: a list of patterns in `classes`, or a built-in |
 * | `{num}-jarige` | classes and letters mixed in one word |
 * | `tok?` | the token, optionally |
 * | `..N` | a gap of 0 to N words, not crossing `. ; : ! ?` |
 * | `$$` | the end of a clause (punctuation or end of text) follows |
 *
 * Built-in classes: `{num}` (12, 12,4, 1.200, 850.000, 2.4), `{int}`,
 * `{year}` (1900–2099), `{day}` (1–31), `{q}` (Q1–Q4), `{numdate}`
 * (1-7-2022, 1/1/2022), `{yearrange}` (2021–2025, 2024/25), `{money}`
 * (€ 850.000, £2.4 million, 3 miljoen euro; uses the classes `currency`
 * and `scale`), `{pct}` (12,4%, 3 procentpunt; uses `percentWord`).
 *
 * Every compiled expression is anchored on word boundaries and built from
 * bounded pieces (gaps have a fixed maximum), so matching is linear in the
 * text for each pattern.
 */

export interface Hit {
  start: number;
  end: number;
}

const ACCENTS: Record<string, string> = {
  á: 'a', à: 'a', â: 'a', ä: 'a', ã: 'a', é: 'e', è: 'e', ê: 'e', ë: 'e', í: 'i', ì: 'i', î: 'i', ï: 'i',
  ó: 'o', ò: 'o', ô: 'o', ö: 'o', õ: 'o', ú: 'u', ù: 'u', û: 'u', ü: 'u', ç: 'c', ñ: 'n',
  '’': "'", '‘': "'", '`': "'", '´': "'", '“': '"', '”': '"', '„': '"', '–': '-', '—': '-', '−': '-', '‐': '-', '‑': '-',
  '\u00a0': ' ', '\u2009': ' ', '\u202f': ' ', '\u2007': ' ',
};

/**
 * Lower case, accents off, typographic quotes and dashes plain, special
 * spaces plain. Keeps the length: offsets into the folded text are offsets
 * into the original.
 */
export function fold(s: string): string {
  let out = '';
  for (const ch of s) {
    if (ch.length !== 1) {
      out += ch;
      continue;
    }
    const lower = ch.toLowerCase();
    const c = lower.length === 1 ? lower : ch;
    out += ACCENTS[c] ?? c;
  }
  return out;
}

// Inside a word: anything but space and punctuation. (A Unicode property class here would be
// inlined dozens of times and make compiling the word lists slow.)
const WORD_CHAR = '[^\\s.,;:!?()\\[\\]{}"“”/]';
const LEFT = '(?<![\\p{L}\\p{N}])';
const RIGHT = '(?![\\p{L}\\p{N}])';
const SEP = ',?\\s+';
// A number does not start inside another ("1,311,31"): without the look-behind a long chain of groups is quadratic.
const NUM = '(?<!\\d[.,])(?:\\d{1,3}(?:[.,]\\d{3})+(?:[.,]\\d+)?|\\d+(?:[.,]\\d+)?)';

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

export class PatternSet {
  /** Compiled class bodies (alternations), by name. */
  private readonly classCache = new Map<string, string>();
  private readonly compiling = new Set<string>();

  constructor(private readonly classes: Record<string, string[]>) {}

  /** One regular expression (global, Unicode) for a pattern. */
  compile(pattern: string): RegExp {
    return new RegExp(LEFT + this.body(pattern) + RIGHT, 'gu');
  }

  /**
   * A list of patterns as one expression (longer patterns first), in a list
   * for `findAll`. One alternation is an order of magnitude faster than one
   * expression per pattern; where two patterns match at the same place the
   * first (longest written) wins, and matches do not overlap.
   */
  compileAll(patterns: readonly string[]): RegExp[] {
    if (patterns.length === 0) return [];
    const bodies = [...patterns].sort((a, b) => b.length - a.length).map((p) => this.body(p));
    return [new RegExp(`${LEFT}(?:${bodies.join('|')})${RIGHT}`, 'gu')];
  }

  /** The regular-expression body of a pattern (no boundaries). */
  body(pattern: string): string {
    let out = '';
    // False until a required token has been written: tokens before it carry their own separator.
    let needSep = false;
    for (const tok of splitTokens(pattern.trim())) {
      if (tok === '$$') {
        out += '(?=\\s*(?:[,.;:!?)]|$))';
        continue;
      }
      const gap = /^\.\.(\d)$/.exec(tok);
      if (gap) {
        if (!needSep) throw new Error(`A gap cannot open the pattern "${pattern}"`);
        out += `(?:\\s+[^\\s.;:!?]+){0,${gap[1]}}`;
        continue;
      }
      const optional = tok.length > 1 && tok.endsWith('?');
      const core = this.token(optional ? tok.slice(0, -1) : tok);
      if (!needSep) {
        if (optional) out += `(?:${core}${SEP})?`;
        else {
          out += core;
          needSep = true;
        }
      } else out += optional ? `(?:${SEP}${core})?` : SEP + core;
    }
    return out;
  }

  /** One token: alternatives of words, each mixing literals, classes and `*`. */
  private token(tok: string): string {
    if (tok.startsWith('[') && tok.endsWith(']')) {
      const alts = splitTop(tok.slice(1, -1), '|').map((a) => this.body(a));
      return `(?:${alts.join('|')})`;
    }
    const alts = splitTop(tok, '|').map((a) => this.word(a));
    return alts.length === 1 ? alts[0] : `(?:${alts.join('|')})`;
  }

  private word(w: string): string {
    let out = '';
    let i = 0;
    while (i < w.length) {
      const ch = w[i];
      if (ch === '{') {
        const close = w.indexOf('}', i);
        if (close < 0) throw new Error(`Unclosed class in pattern word "${w}"`);
        out += this.cls(w.slice(i + 1, close));
        i = close + 1;
      } else if (ch === '*') {
        out += WORD_CHAR + '*';
        i++;
      } else {
        out += escapeRe(fold(ch));
        i++;
      }
    }
    return out;
  }

  private cls(name: string): string {
    switch (name) {
      case 'num':
        return NUM;
      case 'int':
        return '\\d+';
      case 'year':
        return '(?:19|20)\\d{2}(?!\\d)';
      case 'day':
        return '(?:3[01]|[12]\\d|0?[1-9])(?!\\d)';
      case 'q':
        return 'q[1-4]';
      case 'numdate':
        return '\\d{1,2}[-/.]\\d{1,2}[-/.](?:19|20)?\\d{2}(?!\\d)';
      case 'yearrange':
        return '(?:19|20)\\d{2}\\s?[-/]\\s?(?:(?:19|20)\\d{2}|\\d{2})(?!\\d)';
      case 'money': {
        const cur = this.named('currency');
        const scale = this.named('scale');
        return `(?:(?:€|£|\\$|${cur}\\s)\\s?${NUM}(?:\\s?${scale}(?![\\p{L}]))?|${NUM}\\s?(?:${scale}\\s)?${cur})`;
      }
      case 'pct':
        return `${NUM}\\s?(?:%|${this.named('percentWord')})`;
      default:
        return this.named(name);
    }
  }

  private named(name: string): string {
    const cached = this.classCache.get(name);
    if (cached) return cached;
    const list = this.classes[name];
    if (!list) throw new Error(`Unknown class {${name}} in the SMART word lists`);
    if (this.compiling.has(name)) throw new Error(`Class {${name}} refers to itself`);
    this.compiling.add(name);
    // Longer alternatives first: regular-expression alternation takes the first that fits.
    const bodies = [...list].sort((a, b) => b.length - a.length).map((p) => this.body(p));
    this.compiling.delete(name);
    const re = `(?:${bodies.join('|')})`;
    this.classCache.set(name, re);
    return re;
  }
}

/** Splits on spaces outside `[...]` and `{...}`. */
function splitTokens(p: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of p) {
    if (ch === '[' || ch === '{') depth++;
    else if (ch === ']' || ch === '}') depth--;
    if (ch === ' ' && depth === 0) {
      if (cur) out.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (cur) out.push(cur);
  return out;
}

/** Splits on `sep` outside `[...]` and `{...}`. */
function splitTop(s: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '[' || ch === '{') depth++;
    else if (ch === ']' || ch === '}') depth--;
    if (ch === sep && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** All matches of the expressions in `text` (already folded), each as a span. */
export function findAll(res: readonly RegExp[], text: string): Hit[] {
  const out: Hit[] = [];
  for (const re of res) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      out.push({ start: m.index, end: m.index + m[0].length });
    }
  }
  return out;
}

/** Overlapping hits merged to the longest; sorted by start. */
export function longest(hits: readonly Hit[]): Hit[] {
  const sorted = [...hits].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Hit[] = [];
  for (const h of sorted) {
    const last = out[out.length - 1];
    if (last && h.start < last.end) {
      if (h.end > last.end) last.end = h.end;
      continue;
    }
    out.push({ ...h });
  }
  return out;
}
