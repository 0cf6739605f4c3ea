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

const ATTR_RE = /\s*\{([^{}\n]{0,200})\}\s*$/;
const FENCE_RE = /^:{3,}\s*(?:\{([^{}\n]{0,200})\}|([A-Za-z][\w-]{0,60}))?\s*:*\s*$/;

function attrId(attr: string | undefined): string | null {
  if (!attr) return null;
  const m = /(?:^|\s)#([\p{L}\p{N}_][\p{L}\p{N}_.:-]{0,80})/u.exec(attr);
  return m ? m[1] : null;
}

function off(node: MdNode, which: 'start' | 'end'): number {
  return node.position?.[which].offset ?? 0;
}

export function readMarkdown(text: string): MarkdownRead {
  // A BOM would shift nothing in UTF-16 terms, but remark treats it as text.
  const source = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
  const tree = processorFor(source).parse(source) as Root;
  const blocks: Block[] = [];
  const footnotes: Footnote[] = [];
  const links: Link[] = [];
  const code: Span[] = [];
  const notes: ParseNote[] = [];
  let frontMatter: Record<string, unknown> | null = null;
  let frontMatterRange: Span | null = null;
  const footnoteRefs = new Map<string, Span[]>();

  const divs = scanFencedDivs(source);

  const divAt = (pos: number): string | null => {
    let id: string | null = null;
    for (const d of divs) if (d.start <= pos && pos < d.end && d.id) id = d.id;
    return id;
  };

  const push = (b: Omit<Block, 'divId'>): void => {
    blocks.push({ ...b, divId: divs.length ? divAt(b.range.start) : null });
  };

  const collectInline = (node: MdNode): void => {
    const visit = (n: MdNode): void => {
      if (n.type === 'inlineCode') code.push({ start: off(n, 'start'), end: off(n, 'end') });
      else if (n.type === 'link') {
        const l = n as unknown as { url: string };
        const url = l.url;
        const isAnchor = url.startsWith('#');
        const isFile = !isAnchor && !/^[a-z][a-z0-9+.-]*:/i.test(url) && !url.startsWith('//') && url.length > 0;
        links.push({ url, text: toString(n), range: { start: off(n, 'start'), end: off(n, 'end') }, isFile, isAnchor });
      } else if (n.type === 'footnoteReference') {
        const id = (n as unknown as { identifier: string }).identifier;
        const list = footnoteRefs.get(id) ?? [];
        list.push({ start: off(n, 'start'), end: off(n, 'end') });
        footnoteRefs.set(id, list);
      }
      const kids = (n as Parent).children;
      if (kids) for (const k of kids) visit(k);
    };
    visit(node);
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
    let n = typeof list.start === 'number' ? list.start : 1;
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
        raw = source.slice(cStart, cEnd).replace(/[ \t]+#+[ \t]*$/, '');
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

  for (const child of tree.children) visitBlock(child, false);

  for (const fn of footnotes) {
    const refs = footnoteRefs.get(fn.label.toLowerCase()) ?? footnoteRefs.get(fn.label) ?? [];
    fn.refs = refs;
  }
  // A reference to an undefined footnote is left for the checks; here we keep only definitions.
  code.sort((a, b) => a.start - b.start);
  return { blocks, frontMatter, frontMatterRange, footnotes, links, code, notes };
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
