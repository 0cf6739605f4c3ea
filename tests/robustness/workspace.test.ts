/**
 * A large workspace over stdio: 5,000 Markdown documents (about 33 MB of
 * report excerpts and notes with conclusions, recommendations, lists, tables
 * and citations, 1 to 20 KB each) around the report open in the editor.
 *
 * - While the workspace is read and analysed, the editor's requests (hover,
 *   document symbols, completion; one every 50 ms) are answered: none waits
 *   500 ms or more. The indexing is one `$/progress` — reading "n/5000",
 *   then "analyseren n/m" — and once it ends, the index holds the
 *   workspace's last document.
 * - Long requests across the workspace (workspace symbols, references to a
 *   citation in every document, toetssteen/checkWorkspace) stop when
 *   cancelled and answer RequestCancelled (-32800); the next request is
 *   answered at once and the same requests uncancelled answer as before.
 * - Indexing is interruptible: cancelling its progress stops it, while
 *   reading (no workspace document enters the index) or while analysing
 *   (what is analysed stays, the rest never comes); changing the workspace
 *   folders during a scan ends it and starts a new one over all folders.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource, ResponseError } from 'vscode-jsonrpc/node';
import type { Hover, Location, SymbolInformation } from 'vscode-languageserver-protocol';
import { startServer, timed, type Server } from './lsp';
import { posOf } from '../protocol/harness';
import { example } from '../helpers/seeds';

const TOTAL = 5000; // Markdown documents in the workspace, the report and its normenkader among them
const GENERATED = TOTAL - 2;
/** Documents before this index carry a conclusion about a "grutto": the first ones read and analysed. */
const EARLY = 50;
/** Documents from this index on carry a conclusion about a "kwartelkoning": the last ones read and analysed. */
const LATE = GENERATED - 100;
const LAST = `kwartelkoning${GENERATED - 1}`;
const REQUEST_CANCELLED = -32800;
const BOUND_MS = 500;

const REPORT = example('rapport.md');
const PLACES = ['Lindeveen', 'Oosterhaven', 'Bremwoude', 'Kampendijk', 'Zuidmolen', 'Ravensberg', 'Heggeland', 'Wierum'];
const KEYS = [...example('bronnen.bib').matchAll(/^@\w+\{([^,\s]+),/gm)].map((m) => m[1]);
/** The citation that (nearly) every document of the workspace carries. */
const SHARED_KEY = 'cbs2024schulden';

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  let a = Math.imul(seed, 0x9e3779b1) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

const BODY = REPORT.replace(/^---\n[\s\S]*?\n---\n/, '');
const PARAGRAPHS = BODY.split(/\n{2,}/).filter((p) => p.trim());
const SENTENCES = BODY.replace(/[#*`>|{}[\]\n-]+/g, ' ').split(/(?<=[.?!])\s+(?=[A-Z])/).filter((s) => s.length > 40 && s.length < 300);

/** One document of 1 to 20 KB (log-uniform): a report excerpt, or a note with conclusions, recommendations, lists and a table. */
function document(i: number): string {
  const r = random(i + 1);
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)];
  const size = Math.round(1000 * 20 ** r());
  const place = pick(PLACES);
  const parts: string[] = [];
  let length = 0;
  const add = (s: string): void => {
    parts.push(s);
    length += s.length + 2;
  };
  if (r() < 0.4) {
    add(`---\ntitle: "Deelrapport ${i}: schuldhulpverlening in ${place}"\ntype: rapport\nlang: nl\n---`);
    let p = Math.floor(r() * PARAGRAPHS.length);
    while (length < size) add(PARAGRAPHS[p++ % PARAGRAPHS.length].replaceAll('Lindeveen', place));
    add(`Zie ook de cijfers van het CBS [@${SHARED_KEY}].`);
  } else {
    add(`# Notitie ${i}: ${place}`);
    add(`De gemeente ${place} had in 2024 ${100 + (i % 900)} huishoudens met problematische schulden [@${SHARED_KEY}].`);
    let c = 0;
    let a = 0;
    while (length < size) {
      const x = r();
      if (x < 0.2) add(`## Conclusie ${++c}\n\n${pick(SENTENCES)} [@${pick(KEYS)}]`);
      else if (x < 0.35 && c) add(`## Aanbeveling ${++a}\n\nZorg dat ${pick(SENTENCES).toLowerCase()} (zie conclusie ${1 + Math.floor(r() * c)}).`);
      else if (x < 0.45) add(Array.from({ length: 3 + Math.floor(r() * 4) }, () => `- ${pick(SENTENCES)} [@${pick(KEYS)}, p. ${1 + Math.floor(r() * 90)}]`).join('\n'));
      else if (x < 0.5) add(`| Jaar | Aanmeldingen | Trajecten |\n|---|---|---|\n${[2021, 2022, 2023, 2024].map((y) => `| ${y} | ${Math.floor(r() * 900)} | ${Math.floor(r() * 400)} |`).join('\n')}`);
      else add(pick(PARAGRAPHS).replaceAll('Lindeveen', place));
    }
  }
  if (i < EARLY) add(`## Conclusie ${i}\n\nDe grutto${i} broedt in ${place} [@${SHARED_KEY}].`);
  if (i >= LATE) add(`## Conclusie ${i}\n\nDe kwartelkoning${i} is in ${place} niet gesignaleerd [@${SHARED_KEY}].`);
  return parts.join('\n\n') + '\n';
}

function workspace(): { root: string; bytes: number } {
  const root = mkdtempSync(resolve(tmpdir(), 'toetssteen-workspace-'));
  writeFileSync(resolve(root, '.toetssteen.yaml'), 'version: 1\n');
  writeFileSync(resolve(root, 'rapport.md'), REPORT);
  writeFileSync(resolve(root, 'normenkader.md'), example('normenkader.md'));
  writeFileSync(resolve(root, 'bronnen.bib'), example('bronnen.bib'));
  let bytes = REPORT.length;
  for (let i = 0; i < GENERATED; i++) {
    const dir = resolve(root, `map${String(Math.floor(i / 100)).padStart(2, '0')}`);
    if (i % 100 === 0) mkdirSync(dir);
    const text = document(i);
    bytes += Buffer.byteLength(text);
    writeFileSync(resolve(dir, `stuk-${String(i).padStart(4, '0')}.md`), text);
  }
  return { root, bytes };
}

/** A folder of 25 notes, each with a conclusion about `bird`, to add to the workspace. */
function folder(bird: string): string {
  const dir = mkdtempSync(resolve(tmpdir(), `toetssteen-${bird}-`));
  for (let i = 0; i < 25; i++) writeFileSync(resolve(dir, `${bird}-${i}.md`), `# Notitie ${bird} ${i}\n\n## Conclusie 1\n\nDe ${bird}${i} is gezien [@${SHARED_KEY}].\n`);
  return dir;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

type Progress = Server['progress'][number];

/** The `nth` workspace scan's progress (the scan's title names the workspace; the source index's does not). */
function scanProgress(s: Server, nth = 0): Progress[] {
  const tokens = s.progress.filter((p) => p.value.kind === 'begin' && /werkruimte|workspace/.test(p.value.title ?? '')).map((p) => p.token);
  const token = tokens[nth];
  return token === undefined ? [] : s.progress.filter((p) => p.token === token);
}

async function until(what: string, pred: () => boolean, timeoutMs: number): Promise<number> {
  const t0 = performance.now();
  while (!pred()) {
    if (performance.now() - t0 > timeoutMs) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await sleep(10);
  }
  return performance.now();
}

/** A request cancelled `afterMs` after it was sent (0: at once): its answer or error, and when it came. */
async function cancelled<R>(s: Server, method: string, params: unknown, afterMs = 0): Promise<{ ms: number; sinceCancel: number; result?: R; error?: ResponseError<unknown> }> {
  const source = new CancellationTokenSource();
  const t0 = performance.now();
  const answer = s.conn.sendRequest<R>(method, params, source.token).then(
    (result) => ({ result }),
    (error: ResponseError<unknown>) => ({ error }),
  );
  if (afterMs > 0) await sleep(afterMs);
  const cancelAt = performance.now();
  source.cancel();
  const r = await answer;
  const t1 = performance.now();
  return { ...r, ms: t1 - t0, sinceCancel: t1 - cancelAt };
}

let root = '';
let bytes = 0;
const extra: string[] = [];

beforeAll(() => {
  const t0 = performance.now();
  ({ root, bytes } = workspace());
  console.log(`workspace: ${TOTAL} documents, ${(bytes / 1e6).toFixed(1)} MB, written in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}, 60_000);

afterAll(() => {
  for (const dir of [root, ...extra]) if (dir) rmSync(dir, { recursive: true, force: true });
});

const HOVER_AT = posOf(REPORT, '### Conclusie 2', 6);
const COMPLETE_AT = posOf(REPORT, '(zie conclusie 1', '(zie conclusie '.length);
const CITATION_AT = posOf(REPORT, `[@${SHARED_KEY}`, 3);

function client(s: Server, reportUri: string) {
  return {
    hover: (): Promise<Hover> => s.conn.sendRequest<Hover>('textDocument/hover', { textDocument: { uri: reportUri }, position: HOVER_AT }),
    symbols: (query: string): Promise<SymbolInformation[]> => s.conn.sendRequest<SymbolInformation[]>('workspace/symbol', { query }),
    /** A hover, answered within the bound and right. */
    async responsive(): Promise<number> {
      const { ms, result } = await timed(this.hover());
      expect((result.contents as { value: string }).value).toMatch(/C2/);
      expect(ms).toBeLessThan(BOUND_MS);
      return ms;
    },
  };
}

describe('5,000 documents in the workspace', () => {
  let s: Server;
  let reportUri = '';
  afterAll(() => s?.close());

  it('answers requests while the workspace is read and analysed, shows progress, and ends with a complete index', async () => {
    const t0 = performance.now();
    s = await startServer({ root });
    reportUri = await s.open('rapport.md', REPORT);
    const c = client(s, reportUri);
    // The report's first check (a cold start, the same in any workspace) is not what is measured here.
    await s.waitDiagnostics(reportUri, () => true, 30_000);
    const t00 = performance.now();
    expect(scanProgress(s).some((p) => p.value.kind === 'end')).toBe(false);
    const latencies: number[] = [];
    const slow: string[] = [];
    let found: SymbolInformation[] | null = null;
    let endAt = 0;
    // A request every 50 ms — mostly hovers, now and then document symbols or a completion — until 3 s after the
    // scan ends (the open report is checked again against the whole project then).
    for (let n = 0; !endAt || performance.now() - endAt < 3000; n++) {
      if (performance.now() - t0 > 100_000) throw new Error('the scan did not end within 100 s');
      const kind = n % 10 === 5 ? 'documentSymbol' : n % 10 === 9 ? 'completion' : 'hover';
      const t1 = performance.now();
      if (kind === 'documentSymbol') {
        const symbols = await s.conn.sendRequest<unknown[]>('textDocument/documentSymbol', { textDocument: { uri: reportUri } });
        expect(symbols.length).toBeGreaterThan(0);
      } else if (kind === 'completion') {
        const completion = await s.conn.sendRequest<{ items: unknown[] } | unknown[]>('textDocument/completion', { textDocument: { uri: reportUri }, position: COMPLETE_AT });
        expect((Array.isArray(completion) ? completion : completion.items).length).toBeGreaterThan(0);
      } else {
        const hover = await c.hover();
        expect((hover.contents as { value: string }).value).toMatch(/C2/);
      }
      const ms = performance.now() - t1;
      latencies.push(ms);
      if (ms > 200) slow.push(`${kind} ${Math.round(ms)} ms at ${((t1 - t0) / 1000).toFixed(1)} s`);
      if (!endAt && scanProgress(s).some((p) => p.value.kind === 'end')) {
        endAt = performance.now();
        // Once the progress has ended, the index is complete: the last document is in it.
        found = await c.symbols(LAST);
      }
      await sleep(Math.max(0, 50 - ms));
    }
    const sorted = [...latencies].sort((a, b) => a - b);
    const progress = scanProgress(s);
    const [begin, end] = [progress[0], progress[progress.length - 1]];
    console.log(
      `during the scan: ${latencies.length} requests, latency p50 ${quantile(sorted, 0.5).toFixed(0)} ms, p95 ${quantile(sorted, 0.95).toFixed(0)} ms, max ${sorted[sorted.length - 1].toFixed(0)} ms; ` +
        `measured from ${((t00 - t0) / 1000).toFixed(1)} s; progress from ${((begin.at - t0) / 1000).toFixed(1)} s to ${((end.at - t0) / 1000).toFixed(1)} s (${((end.at - begin.at) / 1000).toFixed(1)} s)` +
        (slow.length ? `; over 200 ms: ${slow.join(', ')}` : ''),
    );
    expect(latencies.length).toBeGreaterThan(100);
    expect(sorted[sorted.length - 1]).toBeLessThan(BOUND_MS);
    expect(quantile(sorted, 0.5)).toBeLessThan(BOUND_MS / 4);
    // One progress: begin "0/5000", reports (reading "n/5000", then "analyseren n/m") with a rising percentage, end.
    expect(begin.value).toMatchObject({ kind: 'begin', title: 'Toetssteen: werkruimte inlezen', message: `0/${TOTAL}`, cancellable: true });
    expect(end.value.kind).toBe('end');
    const reports = progress.slice(1, -1).map((p) => p.value as { kind: string; percentage: number; message: string });
    expect(reports.every((r) => r.kind === 'report')).toBe(true);
    for (let i = 1; i < reports.length; i++) expect(reports[i].percentage).toBeGreaterThanOrEqual(reports[i - 1].percentage);
    const reading = reports.filter((r) => !r.message.startsWith('analyseren'));
    const analysing = reports.filter((r) => r.message.startsWith('analyseren'));
    expect(reports).toEqual([...reading, ...analysing]);
    expect(reading.length).toBeGreaterThan(5);
    expect(reading.map((r) => r.message)).toEqual(reading.map((_, i) => `${50 * (i + 1)}/${TOTAL}`));
    expect(reading[reading.length - 1].message).toBe(`${TOTAL}/${TOTAL}`);
    expect(analysing.length).toBeGreaterThan(5);
    const counts = analysing.map((r) => r.message.match(/^analyseren (\d+)\/(\d+)$/)!.slice(1).map(Number));
    for (let i = 1; i < counts.length; i++) expect(counts[i][0]).toBeGreaterThan(counts[i - 1][0]);
    expect(counts[counts.length - 1][0]).toBe(counts[counts.length - 1][1]);
    expect(counts[0][1]).toBeGreaterThanOrEqual(TOTAL - 2);
    expect(analysing[analysing.length - 1].percentage).toBe(100);
    expect(found!.map((x) => x.location.uri)).toEqual([pathToFileURL(resolve(root, 'map49', `stuk-${GENERATED - 1}.md`)).toString()]);
    expect((await c.symbols('kwartelkoning')).length).toBeGreaterThan(90);
    expect((await c.symbols('grutto')).length).toBeGreaterThan(40);
  }, 120_000);

  it('stops long requests across the workspace when they are cancelled, and answers the next one at once', async () => {
    expect(s, 'needs the indexed workspace of the test before').toBeTruthy();
    const c = client(s, reportUri);
    const cases = [
      { method: 'workspace/symbol', params: { query: 'kwartelkoning' }, size: (r: unknown[]) => r.length, min: 90 },
      { method: 'textDocument/references', params: { textDocument: { uri: reportUri }, position: CITATION_AT, context: { includeDeclaration: false } }, size: (r: unknown[]) => new Set((r as Location[]).map((l) => l.uri)).size, min: TOTAL - 2 },
    ];
    for (const k of cases) {
      // Uncancelled: the whole answer (the second time, with the line indexes built).
      await s.conn.sendRequest<unknown[]>(k.method, k.params);
      const full = await timed(s.conn.sendRequest<unknown[]>(k.method, k.params));
      expect(k.size(full.result)).toBeGreaterThanOrEqual(k.min);
      // Cancelled as soon as it is sent: no answer but RequestCancelled.
      const stopped = await cancelled<unknown[]>(s, k.method, k.params);
      console.log(`${k.method}: ${full.ms.toFixed(0)} ms for the whole answer; cancelled at once: answered in ${stopped.ms.toFixed(0)} ms`);
      expect(stopped.result).toBeUndefined();
      expect(stopped.error?.code).toBe(REQUEST_CANCELLED);
      await c.responsive();
    }

    // checkWorkspace runs every rule on every document and publishes each one's diagnostics: seconds of work.
    // Cancelled midway, it answers RequestCancelled at once and publishes nothing more.
    const published = (): number => [...s.diagnostics.keys()].filter((uri) => /\/map\d\d\/stuk-\d+\.md$/.test(uri)).length;
    expect(published()).toBe(0);
    const stopped = await cancelled<unknown>(s, 'toetssteen/checkWorkspace', {}, 400);
    const atAnswer = published();
    console.log(`toetssteen/checkWorkspace: cancelled after 400 ms, answered ${stopped.sinceCancel.toFixed(0)} ms after the cancel; ${atAnswer} of ${GENERATED} documents checked by then`);
    expect(stopped.error?.code).toBe(REQUEST_CANCELLED);
    expect(stopped.sinceCancel).toBeLessThan(BOUND_MS);
    expect(atAnswer).toBeGreaterThan(0);
    expect(atAnswer).toBeLessThan(GENERATED / 2);
    await sleep(1000);
    expect(published()).toBe(atAnswer);
    await c.responsive();

    // And everything works as before.
    for (const k of cases) expect(k.size(await s.conn.sendRequest<unknown[]>(k.method, k.params))).toBeGreaterThanOrEqual(k.min);
  }, 60_000);
});

describe('interrupting the indexing', () => {
  let s: Server;
  afterAll(() => s?.close());

  /** Cancels the scan's progress as the client does and waits for its end: how long that took. */
  async function cancelScan(nth: number): Promise<number> {
    const t0 = performance.now();
    await s.conn.sendNotification('window/workDoneProgress/cancel', { token: scanProgress(s, nth)[0].token });
    return (await until('the end of the cancelled progress', () => scanProgress(s, nth).some((p) => p.value.kind === 'end'), 5000)) - t0;
  }

  const messages = (nth: number): string[] => scanProgress(s, nth).filter((p) => p.value.kind === 'report').map((p) => p.value.message!);

  it('stops reading when the progress is cancelled: the workspace stays out of the index', async () => {
    s = await startServer({ root, workspaceCapabilities: { workspaceFolders: true } });
    const c = client(s, await s.open('rapport.md', REPORT));
    await until('a report of the scan', () => scanProgress(s).some((p) => p.value.kind === 'report'), 30_000);
    const ms = await cancelScan(0);
    console.log(`cancelled while reading (${messages(0).pop()}): the progress ended after ${ms.toFixed(0)} ms`);
    expect(ms).toBeLessThan(1000);
    const read = messages(0).map((m) => Number(m.match(/^(\d+)\/5000$/)![1]));
    expect(read[read.length - 1]).toBeLessThan(TOTAL);
    await c.responsive();
    expect(await c.symbols('grutto')).toEqual([]);
    await sleep(1000);
    expect(await c.symbols('grutto')).toEqual([]);
    expect(scanProgress(s, 1)).toEqual([]);
  }, 60_000);

  it('starts over when the workspace folders change during a scan, and stops analysing when cancelled', async () => {
    expect(s, 'needs the server of the test before').toBeTruthy();
    const c = client(s, s.uri('rapport.md'));
    const folders = ['ijsvogel', 'roerdomp'].map(folder);
    extra.push(...folders);
    const add = (dir: string): Promise<void> => s.conn.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: pathToFileURL(dir).toString(), name: dir }], removed: [] } });
    // A folder added: a new scan. Another one added while it reads: that scan ends, a new one reads all three folders.
    await add(folders[0]);
    await until('a report of the second scan', () => scanProgress(s, 1).some((p) => p.value.kind === 'report'), 30_000);
    const t0 = performance.now();
    await add(folders[1]);
    const ended = (await until('the end of the second scan', () => scanProgress(s, 1).some((p) => p.value.kind === 'end'), 5000)) - t0;
    console.log(`second scan interrupted by a folder change (${messages(1).pop()}): ended after ${ended.toFixed(0)} ms`);
    expect(ended).toBeLessThan(1000);
    expect(messages(1).every((m) => /^\d+\/5025$/.test(m))).toBe(true);
    expect(messages(1).pop()).not.toBe('5025/5025');
    await until('the third scan', () => scanProgress(s, 2).length > 0, 30_000);
    expect(scanProgress(s, 2)[0].value.message).toBe('0/5050');
    // Cancelled while analysing: what is analysed stays, the rest is not analysed, now or later.
    await until('the analysis of the third scan', () => messages(2).some((m) => m.startsWith('analyseren')), 60_000);
    expect(messages(2)).toContain('5050/5050');
    const ms = await cancelScan(2);
    const last = messages(2).pop()!;
    console.log(`third scan cancelled while analysing (${last}): the progress ended after ${ms.toFixed(0)} ms`);
    expect(ms).toBeLessThan(1000);
    const [analysed, todo] = last.match(/^analyseren (\d+)\/(\d+)$/)!.slice(1).map(Number);
    expect(analysed).toBeLessThan(todo / 2);
    await c.responsive();
    expect((await c.symbols('grutto')).length).toBeGreaterThan(0);
    const lateOnes = async (): Promise<SymbolInformation[]> => [...(await c.symbols('kwartelkoning')), ...(await c.symbols('ijsvogel')), ...(await c.symbols('roerdomp'))];
    expect(await lateOnes()).toEqual([]);
    const progressSeen = s.progress.length;
    await sleep(2000);
    expect(await lateOnes()).toEqual([]);
    expect(s.progress.slice(progressSeen).filter((p) => scanProgress(s, 2).includes(p))).toEqual([]);
    await c.responsive();
  }, 60_000);
});
