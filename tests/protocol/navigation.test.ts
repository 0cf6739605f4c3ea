/** Document and workspace symbols, hover, definition and references, over stdio on the example project. */
import { describe, it, expect, afterAll, beforeAll } from 'vitest';
import type { DocumentSymbol, Hover, Location, SymbolInformation } from 'vscode-languageserver-protocol';
import { startSession, posOf, type Session } from './harness';

describe('navigation', () => {
  let s: Session;
  let report: { uri: string; text: string };
  let reaction: { uri: string; text: string };
  let norms: { uri: string; text: string };
  beforeAll(async () => {
    s = await startSession({ locale: 'nl' });
    report = await s.open('rapport.md');
    reaction = await s.open('reactie.md');
    norms = await s.open('normenkader.md');
    await s.waitDiagnostics(report.uri);
  });
  afterAll(() => s.close());

  it('outlines the report by role, not only by heading', async () => {
    const syms = await s.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: report.uri } });
    const names = syms.map((x) => x.name);
    expect(names).toEqual(['Onderzoeksvragen (9)', 'Toetsen (8)', 'Bevindingen (11)', 'Conclusies (8)', 'Aanbevelingen (6)', 'Hoofdstukken']);
    const conclusions = syms.find((x) => x.name.startsWith('Conclusies'))!;
    expect(conclusions.children!.map((c) => c.name.split(' ')[0])).toEqual(['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8']);
    expect(conclusions.children![0].selectionRange.start.line).toBe(posOf(report.text, '### Conclusie 1').line);
  });

  it('finds items across files as workspace symbols', async () => {
    const syms = await s.request<SymbolInformation[]>('workspace/symbol', { query: 'N2.1' });
    expect(syms.map((x) => x.location.uri)).toContain(norms.uri);
  });

  it('hovers a written reference with the item it points to', async () => {
    const h = await s.request<Hover>('textDocument/hover', { textDocument: { uri: report.uri }, position: posOf(report.text, 'zie conclusie 1 en', 6) });
    const v = (h.contents as { value: string }).value;
    expect(v).toMatch(/^\*\*Conclusie 1\*\* `C1`/);
    expect(v).toMatch(/beantwoordt: Q1/);
  });

  it('hovers a norm reference in the report with the norm from normenkader.md and its assessment', async () => {
    const h = await s.request<Hover>('textDocument/hover', { textDocument: { uri: report.uri }, position: posOf(report.text, 'norm 1.1)', 5) });
    const v = (h.contents as { value: string }).value;
    expect(v).toMatch(/\*\*Norm 1\.1\*\* `N1\.1` — normenkader\.md/);
    expect(v).toMatch(/De doelstellingen zijn SMART geformuleerd/);
  });

  it('hovers a score with its meaning', async () => {
    const at = report.text.indexOf('**Oordeel:**');
    const h = await s.request<Hover>('textDocument/hover', { textDocument: { uri: report.uri }, position: posOf(report.text.slice(0, at) + report.text.slice(at), '**Oordeel:**', 3) });
    expect((h.contents as { value: string }).value).toMatch(/oordeel \+/);
  });

  it('goes from a reaction heading in reactie.md to the conclusion in rapport.md', async () => {
    const loc = await s.request<Location>('textDocument/definition', { textDocument: { uri: reaction.uri }, position: posOf(reaction.text, '### Conclusie 3', 6) });
    expect(loc.uri).toBe(report.uri);
    expect(loc.range.start.line).toBe(posOf(report.text, '### Conclusie 3').line);
  });

  it('goes from "norm 2.1" in the report to the norm in normenkader.md', async () => {
    const loc = await s.request<Location>('textDocument/definition', { textDocument: { uri: report.uri }, position: posOf(report.text, 'norm 2.1', 5) });
    expect(loc.uri).toBe(norms.uri);
    expect(norms.text.split('\n')[loc.range.start.line]).toMatch(/Norm 2\.1/);
  });

  it('finds every reference to a conclusion, across the report and the reaction', async () => {
    const refs = await s.request<Location[]>('textDocument/references', { textDocument: { uri: report.uri }, position: posOf(report.text, '### Conclusie 1', 6), context: { includeDeclaration: true } });
    const uris = new Set(refs.map((r) => r.uri));
    expect(uris.has(report.uri)).toBe(true);
    expect(uris.has(reaction.uri)).toBe(true);
    // declaration + "zie conclusie 1" in recommendation 1 + the reaction to conclusion 1 at least
    expect(refs.length).toBeGreaterThanOrEqual(3);
  });

  it('finds every use of a citation key', async () => {
    const at = report.text.indexOf('[@') + 2;
    const key = /^[\w-]+/.exec(report.text.slice(at))![0];
    const refs = await s.request<Location[]>('textDocument/references', { textDocument: { uri: report.uri }, position: posOf(report.text, '[@' + key, 3), context: { includeDeclaration: false } });
    const count = report.text.split('@' + key).length - 1;
    expect(refs.length).toBe(count);
  });
});
