/**
 * The wederhoor view of a report: every reaction to it (in reaction
 * documents that belong to it, and in its own reaction section), each
 * aligned to the conclusion or recommendation it answers, with the
 * differences of its quote and its stance; and the items nobody reacted
 * to. Computed once per report and set of reaction documents (cached by
 * identity of the models, which are immutable).
 */
import type { Block, Conclusion, DocumentModel, Reaction, Recommendation, Span } from '../types';
import type { ProjectView } from '../project';
import { allLexicons } from '../lexicon';
import { words } from '../text';
import { align, type AlignSource } from './align';
import { quoteDiff, type QuoteDiff } from './quote';
import { reactionStance, type StanceResult } from './stance';
import { mapToSource, tokenize } from './tokens';

export type ReportItem = Conclusion | Recommendation;

export interface ReactionEntry {
  /** The document the reaction stands in. */
  doc: DocumentModel;
  /** The reaction as read (a reaction whose quote was read as its text is split here). */
  reaction: Reaction;
  target: ReportItem | null;
  via: 'text' | 'label' | 'both' | null;
  diff: QuoteDiff | null;
  stance: StanceResult;
}

export interface WederhoorView {
  report: DocumentModel | null;
  /** Documents holding the reactions (reaction documents, the report itself). */
  sources: DocumentModel[];
  entries: ReactionEntry[];
  /** Report items without a reaction; empty when there is no reaction at all. */
  missing: ReportItem[];
}

export function stopwords(): Set<string> {
  const s = new Set<string>();
  for (const lx of allLexicons('nl')) for (const w of lx.stopwords) s.add(w);
  return s;
}

const STOP = stopwords();

export function reportItems(report: DocumentModel): ReportItem[] {
  return [...report.conclusions, ...report.recommendations];
}

export function itemKind(it: { id: string }): 'conclusion' | 'recommendation' {
  return it.id.startsWith('R') ? 'recommendation' : 'conclusion';
}

/** The report a document answers to: itself when it is a report, else the project's report for it. */
export function reportOf(model: DocumentModel, project?: ProjectView): DocumentModel | null {
  if (model.kind === 'report') return model;
  return project?.reportFor(model) ?? null;
}

/** Documents with reactions to the report: reaction documents that belong to it, and the report itself. */
export function reactionSources(report: DocumentModel, project?: ProjectView): DocumentModel[] {
  const out: DocumentModel[] = [];
  if (project) {
    for (const d of project.documents) {
      if (d === report || d.kind !== 'reaction') continue;
      if (project.reportFor(d) === report) out.push(d);
    }
  }
  if (report.reactions.length) out.push(report);
  return out;
}

const CACHE = new WeakMap<DocumentModel, Array<{ sources: DocumentModel[]; view: WederhoorView }>>();

/** The view of a report with the given reaction sources (cached). */
export function viewOf(report: DocumentModel, sources: DocumentModel[]): WederhoorView {
  const list = CACHE.get(report) ?? [];
  const hit = list.find((e) => e.sources.length === sources.length && e.sources.every((s, i) => s === sources[i]));
  if (hit) return hit.view;
  const view = build(report, sources);
  list.push({ sources: [...sources], view });
  if (list.length > 4) list.shift();
  CACHE.set(report, list);
  return view;
}

/** The view for any document: a report, a reaction document (with its report when the project knows it). */
export function wederhoorView(model: DocumentModel, project?: ProjectView): WederhoorView {
  const report = reportOf(model, project);
  if (report) {
    const sources = reactionSources(report, project);
    if (model !== report && model.reactions.length && !sources.includes(model)) sources.unshift(model);
    return viewOf(report, sources);
  }
  // A reaction without its report: stances only.
  const entries: ReactionEntry[] = model.reactions.map((r) => ({ doc: model, reaction: r, target: null, via: null, diff: null, stance: stanceOf(model, r) }));
  return { report: null, sources: model.reactions.length ? [model] : [], entries, missing: [] };
}

function labelIdOf(r: Reaction): string | null {
  if (!r.label || !/^\d/.test(r.label)) return null;
  const kind = r.targetKind;
  if (!kind) return null;
  return (kind === 'conclusion' ? 'C' : 'R') + r.label;
}

function build(report: DocumentModel, sources: DocumentModel[]): WederhoorView {
  const items = reportItems(report);
  const entries: ReactionEntry[] = [];
  const covered = new Set<string>();
  for (const doc of sources) {
    const reactions = doc.reactions;
    const srcs: AlignSource[] = reactions.map((r) => ({ text: r.quote, labelId: labelIdOf(r), kind: r.targetKind ?? (r.target ? itemKind({ id: r.target }) : null) }));
    const res = align(srcs, items.map((it) => ({ id: it.id, kind: itemKind(it), text: it.text })), STOP);
    reactions.forEach((r0, i) => {
      const t = res[i].target !== null ? items[res[i].target!] : null;
      const r = t && !r0.quote ? splitUnmarkedQuote(doc, r0, t) : r0;
      const diff = t && r.quote ? quoteDiff(r, t, { reaction: doc, report }) : null;
      if (t) covered.add(t.id);
      entries.push({ doc, reaction: r, target: t, via: res[i].via, diff, stance: stanceOf(doc, r) });
    });
  }
  const missing = entries.length ? items.filter((it) => !covered.has(it.id)) : [];
  return { report, sources, entries, missing };
}

export function stanceOf(doc: DocumentModel, r: Reaction): StanceResult {
  const st = reactionStance(r, doc.language);
  if (st.phrases.length && r.textRange) {
    const toks = tokenize(r.text, 0, false);
    const src = mapToSource(toks, doc.text, r.textRange);
    for (const p of st.phrases) {
      let first = -1;
      let last = -1;
      for (let k = 0; k < toks.length; k++) {
        if (toks[k].end <= p.start) continue;
        if (toks[k].start >= p.end) break;
        if (first < 0) first = k;
        last = k;
      }
      if (first >= 0) p.range = { start: src[first].start, end: Math.max(src[first].start, src[last].end) };
    }
  }
  return st;
}

/**
 * A reaction written without quote marks: the item's text stands as its
 * first paragraphs. Those paragraphs are the quote when nearly all their
 * words are the item's and five of them stand in a row as in the item.
 */
function splitUnmarkedQuote(doc: DocumentModel, r: Reaction, target: ReportItem): Reaction {
  if (!r.textRange) return r;
  const blocks = doc.blocks.filter((b) => b.type !== 'heading' && b.type !== 'marker' && b.range.start >= r.textRange!.start && b.range.end <= r.textRange!.end);
  const itemAll = words(target.text);
  const itemWords = new Set(itemAll);
  const grams = new Set<string>();
  for (let i = 0; i + 5 <= itemAll.length; i++) grams.add(itemAll.slice(i, i + 5).join(' '));
  const quoteBlocks: Block[] = [];
  for (const b of blocks) {
    // Nearly all its words are the item's, and five in a row as in the item: a quote, not a paraphrase.
    const all = words(b.text);
    const ws = all.filter((w) => !STOP.has(w));
    if (ws.length < 4) break;
    const inItem = ws.filter((w) => itemWords.has(w)).length / ws.length;
    let run = false;
    for (let i = 0; i + 5 <= all.length && !run; i++) run = grams.has(all.slice(i, i + 5).join(' '));
    if (inItem < 0.75 || !run) break;
    quoteBlocks.push(b);
  }
  if (!quoteBlocks.length || quoteBlocks.length === blocks.length) return r;
  const rest = blocks.slice(quoteBlocks.length);
  const span = (bs: Block[]): Span => ({ start: bs[0].range.start, end: bs[bs.length - 1].range.end });
  return {
    ...r,
    quote: quoteBlocks.map((b) => b.text).join(' '),
    quoteRange: span(quoteBlocks),
    text: rest.map((b) => b.text).join(' '),
    textRange: span(rest),
  };
}
