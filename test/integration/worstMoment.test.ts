/**
 * Commands issued at the worst moment, without waiting for their effects: right after opening a
 * file (while its sidecar loads), while a write is in flight or queued, while the sidecar is
 * reloaded from disk, right before the editor closes. Each test asserts the exact sidecar on disk
 * afterwards.
 */
import * as vscode from 'vscode';
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawn } from 'node:child_process';
import type { TawsimApi } from '../../src/extension';
import { CommandId } from '../../src/editor/commandIds';
import { activateTawsim, closeAll, freshCopy, select, sidecarTagging, waitFor } from './helpers';
import type { QuoteTag } from './helpers';
import type { AnnotationDocument } from '../../src/editor/annotationDocument';
import { tempNameFor } from '../../src/core/sidecar/tempFiles';
import { lockFiles } from '../../src/node/fileLock';

/** Opens a file and tags a quote with no wait in between, as a keyboard user does (Ctrl+P, Enter, Ctrl+Alt+3). */
async function openAndTag(file: string, quote: string, label: string): Promise<unknown> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  const editor = await vscode.window.showTextDocument(document);
  editor.selection = select(editor, quote);
  return vscode.commands.executeCommand(CommandId.tag, { label });
}

/**
 * Polls a file's existence about every millisecond until a stop file appears, then prints how many
 * polls found it absent and how many times its inode changed (one per rename over it).
 */
const POLLER = `
const fs = require('fs');
const [file, stop] = process.argv.slice(1);
const nap = new Int32Array(new SharedArrayBuffer(4));
let polls = 0, absent = 0, renames = 0, ino = fs.statSync(file).ino;
process.stdout.write('ready\\n');
while (!fs.existsSync(stop)) {
  polls++;
  try { const s = fs.statSync(file); if (s.ino !== ino) { renames++; ino = s.ino; } } catch { absent++; }
  Atomics.wait(nap, 0, 0, 1);
}
process.stdout.write(JSON.stringify({ polls, absent, renames }) + '\\n');
`;

/** The annotator the extension writes into sidecars in this test host. */
function me(api: TawsimApi): string {
  const store = api.services.stores.all()[0];
  assert.ok(store, 'a document is open');
  return store.annotator;
}

function sidecarOf(file: string): string {
  return fs.readFileSync(`${file}.ann.yaml`, 'utf8');
}

describe('commands at the worst moment', () => {
  let api: TawsimApi;
  before(async () => {
    api = await activateTawsim();
  });
  afterEach(async () => {
    await vscode.workspace.getConfiguration('tawsim').update('conflict', undefined, vscode.ConfigurationTarget.Workspace);
    await closeAll();
  });

  it('keeps a tag made right after opening, in texts with and without a sidecar, one after another', async () => {
    const saved: QuoteTag[] = [
      { quote: 'المغرب', label: 'LOC', source: 'import' },
      { quote: 'الرباط', label: 'LOC', source: 'import' },
    ];
    const withSidecars = [0, 1, 2].map(() => {
      const file = freshCopy('article.txt');
      fs.writeFileSync(`${file}.ann.yaml`, sidecarTagging(file, saved));
      return file;
    });
    const without = [0, 1].map(() => freshCopy('article.txt'));
    // One after another, each tagged the moment it is open: no file waits for the one before.
    const results = [];
    for (const file of [...withSidecars, ...without]) results.push(await openAndTag(file, 'الأردن', 'LOC'));
    for (const r of results) assert.equal((r as unknown[]).length, 1, 'each tag command returned its annotation');
    for (const file of [...withSidecars, ...without]) {
      await api.services.stores.save(await storeOf(api, file));
    }
    for (const file of withSidecars) assert.equal(sidecarOf(file), sidecarTagging(file, [...saved, { quote: 'الأردن', label: 'LOC', id: 't3' }], me(api)), path.basename(file));
    for (const file of without) assert.equal(sidecarOf(file), sidecarTagging(file, [{ quote: 'الأردن', label: 'LOC' }], me(api)), path.basename(file));
  });

  it('leaves a broken sidecar byte for byte when a tag is made right after opening, and keeps the tag for the recovery file', async () => {
    const file = freshCopy('article.txt');
    const broken = `tawsim: 1\ndocument:\n  path: ${path.basename(file)}\nannotator: salma\nannotations:\n  - id: t1\n    label: LOC\n    start: [oops\n`;
    fs.writeFileSync(`${file}.ann.yaml`, broken);
    await openAndTag(file, 'الأردن', 'LOC');
    const store = await storeOf(api, file);
    await vscode.commands.executeCommand(CommandId.save);
    await api.services.stores.flush();
    assert.equal(sidecarOf(file), broken, 'the broken sidecar is untouched');
    assert.equal(store.writable, false);
    assert.deepEqual(
      store.tracked.all.map((a) => a.text),
      ['الأردن'],
      'the tag is kept in memory',
    );
    const recovered = await vscode.commands.executeCommand<vscode.Uri>(CommandId.saveRecovered);
    assert.ok(recovered);
    assert.equal(fs.readFileSync(recovered.fsPath, 'utf8'), sidecarTagging(file, [{ quote: 'الأردن', label: 'LOC' }], me(api)));
  });

  it('writes a tag made right before the editor closes', async () => {
    const file = freshCopy('article.txt');
    await openAndTag(file, 'الرباط', 'LOC');
    const store = await storeOf(api, file);
    // Close the editor at once; the document may stay open in the extension host (see helpers).
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await api.services.stores.flush();
    assert.equal(store.unsaved, false);
    assert.equal(sidecarOf(file), sidecarTagging(file, [{ quote: 'الرباط', label: 'LOC' }], me(api)));
  });

  it('saves twice while the first write is in flight, with a tag between: both tags on disk when the second save returns', async () => {
    const file = freshCopy('article.txt');
    await openAndTag(file, 'الرباط', 'LOC');
    const editor = vscode.window.activeTextEditor as vscode.TextEditor;
    const first = vscode.commands.executeCommand(CommandId.save);
    editor.selection = select(editor, 'الأردن');
    const tagged = vscode.commands.executeCommand(CommandId.tag, { label: 'LOC' });
    const second = tagged.then(() => vscode.commands.executeCommand(CommandId.save));
    await Promise.all([first, second]);
    assert.equal(
      sidecarOf(file),
      sidecarTagging(
        file,
        [
          { quote: 'الرباط', label: 'LOC' },
          { quote: 'الأردن', label: 'LOC', id: 't2' },
        ],
        me(api),
      ),
    );
  });

  it('tags while the sidecar is reloaded from disk: with conflict "merge" both writers keep their tags', async () => {
    await vscode.workspace.getConfiguration('tawsim').update('conflict', 'merge', vscode.ConfigurationTarget.Workspace);
    const file = freshCopy('article.txt');
    const { editor, store } = await openWithSidecar(api, file, [{ quote: 'الرباط', label: 'LOC' }]);
    // Another writer adds a tag on disk; at the same moment the user tags another span.
    const theirs = sidecarTagging(file, [
      { quote: 'الرباط', label: 'LOC' },
      { quote: 'المغرب', label: 'LOC', id: 'x1', source: 'import' },
    ]);
    fs.writeFileSync(`${file}.ann.yaml`, theirs);
    editor.selection = select(editor, 'الأردن');
    await vscode.commands.executeCommand(CommandId.tag, { label: 'LOC' });
    const expected = sidecarTagging(
      file,
      [
        { quote: 'الرباط', label: 'LOC' },
        { quote: 'المغرب', label: 'LOC', id: 'x1', source: 'import' },
        { quote: 'الأردن', label: 'LOC', id: 't2' },
      ],
      me(api),
    );
    await waitFor('both writers’ tags on disk', async () => {
      await api.services.stores.flush();
      return sidecarOf(file) === expected;
    });
    assert.equal(store.unsaved, false);
  });

  it('does not overwrite a sidecar changed on disk while its write is queued, and asks', async () => {
    const file = freshCopy('article.txt');
    const { editor, store } = await openWithSidecar(api, file, [{ quote: 'الرباط', label: 'LOC' }]);
    editor.selection = select(editor, 'الأردن');
    await vscode.commands.executeCommand(CommandId.tag, { label: 'LOC' });
    // The write of that tag is queued (debounced); another writer gets there first.
    const theirs = sidecarTagging(file, [{ quote: 'الرباط', label: 'PER' }]);
    fs.writeFileSync(`${file}.ann.yaml`, theirs);
    await waitFor('the extension to ask which annotations to keep', () => store.state.conflict, 15_000);
    assert.equal(sidecarOf(file), theirs, 'their sidecar is not overwritten');
    assert.deepEqual(
      store.tracked.all.map((a) => `${a.label} ${a.text}`),
      ['LOC الرباط', 'LOC الأردن'],
      'our annotations are all still in memory',
    );
  });
  it('waits for the lock of the command line writing the sidecar, then keeps its change instead of overwriting it', async () => {
    const file = freshCopy('article.txt');
    const sidecar = `${file}.ann.yaml`;
    const { editor, store } = await openWithSidecar(api, file, [{ quote: 'الرباط', label: 'LOC' }]);
    // `tawsim import` holds the sidecar's lock while it writes: the editor's write must wait for it.
    const cli = await lockFiles([sidecar]);
    editor.selection = select(editor, 'الأردن');
    await vscode.commands.executeCommand(CommandId.tag, { label: 'LOC' });
    let settled = false;
    const flushed = api.services.stores.flush().finally(() => (settled = true));
    // The command line writes once the editor's write has either happened (a writer that ignores
    // the lock) or is waiting for the lock (a waiter stages its claim as a `.tawsim-TOKEN.tmp` folder).
    await waitFor(
      'the editor’s write to be done or waiting for the lock',
      () => settled || fs.readdirSync(path.dirname(sidecar)).some((n) => /^\.tawsim-[0-9a-f]{16}\.tmp$/.test(n)),
    );
    const theirs = sidecarTagging(file, [{ quote: 'الرباط', label: 'PER' }]);
    fs.writeFileSync(sidecar, theirs);
    await cli.release();
    await flushed;
    await waitFor('the extension to ask which annotations to keep', () => store.state.conflict, 15_000);
    assert.equal(sidecarOf(file), theirs, 'the command line’s sidecar is not overwritten');
    assert.deepEqual(
      store.tracked.all.map((a) => `${a.label} ${a.text}`),
      ['LOC الرباط', 'LOC الأردن'],
      'our annotations are all still in memory',
    );
  });

  it('recovers a sidecar that an interrupted write left only as its complete temporary file', async () => {
    const file = freshCopy('article.txt');
    const name = `${path.basename(file)}.ann.yaml`;
    const content = sidecarTagging(file, [{ quote: 'الرباط', label: 'LOC' }]);
    // What a crash between "delete the old file" and "move the new one" leaves where rename is not atomic.
    const complete = path.join(path.dirname(file), tempNameFor(name, content));
    fs.writeFileSync(complete, content);
    // A write killed while its temporary file was being filled: not the content its name promises.
    const partial = path.join(path.dirname(file), tempNameFor(name, `${content}more`));
    fs.writeFileSync(partial, content.slice(0, 40));
    const store = await storeOf(api, file);
    assert.deepEqual(
      store.tracked.all.map((a) => `${a.label} ${a.text}`),
      ['LOC الرباط'],
    );
    assert.equal(sidecarOf(file), content, 'the sidecar is back, byte for byte');
    assert.ok(!fs.existsSync(complete), 'the recovered temporary file is gone');
    assert.ok(fs.existsSync(partial), 'a partial one is neither recovered nor taken for the sidecar');
  });

  it('never leaves the sidecar absent while it is written a hundred times (Node extension host)', async function () {
    // A hundred checked writes take a while on a busy machine; the poller decides, not the clock.
    this.timeout(600_000);
    const file = freshCopy('article.txt');
    const sidecar = `${file}.ann.yaml`;
    const { editor, store } = await openWithSidecar(api, file, [{ quote: 'الرباط', label: 'LOC' }]);
    const stop = `${file}.stop`;
    // In a desktop VS Code the extension host's executable is Electron, which this makes act as Node.
    const poller = spawn(process.execPath, ['-e', POLLER, sidecar, stop], { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    poller.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => poller.on('exit', resolve));
    await waitFor('the poller to start', () => output.startsWith('ready'));
    const writes = 100;
    for (let i = 0; i < writes; i++) {
      if (i % 2 === 0) {
        editor.selection = select(editor, 'الأردن');
        await vscode.commands.executeCommand(CommandId.tag, { label: 'LOC' });
      } else await vscode.commands.executeCommand(CommandId.undo);
      await api.services.stores.save(store);
    }
    fs.writeFileSync(stop, '');
    assert.equal(await exited, 0);
    const figures = JSON.parse(output.split('\n')[1] ?? '{}') as { polls: number; absent: number; renames: number };
    console.log(`sidecar existence poller: ${JSON.stringify(figures)} over ${writes} writes`);
    assert.equal(figures.absent, 0, 'the sidecar was never absent');
    assert.ok(figures.renames > 0, 'the poller saw writes replace the file');
    assert.ok(figures.polls > writes, 'it polled between the writes');
  });
});

/** Writes a file's sidecar with these tags, opens the file in an editor and waits for its store. */
async function openWithSidecar(api: TawsimApi, file: string, tags: readonly QuoteTag[]): Promise<{ editor: vscode.TextEditor; store: AnnotationDocument }> {
  fs.writeFileSync(`${file}.ann.yaml`, sidecarTagging(file, tags));
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  const editor = await vscode.window.showTextDocument(document);
  return { editor, store: await storeOf(api, file) };
}

/** The store of a file, waiting for its load (stores are handed out only once loaded). */
async function storeOf(api: TawsimApi, file: string): Promise<AnnotationDocument> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  const store = await api.services.stores.ensure(document);
  assert.ok(store, `${path.basename(file)} has a store`);
  return store;
}
