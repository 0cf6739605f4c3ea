/**
 * The client's restart decisions (client/src/restart.ts): a stopped server
 * is restarted up to MAX_RESTARTS times within RESTART_WINDOW_MS, the user is
 * told once at the first restart, and after the limit the server stays
 * stopped with one error message; errors that only say the server is gone
 * leave the decision to the close. Driven by a fake clock.
 */
import { describe, it, expect } from 'vitest';
import { RestartPolicy, MAX_RESTARTS, RESTART_WINDOW_MS, MAX_CONNECTION_ERRORS, CONNECTION_GONE_CODES, type RestartNotice } from '../../client/src/restart';

function policy(start = 1_000_000): { p: RestartPolicy; notices: RestartNotice[]; advance: (ms: number) => void } {
  let t = start;
  const notices: RestartNotice[] = [];
  const p = new RestartPolicy({ notify: (n) => notices.push(n), now: () => t });
  return { p, notices, advance: (ms) => (t += ms) };
}

describe('restart policy', () => {
  it('has the limits the extension documents', () => {
    expect(MAX_RESTARTS).toBe(5);
    expect(RESTART_WINDOW_MS).toBe(180_000);
    expect(MAX_CONNECTION_ERRORS).toBe(3);
  });

  it('restarts crashes within the window up to the limit, telling the user once, at the first', () => {
    const { p, notices, advance } = policy();
    expect(p.closed()).toBe('restart');
    expect(notices).toEqual(['restarting']);
    for (let i = 1; i < MAX_RESTARTS; i++) {
      advance(1000);
      expect(p.closed()).toBe('restart');
    }
    expect(notices).toEqual(['restarting']);
  });

  it('gives up after the limit with exactly one error message', () => {
    const { p, notices, advance } = policy();
    for (let i = 0; i < MAX_RESTARTS; i++) {
      expect(p.closed()).toBe('restart');
      advance(1000);
    }
    expect(p.closed()).toBe('doNotRestart');
    expect(notices).toEqual(['restarting', 'gaveUp']);
  });

  it('tells both at once when the very first crash is already over the limit', () => {
    let t = 0;
    const notices: RestartNotice[] = [];
    const p = new RestartPolicy({ notify: (n) => notices.push(n), now: () => t, maxRestarts: 0 });
    t = 5;
    expect(p.closed()).toBe('doNotRestart');
    expect(notices).toEqual(['restarting', 'gaveUp']);
  });

  it('keeps restarting crashes spread out over time (each outside the window of the others)', () => {
    const { p, notices, advance } = policy();
    for (let i = 0; i < 5 * MAX_RESTARTS; i++) {
      expect(p.closed()).toBe('restart');
      advance(RESTART_WINDOW_MS);
    }
    expect(notices).toEqual(['restarting']);
  });

  it('counts only the crashes inside the sliding window', () => {
    const { p, notices, advance } = policy();
    // MAX_RESTARTS - 1 crashes, then a pause that lets the first one age out of the window.
    for (let i = 0; i < MAX_RESTARTS - 1; i++) {
      expect(p.closed()).toBe('restart');
      advance(10_000);
    }
    advance(RESTART_WINDOW_MS - (MAX_RESTARTS - 1) * 10_000);
    // The first crash is now exactly RESTART_WINDOW_MS old: out of the window, so two more fit.
    expect(p.closed()).toBe('restart');
    advance(1);
    expect(p.closed()).toBe('restart');
    advance(1);
    expect(p.closed()).toBe('doNotRestart');
    expect(notices).toEqual(['restarting', 'gaveUp']);
  });

  it('takes the time from Date.now when no clock is given', () => {
    const notices: RestartNotice[] = [];
    const p = new RestartPolicy({ notify: (n) => notices.push(n) });
    for (let i = 0; i < MAX_RESTARTS; i++) expect(p.closed()).toBe('restart');
    expect(p.closed()).toBe('doNotRestart');
    expect(notices).toEqual(['restarting', 'gaveUp']);
  });

  it('continues after up to three connection errors, then shuts down', () => {
    const { p, notices } = policy();
    expect(p.error(1)).toBe('continue');
    expect(p.error(2)).toBe('continue');
    expect(p.error(3)).toBe('continue');
    expect(p.error(4)).toBe('shutdown');
    expect(p.error(100)).toBe('shutdown');
    expect(p.error(undefined)).toBe('shutdown');
    expect(p.error(0)).toBe('shutdown');
    expect(notices).toEqual([]);
  });

  it('never shuts down on errors that say the server is gone: the close that follows restarts it', () => {
    // Messages written between the server's death and the connection's close fail with these codes; a
    // shutdown then would stop the client for good, without a restart or the notice.
    const { p, notices } = policy();
    for (const code of ['ERR_IPC_CHANNEL_CLOSED', 'EPIPE', 'ECONNRESET']) {
      expect(CONNECTION_GONE_CODES.has(code)).toBe(true);
      for (const count of [1, 2, 4, 6, 100, undefined]) expect(p.error(count, code)).toBe('continue');
    }
    expect(notices).toEqual([]);
    expect(p.closed()).toBe('restart');
    expect(notices).toEqual(['restarting']);
    // Other errors keep their limit.
    expect(p.error(4, 'ERR_INVALID_ARG_TYPE')).toBe('shutdown');
    expect(p.error(2, 'ERR_INVALID_ARG_TYPE')).toBe('continue');
  });
});
