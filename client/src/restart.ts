/**
 * When to restart a language server that stopped, as plain decisions: no
 * 'vscode' and no vscode-languageclient at runtime, so it can be tested
 * under Node. `extension.ts` maps the decisions onto the client's
 * `ErrorAction`/`CloseAction` and shows the messages.
 *
 * A stopped server is restarted up to `maxRestarts` times within
 * `windowMs`; the user is told once, at the first restart; once the limit is
 * reached the server stays stopped and the user is told that too. Errors
 * that only say the server is gone never stop the client: the close that
 * follows decides.
 */

export const MAX_RESTARTS = 5;
export const RESTART_WINDOW_MS = 3 * 60 * 1000;
/** Connection errors (a message that could not be read or written) tolerated before the client shuts the connection down. */
export const MAX_CONNECTION_ERRORS = 3;
/**
 * Error codes that say the server's end of the connection is gone (its process died or is dying). The
 * connection's close follows, and `closed()` decides about a restart: shutting down here instead would
 * stop the client for good, with no restart and without the notice (vscode-languageclient asks nothing
 * about a close during its own shutdown). Messages written between the death and the close fail with
 * these, and the IPC writer counts each failure twice, so two writes in that moment would be enough.
 */
export const CONNECTION_GONE_CODES: ReadonlySet<string> = new Set(['ERR_IPC_CHANNEL_CLOSED', 'EPIPE', 'ECONNRESET', 'ERR_STREAM_DESTROYED', 'ERR_STREAM_WRITE_AFTER_END']);

/** What to tell the user: the server is being restarted (once), or it will not be restarted again. */
export type RestartNotice = 'restarting' | 'gaveUp';
export type CloseDecision = 'restart' | 'doNotRestart';
export type ErrorDecision = 'continue' | 'shutdown';

export interface RestartPolicyOptions {
  notify: (notice: RestartNotice) => void;
  /** Milliseconds; `Date.now` unless given. */
  now?: () => number;
  maxRestarts?: number;
  windowMs?: number;
  maxConnectionErrors?: number;
}

export class RestartPolicy {
  private restarts: number[] = [];
  private told = false;
  private readonly now: () => number;
  private readonly maxRestarts: number;
  private readonly windowMs: number;
  private readonly maxConnectionErrors: number;

  constructor(private readonly opts: RestartPolicyOptions) {
    this.now = opts.now ?? Date.now;
    this.maxRestarts = opts.maxRestarts ?? MAX_RESTARTS;
    this.windowMs = opts.windowMs ?? RESTART_WINDOW_MS;
    this.maxConnectionErrors = opts.maxConnectionErrors ?? MAX_CONNECTION_ERRORS;
  }

  /**
   * An error on the connection; `count` is how many the client has seen in a row, `code` the error's
   * code (Node's `error.code`) when it has one.
   */
  error(count: number | undefined, code?: string): ErrorDecision {
    if (code !== undefined && CONNECTION_GONE_CODES.has(code)) return 'continue';
    return count && count <= this.maxConnectionErrors ? 'continue' : 'shutdown';
  }

  /** The server's connection closed (the process died or exited). */
  closed(): CloseDecision {
    const now = this.now();
    this.restarts = this.restarts.filter((t) => now - t < this.windowMs);
    if (!this.told) {
      this.told = true;
      this.opts.notify('restarting');
    }
    if (this.restarts.length >= this.maxRestarts) {
      this.opts.notify('gaveUp');
      return 'doNotRestart';
    }
    this.restarts.push(now);
    return 'restart';
  }
}
