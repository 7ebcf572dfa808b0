/**
 * The reading view on a 10 MB document with 100,000 tags: its real page (dist/readingView, built by
 * `npm run build`) in headless Chromium, fed by the extension's side of the protocol built from the
 * same core modules (paragraph blocks, the window diff, line splices, code point starts). Each
 * figure has a baseline from the same run:
 *
 * - opening: until the visible paragraphs are drawn with their boxes, against laying out the whole
 *   text as one plain page (what a view without virtualisation must do before it shows anything);
 * - scrolling: frame times while scrolling steadily through the middle, against the same scroll
 *   over that plain page;
 * - a jump: a scroll far away, until the paragraphs there are drawn (a round trip for their blocks);
 * - an incremental update: one keystroke on the extension's side (splice, code points, the window's
 *   changed blocks) against building every paragraph of the document; and on the page, one changed
 *   paragraph redrawn against the whole window redrawn.
 *
 *   npx tsx bench/readingView.bench.ts [megabytes] [tags]
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Annotation } from '../src/core/model/annotation';
import { LineCodePoints } from '../src/core/reading/lineCodePoints';
import { lineSpliceOf } from '../src/core/reading/lineSplice';
import { paragraphBlock } from '../src/core/reading/paragraphBlocks';
import type { HostMessage, PageMessage, ParagraphBlock, ReadingStrings } from '../src/core/reading/readingProtocol';
import { READING_STRING_KEYS } from '../src/core/reading/readingProtocol';
import { SentBlocks } from '../src/core/reading/sentBlocks';
import { SortedSpans } from '../src/core/reading/sortedSpans';
import { DEFAULT_LABELS } from '../src/core/model/labels';
import type { BenchRow } from './benchRows';
import { arabicCorpus, bestOf, emitRows } from './benchRows';
import { seeded } from '../src/core/random';

const megabytes = Number(process.argv[2] ?? '10');
const tagCount = Number(process.argv[3] ?? '100000');
const root = path.resolve(__dirname, '..');
const bundle = path.join(root, 'dist', 'readingView', 'readingView.js');
if (!fs.existsSync(bundle)) throw new Error(`${bundle} is missing: run npm run build first`);

// launcher.js stays plain CommonJS because test-electron executes it directly.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const launcher = require('../scripts/host/launcher.js') as { launchBrowser(home: string): Promise<Browser> };

const lines = arabicCorpus(megabytes).split('\n');
const r = seeded(5);
let starts = lineStartsOf(lines);
const tags: Annotation[] = [];
const textLength = (starts[starts.length - 1] as number) + (lines[lines.length - 1] as string).length;
const step = Math.floor(textLength / tagCount);
for (let i = 0, line = 0; i < tagCount; i++) {
  const at = i * step;
  while (line + 1 < starts.length && (starts[line + 1] as number) <= at) line++;
  const text = lines[line] as string;
  let start = at - (starts[line] as number);
  while (start < text.length && text[start] !== ' ') start++;
  start++;
  const end = Math.min(text.length, start + 3 + Math.floor(r() * 8));
  if (end <= start) continue;
  const s = (starts[line] as number) + start;
  tags.push({ id: `t${i + 1}`, label: DEFAULT_LABELS[i % 6]?.id ?? 'LOC', start: s, end: s - start + end, text: text.slice(start, end), status: 'accepted', source: 'manual' });
}
let spans = new SortedSpans(tags);
const known = new Set(DEFAULT_LABELS.map((l) => l.id));
let codePoints = new LineCodePoints(lines.length, (i) => lines[i] as string);

function lineStartsOf(list: readonly string[]): number[] {
  const out = new Array<number>(list.length);
  let at = 0;
  for (let i = 0; i < list.length; i++) {
    out[i] = at;
    at += (list[i] as string).length + 1;
  }
  return out;
}

/** A paragraph block as the extension builds it for the page. */
function block(line: number): ParagraphBlock {
  const text = lines[line] as string;
  const start = starts[line] as number;
  return paragraphBlock(
    { line, text, start, cpStart: codePoints.start(line, start) },
    { annotations: spans.overlapping(start, start + text.length), suggestions: [], review: [] },
    known,
  );
}

/** The extension's side of the protocol, over the bench's text instead of a TextDocument. */
class BenchHost {
  readonly sent = new SentBlocks();
  constructor(private readonly page: Page) {}

  async handle(message: PageMessage): Promise<void> {
    if (message.type !== 'window') return;
    this.sent.setWindow(message.first, message.last);
    const { blocks, starts: moved } = this.sent.changed(lines.length, block);
    if (blocks.length > 0 || moved.length > 0) await this.post({ type: 'blocks', blocks, starts: moved });
  }

  /** As VS Code does, the message travels as JSON text and is posted to the page's window. */
  post(message: HostMessage): Promise<void> {
    return this.page.evaluate((json) => window.postMessage(JSON.parse(json), '*'), JSON.stringify(message));
  }

  /** The document and the paragraphs at its top, as the extension sends them when the page is ready. */
  init(): HostMessage {
    this.sent.clear();
    this.sent.setWindow(0, 45);
    const { blocks } = this.sent.changed(lines.length, block);
    const strings = Object.fromEntries(READING_STRING_KEYS.map((k) => [k, k])) as ReadingStrings;
    const labels = DEFAULT_LABELS.map((l) => ({ id: l.id, name: l.en, color: l.color, themed: true, ...(l.key ? { key: l.key } : {}) }));
    return {
      type: 'init',
      uri: 'file:///bench.txt',
      fileName: 'bench.txt',
      strings,
      labels,
      settings: { fontFamily: "'DejaVu Sans', sans-serif", fontSize: 20, lineHeight: 2.4 },
      lengths: lines.map((l) => l.length),
      top: { line: 0, character: 0 },
      window: this.sent.window,
      blocks,
    };
  }
}

const css = fs.readFileSync(path.join(root, 'media', 'readingView', 'readingView.css'), 'utf8');
const shell = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><style>body{color:#222;background:#fff}${css}</style></head><body><main id="root"></main></body></html>`;

// The page functions below are given as source text: tsx would wrap named functions written here
// in a call to a function that does not exist in the page.

/** Resolves, in the page, at the first animation frame where `condition` holds; returns that frame's time. */
function frameWhen(page: Page, condition: string): Promise<number> {
  return page.evaluate(`new Promise((resolve, reject) => {
    const until = performance.now() + 30000;
    function tick() {
      if (${condition}) resolve(performance.now());
      else if (performance.now() > until) reject(new Error('not drawn within 30 s: ' + ${JSON.stringify(condition.slice(0, 80))}));
      else requestAnimationFrame(tick);
    }
    tick();
  })`) as Promise<number>;
}

const DRAWN = `(() => { const s = document.querySelector('.scroller'); if (!s) return false; const box = s.getBoundingClientRect();
  const visible = Array.from(document.querySelectorAll('section.para')).filter((p) => { const r = p.getBoundingClientRect(); return r.bottom > box.top && r.top < box.bottom; });
  return visible.length > 0 && visible.every((p) => !p.classList.contains('pending')) && document.querySelectorAll('.box').length > 0; })()`;

/** Frame durations (ms) while scrolling `frames` frames of `pixels` each from the middle of `selector`. */
function scrollFrames(page: Page, selector: string, frames: number, pixels: number): Promise<number[]> {
  return page.evaluate(`new Promise((resolve) => {
    const s = document.querySelector(${JSON.stringify(selector)});
    s.scrollTop = s.scrollHeight / 2;
    const times = [];
    let last = 0;
    let n = 0;
    function tick(t) {
      if (last > 0) times.push(t - last);
      last = t;
      if (n++ >= ${frames}) { resolve(times); return; }
      s.scrollTop += ${pixels};
      requestAnimationFrame(tick);
    }
    requestAnimationFrame(tick);
  })`) as Promise<number[]>;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] ?? 0;
}

async function main(): Promise<BenchRow[]> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'tawsim-bench-'));
  const browser = await launcher.launchBrowser(home);
  const rows: BenchRow[] = [];
  const ms = (v: number): string => `${v.toFixed(v < 10 ? 2 : 0)} ms`;
  try {
    // The extension's side of opening: every line's length, code point starts, the first window.
    const hostOpen = bestOf(3, () => {
      codePoints = new LineCodePoints(lines.length, (i) => lines[i] as string);
      const sent = new SentBlocks();
      sent.setWindow(0, 80);
      return JSON.stringify(lines.map((l) => l.length)).length + JSON.stringify(sent.changed(lines.length, block)).length;
    });
    const splitPass = bestOf(3, () => lines.join('\n').split('\n').length);
    rows.push({
      name: `reading view, open ${megabytes} MB (extension side: lengths, code points, first blocks)`,
      value: ms(hostOpen),
      baseline: `one split of the text ${ms(splitPass)}`,
      ratio: `${(hostOpen / splitPass).toFixed(2)}×`,
      target: '',
    });

    // The page: opening until the visible paragraphs are drawn.
    const page = await browser.newPage({ viewport: { width: 900, height: 800 } });
    const host = new BenchHost(page);
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await page.setContent(shell);
    await page.exposeFunction('benchToHost', (m: PageMessage) => host.handle(m));
    await page.evaluate('window.acquireVsCodeApi = () => ({ postMessage: (m) => window.benchToHost(m) })');
    // Registered before the page's own listener: when the document arrived, to tell the page's work from the bench's transport.
    await page.evaluate("window.addEventListener('message', (e) => { if (e.data && e.data.type === 'init') window.benchInitAt = performance.now(); })");
    await page.addScriptTag({ path: bundle });
    const t0 = await page.evaluate(() => performance.now());
    await host.post(host.init());
    const drawnAt = await frameWhen(page, DRAWN);
    const open = drawnAt - t0;
    const pageOpen = drawnAt - ((await page.evaluate('window.benchInitAt')) as number);

    const plain = await browser.newPage({ viewport: { width: 900, height: 800 } });
    await plain.setContent(
      `<!DOCTYPE html><html><head><meta charset="utf-8"><style>body{margin:0}#all{height:100vh;overflow-y:auto;font-family:'DejaVu Sans',sans-serif;font-size:20px;line-height:2.4;white-space:pre-wrap;direction:rtl;text-align:right;padding:0 1.5rem}</style></head><body><div id="all"></div></body></html>`,
    );
    const text = lines.join('\n');
    const plainOpen = await plain.evaluate(
      (t) =>
        new Promise<number>((resolve) => {
          const t0 = performance.now();
          (document.getElementById('all') as HTMLElement).textContent = t;
          void (document.getElementById('all') as HTMLElement).scrollHeight;
          requestAnimationFrame(() => resolve(performance.now() - t0));
        }),
      text,
    );
    rows.push({
      name: `reading view, open ${megabytes} MB until the visible paragraphs are drawn (page: ${ms(pageOpen)}, the rest is the message)`,
      value: ms(open),
      baseline: `whole text laid out as one page ${ms(plainOpen)}`,
      ratio: `${(plainOpen / open).toFixed(0)}× faster`,
      target: '< 1 s',
    });

    // Steady scrolling through the middle.
    await scrollFrames(page, '.scroller', 30, 60);
    const frames = await scrollFrames(page, '.scroller', 240, 60);
    const plainFrames = await scrollFrames(plain, '#all', 240, 60);
    const p95 = percentile(frames, 0.95);
    const plainP95 = percentile(plainFrames, 0.95);
    rows.push({
      name: 'reading view, scrolling 60 px a frame (frame time, 95th percentile)',
      value: ms(p95),
      baseline: `plain page ${ms(plainP95)}`,
      ratio: `${(p95 / plainP95).toFixed(2)}×`,
      target: '≤ 1 frame (16.7 ms)',
    });

    // Jumps far away: blocks are asked for and drawn.
    const jumps: number[] = [];
    for (let k = 1; k <= 8; k++) {
      const t = await page.evaluate((f) => {
        const s = document.querySelector('.scroller') as HTMLElement;
        s.scrollTop = s.scrollHeight * f;
        return performance.now();
      }, k / 9);
      jumps.push((await frameWhen(page, DRAWN)) - t);
    }
    rows.push({ name: 'reading view, jump to another part, until drawn (median of 8)', value: ms(percentile(jumps, 0.5)), baseline: '', ratio: '', target: '' });

    // One keystroke on the extension's side, against building every paragraph.
    const sent = host.sent;
    const mid = Math.floor((sent.window.first + sent.window.last) / 2);
    let keystroke = Number.POSITIVE_INFINITY;
    for (let k = 0; k < 20; k++) {
      const before = lines[mid] as string;
      lines[mid] = `ب${before}`;
      // The store moves the tags after the edit (its own cost, measured by keystroke.bench.ts); the bench's copy does it untimed.
      starts = lineStartsOf(lines);
      spans = new SortedSpans(tags.map((t) => (t.start >= (starts[mid] as number) ? { ...t, start: t.start + 1, end: t.end + 1 } : t)));
      const t0 = performance.now();
      const splice = lineSpliceOf([{ startLine: mid, endLine: mid, text: 'ب' }]);
      if (splice) {
        codePoints.splice(splice, (i) => lines[i] as string);
        sent.splice(splice);
      }
      JSON.stringify(sent.changed(lines.length, block));
      keystroke = Math.min(keystroke, performance.now() - t0);
      lines[mid] = before;
      starts = lineStartsOf(lines);
      spans = new SortedSpans(tags);
      codePoints = new LineCodePoints(lines.length, (i) => lines[i] as string);
    }
    const everything = bestOf(1, () => {
      let size = 0;
      for (let i = 0; i < lines.length; i++) size += JSON.stringify(block(i)).length;
      return size;
    });
    rows.push({
      name: 'reading view, a keystroke (extension side: splice, code points, changed blocks)',
      value: ms(keystroke),
      baseline: `every paragraph built ${ms(everything)}`,
      ratio: `${(everything / keystroke).toFixed(0)}× cheaper`,
      target: '',
    });

    // On the page: one paragraph changed (a tag added) against the whole window redrawn.
    const visible = await page.evaluate(() => Array.from(document.querySelectorAll('section.para')).map((p) => Number((p as HTMLElement).dataset['line'])));
    const line = visible.slice(Math.floor(visible.length / 2)).find((l) => block(l).spans.length > 0) ?? (visible[0] as number);
    const changedOne = block(line);
    const extra = { ...changedOne, spans: [...changedOne.spans, { ...(changedOne.spans[0] as ParagraphBlock['spans'][number]), label: 'MISC', level: 3 }] };
    const oneTimes: number[] = [];
    const allTimes: number[] = [];
    for (let k = 0; k < 5; k++) {
      const count = await page.evaluate(() => document.querySelectorAll('.box').length);
      let t = await page.evaluate(() => performance.now());
      await host.post({ type: 'blocks', blocks: [extra], starts: [] });
      oneTimes.push((await frameWhen(page, `document.querySelectorAll('.box').length !== ${count}`)) - t);
      const windowBlocks = visible.map((l) => {
        const b = block(l);
        return { ...b, spans: b.spans.map((s) => ({ ...s, note: `${k}` })) };
      });
      t = await page.evaluate(() => performance.now());
      await host.post({ type: 'blocks', blocks: windowBlocks, starts: [] });
      allTimes.push((await frameWhen(page, DRAWN)) - t);
    }
    const one = percentile(oneTimes, 0.5);
    const all = percentile(allTimes, 0.5);
    rows.push({
      name: 'reading view, one paragraph changed, redrawn on the page',
      value: ms(one),
      baseline: `whole window redrawn ${ms(all)}`,
      ratio: `${(all / one).toFixed(1)}× cheaper`,
      target: '',
    });
  } finally {
    await browser.close();
    fs.rmSync(home, { recursive: true, force: true });
  }
  return rows;
}

void main().then(
  (rows) => emitRows(rows),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
