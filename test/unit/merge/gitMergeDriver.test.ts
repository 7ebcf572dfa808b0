import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cliBundle, runCli } from '../robustness/cliProcess';
import { tempFolders } from '../cli/cliTestKit';
import { MERGE_TEXT, sidecarText, span } from './mergeFixtures';
import { parseSidecar } from '../../../src/core/sidecar/parseSidecar';

const folders = tempFolders('tawsim-git-merge-');
const SIDECAR = 'article.txt.ann.yaml';

function git(repo: string, ...args: string[]): string {
  return execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: repo } });
}

/** `git merge` as a user runs it: its exit status and what it printed. */
function gitMerge(repo: string, branch: string): { status: number | null; output: string } {
  const r = spawnSync('git', ['-C', repo, 'merge', '--no-edit', branch], { encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: repo } });
  return { status: r.status, output: r.stdout + r.stderr };
}

const cairo = span('t1', 'LOC', 'القاهرة');
const league = span('t2', 'ORG', 'جامعة الدول العربية');
const rabat = span('t3', 'LOC', 'الرباط');

/** A repository with the text and a first sidecar on main, set up with `tawsim git-setup`, and two annotators' branches. */
async function repository(): Promise<string> {
  const repo = folders.make();
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'config', 'user.name', 'Salma');
  git(repo, 'config', 'user.email', 'salma@example.org');
  fs.writeFileSync(path.join(repo, 'article.txt'), MERGE_TEXT);
  fs.writeFileSync(path.join(repo, SIDECAR), sidecarText([cairo]));
  const setup = await runCli(['git-setup', '--driver', `"${process.execPath}" "${cliBundle()}"`, repo], { timeoutMs: 60000 });
  assert.equal(setup.code, 0, setup.stderr);
  assert.equal(fs.readFileSync(path.join(repo, '.gitattributes'), 'utf8'), '*.ann.yaml merge=tawsim\n');
  assert.match(git(repo, 'config', 'merge.tawsim.driver'), /merge-sidecars %O %A %B %P/);
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', 'first tags');
  return repo;
}

function commitOn(repo: string, branch: string, content: string, from = 'main'): void {
  git(repo, 'checkout', '-q', '-b', branch, from);
  fs.writeFileSync(path.join(repo, SIDECAR), content);
  git(repo, 'commit', '-q', '-am', `tags on ${branch}`);
  git(repo, 'checkout', '-q', 'main');
}

describe('git merges sidecars through tawsim merge-sidecars (real repositories)', function () {
  this.timeout(120000);
  after(() => folders.removeAll());

  it('merges two annotators branches that changed the same sidecar without a conflict', async () => {
    const repo = await repository();
    commitOn(repo, 'layla', sidecarText([cairo, league]));
    commitOn(
      repo,
      'omar',
      sidecarText([
        { ...cairo, note: 'the city' },
        { ...rabat, id: 't2' },
      ]),
    );
    assert.equal(gitMerge(repo, 'layla').status, 0);
    const merge = gitMerge(repo, 'omar');
    assert.equal(merge.status, 0, merge.output);
    const text = fs.readFileSync(path.join(repo, SIDECAR), 'utf8');
    assert.ok(!/^[<=>|]{7}/m.test(text), 'no text conflict markers');
    const parsed = parseSidecar(text);
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(
      parsed.sidecar?.annotations.map((a) => [a.id, a.text, a.note]),
      [
        ['t1', cairo.text, 'the city'],
        ['t2', league.text, undefined],
        ['t3', rabat.text, undefined],
      ],
    );
    assert.equal(git(repo, 'status', '--porcelain'), '');
  });

  it('reports a real conflict to git, records it under conflicts:, and resolves it', async () => {
    const repo = await repository();
    commitOn(repo, 'layla', sidecarText([{ ...cairo, label: 'ORG' }]));
    commitOn(repo, 'omar', sidecarText([{ ...cairo, label: 'MISC' }, rabat]));
    assert.equal(gitMerge(repo, 'layla').status, 0);
    const merge = gitMerge(repo, 'omar');
    assert.notEqual(merge.status, 0);
    assert.match(merge.output, /CONFLICT.*article\.txt\.ann\.yaml/);
    assert.match(merge.output, /annotation t1 changed differently on both sides \(label\)/);
    assert.match(git(repo, 'status', '--porcelain'), /^UU article\.txt\.ann\.yaml$/m);
    const file = path.join(repo, SIDECAR);
    const text = fs.readFileSync(file, 'utf8');
    assert.ok(!/^[<=>|]{7}/m.test(text), 'no text conflict markers');
    assert.match(text, /^conflicts:\n {2}- part: annotations\n {4}id: t1/m);
    assert.match(text, /id: t3/, "theirs' addition is merged beside the conflict");

    const listed = await runCli(['resolve-conflicts', file], { timeoutMs: 60000 });
    assert.equal(listed.code, 1);
    assert.match(listed.stdout, /1 conflict left/);
    const resolved = await runCli(['resolve-conflicts', '--take', 'theirs', file], { timeoutMs: 60000 });
    assert.equal(resolved.code, 0, resolved.stderr);
    const parsed = parseSidecar(fs.readFileSync(file, 'utf8'));
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(
      parsed.sidecar?.annotations.map((a) => [a.id, a.label]),
      [
        ['t1', 'MISC'],
        ['t3', 'LOC'],
      ],
    );
    git(repo, 'add', SIDECAR);
    git(repo, 'commit', '-q', '--no-edit');
    assert.equal(git(repo, 'status', '--porcelain'), '');
  });

  it('leaves our version in place and reports the file when a side is not a sidecar', async () => {
    const repo = await repository();
    commitOn(repo, 'layla', sidecarText([cairo, league]));
    commitOn(repo, 'omar', sidecarText([cairo, rabat]).replace('status: accepted\n    source: manual\n  - id: t3', 'status: maybe\n    source: manual\n  - id: t3'));
    assert.equal(gitMerge(repo, 'layla').status, 0);
    const merge = gitMerge(repo, 'omar');
    assert.notEqual(merge.status, 0);
    assert.match(merge.output, /article\.txt\.ann\.yaml:\d+: error: "status" must be one of .* \(in their version\)/);
    assert.equal(fs.readFileSync(path.join(repo, SIDECAR), 'utf8'), sidecarText([cairo, league]));
  });

  it('git-setup outside a repository says so and exits 1', async () => {
    const folder = folders.make();
    const r = await runCli(['git-setup', folder], { timeoutMs: 60000 }, folder);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /not inside a git repository/);
  });
});
