/**
 * Named hostile documents, each analysed as Markdown and as extracted text
 * with every rule (see core-check.ts for the properties): 10,000-deep
 * nesting of every construct, lines of 1 MB (of the characters the readers
 * and the expressions repeat), lone surrogates, CRLF and CR line ends and
 * BOMs on the real seeds, and a megabyte of binary junk. The slowest case per
 * 100 KB is printed with the command that runs it again.
 */
import { describe, it, expect, afterAll } from 'vitest';
import { seed } from '../helpers/seeds';
import { checkDocument, Slowest } from './core-check';

const N = 10_000;
const MB = 1_000_000;

const line = (unit: string, size = MB): string => unit.repeat(Math.ceil(size / unit.length));

const DEEP: Record<string, string> = {
  'block quotes >>>…': '>'.repeat(N) + ' x\n',
  'block quotes > > …': '> '.repeat(N) + 'x\n',
  'bullet lists - - …': '- '.repeat(N) + 'x\n',
  'ordered lists 1. 1. …': '1. '.repeat(N) + 'x\n',
  'lists nested by indentation (1,000 levels)': Array.from({ length: 1000 }, (_, i) => ' '.repeat(2 * i) + '- x').join('\n'),
  'quotes nested by lines (1,000 levels)': Array.from({ length: 1000 }, (_, i) => '>'.repeat(i + 1) + ' x').join('\n'),
  'brackets [[[…]]](u)': '['.repeat(N) + 'x' + ']'.repeat(N) + '(u)',
  'open brackets [[[…': '['.repeat(N) + 'x',
  'images ![![…](u)](u)': '!['.repeat(N) + 'x' + '](u)'.repeat(N),
  'links [a](': '[a]('.repeat(N),
  'parentheses (((…)))': '('.repeat(N) + 'x' + ')'.repeat(N),
  'emphasis *a *a … a* a*': '*a '.repeat(N) + 'x' + ' a*'.repeat(N),
  'emphasis runs ***…x***…': '*'.repeat(N) + 'x' + '*'.repeat(N),
  'emphasis runs ___…x___…': '_'.repeat(N) + 'x' + '_'.repeat(N),
  'emphasis **_**_…': '**_'.repeat(N) + 'x',
  'strikethrough ~~a~~a…': '~~a'.repeat(N),
  'citations [@[@…': '[@'.repeat(N) + 'k]',
  'footnotes [^[^…': '[^'.repeat(N) + '1]',
  'fenced divs ::: {#a} …': '::: {#a}\n'.repeat(N) + 'x\n' + ':::\n'.repeat(N),
  'HTML <div><div>…': '<div>'.repeat(N) + 'x',
  'comments <!--<!--…': '<!--'.repeat(N),
  'headings # # # …': '# '.repeat(N) + 'x\n',
  'front matter [[[…': '---\na: ' + '['.repeat(N) + '\n---\n\n# x\n',
  'front matter - - - …': '---\na:\n' + Array.from({ length: 1000 }, (_, i) => ' '.repeat(2 * i) + '- b').join('\n') + '\n---\n',
  'quotes in text “‘“‘…': '“‘'.repeat(N) + 'x' + '’”'.repeat(N),
  'tables |a|a|…': '|a'.repeat(N) + '|\n' + '|-'.repeat(N) + '|\n' + '|b'.repeat(N) + '|\n',
};

/** Characters the readers and the expressions repeat, and attack strings of the ones that were fixed. */
const LINES = ['a', ' ', '\t', '1', '.', ',', '*', '_', '[', '#', '-', '|', '>', '(', '@', 'é', '😀', '€ 1', '1.', 'a. ', 'a.', '+-', '1,31', '[@-', '"\t', '0.00\t', '{#', '[^', '<!--', ': ', 'zie conclusie 3 en ', 'Conclusie 1 '];

const slowest = new Slowest();
afterAll(() => {
  console.log(`hostile: slowest ${slowest} — npx vitest run tests/robustness/hostile.test.ts -t "${slowest.name.replace(/ \((markdown|text)\)$/, '')}"`);
});

function both(name: string, text: string): void {
  for (const format of ['markdown', 'text'] as const) slowest.add(`${name} (${format})`, checkDocument(text, format));
}

describe('hostile documents', () => {
  for (const [name, text] of Object.entries(DEEP)) it(`nesting: ${name}`, () => both(`nesting: ${name}`, text), 60_000);

  for (const unit of LINES.slice(0, 12)) it(`a line of 1 MB: ${JSON.stringify(unit)}`, () => both(`a line of 1 MB: ${JSON.stringify(unit)}`, line(unit)), 60_000);
  for (const unit of LINES.slice(12)) it(`a line of 200 KB: ${JSON.stringify(unit)}`, () => both(`a line of 200 KB: ${JSON.stringify(unit)}`, line(unit, 200_000)), 60_000);

  // A block marker, then a long run of white space that does not end the way a pattern expects.
  for (const marker of [':::', '::: {#a}', '#', '## Conclusie 1', '- ', '> ', '| a |', '1.', '[@a', '**Oordeel:**', 'Norm 1.1']) {
    for (const [ws, name] of [[' ', 'spaces'], ['\t', 'tabs'], ['\u00a0', 'no-break spaces']] as const) {
      it(`a line of 200 KB: ${JSON.stringify(marker)} and ${name}`, () => both(`${JSON.stringify(marker)} and 200 KB of ${name}`, marker + ws.repeat(200_000) + 'x\n' + marker + ws.repeat(200_000) + ':\n'), 60_000);
    }
  }

  it('lone surrogates all through a real report', () => {
    const t = seed('004').replace(/[aeiou]/g, (c, i: number) => (i % 3 === 0 ? '\uD800' : i % 3 === 1 ? '\uDC00' : c));
    both('lone surrogates', t);
  });

  it('CRLF and CR line ends and a BOM, on every seed', () => {
    for (const s of ['000', '001', '002', '003', '004']) {
      const t = seed(s);
      for (const [eol, name] of [['\r\n', 'CRLF'], ['\r', 'CR']] as const) both(`seed ${s} with ${name} line ends and a BOM`, '\uFEFF' + t.replace(/\r?\n/g, eol));
    }
  }, 120_000);

  it('a megabyte of binary junk, read as UTF-8 and as Latin-1', () => {
    let x = 20261122;
    const bytes = Buffer.alloc(MB);
    for (let i = 0; i < MB; i++) bytes[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
    both('binary junk as UTF-8', bytes.toString('utf8'));
    both('binary junk as Latin-1', bytes.toString('latin1'));
  }, 60_000);

  it('stays within the bound', () => {
    expect(slowest.per100KB).toBeLessThan(1000);
  });
});
