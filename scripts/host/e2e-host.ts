/**
 * End-to-end UI checks: a code-server workbench in headless Chromium with the extension
 * loaded for development (the same `payload` mechanism the integration tests use), plus a
 * few helpers that drive it the way a user would.
 *
 *   const host = await startHost({ folder: '/tmp/ws' });
 *   await openFile(host.page, 'article.txt');
 *   await runCommand(host.page, 'Tawsim: Tag Selection');
 *   await host.close();
 */
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';

interface Server {
  port: number;
  base: string;
  tmp: string;
  stop(): Promise<void>;
}

interface LauncherModule {
  REPO_ROOT: string;
  startServer(options: { env?: Record<string, string>; verbose?: boolean; extensionsDir?: string }): Promise<Server>;
  launchBrowser(home: string): Promise<Browser>;
  workbenchUrl(server: Server, options: { folder?: string; extensionDevelopmentPaths?: string[] }): string;
}

// launcher.js stays plain CommonJS because test-electron executes it directly.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const launcher = require('./launcher.js') as LauncherModule;

export interface HostOptions {
  /** Folder to open in the workbench. */
  folder: string;
  /** Extensions to load for development; defaults to this repository, `[]` for none. */
  extensionPaths?: string[];
  /** Extensions folder of the server (an installed .vsix, for example); a fresh one when absent. */
  extensionsDir?: string;
  /** Extra environment for the server and so the extension host. */
  env?: Record<string, string>;
  /** Print the server's own output. */
  verbose?: boolean;
  viewport?: { width: number; height: number };
}

export interface Host {
  page: Page;
  url: string;
  /** The server's private folder: its user data (global storage included) lives in `user-data/`. */
  serverTmp: string;
  close(): Promise<void>;
}

export async function startHost(options: HostOptions): Promise<Host> {
  const server = await launcher.startServer({
    ...(options.extensionsDir ? { extensionsDir: options.extensionsDir } : {}),
    ...(options.env ? { env: options.env } : {}),
    verbose: options.verbose ?? false,
  });
  let browser: Browser | undefined;
  const close = async (): Promise<void> => {
    await browser?.close().catch(() => undefined);
    await server.stop();
  };
  try {
    browser = await launcher.launchBrowser(path.join(server.tmp, 'home'));
    const page = await browser.newPage({ viewport: options.viewport ?? { width: 1280, height: 800 } });
    const url = launcher.workbenchUrl(server, {
      folder: options.folder,
      extensionDevelopmentPaths: options.extensionPaths ?? [launcher.REPO_ROOT],
    });
    await page.goto(url);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    return { page, url, serverTmp: server.tmp, close };
  } catch (err) {
    await close();
    throw err;
  }
}

/**
 * Runs a command from the palette by its title, as shown there (with its category). An extension's
 * commands are listed only once its host has scanned it, so the palette is opened again until the
 * row is there (up to `timeoutMs`: a web worker host on a busy machine can take a minute or more).
 */
export async function runCommand(page: Page, title: string, timeoutMs = 180_000): Promise<void> {
  const exact = new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  const row = page
    .locator('.quick-input-list .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: exact }) })
    .first();
  const until = Date.now() + timeoutMs;
  for (;;) {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    const opened = await input.waitFor({ timeout: 3000 }).then(
      () => true,
      () => false,
    );
    if (!opened) {
      // A webview (its frame) can hold the keyboard focus and keep F1 from the workbench: give the
      // focus back to the workbench's own document and press again.
      await page.keyboard.press('Escape');
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      if (Date.now() > until) throw new Error(`the command palette never opened for "${title}"`);
      continue;
    }
    await input.fill(`>${title}`);
    if (
      await row.waitFor({ timeout: 3000 }).then(
        () => true,
        () => false,
      )
    )
      break;
    await page.keyboard.press('Escape');
    if (Date.now() > until) throw new Error(`"${title}" never appeared in the command palette`);
  }
  await row.click();
  // The palette closes, or the command opens a quick pick of its own in its place.
  await page.waitForFunction(() => {
    const widget = document.querySelector<HTMLElement>('.quick-input-widget');
    const input = widget?.querySelector('input');
    return !widget || widget.style.display === 'none' || !widget.offsetParent || !(input?.value ?? '').startsWith('>');
  });
}

/**
 * Selects the first occurrence of `text` in the active editor with the find widget (Escape leaves the
 * match selected). Right after a file opens the editor may not have focus yet, and then Ctrl+F goes
 * elsewhere: the steps are repeated until the editor shows a selection.
 */
export async function selectByFind(page: Page, text: string, timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  const shown = (locator: ReturnType<Page['locator']>): Promise<boolean> =>
    locator.waitFor({ timeout: 3000 }).then(
      () => true,
      () => false,
    );
  for (;;) {
    await page.locator('.editor-instance .view-lines').first().click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Control+F');
    if (await shown(page.locator('.editor-widget.find-widget.visible').first())) {
      await page.keyboard.press('Control+A');
      await page.keyboard.type(text);
      await page.keyboard.press('Enter');
      await page.keyboard.press('Escape');
      if (await shown(page.locator('.editor-instance .selected-text').first())) return;
    } else await page.keyboard.press('Escape');
    if (Date.now() > until) throw new Error(`"${text}" could not be selected with the find widget`);
  }
}

/** Opens a workspace file through Quick Open and waits for its editor tab. */
export async function openFile(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(name);
  await pickRow(page, path.basename(name));
  await page.locator(`.tab.active[data-resource-name="${path.basename(name)}"]`).waitFor();
}

/**
 * Picks the row labelled exactly `label` rather than pressing Enter: the list fills in
 * asynchronously (it first shows "No matching commands"), and the first row may be a longer
 * title that merely contains the wanted one.
 */
async function pickRow(page: Page, label: string): Promise<void> {
  const exact = new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  const row = page
    .locator('.quick-input-list .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: exact }) })
    .first();
  await row.click();
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/** Polls a condition (on the test's side) until it holds; fails naming it after the timeout. */
export async function waitUntil<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 60_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Moves the pointer away and waits until no hover is shown, so a screenshot shows the page itself. */
export async function quietForScreenshot(page: Page): Promise<void> {
  await page.mouse.move(5, 5);
  await page.locator('.monaco-hover:not(.hidden)').first().waitFor({ state: 'hidden', timeout: 30_000 });
}
