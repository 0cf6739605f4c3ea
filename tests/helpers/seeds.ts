import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The real documents beside the project (read-only; never edited). */
export const SEEDS_DIR = resolve(__dirname, '../fixtures/seeds');
export const EXAMPLES_DIR = resolve(__dirname, '../../examples');

export function seed(prefix: string): string {
  const names: Record<string, string> = {
    '000': '000_ed3a3b7c194d3e0b.txt',
    '001': '001_237bc29c2e6f7c57.txt',
    '002': '002_29fe2717fce04d58.txt',
    '003': '003_d773466a1afbc648.txt',
    '004': '004_b2f518212f0b3cce.txt',
  };
  return readFileSync(resolve(SEEDS_DIR, names[prefix]), 'utf8');
}

export function example(name: string): string {
  return readFileSync(resolve(EXAMPLES_DIR, name), 'utf8');
}
