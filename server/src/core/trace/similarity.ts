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
 * - Candidates: a query scores the documents of its group that hold at
 *   least one of its words (an inverted index per group; a document without
 *   any scores 0 and is never ranked), in document order. When more than
 *   `MAX_CANDIDATES` (500) documents of the group hold one of its words,
 *   only 500 are scored: those holding its most telling words, taken word
 *   by word (highest IDF × weight first), each word's documents in document
 *   order. This bounds the work per query on huge documents (thousands of
 *   items, where comparing every item with every other grows with the
 *   square of the text); a report with at most 500 documents in a group
 *   (a real report has tens of items of a kind) is ranked exactly as by
 *   scoring them all.
 *   `match` (one named document) is always exact.
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

/** A query ready to score: its terms, each term's weight × IDF, and the terms most telling first. */
interface Query {
  terms: QueryTerm[];
  wi: number[];
  byWeight: QueryTerm[];
}

/** One document of a ranking, before its words are listed (see `Ranking`). */
export interface SimScore {
  owner: string;
  /** Ranking score (BM25; not bounded). */
  score: number;
  /** 0..1, as `SimMatch.strength`. */
  strength: number;
  /** The document and its best passage in the index. */
  readonly doc: number;
  readonly passage: number;
}

/** The documents of a group ranked for a query, best first, as scores; `match` makes the full match of one. */
export interface Ranking {
  entries: SimScore[];
  match(e: SimScore): SimMatch;
}

const K1 = 1.2;
const B = 0.75;

/**
 * At most this many documents of a group are scored per query (see the
 * module comment): above the number of items of any one kind in a real
 * report, so that the bound only applies to documents of many megabytes.
 */
export const MAX_CANDIDATES = 500;

export class SimilarityIndex {
  private readonly passages: Array<{ owner: number; bag: Bag; range: Span }> = [];
  private readonly owners: Array<{ id: string; group: string; bag: Bag; first: number; count: number }> = [];
  private readonly df = new Map<string, number>();
  private readonly vocab0 = new Set<string>();
  private readonly groupStats = new Map<string, { passages: number; passageLen: number; owners: number; ownerLen: number }>();
  /** Per group: stem → the documents holding it, in document order. */
  private readonly postings = new Map<string, Map<string, number[]>>();
  /** Per group and id: the documents of that owner, in document order. */
  private readonly ownerDocs = new Map<string, number[]>();

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
      let post = this.postings.get(d.group);
      if (!post) this.postings.set(d.group, (post = new Map()));
      for (const stem of ownerBag.tf.keys()) {
        const list = post.get(stem);
        if (list) list.push(di);
        else post.set(stem, [di]);
      }
      const key = `${d.group}\u0000${d.owner}`;
      const docsOf = this.ownerDocs.get(key);
      if (docsOf) docsOf.push(di);
      else this.ownerDocs.set(key, [di]);
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

  /** BM25 of a bag; `wi` is each term's weight × IDF. */
  private bm25(q: readonly QueryTerm[], wi: readonly number[], bag: Bag, avg: number): number {
    let s = 0;
    for (let i = 0; i < q.length; i++) {
      const tf = bag.tf.get(q[i].stem);
      if (!tf) continue;
      s += wi[i] * ((tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * bag.len) / avg)));
    }
    return s;
  }

  private coverage(q: readonly QueryTerm[], wi: readonly number[], bag: Bag): number {
    let hit = 0;
    let all = 0;
    for (let i = 0; i < q.length; i++) {
      const w = wi[i];
      all += w;
      if (bag.tf.has(q[i].stem)) hit += w;
    }
    return all > 0 ? hit / all : 0;
  }

  /** The query terms of a text (and of `extra` at half weight), with their weights. */
  private query(text: string, extra?: string | null): Query {
    const terms = this.queryTerms(text, 1);
    if (extra) for (const t of this.queryTerms(extra, 0.5)) if (!terms.some((x) => x.stem === t.stem)) terms.push(t);
    const wi = terms.map((t) => t.weight * this.idf(t.stem));
    const byWeight = terms.map((t, i) => ({ t, w: wi[i] })).sort((a, b) => b.w - a.w).map((x) => x.t);
    return { terms, wi, byWeight };
  }

  /** The score of one document, or null when it shares no word with the query. */
  private scoreDoc(q: Query, di: number, avgPassage: number, avgOwner: number): SimScore | null {
    const o = this.owners[di];
    if (o.count === 1) return this.scoreSingle(q, di, avgPassage, avgOwner);
    let best = -1;
    let bestScore = 0;
    for (let i = o.first; i < o.first + o.count; i++) {
      const s = this.bm25(q.terms, q.wi, this.passages[i].bag, avgPassage);
      if (s > bestScore) {
        bestScore = s;
        best = i;
      }
    }
    const whole = this.bm25(q.terms, q.wi, o.bag, avgOwner);
    const score = bestScore + 0.5 * whole;
    if (score <= 0) return null;
    const passage = best >= 0 ? this.passages[best] : null;
    const strength = passage ? 0.5 * this.coverage(q.terms, q.wi, passage.bag) + 0.5 * this.coverage(q.terms, q.wi, o.bag) : 0.5 * this.coverage(q.terms, q.wi, o.bag);
    return { owner: o.id, score, strength: round2(strength), doc: di, passage: best };
  }

  /**
   * `scoreDoc` for a document of one passage (a conclusion, a question, a
   * norm): the passage holds the same words as the document, so each word is
   * looked up once; the sums are made in the same order as `bm25` and
   * `coverage` make them, and give the same numbers.
   */
  private scoreSingle(q: Query, di: number, avgPassage: number, avgOwner: number): SimScore | null {
    const o = this.owners[di];
    const p = this.passages[o.first];
    const lenP = p.bag.len;
    const lenO = o.bag.len;
    let sP = 0;
    let sO = 0;
    let hit = 0;
    let all = 0;
    for (let i = 0; i < q.terms.length; i++) {
      const w = q.wi[i];
      all += w;
      const tf = p.bag.tf.get(q.terms[i].stem);
      if (!tf) continue;
      sP += w * ((tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * lenP) / avgPassage)));
      sO += w * ((tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * lenO) / avgOwner)));
      hit += w;
    }
    const bestScore = sP > 0 ? sP : 0;
    const score = bestScore + 0.5 * sO;
    if (score <= 0) return null;
    const cover = all > 0 ? hit / all : 0;
    const strength = sP > 0 ? 0.5 * cover + 0.5 * cover : 0.5 * cover;
    return { owner: o.id, score, strength: round2(strength), doc: di, passage: sP > 0 ? o.first : -1 };
  }

  /**
   * The documents of a group that hold a word of the query, in document
   * order; at most MAX_CANDIDATES, those of the most telling words first
   * (see the module comment).
   */
  private candidates(q: Query, group: string): number[] {
    const post = this.postings.get(group);
    if (!post) return [];
    const lists: number[][] = [];
    let total = 0;
    for (const t of q.byWeight) {
      const list = post.get(t.stem);
      if (list) {
        lists.push(list);
        total += list.length;
      }
    }
    const seen = new Set<number>();
    if (total <= MAX_CANDIDATES) {
      for (const list of lists) for (const di of list) seen.add(di);
    } else {
      outer: for (const list of lists) {
        for (const di of list) {
          if (seen.size >= MAX_CANDIDATES) break outer;
          seen.add(di);
        }
      }
    }
    return [...seen].sort((a, b) => a - b);
  }

  private ranked(q: Query, group: string, docs: readonly number[]): SimScore[] {
    const st = this.groupStats.get(group);
    if (q.terms.length === 0 || !st) return [];
    const avgPassage = Math.max(1, st.passageLen / Math.max(1, st.passages));
    const avgOwner = Math.max(1, st.ownerLen / Math.max(1, st.owners));
    const out: SimScore[] = [];
    for (const di of docs) {
      const e = this.scoreDoc(q, di, avgPassage, avgOwner);
      if (e) out.push(e);
    }
    return out.sort((a, b) => b.score - a.score || b.strength - a.strength);
  }

  private matchOf(q: Query, e: SimScore): SimMatch {
    const bag = this.owners[e.doc].bag;
    const shared = unique(q.byWeight.filter((t) => bag.tf.has(t.stem)).map((t) => t.surface));
    const missing = unique(q.byWeight.filter((t) => !bag.tf.has(t.stem) && t.weight >= 1).map((t) => t.surface));
    return { owner: e.owner, score: e.score, strength: e.strength, shared, missing, passage: e.passage >= 0 ? this.passages[e.passage].range : null };
  }

  /**
   * The documents of a group ranked for a query text, as scores (best
   * first); `match` lists the words of one. `extra` (e.g. the research
   * question a conclusion answers) counts at half weight.
   */
  ranking(text: string, group: string, extra?: string | null): Ranking {
    const q = this.query(text, extra);
    return { entries: this.ranked(q, group, q.terms.length ? this.candidates(q, group) : []), match: (e) => this.matchOf(q, e) };
  }

  /**
   * The documents of a group ranked for a query text, best first (the first
   * `limit`). `extra` (e.g. the research question a conclusion answers)
   * counts at half weight.
   */
  rank(text: string, group: string, extra?: string | null, limit = Infinity): SimMatch[] {
    const q = this.query(text, extra);
    const entries = q.terms.length ? this.ranked(q, group, this.candidates(q, group)) : [];
    return (limit < entries.length ? entries.slice(0, limit) : entries).map((e) => this.matchOf(q, e));
  }

  /** The match of one owner's document for a query text (the best of its documents), scored whatever the size of the group; null when it shares no word. */
  match(text: string, group: string, owner: string, extra?: string | null): SimMatch | null {
    const q = this.query(text, extra);
    const e = this.ranked(q, group, this.ownerDocs.get(`${group}\u0000${owner}`) ?? [])[0];
    return e ? this.matchOf(q, e) : null;
  }
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}

export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
