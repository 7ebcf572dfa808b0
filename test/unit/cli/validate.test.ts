import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { validateCommand } from '../../../src/cli/commands/validate';
import { fakeIo, tempFolders } from './cliTestKit';

const root = path.resolve(__dirname, '..', '..', '..');
const folders = tempFolders('tawsim-validate-');

/** A copy of samples/ to validate and to break. */
function samples(): string {
  const dir = folders.make();
  for (const f of fs.readdirSync(path.join(root, 'samples'))) fs.copyFileSync(path.join(root, 'samples', f), path.join(dir, f));
  return dir;
}

describe('tawsim validate', () => {
  after(() => folders.removeAll());

  it('checks every sidecar of a folder, with N/M progress on stderr', async () => {
    const dir = samples();
    const sidecars = fs.readdirSync(dir).filter((f) => f.endsWith('.ann.yaml')).length;
    const io = fakeIo();
    assert.equal(await validateCommand.run(['--progress', dir], io), 0);
    assert.equal(io.stdout.at(-1), `${sidecars} sidecars checked, 0 problems`);
    assert.equal(io.stderr.at(-1), `${sidecars}/${sidecars}`);
  });

  it('names the file, line and problem of a broken sidecar and exits 1', async () => {
    const dir = samples();
    const file = path.join(dir, 'rabat-water-summit.txt.ann.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('status: accepted', 'status: maybe'));
    const io = fakeIo();
    assert.equal(await validateCommand.run([file], io), 1);
    assert.match(io.stdout[0] ?? '', /rabat-water-summit\.txt\.ann\.yaml:\d+: error: "status" must be one of/);
  });

  it('checks relations and fragments: a relation to a missing annotation and fragments out of order, each on its line', async () => {
    const dir = samples();
    const file = path.join(dir, 'rabat-water-summit.txt.ann.yaml');
    const original = fs.readFileSync(file, 'utf8');
    const ids = [...original.matchAll(/^ {2}- id: (t\d+)$/gm)].map((m) => m[1]);
    const broken =
      original
        .replace(/^tawsim: 1$/m, 'tawsim: 2')
        .replace(/(\n {2}- id: t\d+\n(?: {4}.*\n)*?)( {4}status: )/, '$1    fragments:\n      - - 9\n        - 12\n      - - 2\n        - 5\n$2') +
      `relations:\n  - id: r1\n    type: member_of\n    from: ${ids[0]}\n    to: t999\n    status: accepted\n    source: manual\n`;
    fs.writeFileSync(file, broken);
    const io = fakeIo();
    assert.equal(await validateCommand.run([file], io), 1);
    const out = io.stdout.join('\n');
    const line = broken.split('\n').findIndex((l) => l === '    to: t999') + 1;
    assert.match(out, new RegExp(`rabat-water-summit\\.txt\\.ann\\.yaml:${line}: error: "to" names "t999", which is no annotation of this file`));
    assert.match(out, /error: "fragments": fragment 2 \(2-5\) starts before the previous one ends \(12\)/);
  });

  it('reports a span whose text is gone from a changed text as a future orphan (a warning)', async () => {
    const dir = samples();
    const text = path.join(dir, 'rabat-water-summit.txt');
    fs.writeFileSync(text, fs.readFileSync(text, 'utf8').replace('الجزائر', 'الجزاير'));
    const io = fakeIo();
    assert.equal(await validateCommand.run([`${text}.ann.yaml`], io), 0);
    assert.ok(
      io.stdout.some((l) => /:\d+: warning: t\d+ \(LOC «الجزائر»\) is an orphan/.test(l)),
      io.stdout.join('\n'),
    );
  });

  it('reports a span that does not cover its quote in the text it was saved for, with its line', async () => {
    const dir = samples();
    const sidecar = path.join(dir, 'rabat-water-summit.txt.ann.yaml');
    const content = fs.readFileSync(sidecar, 'utf8');
    const quote = /text: (\S+)\n/.exec(content)?.[1] ?? '';
    fs.writeFileSync(sidecar, content.replace(`text: ${quote}\n`, 'text: غيره\n'));
    const io = fakeIo();
    assert.equal(await validateCommand.run([sidecar], io), 1);
    assert.ok(
      io.stdout.some((l) => new RegExp(`:\\d+: error: t\\d+ at \\d+-\\d+ covers «${quote}», not «غيره»`).test(l)),
      io.stdout.join('\n'),
    );
  });
});
