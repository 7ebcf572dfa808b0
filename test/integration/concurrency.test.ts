import * as vscode from 'vscode';
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TawsimApi } from '../../src/extension';
import { activateTawsim, closeAll, freshCopy, openInEditor, select, storeFor, waitFor } from './helpers';
import { CommandId } from '../../src/editor/commandIds';
import { serializeSidecar } from '../../src/core/sidecar/serializeSidecar';
import { buildSidecar } from '../../src/core/sidecar/documentAnnotations';
import { writeSidecarChecked } from '../../src/cli/sidecarWriter';
import type { Annotation } from '../../src/core/model/annotation';

/** A sidecar for the file's text on disk tagging the given quotes (first occurrences), as the command line writes it. */
function sidecarFor(file: string, tags: readonly [string, string][]): string {
  const text = fs.readFileSync(file, 'utf8');
  const annotations: Annotation[] = tags.map(([quote, label], i) => {
    const at = text.indexOf(quote);
    return { id: `t${i + 1}`, label, start: at, end: at + quote.length, text: quote, status: 'accepted', source: 'import' };
  });
  return serializeSidecar(buildSidecar({ path: path.basename(file), annotator: 'salma' }, text, annotations, []));
}

describe('concurrent writers of one sidecar', () => {
  let api: TawsimApi;
  before(async () => {
    api = await activateTawsim();
  });
  afterEach(async () => {
    // Drop unsaved text so closing asks nothing.
    if (vscode.window.activeTextEditor?.document.isDirty) await vscode.commands.executeCommand('workbench.action.files.revert');
    await closeAll();
  });

  it("takes the command line's write when there are no unsaved annotation changes", async () => {
    const file = freshCopy('article.txt');
    const sidecar = `${file}.ann.yaml`;
    const first = sidecarFor(file, [['الرباط', 'LOC']]);
    fs.writeFileSync(sidecar, first);
    await openInEditor(file);
    const store = await storeFor(api, file);
    assert.deepEqual(
      store.tracked.all.map((a) => a.text),
      ['الرباط'],
    );
    // `tawsim` on the command line: checked, atomic (temporary file and rename).
    const theirs = sidecarFor(file, [
      ['الرباط', 'LOC'],
      ['الأردن', 'LOC'],
    ]);
    assert.equal((await writeSidecarChecked(sidecar, first, theirs, 'fail')).outcome, 'written');
    await waitFor("the command line's sidecar to be loaded", () => store.tracked.all.length === 2, 15_000);
    assert.equal(store.unsaved, false);
    assert.equal(fs.readFileSync(sidecar, 'utf8'), theirs, 'the file is left as they wrote it');
    // No temporary file is left, or taken for a sidecar.
    assert.deepEqual(
      fs.readdirSync(path.dirname(file)).filter((n) => n.endsWith('.tmp')),
      [],
    );
  });

  it("never overwrites another writer's sidecar while it has unsaved annotation changes", async () => {
    const file = freshCopy('article.txt');
    const sidecar = `${file}.ann.yaml`;
    const first = sidecarFor(file, [['الرباط', 'LOC']]);
    fs.writeFileSync(sidecar, first);
    const editor = await openInEditor(file);
    const store = await storeFor(api, file);
    // The text gets an unsaved edit at its end, so annotation changes wait for the save.
    const end = editor.document.positionAt(editor.document.getText().length);
    await editor.edit((e) => e.insert(end, '\nسطر جديد لم يحفظ بعد.'));
    assert.equal(editor.document.isDirty, true);
    editor.selection = select(editor, 'الأردن');
    await vscode.commands.executeCommand(CommandId.tag, { label: 'LOC' });
    assert.equal(store.unsaved, true);
    const mine = store.tracked.all.map((a) => a.text).sort();
    assert.deepEqual(mine, ['الأردن', 'الرباط']);

    // Another writer (the command line) changes the sidecar on disk.
    const theirs = sidecarFor(file, [
      ['الرباط', 'PER'],
      ['المغرب', 'LOC'],
    ]);
    assert.equal((await writeSidecarChecked(sidecar, first, theirs, 'fail')).outcome, 'written');
    // The watcher sees it; with unsaved changes the extension asks (a modal: Keep Mine, Take
    // Theirs, Merge Both) and writes nothing until answered. A test cannot click a modal, so it
    // checks what matters: their file stays as they wrote it, and our work stays in memory.
    await waitFor('the extension to see their change and ask', () => store.state.conflict, 15_000);
    assert.equal(fs.readFileSync(sidecar, 'utf8'), theirs, 'their sidecar is not overwritten');
    assert.deepEqual(store.tracked.all.map((a) => a.text).sort(), mine, 'our annotations are still here');
    assert.equal(store.unsaved, true);

    // Saving the text must not overwrite it either (the question comes back instead). The save
    // is not awaited: the write behind it waits for the unanswered question.
    void vscode.commands.executeCommand('workbench.action.files.save');
    await waitFor('the text to be saved', () => !editor.document.isDirty, 10_000);
    // The write behind the save is queued after the open question, so it cannot have written.
    assert.equal(fs.readFileSync(sidecar, 'utf8'), theirs, 'their sidecar is not overwritten by the save');
    assert.deepEqual(store.tracked.all.map((a) => a.text).sort(), mine, 'our annotations are still here after the save');
  });
});
