/**
 * The same language server in another editor: headless Neovim (Debian's
 * `neovim`, 0.7 or newer) with its built-in LSP client starts
 * `node dist/server.js --stdio` on a copy of examples/ and opens rapport.md
 * (tests/e2e/nvim-lsp.lua). Messages are asked for in Dutch.
 */
import { describe, it, expect, afterAll } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXAMPLES, NVIM, ROOT, SERVER_JS, killGroup, lap, requireBuiltServer, requireSystemFile, stopGroup } from './support';

const FIX_COMMENT = ' <!-- toetssteen-disable-line structure/broken-reference -->';

let nvim: ChildProcess | undefined;
let tmp: string | undefined;
const onExit = (): void => killGroup(nvim, 'SIGKILL');
process.on('exit', onExit);

afterAll(async () => {
  await stopGroup(nvim);
  if (tmp) rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
  process.off('exit', onExit);
});

/** Runs the Lua client; resolves with its output whatever the exit code (the test reads it). */
function runNvim(file: string, home: string, timeoutMs: number): Promise<{ code: number | null; out: string }> {
  return new Promise((res) => {
    let out = '';
    nvim = spawn(NVIM, ['--headless', '--clean', '-u', join(ROOT, 'tests/e2e/nvim-lsp.lua')], {
      cwd: home,
      // Neovim's state, log (lsp.log) and swap files stay in the run's folder.
      env: {
        ...process.env,
        TEST_MD: file,
        SERVER_JS,
        NODE: process.execPath,
        HOME: home,
        XDG_CONFIG_HOME: join(home, 'config'),
        XDG_DATA_HOME: join(home, 'data'),
        XDG_STATE_HOME: join(home, 'state'),
        XDG_CACHE_HOME: join(home, 'cache'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // own process group: the server goes with it
    });
    const p = nvim;
    p.stdout!.on('data', (b: Buffer) => (out += b.toString()));
    p.stderr!.on('data', (b: Buffer) => (out += b.toString()));
    const timer = setTimeout(() => {
      out += `\nTIMEOUT after ${timeoutMs / 1000} s`;
      killGroup(p, 'SIGKILL');
    }, timeoutMs);
    p.on('close', (code) => {
      clearTimeout(timer);
      res({ code, out });
    });
  });
}

describe('Neovim (built-in LSP client) with dist/server.js --stdio', () => {
  it('receives the report\'s diagnostics, a hover and the quick fix', async () => {
    requireSystemFile(NVIM, 'neovim');
    requireBuiltServer();
    tmp = mkdtempSync(join(tmpdir(), 'toetssteen-nvim-'));
    const ws = join(tmp, 'ws');
    const home = join(tmp, 'home');
    cpSync(EXAMPLES, ws, { recursive: true });
    mkdirSync(home);
    const file = join(ws, 'rapport.md');
    const original = readFileSync(file, 'utf8');

    const s = Date.now();
    let r = await runNvim(file, home, 60_000);
    // One retry for a run that did not get as far as the diagnostics (a slow start on a loaded machine).
    if (r.code !== 0 && /FAIL no structure\/broken-reference|TIMEOUT/.test(r.out)) {
      lap(`neovim run failed early, retrying once:\n${r.out}`);
      cpSync(join(EXAMPLES, 'rapport.md'), file);
      r = await runNvim(file, home, 60_000);
    }
    nvim = undefined;
    lap(`neovim finished in ${((Date.now() - s) / 1000).toFixed(1)} s:\n${r.out.trim()}`);
    expect(r.out).not.toMatch(/^FAIL/m);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(/^DONE$/m);

    const diags = r.out.split('\n').filter((l) => l.startsWith('DIAG '));
    const broken = diags.find((l) => l.includes(' structure/broken-reference '));
    expect(broken, r.out).toBeDefined();
    const lines = original.split('\n');
    const refLine = lines.findIndex((l) => l.startsWith('conclusie 9)'));
    // DIAG <line>:<col> <severity 2=warning> <code> <source> | <message>
    expect(broken).toMatch(new RegExp(`^DIAG ${refLine + 1}:1 2 structure/broken-reference toetssteen \\| Verwijzing naar conclusie 9`));
    expect(diags.some((l) => / 1 structure\/duplicate-id toetssteen \| /.test(l)), r.out).toBe(true);

    expect(r.out).toMatch(/^HOVER .*C9.*niet gevonden/m);
    expect(r.out).toMatch(/^ACTION Negeer structure\/broken-reference op deze regel$/m);
    expect(r.out).toContain(`LINE conclusie 9).${FIX_COMMENT}`);
    expect(r.out).toMatch(/^FIXED \d+$/m);

    // Written to disk by :write — exactly that line changed.
    const expected = lines.map((l, i) => (i === refLine ? l + FIX_COMMENT : l)).join('\n');
    expect(readFileSync(file, 'utf8') === expected).toBe(true);
  }, 3 * 60_000);
});
