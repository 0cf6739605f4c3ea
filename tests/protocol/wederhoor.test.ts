/** Wederhoor in the editor: the reaction's stance on the report's lenses, and the quote diff request. */
import { describe, it, expect, afterAll, beforeAll } from 'vitest';
import type { CodeLens } from 'vscode-languageserver-protocol';
import { startSession, posOf, type Session } from './harness';

describe('wederhoor over stdio', () => {
  let s: Session;
  let report: { uri: string; text: string };
  let reaction: { uri: string; text: string };
  beforeAll(async () => {
    s = await startSession({ locale: 'nl' });
    report = await s.open('rapport.md');
    reaction = await s.open('reactie.md');
    await s.request('toetssteen/checkWorkspace', {});
  });
  afterAll(() => s.close());

  it('shows the reaction\'s stance on the conclusions of the report', async () => {
    const lenses = await s.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: report.uri } });
    const at = (needle: string) => lenses.filter((l) => l.range.start.line === posOf(report.text, needle).line).map((l) => l.command!.title);
    expect(at('### Conclusie 6').find((t) => t.startsWith('reactie'))).toMatch(/^reactie \(reactie\.md\): oneens — “.*tegenstelling/);
    expect(at('### Conclusie 4').find((t) => t.startsWith('reactie'))).toMatch(/citaat wijkt 1× af$/);
    expect(at('### Conclusie 7')).toContain('⚠ geen reactie');
  });

  it('offers a quote diff on each reaction and answers it with both texts', async () => {
    const lenses = await s.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: reaction.uri } });
    const diffLens = lenses.find((l) => l.command!.command === 'toetssteen.quoteDiff' && l.range.start.line === posOf(reaction.text, '### Conclusie 4').line)!;
    expect(diffLens.command!.title).toBe('Vergelijk citaat met rapport');
    const r = await s.request<{ item: string; reportText: string; quote: string; changes: number }>('toetssteen/quoteDiff', { uri: diffLens.command!.arguments![0], reactionId: diffLens.command!.arguments![1] });
    expect(r.item).toBe('C4');
    expect(r.changes).toBe(1);
    expect(r.reportText).toMatch(/schuldhulpverlening/);
    expect(r.quote).toMatch(/schuldhulp /);
  });
});
