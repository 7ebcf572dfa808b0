import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { assignmentProgress } from '../../../src/core/project/assignmentProgress';
import { parseProject } from '../../../src/core/project/parseProject';
import type { DocumentStatus } from '../../../src/core/sidecar/sidecarTypes';
import { countStatistics } from '../../../src/core/stats/workspaceStatistics';

const MEDIA = join(__dirname, '..', '..', '..', 'media');

/** As much of a DOM element as the page's scripts use: they build nodes and set text, never HTML. */
class FakeElement {
  readonly children: FakeElement[] = [];
  readonly dataset: Record<string, string> = {};
  readonly attributes: Record<string, string> = {};
  readonly style: Record<string, string> & { setProperty(name: string, value: string): void } = Object.assign(Object.create(null) as Record<string, string>, {
    setProperty(this: Record<string, string>, name: string, value: string): void {
      this[name] = value;
    },
  });
  textContent = '';
  className = '';
  title = '';

  constructor(readonly tagName: string) {}

  appendChild(child: FakeElement): FakeElement {
    this.children.push(child);
    return child;
  }
  replaceChildren(...children: FakeElement[]): void {
    this.children.splice(0, this.children.length, ...children);
  }
  setAttribute(name: string, value: string): void {
    this.attributes[name] = value;
  }
  addEventListener(): void {}
  get firstChild(): FakeElement | undefined {
    return this.children[0];
  }
  /** Every element below this one (itself included) with this class. */
  all(className: string): FakeElement[] {
    const own = this.className.split(' ').includes(className) ? [this] : [];
    return [...own, ...this.children.flatMap((c) => c.all(className))];
  }
  text(): string {
    return this.textContent + this.children.map((c) => c.text()).join('');
  }
}

/** Loads the Statistics page's scripts as the webview does (dom.js first) and returns its root and message sender. */
function loadPage(): { root: FakeElement; send(message: unknown): void } {
  const root = new FakeElement('div');
  const listeners: ((event: { data: unknown }) => void)[] = [];
  const window = { addEventListener: (type: string, listener: (event: { data: unknown }) => void): number => (type === 'message' ? listeners.push(listener) : 0) };
  const document = { body: root, getElementById: (): FakeElement => root, createElement: (tag: string): FakeElement => new FakeElement(tag) };
  const context = createContext({ window, document, acquireVsCodeApi: () => ({ postMessage: (): void => undefined }) });
  for (const script of ['webview/dom.js', 'statistics/statistics.js']) runInContext(readFileSync(join(MEDIA, script), 'utf8'), context, { filename: script });
  return { root, send: (message) => listeners.forEach((l) => l({ data: message })) };
}

const STRINGS = { ofTotal: '{0} of {1}', assignedProgress: 'Done per annotator', assignedHint: 'done; {0} more in progress', annotated: 'Annotated', reviewed: 'Reviewed' };

function message(progress?: unknown): Record<string, unknown> {
  const statistics = countStatistics({ documents: ['news/a.txt', 'news/b.txt', 'sport/c.txt'].map((path) => ({ path, sets: [] })), labelOrder: ['PER'] });
  return { type: 'statistics', statistics, strings: STRINGS, labels: [], ...(progress ? { progress } : {}) };
}

describe('the Statistics page: progress per annotator', () => {
  const { project } = parseProject('tawsim-project: 1\nassignments:\n  salma: ["news/*.txt"]\n  omar: ["sport/*.txt", "news/a.txt"]\n  layla: []\n');
  const states: Record<string, DocumentStatus> = { 'salma news/a.txt': 'done', 'salma news/b.txt': 'in-progress', 'omar news/a.txt': 'done', 'omar sport/c.txt': 'done' };
  const progress = assignmentProgress(['news/a.txt', 'news/b.txt', 'sport/c.txt'], project, (who, path) => states[`${who} ${path}`]);

  it('draws one bar per annotator with done of assigned, the share, the texts in progress and a bar as wide as the share', () => {
    const page = loadPage();
    page.send(message(progress));
    const [section] = page.root.all('assigned');
    assert.ok(section, 'the assignment section is drawn');
    assert.equal(section.children[0]?.text(), 'Done per annotator');
    const rows = section.all('progress').map((p) => ({
      who: p.all('progress-label')[0]?.text(),
      figure: p.all('progress-figure')[0]?.text(),
      hint: p.title,
      width: p.all('fill')[0]?.style['width'],
    }));
    assert.deepEqual(rows, [
      { who: 'layla', figure: '0 of 0 · 0%', hint: 'done; 0 more in progress', width: undefined },
      { who: 'omar', figure: '2 of 2 · 100%', hint: 'done; 0 more in progress', width: '100%' },
      { who: 'salma', figure: '1 of 2 · 50%', hint: 'done; 1 more in progress', width: '50%' },
    ]);
  });

  it('leaves the section out when the project assigns nothing, and keeps an annotator name as text', () => {
    const page = loadPage();
    page.send(message());
    assert.equal(page.root.all('assigned').length, 0);
    assert.equal(page.root.all('progress').length, 2, 'the workspace progress (annotated, reviewed) is still drawn');
    page.send(message([{ annotator: '<b>سلمى</b>', assigned: 4, done: 3, inProgress: 1 }]));
    const label = page.root.all('assigned')[0]?.all('progress-label')[0];
    assert.equal(label?.textContent, '<b>سلمى</b>');
    assert.equal(label?.children.length, 0, 'no markup is parsed from a name');
  });
});
