/**
 * Nothing goes out to the network, proven at runtime: the language server and
 * the CLI run on a copy of the example project (bibliography, PDF, DOCX,
 * Markdown and text sources; no extraction cache, so pdf.js and mammoth do
 * their work) with a preload (no-network.cjs) that turns every outgoing call
 * — net, tls, http(s), http2, dns, dgram, fetch — into a marker line on
 * stderr and a throw. First the preload itself is shown to catch each of
 * them, so this test can fail. Needs `npm run build`.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import type { CodeAction, CompletionItem, CompletionList, Diagnostic, Hover, SymbolInformation } from 'vscode-languageserver-protocol';
import { startServer, timed, type Server } from './lsp';

const ROOT = resolve(__dirname, '../..');
const PRELOAD = resolve(__dirname, 'no-network.cjs');
const EXAMPLES = join(ROOT, 'examples');
const CLI = join(ROOT, 'dist/cli.js');
const MARKER = 'NETWORK-ATTEMPT';

const temps: string[] = [];
/** A copy of the examples without their extraction cache. */
function copyExamples(): string {
  const dir = mkdtempSync(join(tmpdir(), 'toetssteen-nonet-'));
  temps.push(dir);
  cpSync(EXAMPLES, dir, { recursive: true, filter: (src) => basename(src) !== '.toetssteen-cache' });
  return dir;
}
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

const markers = (stderr: string): string[] => stderr.split('\n').filter((l) => l.includes(MARKER));

/** Sources extracted in this run, read back from the cache the extraction wrote: kind → whether text came out. */
function extractedKinds(root: string): Record<string, boolean> {
  const dir = join(root, '.toetssteen-cache');
  const kinds: Record<string, boolean> = {};
  if (!existsSync(dir)) return kinds;
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
    const e = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { extracted: { kind: string; pages: string[] } };
    kinds[e.extracted.kind] = (kinds[e.extracted.kind] ?? false) || e.extracted.pages.join('').trim().length > 100;
  }
  return kinds;
}

describe('the no-network preload', () => {
  it('records and stops every kind of outgoing call (so the tests below can fail)', () => {
    const calls: Record<string, string> = {
      'http.get': "require('http').get('http://example.invalid')",
      'http.request': "require('node:http').request({ host: 'example.invalid' })",
      'https.get': "require('https').get('https://example.invalid')",
      'https.request': "require('https').request('https://example.invalid')",
      'http.globalAgent.createConnection': "new (require('http').ClientRequest)('http://example.invalid')",
      'http2.connect': "require('http2').connect('https://example.invalid')",
      'net.connect': "require('net').connect(80, 'example.invalid')",
      'net.createConnection': "require('net').createConnection({ port: 80, host: 'example.invalid' })",
      'net.Socket.prototype.connect': "new (require('net').Socket)().connect(80, 'example.invalid')",
      'tls.connect': "require('tls').connect(443, 'example.invalid')",
      'dns.lookup': "require('dns').lookup('x', () => {})",
      'dns.resolve4': "require('dns').resolve4('x', () => {})",
      'dns.Resolver.prototype.resolveTxt': "new (require('dns').Resolver)().resolveTxt('x', () => {})",
      'dns.promises.lookup': "require('dns').promises.lookup('x')",
      'dns.promises.resolve': "require('node:dns/promises').resolve('x')",
      'dgram.createSocket': "require('dgram').createSocket('udp4')",
      fetch: "fetch('http://example.invalid')",
    };
    const script = `
      const out = {};
      for (const [name, call] of Object.entries(${JSON.stringify(calls)})) {
        try { (0, eval)(call); out[name] = 'went through'; } catch (e) { out[name] = e.code; }
      }
      process.stdout.write(JSON.stringify(out));`;
    const r = spawnSync(process.execPath, ['--require', PRELOAD, '-e', script], { encoding: 'utf8', timeout: 20_000 });
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, string>;
    for (const name of Object.keys(calls)) expect(out[name], name).toBe('ENETWORKBLOCKED');
    const lines = markers(r.stderr);
    for (const name of Object.keys(calls)) expect(lines.some((l) => l.startsWith(`${MARKER} ${name} `)), `${name} in ${lines.join('\n')}`).toBe(true);
    // The marker names the caller.
    expect(lines.find((l) => l.startsWith(`${MARKER} dns.lookup `))).toMatch(/\[eval\]/);
    // Without the preload the same script is not stopped (the marker comes from the preload alone).
    const bare = spawnSync(process.execPath, ['-e', `try { require('dns').lookup('x', () => {}); process.stdout.write('ok'); } catch (e) { process.stdout.write(String(e.code)); }`], { encoding: 'utf8', timeout: 20_000 });
    expect(bare.stdout).toBe('ok');
    expect(markers(bare.stderr)).toEqual([]);
  });
});

describe('the language server under the preload', () => {
  let s: Server;
  let root: string;
  let report: string;
  let uri: string;
  const timings: Record<string, number> = {};

  beforeAll(async () => {
    root = copyExamples();
    report = readFileSync(join(root, 'rapport.md'), 'utf8');
    s = await startServer({ root, execArgv: ['--require', PRELOAD] });
  }, 60_000);
  afterAll(async () => {
    await s?.close();
    console.log(`no-network: ${Object.entries(timings).map(([k, v]) => `${k} ${Math.round(v)} ms`).join(', ')}`);
  });

  const positionOf = (needle: string, delta = 0): { line: number; character: number } => {
    const at = report.indexOf(needle) + delta;
    expect(at).toBeGreaterThanOrEqual(delta);
    const before = report.slice(0, at).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
  };

  it('indexes the sources and publishes every diagnostic, the slow ones included', async () => {
    const t0 = performance.now();
    uri = await s.open('rapport.md', report);
    const p = await s.waitDiagnostics(uri, (x) => x.diagnostics.some((d) => d.code === 'claim/unsupported'), 90_000);
    timings['claim diagnostics'] = performance.now() - t0;
    expect(p.diagnostics.length).toBeGreaterThan(1);
    // The source index (built after the workspace scan, in the background) has begun and ended, and so has every other progress.
    const ended = (): boolean => {
      const begun = s.progress.filter((x) => x.value.kind === 'begin');
      const sources = begun.find((x) => (x.value.title ?? '').includes('bronnen'));
      return !!sources && begun.every((b) => s.progress.some((x) => x.token === b.token && x.value.kind === 'end'));
    };
    for (let i = 0; i < 600 && !ended(); i++) await new Promise((r) => setTimeout(r, 100));
    expect(ended()).toBe(true);
    timings['source index'] = performance.now() - t0;
    // The PDF and the DOCX were really extracted (pdf.js and mammoth ran under the preload).
    expect(extractedKinds(root)).toMatchObject({ pdf: true, docx: true, md: true, txt: true });
  }, 120_000);

  it('answers hover, completion, code actions, workspace symbols and the workspace check', async () => {
    const hover = await timed(s.conn.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf('[@wgs2021]', 4) }));
    timings.hover = hover.ms;
    expect(JSON.stringify(hover.result?.contents)).toMatch(/Wet gemeentelijke schuldhulpverlening/);

    const completion = await timed(s.conn.sendRequest<CompletionList | CompletionItem[] | null>('textDocument/completion', { textDocument: { uri }, position: positionOf('[@wgs2021]', 2) }));
    timings.completion = completion.ms;
    const items = Array.isArray(completion.result) ? completion.result : completion.result?.items ?? [];
    expect(items.length).toBeGreaterThan(0);

    const published = s.diagnostics.get(uri)!.at(-1)!;
    const claim = published.diagnostics.find((d) => d.code === 'claim/unsupported') as Diagnostic;
    const actions = await timed(s.conn.sendRequest<CodeAction[] | null>('textDocument/codeAction', { textDocument: { uri }, range: claim.range, context: { diagnostics: [claim] } }));
    timings['code actions'] = actions.ms;
    // The source index answered: a fix offers a passage from the corpus.
    expect((actions.result ?? []).some((a) => /^(Bron invoegen|Insert source): /.test(a.title))).toBe(true);

    const symbols = await timed(s.conn.sendRequest<SymbolInformation[] | null>('workspace/symbol', { query: '' }));
    timings['workspace symbols'] = symbols.ms;
    expect((symbols.result ?? []).length).toBeGreaterThan(0);

    const check = await timed(s.conn.sendRequest<{ files: number; totals: Record<string, number> }>('toetssteen/checkWorkspace'));
    timings.checkWorkspace = check.ms;
    expect(check.result.files).toBeGreaterThan(1);
  }, 120_000);

  it('made no network attempt and is still running', async () => {
    expect(markers(s.stderr.join(''))).toEqual([]);
    expect(s.proc.exitCode).toBeNull();
    expect(s.proc.signalCode).toBeNull();
    const again = await s.conn.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf('[@wgs2021]', 4) });
    expect(JSON.stringify(again?.contents)).toMatch(/Wet gemeentelijke schuldhulpverlening/);
  });
});

describe('the CLI under the preload', () => {
  const run = (args: string[]): { status: number | null; stdout: string; stderr: string; ms: number } => {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, ['--require', PRELOAD, CLI, ...args], { encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr, ms: performance.now() - t0 };
  };

  it('check --format json: exit 0 or 1, findings out, no network attempt', () => {
    const root = copyExamples();
    const r = run(['check', root, '--format', 'json']);
    console.log(`no-network: cli check ${Math.round(r.ms)} ms`);
    expect([0, 1], r.stderr).toContain(r.status);
    expect(markers(r.stderr)).toEqual([]);
    expect(() => JSON.parse(r.stdout)).not.toThrow();
    expect(r.stdout).toContain('claim/unsupported');
    expect(extractedKinds(root)).toMatchObject({ pdf: true, docx: true });
  }, 120_000);

  it('trace rapport.md: exit 0 or 1, no network attempt', () => {
    const root = copyExamples();
    const r = run(['trace', join(root, 'rapport.md')]);
    console.log(`no-network: cli trace ${Math.round(r.ms)} ms`);
    expect([0, 1], r.stderr).toContain(r.status);
    expect(markers(r.stderr)).toEqual([]);
    expect(r.stdout.length).toBeGreaterThan(0);
  }, 120_000);
});
