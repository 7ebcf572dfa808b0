/**
 * Regressions of the command line on hostile files and in the places other writers leave: one
 * test (or a few) per numbered case of the issue "the command line beside other writers and on
 * hostile files". Cases 1–3 (races between processes) are in cliRaces.test.ts.
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { UsageError } from '../../../src/cli/cliTypes';
import type { CliIo } from '../../../src/cli/cliTypes';
import { agreeCommand } from '../../../src/cli/commands/agree';
import { annotateCommand } from '../../../src/cli/commands/annotate';
import { exportCommand } from '../../../src/cli/commands/export';
import { importCommand } from '../../../src/cli/commands/import';
import { validateCommand } from '../../../src/cli/commands/validate';
import { parseBatchArgs } from '../../../src/cli/recognize/batchArgs';
import type { Annotation } from '../../../src/core/model/annotation';
import { buildSidecar } from '../../../src/core/sidecar/documentAnnotations';
import { mergeAnnotations } from '../../../src/core/sidecar/mergeAnnotations';
import { parseSidecar } from '../../../src/core/sidecar/parseSidecar';
import { reanchorAnnotations } from '../../../src/core/sidecar/reanchor';
import { serializeSidecar } from '../../../src/core/sidecar/serializeSidecar';
import type { Sidecar } from '../../../src/core/sidecar/sidecarTypes';
import { runCli } from './cliProcess';

interface Ran {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

async function run(command: { run(args: readonly string[], io: CliIo): Promise<number> }, args: readonly string[]): Promise<Ran> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await command.run(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const made: string[] = [];
function folder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tawsim-hostile-cli-'));
  made.push(dir);
  return dir;
}

/** Tags each quote's n-th occurrence (default the first), in UTF-16 offsets (these texts have no astral characters). */
function tags(text: string, wanted: readonly (readonly [string, string, number?])[]): Annotation[] {
  return wanted.map(([quote, label, occurrence = 0], i) => {
    let at = -1;
    for (let k = 0; k <= occurrence; k++) at = text.indexOf(quote, at + 1);
    assert.ok(at >= 0, `«${quote}» occurs ${occurrence + 1} times`);
    return { id: `t${i + 1}`, label, start: at, end: at + quote.length, text: quote, status: 'accepted', source: 'manual' };
  });
}

function writeSidecar(file: string, textName: string, text: string, annotations: readonly Annotation[], annotator = 'salma'): string {
  const content = serializeSidecar(buildSidecar({ path: textName, annotator }, text, annotations, []));
  fs.writeFileSync(file, content);
  return content;
}

function sidecarOf(file: string): Sidecar {
  const parsed = parseSidecar(fs.readFileSync(file, 'utf8'));
  assert.ok(parsed.sidecar, JSON.stringify(parsed.problems));
  return parsed.sidecar;
}

function listing(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).map((f) => f.split(path.sep).join('/')).sort();
}

const TEXT = 'أعلن المغرب اليوم أن وفدا من الرباط سيزور القاهرة، وقال المتحدث إن المغرب مستعد.\n';

describe('robustness: the command line on hostile files (issue cases 4–17)', function () {
  this.timeout(60_000);
  after(() => {
    for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  describe('4: export never replaces what is in --out without being told', () => {
    it('keeps brat work edited after a previous export, and replaces it with --force', async () => {
      const dir = folder();
      const corpus = path.join(dir, 'corpus');
      fs.mkdirSync(corpus);
      fs.writeFileSync(path.join(corpus, 'a.txt'), TEXT);
      writeSidecar(path.join(corpus, 'a.txt.ann.yaml'), 'a.txt', TEXT, tags(TEXT, [['المغرب', 'LOC']]));
      const out = path.join(dir, 'brat');
      assert.equal((await run(exportCommand, ['--format', 'brat', '--out', out, corpus])).code, 0);
      const ann = path.join(out, 'a.ann');
      const edited = `${fs.readFileSync(ann, 'utf8')}T9\tLOC 29 35\tالرباط\n`;
      fs.writeFileSync(ann, edited);
      const again = await run(exportCommand, ['--format', 'brat', '--out', out, corpus]);
      assert.equal(again.code, 1, again.out);
      assert.match(again.err, /a\.ann already exists and was changed since the last export wrote it; it is not overwritten \(add --force/);
      assert.equal(fs.readFileSync(ann, 'utf8'), edited);
      // An export of unchanged files into its own folder replaces them without asking.
      fs.writeFileSync(ann, edited.replace(/T9.*\n/, ''));
      assert.equal((await run(exportCommand, ['--format', 'brat', '--out', out, corpus])).code, 0);
      fs.writeFileSync(ann, edited);
      assert.equal((await run(exportCommand, ['--format', 'brat', '--force', '--out', out, corpus])).code, 0);
      assert.doesNotMatch(fs.readFileSync(ann, 'utf8'), /T9/);
    });

    it('never writes over another article when --out is the texts’ own folder', async () => {
      const dir = folder();
      fs.writeFileSync(path.join(dir, 'a.md'), TEXT);
      writeSidecar(path.join(dir, 'a.md.ann.yaml'), 'a.md', TEXT, tags(TEXT, [['المغرب', 'LOC']]));
      const other = 'مقال آخر لا علاقة له بالأول.\n';
      fs.writeFileSync(path.join(dir, 'a.md.txt'), other);
      const before = listing(dir);
      const result = await run(exportCommand, ['--format', 'brat', '--out', dir, path.join(dir, 'a.md')]);
      assert.equal(result.code, 1, result.out);
      assert.match(result.err, /a\.md\.txt already exists and was not written by an earlier export/);
      assert.equal(fs.readFileSync(path.join(dir, 'a.md.txt'), 'utf8'), other);
      assert.deepEqual(listing(dir), before);
    });

    it('refuses two documents that map to one output name, naming them, and writes nothing', async () => {
      const dir = folder();
      const corpus = path.join(dir, 'corpus');
      fs.mkdirSync(corpus);
      for (const name of ['a.md', 'a.md.txt']) {
        fs.writeFileSync(path.join(corpus, name), TEXT);
        writeSidecar(path.join(corpus, `${name}.ann.yaml`), name, TEXT, tags(TEXT, [['القاهرة', 'LOC']]));
      }
      const out = path.join(dir, 'out');
      const result = await run(exportCommand, ['--format', 'brat', '--out', out, corpus]);
      assert.equal(result.code, 1, result.out);
      assert.match(result.err, /two documents \(a\.md, a\.md\.txt\) would be exported to the same files .*a\.md\.txt, .*a\.md\.ann;/);
      assert.equal(fs.existsSync(out), false);
    });
  });

  describe('5: re-anchoring never puts two tags on one span and label', () => {
    const twice = 'قال المغرب كلمته. ثم عاد المغرب إلى الحديث.';
    const deleted = 'ثم عاد المغرب إلى الحديث.';

    it('makes the tag whose occurrence was deleted an orphan, and brings it back with the text', () => {
      const original = tags(twice, [
        ['المغرب', 'LOC', 0],
        ['المغرب', 'LOC', 1],
      ]);
      // The sidecar records the text's length, which tells how far the end of the text moved.
      const moved = reanchorAnnotations(original, deleted, undefined, twice.length).annotations;
      const placed = moved.filter((a) => !a.orphan);
      assert.equal(placed.length, 1);
      assert.equal(placed[0]?.id, 't2');
      assert.equal(placed[0]?.start, deleted.indexOf('المغرب'));
      assert.equal(moved.find((a) => a.id === 't1')?.orphan, true);
      const restored = reanchorAnnotations(moved, twice, undefined, deleted.length).annotations;
      assert.deepEqual(
        restored.map((a) => [a.id, a.start, a.orphan ?? false]),
        original.map((a) => [a.id, a.start, false]),
      );
    });

    it('annotate and import --merge save no doubled tag, and the text restored restores it', async () => {
      for (const command of ['annotate', 'import'] as const) {
        const dir = folder();
        const textFile = path.join(dir, 'a.txt');
        fs.writeFileSync(textFile, twice);
        const sidecar = path.join(dir, 'a.txt.ann.yaml');
        writeSidecar(
          sidecar,
          'a.txt',
          twice,
          tags(twice, [
            ['المغرب', 'LOC', 0],
            ['المغرب', 'LOC', 1],
          ]),
        );
        const save = async (): Promise<Ran> => {
          if (command === 'annotate') return run(annotateCommand, ['--annotator', 'salma', textFile]);
          const text = fs.readFileSync(textFile, 'utf8');
          const jsonl = path.join(dir, 'in.jsonl');
          fs.writeFileSync(jsonl, `${JSON.stringify({ text, path: 'a.txt', label: [[text.indexOf('الحديث'), text.indexOf('الحديث') + 6, 'MISC']] })}\n`);
          return run(importCommand, ['--format', 'doccano', '--into', dir, '--annotator', 'salma', '--merge', jsonl]);
        };
        fs.writeFileSync(textFile, deleted);
        const first = await save();
        assert.equal(first.code, 0, first.err);
        const saved = sidecarOf(sidecar).annotations.filter((a) => a.label === 'LOC');
        assert.deepEqual(
          saved.map((a) => [a.id, a.orphan ?? false]).sort(),
          [
            ['t1', true],
            ['t2', false],
          ],
          command,
        );
        fs.writeFileSync(textFile, twice);
        assert.equal((await save()).code, 0);
        const back = sidecarOf(sidecar).annotations.filter((a) => a.label === 'LOC' && !a.orphan);
        assert.deepEqual(back.map((a) => [a.id, a.start]).sort(), [
          ['t1', twice.indexOf('المغرب')],
          ['t2', twice.lastIndexOf('المغرب')],
        ]);
      }
    });
  });

  it('6: import never writes a sidecar larger than the 64 MB every reader accepts', async function () {
    this.timeout(180_000);
    const dir = folder();
    // Six labels over one 11.5 MB span: each annotation repeats its quote, so the sidecar passes 64 MB.
    const text = 'abc '.repeat(2_900_000);
    fs.writeFileSync(path.join(dir, 'big.txt'), text);
    const labels = ['PER', 'ORG', 'LOC', 'DATE', 'TIME', 'MISC'].map((l) => [0, text.length - 1, l]);
    const jsonl = path.join(dir, 'big.jsonl');
    fs.writeFileSync(jsonl, `${JSON.stringify({ text, path: 'big.txt', label: labels })}\n`);
    const result = await runCli(['import', '--format', 'doccano', '--into', dir, '--annotator', 'salma', jsonl], { timeoutMs: 170_000, maxRssMb: 2500 });
    assert.equal(result.stopped, undefined);
    assert.equal(result.code, 1, result.stdout);
    assert.match(result.stderr, /big\.txt\.ann\.yaml: the sidecar would be larger than 64 MB, the most any reader accepts/);
    assert.equal(fs.existsSync(path.join(dir, 'big.txt.ann.yaml')), false);
  });

  describe('7: a symbolic link never brings in a file from outside the folder', () => {
    function leakyCorpus(): { dir: string; corpus: string } {
      const dir = folder();
      const corpus = path.join(dir, 'corpus');
      fs.mkdirSync(corpus);
      fs.writeFileSync(path.join(dir, 'secret.txt'), 'SECRET-PASSWORD-42 and more private text');
      fs.symlinkSync(path.join(dir, 'secret.txt'), path.join(corpus, 'leak.txt'));
      const decoy = 'SOMETHING-ELSE-entirely here';
      writeSidecar(path.join(corpus, 'leak.txt.ann.yaml'), 'leak.txt', decoy, tags(decoy, [['SOMETHING-ELSE', 'MISC']]));
      return { dir, corpus };
    }

    it('validate reports the link and prints nothing of the file it points to', async () => {
      const { corpus } = leakyCorpus();
      const result = await run(validateCommand, [corpus]);
      assert.doesNotMatch(result.out + result.err, /SECRET/);
      assert.match(result.out, /leak\.txt\.ann\.yaml:1: error: cannot read the text leak\.txt: is a link to .*secret\.txt, outside/);
      assert.equal(result.code, 1);
    });

    it('export and agree refuse it and copy nothing of it', async () => {
      const { dir, corpus } = leakyCorpus();
      const out = path.join(dir, 'out');
      const exported = await run(exportCommand, ['--format', 'brat', '--out', out, corpus]);
      assert.equal(exported.code, 1);
      assert.match(exported.err, /leak\.txt.*outside/);
      assert.equal(fs.existsSync(out), false);
      fs.copyFileSync(path.join(corpus, 'leak.txt.ann.yaml'), path.join(corpus, 'leak.txt.omar.ann.yaml'));
      const agreed = await run(agreeCommand, [corpus]);
      assert.doesNotMatch(agreed.out + agreed.err, /SECRET/);
      assert.match(agreed.err, /outside/);
    });
  });

  describe('8: regular files only, one size limit on every read, the real reason in the message', () => {
    it('refuses a FIFO and a link to /dev/zero named by document.path, in bounded time and memory', async function () {
      this.timeout(120_000);
      const dir = folder();
      const decoy = 'نص قصير';
      execFileSync('mkfifo', [path.join(dir, 'fifo.txt')]);
      writeSidecar(path.join(dir, 'fifo.txt.ann.yaml'), 'fifo.txt', decoy, tags(decoy, [['نص', 'MISC']]));
      fs.symlinkSync('/dev/zero', path.join(dir, 'zero.txt'));
      writeSidecar(path.join(dir, 'zero.txt.ann.yaml'), 'zero.txt', decoy, tags(decoy, [['نص', 'MISC']]));
      const result = await runCli(['validate', dir], { timeoutMs: 60_000, maxRssMb: 400 });
      assert.equal(result.stopped, undefined, 'validate neither hangs nor grows');
      assert.equal(result.code, 1);
      assert.match(result.stdout, /fifo\.txt\.ann\.yaml:1: error: cannot read the text fifo\.txt: is a FIFO, not a regular file/);
      assert.match(result.stdout, /zero\.txt\.ann\.yaml:1: error: cannot read the text zero\.txt: is a link to \/dev\/zero, outside/);
    });

    it('refuses a device named on the command line, and says "larger than 64 MB" of a big file, not "not valid UTF-8"', async function () {
      this.timeout(120_000);
      const dir = folder();
      fs.writeFileSync(path.join(dir, 'a.txt'), decoyText());
      const device = await runCli(['import', '--format', 'doccano', '--into', dir, '--annotator', 'x', '/dev/zero'], { timeoutMs: 60_000, maxRssMb: 400 });
      assert.equal(device.stopped, undefined, 'import neither hangs nor grows');
      assert.equal(device.code, 1);
      assert.match(device.stderr, /\/dev\/zero: is a device, not a regular file/);
      const big = path.join(dir, 'big.jsonl');
      const handle = fs.openSync(big, 'w');
      fs.writeSync(handle, Buffer.from([0xff, 0xfe]));
      fs.ftruncateSync(handle, 100 * 1048576);
      fs.closeSync(handle);
      const result = await run(importCommand, ['--format', 'doccano', '--into', dir, '--annotator', 'x', big]);
      assert.equal(result.code, 1);
      assert.match(result.err, /big\.jsonl: the file is 100 MB, larger than 64 MB; not read/);
      assert.doesNotMatch(result.err, /UTF-8/);
    });
  });

  describe('9: reads are bounded, and merging is not quadratic', () => {
    it('refuses 1 GB files before reading them (agree, export, validate, import)', async function () {
      this.timeout(180_000);
      const dir = folder();
      const huge = path.join(dir, 'huge.txt.ann.yaml');
      fs.writeFileSync(path.join(dir, 'huge.txt'), 'نص');
      const handle = fs.openSync(huge, 'w');
      fs.writeSync(handle, 'tawsim: 1\n');
      fs.ftruncateSync(handle, 1024 * 1048576);
      fs.closeSync(handle);
      const jsonl = path.join(dir, 'huge.jsonl');
      fs.copyFileSync(huge, jsonl);
      const commands = [
        ['validate', huge],
        ['agree', huge, huge],
        ['export', '--format', 'json', '--out', path.join(dir, 'out'), huge],
        ['import', '--format', 'doccano', '--into', dir, '--annotator', 'x', jsonl],
      ];
      const results = await Promise.all(commands.map((args) => runCli(args, { timeoutMs: 60_000, maxRssMb: 400 })));
      results.forEach((result, i) => {
        const name = commands[i]?.[0];
        assert.equal(result.stopped, undefined, `${name} read the file (${result.stopped})`);
        assert.equal(result.code, 1, `${name}: ${result.stdout}${result.stderr}`);
        assert.match(result.stdout + result.stderr, /the file is 1024 MB, larger than 64 MB; not read/, name);
      });
    });

    it('merges by one pass over each side: each annotation is looked at a bounded number of times', () => {
      let reads = 0;
      /** Annotations whose every field read is counted: a quadratic merge reads each one per other one. */
      const counted = (n: number, label: string, offset: number): Annotation[] =>
        Array.from({ length: n }, (_, i) => {
          const a: Annotation = { id: `t${i + 1}`, label, start: offset + i * 3, end: offset + i * 3 + 2, text: 'نص', status: 'accepted', source: 'import' };
          return new Proxy(a, {
            get(target, key, receiver) {
              reads++;
              return Reflect.get(target, key, receiver) as unknown;
            },
          });
        });
      const n = 2000;
      const merged = mergeAnnotations(counted(n, 'LOC', 0), counted(n, 'PER', 1));
      assert.equal(merged.length, 2 * n);
      assert.equal(new Set(merged.map((a) => a.id)).size, 2 * n, 'ids unique');
      reads -= merged.length; // the check above
      assert.ok(reads < 40 * 2 * n, `${reads} field reads for ${2 * n} annotations`);
    });
  });

  describe('10: import and export are all or nothing, checked while planning', () => {
    it('export: a folder in the way of visual.conf stops it before anything is written', async () => {
      const dir = folder();
      const corpus = path.join(dir, 'corpus');
      fs.mkdirSync(corpus);
      fs.writeFileSync(path.join(corpus, 'a.txt'), TEXT);
      writeSidecar(path.join(corpus, 'a.txt.ann.yaml'), 'a.txt', TEXT, tags(TEXT, [['المغرب', 'LOC']]));
      const out = path.join(dir, 'out');
      fs.mkdirSync(path.join(out, 'visual.conf'), { recursive: true });
      const result = await run(exportCommand, ['--format', 'brat', '--out', out, corpus]);
      assert.equal(result.code, 1);
      assert.match(result.err, /visual\.conf: is a folder, not a regular file.*nothing was written/s);
      assert.deepEqual(listing(out), ['visual.conf']);
    });

    it('import: a sidecar name too long for the file system stops it before any sidecar is written', async () => {
      const dir = folder();
      fs.writeFileSync(path.join(dir, 'a.txt'), TEXT);
      const long = `${'ن'.repeat(123)}.txt`; // 250 bytes: the sidecar's name would be 259
      fs.writeFileSync(path.join(dir, long), TEXT);
      const jsonl = path.join(dir, 'in.jsonl');
      const span = [TEXT.indexOf('المغرب'), TEXT.indexOf('المغرب') + 6, 'LOC'];
      fs.writeFileSync(jsonl, [JSON.stringify({ text: TEXT, path: 'a.txt', label: [span] }), JSON.stringify({ text: TEXT, path: long, label: [span] })].join('\n'));
      const result = await run(importCommand, ['--format', 'doccano', '--into', dir, '--annotator', 'x', jsonl]);
      assert.equal(result.code, 1);
      assert.match(result.err, /\.ann\.yaml cannot be written: its name is 259 bytes long, more than the 255/);
      assert.match(result.err, /nothing was written/);
      assert.deepEqual(
        fs.readdirSync(dir).filter((n) => n.endsWith('.ann.yaml')),
        [],
      );
    });
  });

  it('11: import --merge never credits one annotator’s tags to another, and counts what it added', async () => {
    const dir = folder();
    fs.writeFileSync(path.join(dir, 'a.txt'), TEXT);
    const sidecar = path.join(dir, 'a.txt.ann.yaml');
    const salma = writeSidecar(sidecar, 'a.txt', TEXT, tags(TEXT, [['المغرب', 'LOC']]), 'salma');
    const jsonl = path.join(dir, 'bob.jsonl');
    const span = (q: string): [number, number, string] => [TEXT.indexOf(q), TEXT.indexOf(q) + q.length, 'LOC'];
    fs.writeFileSync(jsonl, `${JSON.stringify({ text: TEXT, path: 'a.txt', label: [span('المغرب'), span('الرباط'), span('القاهرة')] })}\n`);
    const bob = await run(importCommand, ['--format', 'doccano', '--into', dir, '--annotator', 'bob', '--merge', jsonl]);
    assert.equal(bob.code, 1);
    assert.match(bob.err, /holds "salma"'s annotations, not "bob"'s/);
    assert.equal(fs.readFileSync(sidecar, 'utf8'), salma);
    const own = await run(importCommand, ['--format', 'doccano', '--into', dir, '--annotator', 'salma', '--merge', jsonl]);
    assert.equal(own.code, 0, own.err);
    // المغرب was there already: two imported, one kept.
    assert.match(own.out, /a\.txt\.ann\.yaml: 2 annotations imported \(1 already there, kept\)/);
    assert.match(own.out, /^2 annotations imported into 1 sidecar$/m);
    assert.equal(sidecarOf(sidecar).annotations.length, 3);
  });

  describe('12: validate says what is wrong, and only that', () => {
    it('reports the same span and label twice, a wrong document.length and a date not in the calendar', async () => {
      const dir = folder();
      fs.writeFileSync(path.join(dir, 'a.txt'), TEXT);
      const content = writeSidecar(
        path.join(dir, 'a.txt.ann.yaml'),
        'a.txt',
        TEXT,
        tags(TEXT, [
          ['المغرب', 'LOC'],
          ['المغرب', 'LOC'],
        ]),
      );
      fs.writeFileSync(path.join(dir, 'b.txt'), TEXT);
      fs.writeFileSync(
        path.join(dir, 'b.txt.ann.yaml'),
        content
          .replace('path: a.txt', 'path: b.txt')
          .replace(/length: \d+/, 'length: 500')
          .replace(/ {2}- id: t2\n( {4}.*\n)+/, ''),
      );
      fs.writeFileSync(path.join(dir, 'c.txt'), TEXT);
      fs.writeFileSync(
        path.join(dir, 'c.txt.ann.yaml'),
        content.replace('path: a.txt', 'path: c.txt').replace(/length: (\d+)\n/, `length: $1\n${' '.repeat(2)}date: 2023-02-30\n`),
      );
      const result = await run(validateCommand, [dir]);
      assert.match(result.out, /a\.txt\.ann\.yaml:\d+: warning: "t2" is the same span and label as "t1" \(LOC/);
      assert.match(result.out, /b\.txt\.ann\.yaml:5: error: document\.length is 500, but b\.txt \(the text this sidecar was saved for\) has \d+ code points/);
      assert.match(result.out, /c\.txt\.ann\.yaml:6: error: "document\.date" must be a calendar date written YYYY-MM-DD; 2023-02-30 is not a day of the calendar/);
      assert.equal(result.code, 1);
    });

    it('passes (exit 0, no error) a changed text whose tags re-anchoring places; warnings alone exit 0', async () => {
      const dir = folder();
      fs.writeFileSync(path.join(dir, 'a.txt'), TEXT);
      writeSidecar(
        path.join(dir, 'a.txt.ann.yaml'),
        'a.txt',
        TEXT,
        tags(TEXT, [
          ['الرباط', 'LOC'],
          ['القاهرة', 'LOC'],
        ]),
      );
      fs.writeFileSync(path.join(dir, 'a.txt'), `عاجل: ${TEXT}`);
      const result = await run(validateCommand, [dir]);
      assert.doesNotMatch(result.out, /: error:/, result.out);
      assert.match(result.out, /warning: a\.txt changed since the sidecar was saved/);
      assert.equal(result.code, 0);
    });

    it('reports a symbolic link to a sidecar outside the folder instead of skipping it silently', async () => {
      const dir = folder();
      const corpus = path.join(dir, 'corpus');
      fs.mkdirSync(corpus);
      fs.writeFileSync(path.join(dir, 'a.txt'), TEXT);
      writeSidecar(path.join(dir, 'a.txt.ann.yaml'), 'a.txt', TEXT, tags(TEXT, [['المغرب', 'LOC']]));
      fs.symlinkSync(path.join(dir, 'a.txt.ann.yaml'), path.join(corpus, 'a.txt.ann.yaml'));
      const result = await run(validateCommand, [corpus]);
      assert.match(result.out, /corpus\/a\.txt\.ann\.yaml:1: warning: is a symbolic link to .*a\.txt\.ann\.yaml, outside .*corpus; not read/);
      assert.equal(result.code, 0);
    });
  });

  it('13: a sidecar pattern must name a file ending in .ann.yaml', async () => {
    const dir = folder();
    fs.writeFileSync(path.join(dir, 'a.txt'), TEXT);
    await assert.rejects(run(annotateCommand, ['--pattern', '${file}.md', dir]), (e: Error) => e instanceof UsageError && /must end in \.ann\.yaml/.test(e.message));
    const jsonl = path.join(dir, 'in.jsonl');
    fs.writeFileSync(jsonl, `${JSON.stringify({ text: TEXT, path: 'a.txt', label: [] })}\n`);
    await assert.rejects(
      run(importCommand, ['--format', 'doccano', '--into', dir, '--pattern', '${file}.md', jsonl]),
      (e: Error) => e instanceof UsageError && /must end in \.ann\.yaml/.test(e.message),
    );
    assert.deepEqual(fs.readdirSync(dir).sort(), ['a.txt', 'in.jsonl']);
  });

  it('14: strings YAML 1.1 (PyYAML) would read as anything else are written quoted, and read back as strings', () => {
    const tricky = [
      '<<',
      '1_000',
      '2023-01-18',
      '12:30',
      '1:30:00',
      '0o17',
      '017',
      '0x1F',
      '0b101',
      '.inf',
      '-.Inf',
      '.NaN',
      '~',
      'null',
      'Null',
      'y',
      'n',
      'Y',
      'N',
      'yes',
      'off',
      'On',
      '=',
      '1e3',
      '+12',
      '2001-12-14t21:59:43.10-05:00',
      '2001-12-14 21:59:43.10 -5',
    ];
    const text = tricky.join(' ');
    const annotations: Annotation[] = tricky.map((q, i) => {
      const start = text.indexOf(q);
      return { id: `t${i + 1}`, label: 'MISC', start, end: start + q.length, text: q, status: 'accepted', source: 'manual', note: q, value: q };
    });
    const yaml = serializeSidecar({ ...buildSidecar({ path: '2023-01-18', annotator: 'yes', date: '2023-01-17' }, text, annotations, []) });
    for (const q of tricky) {
      const plain = new RegExp(`^\\s*(text|note|value): ${q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm');
      assert.doesNotMatch(yaml, plain, `${q} is written plain`);
    }
    assert.match(yaml, /^ {2}date: "2023-01-17"$/m);
    assert.match(yaml, /^annotator: "yes"$/m);
    assert.match(yaml, /^ {2}path: "2023-01-18"$/m);
    const back = parseSidecar(yaml).sidecar;
    assert.deepEqual(
      back?.annotations.map((a) => [a.text, a.note, a.value]),
      annotations.sort((a, b) => a.start - b.start).map((a) => [a.text, a.note, a.value]),
    );
  });

  it('15: a sidecar holding two YAML documents is an error naming file and line, and the run goes on', async () => {
    const dir = folder();
    fs.writeFileSync(path.join(dir, 'a.txt'), TEXT);
    const one = writeSidecar(path.join(dir, 'a.txt.ann.yaml'), 'a.txt', TEXT, tags(TEXT, [['المغرب', 'LOC']]));
    fs.writeFileSync(path.join(dir, 'b.txt'), TEXT);
    const second = one.replace('path: a.txt', 'path: b.txt');
    fs.writeFileSync(path.join(dir, 'b.txt.ann.yaml'), `${second}---\n${second}`);
    const line = second.split('\n').length;
    const validated = await run(validateCommand, [dir]);
    assert.equal(validated.code, 1);
    assert.match(validated.out, new RegExp(`b\\.txt\\.ann\\.yaml:${line}: error: A second YAML document begins at line ${line}`));
    assert.match(validated.out, /^2 sidecars checked/m);
    for (const [command, args] of [
      [exportCommand, ['--format', 'json', '--out', path.join(dir, 'out'), dir]],
      [agreeCommand, [path.join(dir, 'a.txt.ann.yaml'), path.join(dir, 'b.txt.ann.yaml')]],
    ] as const) {
      const result = await run(command, args);
      assert.match(result.err, new RegExp(`b\\.txt\\.ann\\.yaml:${line}: .*second YAML document`));
      assert.doesNotMatch(result.err, /Cannot read properties/);
    }
  });

  it('16: texts whose names are 220–246 bytes get a sidecar (annotate and import)', async () => {
    for (const bytes of [220, 236, 246]) {
      const dir = folder();
      const name = `${'ن'.repeat((bytes - 4) / 2)}.txt`;
      assert.equal(Buffer.byteLength(name), bytes);
      fs.writeFileSync(path.join(dir, name), TEXT);
      const annotated = await run(annotateCommand, ['--annotator', 'x', path.join(dir, name)]);
      assert.equal(annotated.code, 0, annotated.err);
      assert.ok(sidecarOf(path.join(dir, `${name}.ann.yaml`)).annotations.length > 0);
      const jsonl = path.join(dir, 'in.jsonl');
      fs.writeFileSync(jsonl, `${JSON.stringify({ text: TEXT, path: name, label: [[TEXT.indexOf('الرباط'), TEXT.indexOf('الرباط') + 6, 'ORG']] })}\n`);
      const imported = await run(importCommand, ['--format', 'doccano', '--into', dir, '--annotator', 'x', '--merge', jsonl]);
      assert.equal(imported.code, 0, imported.err);
      assert.ok(sidecarOf(path.join(dir, `${name}.ann.yaml`)).annotations.some((a) => a.label === 'ORG'));
      assert.deepEqual(
        fs.readdirSync(dir).filter((n) => n.startsWith('.')),
        [],
        'no temporary file or lock is left',
      );
    }
  });

  describe('17: messages name each file once, briefly, in words', () => {
    it('names a file once, clips a 100 KB path, and says "no such file or folder" instead of ENOENT', async () => {
      const dir = folder();
      fs.writeFileSync(path.join(dir, 'a.txt'), TEXT);
      const bad = path.join(dir, 'bad.jsonl');
      fs.writeFileSync(bad, Buffer.from([0x7b, 0xff, 0xfe, 0x7d, 0x0a]));
      const imported = await run(importCommand, ['--format', 'doccano', '--into', dir, '--annotator', 'x', bad]);
      assert.equal(imported.code, 1);
      const line = imported.err.split('\n').find((l) => l.includes('bad.jsonl')) ?? '';
      assert.equal(line.split('bad.jsonl').length - 1, 1, line);
      const missing = await run(validateCommand, [path.join(dir, 'nonexistent')]);
      assert.equal(missing.code, 1);
      assert.match(missing.out, /nonexistent:1: error: no such file or folder/);
      assert.doesNotMatch(missing.out, /ENOENT/);
      const long = `${dir}/${'x'.repeat(100_000)}`;
      const clipped = await run(validateCommand, [long]);
      assert.equal(clipped.code, 1);
      assert.ok(clipped.out.length < 2000, `${clipped.out.length} characters`);
      assert.match(clipped.out, /100\d+ characters/);
    });

    it('counts a file named twice once, and refuses more workers than cores', async () => {
      const dir = folder();
      const file = path.join(dir, 'a.txt');
      fs.writeFileSync(file, TEXT);
      const twice = await run(annotateCommand, ['--annotator', 'x', file, file, dir]);
      assert.equal(twice.code, 0, twice.err);
      assert.match(twice.err, /^1 file: \d+ suggestions? added$/m);
      const cores = os.availableParallelism();
      await assert.rejects(run(annotateCommand, ['--workers', String(cores + 1), file]), (e: Error) => e instanceof UsageError && new RegExp(`from 0 to ${cores}`).test(e.message));
      assert.equal(parseBatchArgs(['--workers', String(cores), file]).workers, cores);
    });
  });
});

function decoyText(): string {
  return 'نص قصير للتجربة.\n';
}
