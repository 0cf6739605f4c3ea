/**
 * Memory between two analyses of the same document, so that a keystroke
 * costs what it changes: parsed Markdown chunks and per-block work
 * (sentences, references, citations) are looked up by their text. Only what
 * the last analysis used is kept, so memory stays bounded by one document.
 * The result of an analysis with a cache is identical to one without.
 */
export class AnalysisCache {
  private chunks = new Map<string, unknown>();
  private nextChunks = new Map<string, unknown>();
  /** Per space (what else the result depends on: role, language …), by text. */
  private blocks = new Map<string, Map<string, unknown>>();
  private nextBlocks = new Map<string, Map<string, unknown>>();
  hits = 0;
  misses = 0;

  chunk<T>(key: string, compute: () => T): T {
    return this.lookup(this.chunks, this.nextChunks, key, compute);
  }

  /**
   * Per-block work on `text`, which depends on nothing else than `space`.
   * The text is a key of its own, not part of a longer one: a text that
   * comes from an earlier result is the same string object again, so
   * looking it up costs no hashing and no comparison of its characters.
   */
  block<T>(space: string, text: string, compute: () => T): T {
    let next = this.nextBlocks.get(space);
    if (!next) this.nextBlocks.set(space, (next = new Map()));
    return this.lookup(this.blocks.get(space), next, text, compute);
  }

  private lookup<T>(cur: Map<string, unknown> | undefined, next: Map<string, unknown>, key: string, compute: () => T): T {
    let v = next.get(key) as T | undefined;
    if (v !== undefined) return v;
    v = cur?.get(key) as T | undefined;
    if (v !== undefined) this.hits++;
    else {
      this.misses++;
      v = compute();
    }
    next.set(key, v);
    return v;
  }

  /** Ends an analysis: forget what it did not use. */
  commit(): void {
    this.chunks = this.nextChunks;
    this.nextChunks = new Map();
    this.blocks = this.nextBlocks;
    this.nextBlocks = new Map();
  }
}
