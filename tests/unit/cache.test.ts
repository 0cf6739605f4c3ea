/**
 * Analysis with the cache of the previous version gives exactly the model of
 * a fresh analysis, edit after edit, and re-parses only what changed.
 */
import { describe, it, expect } from 'vitest';
import { analyze } from '../../server/src/core/analyze';
import { AnalysisCache } from '../../server/src/core/cache';
import { splitChunks } from '../../server/src/core/read/markdown';
import { example, seed } from '../helpers/seeds';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

const strip = (m: ReturnType<typeof analyze>) => JSON.parse(JSON.stringify({ ...m, text: undefined }));

describe('incremental analysis', () => {
  it('splits Markdown at headings after blank lines, never inside code fences or front matter', () => {
    const t = '---\ntitle: x\n# comment in yaml\n---\n\n# A\n\ntext\n\n```\n\n# not a heading\n```\n\n## B\n\nmore\n';
    const chunks = splitChunks(t).map((c) => t.slice(c.start, c.end));
    expect(chunks.map((c) => c.split('\n').find((l) => l.startsWith('#') && !l.includes('comment')) ?? c.slice(0, 8))).toEqual(['---\ntitl', '# A', '## B']);
    expect(chunks.join('')).toBe(t);
  });

  it('gives the same model as a fresh analysis after each of 40 random edits', () => {
    let text = example('rapport.md');
    const cache = new AnalysisCache();
    analyze(text, { uri: 'r.md', cache });
    const rand = rng(7);
    const snippets = ['x', ' zie conclusie 2', '\n\n## 9.9 Nieuw\n\n', ' [@nieuw2024, p. 3]', '€ 1.000 ', '', '**', '\n'];
    for (let i = 0; i < 40; i++) {
      const at = Math.floor(rand() * text.length);
      const del = rand() < 0.3 ? Math.floor(rand() * 20) : 0;
      text = text.slice(0, at) + snippets[i % snippets.length] + text.slice(at + del);
      const cached = analyze(text, { uri: 'r.md', cache });
      const fresh = analyze(text, { uri: 'r.md' });
      expect(strip(cached)).toEqual(strip(fresh));
    }
    expect(cache.hits).toBeGreaterThan(cache.misses);
  });

  it('also for extracted text', () => {
    let text = seed('001').slice(0, 60000);
    const cache = new AnalysisCache();
    const rand = rng(3);
    for (let i = 0; i < 5; i++) {
      const at = Math.floor(rand() * text.length);
      text = text.slice(0, at) + 'e' + text.slice(at);
      expect(strip(analyze(text, { cache }))).toEqual(strip(analyze(text)));
    }
  });
});
