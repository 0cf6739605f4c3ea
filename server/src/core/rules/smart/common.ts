/** What the `smart/*` rules share: their targets, quoting evidence, and the data quick fixes read. */
import type { DocumentModel } from '../../types';
import type { Message } from '../types';
import type { Evidence, Letter, SmartKind } from '../../smart/analyze';
import { smartTargets, capitalised, type SmartTarget } from '../../smart/targets';

export { capitalised };

/** The targets of the given kinds. */
export function targets(model: DocumentModel, kinds: readonly SmartKind[]): SmartTarget[] {
  return smartTargets(model).filter((t) => kinds.includes(t.kind));
}

/** “a”, “b” and “c” — the words that made the judgement, at most five. */
export function quotes(evidence: readonly Evidence[], lang: 'nl' | 'en'): string {
  const seen = new Set<string>();
  const list: string[] = [];
  for (const e of evidence) {
    const t = e.text.replace(/\s+/g, ' ').trim();
    const key = t.toLowerCase();
    if (!t || seen.has(key)) continue;
    seen.add(key);
    list.push(`“${t}”`);
  }
  const shown = list.slice(0, 5);
  if (shown.length <= 1) return shown.join('');
  const and = lang === 'nl' ? ' en ' : ' and ';
  return shown.slice(0, -1).join(', ') + and + shown[shown.length - 1];
}

/**
 * The evidence in the item's first sentence when there is any: a long
 * recommendation's explanation should not drown the words of the
 * recommendation itself.
 */
export function preferFirst(evidence: readonly Evidence[], t: SmartTarget): Evidence[] {
  const first = evidence.filter((e) => e.start < t.range.end);
  return first.length ? first : [...evidence];
}

export function many(evidence: readonly Evidence[]): boolean {
  return new Set(evidence.map((e) => e.text.toLowerCase().trim())).size > 1;
}

/**
 * Machine-readable facts for quick fixes (`smart/fixes.ts`): which letter,
 * which item, the document language, where a clause can be inserted, the
 * item's first word when it is an imperative, and the vague words.
 */
export function fixData(model: DocumentModel, t: SmartTarget, letter: Letter): Record<string, unknown> {
  return {
    letter,
    item: t.id,
    itemKind: t.kind,
    lang: model.language,
    insertAt: t.card.insertAt,
    contentStart: t.range.start,
    imperative: t.card.imperative ? { start: t.card.imperative.start, end: t.card.imperative.end, text: t.card.imperative.text } : null,
    evidence: t.card[letter].evidence.map((e) => ({ start: e.start, end: e.end, text: e.text, role: e.role })),
  };
}

/** Name at the start of a sentence: "Doel 3", "Aanbeveling 2", "Dit doel". */
export function subject(t: SmartTarget): Message {
  return capitalised(t.name);
}
