/**
 * Project files that are broken, empty, huge, of the wrong type or
 * unreadable: the project file (.toetssteen.yaml), the bibliography and the
 * source files. Each gets one clear diagnostic on that file, and the rest of
 * the analysis goes on (the report is still checked). Run through the built
 * command line (the same loaders as the language server) and, for one
 * workspace with everything wrong at once, over the protocol.
 *
 * "Unreadable" is a pipe, a folder or a link that leads nowhere: the tests
 * run as root in CI, where file permissions do not stop a read.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, copyFileSync, truncateSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EXAMPLES } from '../protocol/harness';
import { startServer, type Server } from './lsp';

const CLI = resolve(__dirname, '../../dist/cli.js');
const FIXTURES = resolve(__dirname, '../fixtures/sources');

interface JsonDiagnostic {
  code: string;
  severity: string;
  message: string;
  range: { start: { line: number; character: number } };
}
interface JsonOut {
  files: Array<{ path: string; diagnostics: JsonDiagnostic[] }>;
}

/** A copy of the example report, its bibliography and project file in a fresh folder; `make` spoils one. */
function project(make: (dir: string) => void): string {
  const dir = mkdtempSync(resolve(tmpdir(), 'bad-'));
  for (const f of ['rapport.md', 'bronnen.bib', '.toetssteen.yaml']) copyFileSync(resolve(EXAMPLES, f), resolve(dir, f));
  mkdirSync(resolve(dir, 'bronnen'));
  copyFileSync(resolve(EXAMPLES, 'bronnen/gespreksverslag-uitvoering-2025.md'), resolve(dir, 'bronnen/gespreksverslag-uitvoering-2025.md'));
  make(dir);
  return dir;
}

function check(dir: string): { status: number | null; out: JsonOut; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, 'check', dir, '--format', 'json'], { encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8' }, timeout: 60_000 });
  return { status: r.status, out: JSON.parse(r.stdout || '{"files":[]}') as JsonOut, stderr: r.stderr };
}

const on = (out: JsonOut, name: string): JsonDiagnostic[] => out.files.find((f) => f.path === name || f.path.endsWith('/' + name))?.diagnostics ?? [];
/** The report is still checked: the example's structure and SMART findings are there. */
const reportChecked = (out: JsonOut): boolean => on(out, 'rapport.md').some((d) => d.code.startsWith('smart/')) && on(out, 'rapport.md').some((d) => d.code.startsWith('trace/'));

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
const spoil = (make: (dir: string) => void): string => {
  const d = project(make);
  dirs.push(d);
  return d;
};

const CONFIG: Array<[string, (file: string) => void, RegExp]> = [
  ['broken YAML', (f) => writeFileSync(f, 'bibliography: [a\nsources: {\n'), /^The project file is not valid YAML: .*\(and 1 more error\)$/],
  ['binary junk', (f) => writeFileSync(f, Buffer.from([0x00, 0xff, 0x13, 0x37, 0x00, 0x0a, 0x80])), /^The project file is not a text file; the defaults apply\.$/],
  ['a list, not a mapping', (f) => writeFileSync(f, '- a\n- b\n'), /^The project file must be a mapping of keys to values\.$/],
  ['huge (2 MB)', (f) => writeFileSync(f, '#'.repeat(2 * 1024 * 1024)), /^The project file is too large \(2097152 bytes, limit 1048576\); the defaults apply\.$/],
  ['a folder', (f) => mkdirSync(f), /^The project file is not a regular file \(a folder\); the defaults apply\.$/],
  ['a pipe', (f) => spawnSync('mkfifo', [f]), /^The project file is not a regular file \(a pipe or a device\); the defaults apply\.$/],
];

describe('a broken project file (.toetssteen.yaml)', () => {
  for (const [name, make, message] of CONFIG) {
    it(`${name}: one diagnostic on it, and the report is checked with the defaults`, () => {
      const dir = spoil((d) => {
        rmSync(resolve(d, '.toetssteen.yaml'));
        make(resolve(d, '.toetssteen.yaml'));
      });
      const r = check(dir);
      expect(r.stderr).toBe('');
      const diags = on(r.out, '.toetssteen.yaml');
      expect(diags.map((d) => [d.code, d.severity])).toEqual([['config/invalid', 'error']]);
      expect(diags[0].message).toMatch(message);
      expect(reportChecked(r.out)).toBe(true);
      expect(r.status).toBe(1);
    });
  }

  it('empty: no diagnostic (the defaults are meant), the report is checked', () => {
    const r = check(spoil((d) => writeFileSync(resolve(d, '.toetssteen.yaml'), '')));
    expect(on(r.out, '.toetssteen.yaml')).toEqual([]);
    expect(reportChecked(r.out)).toBe(true);
  });
});

const BIB: Array<[string, (file: string) => void, RegExp, { keysJudged: boolean }]> = [
  ['broken BibTeX', (f) => writeFileSync(f, readFileSync(f, 'utf8') + '\n@article{kapot,\n title={x\n'), /^Bibliography partly unreadable: BibTeX error: /, { keysJudged: true }],
  ['empty', (f) => writeFileSync(f, ''), /^Bibliography unusable: empty file, no entries$/, { keysJudged: false }],
  ['JSON in a .bib', (f) => writeFileSync(f, '{"a": [1, 2]}\n'), /^Bibliography unusable: no BibTeX entry found; is this a BibTeX file\?$/, { keysJudged: false }],
  ['binary junk', (f) => writeFileSync(f, Buffer.from([0x40, 0x00, 0xff, 0x7b, 0x00])), /^Bibliography cannot be read: not a text file$/, { keysJudged: false }],
  ['huge (11 MB)', (f) => writeFileSync(f, '@misc{x, note={' + 'a'.repeat(11 * 1024 * 1024) + '}}\n'), /^Bibliography cannot be read: too large to read: 11\.0 MB, limit 10 MB$/, { keysJudged: false }],
  ['a folder', (f) => mkdirSync(f), /^Bibliography cannot be read: a folder, not a file$/, { keysJudged: false }],
  ['a pipe', (f) => spawnSync('mkfifo', [f]), /^Bibliography cannot be read: not a regular file$/, { keysJudged: false }],
  ['a link that leads nowhere', (f) => symlinkSync('/nonexistent/bronnen.bib', f), /^Bibliography cannot be read: file not found$/, { keysJudged: false }],
];

describe('a broken bibliography (bronnen.bib)', () => {
  for (const [name, make, message, { keysJudged }] of BIB) {
    it(`${name}: one diagnostic on it, the report is checked${keysJudged ? '' : ' without judging its keys'}`, () => {
      const dir = spoil((d) => {
        const f = resolve(d, 'bronnen.bib');
        if (!/broken/.test(name)) rmSync(f);
        make(f);
      });
      const r = check(dir);
      expect(r.stderr).toBe('');
      const diags = on(r.out, 'bronnen.bib').filter((d) => d.code === 'citation/unreadable-bibliography');
      expect(diags).toHaveLength(1);
      expect(diags[0].message).toMatch(message);
      expect(reportChecked(r.out)).toBe(true);
      // Keys are judged only against a bibliography that was read: no flood of "unknown key" from an empty or unreadable one.
      const unknown = on(r.out, 'rapport.md').filter((d) => d.code === 'citation/unknown-key');
      if (keysJudged) expect(unknown.length).toBeGreaterThan(0);
      else expect(unknown).toEqual([]);
    });
  }
});

/** Source files, each wrong in its own way, with the reason the user reads. */
const SOURCES: Array<[string, (dir: string) => void, RegExp]> = [
  ['kapot.pdf', (d) => copyFileSync(resolve(FIXTURES, 'kapot.pdf'), resolve(d, 'kapot.pdf')), /^Source file cannot be read: (damaged PDF|not a PDF)/],
  ['afgebroken.pdf', (d) => copyFileSync(resolve(FIXTURES, 'afgebroken.pdf'), resolve(d, 'afgebroken.pdf')), /^Source file cannot be read: damaged PDF \(Invalid PDF structure\.\)$/],
  ['afgebroken.docx', (d) => copyFileSync(resolve(FIXTURES, 'afgebroken.docx'), resolve(d, 'afgebroken.docx')), /^Source file cannot be read: damaged Word document \(Corrupted zip: can't find end of central directory\)$/],
  ['junk.pdf', (d) => writeFileSync(resolve(d, 'junk.pdf'), Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7919) % 251))), /^Source file cannot be read: not a PDF: the file does not start with %PDF$/],
  ['leeg.pdf', (d) => writeFileSync(resolve(d, 'leeg.pdf'), ''), /^Source file cannot be read: empty file$/],
  ['wachtwoord.pdf', (d) => copyFileSync(resolve(FIXTURES, 'wachtwoord.pdf'), resolve(d, 'wachtwoord.pdf')), /^Source file cannot be read: PDF protected with a password$/],
  ['scan.pdf', (d) => copyFileSync(resolve(FIXTURES, 'scan.pdf'), resolve(d, 'scan.pdf')), /^Source file cannot be read: PDF without text \(1 page\): a scan\? Make it searchable \(OCR\) first$/],
  ['kapot.docx', (d) => copyFileSync(resolve(FIXTURES, 'kapot.docx'), resolve(d, 'kapot.docx')), /^Source file cannot be read: (damaged Word document|not a Word document)/],
  ['tekst.docx', (d) => writeFileSync(resolve(d, 'tekst.docx'), 'gewoon tekst\n'), /^Source file cannot be read: not a Word document: a \.docx is a zip file and this file is not$/],
  ['leeg.docx', (d) => writeFileSync(resolve(d, 'leeg.docx'), ''), /^Source file cannot be read: empty file$/],
  ['binair.txt', (d) => writeFileSync(resolve(d, 'binair.txt'), Buffer.from([0x61, 0x00, 0x62])), /^Source file cannot be read: not a text file \(binary content\)$/],
  ['groot.txt', (d) => {
    writeFileSync(resolve(d, 'groot.txt'), '');
    truncateSync(resolve(d, 'groot.txt'), 101 * 1024 * 1024); // sparse: no disk used
  }, /^Source file cannot be read: too large \(101 MB, limit 100 MB\)$/],
  ['pijp.md', (d) => spawnSync('mkfifo', [resolve(d, 'pijp.md')]), /^Source file cannot be read: not a regular file \(a pipe or a device\)$/],
  ['weg.md', (d) => symlinkSync('/nonexistent/weg.md', resolve(d, 'weg.md')), /^Source file cannot be read: a link that leads nowhere \(or the file is gone\)$/],
];

describe('broken source files, all in one corpus', () => {
  let r: ReturnType<typeof check>;
  beforeAll(() => {
    const dir = spoil((d) => {
      for (const [, make] of SOURCES) make(resolve(d, 'bronnen'));
      mkdirSync(resolve(d, 'bronnen/map.pdf')); // a folder named like a source: walked into, not an error
    });
    r = check(dir);
  }, 120_000);

  for (const [name, , message] of SOURCES) {
    it(`${name}: one diagnostic on it`, () => {
      const diags = on(r.out, `bronnen/${name}`);
      expect(diags.map((d) => [d.code, d.severity])).toEqual([['source/unreadable', 'warning']]);
      expect(diags[0].message).toMatch(message);
      expect(diags[0].message).not.toMatch(/https?:|\n|at .*\.js/); // no library's links or stack
    });
  }

  it('the rest goes on: the readable source is indexed and the report is checked', () => {
    expect(r.stderr).toBe('');
    expect(on(r.out, 'bronnen/map.pdf')).toEqual([]);
    expect(on(r.out, 'bronnen/gespreksverslag-uitvoering-2025.md')).toEqual([]);
    expect(reportChecked(r.out)).toBe(true);
    expect(on(r.out, 'rapport.md').some((d) => d.code === 'claim/unsupported')).toBe(true);
  });
});

describe('everything wrong at once, in the editor', () => {
  let s: Server;
  let root: string;
  beforeAll(async () => {
    root = spoil((d) => {
      writeFileSync(resolve(d, '.toetssteen.yaml'), 'version: 1\nbibliography: bronnen.bib\nsources: [bronnen\n');
      writeFileSync(resolve(d, 'bronnen.bib'), '');
      copyFileSync(resolve(FIXTURES, 'wachtwoord.pdf'), resolve(d, 'bronnen/wachtwoord.pdf'));
      writeFileSync(resolve(d, 'bronnen/leeg.docx'), '');
    });
    s = await startServer({ root, locale: 'nl' });
  }, 30_000);
  afterAll(() => s?.close());

  it('one diagnostic on each broken file, in Dutch; the open report is analysed and answers hover', async () => {
    const text = readFileSync(resolve(root, 'rapport.md'), 'utf8');
    const uri = await s.open('rapport.md', text);
    const config = await s.waitDiagnostics(pathToFileURL(resolve(root, '.toetssteen.yaml')).toString(), (p) => p.diagnostics.length > 0, 30_000);
    expect(config.diagnostics.map((d) => d.code)).toEqual(['config/invalid']);
    expect(config.diagnostics[0].message).toMatch(/^Het projectbestand is geen geldige YAML/);
    const report = await s.waitDiagnostics(uri, (p) => p.diagnostics.some((d) => String(d.code).startsWith('smart/')), 30_000);
    expect(report.diagnostics.length).toBeGreaterThan(5);
    // The defaults apply (the project file could not be read): the default source folder `bronnen` is indexed.
    const pdf = await s.waitDiagnostics(pathToFileURL(resolve(root, 'bronnen/wachtwoord.pdf')).toString(), (p) => p.diagnostics.length > 0, 60_000);
    expect(pdf.diagnostics.map((d) => [d.code, d.message])).toEqual([['source/unreadable', 'Bronbestand onleesbaar: PDF beveiligd met een wachtwoord']]);
    const docx = await s.waitDiagnostics(pathToFileURL(resolve(root, 'bronnen/leeg.docx')).toString(), (p) => p.diagnostics.length > 0, 60_000);
    expect(docx.diagnostics.map((d) => d.message)).toEqual(['Bronbestand onleesbaar: leeg bestand']);
    const bib = await s.waitDiagnostics(pathToFileURL(resolve(root, 'bronnen.bib')).toString(), (p) => p.diagnostics.length > 0, 60_000);
    expect(bib.diagnostics.map((d) => [d.code, d.message])).toEqual([['citation/unreadable-bibliography', 'Bibliografie onbruikbaar: leeg bestand, zonder bronnen']]);
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.startsWith('### Conclusie 2'));
    const hover = await s.conn.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line, character: 6 } });
    expect(hover?.contents.value).toMatch(/C2/);
    expect(s.proc.exitCode).toBeNull();
  }, 90_000);
});

describe('a bibliography outside the project, named in front matter', () => {
  it('is not read, directly or through a link; the document is told why and its keys are not judged', () => {
    const outside = mkdtempSync(resolve(tmpdir(), 'elders-'));
    dirs.push(outside);
    writeFileSync(resolve(outside, 'geheim.bib'), '@misc{geheim2025,\n  title = {Niet voor deze map},\n  year = {2025}\n}\n');
    const dir = spoil((d) => {
      symlinkSync(resolve(outside, 'geheim.bib'), resolve(d, 'link.bib'));
      const body = '\n# 2 Bevindingen\n\nDe wachttijd daalde in 2024 naar vier weken [@geheim2025].\n';
      writeFileSync(resolve(d, 'direct.md'), `---\nbibliography: ${resolve(outside, 'geheim.bib')}\n---\n${body}`);
      writeFileSync(resolve(d, 'omweg.md'), `---\nbibliography: ../${outside.split('/').pop()}/geheim.bib\n---\n${body}`);
      writeFileSync(resolve(d, 'link.md'), `---\nbibliography: link.bib\n---\n${body}`);
    });
    const r = check(dir);
    expect(r.stderr).toBe('');
    for (const name of ['direct.md', 'omweg.md', 'link.md']) {
      const diags = on(r.out, name);
      const refused = diags.filter((d) => d.code === 'citation/unreadable-bibliography');
      expect(refused.map((d) => d.message), name).toEqual([expect.stringMatching(/cannot be read: outside the project folder; not read\.$/)]);
      expect(diags.filter((d) => d.code === 'citation/unknown-key'), name).toEqual([]);
    }
    // Nothing of the outside file reaches the output.
    expect(JSON.stringify(r.out)).not.toMatch(/Niet voor deze map|geheim2025.*not cited/);
    expect(r.out.files.some((f) => f.path.includes(outside))).toBe(false);
  });
});
