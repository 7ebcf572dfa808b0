import * as vscode from 'vscode';
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { TawsimApi } from '../../src/extension';
import { SidecarIndex, INDEX_CACHE_FILE } from '../../src/editor/index/sidecarIndex';
import type { Logger } from '../../src/editor/logger';
import { SidecarWatcher } from '../../src/editor/sidecarWatcher';
import type { HostReads } from '../../src/editor/files/hostReads';
import { NodeReads } from '../../src/editor/files/nodeReads';
import { LearnedEntries } from '../../src/editor/suggestions/learnedEntries';
import { WorkspaceReads } from '../../src/editor/files/workspaceReads';
import { INDEX_EXCLUDE_GLOB, INDEX_EXCLUDED_FOLDERS } from '../../src/core/index/sidecarNamePattern';
import { EMPTY_TALLY, labelCounts } from '../../src/core/stats/annotationTally';
import { activateTawsim, freshCopy, sidecarTagging, waitFor, workspaceDir } from './helpers';

/** A logger that keeps what it is told, so a test can read what the index did. */
function capturingLog(): Logger & { readonly lines: string[] } {
  const lines: string[] = [];
  const keep = (message: string): void => void lines.push(message);
  return { lines, info: keep, warn: keep, error: keep, debug: keep, trace: keep } as unknown as Logger & { readonly lines: string[] };
}

describe('sidecar index: one index of the workspace sidecars', () => {
  let api: TawsimApi;
  before(async () => {
    api = await activateTawsim();
  });

  const listed = async (file: string): Promise<boolean> => (await api.services.index.sidecars()).some((s) => s.uri.fsPath === file);

  it('lists sidecars written from outside, follows a change, and forgets a deleted one; the Annotations view follows', async () => {
    const a = freshCopy('article.txt');
    const b = freshCopy('article.txt');
    fs.writeFileSync(`${a}.ann.yaml`, sidecarTagging(a, [{ label: 'LOC', quote: 'المغرب' }]));
    fs.writeFileSync(`${b}.omar.ann.yaml`, sidecarTagging(b, [{ label: 'LOC', quote: 'الرباط' }], 'omar'));
    await waitFor('both sidecars in the index', async () => (await listed(`${a}.ann.yaml`)) && (await listed(`${b}.omar.ann.yaml`)));
    const summary = api.services.index.summary(vscode.Uri.file(`${b}.omar.ann.yaml`));
    assert.equal(summary?.annotator, 'omar');
    assert.deepEqual(labelCounts(summary?.tally ?? EMPTY_TALLY), { LOC: 1 });
    assert.deepEqual(summary?.learned, [['الرباط', 'LOC']]);

    const inView = async (file: string): Promise<boolean> => (await api.explorer.annotations.overview()).sidecars.some((s) => s.sidecarUri.fsPath === file);
    await waitFor('the new sidecar in the Annotations view', () => inView(`${a}.ann.yaml`));

    fs.writeFileSync(
      `${a}.ann.yaml`,
      sidecarTagging(a, [
        { label: 'LOC', quote: 'المغرب' },
        { label: 'PER', quote: 'الجانبان' },
      ]),
    );
    await waitFor('the changed counts in the index', () => labelCounts(api.services.index.summary(vscode.Uri.file(`${a}.ann.yaml`))?.tally ?? EMPTY_TALLY)['PER'] === 1);

    fs.rmSync(`${a}.ann.yaml`);
    await waitFor('the deleted sidecar gone from the index', async () => !(await listed(`${a}.ann.yaml`)));
    await waitFor('the deleted sidecar gone from the Annotations view', async () => !(await inView(`${a}.ann.yaml`)));
  });

  it('reports a broken sidecar and one of a newer schema with their problem, and leaves node_modules and .git out', async () => {
    const broken = freshCopy('article.txt');
    const newer = freshCopy('article.txt');
    fs.writeFileSync(`${broken}.ann.yaml`, 'tawsim: 1\ndocument: [unclosed\n');
    fs.writeFileSync(`${newer}.ann.yaml`, sidecarTagging(newer, [{ label: 'LOC', quote: 'المغرب' }]).replace(/^tawsim: \d+/u, 'tawsim: 99'));
    const hidden = path.join(workspaceDir(), 'run', 'node_modules', 'dep');
    fs.mkdirSync(hidden, { recursive: true });
    const dependency = path.join(hidden, 'x.txt.ann.yaml');
    fs.writeFileSync(dependency, fs.readFileSync(`${newer}.ann.yaml`));
    await api.services.index.rebuild();
    assert.match(api.services.index.summary(vscode.Uri.file(`${broken}.ann.yaml`))?.problem ?? '', /^\d+: /u);
    const newerSummary = api.services.index.summary(vscode.Uri.file(`${newer}.ann.yaml`));
    assert.equal(newerSummary?.newer, true);
    assert.match(newerSummary?.problem ?? '', /version 99/u);
    assert.ok(!(await listed(dependency)), 'a sidecar under node_modules is not the corpus');
    const unreadable = (await api.explorer.annotations.overview()).unreadable.map((u) => u.uri.fsPath);
    assert.ok(unreadable.includes(`${newer}.ann.yaml`), 'the Annotations view lists the newer sidecar as unreadable');
    fs.rmSync(path.join(workspaceDir(), 'run', 'node_modules'), { recursive: true, force: true });
    fs.rmSync(`${broken}.ann.yaml`);
    fs.rmSync(`${newer}.ann.yaml`);
  });

  const readers: [string, () => HostReads][] = [
    ['Node fs', () => new NodeReads()],
    ['workspace.fs and file search', () => new WorkspaceReads()],
  ];
  for (const [how, reads] of readers) {
    it(`starts warm from its cache through ${how}: a second index reads no sidecar that did not change, and a corrupt cache is ignored with a message`, async () => {
      const storage = vscode.Uri.file(fs.mkdtempSync(path.join(os.tmpdir(), 'tawsim-index-storage-')));
      const start = async (): Promise<{ index: SidecarIndex; log: ReturnType<typeof capturingLog>; watcher: SidecarWatcher; count: number }> => {
        const log = capturingLog();
        const watcher = new SidecarWatcher();
        const index = new SidecarIndex(log, storage, watcher, new vscode.EventEmitter<vscode.Uri>().event, reads());
        const count = (await index.sidecars()).length;
        return { index, log, watcher, count };
      };
      const stop = async (run: { index: SidecarIndex; watcher: SidecarWatcher }): Promise<void> => {
        await run.index.persist();
        run.index.dispose();
        run.watcher.dispose();
      };
      try {
        const cold = await start();
        assert.ok(cold.count > 0, 'the test workspace has sidecars');
        assert.ok(
          cold.log.lines.some((l) => new RegExp(`\\(${cold.count} read, 0 from the cache`, 'u').test(l)),
          cold.log.lines.join('\n'),
        );
        await stop(cold);
        assert.ok(fs.existsSync(path.join(storage.fsPath, INDEX_CACHE_FILE)), 'the cache is kept in the workspace storage');

        const warm = await start();
        assert.ok(
          warm.log.lines.some((l) => /\(0 read, \d+ from the cache/u.test(l)),
          warm.log.lines.join('\n'),
        );
        await stop(warm);

        fs.writeFileSync(path.join(storage.fsPath, INDEX_CACHE_FILE), '{"tawsimIndex": 1, "entries": [');
        const afterCorruption = await start();
        assert.ok(
          afterCorruption.log.lines.some((l) => l.includes(INDEX_CACHE_FILE) && /not valid JSON/u.test(l)),
          afterCorruption.log.lines.join('\n'),
        );
        assert.equal(afterCorruption.count, cold.count, 'every sidecar is read again');
        await stop(afterCorruption);
      } finally {
        fs.rmSync(storage.fsPath, { recursive: true, force: true });
      }
    });
  }

  it('lists through Node fs exactly what file search lists, links and excluded folders included', async () => {
    const text = freshCopy('article.txt');
    const deep = path.join(path.dirname(text), 'deep', 'er');
    fs.mkdirSync(deep, { recursive: true });
    const inDeep = path.join(deep, 'x.txt.ann.yaml');
    fs.writeFileSync(inDeep, sidecarTagging(text, [{ label: 'LOC', quote: 'المغرب' }]));
    const linked = path.join(deep, 'linked.txt.ann.yaml');
    fs.symlinkSync(inDeep, linked);
    const git = path.join(path.dirname(text), '.git');
    fs.mkdirSync(git, { recursive: true });
    fs.writeFileSync(path.join(git, 'y.txt.ann.yaml'), 'tawsim: 1\n');
    try {
      const folder = vscode.workspace.workspaceFolders?.[0] as vscode.WorkspaceFolder;
      const isSidecar = (relativePath: string): boolean => relativePath.endsWith('.ann.yaml');
      const walked = ((await new NodeReads().list(folder.uri, isSidecar, (name) => INDEX_EXCLUDED_FOLDERS.includes(name))) ?? []).map((u) => u.fsPath).sort();
      const searched = (await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/*.ann.yaml'), INDEX_EXCLUDE_GLOB)).map((u) => u.fsPath).sort();
      assert.ok(walked.includes(inDeep) && walked.includes(linked), walked.join('\n'));
      assert.ok(!walked.some((f) => f.includes(`${path.sep}.git${path.sep}`)), 'nothing under .git');
      assert.deepEqual(walked, searched);
      const [read, stat] = await Promise.all([new NodeReads().read(vscode.Uri.file(linked)), new WorkspaceReads().stat(vscode.Uri.file(linked))]);
      assert.equal(read?.content, fs.readFileSync(inDeep, 'utf8'), 'a linked sidecar is read through its link');
      assert.deepEqual(await new NodeReads().stat(vscode.Uri.file(linked)), stat, 'Node fs and workspace.fs give the same size and time');
    } finally {
      fs.rmSync(path.join(path.dirname(text), 'deep'), { recursive: true, force: true });
      fs.rmSync(git, { recursive: true, force: true });
    }
  });

  it('answers from its cache before listing the workspace again, then drops what the cache knew and is gone', async () => {
    const storage = vscode.Uri.file(fs.mkdtempSync(path.join(os.tmpdir(), 'tawsim-index-storage-')));
    const text = freshCopy('article.txt');
    const gone = `${text}.ann.yaml`;
    fs.writeFileSync(
      gone,
      sidecarTagging(text, [
        { label: 'LOC', quote: 'المغرب' },
        { label: 'MISC', quote: 'مذكرة تفاهم' },
      ]),
    );
    const open = (): { index: SidecarIndex; watcher: SidecarWatcher } => {
      const watcher = new SidecarWatcher();
      return { index: new SidecarIndex(capturingLog(), storage, watcher, new vscode.EventEmitter<vscode.Uri>().event, new NodeReads()), watcher };
    };
    const has = (list: readonly { uri: vscode.Uri }[]): boolean => list.some((s) => s.uri.fsPath === gone);
    try {
      const first = open();
      assert.ok(has(await first.index.sidecars()));
      await first.index.persist();
      first.index.dispose();
      first.watcher.dispose();
      // Deleted while no index was running: only a listing can tell.
      fs.rmSync(gone);
      const second = open();
      const news: vscode.Uri[] = [];
      const listening = second.index.onDidChange((uris) => news.push(...uris));
      // Learned suggestions follow the index from its start: the cache answers before any listing.
      const learned = new LearnedEntries(api.services.stores, capturingLog(), second.index);
      learned.follow();
      const memorandum = (): boolean => learned.entries().some((e) => e.label === 'MISC' && e.text === 'مذكرة تفاهم');
      await learned.ready;
      assert.ok(memorandum(), 'learned suggestions are ready from the cache, which alone still knows the deleted sidecar');
      assert.ok(has(await second.index.knownSidecars()), 'the first answer is the cache as it was left');
      assert.ok(!has(await second.index.sidecars()), 'gone once the workspace is listed');
      assert.ok(!has(await second.index.knownSidecars()));
      // From the listing, or from the watcher if the deletion's event is delivered after the new index started.
      await waitFor('listeners to hear of the file the cache knew', () => news.some((u) => u.fsPath === gone));
      await waitFor('learned suggestions to drop the gone sidecar', () => !memorandum());
      learned.dispose();
      listening.dispose();
      second.index.dispose();
      second.watcher.dispose();
    } finally {
      fs.rmSync(storage.fsPath, { recursive: true, force: true });
    }
  });
});

describe('sidecar index: the patterns it lists by', () => {
  let api: TawsimApi;
  const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('tawsim');
  before(async () => {
    api = await activateTawsim();
  });
  after(async () => {
    await config().update('sidecar.pattern', undefined, vscode.ConfigurationTarget.Workspace);
    await config().update('review.goldPattern', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('lists again when the gold pattern changes: a sidecar under the new pattern appears, one under the old goes', async () => {
    const listed = async (file: string): Promise<boolean> => (await api.services.index.sidecars()).some((s) => s.uri.fsPath === file);
    // A narrow annotator pattern, so the gold pattern alone decides about the two gold files.
    await config().update('sidecar.pattern', '${file}.tags.ann.yaml', vscode.ConfigurationTarget.Workspace);
    const text = freshCopy('article.txt');
    const oldGold = `${text}.gold.ann.yaml`;
    const newGold = `${text}.final.ann.yaml`;
    fs.writeFileSync(oldGold, sidecarTagging(text, [{ label: 'LOC', quote: 'المغرب' }], 'rana'));
    fs.writeFileSync(newGold, sidecarTagging(text, [{ label: 'LOC', quote: 'الرباط' }], 'rana'));
    await waitFor('the default gold sidecar listed, the other not', async () => (await listed(oldGold)) && !(await listed(newGold)));
    await config().update('review.goldPattern', '${file}.final.ann.yaml', vscode.ConfigurationTarget.Workspace);
    await waitFor('the index listed again under the new gold pattern', async () => (await listed(newGold)) && !(await listed(oldGold)));
    const gold = await waitFor('the Annotations view counting the new gold sidecar', async () =>
      (await api.explorer.annotations.overview()).sidecars.find((s) => s.sidecarUri.fsPath === newGold),
    );
    assert.equal(gold.gold, true);
    assert.deepEqual(gold.tally.counts, { LOC: [1, 0, 0] });
    fs.rmSync(oldGold);
    fs.rmSync(newGold);
  });
});
