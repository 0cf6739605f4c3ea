/**
 * A language-server session for the robustness tests, like the protocol
 * harness (tests/protocol/harness.ts) but with what those tests need on top:
 * the client capabilities (workspace folders), extra Node options for the
 * server process (a preload that blocks the network), every request timed,
 * and the server's stderr and exit kept.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { PublishDiagnosticsParams, InitializeResult } from 'vscode-languageserver-protocol';

export const SERVER = resolve(__dirname, '../../dist/server.js');

export interface Server {
  conn: MessageConnection;
  proc: ChildProcess;
  root: string;
  init: InitializeResult;
  diagnostics: Map<string, PublishDiagnosticsParams[]>;
  logs: string[];
  progress: Array<{ token: string | number; value: { kind: string; message?: string; title?: string }; at: number }>;
  stderr: string[];
  exited: Promise<number | null>;
  uri(file: string): string;
  open(file: string, text: string, version?: number): Promise<string>;
  waitDiagnostics(uri: string, pred?: (p: PublishDiagnosticsParams) => boolean, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
  close(): Promise<void>;
}

export interface ServerOptions {
  root: string;
  /** More client capabilities (merged into `workspace`). */
  workspaceCapabilities?: Record<string, unknown>;
  /** Node options for the server process (e.g. `--require` a preload). */
  execArgv?: string[];
  settings?: Record<string, unknown>;
  locale?: string;
}

export async function startServer(opts: ServerOptions): Promise<Server> {
  const proc = spawn(process.execPath, [...(opts.execArgv ?? []), SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const stderr: string[] = [];
  proc.stderr!.on('data', (d: Buffer) => stderr.push(d.toString()));
  const exited = new Promise<number | null>((r) => proc.on('exit', (code) => r(code)));
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  const diagnostics = new Map<string, PublishDiagnosticsParams[]>();
  const waiters: Array<() => void> = [];
  const logs: string[] = [];
  const progress: Server['progress'] = [];
  conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    diagnostics.set(p.uri, [...(diagnostics.get(p.uri) ?? []), p]);
    for (const w of waiters.splice(0)) w();
  });
  conn.onNotification('window/logMessage', (p: { message: string }) => {
    logs.push(p.message);
  });
  conn.onNotification('$/progress', (p: { token: string | number; value: Server['progress'][number]['value'] }) => {
    progress.push({ ...p, at: performance.now() });
  });
  conn.onNotification('toetssteen/status', () => undefined);
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => opts.settings ?? {}));
  conn.onRequest('client/registerCapability', () => null);
  conn.listen();
  const rootUri = pathToFileURL(opts.root).toString();
  const init = await conn.sendRequest<InitializeResult>('initialize', {
    processId: process.pid,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'project' }],
    locale: opts.locale ?? 'nl',
    capabilities: { workspace: { configuration: true, ...(opts.workspaceCapabilities ?? {}) }, window: { workDoneProgress: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
  });
  await conn.sendNotification('initialized', {});
  const server: Server = {
    conn,
    proc,
    root: opts.root,
    init,
    diagnostics,
    logs,
    progress,
    stderr,
    exited,
    uri: (file) => pathToFileURL(resolve(opts.root, file)).toString(),
    async open(file, text, version = 1) {
      const uri = server.uri(file);
      await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: file.endsWith('.txt') ? 'plaintext' : 'markdown', version, text } });
      return uri;
    },
    waitDiagnostics(uri, pred = () => true, timeoutMs = 20000) {
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
  return server;
}

/** Times a request. */
export async function timed<R>(p: Promise<R>): Promise<{ ms: number; result: R }> {
  const t0 = performance.now();
  const result = await p;
  return { ms: performance.now() - t0, result };
}
