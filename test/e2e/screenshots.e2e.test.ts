import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { openFile, quietForScreenshot, runCommand, selectByFind, startHost, waitUntil } from '../../scripts/host/e2e-host';
import type { Host } from '../../scripts/host/e2e-host';
import { parseSidecar } from '../../src/core/sidecar/parseSidecar';
import { screenshotFolder } from './screenshotFolder';

const root = path.resolve(__dirname, '..', '..');

/** A temporary copy of samples/, so the runs never write into the repository's samples. */
function samplesCopy(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'tawsim-shots-'));
  for (const f of fs.readdirSync(path.join(root, 'samples'))) fs.copyFileSync(path.join(root, 'samples', f), path.join(folder, f));
  return folder;
}

/** Shows Tawsim's side bar (the Annotations and Review views). */
async function showTawsimViews(page: Page): Promise<void> {
  const icon = page.locator('.activitybar .action-item a[aria-label^="Tawsim"]').first();
  await icon.waitFor({ timeout: 30_000 });
  const selected = await icon.evaluate((a) => a.closest('.action-item')?.classList.contains('checked') ?? false);
  if (!selected) await icon.click();
  await page
    .locator('.pane-header', { hasText: /Annotations/i })
    .first()
    .waitFor();
}

/** Rows of one view in the side bar, found by its title. */
function viewRows(page: Page, title: RegExp): ReturnType<Page['locator']> {
  return page
    .locator('.pane')
    .filter({ has: page.locator('.pane-header', { hasText: title }) })
    .locator('.pane-body .monaco-list-row');
}

/** The frame holding a webview's page (webviews nest an iframe inside an iframe). */
async function webviewFrame(page: Page, selector: string): Promise<Frame> {
  return waitUntil(`a webview frame showing ${selector}`, async () => {
    for (const frame of page.frames()) {
      if (await frame.$(selector).catch(() => null)) return frame;
    }
    return undefined;
  });
}

describe('README screenshots in the browser-hosted VS Code', function () {
  this.timeout(600_000);
  let host: Host | undefined;

  before(async () => {
    host = await startHost({ folder: samplesCopy(), viewport: { width: 1280, height: 720 } });
  });

  after(async () => {
    await host?.close();
  });

  it('suggestions: dashed underlines in an article without a sidecar, beside the Annotations view', async () => {
    const page = (host as Host).page;
    await openFile(page, 'doha-football-cup.txt');
    await showTawsimViews(page);
    // Suggestions are overlay boxes with a dashed bottom border, never inline styling.
    const dashed = await page
      .waitForFunction(
        () => Array.from(document.querySelectorAll('.editor-instance .view-overlays div')).filter((n) => getComputedStyle(n).borderBottomStyle === 'dashed').length,
        undefined,
        { timeout: 30_000 },
      )
      .then((h) => h.jsonValue());
    assert.ok(dashed > 3, `dashed suggestion boxes: ${dashed}`);
    // The Annotations view lists the samples that have sidecars.
    await viewRows(page, /Annotations/i)
      .first()
      .waitFor({ timeout: 30_000 });
    assert.ok((await viewRows(page, /Annotations/i).count()) >= 2, 'the Annotations view lists the annotated samples');
    await quietForScreenshot(page);
    await page.screenshot({ path: path.join(screenshotFolder(), 'suggestions.png') });
  });

  it('review: three annotators compared on rabat-water-summit.txt, disagreements in the Review view', async () => {
    const page = (host as Host).page;
    await openFile(page, 'rabat-water-summit.txt');
    await runCommand(page, 'Tawsim: Review…');
    // The annotator pick: every sidecar beside the text is ticked; accept it.
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await page.locator('.quick-input-list .monaco-list-row').first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    const rows = viewRows(page, /^\s*Review/i);
    await waitUntil('the Review view to list the document and its disagreements', async () => (await rows.count()) >= 3);
    await quietForScreenshot(page);
    await page.screenshot({ path: path.join(screenshotFolder(), 'review.png') });
  });

  it('statistics: the webview with progress and charts', async () => {
    const page = (host as Host).page;
    await runCommand(page, 'Tawsim: Annotation Statistics');
    await page.locator('iframe.webview').first().waitFor({ timeout: 30_000 });
    const frame = await webviewFrame(page, '.chart-row');
    assert.ok((await frame.$$('.chart-row')).length >= 6, 'a bar per label');
    assert.ok((await frame.$$('.progress')).length === 2, 'annotated and reviewed progress');
    await quietForScreenshot(page);
    await page.screenshot({ path: path.join(screenshotFolder(), 'statistics.png') });
  });
});

interface LauncherModule {
  startServer(options: { extensionsDir?: string }): Promise<{ tmp: string; stop(): Promise<void> }>;
  launchBrowser(home: string): Promise<Browser>;
  workbenchUrl(server: unknown, options: { folder?: string }): string;
}

/**
 * The browser build in VS Code's web worker extension host. code-server runs an extension that has
 * a `main` in its Node host, even with `extensionKind: ["web"]`, and a development path always goes
 * there too; an installed copy whose manifest has only `browser` can run nowhere else, so this is
 * how the web worker host is reached here. It must load dist/web/extension.js and work through
 * `workspace.fs` alone (the files are on the server, behind vscode-remote URIs).
 */
describe('the browser build in the web worker extension host', function () {
  this.timeout(600_000);
  // launcher.js stays plain CommonJS because test-electron executes it directly.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const launcher = require('../../scripts/host/launcher.js') as LauncherModule;
  let stop: (() => Promise<void>) | undefined;

  after(async () => {
    await stop?.();
  });

  it('loads dist/web/extension.js, tags a span, writes the sidecar, lists it in the Annotations view', async () => {
    assert.ok(fs.existsSync(path.join(root, 'dist', 'web', 'extension.js')), 'the browser build exists (npm run build)');
    const folder = samplesCopy();
    const extensions = fs.mkdtempSync(path.join(os.tmpdir(), 'tawsim-web-exts-'));
    const target = path.join(extensions, 'tawsim.tawsim-0.1.0');
    fs.mkdirSync(target);
    for (const f of ['package.json', 'package.nls.json', 'package.nls.ar.json', 'dist', 'media', 'l10n', 'syntaxes', 'language-configuration.json', 'walkthrough', 'samples'])
      fs.cpSync(path.join(root, f), path.join(target, f), { recursive: true });
    const manifest = JSON.parse(fs.readFileSync(path.join(target, 'package.json'), 'utf8')) as Record<string, unknown>;
    assert.equal(manifest['browser'], './dist/web/extension.js', 'package.json names the browser entry');
    delete manifest['main'];
    fs.writeFileSync(path.join(target, 'package.json'), JSON.stringify(manifest, null, 2));

    const server = await launcher.startServer({ extensionsDir: extensions });
    const browser = await launcher.launchBrowser(path.join(server.tmp, 'home'));
    stop = async (): Promise<void> => {
      await browser.close().catch(() => undefined);
      await server.stop();
      fs.rmSync(extensions, { recursive: true, force: true });
    };
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const loaded: string[] = [];
    page.context().on('request', (r) => {
      // The resource path may arrive encoded in the query.
      const url = decodeURIComponent(r.url());
      if (url.includes('dist/web/extension.js')) loaded.push(url);
    });
    await page.goto(launcher.workbenchUrl(server, { folder }));
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });

    await openFile(page, 'doha-football-cup.txt');
    await selectByFind(page, 'الدوحة');
    // The palette is opened again until the web worker host has scanned the extension.
    await runCommand(page, 'Tawsim: Tag Selection…');
    const input = page.locator('.quick-input-widget input');
    // The label pick follows in the same widget, so the palette's closing is not waited for.
    await page.locator('.quick-input-widget input[placeholder^="Label"]').waitFor();
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'LOC' }).first().click();

    const sidecar = path.join(folder, 'doha-football-cup.txt.ann.yaml');
    await waitUntil('the sidecar to be written through workspace.fs with the new LOC span', () => {
      const parsed = fs.existsSync(sidecar) ? parseSidecar(fs.readFileSync(sidecar, 'utf8')).sidecar : undefined;
      return parsed?.annotations.some((a) => a.label === 'LOC' && a.text === 'الدوحة' && a.start === 0);
    });
    assert.ok(loaded.length > 0, 'the web worker host fetched dist/web/extension.js');
    await showTawsimViews(page);
    await viewRows(page, /Annotations/i)
      .first()
      .waitFor({ timeout: 30_000 });
    assert.ok((await viewRows(page, /Annotations/i).count()) >= 3, 'the Annotations view lists the samples, the new sidecar included');

    // Review reads the other annotators' sidecars through workspace.fs too.
    await openFile(page, 'rabat-water-summit.txt');
    await page.keyboard.press('F1');
    await input.waitFor();
    await input.fill('>Tawsim: Review…');
    await page
      .locator('.quick-input-list .monaco-list-row .label-name', { hasText: /^Tawsim: Review…$/ })
      .first()
      .click();
    await page.locator('.quick-input-widget input[placeholder^="Annotators"]').waitFor();
    await page.keyboard.press('Enter');
    await viewRows(page, /^\s*Review/i)
      .nth(2)
      .waitFor({ timeout: 30_000 });

    // The statistics page loads its script and stylesheet from the extension's media folder.
    await runCommand(page, 'Tawsim: Annotation Statistics');
    const frame = await webviewFrame(page, '.chart-row');
    assert.ok((await frame.$$('.progress')).length === 2, 'the statistics page rendered');
  });
});
