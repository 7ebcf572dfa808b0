import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { openFile, quietForScreenshot, runCommand, selectByFind } from '../../scripts/host/e2e-host';
import { installVsix, packageVsix, startInstalledHost } from '../../scripts/host/vsix-host';
import type { Host } from '../../scripts/host/e2e-host';
import { parseSidecar } from '../../src/core/sidecar/parseSidecar';
import { screenshotFolder } from './screenshotFolder';

const root = path.resolve(__dirname, '..', '..');
const SAMPLE = 'rabat-water-summit.txt';
const MISC_BACKGROUND = /^rgba\(138, 143, 152, 0\.\d+\)$/;

/** Colour of the first rendered token whose text is exactly `text`, in the active editor. */
async function tokenColour(page: Page, text: string): Promise<string | undefined> {
  return page.$$eval(
    '.editor-instance .view-lines .view-line span > span',
    (spans, wanted) => {
      const hit = spans.find((s) => s.textContent === wanted);
      return hit ? getComputedStyle(hit).color : undefined;
    },
    text,
  );
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * Runs a palette command once the palette lists it: an installed extension's commands appear
 * only after the remote extension host has scanned it, some seconds after the workbench shows.
 * Does not wait for the palette to close, since a command may open a quick pick of its own in it.
 */

describe('the packaged extension, installed from its .vsix into the browser-hosted VS Code', function () {
  this.timeout(600_000);
  let tmp: string;
  let folder: string;
  let extensionsDir: string;
  let host: Host | undefined;
  let vsceOutput = '';

  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tawsim-vsix-'));
    ({ output: vsceOutput } = packageVsix(tmp));
    extensionsDir = path.join(tmp, 'extensions');
    fs.mkdirSync(extensionsDir);
    installVsix(path.join(tmp, 'tawsim.vsix'), extensionsDir);
    folder = path.join(tmp, 'workspace');
    fs.mkdirSync(folder);
    for (const f of fs.readdirSync(path.join(root, 'samples'))) fs.copyFileSync(path.join(root, 'samples', f), path.join(folder, f));
    host = await startInstalledHost({ folder, extensionsDir, viewport: { width: 1280, height: 720 } });
  });

  after(async () => {
    await host?.close();
    // vsce's prepublish step left a minified production build in dist/; the other tests and
    // `npm start` expect the development build with source maps.
    execFileSync(process.execPath, ['esbuild.js'], { cwd: root, stdio: 'ignore' });
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('packages without warnings and installs only what the extension needs at run time', () => {
    assert.doesNotMatch(vsceOutput, /WARNING|ERROR/, vsceOutput);
    const installed = fs.readdirSync(extensionsDir).find((d) => d.startsWith('tawsim.tawsim-'));
    assert.ok(installed, `installed folder among ${fs.readdirSync(extensionsDir).join(', ')}`);
    const dir = path.join(extensionsDir, installed);
    for (const f of [
      'dist/extension.js',
      'dist/web/extension.js',
      'media/icon.png',
      'media/statistics/statistics.js',
      'dist/readingView/readingView.js',
      'media/readingView/readingView.css',
      'media/file-icon.svg',
      'syntaxes/tawsim-annotations.tmLanguage.json',
      'language-configuration.json',
      'l10n/bundle.l10n.ar.json',
      'package.nls.ar.json',
      'walkthrough/open.md',
      `samples/${SAMPLE}`,
      // The tagger: its base model with its own licence, and the re-fit workers of both hosts.
      'models/base/tawsim-ner.bin',
      'models/base/LICENSE.md',
      'dist/refitWorker.js',
      'dist/web/refitWorker.js',
    ]) {
      assert.ok(fs.existsSync(path.join(dir, f)), `${f} is in the package`);
    }
    for (const f of ['src', 'test', 'node_modules', 'scripts', 'dist/extension.js.map', 'dist/readingView/readingView.js.map', 'dist/cli.js', 'tsconfig.json']) {
      assert.ok(!fs.existsSync(path.join(dir, f)), `${f} is left out of the package`);
    }
  });

  it('opens the sample from the command palette and tags a span in it', async () => {
    const page = (host as Host).page;
    await runCommand(page, 'Tawsim: Open Sample Article');
    await page.locator(`.tab.active[data-resource-name="${SAMPLE}"]`).waitFor({ timeout: 30_000 });
    // The status bar counts the tags of the active document: none yet in the user's own sidecar.
    await page
      .locator('.statusbar-item', { hasText: /^\s*0\s*$/ })
      .locator('.codicon-tag')
      .first()
      .waitFor({ timeout: 30_000 });

    await selectByFind(page, 'مياه البحر');
    await runCommand(page, 'Tawsim: Tag Selection…');
    // The label picker opens in the palette's place.
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'MISC' }).first().waitFor();
    await page.locator('.quick-input-widget input').fill('MISC');
    await page.keyboard.press('Enter');

    await page
      .locator('.statusbar-item', { hasText: /^\s*1\s*$/ })
      .locator('.codicon-tag')
      .first()
      .waitFor({ timeout: 30_000 });
    // Painting is debounced after the status bar's update.
    let colours: string[] = [];
    const painted = await waitFor(
      'the MISC tag to be painted',
      async () => {
        colours = await page.$$eval('.editor-instance .view-overlays div', (nodes) => nodes.map((n) => getComputedStyle(n).backgroundColor));
        return colours.some((c) => MISC_BACKGROUND.test(c));
      },
      10_000,
    ).catch(() => false);
    assert.ok(painted, `the MISC tag is painted: ${JSON.stringify([...new Set(colours)])}`);

    // The sample lives in the extension's global storage, beside its new sidecar.
    const storage = path.join((host as Host).serverTmp, 'user-data', 'User', 'globalStorage', 'tawsim.tawsim', 'sample');
    const sidecarFile = path.join(storage, `${SAMPLE}.ann.yaml`);
    const sidecar = await waitFor('the sidecar to be written', async () => fs.existsSync(sidecarFile) && parseSidecar(fs.readFileSync(sidecarFile, 'utf8')).sidecar);
    assert.deepEqual(
      sidecar.annotations.map((a) => [a.label, a.text]),
      [['MISC', 'مياه البحر']],
    );
  });

  it('shows a sidecar as Tawsim Annotations: coloured by the grammar, with lenses that reveal spans and live problems', async () => {
    const page = (host as Host).page;
    const sidecarName = `${SAMPLE}.ann.yaml`;
    await openFile(page, sidecarName);
    await page.locator('.statusbar-item', { hasText: 'Tawsim Annotations' }).first().waitFor({ timeout: 30_000 });

    const label = await waitFor('the label token', () => tokenColour(page, 'LOC'));
    const status = await waitFor('the status token', () => tokenColour(page, 'accepted'));
    const offset = await waitFor('an offset token', () => tokenColour(page, '6'));
    const key = await waitFor('a key token', () => tokenColour(page, 'label'));
    assert.equal(new Set([label, status, key]).size, 3, `label ${label}, status ${status} and key ${key} have colours of their own`);
    assert.notEqual(offset, label);

    const lens = page.locator('.contentWidgets .codelens-decoration a', { hasText: 'Reveal «الرباط» (LOC)' }).first();
    await lens.waitFor({ timeout: 30_000 });
    // The find widget of the earlier test would cover the first lines of the screenshot.
    await page.locator('.editor-instance .view-lines').first().click();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Home');
    await page.mouse.move(5, 5);
    await page.locator('.editor-instance .find-widget.visible').waitFor({ state: 'detached', timeout: 30_000 });
    await quietForScreenshot(page);
    await page.screenshot({ path: path.join(screenshotFolder(), 'sidecar.png') });

    // An edit that breaks the schema is reported at its line while the file is unsaved.
    await page.keyboard.press('Control+F');
    await page.keyboard.type('status: accepted');
    await page.keyboard.press('Escape');
    await page.keyboard.press('End');
    await page.keyboard.type('ly');
    await page.locator('.editor-instance .squiggly-error').first().waitFor({ timeout: 15_000 });
    await page.keyboard.press('Control+Z');
    await page.locator('.editor-instance .squiggly-error').first().waitFor({ state: 'detached', timeout: 15_000 });

    // The lens opens the text with the span selected.
    await lens.click();
    await page.locator(`.tab.active[data-resource-name="${SAMPLE}"]`).waitFor({ timeout: 30_000 });
    await page.locator('.editor-instance .selected-text').first().waitFor({ timeout: 10_000 });
  });

  it('contributes a walkthrough with its steps', async () => {
    const page = (host as Host).page;
    await runCommand(page, 'Welcome: Open Walkthrough...');
    // The command lists the walkthroughs in a quick pick of its own.
    const item = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Annotate Arabic text with Tawsim' }).first();
    await item.click({ timeout: 30_000 });
    for (const step of ['Open an Arabic text', 'Tag a span', 'Accept or reject suggestions', 'Read the sidecar', 'Review other annotators', 'Export']) {
      await page.locator('.getting-started-step .step-title', { hasText: step }).first().waitFor({ state: 'attached', timeout: 30_000 });
    }
  });
});
