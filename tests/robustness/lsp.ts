/**
 * A language-server session for the robustness tests: the protocol harness
 * (tests/protocol/harness.ts) on a folder used in place (not copied), with
 * `open` taking the text and a version and answering the URI.
 */
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { startSession, SERVER, type Session, type SessionOptions } from '../protocol/harness';

export { SERVER };

export interface Server extends Omit<Session, 'open'> {
  open(file: string, text: string, version?: number): Promise<string>;
  waitDiagnostics(uri: string, pred?: (p: PublishDiagnosticsParams) => boolean, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
}

export interface ServerOptions extends Omit<SessionOptions, 'folder' | 'copy'> {
  root: string;
}

export async function startServer(opts: ServerOptions): Promise<Server> {
  const { root, ...rest } = opts;
  const s = await startSession({ ...rest, folder: root, copy: false });
  return {
    ...s,
    async open(file, text, version = 1) {
      const uri = s.uri(file);
      await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: file.endsWith('.txt') ? 'plaintext' : 'markdown', version, text } });
      return uri;
    },
    waitDiagnostics: (uri, pred, timeoutMs = 20000) => s.waitDiagnostics(uri, pred, timeoutMs),
  };
}

/** Times a request. */
export async function timed<R>(p: Promise<R>): Promise<{ ms: number; result: R }> {
  const t0 = performance.now();
  const result = await p;
  return { ms: performance.now() - t0, result };
}
