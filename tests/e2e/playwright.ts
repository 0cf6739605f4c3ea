/**
 * playwright-core, loaded at run time: from the project's node_modules when it
 * is a dependency there, else from the e2e cache that tests/e2e/setup.sh
 * fills. The few types the VS Code test uses are declared here, so the
 * typecheck does not depend on the cache.
 */
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE, ROOT } from './support';

export interface WaitOptions {
  state?: 'attached' | 'detached' | 'visible' | 'hidden';
  timeout?: number;
}

export interface Locator {
  locator(selector: string, options?: { hasText?: string | RegExp; has?: Locator }): Locator;
  first(): Locator;
  waitFor(options?: WaitOptions): Promise<void>;
  click(options?: { position?: { x: number; y: number }; timeout?: number }): Promise<void>;
  fill(value: string): Promise<void>;
  innerText(): Promise<string>;
  count(): Promise<number>;
}

export interface Page extends Pick<Locator, 'locator'> {
  goto(url: string, options?: { timeout?: number }): Promise<unknown>;
  setDefaultTimeout(ms: number): void;
  on(event: 'console', listener: (m: { type(): string; text(): string }) => void): void;
  keyboard: { press(key: string): Promise<void>; type(text: string): Promise<void>; insertText(text: string): Promise<void> };
  mouse: { move(x: number, y: number, options?: { steps?: number }): Promise<void>; click(x: number, y: number): Promise<void> };
  screenshot(options: { path: string }): Promise<unknown>;
  evaluate<R, A>(fn: (arg: A) => R, arg: A): Promise<R>;
  waitForFunction<A>(fn: (arg: A) => unknown, arg: A, options?: { timeout?: number; polling?: number }): Promise<{ jsonValue(): Promise<unknown> }>;
}

export interface BrowserContext {
  newPage(): Promise<Page>;
  pages(): Page[];
}

export interface Browser {
  newContext(options?: { viewport?: { width: number; height: number } }): Promise<BrowserContext>;
  contexts(): BrowserContext[];
  close(): Promise<void>;
}

export interface Chromium {
  launch(options: { executablePath: string; headless: boolean; args: string[]; env?: Record<string, string | undefined>; timeout?: number }): Promise<Browser>;
}

export function loadChromium(): Chromium {
  const fromProject = createRequire(join(ROOT, 'package.json'));
  try {
    return (fromProject('playwright-core') as { chromium: Chromium }).chromium;
  } catch {
    // not a dependency of the project: use the cache
  }
  const cached = join(CACHE, 'tools/node_modules/playwright-core');
  if (!existsSync(cached)) throw new Error(`playwright-core not found in node_modules or ${cached}: run tests/e2e/setup.sh`);
  return (createRequire(join(CACHE, 'tools/package.json'))('playwright-core') as { chromium: Chromium }).chromium;
}
