/**
 * What stands at a position, and where an item lives in the project: the
 * shared vocabulary of hover, definition, references, rename and lenses.
 */
import type { Citation, DocumentModel, Reference, Span, Assessment } from '../core/types';
import type { ToetssteenServer } from './server';
import { UI, type Locale } from './i18n';

export type ItemKind = 'question' | 'norm' | 'assessment' | 'finding' | 'goal' | 'conclusion' | 'recommendation' | 'section' | 'reaction';

export interface ItemInfo {
  uri: string;
  id: string;
  kind: ItemKind;
  label: string | null;
  text: string;
  range: Span;
  /** Where its label or heading stands (for rename and "go to"). */
  headRange: Span;
  model: DocumentModel;
}

export function itemsOf(uri: string, m: DocumentModel): ItemInfo[] {
  const out: ItemInfo[] = [];
  const head = (r: Span): Span => {
    const nl = m.text.indexOf('\n', r.start);
    return { start: r.start, end: nl < 0 || nl > r.end ? r.end : nl };
  };
  const add = (kind: ItemKind, list: Array<{ id: string; label: string | null; text: string; range: Span }>): void => {
    for (const it of list) out.push({ uri, id: it.id, kind, label: it.label, text: it.text, range: it.range, headRange: head(it.range), model: m });
  };
  add('question', m.questions);
  add('norm', m.norms);
  add('assessment', m.assessments.map((a) => ({ ...a, text: a.normText })));
  add('finding', m.findings.map((f) => ({ ...f, text: f.title })));
  add('goal', m.goals);
  add('conclusion', m.conclusions);
  add('recommendation', m.recommendations);
  for (const r of m.reactions) out.push({ uri, id: r.id, kind: 'reaction', label: r.label, text: r.text, range: r.range, headRange: head(r.range), model: m });
  for (const s of m.sections) out.push({ uri, id: s.id, kind: 'section', label: s.numbering, text: s.title, range: s.range, headRange: s.headingRange, model: m });
  return out;
}

/** Documents to search for an id written in `from`, nearest first: itself, its report, the report's normenkader, the rest. */
export function searchOrder(server: ToetssteenServer, fromUri: string): Array<{ uri: string; model: DocumentModel }> {
  const project = server.project();
  const self = server.model(fromUri);
  const out: DocumentModel[] = [];
  const seen = new Set<DocumentModel>(); // a large workspace makes `out.includes` quadratic
  const add = (m: DocumentModel): void => {
    if (seen.has(m)) return;
    seen.add(m);
    out.push(m);
  };
  if (self) add(self);
  const report = self ? (self.kind === 'report' ? self : project.reportFor(self)) : null;
  if (report) add(report);
  if (report) for (const f of project.frameworksFor(report)) add(f);
  for (const d of project.documents) add(d);
  return out.filter((m) => m.uri).map((m) => ({ uri: m.uri!, model: m }));
}

const KIND_OF_PREFIX: Record<string, ItemKind> = { C: 'conclusion', R: 'recommendation', Q: 'question', N: 'norm', F: 'finding', G: 'goal', A: 'assessment', S: 'section' };

export function findItem(server: ToetssteenServer, fromUri: string, id: string): ItemInfo | null {
  for (const { uri, model } of searchOrder(server, fromUri)) {
    const hit = itemsOf(uri, model).find((i) => i.id === id && i.kind !== 'reaction');
    if (hit) return hit;
    // "paragraaf 3.2" names a section S3.2 that is also finding F3.2
    if (id.startsWith('S')) {
      const f = itemsOf(uri, model).find((i) => i.id === 'F' + id.slice(1));
      if (f) return f;
    }
    // Reactions and letters point into the report only.
    if (model.kind === 'report' && KIND_OF_PREFIX[id[0]] && model.uri !== fromUri) break;
  }
  return null;
}

export type Target =
  | { type: 'reference'; ref: Reference; range: Span }
  | { type: 'item'; item: ItemInfo; range: Span }
  | { type: 'citation'; citation: Citation; range: Span }
  | { type: 'score'; assessment: Assessment; range: Span };

const within = (o: number, s: Span): boolean => s.start <= o && o <= s.end;

/** The most specific thing at an offset. */
export function targetAt(server: ToetssteenServer, uri: string, offset: number): Target | null {
  const m = server.model(uri);
  if (!m) return null;
  const c = m.citations.find((x) => within(offset, x.range));
  if (c) return { type: 'citation', citation: c, range: c.range };
  const r = m.references.find((x) => within(offset, x.range));
  if (r) return { type: 'reference', ref: r, range: r.range };
  const a = m.assessments.find((x) => x.scoreRange && within(offset, x.scoreRange));
  if (a) return { type: 'score', assessment: a, range: a.scoreRange! };
  const items = itemsOf(uri, m).filter((i) => i.kind !== 'section' && within(offset, i.headRange));
  if (items.length) {
    items.sort((x, y) => x.range.end - x.range.start - (y.range.end - y.range.start));
    return { type: 'item', item: items[0], range: items[0].headRange };
  }
  const s = m.sections.find((x) => within(offset, x.headingRange));
  if (s) {
    const item = itemsOf(uri, m).find((i) => i.kind === 'section' && i.id === s.id)!;
    return { type: 'item', item, range: s.headingRange };
  }
  return null;
}

export function kindName(kind: ItemKind, locale: Locale): string {
  return UI[kind][locale];
}

/** Every place in the project that points at item `id` (of `owner`). */
export function referencesTo(server: ToetssteenServer, owner: ItemInfo): Array<{ uri: string; range: Span; via: string }> {
  const out: Array<{ uri: string; range: Span; via: string }> = [];
  for (const _ of referencesToSteps(server, owner, out));
  return out;
}

/** `referencesTo`, one document a step: a long search can pause between steps (and stop). */
export function* referencesToSteps(server: ToetssteenServer, owner: ItemInfo, out: Array<{ uri: string; range: Span; via: string }>): Generator<void> {
  const project = server.project();
  for (const m of project.documents) {
    yield;
    if (!m.uri) continue;
    for (const r of m.references) {
      const ids = [r.target, r.target.startsWith('S') ? 'F' + r.target.slice(1) : ''];
      if (!ids.includes(owner.id)) continue;
      // The reference resolves to this item when, seen from its document, this is the item found.
      const found = findItem(server, m.uri, r.target);
      if (found && found.uri === owner.uri && (found.id === owner.id || found.range.start === owner.range.start)) out.push({ uri: m.uri, range: r.range, via: r.via });
    }
    // Reactions point at their targets too.
    for (const re of m.reactions) {
      if (re.target !== owner.id) continue;
      const found = findItem(server, m.uri, re.target);
      if (found && found.uri === owner.uri) out.push({ uri: m.uri, range: re.quoteRange ?? re.range, via: 'reaction' });
    }
  }
}
