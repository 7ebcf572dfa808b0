import * as vscode from 'vscode';
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { activateTawsim, closeAll, openInEditor, readSidecar, storeFor, waitFor, waitForSidecar, workspaceDir } from './helpers';
import type { TawsimApi } from '../../src/extension';
import { CommandId } from '../../src/editor/commandIds';
import { buildSidecar } from '../../src/core/sidecar/documentAnnotations';
import { serializeSidecar } from '../../src/core/sidecar/serializeSidecar';

/** Short texts of our own, one per file of the queue. */
const TEXTS: Record<string, string> = {
  'a.txt': 'افتتح المعرض في عمّان صباح الأحد.\n',
  'b.txt': 'وصل الوفد إلى تونس مساء الاثنين.\n',
  'c.txt': 'أعلنت الشركة نتائجها في الرباط.\n',
};

describe('Mark Done and Next Document', function () {
  this.timeout(60000);
  let api: TawsimApi;
  let dir: string;
  let projectFile: string;
  let annotator: string;
  const file = (name: string): string => path.join(dir, name);

  before(async () => {
    api = await activateTawsim();
    const folder = `queue-${Date.now().toString(36)}`;
    dir = path.join(workspaceDir(), folder);
    fs.mkdirSync(dir, { recursive: true });
    for (const [name, text] of Object.entries(TEXTS)) fs.writeFileSync(file(name), text);
    // The annotator the extension writes as: whoever runs the tests, unless settings say otherwise.
    await openInEditor(file('a.txt'));
    annotator = (await storeFor(api, file('a.txt'))).annotator;
    // b.txt is already done, by a sidecar on disk.
    const done = buildSidecar({ path: 'b.txt', annotator, status: 'done' }, TEXTS['b.txt'] ?? '', [], []);
    fs.writeFileSync(`${file('b.txt')}.ann.yaml`, serializeSidecar(done));
    // Only this folder's texts are assigned to the annotator; the label is how the test sees the project in force.
    projectFile = path.join(workspaceDir(), '.tawsim', 'project.yaml');
    fs.mkdirSync(path.dirname(projectFile), { recursive: true });
    fs.writeFileSync(
      projectFile,
      `tawsim-project: 1\nlabels:\n  - id: QUEUE\n    en: Queue\n    ar: طابور\n    color: "#336699"\nassignments:\n  ${JSON.stringify(annotator)}: ["${folder}/*.txt"]\n  someone-else: ["**/*.txt"]\n`,
    );
    await waitFor('the project in force', () => api.services.labels().some((l) => l.id === 'QUEUE'));
  });

  after(async () => {
    await closeAll();
    fs.rmSync(path.dirname(projectFile), { recursive: true, force: true });
    await waitFor('the default labels back', () => api.services.labels().some((l) => l.id === 'LOC'));
  });

  const activePath = (): string | undefined => vscode.window.activeTextEditor?.document.uri.fsPath;

  /** The My Documents view's rows of this test's folder, as path → state. */
  const myDocuments = async (): Promise<Record<string, string>> => {
    const folder = path.basename(dir);
    return Object.fromEntries((await api.myDocuments.documents()).filter((d) => d.path.startsWith(`${folder}/`)).map((d) => [d.path.slice(folder.length + 1), d.state]));
  };

  it('My Documents lists the texts assigned to the annotator with their states, and a click opens one', async () => {
    const rows = await waitFor('b.txt done in My Documents', async () => {
      const r = await myDocuments();
      return r['b.txt'] === 'done' ? r : undefined;
    });
    assert.deepEqual(rows, { 'a.txt': 'not-started', 'b.txt': 'done', 'c.txt': 'not-started' });
    const all = await api.myDocuments.documents();
    assert.ok(
      all.every((d) => d.path.startsWith(`${path.basename(dir)}/`)),
      'only the texts assigned to this annotator',
    );
    const c = all.find((d) => d.path.endsWith('/c.txt'));
    assert.ok(c);
    const item = api.myDocuments.getTreeItem(c);
    assert.match(String(item.description), /not started|لم يبدأ/u);
    assert.ok(item.command);
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    await waitFor('c.txt opened from My Documents', () => activePath() === file('c.txt'));
  });

  it('skips a text whose sidecar is done and opens the next assigned one', async () => {
    await openInEditor(file('a.txt'));
    const opened = await vscode.commands.executeCommand<string | undefined>(CommandId.nextDocument);
    assert.equal(opened, vscode.Uri.file(file('c.txt')).toString());
    assert.equal(activePath(), file('c.txt'));
  });

  it('Mark Done writes document.status (a sidecar even without tags), and Next Document then passes the text by', async () => {
    await openInEditor(file('c.txt'));
    await storeFor(api, file('c.txt'));
    assert.equal(await vscode.commands.executeCommand(CommandId.markDone), 'done');
    const written = await waitForSidecar(`${file('c.txt')}.ann.yaml`, (s) => s.document.status === 'done');
    assert.equal(written.annotations.length, 0);
    // From c.txt the queue wraps round to a.txt, the only one not done.
    const opened = await vscode.commands.executeCommand<string | undefined>(CommandId.nextDocument);
    assert.equal(opened, vscode.Uri.file(file('a.txt')).toString());
    await storeFor(api, file('a.txt'));
    assert.equal(await vscode.commands.executeCommand(CommandId.markDone, { uri: vscode.Uri.file(file('a.txt')).toString() }), 'done');
    await waitForSidecar(`${file('a.txt')}.ann.yaml`, (s) => s.document.status === 'done');
    // Everything assigned is done: nothing is opened.
    assert.equal(await vscode.commands.executeCommand(CommandId.nextDocument), undefined);
    assert.equal(activePath(), file('a.txt'));
  });

  it('My Documents shows the texts marked done, and Statistics counts them for the annotator', async () => {
    await waitFor('every text done in My Documents', async () => {
      const r = await myDocuments();
      return r['a.txt'] === 'done' && r['b.txt'] === 'done' && r['c.txt'] === 'done';
    });
    const mine = await waitFor('three done of three in the statistics', async () => {
      const collected = await api.explorer.collectStatistics();
      const row = collected.progress.find((p) => p.annotator === annotator);
      return row?.done === 3 ? row : undefined;
    });
    assert.deepEqual(mine, { annotator, assigned: 3, done: 3, inProgress: 0 });
  });

  it('Mark Done on a done text puts it back in progress, and Next Document offers it again', async () => {
    await openInEditor(file('a.txt'));
    await storeFor(api, file('a.txt'));
    assert.equal(await vscode.commands.executeCommand(CommandId.markDone), 'in-progress');
    await waitForSidecar(`${file('a.txt')}.ann.yaml`, (s) => s.document.status === 'in-progress');
    assert.equal(readSidecar(`${file('b.txt')}.ann.yaml`).document.status, 'done', 'the other sidecars are untouched');
    await openInEditor(file('c.txt'));
    assert.equal(await vscode.commands.executeCommand(CommandId.nextDocument), vscode.Uri.file(file('a.txt')).toString());
  });

  it('the first tag on a text not yet started puts it in progress, with a project in force', async () => {
    const started = path.join(dir, 'started', 'd.txt');
    fs.mkdirSync(path.dirname(started), { recursive: true });
    fs.writeFileSync(started, TEXTS['a.txt'] ?? '');
    await openInEditor(started);
    const store = await storeFor(api, started);
    assert.equal(store.documentStatus, undefined);
    await vscode.commands.executeCommand(CommandId.tag, { uri: vscode.Uri.file(started).toString(), start: 16, end: 21, label: 'QUEUE' });
    const written = await waitForSidecar(`${started}.ann.yaml`, (s) => s.annotations.length === 1);
    assert.equal(written.document.status, 'in-progress');
    // Marked done, a later tag leaves it done.
    assert.equal(await vscode.commands.executeCommand(CommandId.markDone, { uri: vscode.Uri.file(started).toString() }), 'done');
    await vscode.commands.executeCommand(CommandId.tag, { uri: vscode.Uri.file(started).toString(), start: 6, end: 12, label: 'QUEUE' });
    const again = await waitForSidecar(`${started}.ann.yaml`, (s) => s.annotations.length === 2);
    assert.equal(again.document.status, 'done');
  });

  it('a tag made while a new project file is still being read puts the text in progress once it is read', async () => {
    const project = fs.readFileSync(projectFile, 'utf8');
    // No project in force: the file is gone and that has been read.
    fs.rmSync(projectFile);
    api.project.reload();
    await api.project.ready();
    assert.equal(
      api.services.labels().some((l) => l.id === 'QUEUE'),
      false,
    );
    const early = path.join(dir, 'early', 'e.txt');
    fs.mkdirSync(path.dirname(early), { recursive: true });
    fs.writeFileSync(early, TEXTS['c.txt'] ?? '');
    await openInEditor(early);
    await storeFor(api, early);
    // The project comes back and its read starts; the tag is made at once, before it is applied.
    fs.writeFileSync(projectFile, project);
    api.project.reload();
    // A label of the set in force at that moment (the default one): the project's QUEUE is not read yet.
    await vscode.commands.executeCommand(CommandId.tag, { uri: vscode.Uri.file(early).toString(), start: 6, end: 12, label: 'LOC' });
    const written = await waitForSidecar(`${early}.ann.yaml`, (s) => s.annotations.length === 1 && s.document.status !== undefined);
    assert.equal(written.document.status, 'in-progress');
  });

  it('Statistics asked for while the project file is being read counts against the file as read, not the one before', async () => {
    const folder = path.basename(dir);
    fs.writeFileSync(projectFile, `${fs.readFileSync(projectFile, 'utf8')}  late-comer: ["${folder}/*.txt"]\n`);
    // The read starts now; Statistics is asked for at once, with no wait in between.
    api.project.reload();
    const collected = await api.explorer.collectStatistics();
    const mine = collected.progress.find((p) => p.annotator === annotator);
    // The same three texts; under the default pattern (no ${annotator}) the same sidecars, so the same states.
    assert.ok(mine && mine.assigned === 3, JSON.stringify(collected.progress));
    assert.deepEqual(
      collected.progress.find((p) => p.annotator === 'late-comer'),
      { ...mine, annotator: 'late-comer' },
      JSON.stringify(collected.progress),
    );
  });
});

describe('Automatic in-progress status without a project', function () {
  this.timeout(60000);
  let api: TawsimApi;
  const text = TEXTS['c.txt'] ?? '';

  before(async () => {
    api = await activateTawsim();
    await waitFor('no project in force', () => api.services.labels().some((l) => l.id === 'LOC'));
  });
  after(closeAll);

  /** A text with a sidecar of no tags, with or without a status, open and loaded. */
  async function textWithSidecar(status?: 'not-started'): Promise<{ file: string; sidecar: string }> {
    const dir = path.join(workspaceDir(), `progress-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`);
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'c.txt');
    fs.writeFileSync(file, text);
    const sidecar = `${file}.ann.yaml`;
    fs.writeFileSync(sidecar, serializeSidecar(buildSidecar({ path: 'c.txt', annotator: 'salma', ...(status ? { status } : {}) }, text, [], [])));
    await openInEditor(file);
    const store = await storeFor(api, file);
    await waitFor('the sidecar read', () => store.diskContent !== undefined);
    return { file, sidecar };
  }

  it('a sidecar that says not-started goes in progress at the first tag', async () => {
    const { file, sidecar } = await textWithSidecar('not-started');
    await vscode.commands.executeCommand(CommandId.tag, { uri: vscode.Uri.file(file).toString(), start: 24, end: 30, label: 'LOC' });
    const written = await waitForSidecar(sidecar, (s) => s.annotations.length === 1);
    assert.equal(written.document.status, 'in-progress');
  });

  it('a plain sidecar without a status gets none: it stays as a version-1 file without the key', async () => {
    const { file, sidecar } = await textWithSidecar();
    await vscode.commands.executeCommand(CommandId.tag, { uri: vscode.Uri.file(file).toString(), start: 24, end: 30, label: 'LOC' });
    const written = await waitForSidecar(sidecar, (s) => s.annotations.length === 1);
    assert.equal(written.document.status, undefined);
    assert.doesNotMatch(fs.readFileSync(sidecar, 'utf8'), /status: (not-started|in-progress)/);
  });
});
