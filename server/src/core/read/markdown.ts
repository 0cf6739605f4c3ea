/**
 * Markdown (pandoc dialect) → blocks. Parsing is unified + remark-parse with
 * GFM and YAML front matter; pandoc's extras are read on top:
 * heading attributes `## Conclusie 1 {#C1 .x}`, bracketed spans `[tekst]{#C1}`,
 * fenced divs `::: {#C1}` … `:::`, footnotes, and citations (in inline.ts).
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import remarkFrontmatter from 'remark-frontmatter';
import { toString } from 'mdast-util-to-string';
import YAML from 'yaml';
import type { Root, RootContent, ListItem, List, Node as MdNode, Parent } from 'mdast';
import type { Block, Footnote, Link, ParseNote, Span } from '../types';
import { normalizeText, trimSpan } from '../text';
import { stripInline } from '../inline';
import type { AnalysisCache } from '../cache';

export interface MarkdownRead {
  blocks: Block[];
  frontMatter: Record<string, unknown> | null;
  frontMatterRange: Span | null;
  footnotes: Footnote[];
  links: Link[];
  /** Code spans and blocks: no citations or references are read inside. */
  code: Span[];
  notes: ParseNote[];
}

/**
 * GFM as pandoc's Markdown has it (tables, footnotes, strikethrough, task
 * lists), each extension switched on only when the text can contain its
 * construct: the tree is the same, and parsing a report without tables
 * skips the table tokenizer's cost. Bare URLs are found by the URL scanner,
 * not by GFM's autolink literals (the costliest extension).
 */
interface Features {
  table: boolean;
  footnote: boolean;
  strike: boolean;
  tasks: boolean;
}
const processors = new Map<string, ReturnType<typeof makeProcessor>>();

function makeProcessor(f: Features) {
  return unified()
    .use(remarkParse)
    .use(remarkFrontmatter, ['yaml'])
    .use(function gfmParts() {
      const data = this.data() as unknown as Record<string, unknown[]>;
      const micromark = (data.micromarkExtensions ??= []);
      const fromMarkdown = (data.fromMarkdownExtensions ??= []);
      if (f.table) {
        micromark.push(gfmTable());
        fromMarkdown.push(gfmTableFromMarkdown());
      }
      if (f.footnote) {
        micromark.push(gfmFootnote());
        fromMarkdown.push(gfmFootnoteFromMarkdown());
      }
      if (f.strike) {
        micromark.push(gfmStrikethrough());
        fromMarkdown.push(gfmStrikethroughFromMarkdown());
      }
      if (f.tasks) {
        micromark.push(gfmTaskListItem());
        fromMarkdown.push(gfmTaskListItemFromMarkdown());
      }
    });
}

function processorFor(text: string) {
  const f: Features = {
    table: /\|[ \t]*:?-+/.test(text) || /^[ \t]*:?-+:?[ \t]*\|/m.test(text),
    footnote: text.includes('[^'),
    strike: text.includes('~'),
    tasks: /^[ \t]*(?:[-*+]|\d+[.)])[ \t]+\[[ xX]\]/m.test(text),
  };
  const key = `${+f.table}${+f.footnote}${+f.strike}${+f.tasks}`;
  let p = processors.get(key);
  if (!p) {
    p = makeProcessor(f);
    processors.set(key, p);
  }
  return p;
}

const ATTR_RE = /(?<!\s)\s*\{([^{}\n]{0,200})\}\s*$/;
// Each run of white space is followed by something that is not white space (or the end): no two runs compete for the same spaces.
const FENCE_RE = /^:{3,}(?!:)\s*(?:(?:\{([^{}\n]{0,200})\}|([A-Za-z][\w-]{0,60}))\s*)?(?::+\s*)?$/;

function attrId(attr: string | undefined): string | null {
  if (!attr) return null;
  const m = /(?:^|\s)#([\p{L}\p{N}_][\p{L}\p{N}_.:-]{0,80})/u.exec(attr);
  return m ? m[1] : null;
}

function off(node: MdNode, which: 'start' | 'end'): number {
  return node.position?.[which].offset ?? 0;
}

/**
 * Parses one piece of Markdown. `limit`: nodes that start at or after it are
 * link definitions appended for resolution only, and are dropped.
 */
function parseSource(source: string, limit: number = source.length, listNext?: number): MarkdownRead {
  const tree = processorFor(source).parse(source) as Root;
  const blocks: Block[] = [];
  const footnotes: Footnote[] = [];
  const links: Link[] = [];
  const code: Span[] = [];
  const notes: ParseNote[] = [];
  let frontMatter: Record<string, unknown> | null = null;
  let frontMatterRange: Span | null = null;

  const push = (b: Omit<Block, 'divId'>): void => {
    blocks.push({ ...b, divId: null });
  };

  const collectInline = (node: MdNode): void => {
    // Depth-first, in document order, with an explicit stack: nesting has no limit in Markdown.
    const stack: MdNode[] = [node];
    while (stack.length) {
      const n = stack.pop()!;
      if (n.type === 'inlineCode') code.push({ start: off(n, 'start'), end: off(n, 'end') });
      else if (n.type === 'link') {
        const l = n as unknown as { url: string };
        const url = l.url;
        const isAnchor = url.startsWith('#');
        const isFile = !isAnchor && !/^[a-z][a-z0-9+.-]*:/i.test(url) && !url.startsWith('//') && url.length > 0;
        links.push({ url, text: toString(n), range: { start: off(n, 'start'), end: off(n, 'end') }, isFile, isAnchor });
      }
      const kids = (n as Parent).children;
      if (kids) for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
    }
  };

  const textBlock = (node: MdNode, type: Block['type'], extra: Partial<Block> = {}): void => {
    const start = off(node, 'start');
    const end = off(node, 'end');
    let content = trimSpan(source, start, end);
    let raw = source.slice(content.start, content.end);
    // Fence lines of pandoc divs are parsed as paragraph text: cut them off.
    const fenced = trimFences(source, content);
    if (fenced) {
      content = fenced;
      raw = source.slice(content.start, content.end);
      if (content.end <= content.start) return;
    }
    push({
      type,
      range: { start, end },
      content,
      text: normalizeText(stripInline(type === 'quote' ? raw.replace(/^[ \t]{0,3}>[ \t]?/gm, '').replace(/^[ \t]{0,3}>[ \t]?/gm, '') : raw)),
      level: 0,
      label: null,
      marker: null,
      depth: 0,
      attrId: spanAttrId(raw),
      closed: true,
      major: false,
      ...extra,
    });
  };

  const listBlocks = (list: List, depth: number): void => {
    // A list that goes on from the previous chunk goes on with its numbering.
    let n = listNext !== undefined && depth === 0 && off(list, 'start') === 0 ? listNext : typeof list.start === 'number' ? list.start : 1;
    for (const item of list.children as ListItem[]) {
      const start = off(item, 'start');
      const end = off(item, 'end');
      // Content: the item's own paragraphs, not its nested lists.
      const own = item.children.filter((c) => c.type !== 'list');
      const contentStart = own.length ? off(own[0], 'start') : start;
      const contentEnd = own.length ? off(own[own.length - 1], 'end') : end;
      const raw = source.slice(contentStart, contentEnd);
      push({
        type: 'item',
        range: { start, end },
        content: trimSpan(source, contentStart, contentEnd),
        text: normalizeText(stripInline(own.map((c) => source.slice(off(c, 'start'), off(c, 'end'))).join('\n\n'))),
        level: 0,
        label: list.ordered ? String(n) : '•',
        marker: list.ordered ? 'number' : 'bullet',
        depth,
        attrId: spanAttrId(raw),
        closed: true,
        major: false,
      });
      n++;
      for (const c of item.children) {
        collectInline(c);
        if (c.type === 'list') listBlocks(c as List, depth + 1);
        else if (c.type === 'blockquote') textBlock(c, 'quote', { depth: depth + 1 });
        else if (c.type === 'code') code.push({ start: off(c, 'start'), end: off(c, 'end') });
      }
    }
  };

  const visitBlock = (node: RootContent, inQuote: boolean): void => {
    switch (node.type) {
      case 'yaml': {
        frontMatterRange = { start: off(node, 'start'), end: off(node, 'end') };
        try {
          const parsed = YAML.parse(node.value, { maxAliasCount: 100 });
          if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) frontMatter = parsed as Record<string, unknown>;
          else if (parsed != null) notes.push({ message: 'front-matter-not-mapping', range: frontMatterRange });
        } catch (e) {
          notes.push({ message: 'front-matter-invalid: ' + (e instanceof Error ? e.message.split('\n')[0] : String(e)), range: frontMatterRange });
        }
        break;
      }
      case 'heading': {
        collectInline(node);
        const start = off(node, 'start');
        const end = off(node, 'end');
        let raw = source.slice(start, end);
        // strip leading hashes / setext underline
        let cStart = start;
        const hm = /^ {0,3}#{1,6}[ \t]*/.exec(raw);
        if (hm) cStart = start + hm[0].length;
        let cEnd = end;
        const nl = raw.indexOf('\n');
        if (nl >= 0) cEnd = start + nl; // setext: first line only
        raw = source.slice(cStart, cEnd).replace(/(?<![ \t])[ \t]+#+[ \t]*$/, '');
        cEnd = cStart + raw.length;
        let id: string | null = null;
        const am = ATTR_RE.exec(raw);
        if (am) {
          id = attrId(am[1]);
          raw = raw.slice(0, am.index);
          cEnd = cStart + raw.length;
        }
        push({
          type: 'heading',
          range: { start, end },
          content: trimSpan(source, cStart, cEnd),
          text: normalizeText(stripInline(raw)),
          level: node.depth,
          label: null,
          marker: null,
          depth: 0,
          attrId: id,
          closed: true,
          major: node.depth === 1,
        });
        break;
      }
      case 'paragraph':
        collectInline(node);
        textBlock(node, inQuote ? 'quote' : 'paragraph');
        break;
      case 'blockquote':
        collectInline(node);
        textBlock(node, 'quote');
        break;
      case 'list':
        listBlocks(node, 0);
        break;
      case 'table': {
        collectInline(node);
        const rows = node.children;
        rows.forEach((row, idx) => {
          if (idx === 0) return; // header row
          const start = off(row, 'start');
          const end = off(row, 'end');
          push({
            type: 'table',
            range: { start, end },
            content: { start, end },
            text: normalizeText(row.children.map((c) => stripInline(source.slice(off(c, 'start'), off(c, 'end')).replace(/^\|/, '').replace(/\|$/, ''))).join(' | ')),
            level: 0,
            label: null,
            marker: null,
            depth: 0,
            attrId: null,
            closed: true,
            major: false,
          });
        });
        break;
      }
      case 'footnoteDefinition': {
        const id = node.identifier;
        const start = off(node, 'start');
        const end = off(node, 'end');
        collectInline(node);
        const body = node.children.map((c) => source.slice(off(c, 'start'), off(c, 'end'))).join('\n\n');
        footnotes.push({ label: node.label ?? id, text: normalizeText(stripInline(body)), range: { start, end }, refs: [], isSource: false });
        break;
      }
      case 'code':
        code.push({ start: off(node, 'start'), end: off(node, 'end') });
        break;
      case 'html':
        code.push({ start: off(node, 'start'), end: off(node, 'end') });
        break;
      default:
        break;
    }
  };

  for (const child of tree.children) {
    if (off(child, 'start') >= limit) break;
    visitBlock(child, false);
  }
  code.sort((a, b) => a.start - b.start);
  return { blocks, frontMatter, frontMatterRange, footnotes, links, code, notes };
}

const LINK_DEF_RE = /^ {0,3}\[(?!\^)[^\]\n]{1,200}\]:[ \t]*\S[^\n]*$/gm;
const FOOTNOTE_REF_RE = /\[\^([^\]\s]{1,50})\](?!:)/g;

/**
 * Markdown → blocks, parsed in chunks that start at an ATX heading after a
 * blank line (outside code fences, HTML blocks and the front matter): a
 * chunk's tree does not depend on the rest of the document, so with a cache
 * an edit re-parses only its own chunk. Link definitions are shared with
 * every chunk; footnote references are read from the text.
 */
export function readMarkdown(text: string, cache?: AnalysisCache): MarkdownRead {
  // A BOM would shift nothing in UTF-16 terms, but remark treats it as text.
  const source = defuse(text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text);
  const allDefs = source.includes(']:') ? (source.match(LINK_DEF_RE) ?? []).map((d) => ({ d, label: normLabel(d.slice(d.indexOf('[') + 1, d.lastIndexOf(']:'))) })) : [];
  const out: MarkdownRead = { blocks: [], frontMatter: null, frontMatterRange: null, footnotes: [], links: [], code: [], notes: [] };
  for (const ch of splitChunks(source)) {
    const piece = source.slice(ch.start, ch.end);
    // The definitions a chunk's references can use (all of them would make many chunks × many definitions quadratic).
    const defs = allDefs.length ? definitionsFor(piece, allDefs) : '';
    const key = (ch.listNext !== undefined ? `${ch.listNext}\u0000` : '') + (defs ? piece + '\u0000' + defs : piece);
    const compute = (): MarkdownRead => (defs ? parseSource(piece + '\n\n' + defs, piece.length, ch.listNext) : parseSource(piece, piece.length, ch.listNext));
    const r = cache ? cache.chunk(key, compute) : compute();
    const d = ch.start;
    const sh = (sp: Span): Span => ({ start: sp.start + d, end: sp.end + d });
    // Every field named (not spread): this runs for every block on every keystroke.
    for (const b of r.blocks) out.blocks.push({ type: b.type, range: sh(b.range), content: sh(b.content), text: b.text, level: b.level, label: b.label, marker: b.marker, depth: b.depth, attrId: b.attrId, closed: b.closed, divId: b.divId, major: b.major });
    for (const f of r.footnotes) out.footnotes.push({ ...f, range: sh(f.range), refs: [] });
    for (const l of r.links) out.links.push({ ...l, range: sh(l.range) });
    for (const c of r.code) out.code.push(sh(c));
    for (const n of r.notes) out.notes.push({ ...n, range: sh(n.range) });
    if (r.frontMatter || r.frontMatterRange) {
      out.frontMatter = r.frontMatter;
      out.frontMatterRange = r.frontMatterRange ? sh(r.frontMatterRange) : null;
    }
  }
  // Fenced divs span chunks: read them over the whole text.
  const divs = scanFencedDivs(source);
  if (divs.length) {
    for (const b of out.blocks) {
      let id: string | null = null;
      for (const dv of divs) if (dv.start <= b.range.start && b.range.start < dv.end && dv.id) id = dv.id;
      b.divId = id;
    }
  }
  // Footnote references, wherever their definition stands.
  if (out.footnotes.length && source.includes('[^')) {
    const byLabel = new Map(out.footnotes.map((f) => [f.label.toLowerCase(), f]));
    FOOTNOTE_REF_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    let ci = 0;
    while ((m = FOOTNOTE_REF_RE.exec(source)) !== null) {
      const at = m.index;
      while (ci < out.code.length && out.code[ci].end <= at) ci++;
      if (ci < out.code.length && out.code[ci].start <= at) continue;
      const fn = byLabel.get(m[1].toLowerCase());
      if (fn && !(fn.range.start <= at && at < fn.range.end && source.startsWith(':', at + m[0].length))) fn.refs.push({ start: at, end: at + m[0].length });
    }
  }
  return out;
}

/** Normalised label of a link reference definition or reference (case and white space folded). */
function normLabel(s: string): string {
  return s.trim().replace(/\s+/g, ' ').toLowerCase();
}

const LABEL_RE = /\[([^[\]]{1,999})\]/g;

/** The definitions whose label a chunk names in brackets, joined. */
function definitionsFor(piece: string, defs: ReadonlyArray<{ d: string; label: string }>): string {
  const named = new Set<string>();
  for (const m of piece.matchAll(LABEL_RE)) named.add(normLabel(m[1]));
  return defs.filter((x) => named.has(x.label)).map((x) => x.d).join('\n');
}

/**
 * Limits that keep the parser (near) linear on hostile input: containers
 * nested hundreds deep, runs of thousands of emphasis marks, paragraphs with
 * thousands of emphasis runs or brackets make micromark superlinear. No real
 * document comes near them.
 */
const MAX_CONTAINERS = 32; // block quote and list markers opening on one line
const MAX_MARKER_INDENT = 64; // columns before a list marker
const MAX_RUN = 32; // marks in one run of `*`, `_` or `~`
const MAX_INLINE_MARKS = 256; // runs of `*`, `_`, `~` and `[`s in one paragraph (a table row counts on its own)
const MAX_BRACKET_DEPTH = 32; // `[` open in one paragraph (links and images in images …)
const MAX_PIPES = 128; // `|` on one line: table columns (a row's cells past the header's are dropped anyway)

/**
 * Blanks what exceeds those limits (with spaces: same length, so every
 * offset stays). Text within them is returned as it is.
 */
export function defuse(text: string): string {
  let blank: Uint8Array | null = null;
  const mark = (from: number, to: number): void => {
    blank ??= new Uint8Array(text.length);
    blank.fill(1, from, to);
  };
  const n = text.length;
  let pos = 0;
  let marks = 0; // in the current paragraph
  let brackets = 0; // open there
  let fence: number | null = null; // the open top-level code fence's mark
  let table = false;
  let prevPipe = false;
  while (pos < n) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = n;
    // Top-level code fences: their content is left alone.
    let i = pos;
    while (i < end && i - pos < 3 && text.charCodeAt(i) === 32) i++;
    const f = text.charCodeAt(i);
    if ((f === 96 || f === 126) && text.charCodeAt(i + 1) === f && text.charCodeAt(i + 2) === f) {
      if (fence === null) fence = f;
      else if (fence === f) fence = null;
      marks = 0;
      brackets = 0;
      pos = end + 1;
      continue;
    }
    if (fence !== null) {
      pos = end + 1;
      continue;
    }
    // Container markers: block quotes and list items.
    i = pos;
    let col = 0;
    let depth = 0;
    let item = false;
    while (i < end) {
      const c = text.charCodeAt(i);
      if (c === 32) {
        col++;
        i++;
        continue;
      }
      if (c === 9) {
        col += 4 - (col % 4);
        i++;
        continue;
      }
      if (c === 62) {
        if (++depth > MAX_CONTAINERS) mark(i, i + 1);
        i++;
        col++;
        continue;
      }
      let m = 0;
      if (c === 45 || c === 42 || c === 43) m = 1;
      else if (c >= 48 && c <= 57) {
        let j = i + 1;
        while (j < end && j - i < 9 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
        const d = text.charCodeAt(j);
        if (d === 46 || d === 41) m = j - i + 1;
      }
      const after = i + m < end ? text.charCodeAt(i + m) : 10;
      if (!m || !(after === 32 || after === 9 || after === 10 || after === 13)) break;
      if (++depth > MAX_CONTAINERS || col > MAX_MARKER_INDENT) mark(i, i + m);
      item = true;
      i += m;
      col += m;
    }
    // A new paragraph: after a blank line, at a list item, a heading or a table row.
    let k = i;
    while (k < end && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9 || text.charCodeAt(k) === 13)) k++;
    let pipes = 0;
    for (let p = k; p < end; p++) {
      if (text.charCodeAt(p) !== 124) continue;
      if (++pipes > MAX_PIPES) mark(p, p + 1);
    }
    const pipe = pipes > 0;
    if (k >= end || item || text.charCodeAt(k) === 35) marks = brackets = 0;
    if (k >= end) table = false;
    if (pipe && prevPipe && isDelimiterRow(text, k, end)) table = true;
    if (table && pipe) marks = brackets = 0;
    else if (!pipe) table = false;
    prevPipe = pipe;
    // Inline marks.
    for (let p = i; p < end; ) {
      const c = text.charCodeAt(p);
      if (c === 42 || c === 95 || c === 126) {
        let j = p + 1;
        while (j < end && text.charCodeAt(j) === c) j++;
        if (j - p > MAX_RUN) mark(p + MAX_RUN, j);
        if (++marks > MAX_INLINE_MARKS) mark(p, j);
        p = j;
        continue;
      }
      if (c === 91) {
        if (++marks > MAX_INLINE_MARKS || brackets >= MAX_BRACKET_DEPTH) mark(p, p + 1);
        else brackets++;
      } else if (c === 93 && brackets > 0) brackets--;
      p++;
    }
    if (text.charCodeAt(k) === 35) marks = brackets = 0;
    pos = end + 1;
  }
  if (!blank) return text;
  const b: Uint8Array = blank;
  let out = '';
  let from = 0;
  for (let p = 0; p < n; p++) {
    if (!b[p]) continue;
    let q = p;
    while (q < n && b[q]) q++;
    out += text.slice(from, p) + ' '.repeat(q - p);
    from = q;
    p = q;
  }
  return out + text.slice(from);
}

/** A GFM table's delimiter row: only pipes, colons, dashes and blanks, with a dash. */
function isDelimiterRow(text: string, from: number, to: number): boolean {
  let dash = false;
  for (let p = from; p < to; p++) {
    const c = text.charCodeAt(p);
    if (c === 45) dash = true;
    else if (c !== 124 && c !== 58 && c !== 32 && c !== 9 && c !== 13) return false;
  }
  return dash;
}

/** A chunk grows to this size before it may end at a boundary other than a heading. */
const MIN_SPLIT = 1024;

/**
 * Chunk boundaries, outside fences, HTML blocks and front matter: ATX
 * headings after a blank line; and, once a chunk is MIN_SPLIT long, a line
 * at the left margin after a blank line (every open container ends there)
 * or the next item of a list at the left margin whose number reads the same
 * when a list starts there. A chunk's tree is the tree of its part of the
 * whole text; container-heavy text (micromark closes containers in time
 * linear in what came before them) stays linear.
 */
export function splitChunks(text: string): Array<Span & { listNext?: number }> {
  const out: Array<Span & { listNext?: number }> = [];
  let start = 0;
  let pos = 0;
  const n = text.length;
  // Front matter stays in the first chunk.
  if (/^---[ \t]*\r?\n/.test(text)) {
    const close = /\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/g;
    close.lastIndex = 3;
    const m = close.exec(text);
    if (m) pos = m.index + m[0].length;
  }
  let fence: string | null = null;
  let html: RegExp | null = null;
  let prevBlank = true;
  // The list at the left margin: its marker and the number its next item reads.
  let list: { marker: string; next: number } | null = null;
  let pending: number | undefined; // the current chunk's list numbering, when it goes on from the previous chunk
  while (pos < n) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = n;
    const line = text.slice(pos, end).replace(/\r$/, '');
    if (fence) {
      if (line.trimStart().startsWith(fence)) fence = null;
    } else if (html) {
      if (html.test(line)) html = null;
    } else {
      const f = /^ {0,3}(`{3,}|~{3,})/.exec(line);
      if (f) fence = f[1][0].repeat(3);
      else if (/^ {0,3}<!--/.test(line) && !line.includes('-->')) html = /-->/;
      else if (/^ {0,3}<(?:pre|script|style|textarea)\b/i.test(line) && !/<\/(?:pre|script|style|textarea)>/i.test(line)) html = /<\/(?:pre|script|style|textarea)>/i;
      if (!f && prevBlank && pos > start && /^#{1,6}(?:[ \t]|$)/.test(line)) {
        out.push({ start, end: pos, ...(pending !== undefined ? { listNext: pending } : {}) });
        start = pos;
        pending = undefined;
        list = null;
      } else if (!f && line.length && !/^[ \t]/.test(line)) {
        const item = /^(?:([-*+])|(\d{1,9})([.)]))(?:[ \t]|$)/.exec(line);
        let safe = false;
        let listNext: number | undefined;
        if (!item) {
          if (prevBlank) {
            safe = !html;
            list = null;
          }
        } else {
          const marker = item[1] ?? item[3];
          const num = item[2] !== undefined ? Number(item[2]) : 0;
          if (list && list.marker === marker) {
            // The next item: a list that starts here reads the same, numbered on from the previous chunk.
            safe = true;
            if (item[2] && num !== list.next) listNext = list.next;
            list.next++;
          } else if (prevBlank || list || !item[2] || num === 1) {
            safe = prevBlank;
            list = { marker, next: num + 1 };
          }
        }
        if (safe && pos - start >= MIN_SPLIT) {
          out.push({ start, end: pos, ...(pending !== undefined ? { listNext: pending } : {}) });
          start = pos;
          pending = listNext;
        }
      }
    }
    prevBlank = line.trim() === '';
    pos = end + 1;
  }
  out.push({ start, end: n, ...(pending !== undefined ? { listNext: pending } : {}) });
  return out;
}

function spanAttrId(raw: string): string | null {
  const m = /\]\{([^{}\n]{0,200})\}/.exec(raw);
  return m ? attrId(m[1]) : null;
}

interface Div {
  start: number;
  end: number;
  id: string | null;
}

/** Pandoc fenced divs: `::: {#C1 .conclusion}` … `:::`, nested. */
function scanFencedDivs(text: string): Div[] {
  if (!text.includes(':::')) return [];
  const out: Div[] = [];
  const stack: Array<{ start: number; id: string | null }> = [];
  let pos = 0;
  while (pos <= text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    const line = text.slice(pos, nl).replace(/\r$/, '');
    if (line.startsWith(':::')) {
      const m = FENCE_RE.exec(line);
      if (m) {
        const hasAttr = m[1] !== undefined || m[2] !== undefined;
        if (hasAttr) stack.push({ start: pos, id: attrId(m[1]) });
        else if (stack.length) {
          const open = stack.pop()!;
          out.push({ start: open.start, end: nl, id: open.id });
        }
      }
    }
    if (nl >= text.length) break;
    pos = nl + 1;
  }
  for (const open of stack) out.push({ start: open.start, end: text.length, id: open.id });
  return out;
}

/** Removes fence lines at the start and end of a paragraph span. */
function trimFences(text: string, span: Span): Span | null {
  let { start, end } = span;
  let changed = false;
  for (;;) {
    if (!text.startsWith(':::', start)) break;
    const nl = text.indexOf('\n', start);
    if (nl < 0 || nl >= end) return { start: end, end };
    start = nl + 1;
    changed = true;
  }
  for (;;) {
    const lineStart = text.lastIndexOf('\n', end - 1) + 1;
    if (lineStart <= start || !text.startsWith(':::', lineStart)) break;
    end = lineStart - 1;
    changed = true;
  }
  return changed ? trimSpan(text, start, end) : null;
}
