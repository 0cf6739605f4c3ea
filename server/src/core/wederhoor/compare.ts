/**
 * Comparing a quoted text with the report's text, word by word.
 *
 * 1. Both texts are cut into units (sentences, list items). Units that
 *    match (the same words, or nearly) but stand in another order are
 *    *moved*: the longest chain of units in the same order (by number of
 *    words) stays, the others moved. A moved sentence is one change, not a
 *    deletion plus an insertion.
 * 2. What remains is compared word by word (Myers). Each difference is a
 *    change: *replaced*, *deleted*, *inserted*, or *spelling* when only
 *    spacing, hyphens or case differ ("OpenHouse" / "Open House").
 *    Differences of case alone, of hyphenation at a line break, of glued
 *    footnote markers and of reference parentheses ("(zie conclusie 3)")
 *    are no change. Changes one word apart are joined.
 * 3. With `allowPartial`, whole sentences left out at the start or the end
 *    are no change: quoting part of an item is allowed.
 */
import type { Token } from './tokens';
import { diffKeys, type Hunk } from './diff';

export type ChangeKind = 'replaced' | 'deleted' | 'inserted' | 'moved' | 'spelling';

export interface RawChange {
  kind: ChangeKind;
  /** Token ranges: `a` is the report, `b` the quoting text. */
  a0: number;
  a1: number;
  b0: number;
  b1: number;
  /** Moved units: 1-based positions among the units, and the number of units. */
  moved?: { from: number; to: number; units: number };
}

export interface CompareOptions {
  allowPartial: boolean;
  /** Words of reference parentheses ("zie", "conclusie", "en"). */
  refWords: ReadonlySet<string>;
  /** Of which at least one must occur ("conclusie", "aanbeveling"). */
  refItemWords: ReadonlySet<string>;
  /** Keep only replaced numbers (summaries that paraphrase). */
  numbersOnly?: boolean;
}

export interface CompareResult {
  changes: RawChange[];
  /** Sentences of the report left out at the start / the end. */
  omittedStart: boolean;
  omittedEnd: boolean;
}

interface Unit {
  s: number;
  e: number;
  key: string;
  keys: Set<string>;
}

function unitsOf(tokens: readonly Token[]): Unit[] {
  const out: Unit[] = [];
  let s = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].unitEnd || i === tokens.length - 1) {
      const ks = tokens.slice(s, i + 1).map((t) => t.key);
      out.push({ s, e: i + 1, key: ks.join(' '), keys: new Set(ks) });
      s = i + 1;
    }
  }
  return out;
}

function unitSimilarity(a: Unit, b: Unit): number {
  let hit = 0;
  for (const k of a.keys) if (b.keys.has(k)) hit++;
  return (2 * hit) / (a.keys.size + b.keys.size);
}

/** Pairs of units that hold the same sentence, and which of them moved. */
function findMoves(ua: Unit[], ub: Unit[]): Array<{ a: number; b: number }> {
  if (ua.length < 2 || ub.length < 2 || ua.length * ub.length > 40_000) return [];
  const pairOfA = new Array<number>(ua.length).fill(-1);
  const usedB = new Set<number>();
  const byKey = new Map<string, number[]>();
  ua.forEach((u, i) => byKey.set(u.key, [...(byKey.get(u.key) ?? []), i]));
  ub.forEach((u, j) => {
    const list = byKey.get(u.key);
    if (!list) return;
    const i = list.find((x) => pairOfA[x] < 0);
    if (i === undefined) return;
    pairOfA[i] = j;
    usedB.add(j);
  });
  const cands: Array<{ i: number; j: number; sim: number }> = [];
  ua.forEach((u, i) => {
    if (pairOfA[i] >= 0 || u.e - u.s < 4) return;
    ub.forEach((w, j) => {
      if (usedB.has(j) || w.e - w.s < 4) return;
      const sim = unitSimilarity(u, w);
      if (sim >= 0.6) cands.push({ i, j, sim });
    });
  });
  cands.sort((x, y) => y.sim - x.sim || Math.abs(x.i - x.j) - Math.abs(y.i - y.j));
  for (const c of cands) {
    if (pairOfA[c.i] >= 0 || usedB.has(c.j)) continue;
    pairOfA[c.i] = c.j;
    usedB.add(c.j);
  }
  const pairs = pairOfA.map((j, i) => ({ i, j })).filter((p) => p.j >= 0);
  if (pairs.length < 2) return [];
  // Heaviest increasing chain of b positions (weight: words), O(P²) over a few dozen units.
  const w = pairs.map((p) => ua[p.i].e - ua[p.i].s);
  const best = pairs.map((_, k) => w[k]);
  const prev = pairs.map(() => -1);
  for (let k = 0; k < pairs.length; k++) {
    for (let q = 0; q < k; q++) {
      if (pairs[q].j < pairs[k].j && best[q] + w[k] > best[k]) {
        best[k] = best[q] + w[k];
        prev[k] = q;
      }
    }
  }
  let end = 0;
  for (let k = 1; k < pairs.length; k++) if (best[k] > best[end]) end = k;
  const keep = new Set<number>();
  for (let k = end; k >= 0; k = prev[k]) keep.add(k);
  return pairs.filter((_, k) => !keep.has(k)).map((p) => ({ a: p.i, b: p.j }));
}

function classify(a: readonly Token[], b: readonly Token[], opts: CompareOptions): ChangeKind | null {
  if (!a.length && !b.length) return null;
  if (a.length && b.length) {
    const ka = a.map((t) => t.key).join('');
    const kb = b.map((t) => t.key).join('');
    if (ka === kb) {
      const broken = a.some((t) => t.broken) || b.some((t) => t.broken);
      const plain = (ts: readonly Token[]): string => ts.map((t) => t.surface).join('').toLowerCase().replace(/-/g, '');
      if (broken && plain(a) === plain(b)) return null;
      return 'spelling';
    }
    if (a.length === 1 && b.length === 1) {
      const [x, y] = ka.length < kb.length ? [ka, kb] : [kb, ka];
      if (y.startsWith(x) && /^\d{1,3}$/.test(y.slice(x.length)) && /\p{L}$/u.test(x)) return null; // glued footnote marker
    }
    return 'replaced';
  }
  const ts = a.length ? a : b;
  if (ts.every((t) => t.numeric || opts.refWords.has(t.key)) && ts.some((t) => opts.refItemWords.has(t.key))) return null;
  return a.length ? 'deleted' : 'inserted';
}

export function compareTokens(a: readonly Token[], b: readonly Token[], opts: CompareOptions): CompareResult {
  const ua = unitsOf(a);
  const ub = unitsOf(b);
  const moves = opts.numbersOnly ? [] : findMoves(ua, ub);
  const movedA = new Set<number>();
  const movedB = new Set<number>();
  for (const mv of moves) {
    for (let i = ua[mv.a].s; i < ua[mv.a].e; i++) movedA.add(i);
    for (let j = ub[mv.b].s; j < ub[mv.b].e; j++) movedB.add(j);
  }
  const aKeep: number[] = [];
  const bKeep: number[] = [];
  for (let i = 0; i < a.length; i++) if (!movedA.has(i)) aKeep.push(i);
  for (let j = 0; j < b.length; j++) if (!movedB.has(j)) bKeep.push(j);

  const changes: RawChange[] = [];
  let omittedStart = false;
  let omittedEnd = false;

  const toOrig = (keep: number[], lo: number, hi: number, len: number): [number, number] => {
    if (hi > lo) return [keep[lo], keep[hi - 1] + 1];
    const at = lo < keep.length ? keep[lo] : len;
    return [at, at];
  };

  const run = (ai: number[], bi: number[], top: boolean): RawChange[] => {
    const out: RawChange[] = [];
    const hunks: Hunk[] = diffKeys(ai.map((i) => a[i].key), bi.map((j) => b[j].key));
    let pa = 0;
    let pb = 0;
    const equalRun = (toA: number, toB: number): void => {
      // Same key, different spelling (hyphen): a change of spelling, unless the hyphen is a line break's.
      while (pa < toA && pb < toB) {
        const x = a[ai[pa]];
        const y = b[bi[pb]];
        if (x.surface.toLowerCase() !== y.surface.toLowerCase() && !x.broken && !y.broken) {
          out.push({ kind: 'spelling', a0: ai[pa], a1: ai[pa] + 1, b0: bi[pb], b1: bi[pb] + 1 });
        }
        pa++;
        pb++;
      }
    };
    hunks.forEach((h) => {
      equalRun(h.a0, h.b0);
      pa = h.a1;
      pb = h.b1;
      const [a0, a1] = toOrig(ai, h.a0, h.a1, a.length);
      const [b0, b1] = toOrig(bi, h.b0, h.b1, b.length);
      if (top && opts.allowPartial && h.b0 === h.b1) {
        // Whole sentences left out at either end: a partial quote.
        if (h.a0 === 0 && h.b0 === 0 && a[ai[h.a1 - 1]].unitEnd) {
          omittedStart = true;
          return;
        }
        if (h.a1 === ai.length && h.b1 === bi.length && (h.a0 === 0 || a[ai[h.a0 - 1]].unitEnd)) {
          omittedEnd = true;
          return;
        }
      }
      if (h.b0 === h.b1) {
        // The quote marks the words it leaves out with an ellipsis.
        const next = h.b0 < bi.length ? b[bi[h.b0]] : null;
        const prev = h.b0 > 0 ? b[bi[h.b0 - 1]] : null;
        if (next?.ellipsisBefore || (!next && prev?.ellipsisAfter)) return;
      }
      const kind = classify(ai.slice(h.a0, h.a1).map((i) => a[i]), bi.slice(h.b0, h.b1).map((j) => b[j]), opts);
      if (kind) out.push({ kind, a0, a1, b0, b1 });
    });
    equalRun(ai.length, bi.length);
    return out;
  };

  changes.push(...run(aKeep, bKeep, true));
  for (const mv of moves) {
    const A = ua[mv.a];
    const B = ub[mv.b];
    changes.push({ kind: 'moved', a0: A.s, a1: A.e, b0: B.s, b1: B.e, moved: { from: mv.a + 1, to: mv.b + 1, units: ua.length } });
    const ai: number[] = [];
    const bi: number[] = [];
    for (let i = A.s; i < A.e; i++) ai.push(i);
    for (let j = B.s; j < B.e; j++) bi.push(j);
    changes.push(...run(ai, bi, false));
  }
  changes.sort((x, y) => x.b0 - y.b0 || x.a0 - y.a0);
  let merged = mergeClose(changes);
  if (opts.numbersOnly) {
    merged = merged.filter((c) => c.kind === 'replaced' && a.slice(c.a0, c.a1).some((t) => t.numeric) && b.slice(c.b0, c.b1).some((t) => t.numeric));
  }
  return { changes: merged, omittedStart, omittedEnd };
}

/** Word changes at most one word apart (on both sides) become one. */
function mergeClose(changes: RawChange[]): RawChange[] {
  const out: RawChange[] = [];
  const wordy = (c: RawChange): boolean => c.kind === 'replaced' || c.kind === 'deleted' || c.kind === 'inserted';
  for (const c of changes) {
    const last = out[out.length - 1];
    if (last && wordy(last) && wordy(c) && c.a0 - last.a1 <= 1 && c.a0 >= last.a1 && c.b0 - last.b1 <= 1 && c.b0 >= last.b1) {
      out[out.length - 1] = { kind: 'replaced', a0: last.a0, a1: c.a1, b0: last.b0, b1: c.b1 };
      continue;
    }
    out.push(c);
  }
  return out;
}
