import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { startTestRuntime } from './runtime.ts';
import type { TestRuntime } from './runtime.ts';

/**
 * Browser tests: the real runtime with the built web app (`npm run build` must have run: this helper
 * builds nothing) listening on 127.0.0.1 on a free port, and Debian's Chromium driven by
 * playwright-core (never a downloaded browser).
 */
export const BUILD_DIR = process.env.BUILD_DIR
  ? resolve(process.env.BUILD_DIR)
  : fileURLToPath(new URL('../../build', import.meta.url));
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

// Playwright refuses --user-data-dir in `args`; launch() itself gives every browser a fresh, temporary
// profile directory and deletes it on close, which is what the flag was for.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface BrowserEnv {
  rt: TestRuntime;
  baseUrl: string;
  browser: Browser;
  /** A page in a new, isolated context (own cookies); errors thrown in the page are collected in `pageErrors`. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  /** Uncaught errors and console errors seen by any page (hydration mismatches show up here). */
  pageErrors: string[];
  close(): Promise<void>;
}

export async function startBrowserEnv(env: Record<string, string> = {}): Promise<BrowserEnv> {
  if (!existsSync(join(BUILD_DIR, 'server', 'index.js'))) {
    throw new Error(
      `Browser tests need the built web app, but ${join(BUILD_DIR, 'server', 'index.js')} is missing: run "npm run build" first.`,
    );
  }
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM}: install it with "apt-get install -y chromium".`);

  // Embedded PGlite gets a private on-disk folder so parallel test files never share a database.
  const pgliteDir = process.env.DATABASE_URL ? undefined : mkdtempSync(join(tmpdir(), 'dvc-browser-'));
  const rt = await startTestRuntime(
    { ...(pgliteDir ? { DATA_DIR: pgliteDir } : {}), ...env },
    { web: { buildDir: BUILD_DIR } },
  );
  const address = await rt.app.listen({ host: '127.0.0.1', port: 0 });
  const baseUrl = new URL(address).origin;

  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];

  return {
    rt,
    baseUrl,
    browser,
    pageErrors,
    async newPage(options: BrowserContextOptions = {}) {
      const context = await browser.newContext({ baseURL: baseUrl, locale: 'vi-VN', ...options });
      contexts.push(context);
      const page = await context.newPage();
      page.on('pageerror', (err) => pageErrors.push(`${page.url()}: ${err.message}`));
      page.on('console', (msg) => {
        if (msg.type() === 'error' && !/status of 4\d\d/.test(msg.text()))
          pageErrors.push(`${page.url()}: ${msg.text()}`);
      });
      return page;
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
      await rt.stop();
      if (pgliteDir) rmSync(pgliteDir, { recursive: true, force: true });
    },
  };
}

/**
 * Waits until React has hydrated the page (root sets data-hydrated on <html>), so clicks go through
 * React Router; a page served without scripts (data-scripts="none") is ready as it loads.
 */
export async function hydrated(page: Page): Promise<void> {
  await page.waitForSelector('html[data-hydrated="true"], html[data-scripts="none"]', {
    timeout: 15_000,
    state: 'attached',
  });
}

/** A new page signed in to the back office as `who`, with or without JavaScript, at the given width. */
export async function officialPage(
  env: BrowserEnv,
  who: { username: string; password: string },
  options: { js?: boolean; width?: number } = {},
): Promise<Page> {
  const js = options.js ?? true;
  const page = await env.newPage({
    javaScriptEnabled: js,
    viewport: { width: options.width ?? 1280, height: 900 },
  });
  await page.goto('/mot-cua/dang-nhap');
  if (js) await hydrated(page);
  await page.getByLabel('Tên đăng nhập hoặc thư điện tử').fill(who.username);
  await page.getByLabel('Mật khẩu').fill(who.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((u) => u.pathname === '/mot-cua');
  return page;
}

/** True when the page is wider than the viewport (horizontal scrolling). */
export async function hasHorizontalScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core (WCAG 2.0/2.1 A and AA rules plus best practices) and returns serious and critical violations. */
export async function seriousA11yViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: AXE_PATH });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(ctx: Document, opts: object): Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/**
 * Presses a submit button and waits for the page it leads to: without JavaScript the new document;
 * with it the action's POST, the loaders' revalidation after it, and one frame for React to commit.
 */
export async function press(page: Page, name: string | RegExp, js: boolean): Promise<void> {
  const button = page.getByRole('button', { name, exact: typeof name === 'string' }).first();
  if (!js) {
    await Promise.all([page.waitForEvent('load'), button.click()]);
    return;
  }
  const posted = page.waitForResponse((r) => r.request().method() === 'POST');
  const loaded = page.waitForResponse((r) => r.request().method() === 'GET' && r.url().includes('.data'));
  await button.click();
  await posted;
  await loaded;
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))));
}
