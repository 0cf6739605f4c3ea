/**
 * Extracted text cached on disk by content: `.toetssteen-cache/<sha256>.json`
 * at the project root (in .gitignore). A changed file gets a new hash; an
 * unchanged one is never extracted twice. A broken cache entry is ignored.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { EXTRACTOR_VERSION, type Extracted } from './extract';

export const CACHE_DIR = '.toetssteen-cache';

export function contentHash(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export class ExtractCache {
  constructor(readonly dir: string) {}

  static at(root: string): ExtractCache {
    return new ExtractCache(join(root, CACHE_DIR));
  }

  get(hash: string): Extracted | null {
    try {
      const raw = JSON.parse(readFileSync(join(this.dir, `${hash}.json`), 'utf8')) as { version?: number; extracted?: Extracted };
      if (raw.version !== EXTRACTOR_VERSION || !raw.extracted || !Array.isArray(raw.extracted.pages)) return null;
      return raw.extracted;
    } catch {
      return null;
    }
  }

  put(hash: string, extracted: Extracted): void {
    try {
      mkdirSync(this.dir, { recursive: true });
      const file = join(this.dir, `${hash}.json`);
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify({ version: EXTRACTOR_VERSION, extracted }));
      renameSync(tmp, file);
    } catch {
      /* a read-only project still works, just slower */
    }
  }
}
