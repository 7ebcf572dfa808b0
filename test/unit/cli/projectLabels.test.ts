import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { annotateCommand } from '../../../src/cli/commands/annotate';
import { detectCommand } from '../../../src/cli/commands/detect';
import { parseBatchArgs } from '../../../src/cli/recognize/batchArgs';
import { streamJsonl } from '../../../src/cli/recognize/jsonlStream';
import { withProjectSettings } from '../../../src/cli/recognize/projectBatchArgs';
import { parseSidecar } from '../../../src/core/sidecar/parseSidecar';
import { fakeIo, tempFolders } from './cliTestKit';

/** One sentence of our own with a person, a place, an organisation and a weekday. */
const NEWS = 'استقبل الرئيس الفرنسي إيمانويل ماكرون في باريس يوم الثلاثاء وزير الخارجية المغربي ناصر بوريطة، وبحثا التعاون مع شركة رينو.\n';
/** PER and DATE, and a label of the team's own that the recogniser does not find. */
const PROJECT = 'tawsim-project: 1\nlabels:\n  - id: PER\n  - id: DATE\n  - id: EVENT\n';

const folders = tempFolders('tawsim-project-labels-');

/** A corpus with the project file at its root and one text in `news/`; the corpus folder. */
function corpus(project: string | undefined): string {
  const dir = folders.make();
  if (project !== undefined) {
    fs.mkdirSync(path.join(dir, '.tawsim'));
    fs.writeFileSync(path.join(dir, '.tawsim', 'project.yaml'), project);
  }
  fs.mkdirSync(path.join(dir, 'news'));
  fs.writeFileSync(path.join(dir, 'news', 'a.txt'), NEWS);
  return dir;
}

async function detectLabels(dir: string, extra: string[] = []): Promise<{ labels: Set<string>; stderr: string[] }> {
  const io = fakeIo();
  const code = await detectCommand.run(['--model', 'none', ...extra, path.join(dir, 'news')], io);
  assert.equal(code, 0, io.stderr.join('\n'));
  const labels = io.stdout
    .join('\n')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => (JSON.parse(l) as { label: string }).label);
  return { labels: new Set(labels), stderr: io.stderr };
}

/** `--jsonl -` as the command runs it from `dir`: the project is the one above the working folder. */
async function streamFrom(dir: string, kind: 'detect' | 'annotate'): Promise<string[]> {
  const io = fakeIo();
  const cwd = process.cwd();
  process.chdir(dir);
  let settings;
  try {
    settings = (await withProjectSettings(parseBatchArgs(['--model', 'none', '--annotator', 'salma', '--jsonl', '-']), io)).settings;
  } finally {
    process.chdir(cwd);
  }
  let out = '';
  const code = await streamJsonl(kind, Readable.from([JSON.stringify({ id: 'n1', text: NEWS }) + '\n']), (t) => void (out += t), io, settings);
  assert.equal(code, 0, io.stderr.join('\n'));
  return out.split('\n').filter((l) => l !== '');
}

describe("tawsim detect / annotate under a project's labels", () => {
  after(() => folders.removeAll());

  it('detect proposes only the labels the project has', async () => {
    const free = await detectLabels(corpus(undefined));
    assert.ok(free.labels.has('LOC') && free.labels.has('PER') && free.labels.has('DATE'), [...free.labels].join());
    const limited = await detectLabels(corpus(PROJECT));
    assert.deepEqual([...limited.labels].sort(), ['DATE', 'PER']);
  });

  it('--labels narrows the project set, and a label outside it is named on stderr and not proposed', async () => {
    const { labels, stderr } = await detectLabels(corpus(PROJECT), ['--labels', 'PER,LOC']);
    assert.deepEqual([...labels], ['PER']);
    assert.equal(stderr.filter((l) => /project\.yaml: warning: --labels LOC: not in the project's labels \(PER, DATE, EVENT\)/.test(l)).length, 1, stderr.join('\n'));
  });

  it('annotate writes only suggestions of the project labels', async () => {
    const dir = corpus(PROJECT);
    const io = fakeIo();
    assert.equal(await annotateCommand.run(['--model', 'none', '--annotator', 'salma', path.join(dir, 'news')], io), 0, io.stderr.join('\n'));
    const parsed = parseSidecar(fs.readFileSync(path.join(dir, 'news', 'a.txt.ann.yaml'), 'utf8'));
    const labels = new Set(parsed.sidecar?.annotations.map((a) => a.label));
    assert.deepEqual([...labels].sort(), ['DATE', 'PER']);
  });

  it('--jsonl streams of detect and annotate keep to the project labels too', async () => {
    const dir = corpus(PROJECT);
    const spans = (await streamFrom(dir, 'detect')).map((l) => (JSON.parse(l) as { label: string }).label);
    assert.deepEqual([...new Set(spans)].sort(), ['DATE', 'PER']);
    const [sidecar] = (await streamFrom(dir, 'annotate')).map((l) => JSON.parse(l) as { annotations: { label: string }[] });
    assert.deepEqual([...new Set(sidecar?.annotations.map((a) => a.label))].sort(), ['DATE', 'PER']);
    const free = (await streamFrom(corpus(undefined), 'detect')).map((l) => (JSON.parse(l) as { label: string }).label);
    assert.ok(free.includes('LOC'), 'without a project the stream proposes places');
  });
});
