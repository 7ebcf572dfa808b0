/**
 * Merge conflicts that git left in a sidecar, resolved in the editor: a real repository with two
 * annotators' branches merged through `tawsim merge-sidecars`, then Resolve Merge Conflicts…
 * answered through its quick picks, and the file on disk checked.
 */
import * as vscode from 'vscode';
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TawsimApi } from '../../src/extension';
import { CommandId } from '../../src/editor/commandIds';
import { EXTENSION_ID, activateTawsim, closeAll, openInEditor, sidecarTagging, waitFor, workspaceDir } from './helpers';
import type { QuoteTag } from './helpers';
import { parseSidecar } from '../../src/core/sidecar/parseSidecar';
import type { MergeResolution } from '../../src/editor/sidecarSync';

/** git as a user runs it, kept away from the machine's own configuration; the driver runs under this host's Node. */
function git(repo: string, ...args: string[]): { status: number | null; output: string } {
  const r = spawnSync('git', ['-C', repo, ...args], { encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: repo, ELECTRON_RUN_AS_NODE: '1' } });
  return { status: r.status, output: r.stdout + r.stderr };
}

function ok(repo: string, ...args: string[]): void {
  const r = git(repo, ...args);
  assert.equal(r.status, 0, `git ${args.join(' ')}: ${r.output}`);
}

/**
 * A repository with article.txt tagged on main (الرباط and المغرب as places), set up with
 * `tawsim git-setup`; Layla relabels الرباط as ORG and removes المغرب, Omar relabels الرباط as PER
 * and المغرب as ORG. Merging both leaves two conflicts in the sidecar and git reports it.
 */
function conflictedRepository(): { repo: string; file: string; sidecar: string } {
  const repo = path.join(workspaceDir(), 'run', `merge-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`);
  fs.mkdirSync(repo, { recursive: true });
  const file = path.join(repo, 'article.txt');
  fs.copyFileSync(path.join(workspaceDir(), 'article.txt'), file);
  const sidecar = `${file}.ann.yaml`;
  const write = (tags: readonly QuoteTag[]): void => fs.writeFileSync(sidecar, sidecarTagging(file, tags));
  ok(repo, 'init', '-q', '-b', 'main');
  ok(repo, 'config', 'user.name', 'Salma');
  ok(repo, 'config', 'user.email', 'salma@example.org');
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension);
  const cli = path.join(extension.extensionPath, 'dist', 'cli.js');
  execFileSync(process.execPath, [cli, 'git-setup', '--driver', `"${process.execPath}" "${cli}"`, repo], { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1', HOME: repo } });
  write([
    { quote: 'الرباط', label: 'LOC', id: 't1' },
    { quote: 'المغرب', label: 'LOC', id: 't2' },
  ]);
  ok(repo, 'add', '.');
  ok(repo, 'commit', '-q', '-m', 'first tags');
  const branch = (name: string, tags: readonly QuoteTag[]): void => {
    ok(repo, 'checkout', '-q', '-b', name, 'main');
    write(tags);
    ok(repo, 'commit', '-q', '-am', `tags on ${name}`);
    ok(repo, 'checkout', '-q', 'main');
  };
  branch('layla', [{ quote: 'الرباط', label: 'ORG', id: 't1' }]);
  branch('omar', [
    { quote: 'الرباط', label: 'PER', id: 't1' },
    { quote: 'المغرب', label: 'ORG', id: 't2' },
  ]);
  ok(repo, 'merge', '-q', '--no-edit', 'layla');
  const merge = git(repo, 'merge', '--no-edit', 'omar');
  assert.notEqual(merge.status, 0, 'git reports the conflict');
  assert.match(merge.output, /CONFLICT/);
  return { repo, file, sidecar };
}

/**
 * Answers the next conflicts' quick picks in turn, each with its n-th item (0 = Take ours) or by
 * closing it. Listening starts at once, so no pick can come before the answer is ready.
 */
function answerPicks(api: TawsimApi, answers: readonly (number | 'close')[]): Promise<void> {
  let next = 0;
  return new Promise<void>((resolve, reject) => {
    const listener = api.onDidShowConflictPick(() => {
      const item = answers[next++];
      const last = next >= answers.length;
      if (last) listener.dispose();
      void (async () => {
        if (item === 'close') await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
        else {
          for (let i = 0; i < (item ?? 0); i++) await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
          await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        }
      })().then(() => last && resolve(), reject);
    });
  });
}

describe('Merge conflicts in the editor', function () {
  this.timeout(120_000);
  let api: TawsimApi;

  before(async () => {
    api = await activateTawsim();
  });
  afterEach(closeAll);

  it('shows the conflicts git left, leaves the file as it was until all are answered, then writes the answers', async () => {
    const { repo, file, sidecar } = conflictedRepository();
    const merged = fs.readFileSync(sidecar, 'utf8');
    assert.match(merged, /^conflicts:/m);
    await openInEditor(file);
    const store = await api.services.stores.ensure(await vscode.workspace.openTextDocument(vscode.Uri.file(file)));
    assert.ok(store);
    await waitFor('the conflicts shown as problems', () => store.problems.filter((p) => p.path?.startsWith('conflicts[')).length === 2);
    assert.equal(store.writable, false, 'a sidecar with conflicts is never overwritten');
    const lines = merged.split('\n');
    assert.deepEqual(
      store.problems.map((p) => lines[(p.line ?? 0) - 1]),
      ['  - part: annotations', '  - part: annotations'],
      'each problem is at its conflict',
    );
    const diagnostics = vscode.languages.getDiagnostics(vscode.Uri.file(sidecar));
    assert.equal(diagnostics.length, 2, 'the Problems panel lists both');
    const sidecarDocument = await vscode.workspace.openTextDocument(vscode.Uri.file(sidecar));
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', sidecarDocument.uri);
    const resolveLenses = lenses.filter((l) => l.command?.command === CommandId.resolveConflicts);
    assert.deepEqual(
      resolveLenses.map((l) => [lines[l.range.start.line], (l.command?.arguments?.[0] as { uri: string }).uri]),
      [
        ['  - part: annotations', vscode.Uri.file(file).toString()],
        ['  - part: annotations', vscode.Uri.file(file).toString()],
      ],
      'a lens over each conflict in the sidecar resolves them',
    );

    // Answer the first, then close the second: nothing is written.
    const dismissed = answerPicks(api, [1, 'close']);
    const stopped = await vscode.commands.executeCommand<MergeResolution | undefined>(CommandId.resolveConflicts, { uri: vscode.Uri.file(file).toString() });
    await dismissed;
    assert.equal(stopped, undefined);
    assert.equal(fs.readFileSync(sidecar, 'utf8'), merged, 'the file is as git left it');

    // t1 (relabelled ORG here, PER there): take both; t2 (removed here, relabelled there): take theirs.
    const answers = answerPicks(api, [2, 1]);
    const outcome = await vscode.commands.executeCommand<MergeResolution | undefined>(CommandId.resolveConflicts, { uri: vscode.Uri.file(file).toString() });
    await answers;
    assert.deepEqual(outcome, { kind: 'written' });
    const written = fs.readFileSync(sidecar, 'utf8');
    assert.equal(
      written,
      sidecarTagging(file, [
        { quote: 'الرباط', label: 'ORG', id: 't1' },
        { quote: 'الرباط', label: 'PER', id: 't3' },
        { quote: 'المغرب', label: 'ORG', id: 't2' },
      ]),
    );
    assert.deepEqual(parseSidecar(written).problems, []);
    assert.equal(store.writable, true, 'the sidecar loads normally');
    assert.deepEqual(store.problems, []);
    assert.deepEqual(store.tracked.all.map((a) => `${a.id} ${a.label} ${a.text}`).sort(), ['t1 ORG الرباط', 't2 ORG المغرب', 't3 PER الرباط']);
    await waitFor('the Problems panel cleared', () => vscode.languages.getDiagnostics(vscode.Uri.file(sidecar)).length === 0);
    ok(repo, 'add', 'article.txt.ann.yaml');
    ok(repo, 'commit', '-q', '--no-edit');
  });
});
