/**
 * `toetssteen trace FILE --format markdown|csv|mermaid|json`, run in-process.
 */
import { describe, it, expect } from 'vitest';
import { resolve } from 'node:path';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { traceCommand } from '../../server/src/commands/trace';
import { COMMANDS } from '../../server/src/commands';
import { CommandError, InputError } from '../../server/src/commands/types';
import { EXAMPLES_DIR } from '../helpers/seeds';

function run(file: string, format: string | null, lang: 'nl' | 'en' = 'nl'): { code: number; out: string } {
  let out = '';
  const write = process.stdout.write.bind(process.stdout);
  (process.stdout as { write: unknown }).write = (chunk: string | Uint8Array): boolean => {
    out += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  };
  try {
    const code = traceCommand.run({ paths: [file], format, options: {}, lang });
    return { code, out };
  } finally {
    (process.stdout as { write: unknown }).write = write;
  }
}

const REPORT = resolve(EXAMPLES_DIR, 'rapport.md');

describe('toetssteen trace', () => {
  it('is registered as a command', () => {
    expect(COMMANDS.trace).toBe(traceCommand);
  });
  it('prints the matrix as Markdown by default, with the normenkader of the folder', () => {
    const r = run(REPORT, null);
    expect(r.code).toBe(0);
    expect(r.out).toContain('## Onderzoeksvragen → conclusies → aanbevelingen');
    expect(r.out).toContain('| N1.3 Het beleidsplan is actueel');
    expect(r.out).toContain('niet getoetst');
  });
  it('prints CSV, Mermaid and the graph as JSON', () => {
    expect(run(REPORT, 'csv', 'en').out.split('\n')[0]).toBe('chain,question,conclusion,recommendation,norm,assessment,score,findings,status');
    expect(run(REPORT, 'mermaid', 'en').out).toMatch(/^flowchart LR\n/);
    const g = JSON.parse(run(REPORT, 'json').out);
    expect(g.nodes.find((n: { id: string }) => n.id === 'N1.1').uri).toMatch(/normenkader\.md$/);
    expect(g.edges.some((e: { from: string; to: string; kind: string }) => e.from === 'C6' && e.to === 'Q7' && e.kind === 'answers')).toBe(true);
    expect(g.nodes.find((n: { id: string }) => n.id === 'Q6').issues).toEqual(['unanswered']);
  });
  it('takes the normenkader file for its report', () => {
    expect(run(resolve(EXAMPLES_DIR, 'normenkader.md'), 'csv').out).toContain('norm,,,,N1.3,,,,niet getoetst');
  });
  it('refuses bad usage and unreadable input', () => {
    expect(() => traceCommand.run({ paths: [], format: null, options: {}, lang: 'en' })).toThrow(CommandError);
    expect(() => traceCommand.run({ paths: [REPORT], format: 'pdf', options: {}, lang: 'en' })).toThrow(CommandError);
    expect(() => traceCommand.run({ paths: ['/nonexistent/rapport.md'], format: null, options: {}, lang: 'en' })).toThrow(InputError);
    const dir = mkdtempSync(resolve(tmpdir(), 'trace-'));
    writeFileSync(resolve(dir, 'brief.md'), '---\ntype: brief\n---\n\nGeachte raad,\n\nHierbij het rapport.\n');
    expect(() => traceCommand.run({ paths: [resolve(dir, 'brief.md')], format: null, options: {}, lang: 'en' })).toThrow(/no report/);
  });
});
