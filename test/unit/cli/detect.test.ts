import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { UsageError } from '../../../src/cli/cliTypes';
import { detectCommand } from '../../../src/cli/commands/detect';
import { buildSidecar } from '../../../src/core/sidecar/documentAnnotations';
import { serializeSidecar } from '../../../src/core/sidecar/serializeSidecar';
import { fakeIo, tempFolders } from './cliTestKit';
import type { Captured } from './cliTestKit';

const root = path.resolve(__dirname, '..', '..', '..');

interface DetectedSpan {
  readonly file: string;
  readonly start: number;
  readonly end: number;
  readonly label: string;
  readonly text: string;
  readonly value?: string;
  readonly source: string;
  readonly score?: number;
}

const folders = tempFolders('tawsim-detect-');
const tempDir = (): string => folders.make();

/** The JSON lines printed (a file's lines may come in one write). */
function spansOf(io: Captured): DetectedSpan[] {
  return io.stdout
    .join('\n')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as DetectedSpan);
}

async function detect(args: string[]): Promise<{ code: number; io: Captured; spans: DetectedSpan[] }> {
  const io = fakeIo();
  const code = await detectCommand.run(args, io);
  return { code, io, spans: spansOf(io) };
}

const EMOJI_ARTICLE = '📰 عاجل: استقبل الملك محمد السادس في الرباط، الثلاثاء، الرئيس الفرنسي إيمانويل ماكرون.\nوقال ماكرون إن فرنسا تدعم المغرب.\n';

describe('tawsim detect', () => {
  after(() => {
    folders.removeAll();
  });

  it('prints one JSON object per span with code point offsets, even after an emoji', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.txt');
    fs.writeFileSync(file, EMOJI_ARTICLE);
    const { code, spans, io } = await detect([file]);
    assert.equal(code, 0, io.stderr.join('\n'));
    assert.ok(spans.length >= 5);
    const codePoints = [...EMOJI_ARTICLE];
    for (const s of spans) {
      const keys = s.value === undefined ? ['file', 'start', 'end', 'label', 'text', 'source'] : ['file', 'start', 'end', 'label', 'text', 'value', 'source'];
      // The base model's spans carry its probability.
      assert.deepEqual(Object.keys(s), s.source === 'model' ? [...keys, 'score'] : keys);
      assert.equal(s.file, file);
      assert.equal(codePoints.slice(s.start, s.end).join(''), s.text);
      assert.ok(s.source === 'rules' || s.source === 'learned' || s.source === 'model');
      if (s.source === 'model') assert.ok(typeof s.score === 'number' && s.score > 0 && s.score <= 1);
      if (s.value !== undefined) assert.ok(s.label === 'DATE' || s.label === 'TIME');
    }
    const rabat = spans.find((s) => s.text === 'الرباط');
    assert.equal(rabat?.label, 'LOC');
    assert.equal(rabat?.start, EMOJI_ARTICLE.indexOf('الرباط') - 1, 'code points, not UTF-16 units');
    assert.ok(
      spans.some((s) => s.label === 'PER' && s.text === 'ماكرون' && s.start > EMOJI_ARTICLE.indexOf('\n')),
      'names are linked across lines',
    );
    assert.equal(spans.find((s) => s.label === 'DATE')?.value, 'XXXX-WXX-2', 'no date known: the weekday keeps X');
  });

  it('resolves relative dates against --date, else the sidecar date, else a dateline', async () => {
    const dir = tempDir();
    const plain = path.join(dir, 'plain.txt');
    const dated = path.join(dir, 'dated.txt');
    const headed = path.join(dir, 'headed.txt');
    const body = 'زار الوزير ناصر بوريطة القاهرة الثلاثاء.\n';
    fs.writeFileSync(plain, body);
    fs.writeFileSync(dated, body);
    fs.writeFileSync(headed, `الرباط - 18 يناير 2023\n${body}`);
    fs.writeFileSync(`${dated}.ann.yaml`, serializeSidecar(buildSidecar({ path: 'dated.txt', annotator: 'salma', date: '2024-03-07' }, body, [], [])));
    const tuesday = (spans: DetectedSpan[], file: string): string | undefined => spans.find((s) => s.file === file && s.label === 'DATE' && s.text === 'الثلاثاء')?.value;
    const auto = await detect([dir]);
    assert.equal(auto.code, 0);
    assert.equal(tuesday(auto.spans, plain), 'XXXX-WXX-2');
    assert.equal(tuesday(auto.spans, dated), '2024-03-05');
    assert.equal(tuesday(auto.spans, headed), '2023-01-17');
    const asked = await detect(['--date', '2025-06-05', dir]);
    for (const f of [plain, dated, headed]) assert.equal(tuesday(asked.spans, f), '2025-06-03');
  });

  it('keeps the labels asked for, walks folders in name order and skips sidecars and other files', async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.mkdirSync(path.join(dir, '.hidden'));
    fs.writeFileSync(path.join(dir, 'b.txt'), 'زار الرئيس القاهرة أمس.\n');
    fs.writeFileSync(path.join(dir, 'sub', 'a.md'), 'وصل الوفد إلى الرباط يوم 5 مارس 2024.\n');
    fs.writeFileSync(path.join(dir, 'notes.log'), 'الرباط\n');
    fs.writeFileSync(path.join(dir, '.hidden', 'c.txt'), 'الرباط\n');
    fs.writeFileSync(path.join(dir, 'b.txt.ann.yaml'), 'not: [valid\n');
    const { code, spans } = await detect(['--labels', 'LOC,DATE', dir]);
    assert.equal(code, 0);
    assert.deepEqual([...new Set(spans.map((s) => path.relative(dir, s.file)))], ['b.txt', path.join('sub', 'a.md')]);
    assert.ok(spans.every((s) => s.label === 'LOC' || s.label === 'DATE'));
    assert.ok(spans.some((s) => s.label === 'DATE') && spans.some((s) => s.label === 'LOC'));
    const sidecarNamed = await detect([path.join(dir, 'b.txt.ann.yaml')]);
    assert.equal(sidecarNamed.code, 0);
    assert.deepEqual(sidecarNamed.spans, []);
    assert.match(sidecarNamed.io.stderr.join('\n'), /b\.txt\.ann\.yaml: a sidecar, not a text; skipped/);
  });

  it('exits 1 naming each file that cannot be read, and still prints the others', async () => {
    const dir = tempDir();
    const good = path.join(dir, 'good.txt');
    const latin1 = path.join(dir, 'latin1.txt');
    const binary = path.join(dir, 'image.txt');
    const missing = path.join(dir, 'missing.txt');
    fs.writeFileSync(good, 'زار الوفد الرباط.\n');
    fs.writeFileSync(latin1, Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
    fs.writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]));
    const { code, io, spans } = await detect([good, latin1, binary, missing]);
    assert.equal(code, 1);
    assert.deepEqual([...new Set(spans.map((s) => s.file))], [good]);
    const errors = io.stderr.join('\n');
    assert.match(errors, new RegExp(`${escape(latin1)}: not valid UTF-8`));
    assert.match(errors, new RegExp(`${escape(binary)}: a binary file`));
    assert.match(errors, new RegExp(`${escape(missing)}: no such file`));
  });

  it('refuses bad usage: a bad --date, an unknown label, no files, bad --workers', async () => {
    const dir = tempDir();
    await assert.rejects(detect(['--date', '2023-02-30', dir]), UsageError);
    await assert.rejects(detect(['--date', 'yesterday', dir]), UsageError);
    await assert.rejects(detect(['--labels', 'PER,PLACE', dir]), /unknown label PLACE/);
    await assert.rejects(detect(['--model', path.join(dir, 'missing.bin'), dir]), /--model: .*missing\.bin does not exist/);
    await assert.rejects(detect(['--labels', ',', dir]), UsageError);
    await assert.rejects(detect([]), UsageError);
    await assert.rejects(detect(['--workers', 'many', dir]), UsageError);
    await assert.rejects(detect(['--nope', dir]), UsageError);
  });

  it('shows N/M progress on stderr with --progress, and gives the same output with worker threads', async function () {
    this.timeout(60_000);
    const dir = manyDocuments(40);
    const inProcess = await detect(['--workers', '0', '--progress', dir]);
    assert.equal(inProcess.code, 0);
    assert.equal(inProcess.io.stderr[0], '1/40');
    assert.equal(inProcess.io.stderr.at(-1), '40/40');
    const threaded = await detect(['--workers', '2', dir]);
    assert.equal(threaded.code, 0, threaded.io.stderr.join('\n'));
    assert.deepEqual(threaded.spans, inProcess.spans);
    assert.equal(new Set(inProcess.spans.map((s) => s.file)).size, 40);
  });

  it('runs its worker threads from a single-file esbuild bundle, as dist/cli.js does', async function () {
    this.timeout(120_000);
    const dir = manyDocuments(40);
    const out = path.join(tempDir(), 'cli.js');
    // The same shape as src/cli/main.ts: the command runs only when the bundle is the program.
    const entry = [
      `import { detectCommand } from ${JSON.stringify(path.join(root, 'src', 'cli', 'commands', 'detect'))};`,
      `const io = { out: (l: string) => process.stdout.write(l + '\\n'), err: (l: string) => process.stderr.write(l + '\\n') };`,
      `if (require.main === module) void detectCommand.run(process.argv.slice(2), io).then((c) => { process.exitCode = c; });`,
    ].join('\n');
    await esbuild.build({
      stdin: { contents: entry, loader: 'ts', resolveDir: root },
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      outfile: out,
      loader: { '.json': 'json' },
      logLevel: 'error',
    });
    const run = (workers: string): { status: number | null; stdout: string; stderr: string } =>
      spawnSync(process.execPath, [out, '--workers', workers, dir], { encoding: 'utf8', cwd: os.tmpdir(), timeout: 60_000 });
    const single = run('0');
    const threaded = run('2');
    assert.equal(single.status, 0, single.stderr);
    assert.equal(threaded.status, 0, threaded.stderr);
    assert.ok(single.stdout.split('\n').length > 40);
    assert.equal(threaded.stdout, single.stdout);
  });

  describe('with a .tawsim/project.yaml above the input', () => {
    const NEWS = 'استقبل الرئيس الفرنسي إيمانويل ماكرون في باريس يوم الثلاثاء وزير الخارجية المغربي ناصر بوريطة، وبحثا التعاون بين شركة رينو ومجموعة المكتب الشريف للفوسفاط.\n';
    /** A corpus folder with this project file and one text in a sub-folder; the text's path. */
    function corpus(project: string): string {
      const dir = tempDir();
      fs.mkdirSync(path.join(dir, '.tawsim'));
      fs.writeFileSync(path.join(dir, '.tawsim', 'project.yaml'), project);
      fs.mkdirSync(path.join(dir, 'news'));
      const file = path.join(dir, 'news', 'a.txt');
      fs.writeFileSync(file, NEWS);
      return file;
    }

    it('takes the recogniser threshold: the model proposes nothing below it', async () => {
      const plain = await detect([corpus('tawsim-project: 1\n')]);
      assert.equal(plain.code, 0, plain.io.stderr.join('\n'));
      assert.ok(
        plain.spans.some((s) => s.source === 'model' && (s.score ?? 1) < 0.9),
        'without a threshold the model proposes spans it is less sure of',
      );
      const strict = await detect([path.dirname(corpus('tawsim-project: 1\nrecognizer: { threshold: 0.9 }\n'))]);
      assert.equal(strict.code, 0, strict.io.stderr.join('\n'));
      const model = strict.spans.filter((s) => s.source === 'model');
      assert.ok(model.length > 0 && model.every((s) => (s.score ?? 0) >= 0.9));
    });

    it('takes "model: false" as --model none, and --model given on the command line wins', async () => {
      const file = corpus('tawsim-project: 1\nrecognizer: { model: false }\n');
      const rules = await detect([file]);
      assert.equal(rules.code, 0, rules.io.stderr.join('\n'));
      assert.ok(rules.spans.length > 0 && rules.spans.every((s) => s.source !== 'model'));
      const flag = await detect(['--model', path.join(root, 'models', 'base', 'tawsim-ner.bin'), file]);
      assert.ok(flag.spans.some((s) => s.source === 'model'));
    });

    it('stops at a project file with an error, naming its file and line', async () => {
      const file = corpus('tawsim-project: 1\nrecognizer: { threshold: lots }\n');
      await assert.rejects(detect([file]), /project\.yaml:2: /);
    });
  });
});

/** A folder of `n` short articles, each naming a place, a person and a date. */
function manyDocuments(n: number): string {
  const dir = tempDir();
  const places = ['الرباط', 'القاهرة', 'تونس', 'الدوحة', 'بيروت'];
  for (let i = 0; i < n; i++) {
    const place = places[i % places.length] as string;
    fs.writeFileSync(path.join(dir, `doc-${String(i).padStart(3, '0')}.txt`), `${place} - ${1 + (i % 27)} مارس 2024\nاستقبل الرئيس إيمانويل ماكرون في ${place} وفدا من فرنسا.\n`);
  }
  return dir;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
