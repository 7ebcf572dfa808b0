import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UsageError } from '../../../src/cli/cliTypes';
import { resolveConflictsCommand } from '../../../src/cli/commands/resolveConflicts';
import { mergeSidecarTexts } from '../../../src/core/merge/mergeSidecarTexts';
import { parseSidecar } from '../../../src/core/sidecar/parseSidecar';
import { sidecarText, span } from '../merge/mergeFixtures';
import { fakeIo, tempFolders } from './cliTestKit';

const folders = tempFolders('tawsim-resolve-');
const cairo = span('t1', 'LOC', 'القاهرة');
const rabat = span('t3', 'LOC', 'الرباط');

async function resolve(args: string[]): Promise<{ code: number; out: string }> {
  const io = fakeIo();
  const code = await resolveConflictsCommand.run(args, io);
  return { code, out: [...io.stdout, ...io.stderr].join('\n') };
}

describe('tawsim resolve-conflicts', () => {
  after(() => folders.removeAll());

  it('takes both annotations where they differ, then the base for what is left', async () => {
    const merged = mergeSidecarTexts(
      sidecarText([cairo, rabat]),
      sidecarText([{ ...cairo, label: 'ORG' }]),
      sidecarText([
        { ...cairo, label: 'MISC' },
        { ...rabat, note: 'kept' },
      ]),
    );
    assert.ok(merged.ok);
    const file = path.join(folders.make(), 'article.txt.ann.yaml');
    fs.writeFileSync(file, merged.text);
    const both = await resolve(['--take', 'both', file]);
    assert.equal(both.code, 1, 'the removal cannot be answered with both and stays open');
    assert.match(both.out, /annotation t3 removed on our side and changed on theirs/);
    assert.match(both.out, /1 conflict left/);
    const base = await resolve(['--take', 'base', file]);
    assert.equal(base.code, 0, base.out);
    const parsed = parseSidecar(fs.readFileSync(file, 'utf8'));
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(
      parsed.sidecar?.annotations.map((a) => [a.id, a.label, a.note]),
      [
        ['t4', 'MISC', undefined],
        ['t1', 'ORG', undefined],
        ['t3', 'LOC', undefined],
      ],
    );
    await assert.rejects(resolve(['--take', 'mine', file]), UsageError);
  });
});
