import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UsageError } from '../../../src/cli/cliTypes';
import { annotateCommand } from '../../../src/cli/commands/annotate';
import type { Annotation } from '../../../src/core/model/annotation';
import { buildSidecar } from '../../../src/core/sidecar/documentAnnotations';
import { parseSidecar } from '../../../src/core/sidecar/parseSidecar';
import { serializeSidecar } from '../../../src/core/sidecar/serializeSidecar';
import type { Sidecar } from '../../../src/core/sidecar/sidecarTypes';
import { fakeIo, tempFolders } from './cliTestKit';
import type { Captured } from './cliTestKit';

const folders = tempFolders('tawsim-annotate-');
const tempDir = (): string => folders.make();

async function annotate(args: string[]): Promise<{ code: number; io: Captured }> {
  const io = fakeIo();
  return { code: await annotateCommand.run(args, io), io };
}

function readSidecar(file: string): Sidecar {
  const parsed = parseSidecar(fs.readFileSync(file, 'utf8'));
  assert.ok(parsed.sidecar, JSON.stringify(parsed.problems));
  return parsed.sidecar;
}

/** Every file's bytes under a folder, by relative path. */
function snapshot(dir: string): Map<string, string> {
  const files = (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile()).sort();
  return new Map(files.map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]));
}

const TEXT = '📰 الرباط - 18 يناير 2023\nاستقبل الملك محمد السادس في الرباط، الثلاثاء، الرئيس الفرنسي إيمانويل ماكرون.\nوقال ماكرون إن فرنسا تدعم المغرب.\n';

/** An annotation on the n-th occurrence of a quote, in UTF-16 offsets (buildSidecar converts). */
function on(id: string, quote: string, label: string, status: Annotation['status'], occurrence = 0): Annotation {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = TEXT.indexOf(quote, at + 1);
  return { id, label, start: at, end: at + quote.length, text: quote, status, source: status === 'accepted' ? 'manual' : 'rules' };
}

describe('tawsim annotate', () => {
  after(() => {
    folders.removeAll();
  });

  it('creates sidecars of suggestions, in code points, under the annotator given, with a summary per file on stderr', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.txt');
    fs.writeFileSync(file, TEXT);
    fs.writeFileSync(path.join(dir, 'empty.txt'), 'لا شيء\n');
    const { code, io } = await annotate(['--annotator', 'salma', dir]);
    assert.equal(code, 0, io.stderr.join('\n'));
    assert.deepEqual(io.stdout, []);
    assert.match(io.stderr.join('\n'), /a\.txt: \d+ suggestions added; a\.txt\.ann\.yaml created/);
    assert.match(io.stderr.join('\n'), /empty\.txt: nothing found; no sidecar written/);
    assert.ok(!fs.existsSync(path.join(dir, 'empty.txt.ann.yaml')));
    const sidecar = readSidecar(`${file}.ann.yaml`);
    assert.equal(sidecar.annotator, 'salma');
    assert.equal(sidecar.document.path, 'a.txt');
    assert.equal(sidecar.document.length, [...TEXT].length);
    assert.ok(sidecar.annotations.length >= 6);
    for (const a of sidecar.annotations) {
      assert.equal(a.status, 'suggested');
      // DATE and TIME come from the rules; names from the base model.
      assert.equal(a.source, a.label === 'DATE' || a.label === 'TIME' ? 'rules' : 'model');
      assert.equal([...TEXT].slice(a.start, a.end).join(''), a.text);
    }
    assert.equal(sidecar.annotations.find((a) => a.text === 'الرباط')?.start, TEXT.indexOf('الرباط') - 1);
    assert.equal(sidecar.annotations.find((a) => a.text === 'الثلاثاء')?.value, '2023-01-17', 'resolved against the dateline');
  });

  it('keeps tags, rejections and stored suggestions, adds no duplicate, and is idempotent to the byte', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.txt');
    fs.writeFileSync(file, TEXT);
    const existing = buildSidecar(
      { path: 'a.txt', annotator: 'omar', date: '2024-02-01' },
      TEXT,
      [
        { ...on('t1', 'الرباط', 'LOC', 'accepted'), note: 'dateline' },
        on('t2', 'فرنسا', 'LOC', 'rejected'),
        on('t5', 'المغرب', 'LOC', 'suggested'),
        on('t7', 'تدعم', 'MISC', 'accepted'),
      ],
      [],
    );
    fs.writeFileSync(`${file}.ann.yaml`, serializeSidecar(existing));
    // The rules alone (--model none): the annotator's tag is found again as a learned suggestion.
    const first = await annotate(['--annotator', 'salma', '--model', 'none', file]);
    assert.equal(first.code, 0, first.io.stderr.join('\n'));
    assert.match(first.io.stderr.join('\n'), /updated/);
    const after = readSidecar(`${file}.ann.yaml`);
    assert.equal(after.annotator, 'omar');
    assert.equal(after.document.date, '2024-02-01');
    for (const old of existing.annotations)
      assert.deepEqual(
        after.annotations.find((a) => a.id === old.id),
        old,
      );
    const keys = after.annotations.map((a) => `${a.start}:${a.end}:${a.label}`);
    assert.equal(new Set(keys).size, keys.length, 'no span and label twice');
    assert.ok(!after.annotations.some((a) => a.text === 'فرنسا' && a.status !== 'rejected'), 'a rejected span is not added again');
    assert.deepEqual(
      after.annotations.filter((a) => a.source === 'learned').map((a) => [a.label, a.text, a.status]),
      [['LOC', 'الرباط', 'suggested']],
      'the other الرباط is suggested from the tag',
    );
    assert.equal(after.annotations.find((a) => a.text === 'الثلاثاء')?.value, '2024-01-30', 'resolved against the sidecar date');
    assert.ok(after.annotations.filter((a) => !['t1', 't2', 't5', 't7'].includes(a.id)).every((a) => a.status === 'suggested' && Number(a.id.slice(1)) > 7));

    const bytes = fs.readFileSync(`${file}.ann.yaml`, 'utf8');
    const second = await annotate(['--annotator', 'salma', '--model', 'none', file]);
    assert.equal(second.code, 0);
    assert.match(second.io.stderr.join('\n'), /0 suggestions added; a\.txt\.ann\.yaml unchanged/);
    assert.equal(fs.readFileSync(`${file}.ann.yaml`, 'utf8'), bytes);
  });

  it('runs twice over a new folder with the same bytes as once', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a.txt'), TEXT);
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.writeFileSync(path.join(dir, 'sub', 'b.md'), 'زار الوزير ناصر بوريطة القاهرة أمس الثلاثاء.\n');
    assert.equal((await annotate(['--annotator', 'salma', '--date', '2024-03-07', dir])).code, 0);
    const once = snapshot(dir);
    assert.ok(once.has(path.join('sub', 'b.md.ann.yaml')));
    assert.equal(readSidecar(path.join(dir, 'sub', 'b.md.ann.yaml')).document.date, '2024-03-07', 'the date asked for is kept');
    assert.equal((await annotate(['--annotator', 'salma', '--date', '2024-03-07', dir])).code, 0);
    assert.deepEqual(snapshot(dir), once);
  });

  it('never writes a broken sidecar or one of a newer Tawsim: exit 1 naming the file and line', async () => {
    const dir = tempDir();
    for (const name of ['broken.txt', 'newer.txt', 'fine.txt']) fs.writeFileSync(path.join(dir, name), TEXT);
    const broken = 'tawsim: 1\ndocument:\n  path: broken.txt\n  sha256: abc\n annotator: [x\n';
    const newer = serializeSidecar(buildSidecar({ path: 'newer.txt', annotator: 'omar' }, TEXT, [], [])).replace('tawsim: 1', 'tawsim: 9');
    fs.writeFileSync(path.join(dir, 'broken.txt.ann.yaml'), broken);
    fs.writeFileSync(path.join(dir, 'newer.txt.ann.yaml'), newer);
    const { code, io } = await annotate(['--annotator', 'salma', dir]);
    assert.equal(code, 1);
    const errors = io.stderr.join('\n');
    assert.match(errors, new RegExp(`broken\\.txt\\.ann\\.yaml:\\d+: .*not written until it is fixed`));
    assert.match(errors, /newer\.txt\.ann\.yaml:1: .*schema version 9/);
    assert.match(errors, /2 not processed/);
    assert.equal(fs.readFileSync(path.join(dir, 'broken.txt.ann.yaml'), 'utf8'), broken);
    assert.equal(fs.readFileSync(path.join(dir, 'newer.txt.ann.yaml'), 'utf8'), newer);
    assert.ok(fs.existsSync(path.join(dir, 'fine.txt.ann.yaml')), 'the other files are still annotated');
  });

  it('follows --pattern with ${annotator}, and --labels', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a.txt'), TEXT);
    const { code } = await annotate(['--annotator', 'layla', '--pattern', '${file}.${annotator}.ann.yaml', '--labels', 'DATE', dir]);
    assert.equal(code, 0);
    const sidecar = readSidecar(path.join(dir, 'a.txt.layla.ann.yaml'));
    assert.ok(sidecar.annotations.length > 0 && sidecar.annotations.every((a) => a.label === 'DATE'));
    assert.ok(!fs.existsSync(path.join(dir, 'a.txt.ann.yaml')));
    await assert.rejects(annotate(['--pattern', 'fixed.ann.yaml', dir]), UsageError);
    await assert.rejects(annotate(['--labels', 'PLACE', dir]), UsageError);
    await assert.rejects(annotate(['--date', '18/01/2023', dir]), UsageError);
  });

  it('writes sidecars under the pattern of the project file above the input, unless --pattern says otherwise', async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, '.tawsim'));
    fs.writeFileSync(path.join(dir, '.tawsim', 'project.yaml'), 'tawsim-project: 1\nsidecar:\n  pattern: ${file}.${annotator}.ann.yaml\n');
    const news = path.join(dir, 'news', '2024');
    fs.mkdirSync(news, { recursive: true });
    fs.writeFileSync(path.join(news, 'a.txt'), TEXT);
    const { code, io } = await annotate(['--annotator', 'layla', news]);
    assert.equal(code, 0, io.stderr.join('\n'));
    assert.ok(readSidecar(path.join(news, 'a.txt.layla.ann.yaml')).annotations.length > 0);
    assert.ok(!fs.existsSync(path.join(news, 'a.txt.ann.yaml')));
    assert.equal((await annotate(['--annotator', 'layla', '--pattern', '${file}.ann.yaml', news])).code, 0);
    assert.ok(fs.existsSync(path.join(news, 'a.txt.ann.yaml')), 'the option wins over the project');
  });

  it('exits 1 for a missing input, and writes the same sidecars with worker threads as without', async function () {
    this.timeout(60_000);
    const missing = await annotate([path.join(tempDir(), 'nowhere')]);
    assert.equal(missing.code, 1);
    assert.match(missing.io.stderr.join('\n'), /nowhere: no such file or folder/);

    const a = tempDir();
    const b = tempDir();
    for (let i = 0; i < 40; i++) {
      const text = `${['الرباط', 'القاهرة', 'تونس'][i % 3]} - ${1 + (i % 27)} مارس 2024\nاستقبل الرئيس إيمانويل ماكرون وفدا من فرنسا الثلاثاء.\n`;
      fs.writeFileSync(path.join(a, `d${i}.txt`), text);
      fs.writeFileSync(path.join(b, `d${i}.txt`), text);
    }
    const single = await annotate(['--annotator', 'salma', '--workers', '0', a]);
    const threaded = await annotate(['--annotator', 'salma', '--workers', '2', '--progress', b]);
    assert.equal(single.code, 0, single.io.stderr.join('\n'));
    assert.equal(threaded.code, 0, threaded.io.stderr.join('\n'));
    assert.deepEqual(snapshot(b), snapshot(a));
    assert.equal(threaded.io.stderr.filter((l) => /^\d+\/40$/.test(l)).at(-1), '40/40');
  });
});
