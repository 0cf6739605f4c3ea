/**
 * Text similarity between an item (conclusion, assessment, recommendation,
 * question) and a set of documents (the findings sections, the
 * conclusions): BM25 over passages, with a strength the user can read.
 *
 * - One index holds every item of a report, each document in a group
 *   ('finding', 'conclusion', 'question', 'norm', 'assessment'); a query
 *   ranks one group. A findings section is split into passages (its
 *   paragraphs, list items and tables, joined to at least ~40 words, with
 *   the heading of a sub-section in front); other items are one passage.
 *   IDF counts passages over all groups, so a word that stands everywhere
 *   in the report ("gemeente", "jeugdhulp") weighs little.
 * - Terms: see `terms.ts` (stopwords and report boilerplate out, years
 *   out, Dutch Porter stemming with a few rules after it).
 * - Ranking: BM25 (k1 1.2, b 0.75) of the best passage of a document plus
 *   half the BM25 of the document as a whole. The best passage finds the
 *   place that says what the item says; the whole keeps a section that
 *   speaks of the subject throughout ahead of one lucky paragraph.
 * - Strength (0..1), what the hover shows: the share of the item's word
 *   weight (IDF-weighted, distinct stems) that the best passage of the
 *   document holds, averaged with the share the document as a whole holds.
 *   "0,62" means: about 62% of what makes the item's wording particular is
 *   found there.
 * - Dutch compounds in the item that no passage has ("monitoringgegevens")
 *   count as their parts when both parts are known ("monitoring" +
 *   "gegevens"), each at half weight.
 *
 * Pure and linear in the size of the texts; an index is built once per
 * document model and queried per item.
 */
import type { Language, Span } from '../types';
import { stemWord, terms, type Term } from './terms';

export interface SimPassage {
  text: string;
  range: Span;
}

export interface SimDoc {
  /** Id of the node the document belongs to (F3.2, C4). */
  owner: string;
  /** What the document is ('finding', 'conclusion' …): a query ranks one group. */
  group: string;
  passages: SimPassage[];
}

export interface SimMatch {
  owner: string;
  /** Ranking score (BM25; not bounded). */
  score: number;
  /** 0..1, see the module comment. */
  strength: number;
  /** Words of the item found in the document, most telling first (as written in the item). */
  shared: string[];
  /** Words of the item that no passage of this document holds, most telling first. */
  missing: string[];
  /** The best passage. */
  passage: Span | null;
}

interface Bag {
  tf: Map<string, number>;
  len: number;
}

interface QueryTerm {
  stem: string;
  weight: number;
  surface: string;
}

const K1 = 1.2;
const B = 0.75;

export class SimilarityIndex {
  private readonly passages: Array<{ owner: number; bag: Bag; range: Span }> = [];
  private readonly owners: Array<{ id: string; group: string; bag: Bag; first: number; count: number }> = [];
  private readonly df = new Map<string, number>();
  private readonly vocab0 = new Set<string>();
  private readonly groupStats = new Map<string, { passages: number; passageLen: number; owners: number; ownerLen: number }>();

  constructor(
    readonly lang: Language,
    docs: readonly SimDoc[],
  ) {
    const tokenised = docs.map((d) => d.passages.map((p) => ({ range: p.range, terms: terms(p.text, lang) })));
    for (const doc of tokenised) for (const p of doc) for (const t of p.terms) this.vocab0.add(t.stem);
    docs.forEach((d, di) => {
      const ownerBag: Bag = { tf: new Map(), len: 0 };
      const first = this.passages.length;
      for (const p of tokenised[di]) {
        const bag: Bag = { tf: new Map(), len: 0 };
        for (const t of p.terms) {
          const s = this.canonical(t);
          bag.tf.set(s, (bag.tf.get(s) ?? 0) + 1);
          bag.len++;
          ownerBag.tf.set(s, (ownerBag.tf.get(s) ?? 0) + 1);
          ownerBag.len++;
        }
        for (const s of bag.tf.keys()) this.df.set(s, (this.df.get(s) ?? 0) + 1);
        this.passages.push({ owner: di, bag, range: p.range });
      }
      this.owners.push({ id: d.owner, group: d.group, bag: ownerBag, first, count: this.passages.length - first });
    });
    for (const o of this.owners) {
      const st = this.groupStats.get(o.group) ?? { passages: 0, passageLen: 0, owners: 0, ownerLen: 0 };
      st.owners++;
      st.ownerLen += o.bag.len;
      for (let i = o.first; i < o.first + o.count; i++) {
        st.passages++;
        st.passageLen += this.passages[i].bag.len;
      }
      this.groupStats.set(o.group, st);
    }
  }

  /** Number of documents in a group. */
  size(group: string): number {
    return this.groupStats.get(group)?.owners ?? 0;
  }

  private canonical(t: Term): string {
    for (const a of t.alt) if (this.vocab0.has(a)) return a;
    return t.stem;
  }

  idf(stem: string): number {
    const n = this.passages.length;
    const df = this.df.get(stem) ?? 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** Distinct query terms with weights; unknown Dutch compounds split into known parts. */
  queryTerms(text: string, weight = 1): QueryTerm[] {
    const out = new Map<string, QueryTerm>();
    const add = (stem: string, w: number, surface: string): void => {
      const cur = out.get(stem);
      if (!cur || cur.weight < w) out.set(stem, { stem, weight: w, surface });
    };
    for (const t of terms(text, this.lang)) {
      const s = this.canonical(t);
      if (this.df.has(s) || this.lang !== 'nl' || s.length < 8 || /^\d/.test(s)) {
        add(s, weight, t.surface);
        continue;
      }
      const parts = this.splitCompound(t.surface);
      if (parts) for (const p of parts) add(p, weight / 2, t.surface);
      else add(s, weight, t.surface);
    }
    return [...out.values()];
  }

  /** A Dutch compound as two known stems ("managementinformatie" → management + informatie), or null. */
  private splitCompound(word: string): string[] | null {
    let best: string[] | null = null;
    let bestMin = 0;
    for (let i = 4; i <= word.length - 4; i++) {
      const tail = stemWord(word.slice(i), this.lang).stem;
      if (!this.df.has(tail)) continue;
      let headWord = word.slice(0, i);
      let head = stemWord(headWord, this.lang).stem;
      if (!this.df.has(head) && /[se]$/.test(headWord) && headWord.length > 4) {
        headWord = headWord.slice(0, -1);
        head = stemWord(headWord, this.lang).stem;
      }
      if (!this.df.has(head)) continue;
      const min = Math.min(i, word.length - i);
      if (min > bestMin) {
        best = [head, tail];
        bestMin = min;
      }
    }
    return best;
  }

  private bm25(q: readonly QueryTerm[], bag: Bag, avg: number): number {
    let s = 0;
    for (const t of q) {
      const tf = bag.tf.get(t.stem);
      if (!tf) continue;
      s += t.weight * this.idf(t.stem) * ((tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * bag.len) / avg)));
    }
    return s;
  }

  private coverage(q: readonly QueryTerm[], bag: Bag): number {
    let hit = 0;
    let all = 0;
    for (const t of q) {
      const w = t.weight * this.idf(t.stem);
      all += w;
      if (bag.tf.has(t.stem)) hit += w;
    }
    return all > 0 ? hit / all : 0;
  }

  /**
   * The documents of a group ranked for a query text. `extra` (e.g. the
   * research question a conclusion answers) counts at half weight.
   */
  rank(text: string, group: string, extra?: string | null): SimMatch[] {
    const q = this.queryTerms(text, 1);
    if (extra) for (const t of this.queryTerms(extra, 0.5)) if (!q.some((x) => x.stem === t.stem)) q.push(t);
    const st = this.groupStats.get(group);
    if (q.length === 0 || !st) return [];
    const avgPassage = Math.max(1, st.passageLen / Math.max(1, st.passages));
    const avgOwner = Math.max(1, st.ownerLen / Math.max(1, st.owners));
    const out: SimMatch[] = [];
    for (const o of this.owners) {
      if (o.group !== group) continue;
      let best = -1;
      let bestScore = 0;
      for (let i = o.first; i < o.first + o.count; i++) {
        const s = this.bm25(q, this.passages[i].bag, avgPassage);
        if (s > bestScore) {
          bestScore = s;
          best = i;
        }
      }
      const whole = this.bm25(q, o.bag, avgOwner);
      const score = bestScore + 0.5 * whole;
      if (score <= 0) continue;
      const passage = best >= 0 ? this.passages[best] : null;
      const strength = passage ? 0.5 * this.coverage(q, passage.bag) + 0.5 * this.coverage(q, o.bag) : 0.5 * this.coverage(q, o.bag);
      const byWeight = [...q].sort((a, b) => b.weight * this.idf(b.stem) - a.weight * this.idf(a.stem));
      const shared = unique(byWeight.filter((t) => o.bag.tf.has(t.stem)).map((t) => t.surface));
      const missing = unique(byWeight.filter((t) => !o.bag.tf.has(t.stem) && t.weight >= 1).map((t) => t.surface));
      out.push({ owner: o.id, score, strength: round2(strength), shared, missing, passage: passage ? passage.range : null });
    }
    out.sort((a, b) => b.score - a.score || b.strength - a.strength);
    return out;
  }
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}

export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
