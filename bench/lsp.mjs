// Keystroke → publishDiagnostics latency over stdio on a 150 KB report, and
// the server's memory after opening the example workspace.
import { spawn } from 'node:child_process';
import { mkdtempSync, cpSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { makeReport } from './make-report.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-jsonrpc/node');

const EDITS = Number(process.env.BENCH_EDITS ?? 200);

function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

async function session(root, initializationOptions = {}) {
  const proc = spawn(process.execPath, [resolve(here, '../dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  const waiting = new Map();
  const counts = new Map();
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    const key = `${p.uri}#${p.version}`;
    const n = (counts.get(key) ?? 0) + 1;
    counts.set(key, n);
    const w = waiting.get(`${key}@${n}`) ?? (n === 1 ? waiting.get(key) : undefined);
    if (w) w(performance.now());
  });
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.onRequest('workspace/configuration', (p) => p.items.map(() => ({})));
  conn.onRequest('client/registerCapability', () => null);
  conn.onNotification('$/progress', () => {});
  conn.onNotification('window/logMessage', () => {});
  conn.onNotification('toetssteen/status', () => {});
  conn.listen();
  const rootUri = pathToFileURL(root).toString();
  await conn.sendRequest('initialize', { processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'b' }], locale: 'nl', initializationOptions, capabilities: { workspace: { configuration: true }, window: { workDoneProgress: true } } });
  await conn.sendNotification('initialized', {});
  const until = (uri, version, nth) => new Promise((res) => waiting.set(nth ? `${uri}#${version}@${nth}` : `${uri}#${version}`, res));
  return { proc, conn, until };
}

export async function lspBench() {
  // 1. Latency on a 150 KB report.
  const root = mkdtempSync(resolve(tmpdir(), 'ts-bench-'));
  const text = makeReport(150_000);
  writeFileSync(resolve(root, 'rapport.md'), text);
  const s = await session(root);
  const uri = pathToFileURL(resolve(root, 'rapport.md')).toString();
  let t0 = performance.now();
  let done = s.until(uri, 1);
  await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  const openMs = (await done) - t0;
  const lines = text.split('\n');
  const rand = rng(42);
  const lat = [];
  for (let v = 2; v <= EDITS + 1; v++) {
    const line = Math.floor(rand() * lines.length);
    const character = Math.floor(rand() * (lines[line].length + 1));
    done = s.until(uri, v);
    t0 = performance.now();
    await s.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: 'e' }] });
    lat.push((await done) - t0);
    lines[line] = lines[line].slice(0, character) + 'e' + lines[line].slice(character);
  }
  // Complete diagnostics (every rule) once typing pauses: the second publish of a version.
  const full = [];
  let v = EDITS + 2;
  for (let i = 0; i < 20; i++, v++) {
    const line = Math.floor(rand() * lines.length);
    const character = Math.floor(rand() * (lines[line].length + 1));
    const second = s.until(uri, v, 2);
    t0 = performance.now();
    await s.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: 'e' }] });
    full.push((await second) - t0);
    lines[line] = lines[line].slice(0, character) + 'e' + lines[line].slice(character);
  }
  s.proc.kill();

  // Every rule on every keystroke (slowDelay 0), for comparison.
  const s3 = await session(root, { slowDelay: 0 });
  const text3 = lines.join('\n');
  done = s3.until(uri, 1);
  await s3.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: text3 } });
  await done;
  const every = [];
  for (let v3 = 2; v3 <= 61; v3++) {
    const line = Math.floor(rand() * lines.length);
    const character = Math.floor(rand() * (lines[line].length + 1));
    done = s3.until(uri, v3);
    t0 = performance.now();
    await s3.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: v3 }, contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: 'e' }] });
    every.push((await done) - t0);
    lines[line] = lines[line].slice(0, character) + 'e' + lines[line].slice(character);
  }
  s3.proc.kill();

  // 2. Memory after opening the example workspace.
  const ex = mkdtempSync(resolve(tmpdir(), 'ts-bench-ex-'));
  cpSync(resolve(here, '../examples'), ex, { recursive: true });
  const s2 = await session(ex);
  for (const f of ['rapport.md', 'reactie.md', 'normenkader.md', 'aanbiedingsbrief.md', 'beleidsnota.md']) {
    const u = pathToFileURL(resolve(ex, f)).toString();
    const d = s2.until(u, 1);
    await s2.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: u, languageId: 'markdown', version: 1, text: readFileSync(resolve(ex, f), 'utf8') } });
    await d;
  }
  await new Promise((r) => setTimeout(r, 500));
  const rss = Number(readFileSync(`/proc/${s2.proc.pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)[1]) / 1024;
  s2.proc.kill();
  return { openMs, p50: pct(lat, 50), p95: pct(lat, 95), max: Math.max(...lat), edits: lat.length, size: text.length, rss, fullP50: pct(full, 50), fullP95: pct(full, 95), everyP50: pct(every, 50), everyP95: pct(every, 95) };
}

if (import.meta.url === pathToFileURL(process.argv[1]).toString()) {
  const r = await lspBench();
  console.log(`keystroke → publishDiagnostics on a ${(r.size / 1024).toFixed(0)} KB report over stdio, ${r.edits} edits at random places: p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, max ${r.max.toFixed(1)} ms (open ${r.openMs.toFixed(0)} ms; target p95 ≤ 30 ms)`);
  console.log(`complete diagnostics after a pause (incl. the 300 ms quiet period): p50 ${r.fullP50.toFixed(0)} ms, p95 ${r.fullP95.toFixed(0)} ms; every rule on every keystroke: p50 ${r.everyP50.toFixed(1)} ms, p95 ${r.everyP95.toFixed(1)} ms`);
  console.log(`server RSS after opening the example workspace: ${r.rss.toFixed(0)} MB`);
  process.exit(0);
}
