/**
 * A real JSON-RPC client over stdio for the built language server
 * (dist/server.js --stdio): the protocol tests drive the server as an editor
 * would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { readFileSync, cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { PublishDiagnosticsParams, Diagnostic, InitializeResult } from 'vscode-languageserver-protocol';

export const SERVER = resolve(__dirname, '../../dist/server.js');
export const EXAMPLES = resolve(__dirname, '../../examples');

export interface Session {
  conn: MessageConnection;
  proc: ChildProcess;
  root: string;
  init: InitializeResult;
  diagnostics: Map<string, PublishDiagnosticsParams[]>;
  logs: string[];
  /** Every $/progress notification, with the time it arrived (performance.now()). */
  progress: Progress[];
  /** The server's stderr, as it came. */
  stderr: string[];
  exited: Promise<number | null>;
  uri(file: string): string;
  open(file: string, text?: string, languageId?: string): Promise<{ uri: string; text: string }>;
  change(uri: string, version: number, changes: Array<{ range?: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string }>): Promise<void>;
  waitDiagnostics(uri: string, pred?: (p: PublishDiagnosticsParams) => boolean, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
  request<R>(method: string, params: unknown): Promise<R>;
  close(): Promise<void>;
}

export interface Progress {
  token: string | number;
  value: { kind: string; title?: string; message?: string; percentage?: number; cancellable?: boolean };
  at: number;
}

export interface SessionOptions {
  /** The project (default: the example); copied to a temporary root unless `copy` is false. */
  folder?: string;
  copy?: boolean;
  locale?: string;
  settings?: Record<string, unknown>;
  /** More client capabilities (merged into `workspace`). */
  workspaceCapabilities?: Record<string, unknown>;
  /** Node options for the server process (e.g. `--require` a preload). */
  execArgv?: string[];
}

/** Copies the example project (or a given folder) to a temporary root and starts a server on it. */
export async function startSession(opts: SessionOptions = {}): Promise<Session> {
  const src = opts.folder ?? EXAMPLES;
  const root = opts.copy === false ? src : mkdtempSync(resolve(tmpdir(), 'toetssteen-'));
  if (opts.copy !== false) cpSync(src, root, { recursive: true });
  const proc = spawn(process.execPath, [...(opts.execArgv ?? []), SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const stderr: string[] = [];
  proc.stderr!.on('data', (d: Buffer) => stderr.push(d.toString()));
  const exited = new Promise<number | null>((r) => proc.on('exit', (code) => r(code)));
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  const diagnostics = new Map<string, PublishDiagnosticsParams[]>();
  const waiters: Array<() => void> = [];
  const logs: string[] = [];
  const progress: Progress[] = [];
  conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    diagnostics.set(p.uri, [...(diagnostics.get(p.uri) ?? []), p]);
    for (const w of waiters.splice(0)) w();
  });
  conn.onNotification('window/logMessage', (p: { message: string }) => {
    logs.push(p.message);
  });
  conn.onNotification('$/progress', (p: Omit<Progress, 'at'>) => {
    progress.push({ ...p, at: performance.now() });
  });
  conn.onNotification('toetssteen/status', () => undefined);
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => opts.settings ?? {}));
  conn.onRequest('client/registerCapability', () => null);
  conn.listen();
  const rootUri = pathToFileURL(root).toString();
  const init = await conn.sendRequest<InitializeResult>('initialize', {
    processId: process.pid,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'project' }],
    locale: opts.locale ?? 'nl',
    capabilities: { workspace: { configuration: true, ...(opts.workspaceCapabilities ?? {}) }, window: { workDoneProgress: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
  });
  await conn.sendNotification('initialized', {});
  const session: Session = {
    conn,
    proc,
    root,
    init,
    diagnostics,
    logs,
    progress,
    stderr,
    exited,
    uri: (file) => pathToFileURL(resolve(root, file)).toString(),
    async open(file, text, languageId) {
      const uri = session.uri(file);
      const t = text ?? readFileSync(resolve(root, file), 'utf8');
      await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: languageId ?? (file.endsWith('.txt') ? 'plaintext' : 'markdown'), version: 1, text: t } });
      return { uri, text: t };
    },
    async change(uri, version, changes) {
      await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    },
    waitDiagnostics(uri, pred = () => true, timeoutMs = 15000) {
      return new Promise((res, rej) => {
        const timer = setTimeout(() => rej(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms`)), timeoutMs);
        const check = (): void => {
          const hit = (diagnostics.get(uri) ?? []).find(pred);
          if (hit) {
            clearTimeout(timer);
            res(hit);
          } else waiters.push(check);
        };
        check();
      });
    },
    request: (method, params) => conn.sendRequest(method, params),
    async close() {
      try {
        await Promise.race([conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
        await conn.sendNotification('exit');
      } catch {
        // already gone
      }
      conn.dispose();
      proc.kill();
    },
  };
  return session;
}

/** A session on the example with its report open and analysed once. */
export async function startWithReport(opts: SessionOptions = {}): Promise<{ s: Session; report: { uri: string; text: string } }> {
  const s = await startSession(opts);
  const report = await s.open('rapport.md');
  await s.waitDiagnostics(report.uri);
  return { s, report };
}

export function codes(ds: Diagnostic[]): string[] {
  return ds.map((d) => String(d.code));
}

/** Line/character of the first occurrence of `needle` in `text`. */
export function posOf(text: string, needle: string, delta = 0): { line: number; character: number } {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`'${needle}' not in text`);
  const before = text.slice(0, i + delta);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - before.lastIndexOf('\n') - 1 };
}
