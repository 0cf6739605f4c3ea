/**
 * The extension in the real VS Code workbench: code-server (VS Code's
 * workbench and Node extension host) with the extension installed from
 * dist/toetssteen.vsix, driven through Debian's Chromium by playwright-core.
 *
 * On a copy of examples/: open rapport.md, see the broken reference
 * "(zie conclusie 9)" in the Problems panel and as a squiggle on its line,
 * hover it, read the status bar, apply the quick fix with Ctrl+., save, and
 * find the fix on disk. Screenshots go to out/e2e/.
 *
 * The display language is English (`--locale en`, toetssteen.messages left on
 * `auto`), so the messages are the English ones.
 *
 * Everything stays on 127.0.0.1: code-server binds there, Chromium resolves
 * no other host, and the extension gallery points at a closed loopback port.
 */
import { describe, it, expect, afterAll } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM, CODE_SERVER, cleanEnv, EXAMPLES, NODE24_BIN, OUT, VSIX, ensureSetup, ensureVsix, killGroup, lap, requireSystemFile, run, sleep, stopGroup } from './support';
import { loadChromium, type Browser, type Page } from './playwright';

const DIAG_MESSAGE = 'Reference to conclusion 9';
const FIX_TITLE = 'Ignore structure/broken-reference on this line';
const FIX_COMMENT = ' <!-- toetssteen-disable-line structure/broken-reference -->';
const REF_TEXT = 'conclusie 9';

// The functions given to page.evaluate run in the browser; these module-local declarations type
// the little of the DOM they use (the tests' tsconfig has no DOM library).
interface DomRect { left: number; top: number; bottom: number; width: number; height: number }
interface DomNode { textContent: string | null }
interface DomText extends DomNode { data: string }
interface DomElement extends DomNode {
  className: string;
  getBoundingClientRect(): DomRect;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): Iterable<DomElement>;
}
declare const document: DomElement & {
  createTreeWalker(root: DomElement, whatToShow: number): { nextNode(): DomNode | null };
  createRange(): { setStart(node: DomText, offset: number): void; setEnd(node: DomText, offset: number): void; getBoundingClientRect(): DomRect };
};
declare const NodeFilter: { SHOW_TEXT: number };

let cs: ChildProcess | undefined;
let browser: Browser | undefined;
let tmp: string | undefined;
// A vitest worker that dies must not leave code-server's process group behind.
const onExit = (): void => killGroup(cs, 'SIGKILL');
process.on('exit', onExit);

async function cleanup(): Promise<void> {
  await browser?.close().catch(() => undefined);
  browser = undefined;
  await stopGroup(cs);
  cs = undefined;
  if (tmp) rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
  tmp = undefined;
}

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.on('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => res(port));
    });
  });
}

async function waitHttp(url: string, ms: number, isAlive: () => boolean): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (!isAlive()) throw new Error(`code-server exited before ${url} answered (see out/e2e/code-server.log)`);
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      // not yet
    }
    await sleep(200);
  }
  throw new Error(`no answer from ${url} within ${ms / 1000} s (see out/e2e/code-server.log)`);
}

/** The rectangle of `needle` inside the editor's rendered line that contains `lineText` (viewport coordinates). */
function textRect(page: Page, lineText: string, needle: string) {
  return page.evaluate(
    ([lt, nd]) => {
      const ed = document.querySelector('.editor-instance .monaco-editor');
      const line = ed && [...ed.querySelectorAll('.view-lines .view-line')].find((l) => (l.textContent ?? '').replace(/\u00a0/g, ' ').includes(lt));
      if (!line) return null;
      // Monaco splits a line into token spans: find the needle across the text nodes.
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      const nodes: DomText[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as DomText);
      const all = nodes.map((n) => n.data).join('').replace(/\u00a0/g, ' ');
      const at = all.indexOf(nd);
      if (at < 0) return null;
      const locate = (offset: number): [DomText, number] => {
        let o = offset;
        for (const n of nodes) {
          if (o <= n.data.length) return [n, o];
          o -= n.data.length;
        }
        const last = nodes[nodes.length - 1];
        return [last, last.data.length];
      };
      const range = document.createRange();
      range.setStart(...locate(at));
      range.setEnd(...locate(at + nd.length));
      const r = range.getBoundingClientRect();
      const lr = line.getBoundingClientRect();
      return { x: r.left, y: r.top, width: r.width, height: r.height, lineTop: lr.top, lineBottom: lr.bottom };
    },
    [lineText, needle] as [string, string],
  );
}

describe('VS Code (code-server) with the extension from the .vsix', () => {
  // Setup is a test of its own (not a beforeAll), so that a missing system package or a failed install
  // is counted as a failure with its message, and the next test fails at once instead of being skipped.
  let ready = false;
  it('sets up code-server (Node 24), playwright-core and dist/toetssteen.vsix', async () => {
    requireSystemFile(CHROMIUM, 'chromium');
    await ensureSetup();
    await ensureVsix();
    ready = true;
  }, 10 * 60_000);

  afterAll(async () => {
    await cleanup();
    process.off('exit', onExit);
  }, 60_000);

  it('shows the diagnostic, squiggle, hover and status bar, and applies the quick fix', async () => {
    if (!ready) throw new Error('the setup above failed; see its error');
    mkdirSync(OUT, { recursive: true });
    tmp = mkdtempSync(join(tmpdir(), 'toetssteen-vscode-'));
    const ws = join(tmp, 'ws');
    const ud = join(tmp, 'user-data');
    const ext = join(tmp, 'extensions');
    const cfg = join(tmp, 'code-server.yaml');
    cpSync(EXAMPLES, ws, { recursive: true });
    mkdirSync(join(ud, 'User'), { recursive: true });
    mkdirSync(join(tmp, 't'));
    writeFileSync(cfg, 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n');
    writeFileSync(
      join(ud, 'User', 'settings.json'),
      JSON.stringify(
        {
          'workbench.startupEditor': 'none',
          'security.workspace.trust.enabled': false,
          'telemetry.telemetryLevel': 'off',
          'update.mode': 'none',
          'extensions.ignoreRecommendations': true,
          'extensions.autoCheckUpdates': false,
          'extensions.autoUpdate': false,
          'workbench.tips.enabled': false,
          'workbench.enableExperiments': false,
          'chat.disableAIFeatures': true,
          'files.autoSave': 'off',
          'workbench.secondarySideBar.defaultVisibility': 'hidden',
          'editor.hover.delay': 300,
          'toetssteen.messages': 'auto',
        },
        null,
        2,
      ),
    );
    const rapport = join(ws, 'rapport.md');
    const original = readFileSync(rapport, 'utf8');
    const lines = original.split('\n');
    const refLine = lines.findIndex((l) => l.startsWith(`${REF_TEXT})`));
    expect(refLine, `a line starting with "${REF_TEXT})" in examples/rapport.md`).toBeGreaterThan(0);
    const expected = lines.map((l, i) => (i === refLine ? l + FIX_COMMENT : l)).join('\n');

    // code-server writes into $HOME, $XDG_* and $TMPDIR: keep all of it in the run's folder.
    const env: NodeJS.ProcessEnv = {
      ...cleanEnv(),
      PATH: `${NODE24_BIN}:${process.env.PATH}`,
      TMPDIR: join(tmp, 't'),
      XDG_CONFIG_HOME: join(tmp, 'xdg-config'),
      XDG_DATA_HOME: join(tmp, 'xdg-data'),
      XDG_CACHE_HOME: join(tmp, 'xdg-cache'),
      EXTENSIONS_GALLERY: JSON.stringify({ serviceUrl: 'http://127.0.0.1:9/gallery', itemUrl: 'http://127.0.0.1:9/item' }),
    };
    const common = ['--config', cfg, '--user-data-dir', ud, '--extensions-dir', ext];

    let s = Date.now();
    const inst = run(CODE_SERVER, [...common, '--install-extension', VSIX], env);
    expect(inst.status, `code-server --install-extension:\n${inst.out}`).toBe(0);
    expect(inst.out).toMatch(/successfully installed/);
    const listed = run(CODE_SERVER, [...common, '--list-extensions', '--show-versions'], env);
    expect(listed.out).toMatch(/^toetssteen\.toetssteen@\d/m);
    lap(`extension installed from dist/toetssteen.vsix in ${((Date.now() - s) / 1000).toFixed(1)} s`);

    const port = await freePort();
    const csLog = createWriteStream(join(OUT, 'code-server.log'));
    cs = spawn(
      CODE_SERVER,
      [
        ...common,
        '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--locale', 'en',
        '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
        '--ignore-last-opened',
      ],
      { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true }, // own process group: killed whole at the end
    );
    cs.stdout!.pipe(csLog);
    cs.stderr!.pipe(csLog);
    let csExited = false;
    cs.on('exit', () => (csExited = true));
    s = Date.now();

    try {
      await waitHttp(`http://127.0.0.1:${port}/healthz`, 60_000, () => !csExited);
      lap(`code-server up on 127.0.0.1:${port} in ${((Date.now() - s) / 1000).toFixed(1)} s`);

      browser = await loadChromium().launch({
        executablePath: CHROMIUM,
        headless: true,
        timeout: 60_000,
        env: { ...cleanEnv(), HOME: tmp, TMPDIR: join(tmp, 't'), XDG_CONFIG_HOME: join(tmp, 'xdg-config'), XDG_CACHE_HOME: join(tmp, 'xdg-cache') },
        args: [
          '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
          '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
          '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
        ],
      });
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      const page = await context.newPage();
      page.setDefaultTimeout(60_000);
      const consoleErrors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') consoleErrors.push(m.text());
      });

      try {
        await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(ws)}`);
        await page.locator('.monaco-workbench').waitFor();
        await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'rapport.md' }).waitFor();
        lap('workbench loaded; the explorer lists rapport.md');

        // Quick Open (Ctrl+P) → rapport.md
        await page.locator('.monaco-workbench').click({ position: { x: 700, y: 400 } }).catch(() => undefined);
        await page.keyboard.press('Control+P');
        const quickInput = page.locator('.quick-input-widget input');
        await quickInput.waitFor();
        await quickInput.fill('rapport.md');
        await page.locator('.quick-input-list .monaco-list-row', { hasText: 'rapport.md' }).first().waitFor();
        await page.keyboard.press('Enter');
        const editor = page.locator('.editor-instance .monaco-editor').first();
        await editor.locator('.view-lines', { hasText: 'Grip op schulden' }).waitFor();
        lap('rapport.md open in the editor');

        // Problems panel: the toetssteen diagnostic, in English.
        await page.keyboard.press('Control+Shift+M');
        const problems = page.locator('.markers-panel');
        const row = problems.locator('.monaco-list-row', { hasText: DIAG_MESSAGE }).first();
        await row.waitFor({ timeout: 90_000 });
        const rowText = (await row.innerText()).replace(/\s+/g, ' ');
        lap(`Problems panel: "${rowText}"`);
        expect(rowText).toContain('toetssteen');
        expect(rowText).toContain('structure/broken-reference');
        expect(rowText).toContain(`Ln ${refLine + 1}`);

        // Go to the reference (Ctrl+G line:column): the cursor lands inside the diagnostic's range.
        await page.keyboard.press('Control+G');
        await quickInput.waitFor();
        await quickInput.fill(`:${refLine + 1}:3`);
        await page.keyboard.press('Enter');
        await editor.locator('.view-lines', { hasText: `${REF_TEXT})` }).waitFor();

        // A squiggle on that line, under "conclusie 9".
        const squiggle = await page.waitForFunction(
          ([lt]) => {
            const ed = document.querySelector('.editor-instance .monaco-editor');
            const line = ed && [...ed.querySelectorAll('.view-lines .view-line')].find((l) => (l.textContent ?? '').replace(/\u00a0/g, ' ').startsWith(lt));
            if (!ed || !line) return null;
            const lr = line.getBoundingClientRect();
            const hit = [...ed.querySelectorAll('.squiggly-warning, .squiggly-error')].find((e) => {
              const r = e.getBoundingClientRect();
              return r.width > 0 && r.top < lr.bottom && r.bottom > lr.top;
            });
            return hit ? { cls: hit.className, left: hit.getBoundingClientRect().left - lr.left, width: hit.getBoundingClientRect().width } : null;
          },
          [`${REF_TEXT})`] as [string],
          { timeout: 30_000, polling: 200 },
        );
        const sq = (await squiggle.jsonValue()) as { cls: string; left: number; width: number };
        lap(`squiggle on line ${refLine + 1}: ${JSON.stringify(sq)}`);
        expect(sq.cls).toMatch(/squiggly-warning/);
        expect(sq.left).toBeLessThan(5);

        // Status bar: the document's counts (9 questions, 8 conclusions, 6 recommendations).
        const status = page.locator('.statusbar-item', { has: page.locator('.codicon-law') }).first();
        await status.waitFor();
        const statusText = (await status.innerText()).replace(/\s+/g, ' ').trim();
        lap(`status bar: "${statusText}"`);
        expect(statusText).toMatch(/9Q 8C 6R \d+/);

        // Hover on "conclusie 9": the server's card for the missing target, with the diagnostic.
        const hover = page.locator('.monaco-hover', { hasText: 'not found in the project' }).first();
        for (let attempt = 1; ; attempt++) {
          const r = await textRect(page, `${REF_TEXT})`, REF_TEXT);
          if (!r) throw new Error(`"${REF_TEXT}" is not rendered in the editor`);
          await page.mouse.move(r.x + r.width / 2, r.y - 40, { steps: 2 });
          await page.mouse.move(r.x + r.width / 2, r.y + r.height / 2, { steps: 4 });
          try {
            await hover.waitFor({ state: 'visible', timeout: 5_000 });
            break;
          } catch (e) {
            if (attempt >= 3) throw e;
            const shown = await page.evaluate(() => [...document.querySelectorAll('.monaco-hover')].map((h) => (h.textContent ?? '').slice(0, 80)), null);
            lap(`no hover yet (attempt ${attempt}; mouse at ${JSON.stringify(r)}; hovers: ${JSON.stringify(shown)}), retrying`);
            await page.mouse.move(5, 5);
            await sleep(1_000);
          }
        }
        const hoverText = (await hover.innerText()).replace(/\s+/g, ' ');
        lap(`hover: "${hoverText.slice(0, 160)}"`);
        expect(hoverText).toContain('C9');
        expect(hoverText).toContain(DIAG_MESSAGE);
        await page.screenshot({ path: join(OUT, 'vscode-diagnostic.png') });
        await page.mouse.move(5, 5);
        await page.keyboard.press('Escape');

        // Quick fix: Ctrl+. at the diagnostic, choose Toetssteen's fix. Ctrl+. now and then opens no menu
        // (about 2 in 50 presses): Escape, click back into the line, try again (3 attempts).
        const fixItem = page.locator('.action-widget .monaco-list-row', { hasText: FIX_TITLE }).first();
        for (let attempt = 1; ; attempt++) {
          await page.keyboard.press('Control+.');
          try {
            await fixItem.waitFor({ timeout: 5_000 });
            break;
          } catch (e) {
            if (attempt >= 3) throw e;
            lap(`quick-fix menu did not open (attempt ${attempt}), retrying`);
            await page.screenshot({ path: join(OUT, `vscode-retry-${attempt}.png`) });
            await page.keyboard.press('Escape');
            const r = await textRect(page, `${REF_TEXT})`, REF_TEXT);
            if (r) await page.mouse.click(r.x + r.width / 4, r.y + r.height / 2);
            await sleep(1_000);
          }
        }
        lap(`quick-fix menu lists "${FIX_TITLE}"`);
        await fixItem.click();
        await editor.locator('.view-lines', { hasText: 'toetssteen-disable-line structure/broken-reference' }).waitFor();

        // A quick fix edits the buffer only: save, then read the disk.
        await page.keyboard.press('Control+S');
        let onDisk = '';
        for (const end = Date.now() + 20_000; Date.now() < end; await sleep(100)) {
          onDisk = readFileSync(rapport, 'utf8');
          if (onDisk !== original) break;
        }
        expect(onDisk === expected, `rapport.md on disk: line ${refLine + 1} is ${JSON.stringify(onDisk.split('\n')[refLine])}`).toBe(true);
        lap(`saved; line ${refLine + 1} on disk: ${JSON.stringify(onDisk.split('\n')[refLine])}`);

        // The server honours the directive: the diagnostic leaves the Problems panel.
        await problems.locator('.monaco-list-row', { hasText: DIAG_MESSAGE }).first().waitFor({ state: 'detached', timeout: 30_000 });
        lap('the diagnostic is gone from the Problems panel');
        await page.screenshot({ path: join(OUT, 'vscode.png') });
        lap(`screenshot out/e2e/vscode.png; ${consoleErrors.length} browser console errors (offline gallery and the like)`);
        for (const e of consoleErrors.slice(0, 10)) lap(`  console error: ${e.slice(0, 200)}`);
      } catch (e) {
        await page.screenshot({ path: join(OUT, 'vscode-failure.png') }).catch(() => undefined);
        throw e;
      }
    } finally {
      await cleanup();
      lap('code-server process group and browser stopped');
    }
  }, 5 * 60_000);
});
