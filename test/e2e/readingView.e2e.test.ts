import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { openFile, runCommand, startHost } from '../../scripts/host/e2e-host';
import type { Host } from '../../scripts/host/e2e-host';
import type { Annotation } from '../../src/core/model/annotation';
import type { Relation } from '../../src/core/model/relation';
import { buildSidecar } from '../../src/core/sidecar/documentAnnotations';
import { parseSidecar } from '../../src/core/sidecar/parseSidecar';
import { serializeSidecar } from '../../src/core/sidecar/serializeSidecar';
import type { Sidecar } from '../../src/core/sidecar/sidecarTypes';
import { screenshotFolder } from './screenshotFolder';

const root = path.resolve(__dirname, '..', '..');

/**
 * Our own text: a flag first (two astral characters, so code points and UTF-16 offsets differ from
 * there on), a word tagged after a joining proclitic (ب + القطار), and enough of it to wrap.
 */
const TRAIN = 'القطار';
const COMMITTEE = 'اللجنة المشتركة';
const BEIRUT = 'بيروت';
const ARTICLE = [
  `🇲🇦 وصل الوفد إلى طنجة صباح الأحد، ثم انتقل ب${TRAIN} السريع إلى الرباط حيث استقبله وزير الخارجية في مقر الوزارة، وتناولت المحادثات التعاون في مجالات النقل والطاقة والمياه.`,
  'وقال المتحدث باسم الوفد إن الجولة المقبلة من المحادثات ستعقد في بيروت الشهر المقبل، على أن تصدر اللجنة المشتركة تقريرها قبل نهاية العام.',
  '',
].join('\n');

/** A sidecar for our article, spans found from quotes (the annotator is whoever runs the host: the default sidecar name is not per annotator). */
function sidecarFor(text: string, tags: readonly (readonly [string, string])[], relations: readonly Relation[] = []): string {
  const live: Annotation[] = tags.map(([label, quote], i) => {
    const at = text.indexOf(quote);
    return { id: `t${i + 1}`, label, start: at, end: at + quote.length, text: quote, status: 'accepted', source: 'manual' };
  });
  return serializeSidecar(buildSidecar({ path: 'tangier-visit.txt', annotator: 'annotator' }, text, live, [], relations));
}

/** A temporary copy of samples/ and our article, so the runs never write into the repository. */
function workspace(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'tawsim-reading-'));
  for (const f of fs.readdirSync(path.join(root, 'samples'))) fs.copyFileSync(path.join(root, 'samples', f), path.join(folder, f));
  fs.writeFileSync(path.join(folder, 'tangier-visit.txt'), ARTICLE);
  // The second paragraph's committee is located in Beirut: one relation, drawn as an arc.
  const located: Relation = { id: 'r1', type: 'located_in', from: 't2', to: 't3', status: 'accepted', source: 'manual' };
  fs.writeFileSync(
    path.join(folder, 'tangier-visit.txt.ann.yaml'),
    sidecarFor(
      ARTICLE,
      [
        ['MISC', TRAIN],
        ['ORG', COMMITTEE],
        ['LOC', BEIRUT],
      ],
      [located],
    ),
  );
  return folder;
}

/** The reading view's frame for a file (webviews nest an iframe inside an iframe). */
async function readingFrame(page: Page, fileName: string): Promise<Frame> {
  for (let i = 0; i < 300; i++) {
    for (const frame of page.frames()) {
      const label = await frame.evaluate(() => document.querySelector('.scroller')?.getAttribute('aria-label') ?? '').catch(() => '');
      if (label.includes(fileName)) {
        await frame.waitForSelector('section.para:not(.pending) p.text', { timeout: 30_000 });
        return frame;
      }
    }
    await page.waitForTimeout(100);
  }
  throw new Error(`no reading view shows ${fileName}`);
}

async function sidecarWhen(file: string, check: (s: Sidecar) => boolean, what: string): Promise<Sidecar> {
  for (let i = 0; i < 200; i++) {
    const parsed = fs.existsSync(file) ? parseSidecar(fs.readFileSync(file, 'utf8')).sidecar : undefined;
    if (parsed && check(parsed)) return parsed;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Where a word is in the view, in the frame's coordinates and relative to the scroller. */
async function wordBox(frame: Frame, word: string): Promise<{ x: number; y: number; width: number; height: number; left: number; top: number }> {
  return frame.evaluate((w) => {
    for (const p of Array.from(document.querySelectorAll('p.text'))) {
      const node = p.firstChild as Text | null;
      const at = node?.data.indexOf(w) ?? -1;
      if (!node || at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + w.length);
      const r = range.getBoundingClientRect();
      const s = (document.querySelector('.scroller') as HTMLElement).getBoundingClientRect();
      return { x: r.left + r.width / 2 - s.left, y: r.top + r.height / 2 - s.top, width: r.width, height: r.height, left: r.left, top: r.top };
    }
    throw new Error(`«${w}» is not drawn`);
  }, word);
}

/** The boxes drawn over a word (their rectangles overlap the word's), with their classes. */
async function boxesOver(frame: Frame, word: string): Promise<string[]> {
  const at = await wordBox(frame, word);
  return frame.evaluate(
    ({ left, top, width, height }) =>
      Array.from(document.querySelectorAll('.box'))
        .filter((b) => {
          const r = b.getBoundingClientRect();
          return r.left < left + width - 2 && r.right > left + 2 && r.top < top + height - 2 && r.bottom > top + 2;
        })
        .map((b) => b.className),
    at,
  );
}

describe('the reading view in the browser-hosted VS Code', function () {
  this.timeout(240_000);
  let host: Host | undefined;
  let folder: string;

  before(async () => {
    folder = workspace();
    host = await startHost({ folder, viewport: { width: 1280, height: 720 } });
  });

  after(async () => {
    await host?.close();
  });

  afterEach(async function () {
    // A modal dialog would block every later test: say what it was, and close it.
    const dialog = (host as Host).page.locator('.monaco-dialog-box .dialog-message-row');
    if (await dialog.isVisible().catch(() => false)) {
      console.warn(`A dialog was open after "${this.currentTest?.title ?? ''}": ${(await dialog.innerText()).replace(/\s+/g, ' ')}`);
      await (host as Host).page.keyboard.press('Escape');
    }
  });

  it('reads right to left: rtl, right-aligned, each paragraph one text node in whole lines, letters joined across a tag edge', async () => {
    const page = (host as Host).page;
    await openFile(page, 'tangier-visit.txt');
    await runCommand(page, 'Tawsim: Open Reading View');
    const frame = await readingFrame(page, 'tangier-visit.txt');
    await frame.waitForSelector('.box.tag');
    const paragraphs = await frame.evaluate(() =>
      Array.from(document.querySelectorAll('section.para p.text')).map((p) => {
        const style = getComputedStyle(p);
        const range = document.createRange();
        range.selectNodeContents(p);
        const tops = new Set(Array.from(range.getClientRects(), (r) => Math.round(r.top)));
        return {
          direction: style.direction,
          align: style.textAlign,
          children: Array.from(p.childNodes, (n) => n.nodeType),
          text: p.textContent,
          tops: tops.size,
          lines: Math.round(p.getBoundingClientRect().height / parseFloat(style.lineHeight)),
        };
      }),
    );
    const lines = ARTICLE.split('\n');
    assert.equal(paragraphs.length, lines.length);
    paragraphs.forEach((p, i) => {
      assert.equal(p.direction, 'rtl');
      assert.equal(p.align, 'right');
      assert.deepEqual(p.children, [3], `paragraph ${i} is one text node`);
      assert.equal(p.text, lines[i], `paragraph ${i} holds the document's line exactly`);
      if (p.text) assert.equal(p.tops, p.lines, `paragraph ${i}: one line box per visual line`);
    });
    assert.ok((paragraphs[0]?.lines ?? 0) > 1, 'the first paragraph wraps');

    // ب before the tagged القطار: drawn as in a plain paragraph holding the word alone, and
    // unlike the word split into two boxes, which breaks the joining of ب and ا.
    const widths = await frame.evaluate((train) => {
      const node = document.querySelector('p.text')?.firstChild as Text;
      const at = node.data.indexOf(`ب${train}`);
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + train.length + 1);
      const inView = range.getBoundingClientRect().width;
      const measured: number[] = [];
      // The word alone as one text node, then ب and the rest in two boxes.
      for (const fill of [
        (p: HTMLElement): void => {
          p.textContent = `ب${train}`;
        },
        (p: HTMLElement): void => {
          const a = document.createElement('span');
          a.textContent = 'ب';
          const b = document.createElement('span');
          b.style.display = 'inline-block';
          b.textContent = train;
          p.append(a, b);
        },
      ]) {
        const p = document.createElement('p');
        p.className = 'text';
        p.style.position = 'absolute';
        p.style.visibility = 'hidden';
        fill(p);
        document.querySelector('section.para')?.appendChild(p);
        const r = document.createRange();
        r.selectNodeContents(p);
        measured.push(r.getBoundingClientRect().width);
        p.remove();
      }
      return { inView, whole: measured[0] ?? 0, split: measured[1] ?? 0 };
    }, TRAIN);
    assert.ok(Math.abs(widths.inView - widths.whole) < 0.5, `joined as a whole word: ${JSON.stringify(widths)}`);
    assert.ok(Math.abs(widths.split - widths.whole) > 0.5, `the measure tells a broken joining apart: ${JSON.stringify(widths)}`);
    assert.ok(
      (await boxesOver(frame, TRAIN)).some((c) => c.includes('tag')),
      'the MISC tag is drawn over القطار',
    );

    // The relation between the committee and Beirut is an arc labelled with its type, reaching
    // from one word's box to the other's, in the paragraph that holds both.
    await frame.waitForSelector('svg.arcs g.arc');
    const committee = await wordBox(frame, COMMITTEE);
    const beirut = await wordBox(frame, BEIRUT);
    const arcs = await frame.evaluate(() =>
      Array.from(document.querySelectorAll('svg.arcs g.arc'), (g) => {
        const r = g.getBoundingClientRect();
        return {
          label: g.querySelector('text')?.textContent ?? '',
          left: r.left,
          right: r.right,
          paragraph: g.closest('section.para')?.querySelector('p.text')?.textContent ?? '',
        };
      }),
    );
    assert.equal(arcs.length, 1, `one arc: ${JSON.stringify(arcs)}`);
    const arc = arcs[0] as (typeof arcs)[number];
    assert.equal(arc.label, 'located_in');
    assert.ok(arc.paragraph.includes(BEIRUT), 'drawn in the paragraph of its ends');
    const centres = [committee.left + committee.width / 2, beirut.left + beirut.width / 2];
    assert.ok(
      centres.every((x) => x >= arc.left - 2 && x <= arc.right + 2),
      `the arc spans both words: ${JSON.stringify({ arc, centres })}`,
    );
  });

  it('tags a word selected with the mouse by Ctrl+Alt+3, at its code points; an edit in the editor moves the box; undo in the editor removes it', async () => {
    const page = (host as Host).page;
    const frame = await readingFrame(page, 'tangier-visit.txt');
    const word = await wordBox(frame, 'طنجة');
    await frame.locator('.scroller').dblclick({ position: { x: word.x, y: word.y } });
    assert.equal(await frame.evaluate(() => document.getSelection()?.toString().trim()), 'طنجة');
    await page.keyboard.press('Control+Alt+3');
    const sidecarFile = path.join(folder, 'tangier-visit.txt.ann.yaml');
    const start = [...ARTICLE.slice(0, ARTICLE.indexOf('طنجة'))].length;
    assert.equal(start, ARTICLE.indexOf('طنجة') - 2, 'the flag counts two code points');
    await sidecarWhen(
      sidecarFile,
      (s) => s.annotations.some((a) => a.label === 'LOC' && a.start === start && a.end === start + 4 && a.text === 'طنجة'),
      'the LOC span at its code points',
    );
    await frame.waitForFunction(() => Array.from(document.querySelectorAll('.chip-main')).some((c) => (c.getAttribute('aria-label') ?? '').includes('طنجة')));
    const before = await wordBox(frame, 'طنجة');
    assert.ok((await boxesOver(frame, 'طنجة')).some((c) => c.includes('tag')));

    // Type at the start of the line in the text editor: the word moves, its box with it.
    await page.locator('.editor-instance .view-lines').first().click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('اليوم ');
    await frame.waitForFunction(() => (document.querySelector('p.text')?.textContent ?? '').includes('اليوم'));
    await frame.waitForFunction((x) => {
      const node = document.querySelector('p.text')?.firstChild as Text;
      const at = node.data.indexOf('طنجة');
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 4);
      const r = range.getBoundingClientRect();
      return Math.abs(r.left - x) > 1 && Array.from(document.querySelectorAll('.box.tag')).some((b) => Math.abs(b.getBoundingClientRect().left + 1 - r.left) < 2);
    }, before.left);
    assert.ok(
      (await boxesOver(frame, 'طنجة')).some((c) => c.includes('tag')),
      'the box is over طنجة where it now is',
    );

    // Annotation undo in the editor takes back the tag made in the view; saving writes that.
    await page.keyboard.press('Control+Alt+Z');
    await frame.waitForFunction(() => !Array.from(document.querySelectorAll('.chip-main')).some((c) => (c.getAttribute('aria-label') ?? '').includes('طنجة')));
    assert.ok(!(await boxesOver(frame, 'طنجة')).some((c) => c.includes('tag')));
    await page.keyboard.press('Control+S');
    await sidecarWhen(sidecarFile, (s) => !s.annotations.some((a) => a.text === 'طنجة') && s.annotations.some((a) => a.text === TRAIN), 'the sidecar without طنجة');
  });

  it('walks the tags from the keyboard and offers the tag commands in the context menu', async () => {
    const page = (host as Host).page;
    const frame = await readingFrame(page, 'tangier-visit.txt');
    // A click gives the webview the workbench's focus (a programmatic focus inside the frame may
    // not, and then the keys go to the editor); the caret then goes back to the start of the text.
    await frame.locator('.scroller').click({ position: { x: 4, y: 4 } });
    await frame.locator('.scroller').focus();
    await frame.evaluate(() => document.getSelection()?.collapse(document.querySelector('p.text')?.firstChild ?? null, 0));
    // From the start, Ctrl+Alt+Down visits tags and suggestions in the order of the text, up to القطار.
    const visited: string[] = [];
    const nextChip = async (seen: string): Promise<string | undefined> => {
      await page.keyboard.press('Control+Alt+ArrowDown');
      return frame
        .waitForFunction(
          (before) => {
            const now = document.activeElement?.classList.contains('chip-main') ? (document.activeElement.getAttribute('aria-label') ?? '') : '';
            return now !== '' && now !== before ? now : false;
          },
          seen,
          { timeout: 5000 },
        )
        .then(
          (h) => h.jsonValue() as Promise<string>,
          () => undefined,
        );
    };
    for (let i = 0; i < 6 && !(visited[visited.length - 1] ?? '').includes(TRAIN); i++) {
      const seen = visited[visited.length - 1] ?? '';
      let label: string | undefined;
      // A key pressed before the view has the focus is lost: it is pressed again until the focus moves.
      for (let tries = 0; label === undefined && tries < 12; tries++) label = await nextChip(seen);
      assert.ok(label !== undefined, `Ctrl+Alt+Down moved the focus from ${JSON.stringify(seen)}`);
      visited.push(label);
    }
    assert.ok((visited[visited.length - 1] ?? '').includes(TRAIN), `reached the tag on القطار: ${JSON.stringify(visited)}`);
    const order = visited.map((v) => ARTICLE.indexOf(/«([^»]+)»/.exec(v)?.[1] ?? '\u0000'));
    assert.deepEqual(
      order,
      [...order].sort((a, b) => a - b),
      'in the order of the text',
    );
    assert.ok(!(await frame.evaluate(() => (document.querySelector('.hovercard') as HTMLElement).hidden)), 'the focused tag is described');
    await frame.locator('.chip.tag .chip-main').first().click({ button: 'right' });
    const menu = page.locator('.context-view .monaco-menu .action-label');
    await menu.first().waitFor();
    const items = await menu.allTextContents();
    assert.deepEqual(
      ['Change Label…', 'Add Note…', 'Remove Annotation'].filter((i) => items.includes(i)),
      ['Change Label…', 'Add Note…', 'Remove Annotation'],
      `the menu: ${JSON.stringify(items)}`,
    );
    await page.keyboard.press('Escape');
  });

  it('screenshot: a sample article read right to left beside the editor, with word wrap', async () => {
    const page = (host as Host).page;
    await runCommand(page, 'View: Close All Editor Groups');
    await openFile(page, 'rabat-water-summit.txt');
    await runCommand(page, 'Tawsim: Open Reading View');
    const frame = await readingFrame(page, 'rabat-water-summit.txt');
    await frame.waitForSelector('.box.tag');
    await runCommand(page, 'View: Close Primary Side Bar');
    await page.mouse.move(5, 5);
    await frame.waitForFunction(() => document.querySelectorAll('.chip').length > 10);
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(screenshotFolder(), 'reading-view.png') });
  });

  it('review: two annotators’ disagreement in the view, and a gold decision by a click', async () => {
    const page = (host as Host).page;
    await runCommand(page, 'View: Close All Editor Groups');
    await openFile(page, 'cairo-metro-line.txt');
    await runCommand(page, 'Tawsim: Review…');
    await page.locator('.quick-input-list .monaco-list-row').first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    await runCommand(page, 'Tawsim: Open Reading View');
    const frame = await readingFrame(page, 'cairo-metro-line.txt');
    await frame.waitForSelector('.box.disagreement.open', { timeout: 30_000 });
    const chips = await frame.evaluate(() => Array.from(document.querySelectorAll('.chip.proposal.disputed .chip-main'), (c) => c.getAttribute('aria-label') ?? ''));
    assert.ok(chips.some((c) => c.includes('layla')) && chips.some((c) => c.includes('omar')), `both annotators’ proposals: ${JSON.stringify(chips)}`);
    assert.ok((await frame.$$('.chip.disagreement')).length > 0, 'the disagreement is marked');
    await frame.evaluate(() => document.querySelector('.chip.disagreement')?.scrollIntoView({ block: 'center' }));
    await page.mouse.move(5, 5);
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(screenshotFolder(), 'reading-view-review.png') });

    const accept = frame.locator('.chip.proposal.disputed .chip-act.accept').first();
    await accept.click();
    const gold = path.join(folder, 'cairo-metro-line.txt.gold.ann.yaml');
    await sidecarWhen(gold, (s) => s.annotations.some((a) => a.status === 'accepted' && a.review?.verdict !== undefined), 'a gold decision');
    await frame.waitForSelector('.box.proposal.gold-accepted');
  });
});

interface LauncherModule {
  startServer(options: { extensionsDir?: string }): Promise<{ tmp: string; stop(): Promise<void> }>;
  launchBrowser(home: string): Promise<Browser>;
  workbenchUrl(server: unknown, options: { folder?: string }): string;
}

/** The browser build: only `browser` in the manifest, so VS Code runs it in its web worker extension host. */
describe('the reading view in the web worker extension host', function () {
  this.timeout(240_000);
  // launcher.js stays plain CommonJS because test-electron executes it directly.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const launcher = require('../../scripts/host/launcher.js') as LauncherModule;
  let stop: (() => Promise<void>) | undefined;

  after(async () => {
    await stop?.();
  });

  it('opens the view from dist/web/extension.js and tags from it', async () => {
    const folder = workspace();
    const extensions = fs.mkdtempSync(path.join(os.tmpdir(), 'tawsim-web-reading-'));
    const target = path.join(extensions, 'tawsim.tawsim-0.1.0');
    fs.mkdirSync(target);
    for (const f of ['package.json', 'package.nls.json', 'package.nls.ar.json', 'dist', 'media', 'l10n', 'syntaxes', 'language-configuration.json', 'walkthrough', 'samples'])
      fs.cpSync(path.join(root, f), path.join(target, f), { recursive: true });
    const manifest = JSON.parse(fs.readFileSync(path.join(target, 'package.json'), 'utf8')) as Record<string, unknown>;
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
      const url = decodeURIComponent(r.url());
      if (url.includes('dist/web/extension.js')) loaded.push(url);
    });
    await page.goto(launcher.workbenchUrl(server, { folder }), { timeout: 120_000 });
    await page.locator('.monaco-workbench').waitFor({ timeout: 120_000 });
    await openFile(page, 'tangier-visit.txt');
    await runCommand(page, 'Tawsim: Open Reading View');
    const frame = await readingFrame(page, 'tangier-visit.txt');
    assert.ok(loaded.length > 0, 'the web worker host runs dist/web/extension.js');
    await frame.waitForSelector('.box.tag');
    const word = await wordBox(frame, 'بيروت');
    await frame.locator('.scroller').dblclick({ position: { x: word.x, y: word.y } });
    await page.keyboard.press('Control+Alt+3');
    const start = [...ARTICLE.slice(0, ARTICLE.indexOf('بيروت'))].length;
    await sidecarWhen(
      path.join(folder, 'tangier-visit.txt.ann.yaml'),
      (s) => s.annotations.some((a) => a.label === 'LOC' && a.start === start && a.text === 'بيروت'),
      'the tag written through workspace.fs',
    );
  });
});
