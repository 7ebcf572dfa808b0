import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { commitPlan, WriteConflictError, writeChecked } from '../../../src/node/checkedWrite';
import { writeTextAtomic } from '../../../src/node/atomicWrite';
import { parseSidecar } from '../../../src/core/sidecar/parseSidecar';
import { serializeSidecar } from '../../../src/core/sidecar/serializeSidecar';
import { buildSidecar } from '../../../src/core/sidecar/documentAnnotations';
import type { Annotation } from '../../../src/core/model/annotation';

const TEXT = 'اتفق المغرب وإسرائيل في الرباط على التعاون';

function sidecar(tags: readonly [string, string, string][]): string {
  const annotations: Annotation[] = tags.map(([id, quote, label]) => {
    const at = TEXT.indexOf(quote);
    return { id, label, start: at, end: at + quote.length, text: quote, status: 'accepted', source: 'manual' };
  });
  return serializeSidecar(buildSidecar({ path: 'a.txt', annotator: 'salma' }, TEXT, annotations, []));
}

function texts(content: string): string[] {
  return (parseSidecar(content).sidecar?.annotations ?? []).map((a) => `${a.label}:${a.text}`).sort();
}

describe('robustness: writeChecked (concurrent writers on the command line)', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tawsim-writer-'));
    file = path.join(dir, 'a.txt.ann.yaml');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const base = sidecar([['t1', 'المغرب', 'LOC']]);
  const mine = sidecar([
    ['t1', 'المغرب', 'LOC'],
    ['t2', 'الرباط', 'LOC'],
  ]);
  const theirs = sidecar([
    ['t1', 'المغرب', 'LOC'],
    ['t2', 'إسرائيل', 'LOC'],
  ]);

  it('writes when the file is as it was read, and creates it when there was none', async () => {
    assert.equal((await writeChecked(file, undefined, base, 'fail')).outcome, 'written');
    assert.equal((await writeChecked(file, base, mine, 'fail')).outcome, 'written');
    assert.equal(fs.readFileSync(file, 'utf8'), mine);
    assert.equal((await writeChecked(file, mine, mine, 'fail')).outcome, 'unchanged');
  });

  it('fails with a message naming the file, writing nothing, when another writer changed it', async () => {
    fs.writeFileSync(file, base);
    fs.writeFileSync(file, theirs);
    await assert.rejects(
      writeChecked(file, base, mine, 'fail'),
      (e: Error) => e instanceof WriteConflictError && e.message.includes(file) && /changed by another program/.test(e.message),
    );
    assert.equal(fs.readFileSync(file, 'utf8'), theirs);
  });

  it('fails when the file appeared or disappeared since it was read', async () => {
    fs.writeFileSync(file, theirs);
    await assert.rejects(writeChecked(file, undefined, mine, 'fail'), /was created by another program/);
    assert.equal(fs.readFileSync(file, 'utf8'), theirs);
    fs.rmSync(file);
    await assert.rejects(writeChecked(file, base, mine, 'merge'), /was deleted by another program/);
    assert.equal(fs.existsSync(file), false);
  });

  it('merges both versions: every annotation of each is kept, clashing ids renewed', async () => {
    fs.writeFileSync(file, theirs);
    const result = await writeChecked(file, base, mine, 'merge');
    assert.equal(result.outcome, 'merged');
    assert.deepEqual(texts(fs.readFileSync(file, 'utf8')), ['LOC:إسرائيل', 'LOC:الرباط', 'LOC:المغرب']);
    const ids = parseSidecar(result.content).sidecar?.annotations.map((a) => a.id) ?? [];
    assert.equal(new Set(ids).size, 3);
  });

  it('refuses to merge with a sidecar that does not parse, leaving it untouched', async () => {
    const broken = theirs.replace('annotator:', 'annotator: [oops');
    fs.writeFileSync(file, broken);
    await assert.rejects(writeChecked(file, base, mine, 'merge'), (e: Error) => e.message.includes(file) && /cannot be merged: .*line \d+/.test(e.message));
    assert.equal(fs.readFileSync(file, 'utf8'), broken);
  });

  it('refuses to merge with a sidecar saved for another version of the text', async () => {
    const other = theirs.replace(/sha256: [0-9a-f]{64}/, `sha256: ${'f'.repeat(64)}`);
    fs.writeFileSync(file, other);
    await assert.rejects(writeChecked(file, base, mine, 'merge'), /different version of a\.txt/);
    assert.equal(fs.readFileSync(file, 'utf8'), other);
  });

  it('never loses a write when many writers race, each merging', async () => {
    fs.writeFileSync(file, base);
    const quotes = ['إسرائيل', 'الرباط', 'التعاون', 'اتفق', 'على'];
    // Each writer read `base` and adds one tag; conflicts are merged, and a writer whose merge
    // was overtaken again reads and retries, as a command-line user would.
    await Promise.all(
      quotes.map(async (q, i) => {
        let seen = base;
        for (;;) {
          const current = parseSidecar(seen).sidecar?.annotations ?? [];
          const next = sidecar([...current.map((a): [string, string, string] => [a.id, a.text, a.label]), [`w${i}`, q, 'MISC']]);
          try {
            await writeChecked(file, seen, next, 'merge');
            return;
          } catch (e) {
            if (!(e instanceof WriteConflictError)) throw e;
            seen = fs.readFileSync(file, 'utf8');
          }
        }
      }),
    );
    const got = texts(fs.readFileSync(file, 'utf8'));
    for (const q of quotes) assert.ok(got.includes(`MISC:${q}`), `${q} kept: ${got.join(', ')}`);
  });

  it('commitPlan: a change found just before a rename puts back the files already renamed, and says nothing was written', async function () {
    this.timeout(60_000);
    const first = path.join(dir, 'a.txt');
    const second = path.join(dir, 'b.txt');
    fs.writeFileSync(first, 'old a');
    fs.writeFileSync(second, 'old b');
    // Each check-and-rename is traced: the witness that a.txt was renamed before b.txt's change was found.
    const trace = path.join(os.tmpdir(), `tawsim-renames-${process.pid}-${Date.now()}.tsv`);
    process.env['TAWSIM_TRACE_RENAMES'] = trace;
    // Another program changes b.txt once b.txt's temporary file appears: after the comparison, while
    // the (large) temporary file is written and synced, before the renames.
    const watcher = spawn(
      process.execPath,
      [
        '-e',
        `const fs = require('fs');
         for (;;) if (fs.readdirSync(${JSON.stringify(dir)}).some((n) => n.startsWith('.b.txt.') && n.endsWith('.tmp'))) break;
         fs.writeFileSync(${JSON.stringify(second)}, 'theirs');`,
      ],
      { stdio: 'ignore' },
    );
    const done = new Promise((resolve) => watcher.once('exit', resolve));
    const plan = commitPlan([
      { file: first, expected: 'old a', next: 'new a', onConflict: 'fail' },
      { file: second, expected: 'old b', next: 'B'.repeat(60_000_000), onConflict: 'fail' },
    ]).finally(() => delete process.env['TAWSIM_TRACE_RENAMES']);
    await assert.rejects(
      plan,
      (e: Error) =>
        e instanceof WriteConflictError &&
        e.file === second &&
        e.current === 'theirs' &&
        /b\.txt: was changed by another program since it was read; nothing was written/.test(e.message),
    );
    await done;
    assert.equal(fs.readFileSync(first, 'utf8'), 'old a', 'the file renamed first has its old content back');
    const renamed = fs
      .readFileSync(trace, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => l.split('\t')[0]);
    fs.rmSync(trace, { force: true });
    assert.deepEqual(renamed, [first], 'a.txt was replaced (then put back), b.txt never');
    assert.equal(fs.readFileSync(second, 'utf8'), 'theirs');
    assert.deepEqual(
      fs.readdirSync(dir).filter((n) => n.startsWith('.')),
      [],
      'no temporary file or lock is left',
    );
  });

  it('writeTextAtomic: two writes at once leave one whole version, never a mix (regression)', async () => {
    const a = 'A'.repeat(200_000);
    const b = 'B'.repeat(100_000);
    for (let i = 0; i < 50; i++) {
      await Promise.all([writeTextAtomic(file, a), writeTextAtomic(file, b)]);
      const got = fs.readFileSync(file, 'utf8');
      assert.ok(got === a || got === b, `round ${i}: ${got.length} characters`);
    }
    assert.deepEqual(
      fs.readdirSync(dir).filter((n) => n.endsWith('.tmp') || n.endsWith('.lock')),
      [],
    );
  });
});
