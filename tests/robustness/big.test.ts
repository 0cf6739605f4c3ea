/**
 * The core has no size limit of its own (the language server and the
 * command line keep one, see tests/protocol/robustness-size.test.ts): a
 * 50 MB Markdown document — the example report and two real reports,
 * repeated — is analysed with every rule, without an exception and within
 * the bound of 1 s per 100 KB. BIG_BYTES sets another size.
 */
import { describe, it, expect } from 'vitest';
import { example, seed } from '../helpers/seeds';
import { checkDocument } from './core-check';

describe('a 50 MB document', () => {
  it('is analysed without an exception, within the bound', () => {
    const unit = example('rapport.md') + '\n\n' + seed('001') + '\n\n' + seed('004') + '\n\n';
    const text = unit.repeat(Math.ceil(Number(process.env.BIG_BYTES ?? 50_000_000) / unit.length));
    const r = checkDocument(text, 'markdown');
    console.log(`big document: ${(text.length / 1e6).toFixed(1)} M characters in ${(r.ms / 1000).toFixed(1)} s (${r.per100KB.toFixed(0)} ms per 100 KB)`);
    expect(r.per100KB).toBeLessThan(1000);
  }, 300_000);
});
