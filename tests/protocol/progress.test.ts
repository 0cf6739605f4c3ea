/** A large workspace is read with $/progress, and requests are answered while it runs. */
import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import type { Hover } from 'vscode-languageserver-protocol';
import { startSession, posOf } from './harness';
import { example } from '../helpers/seeds';

describe('workspace scan', () => {
  it('reports progress over 1,500 documents and answers a hover before it ends', async () => {
    const root = mkdtempSync(resolve(tmpdir(), 'big-'));
    writeFileSync(resolve(root, '.toetssteen.yaml'), 'version: 1\n');
    const report = example('rapport.md');
    writeFileSync(resolve(root, 'rapport.md'), report);
    for (let d = 0; d < 15; d++) {
      mkdirSync(resolve(root, `map${d}`));
      for (let i = 0; i < 100; i++) writeFileSync(resolve(root, `map${d}`, `notitie-${i}.md`), `# Notitie ${i}\n\nDe gemeente gaf € ${i}.000 uit (zie conclusie ${i % 9}).\n`.repeat(20));
    }
    const s = await startSession({ folder: root, copy: false });
    try {
      const { uri } = await s.open('rapport.md', report);
      const h = await s.request<Hover>('textDocument/hover', { textDocument: { uri }, position: posOf(report, '### Conclusie 2', 6) });
      expect((h.contents as { value: string }).value).toMatch(/C2/);
      const endedBeforeHover = s.progress.some((p) => p.value.kind === 'end');
      for (let i = 0; i < 200 && !s.progress.some((p) => p.value.kind === 'end'); i++) await new Promise((r) => setTimeout(r, 100));
      const kinds = s.progress.map((p) => p.value);
      expect(kinds[0].kind).toBe('begin');
      expect(kinds.filter((k) => k.kind === 'report').length).toBeGreaterThan(5);
      expect(kinds[kinds.length - 1].kind).toBe('end');
      expect(endedBeforeHover).toBe(false);
    } finally {
      await s.close();
    }
  }, 60000);
});
