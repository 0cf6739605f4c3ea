/**
 * Aligning quoted items (reactions, the items of a cover letter) to the
 * report's conclusions and recommendations, by text and by number at once:
 * every pair gets a score from the similarity of the quoted text with the
 * item's text, plus a bonus when the numbers agree and a penalty when the
 * kinds differ; pairs are taken greedily, best first (ties: the number
 * agrees, then the nearer position), each item and each quote used once.
 * So a renumbered report, a quote without a number, or a number that
 * points at the wrong item still align by text; a reaction without a quote
 * aligns by its number alone.
 */
import { words } from '../text';

export interface AlignSource {
  /** The quoted text (may be empty). */
  text: string;
  /** Item id the source's own numbering names ("C3"), or null. */
  labelId: string | null;
  kind: 'conclusion' | 'recommendation' | null;
}

export interface AlignTarget {
  id: string;
  kind: 'conclusion' | 'recommendation';
  text: string;
}

export interface AlignResult {
  /** Index into the targets, or null. */
  target: number | null;
  score: number;
  via: 'text' | 'label' | 'both' | null;
  similarity: number;
}

interface Bag {
  set: Set<string>;
}

function bag(text: string, stop: ReadonlySet<string>): Bag {
  const set = new Set<string>();
  for (const w of words(text)) if (!stop.has(w) && w.length > 1) set.add(w);
  return { set };
}

/** Similarity of a quote with an item: mostly how much of the quote the item contains, partly their overlap. */
export function quoteSimilarity(q: Bag, t: Bag): number {
  if (q.set.size === 0 || t.set.size === 0) return 0;
  let hit = 0;
  for (const w of q.set) if (t.set.has(w)) hit++;
  const containment = hit / q.set.size;
  const dice = (2 * hit) / (q.set.size + t.set.size);
  return 0.6 * containment + 0.4 * dice;
}

export function align(sources: readonly AlignSource[], targets: readonly AlignTarget[], stop: ReadonlySet<string>, minText = 0.45): AlignResult[] {
  const out: AlignResult[] = sources.map(() => ({ target: null, score: 0, via: null, similarity: 0 }));
  if (!targets.length || !sources.length) return out;
  const tb = targets.map((t) => bag(t.text, stop));
  const idIndex = new Map(targets.map((t, i) => [t.id, i]));
  const pairs: Array<{ s: number; t: number; score: number; label: boolean; sim: number; dist: number }> = [];
  sources.forEach((src, s) => {
    const qb = bag(src.text, stop);
    const hasText = qb.set.size >= 3;
    const labelT = src.labelId !== null ? idIndex.get(src.labelId) : undefined;
    for (let t = 0; t < targets.length; t++) {
      const label = labelT === t;
      const sim = hasText ? quoteSimilarity(qb, tb[t]) : 0;
      const kindPenalty = src.kind && src.kind !== targets[t].kind ? 0.25 : 0;
      let score: number;
      if (!hasText) {
        if (!label) continue;
        score = 0.5;
      } else if (label) {
        if (sim < 0.2) continue;
        score = sim + 0.15 - kindPenalty;
      } else {
        if (sim < minText) continue;
        score = sim - kindPenalty;
      }
      pairs.push({ s, t, score, label, sim, dist: Math.abs(s - t) });
    }
  });
  pairs.sort((a, b) => b.score - a.score || Number(b.label) - Number(a.label) || a.dist - b.dist);
  const usedT = new Set<number>();
  for (const p of pairs) {
    if (out[p.s].target !== null || usedT.has(p.t)) continue;
    usedT.add(p.t);
    out[p.s] = { target: p.t, score: p.score, via: p.sim >= minText ? (p.label ? 'both' : 'text') : 'label', similarity: p.sim };
  }
  return out;
}
