import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { openFile, quietForScreenshot, runCommand, selectByFind, startHost, waitUntil } from '../../scripts/host/e2e-host';
import type { Host } from '../../scripts/host/e2e-host';
import { parseSidecar } from '../../src/core/sidecar/parseSidecar';
import { screenshotFolder } from './screenshotFolder';

const root = path.resolve(__dirname, '..', '..');
const SAMPLE = 'rabat-water-summit.txt';
/** LOC's contributed background colour, #3dba6f, at the alpha of whichever theme is active. */
const LOC_BACKGROUND = /^rgba\(61, 186, 111, 0\.\d+\)$/;
const MISC_BACKGROUND = /^rgba\(138, 143, 152, 0\.\d+\)$/;

/** Computed background colours of every decoration box in the visible editor. */
async function overlayColours(page: Page): Promise<string[]> {
  return page.$$eval('.editor-instance .view-overlays div div, .editor-instance .view-overlays div', (nodes) =>
    nodes.map((n) => getComputedStyle(n).backgroundColor).filter((c) => c !== 'rgba(0, 0, 0, 0)'),
  );
}

describe('end to end in the browser-hosted VS Code', function () {
  this.timeout(600_000);
  let host: Host | undefined;
  let folder: string;

  before(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'tawsim-e2e-'));
    for (const f of fs.readdirSync(path.join(root, 'samples'))) fs.copyFileSync(path.join(root, 'samples', f), path.join(folder, f));
    host = await startHost({ folder, viewport: { width: 1280, height: 720 } });
  });

  after(async () => {
    await host?.close();
  });

  it('shows saved tags, tags a span through the palette, paints it, writes the sidecar, keeps Arabic lines whole', async () => {
    const page = (host as Host).page;
    await openFile(page, SAMPLE);
    // Saved tags from the sidecar are painted as background boxes, once the sidecar is loaded.
    await page.waitForFunction(
      (pattern) => Array.from(document.querySelectorAll('.editor-instance .view-overlays div')).some((n) => new RegExp(pattern).test(getComputedStyle(n).backgroundColor)),
      LOC_BACKGROUND.source,
      { timeout: 60_000 },
    );
    const before = await overlayColours(page);
    assert.ok(
      before.some((c) => LOC_BACKGROUND.test(c)),
      `LOC colour among ${JSON.stringify([...new Set(before)])}`,
    );

    // Select an untagged phrase with the find widget (Escape leaves the match selected).
    await selectByFind(page, 'مياه البحر');
    await runCommand(page, 'Tawsim: Tag Selection…');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill('MISC');
    await page.keyboard.press('Enter');

    const sidecarFile = path.join(folder, `${SAMPLE}.ann.yaml`);
    const text = fs.readFileSync(path.join(folder, SAMPLE), 'utf8');
    const expectedStart = [...text.slice(0, text.indexOf('مياه البحر'))].length;
    await waitUntil('the sidecar on disk to hold the new MISC span at its code point offset', () => {
      const sidecar = parseSidecar(fs.readFileSync(sidecarFile, 'utf8')).sidecar;
      return sidecar?.annotations.some((a) => a.label === 'MISC' && a.start === expectedStart && a.text === 'مياه البحر');
    });
    await page.waitForFunction(
      (pattern) => Array.from(document.querySelectorAll('.editor-instance .view-overlays div')).some((n) => new RegExp(pattern).test(getComputedStyle(n).backgroundColor)),
      MISC_BACKGROUND.source,
      { timeout: 30_000 },
    );
    const after = await overlayColours(page);
    assert.ok(!before.some((c) => MISC_BACKGROUND.test(c)), 'no MISC tag before');
    assert.ok(
      after.some((c) => MISC_BACKGROUND.test(c)),
      `the new MISC tag is painted in its colour: ${JSON.stringify([...new Set(after)])}`,
    );

    // Overlay-only decorations: every rendered line is one text span, as without decorations.
    const spansPerLine = await page.$$eval('.editor-instance .view-lines .view-line', (lines) => lines.map((l) => l.querySelectorAll(':scope > span > span').length));
    assert.ok(spansPerLine.length > 3);
    assert.ok(
      spansPerLine.every((n) => n <= 1),
      `spans per line: ${JSON.stringify(spansPerLine)}`,
    );

    await quietForScreenshot(page);
    await page.screenshot({ path: path.join(screenshotFolder(), 'tagging.png') });
  });
});
