/**
 * Offsets and LSP positions: UTF-16 code units, LF / CRLF / CR line ends,
 * letters outside the BMP.
 */
import { describe, it, expect } from 'vitest';
import { LineIndex } from '../../server/src/core/text';
import { analyze } from '../../server/src/core/analyze';
import { toOutline } from '../../server/src/core/outline';

describe('LineIndex', () => {
  it('counts UTF-16 code units: é is one, an emoji is two', () => {
    const text = 'é’😀x\nab';
    const idx = new LineIndex(text);
    expect(idx.positionAt(text.indexOf('x'))).toEqual({ line: 0, character: 4 });
    expect(idx.positionAt(text.indexOf('b'))).toEqual({ line: 1, character: 1 });
    expect(idx.offsetAt({ line: 0, character: 4 })).toBe(text.indexOf('x'));
  });
  it('handles CRLF and lone CR line ends', () => {
    const text = 'a\r\nbc\rd\ne';
    const idx = new LineIndex(text);
    expect(idx.lineCount).toBe(4);
    expect(idx.positionAt(text.indexOf('c'))).toEqual({ line: 1, character: 1 });
    expect(idx.positionAt(text.indexOf('d'))).toEqual({ line: 2, character: 0 });
    expect(idx.positionAt(text.indexOf('e'))).toEqual({ line: 3, character: 0 });
    // The offset between CR and LF is the end of the line, not a column past it.
    expect(idx.positionAt(2)).toEqual({ line: 0, character: 1 });
  });
  it('round-trips every offset', () => {
    const text = 'Één ’quote’ 😀\r\nregel twee\rregel drie 🎉\n';
    const idx = new LineIndex(text);
    for (let o = 0; o <= text.length; o++) {
      const p = idx.positionAt(o);
      const back = idx.offsetAt(p);
      expect(idx.positionAt(back)).toEqual(p);
    }
  });
});

describe('model ranges with é, ’, emoji and CRLF', () => {
  const text = '---\r\ntype: rapport\r\n---\r\n\r\n# 5 Conclusies 😀\r\n\r\n1. Het beleid van de gemeente ’s-Hertogenbosch is één 😀 geheel [@bron2020, p. 4].\r\n\r\n# 6 Aanbevelingen\r\n\r\n1. Stel doelen vast (zie conclusie 1).\r\n';
  const m = analyze(text, { uri: 'x.md' });
  const o = toOutline(m);
  it('puts citations, items and references at the right line and UTF-16 column', () => {
    const c = o.citations[0];
    const line = text.split(/\r\n/)[6];
    expect(c.range.start.line).toBe(6);
    expect(c.range.start.character).toBe(line.indexOf('@bron2020'));
    expect(o.conclusions[0].range.start).toEqual({ line: 6, character: 0 });
    const ref = o.references.find((r) => r.target === 'C1')!;
    expect(ref.range.start.line).toBe(10);
    expect(ref.range.start.character).toBe(text.split(/\r\n/)[10].indexOf('conclusie 1'));
    expect(o.recommendations[0].follows).toEqual(['C1']);
  });
  it('reads the same items from CR-only text', () => {
    const m2 = analyze(text.replace(/\r\n/g, '\r'), { uri: 'x.md' });
    expect(m2.conclusions.map((c) => c.id)).toEqual(['C1']);
    expect(m2.citations.map((c) => c.key)).toEqual(['bron2020']);
  });
  it('keeps offsets with a byte order mark', () => {
    const m3 = analyze('\uFEFF' + text.replace(/\r\n/g, '\n'), { uri: 'x.md' });
    expect(m3.kind).toBe('report');
    const t = '\uFEFF' + text.replace(/\r\n/g, '\n');
    expect(t.slice(m3.citations[0].range.start, m3.citations[0].range.end)).toBe('@bron2020');
  });
});
