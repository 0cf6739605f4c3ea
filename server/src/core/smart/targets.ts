/**
 * What the SMART checks read in a document: its goals, recommendations and
 * conclusions, each with its SMART card in document offsets. Computed once
 * per model (the rules, the cross-document check, quick fixes and the hover
 * share it).
 *
 * - Goals: the items of goal sections (`model.goals`) in documents that are
 *   not reports, reactions or letters (a report describes a policy's goals;
 *   it does not set them), and, in policy documents, sentences classed
 *   'goal' outside those items ("Wij willen …", "In 2026 is …"), except in
 *   vision, introduction and summary sections and lead-ins ending in ':'.
 * - Recommendations and conclusions: all, except in reactions and letters
 *   (they quote the report; the report is where the text is checked).
 */
import type { DocumentModel, Span } from '../types';
import type { Message } from '../rules/types';
import { smartCard, roughSentences, type Evidence, type LetterCard, type SmartCard, type SmartKind, LETTERS } from './analyze';
import { smartLexicon } from './lexicon';
import { insertionToDocument, projectRange, toDocument, type Projection } from './project';
import { fold } from './patterns';

export interface SmartTarget {
  kind: SmartKind;
  /** Item id (G3, R2, C7), or `g@<offset>` for a goal sentence. */
  id: string;
  /** How to name it in a message: "doel 3" / "goal 3". */
  name: Message;
  /** The item's first sentence in the document (where M, A, R, T diagnostics stand). */
  range: Span;
  /** The whole item. */
  itemRange: Span;
  /** The card, with evidence in document offsets. */
  card: SmartCard;
  /** The item's text as analysed. */
  text: string;
}

const CACHE = new WeakMap<DocumentModel, SmartTarget[]>();

const KIND_WORD: Record<SmartKind, Message> = {
  goal: { nl: 'doel', en: 'goal' },
  recommendation: { nl: 'aanbeveling', en: 'recommendation' },
  conclusion: { nl: 'conclusie', en: 'conclusion' },
};

function makeTarget(model: DocumentModel, kind: SmartKind, id: string, label: string | null, range: Span, name?: Message): SmartTarget | null {
  const p = projectRange(model.text, range, model.footnotes.map((f) => f.range));
  if (!/\p{L}/u.test(p.text)) return null;
  const card = smartCard(p.text, model.language, kind);
  const n = label ?? id.replace(/^[A-Z]/, '');
  return {
    kind,
    id,
    name: name ?? { nl: `${KIND_WORD[kind].nl} ${n}`, en: `${KIND_WORD[kind].en} ${n}` },
    range: firstSentence(p),
    itemRange: range,
    card: toDocumentCard(card, p),
    text: p.text,
  };
}

export function smartTargets(model: DocumentModel): SmartTarget[] {
  const cached = CACHE.get(model);
  if (cached) return cached;
  const out: SmartTarget[] = [];
  const quoting = model.kind === 'reaction' || model.kind === 'letter';
  const add = (kind: SmartKind, id: string, label: string | null, range: Span, name?: Message): void => {
    const t = makeTarget(model, kind, id, label, range, name);
    if (t) out.push(t);
  };
  if (!quoting && model.kind !== 'report') {
    for (const g of model.goals) add('goal', g.id, g.label, g.range);
  }
  if (model.kind === 'policy') {
    const skip = smartLexicon(model.language).skipSections;
    const inGoal = (s: Span): boolean => model.goals.some((g) => s.start < g.range.end && g.range.start < s.end);
    const skipped = (sec: number): boolean => {
      for (let i: number | null = sec; i !== null && i >= 0; i = model.sections[i]?.parent ?? null) {
        const s = model.sections[i];
        if (!s) break;
        if (s.role === 'introduction' || s.role === 'summary' || s.role === 'appendix') return true;
        if (skip.test(fold(s.title))) return true;
      }
      return false;
    };
    for (const s of model.sentences) {
      if (s.cls !== 'goal' || /:\s*$/.test(s.text) || inGoal(s)) continue;
      if (s.section >= 0 && skipped(s.section)) continue;
      add('goal', `g@${s.start}`, null, { start: s.start, end: s.end }, { nl: 'dit doel', en: 'this goal' });
    }
  }
  if (!quoting) {
    for (const r of model.recommendations) add('recommendation', r.id, r.label, r.range);
    for (const c of model.conclusions) add('conclusion', c.id, c.label, c.range);
  }
  out.sort((a, b) => a.itemRange.start - b.itemRange.start);
  CACHE.set(model, out);
  return out;
}

const GOAL_CACHE = new WeakMap<DocumentModel, SmartTarget[]>();

/**
 * The goal items of a document (`model.goals`), whatever its kind: what the
 * cross-document check counts ("5 van de 8 doelen"). In a report they are
 * not checked letter by letter, but a report that lists the goals it
 * assesses can still be compared with its own assessment.
 */
export function goalTargets(model: DocumentModel): SmartTarget[] {
  const cached = GOAL_CACHE.get(model);
  if (cached) return cached;
  const fromAll = smartTargets(model).filter((t) => t.kind === 'goal' && !t.id.startsWith('g@'));
  const out = fromAll.length || model.goals.length === 0 ? fromAll : model.goals.map((g) => makeTarget(model, 'goal', g.id, g.label, g.range)).filter((t): t is SmartTarget => t !== null);
  GOAL_CACHE.set(model, out);
  return out;
}

function firstSentence(p: Projection): Span {
  const s = roughSentences(p.text)[0] ?? { start: 0, end: p.text.length };
  let end = s.end;
  while (end > s.start && /\s/.test(p.text[end - 1])) end--;
  return toDocument(p, s.start, end);
}

function toDocumentEvidence(e: Evidence, p: Projection): Evidence {
  const span = toDocument(p, e.start, e.end);
  return { ...e, start: span.start, end: span.end };
}

function toDocumentCard(card: SmartCard, p: Projection): SmartCard {
  const out = { ...card } as SmartCard;
  for (const l of LETTERS) {
    const c: LetterCard = card[l];
    out[l] = { ...c, evidence: c.evidence.map((e) => toDocumentEvidence(e, p)) };
  }
  out.imperative = card.imperative ? toDocumentEvidence(card.imperative, p) : null;
  out.insertAt = insertionToDocument(p, card.insertAt);
  return out;
}

/** The target whose item contains the offset (for the hover). */
export function smartTargetAt(model: DocumentModel, offset: number): SmartTarget | null {
  for (const t of smartTargets(model)) if (t.itemRange.start <= offset && offset < t.itemRange.end) return t;
  return null;
}

/** Capitalised name for the start of a message. */
export function capitalised(m: Message): Message {
  return { nl: m.nl[0].toUpperCase() + m.nl.slice(1), en: m.en[0].toUpperCase() + m.en.slice(1) };
}
