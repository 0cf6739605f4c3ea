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
  private blocks = new Map<string, unknown>();
  private nextBlocks = new Map<string, unknown>();
  hits = 0;
  misses = 0;

  chunk<T>(key: string, compute: () => T): T {
    return this.lookup(this.chunks, this.nextChunks, key, compute);
  }

  block<T>(key: string, compute: () => T): T {
    return this.lookup(this.blocks, this.nextBlocks, key, compute);
  }

  private lookup<T>(cur: Map<string, unknown>, next: Map<string, unknown>, key: string, compute: () => T): T {
    let v = next.get(key) as T | undefined;
    if (v !== undefined) return v;
    v = cur.get(key) as T | undefined;
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
