import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { exportCommand } from '../../../src/cli/commands/export';
import { importCommand } from '../../../src/cli/commands/import';
import { parseSidecar } from '../../../src/core/sidecar/parseSidecar';
import type { Sidecar } from '../../../src/core/sidecar/sidecarTypes';
import { fakeIo, tempFolders } from './cliTestKit';
import type { Captured } from './cliTestKit';

const root = path.resolve(__dirname, '..', '..', '..');
const RABAT = 'rabat-water-summit.txt';
const folders = tempFolders('tawsim-interchange-');

async function runImport(args: string[]): Promise<{ code: number; io: Captured }> {
  const io = fakeIo();
  return { code: await importCommand.run(args, io), io };
}

async function runExport(args: string[]): Promise<{ code: number; io: Captured }> {
  const io = fakeIo();
  return { code: await exportCommand.run(args, io), io };
}

function readSidecar(file: string): Sidecar {
  const parsed = parseSidecar(fs.readFileSync(file, 'utf8'));
  assert.ok(parsed.sidecar, JSON.stringify(parsed.problems));
  return parsed.sidecar;
}

function folderWith(files: Record<string, string>): string {
  const dir = folders.make();
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

const TEXT = 'التقى الوزير 👍🏽 بنظيره في عمّان.';

describe('tawsim import and export: what the real tools exchange', () => {
  after(() => folders.removeAll());

  it('Label Studio: one sidecar per annotator, the ground truth as gold, --annotator maps the names', async () => {
    const cp = (s: number, e: number, label: string): unknown => ({
      id: `r${s}`,
      from_name: 'label',
      to_name: 'text',
      type: 'labels',
      value: { start: s, end: e, text: Array.from(TEXT).slice(s, e).join(''), labels: [label] },
    });
    const tasks = [
      {
        id: 1,
        data: { text: TEXT },
        annotations: [
          { id: 10, completed_by: { id: 3, email: 'salma@example.org' }, result: [cp(6, 12, 'PER')] },
          { id: 11, completed_by: 4, result: [cp(6, 12, 'PER'), cp(26, 31, 'LOC')] },
          { id: 12, completed_by: 5, ground_truth: true, result: [cp(26, 31, 'LOC')] },
        ],
      },
    ];
    const dir = folderWith({ 'texts/a.txt': TEXT, 'ls.json': JSON.stringify(tasks) });
    const texts = path.join(dir, 'texts');
    const { code, io } = await runImport(['--format', 'labelstudio', '--into', texts, '--annotator', 'salma@example.org=salma', path.join(dir, 'ls.json')]);
    assert.equal(code, 0, io.stderr.join('\n'));
    assert.deepEqual(fs.readdirSync(texts).sort(), ['a.txt', 'a.txt.4.ann.yaml', 'a.txt.gold.ann.yaml', 'a.txt.salma.ann.yaml']);
    assert.equal(readSidecar(path.join(texts, 'a.txt.salma.ann.yaml')).annotator, 'salma');
    assert.equal(readSidecar(path.join(texts, 'a.txt.4.ann.yaml')).annotations.length, 2);
    assert.deepEqual(
      readSidecar(path.join(texts, 'a.txt.gold.ann.yaml')).annotations.map((a) => a.text),
      ['عمّان'],
    );
    const merged = await runImport(['--format', 'labelstudio', '--into', texts, '--annotator', 'one', '--force', path.join(dir, 'ls.json')]);
    assert.equal(merged.code, 1);
    assert.match(merged.io.stderr.join('\n'), /holds the work of 2 annotators \(salma@example\.org, 4\); one name for all would merge it/);
  });

  it("doccano: reads doccano's own UTF-16 offsets by default, and --offsets codepoint when asked", async () => {
    const dir = folderWith({
      'texts/a.txt': TEXT,
      'utf16.jsonl': `${JSON.stringify({ text: TEXT, label: [[28, 33, 'LOC']] })}\n`,
      'cp.jsonl': `${JSON.stringify({ text: TEXT, label: [[26, 31, 'LOC']] })}\n`,
    });
    const texts = path.join(dir, 'texts');
    assert.equal((await runImport(['--format', 'doccano', '--into', texts, path.join(dir, 'utf16.jsonl')])).code, 0);
    assert.equal(readSidecar(path.join(texts, 'a.txt.ann.yaml')).annotations[0]?.text, 'عمّان');
    const cp = await runImport(['--format', 'doccano', '--into', texts, '--offsets', 'codepoint', '--force', path.join(dir, 'cp.jsonl')]);
    assert.equal(cp.code, 0, cp.io.stderr.join('\n'));
    assert.equal(readSidecar(path.join(texts, 'a.txt.ann.yaml')).annotations[0]?.text, 'عمّان');
  });

  it('brat: --discontinuous chooses (one discontinuous annotation by default), and a .txt with a byte order mark is counted', async () => {
    const dir = folderWith({ 'texts/a.txt': TEXT, 'brat/a.txt': `\ufeff${TEXT}`, 'brat/a.ann': 'T1\tPER 7 13;17 18\tالوزير ب\n' });
    const texts = path.join(dir, 'texts');
    const kept = await runImport(['--format', 'brat', '--into', texts, path.join(dir, 'brat', 'a.ann')]);
    assert.equal(kept.code, 0, kept.io.stderr.join('\n'));
    const sidecar = fs.readFileSync(path.join(texts, 'a.txt.ann.yaml'), 'utf8');
    assert.match(sidecar, /^tawsim: 2\n/);
    assert.deepEqual(readSidecar(path.join(texts, 'a.txt.ann.yaml')).annotations[0]?.fragments, [
      [6, 12],
      [16, 17],
    ]);
    fs.rmSync(path.join(texts, 'a.txt.ann.yaml'));
    const covered = await runImport(['--format', 'brat', '--into', texts, '--discontinuous', 'fragments', path.join(dir, 'brat', 'a.ann')]);
    assert.equal(covered.code, 0, covered.io.stderr.join('\n'));
    assert.deepEqual(
      readSidecar(path.join(texts, 'a.txt.ann.yaml')).annotations.map((a) => [a.start, a.end, a.text]),
      [
        [6, 12, 'الوزير'],
        [16, 17, 'ب'],
      ],
    );
  });

  it('CoNLL: the paths file brings each document back to its text in a folder that holds others', async () => {
    const dir = folders.make();
    const corpus = path.join(dir, 'corpus');
    fs.mkdirSync(path.join(corpus, 'news'), { recursive: true });
    fs.copyFileSync(path.join(root, 'samples', RABAT), path.join(corpus, 'news', RABAT));
    fs.copyFileSync(path.join(root, 'samples', `${RABAT}.ann.yaml`), path.join(corpus, 'news', `${RABAT}.ann.yaml`));
    assert.equal((await runExport(['--format', 'conll', '--out', path.join(dir, 'out'), corpus])).code, 0);
    const texts = path.join(dir, 'texts');
    fs.mkdirSync(path.join(texts, 'news'), { recursive: true });
    for (const name of ['cairo-metro-line.txt', 'doha-football-cup.txt']) fs.copyFileSync(path.join(root, 'samples', name), path.join(texts, name));
    fs.copyFileSync(path.join(root, 'samples', RABAT), path.join(texts, 'news', RABAT));
    const { code, io } = await runImport(['--format', 'conll', '--into', texts, '--annotator', 'salma', path.join(dir, 'out', 'rabat-water-summit.conll')]);
    assert.equal(code, 0, io.stderr.join('\n'));
    assert.ok(fs.existsSync(path.join(texts, 'news', `${RABAT}.ann.yaml`)));
    assert.ok(!fs.existsSync(path.join(texts, 'cairo-metro-line.txt.ann.yaml')));
  });

  for (const format of ['csv', 'json', 'webanno', 'spacy'] as const) {
    it(`${format}: an export imports back into sidecars with the same spans`, async () => {
      const dir = folders.make();
      const corpus = path.join(dir, 'corpus');
      fs.mkdirSync(corpus);
      fs.copyFileSync(path.join(root, 'samples', RABAT), path.join(corpus, RABAT));
      fs.copyFileSync(path.join(root, 'samples', `${RABAT}.ann.yaml`), path.join(corpus, `${RABAT}.ann.yaml`));
      const exported = await runExport(['--format', format, '--out', path.join(dir, 'out'), corpus]);
      assert.equal(exported.code, 0, exported.io.stderr.join('\n'));
      const texts = path.join(dir, 'texts');
      fs.mkdirSync(texts);
      fs.copyFileSync(path.join(root, 'samples', RABAT), path.join(texts, RABAT));
      const name = { csv: 'rabat-water-summit.csv', json: `${RABAT}.tawsim.json`, webanno: 'rabat-water-summit.tsv', spacy: 'rabat-water-summit.jsonl' }[format];
      const { code, io } = await runImport(['--format', format, '--into', texts, '--annotator', 'salma', path.join(dir, 'out', name)]);
      assert.equal(code, 0, io.stderr.join('\n'));
      const original = readSidecar(path.join(corpus, `${RABAT}.ann.yaml`));
      const got = readSidecar(path.join(texts, `${RABAT}.ann.yaml`));
      const key = (a: { label: string; start: number; end: number }): string => `${a.label}:${a.start}:${a.end}`;
      assert.deepEqual(got.annotations.map(key), original.annotations.map(key));
      assert.equal(got.annotator, 'salma');
    });
  }

  it('csv: --no-formula-guard writes cells as they are; the default lists what it guarded', async () => {
    const dir = folders.make();
    const corpus = path.join(dir, 'corpus');
    fs.mkdirSync(corpus);
    const text = '-5 درجات في الرباط';
    fs.writeFileSync(path.join(corpus, 'a.txt'), text);
    fs.writeFileSync(
      path.join(corpus, 'a.txt.ann.yaml'),
      `tawsim: 1\ndocument:\n  path: a.txt\n  sha256: ${createHash('sha256').update(text).digest('hex')}\n  length: 18\nannotator: salma\nannotations:\n  - id: t1\n    label: MISC\n    start: 0\n    end: 8\n    text: "-5 درجات"\n    status: accepted\n    source: manual\n`,
    );
    const guarded = await runExport(['--format', 'csv', '--out', path.join(dir, 'g'), corpus]);
    assert.match(guarded.io.stderr.join('\n'), /written with a ' before them.*t1 MISC 0-8 «-5 درجات» \(text\)/);
    assert.match(fs.readFileSync(path.join(dir, 'g', 'a.csv'), 'utf8'), /,'-5 درجات,/);
    const plain = await runExport(['--format', 'csv', '--no-formula-guard', '--out', path.join(dir, 'p'), corpus]);
    assert.equal(plain.code, 0);
    assert.match(fs.readFileSync(path.join(dir, 'p', 'a.csv'), 'utf8'), /,-5 درجات,/);
    assert.doesNotMatch(plain.io.stderr.join('\n'), /formula/);
  });

  it('doccano export: --offsets grapheme writes grapheme clusters', async () => {
    const dir = folders.make();
    const corpus = path.join(dir, 'corpus');
    fs.mkdirSync(corpus);
    fs.copyFileSync(path.join(root, 'samples', RABAT), path.join(corpus, RABAT));
    fs.copyFileSync(path.join(root, 'samples', `${RABAT}.ann.yaml`), path.join(corpus, `${RABAT}.ann.yaml`));
    const { code, io } = await runExport(['--format', 'doccano', '--offsets', 'grapheme', '--out', path.join(dir, 'out'), corpus]);
    assert.equal(code, 0, io.stderr.join('\n'));
    const record = JSON.parse(fs.readFileSync(path.join(dir, 'out', 'rabat-water-summit.jsonl'), 'utf8')) as { text: string; label: [number, number, string][] };
    const clusters = [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(record.text)].map((s) => s.segment);
    const original = readSidecar(path.join(corpus, `${RABAT}.ann.yaml`));
    assert.deepEqual(
      record.label.map(([s, e]) => clusters.slice(s, e).join('')),
      original.annotations.map((a) => a.text),
    );
  });
});
