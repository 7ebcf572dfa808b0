import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UsageError } from '../../../src/cli/cliTypes';
import { exportCommand } from '../../../src/cli/commands/export';
import { parseSidecar } from '../../../src/core/sidecar/parseSidecar';
import type { Sidecar } from '../../../src/core/sidecar/sidecarTypes';
import { fakeIo, tempFolders } from './cliTestKit';
import type { Captured } from './cliTestKit';

const root = path.resolve(__dirname, '..', '..', '..');
const SAMPLE = 'rabat-water-summit.txt';

/** A temporary folder with `corpus/` holding the Rabat sample and its sidecar. */
const folders = tempFolders('tawsim-export-');

function corpus(): { dir: string; corpus: string } {
  const dir = folders.make();
  const folder = path.join(dir, 'corpus');
  fs.mkdirSync(folder);
  for (const f of [SAMPLE, `${SAMPLE}.ann.yaml`]) fs.copyFileSync(path.join(root, 'samples', f), path.join(folder, f));
  return { dir, corpus: folder };
}

function sidecarOf(file: string): Sidecar {
  const parsed = parseSidecar(fs.readFileSync(file, 'utf8'));
  assert.ok(parsed.sidecar);
  return parsed.sidecar;
}

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => fs.statSync(path.join(dir, f)).isFile())
    .map((f) => f.split(path.sep).join('/'))
    .sort();
}

async function run(args: string[]): Promise<{ code: number; io: Captured }> {
  const io = fakeIo();
  const code = await exportCommand.run(args, io);
  return { code, io };
}

describe('tawsim export', () => {
  after(() => {
    folders.removeAll();
  });

  const expected: Record<string, string[]> = {
    brat: ['annotation.conf', 'rabat-water-summit.ann', 'rabat-water-summit.txt', 'visual.conf'],
    conll: ['rabat-water-summit.conll', 'rabat-water-summit.conll.paths'],
    doccano: ['rabat-water-summit.jsonl'],
    labelstudio: ['label_config.xml', 'rabat-water-summit.json'],
    csv: ['rabat-water-summit.csv'],
    timeml: ['rabat-water-summit.tml'],
    json: ['rabat-water-summit.txt.tawsim.json'],
    webanno: ['rabat-water-summit.tsv'],
    spacy: ['rabat-water-summit.jsonl'],
  };
  for (const [format, files] of Object.entries(expected)) {
    it(`writes ${format} for a folder`, async () => {
      const { dir, corpus: folder } = corpus();
      const out = path.join(dir, 'out');
      const { code, io } = await run(['--format', format, '--out', out, folder]);
      assert.equal(code, 0, io.stderr.join('\n'));
      assert.deepEqual(filesUnder(out), files);
      assert.match(io.stdout.join('\n'), /1 document exported/);
    });
  }

  it('writes brat offsets in code points, equal to the sidecar, with values and notes', async () => {
    const { dir, corpus: folder } = corpus();
    const out = path.join(dir, 'out');
    assert.equal((await run(['--format', 'brat', '--out', out, folder])).code, 0);
    const ann = fs.readFileSync(path.join(out, 'rabat-water-summit.ann'), 'utf8');
    const spans = [...ann.matchAll(/^T\d+\t(\S+) (\d+) (\d+)\t(.*)$/gm)].map((m) => [m[1], Number(m[2]), Number(m[3]), m[4]]);
    const sidecar = sidecarOf(path.join(folder, `${SAMPLE}.ann.yaml`));
    assert.deepEqual(
      spans,
      sidecar.annotations.map((a) => [a.label, a.start, a.end, a.text]),
    );
    assert.match(ann, /\tValue T2 2023-01-18$/m);
    assert.match(ann, /AnnotatorNotes T10\tوزير التجهيز والماء$/m);
    assert.equal(fs.readFileSync(path.join(out, SAMPLE), 'utf8'), fs.readFileSync(path.join(folder, SAMPLE), 'utf8'));
  });

  it('takes a text or its sidecar as input and gives the same export', async () => {
    const { dir, corpus: folder } = corpus();
    assert.equal((await run(['--format', 'doccano', '--out', path.join(dir, 'a'), path.join(folder, SAMPLE)])).code, 0);
    assert.equal((await run(['--format', 'doccano', '--out', path.join(dir, 'b'), path.join(folder, `${SAMPLE}.ann.yaml`)])).code, 0);
    const a = fs.readFileSync(path.join(dir, 'a', 'rabat-water-summit.jsonl'), 'utf8');
    assert.equal(a, fs.readFileSync(path.join(dir, 'b', 'rabat-water-summit.jsonl'), 'utf8'));
    const record = JSON.parse(a) as { path: string; label: [number, number, string][] };
    assert.equal(record.path, SAMPLE);
    assert.equal(record.label.length, 19);
  });

  it('lists what the format leaves out on stderr and still succeeds', async () => {
    const { dir, corpus: folder } = corpus();
    const { code, io } = await run(['--format', 'conll', '--out', path.join(dir, 'out'), folder]);
    assert.equal(code, 0);
    const err = io.stderr.join('\n');
    assert.match(err, /warning: rabat-water-summit\.txt: values left out \(CoNLL has no place for them\) \(7\): t2 DATE 9-22 «18 يناير 2023»/);
    assert.match(err, /notes left out .*t10 PER 177-186 «نزار بركة»/);
    // Without proclitic splitting, وتونس is one token: the span is widened, and said so.
    assert.match(err, /widened to whole tokens \(3\): t7 LOC 143-147 «تونس»/);
    assert.match(err, /11 spans left out or changed by the conll format/);
  });

  it('passes the CoNLL scheme and proclitic splitting, and the CSV byte order mark', async () => {
    const { dir, corpus: folder } = corpus();
    assert.equal((await run(['--format', 'conll', '--scheme', 'bioes', '--split-proclitics', '--out', path.join(dir, 'c'), folder])).code, 0);
    const conll = fs.readFileSync(path.join(dir, 'c', 'rabat-water-summit.conll'), 'utf8');
    assert.match(conll, /^الرباط S-LOC$/m);
    assert.match(conll, /^المغربية E-ORG$/m);
    // والماء split: the proclitic و stands alone inside the organisation.
    assert.match(conll, /^و I-ORG$/m);
    assert.equal((await run(['--format', 'csv', '--bom', '--out', path.join(dir, 'v'), folder])).code, 0);
    assert.equal(fs.readFileSync(path.join(dir, 'v', 'rabat-water-summit.csv'), 'utf8').charCodeAt(0), 0xfeff);
    assert.equal((await run(['--format', 'csv', '--out', path.join(dir, 'w'), folder])).code, 0);
    assert.notEqual(fs.readFileSync(path.join(dir, 'w', 'rabat-water-summit.csv'), 'utf8').charCodeAt(0), 0xfeff);
  });

  it('re-anchors spans when the text changed after the sidecar was saved', async () => {
    const { dir, corpus: folder } = corpus();
    const text = path.join(folder, SAMPLE);
    fs.writeFileSync(text, `عاجل 📰\n${fs.readFileSync(text, 'utf8')}`);
    assert.equal((await run(['--format', 'brat', '--out', path.join(dir, 'out'), folder])).code, 0);
    const ann = fs.readFileSync(path.join(dir, 'out', 'rabat-water-summit.ann'), 'utf8');
    // Seven code points were added in front (the emoji is one code point, two UTF-16 units).
    assert.match(ann, /^T1\tLOC 7 13\tالرباط$/m);
  });

  it('writes to ./export-<format> by default, json included', async () => {
    const { dir, corpus: folder } = corpus();
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      assert.equal((await run(['--format', 'json', folder])).code, 0);
    } finally {
      process.chdir(cwd);
    }
    assert.deepEqual(filesUnder(path.join(dir, 'export-json')), ['rabat-water-summit.txt.tawsim.json']);
  });

  it('keeps sub-folders apart and shows progress for folders on request', async () => {
    const { dir, corpus: folder } = corpus();
    fs.mkdirSync(path.join(folder, 'news'));
    for (const f of [SAMPLE, `${SAMPLE}.ann.yaml`]) fs.copyFileSync(path.join(folder, f), path.join(folder, 'news', f));
    const { code, io } = await run(['--format', 'brat', '--progress', '--out', path.join(dir, 'out'), folder]);
    assert.equal(code, 0);
    assert.deepEqual(filesUnder(path.join(dir, 'out')), [
      'annotation.conf',
      'news/rabat-water-summit.ann',
      'news/rabat-water-summit.txt',
      'rabat-water-summit.ann',
      'rabat-water-summit.txt',
      'visual.conf',
    ]);
    assert.deepEqual(
      io.stderr.filter((l) => /^\d+\/\d+$/.test(l)),
      ['1/2', '2/2'],
    );
  });

  it('refuses a broken sidecar and writes nothing', async () => {
    const { dir, corpus: folder } = corpus();
    fs.writeFileSync(path.join(folder, `${SAMPLE}.ann.yaml`), 'tawsim: 1\nannotations: [\n');
    const out = path.join(dir, 'out');
    const { code, io } = await run(['--format', 'brat', '--out', out, folder]);
    assert.equal(code, 1);
    assert.match(io.stderr.join('\n'), /rabat-water-summit\.txt\.ann\.yaml:\d+: /);
    assert.equal(fs.existsSync(out), false);
  });

  it("refuses to export into the texts' own folder where it would overwrite them", async () => {
    const { corpus: folder } = corpus();
    const before = fs.readdirSync(folder).sort();
    const { code, io } = await run(['--format', 'brat', '--out', folder, folder]);
    assert.equal(code, 1);
    assert.match(io.stderr.join('\n'), /would overwrite the text .*rabat-water-summit\.txt/);
    assert.deepEqual(fs.readdirSync(folder).sort(), before);
  });

  it('asks which annotator when a text has several sidecars', async () => {
    const { dir, corpus: folder } = corpus();
    const other = fs.readFileSync(path.join(folder, `${SAMPLE}.ann.yaml`), 'utf8').replace('annotator: salma', 'annotator: omar');
    fs.writeFileSync(path.join(folder, `${SAMPLE}.omar.ann.yaml`), other);
    const out = path.join(dir, 'out');
    const refused = await run(['--format', 'doccano', '--out', out, folder]);
    assert.equal(refused.code, 1);
    assert.match(refused.io.stderr.join('\n'), /several sidecars .*--annotator NAME/);
    assert.equal(fs.existsSync(out), false);
    assert.equal((await run(['--format', 'doccano', '--annotator', 'omar', '--out', out, folder])).code, 0);
  });

  it('reports a missing input and a text without a sidecar as bad input', async () => {
    const { dir, corpus: folder } = corpus();
    fs.writeFileSync(path.join(folder, 'lonely.txt'), 'نص بلا وسوم');
    assert.equal((await run(['--format', 'brat', '--out', path.join(dir, 'o'), path.join(folder, 'lonely.txt')])).code, 1);
    assert.equal((await run(['--format', 'brat', '--out', path.join(dir, 'o'), path.join(dir, 'missing')])).code, 1);
    assert.equal(fs.existsSync(path.join(dir, 'o')), false);
  });

  it('treats bad options as usage errors', async () => {
    const { corpus: folder } = corpus();
    await assert.rejects(run([folder]), UsageError);
    await assert.rejects(run(['--format', 'xml', folder]), UsageError);
    await assert.rejects(run(['--format', 'brat', '--scheme', 'bioes', folder]), UsageError);
    await assert.rejects(run(['--format', 'conll', '--scheme', 'iob1', folder]), UsageError);
    await assert.rejects(run(['--format', 'doccano', '--bom', folder]), UsageError);
    await assert.rejects(run(['--format', 'brat', '--offsets', 'utf16', folder]), UsageError);
    await assert.rejects(run(['--format', 'doccano', '--offsets', 'bytes', folder]), UsageError);
    await assert.rejects(run(['--format', 'doccano', '--no-formula-guard', folder]), UsageError);
    await assert.rejects(run(['--format', 'brat']), UsageError);
  });
});
