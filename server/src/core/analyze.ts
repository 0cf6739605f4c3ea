/**
 * analyze(text) → DocumentModel. The one entry point of the core: pure,
 * synchronous, no file system, no protocol. Never throws on any input
 * (problems become `notes`).
 */
import type { Block, Citation, DocumentKind, DocumentModel, Language, Reference, Section, Sentence, SourceFormat, Span } from './types';
import type { AnalysisCache } from './cache';
import { allLexicons, lexicon, type Lexicon } from './lexicon';
import { readMarkdown } from './read/markdown';
import { readPlainText } from './read/plaintext';
import { buildSections } from './structure';
import { extractItems } from './items';
import { scanBareIds, scanCitations, scanReferences, scanUrls } from './inline';
import { splitSentences } from './sentences';
import { classifySentence } from './classify';
import { containment, dice, normalizeText, words } from './text';
import { itemLabel } from './numbering';

export interface AnalyzeOptions {
  uri?: string | null;
  format?: SourceFormat;
  /** Force the language; else front matter `lang`, else detected. */
  language?: Language;
  /** The previous analysis's memory: a keystroke then costs what it changes. Same result with or without. */
  cache?: AnalysisCache;
}

interface BlockDerived {
  citations: Citation[];
  references: Reference[];
  bareIds: Reference[];
  sentences: Array<{ start: number; end: number; text: string }>;
}

const shiftSpan = (s: Span, d: number): Span => ({ start: s.start + d, end: s.end + d });

const KIND_VALUES: Record<string, DocumentKind> = {
  rapport: 'report', report: 'report', onderzoeksrapport: 'report', rekenkamerrapport: 'report', 'audit report': 'report',
  beleid: 'policy', policy: 'policy', beleidsnota: 'policy', nota: 'policy', beleidsplan: 'policy', kadernota: 'policy', koersdocument: 'policy',
  reactie: 'reaction', reaction: 'reaction', response: 'reaction', 'bestuurlijke reactie': 'reaction', wederhoor: 'reaction',
  brief: 'letter', letter: 'letter', aanbiedingsbrief: 'letter', 'cover letter': 'letter',
  normenkader: 'framework', framework: 'framework', norms: 'framework', toetsingskader: 'framework',
};

export function kindFromValue(v: unknown): DocumentKind | null {
  if (typeof v !== 'string') return null;
  return KIND_VALUES[v.trim().toLowerCase()] ?? null;
}

export function detectFormat(text: string, uri?: string | null): SourceFormat {
  if (uri) {
    const lower = uri.toLowerCase();
    if (/\.(md|markdown|mdown|mkd|qmd|rmd)$/.test(lower)) return 'markdown';
    if (/\.txt$/.test(lower)) return 'text';
  }
  const head = text.slice(0, 4000);
  if (/^\uFEFF?---\s*\r?\n/.test(head) || /^#{1,6}\s/m.test(head) || /\[@[\w]/.test(head)) return 'markdown';
  return 'text';
}

export function detectLanguage(text: string): Language {
  const sample = text.length > 40000 ? text.slice(0, 40000) : text;
  const nl = lexicon('nl').languageMarkers;
  const en = lexicon('en').languageMarkers;
  let a = 0;
  let b = 0;
  for (const w of words(sample)) {
    if (nl.has(w)) a++;
    if (en.has(w)) b++;
  }
  return b > a * 1.2 ? 'en' : 'nl';
}

export function analyze(text: string, options: AnalyzeOptions = {}): DocumentModel {
  const uri = options.uri ?? null;
  const format = options.format ?? detectFormat(text, uri);
  const notes: DocumentModel['notes'] = [];

  let blocks: Block[];
  let masked = text;
  let frontMatter: Record<string, unknown> | null = null;
  let frontMatterRange: Span | null = null;
  let footnotes: DocumentModel['footnotes'];
  let links: DocumentModel['links'] = [];
  let code: Span[] = [];

  // Extracted text needs the language to read its structure; Markdown says it in front matter, or is read in both.
  let language: Language = options.language ?? (format === 'markdown' ? 'nl' : detectLanguage(text));
  let lexicons = allLexicons(language);

  if (format === 'markdown') {
    const md = readMarkdown(text, options.cache);
    blocks = md.blocks;
    frontMatter = md.frontMatter;
    frontMatterRange = md.frontMatterRange;
    footnotes = md.footnotes;
    links = md.links;
    code = md.code;
    notes.push(...md.notes);
    // Bare URLs (no GFM autolink literals): found here, outside links and code.
    for (const u of scanUrls(text, 0, text.length)) {
      if (links.some((l) => l.range.start <= u.range.start && u.range.end <= l.range.end) || inside(u.range, code)) continue;
      links.push({ url: u.url, text: u.url, range: u.range, isFile: false, isAnchor: false });
    }
    links.sort((a, b) => a.range.start - b.range.start);
    const fmLang = frontMatter ? frontMatter.lang ?? frontMatter.language : undefined;
    const l = typeof fmLang === 'string' ? fmLang.toLowerCase().slice(0, 2) : '';
    if (!options.language) {
      language = l === 'nl' || l === 'en' ? l : detectLanguage(text);
      lexicons = allLexicons(language);
    }
  } else {
    const tr = readPlainText(text, lexicons);
    blocks = tr.blocks;
    masked = tr.masked;
    footnotes = tr.footnotes;
    for (const u of scanUrls(masked, 0, masked.length)) links.push({ url: u.url, text: u.url, range: u.range, isFile: false, isAnchor: false });
  }

  const fmKind = frontMatter ? kindFromValue(frontMatter.type ?? frontMatter.soort ?? frontMatter.kind) : null;
  let structure = buildSections(blocks, text.length, lexicons, fmKind === 'report');
  const kind = fmKind ?? inferKind(text, blocks, structure.sections, lexicons);
  if (kind === 'report' && fmKind !== 'report') structure = buildSections(blocks, text.length, lexicons, true);
  const { sections, blockSection } = structure;

  const flow = masked.replace(/[\r\n]/g, ' ');
  const items = extractItems({ text, masked, flow, blocks, sections, blockSection, lexicons, isReactionDocument: kind === 'reaction' });

  for (const f of footnotes) {
    const ws = words(f.text);
    f.isSource = lexicons.some((lx) => lx.sourceCues.matches(ws.slice(0, 8))) || /\[@|https?:|www\./.test(f.text);
  }

  // Per block (memoised by text): citations, written references, ids, sentences.
  const flowOf = (b: string): string => b.replace(/[\r\n]/g, ' ');
  const derive = (from: number, to: number, withSentences: boolean): BlockDerived => {
    const piece = masked.slice(from, to);
    const compute = (): BlockDerived => {
      const skip = code.filter((c) => c.end > from && c.start < to).map((c) => ({ start: Math.max(0, c.start - from), end: Math.min(piece.length, c.end - from) }));
      const inCode = (r: Span): boolean => skip.some((c) => c.start <= r.start && r.end <= c.end);
      return {
        citations: scanCitations(piece, 0, piece.length, skip),
        references: scanReferences(piece, 0, piece.length, lexicons).filter((r) => !inCode(r.range)),
        bareIds: scanBareIds(piece, 0, piece.length).filter((r) => !inCode(r.range)),
        sentences: withSentences
          ? splitSentences(flowOf(piece), 0, piece.length, language)
              .map((sp) => {
                const raw = piece.slice(sp.start, sp.end);
                return { start: sp.start, end: sp.end, text: format === 'markdown' ? normalizeText(stripForSentence(raw)) : normalizeText(raw) };
              })
              .filter((x) => x.text.length > 0)
          : [],
      };
    };
    if (!options.cache) return compute();
    const space = `${language}${format}${withSentences ? 1 : 0}\u0000${code.some((c) => c.end > from && c.start < to) ? JSON.stringify(code.filter((c) => c.end > from && c.start < to).map((c) => [c.start - from, c.end - from])) : ''}`;
    return options.cache.block(space, piece, compute);
  };

  const citations: Citation[] = [];
  const references: Reference[] = [];
  const bareIds: Reference[] = [];
  const sentences: Sentence[] = [];
  const ids = new Set<string>();
  for (const list of [items.questions, items.norms, items.conclusions, items.recommendations, items.goals, items.findings, items.assessments]) for (const it of list) ids.add(it.id);
  for (const s of sections) ids.add(s.id);
  for (const l of links) {
    if (!l.isAnchor) continue;
    const target = l.url.slice(1);
    references.push({ target, kind: refKindOfId(target), via: 'link', phrase: l.text, range: l.range });
  }
  const linkRefs = references.slice();
  for (let bi = 0; bi < blocks.length; bi++) {
    const b = blocks[bi];
    const withSentences = b.type !== 'heading' && b.type !== 'marker';
    const from = b.content.start;
    const dv = derive(from, b.content.end, withSentences);
    for (const c of dv.citations) citations.push({ ...c, range: shiftSpan(c.range, from), keyRange: shiftSpan(c.keyRange, from), groupRange: shiftSpan(c.groupRange, from) });
    if (b.type === 'heading') continue;
    const ownLabel = itemLabel(b.text, lexicons, true);
    for (const r0 of dv.references) {
      const r = { ...r0, range: shiftSpan(r0.range, from) };
      if (ownLabel && r.range.start - from <= 3) continue; // the item's own label
      if (linkRefs.some((x) => x.range.start <= r.range.start && r.range.end <= x.range.end)) continue;
      references.push(r);
    }
    for (const r0 of dv.bareIds) {
      if (!ids.has(r0.target)) continue;
      if (ownLabel && r0.range.start <= 3) continue;
      bareIds.push({ ...r0, range: shiftSpan(r0.range, from) });
    }
    if (withSentences) {
      const sec = blockSection[bi];
      const role = sec >= 0 ? sections[sec].role : 'other';
      for (const x of dv.sentences) {
        const cls = options.cache ? options.cache.block(`cls\u0000${role}\u0000${kind}\u0000${language}`, x.text, () => classifySentence(x.text, role, kind, lexicons)) : classifySentence(x.text, role, kind, lexicons);
        sentences.push({ start: x.start + from, end: x.end + from, text: x.text, cls, section: sec });
      }
    }
  }
  // Citations in footnotes.
  for (const f of footnotes) {
    if (format !== 'markdown') continue;
    const dv = derive(f.range.start, f.range.end, false);
    for (const c of dv.citations) citations.push({ ...c, range: shiftSpan(c.range, f.range.start), keyRange: shiftSpan(c.keyRange, f.range.start), groupRange: shiftSpan(c.groupRange, f.range.start) });
  }
  citations.sort((a, b) => a.range.start - b.range.start);
  references.push(...bareIds);
  references.sort((a, b) => a.range.start - b.range.start);

  // Answers and follows.
  const qIds = new Set(items.questions.map((q) => q.id));
  for (const c of items.conclusions) {
    const refs = refsIn(references, c.range).filter((r) => r.kind === 'question').map((r) => r.target);
    const header = items.headerQuestion.get(c);
    const answers = new Set<string>();
    if (header && qIds.has('Q' + header)) answers.add('Q' + header);
    for (const r of refs) answers.add(r);
    if (answers.size === 0 && c.label && qIds.has('Q' + c.label)) answers.add('Q' + c.label);
    c.answers = [...answers];
  }
  for (const r of items.recommendations) {
    r.follows = [...new Set(refsIn(references, r.range).filter((x) => x.kind === 'conclusion').map((x) => x.target))];
    const header = items.headerQuestion.get(r);
    const answers = new Set(refsIn(references, r.range).filter((x) => x.kind === 'question').map((x) => x.target));
    if (header && qIds.has('Q' + header)) answers.add('Q' + header);
    r.answers = [...answers];
  }

  linkAssessments(items, references, lexicons);
  alignReactions(items, lexicons);

  const title = typeof frontMatter?.title === 'string' ? frontMatter.title : firstTitle(blocks);
  options.cache?.commit();

  return {
    uri,
    format,
    text,
    kind,
    kindSource: fmKind ? 'front-matter' : 'inferred',
    language,
    title,
    frontMatter,
    frontMatterRange,
    blocks,
    sections,
    centralQuestion: items.centralQuestion,
    questions: items.questions,
    norms: items.norms,
    assessments: items.assessments,
    findings: items.findings,
    goals: items.goals,
    conclusions: items.conclusions,
    recommendations: items.recommendations,
    reactions: items.reactions,
    citations,
    footnotes,
    links,
    references,
    sentences,
    notes,
  };
}

import { stripInline } from './inline';
function stripForSentence(s: string): string {
  return stripInline(s.replace(/^\s{0,3}(?:[-*+]|\d{1,3}[.)])\s+/, ''));
}

function inside(span: Span, list: readonly Span[]): boolean {
  for (const s of list) if (s.start <= span.start && span.end <= s.end) return true;
  return false;
}

function refsIn(refs: readonly Reference[], range: Span): Reference[] {
  return refs.filter((r) => r.range.start >= range.start && r.range.end <= range.end);
}

function refKindOfId(id: string): Reference['kind'] {
  const c = id[0];
  if (/^[CRNQFG]\d/.test(id)) return ({ C: 'conclusion', R: 'recommendation', N: 'norm', Q: 'question', F: 'finding', G: 'goal' } as const)[c as 'C'];
  if (/^A\d/.test(id)) return 'assessment';
  return 'section';
}

function firstTitle(blocks: Block[]): string | null {
  const h = blocks.find((b) => b.type === 'heading');
  if (h) return h.text;
  const p = blocks.find((b) => b.text.length > 0);
  return p ? p.text.slice(0, 120) : null;
}

/**
 * Kind from content: a report has at least two of questions, norms,
 * conclusions, recommendations, assessments; a letter opens with a
 * salutation; a reaction speaks of itself as one; a policy names goals.
 */
function inferKind(text: string, blocks: Block[], sections: Section[], lexicons: readonly Lexicon[]): DocumentKind {
  const roles = new Set(sections.flatMap((s) => s.roles));
  const reportParts = ['questions', 'norms', 'conclusions', 'recommendations', 'assessment', 'findings'].filter((r) => roles.has(r as never)).length;
  const headWords = words(text.slice(0, 1500));
  const majors = sections.filter((s) => s.level === 1).length;
  const salutation = blocks.slice(0, 12).some((b) => lexicons.some((lx) => lx.salutations.matches(words(b.text).slice(0, 6))));
  const reactionSignal = lexicons.some((lx) => lx.reactionSignals.matches(headWords));
  if (reportParts >= 2 && (majors >= 3 || !salutation || text.length > 60000)) return 'report';
  if (reactionSignal && roles.has('reaction') && reportParts < 2) return 'reaction';
  if (salutation) return 'letter';
  if (roles.has('goals') || lexicons.some((lx) => countMatches(lx, headWords) >= 2)) return 'policy';
  if (reportParts >= 2) return 'report';
  return 'unknown';
}

function countMatches(lx: Lexicon, ws: string[]): number {
  let n = 0;
  for (let i = 0; i < ws.length; i++) if (lx.policySignals.matchAt(ws, i) > 0) n++;
  return n;
}

/** Each assessment to its norm: by label ("Norm 1.2"), an explicit reference, or text. */
function linkAssessments(items: ReturnType<typeof extractItems>, references: readonly Reference[], lexicons: readonly Lexicon[]): void {
  const stop = stopwords(lexicons);
  const byId = new Map(items.norms.map((n) => [n.id, n]));
  for (const a of items.assessments) {
    if (a.label && (byId.has('N' + a.label) || items.norms.length === 0)) {
      // With the normenkader in another file, the label names the norm there.
      a.norm = 'N' + a.label;
      a.normLink = 'label';
      continue;
    }
    const ref = references.find((r) => r.kind === 'norm' && r.range.start >= a.range.start && r.range.end <= a.range.end && byId.has(r.target));
    if (ref) {
      a.norm = ref.target;
      a.normLink = 'explicit';
      continue;
    }
    let best: { id: string; score: number } | null = null;
    for (const n of items.norms) {
      const s = 0.5 * dice(a.normText, n.text, stop) + 0.5 * containment(a.normText, n.text, stop);
      if (!best || s > best.score) best = { id: n.id, score: s };
    }
    if (best && best.score >= 0.5) {
      a.norm = best.id;
      a.normLink = 'text';
    }
  }
}

/** Reactions to their targets: by number when the text agrees, else by text. */
function alignReactions(items: ReturnType<typeof extractItems>, lexicons: readonly Lexicon[]): void {
  const stop = stopwords(lexicons);
  const candidates = [...items.conclusions, ...items.recommendations];
  if (!candidates.length) return;
  for (const r of items.reactions) {
    const byLabel = r.target ? candidates.find((c) => c.id === r.target) : undefined;
    if (byLabel && (!r.quote || containment(r.quote, byLabel.text, stop) >= 0.5)) continue;
    if (!r.quote) continue;
    let best: { id: string; score: number } | null = null;
    for (const c of candidates) {
      const s = containment(r.quote, c.text, stop);
      if (!best || s > best.score) best = { id: c.id, score: s };
    }
    if (best && best.score >= 0.6) {
      r.target = best.id;
      r.targetKind = best.id.startsWith('C') ? 'conclusion' : 'recommendation';
    }
  }
}

function stopwords(lexicons: readonly Lexicon[]): Set<string> {
  const s = new Set<string>();
  for (const lx of lexicons) for (const w of lx.stopwords) s.add(w);
  return s;
}
