import * as vscode from 'vscode';
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import type { TawsimApi } from '../../src/extension';
import { activateTawsim, closeAll, codePointOffset, freshCopy, openInEditor, readSidecar, select, storeFor, waitFor, waitForSidecar } from './helpers';
import { CommandId } from '../../src/editor/commandIds';

describe('tag, see, save, reload', () => {
  let api: TawsimApi;
  before(async () => {
    api = await activateTawsim();
  });
  afterEach(closeAll);

  it('tags a selection with a label argument and writes code point offsets to the sidecar', async () => {
    const file = freshCopy('article.txt');
    const editor = await openInEditor(file);
    const store = await storeFor(api, file);
    // The second المغرب comes after a flag emoji (two astral characters): UTF-16 and code points differ.
    editor.selection = select(editor, 'المغرب', 1);
    await vscode.commands.executeCommand(CommandId.tag, { label: 'LOC' });
    assert.equal(store.tracked.all.length, 1);
    const sidecar = await waitForSidecar(`${file}.ann.yaml`, (s) => s.annotations.length === 1);
    const [a] = sidecar.annotations;
    const start = codePointOffset(file, 'المغرب', 1);
    assert.deepEqual([a?.label, a?.start, a?.end, a?.text, a?.status, a?.source], ['LOC', start, start + 6, 'المغرب', 'accepted', 'manual']);
    assert.notEqual(
      start,
      fs.readFileSync(file, 'utf8').indexOf('المغرب', fs.readFileSync(file, 'utf8').indexOf('المغرب') + 1),
      'the test text makes UTF-16 and code points differ',
    );
    assert.equal(sidecar.document.length, [...fs.readFileSync(file, 'utf8')].length);
  });

  it('tags through the label quick pick when no label is given', async () => {
    const file = freshCopy('article.txt');
    const editor = await openInEditor(file);
    const store = await storeFor(api, file);
    editor.selection = select(editor, 'الرباط');
    const shown = new Promise<void>((resolve) => {
      const once = api.onDidShowLabelPick(() => {
        once.dispose();
        resolve();
      });
    });
    const running = vscode.commands.executeCommand(CommandId.tag);
    // The quick pick opens with the label set; the first item is PER, move to the third (LOC).
    await shown;
    await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
    await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await running;
    assert.deepEqual(
      store.tracked.all.map((a) => [a.label, a.text]),
      [['LOC', 'الرباط']],
    );
  });

  it('tags several selections at once and refuses the same span and label twice, but allows nesting', async () => {
    const file = freshCopy('article.txt');
    const editor = await openInEditor(file);
    const store = await storeFor(api, file);
    editor.selections = [select(editor, 'المغرب', 0), select(editor, 'المغرب', 1)];
    await vscode.commands.executeCommand(CommandId.tag, { label: 'LOC' });
    await vscode.commands.executeCommand(CommandId.tag, { label: 'LOC' });
    assert.equal(store.tracked.all.length, 2);
    editor.selection = select(editor, 'لقيادة العامة');
    await vscode.commands.executeCommand(CommandId.tag, { label: 'ORG' });
    editor.selection = select(editor, 'العامة');
    await vscode.commands.executeCommand(CommandId.tag, { label: 'MISC' });
    assert.deepEqual(store.tracked.all.map((a) => a.label).sort(), ['LOC', 'LOC', 'MISC', 'ORG']);
  });

  it('moves tags with edits, waits for the save while dirty, then writes shifted offsets', async () => {
    const file = freshCopy('article.txt');
    const editor = await openInEditor(file);
    const store = await storeFor(api, file);
    editor.selection = select(editor, 'الرباط');
    await vscode.commands.executeCommand(CommandId.tag, { label: 'LOC' });
    const before = await waitForSidecar(`${file}.ann.yaml`, (s) => s.annotations.length === 1);
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), 'عاجل 📰: '));
    assert.ok(editor.document.isDirty);
    assert.equal(store.tracked.all[0]?.text, 'الرباط');
    // While the text is dirty, the sidecar still describes the text on disk: flushing writes nothing.
    await api.services.stores.flush();
    assert.deepEqual(readSidecar(`${file}.ann.yaml`).annotations[0]?.start, before.annotations[0]?.start);
    await editor.document.save();
    const after = await waitForSidecar(`${file}.ann.yaml`, (s) => s.annotations[0]?.start !== before.annotations[0]?.start);
    assert.equal(after.annotations[0]?.start, (before.annotations[0]?.start ?? 0) + [...'عاجل 📰: '].length);
    assert.equal(after.annotations[0]?.start, codePointOffset(file, 'الرباط'));
  });

  it('brings a tag back when text undo restores its deleted text', async () => {
    const file = freshCopy('article.txt');
    const editor = await openInEditor(file);
    const store = await storeFor(api, file);
    editor.selection = select(editor, 'الرباط');
    await vscode.commands.executeCommand(CommandId.tag, { label: 'LOC' });
    const sel = select(editor, 'في الرباط يومي');
    await editor.edit((e) => e.delete(sel));
    assert.equal(store.tracked.all.length, 0);
    await vscode.commands.executeCommand('undo');
    await waitFor('the tag to come back', () => store.tracked.all.length === 1);
    assert.equal(store.tracked.all[0]?.text, 'الرباط');
    assert.equal(
      editor.document.getText(new vscode.Range(editor.document.positionAt(store.tracked.all[0]?.start ?? 0), editor.document.positionAt(store.tracked.all[0]?.end ?? 0))),
      'الرباط',
    );
  });

  it('removes, relabels, notes, undoes and redoes annotation changes', async () => {
    const file = freshCopy('article.txt');
    const editor = await openInEditor(file);
    const store = await storeFor(api, file);
    editor.selection = select(editor, 'الأردن');
    await vscode.commands.executeCommand(CommandId.tag, { label: 'PER' });
    await waitForSidecar(`${file}.ann.yaml`, (s) => s.annotations.length === 1);
    const id = store.tracked.all[0]?.id;
    await vscode.commands.executeCommand(CommandId.changeLabel, { id, label: 'LOC' });
    await vscode.commands.executeCommand(CommandId.addNote, { id, note: 'بلد' });
    assert.deepEqual([store.tracked.all[0]?.label, store.tracked.all[0]?.note], ['LOC', 'بلد']);
    await vscode.commands.executeCommand(CommandId.undo);
    assert.equal(store.tracked.all[0]?.note, undefined);
    await vscode.commands.executeCommand(CommandId.redo);
    assert.equal(store.tracked.all[0]?.note, 'بلد');
    editor.selection = new vscode.Selection(select(editor, 'الأردن').start.translate(0, 2), select(editor, 'الأردن').start.translate(0, 2));
    await vscode.commands.executeCommand(CommandId.remove);
    assert.equal(store.tracked.all.length, 0);
    const saved = await waitForSidecar(`${file}.ann.yaml`, (s) => s.annotations.length === 0);
    assert.equal(saved.annotations.length, 0);
  });

  it('walks annotations with next and previous', async () => {
    const file = freshCopy('article.txt');
    const editor = await openInEditor(file);
    await storeFor(api, file);
    for (const [quote, label] of [
      ['المغرب', 'LOC'],
      ['الرباط', 'LOC'],
      ['الأردن', 'LOC'],
    ] as const) {
      editor.selection = select(editor, quote);
      await vscode.commands.executeCommand(CommandId.tag, { label });
    }
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand(CommandId.next);
    assert.equal(editor.document.getText(editor.selection), 'المغرب');
    await vscode.commands.executeCommand(CommandId.next);
    assert.equal(editor.document.getText(editor.selection), 'الرباط');
    await vscode.commands.executeCommand(CommandId.previous);
    assert.equal(editor.document.getText(editor.selection), 'المغرب');
    await vscode.commands.executeCommand(CommandId.previous);
    assert.equal(editor.document.getText(editor.selection), 'الأردن');
  });

  it('restores annotations when a file with a sidecar is opened', async () => {
    const seed = freshCopy('article.txt');
    const editor = await openInEditor(seed);
    const store = await storeFor(api, seed);
    editor.selections = [select(editor, 'المغرب', 1), select(editor, 'الرباط')];
    await vscode.commands.executeCommand(CommandId.tag, { label: 'LOC' });
    editor.selection = select(editor, '24 نوفمبر/ تشرين الثاني 2021');
    await vscode.commands.executeCommand(CommandId.tag, { label: 'DATE' });
    await waitForSidecar(`${seed}.ann.yaml`, (s) => s.annotations.length === 3);
    assert.equal(store.tracked.all.length, 3);
    // A never-opened copy of text and sidecar: opening it must load everything again.
    const copy = freshCopy('article.txt', () => fs.readFileSync(`${seed}.ann.yaml`, 'utf8'));
    const reopened = await openInEditor(copy);
    const restored = await storeFor(api, copy);
    assert.deepEqual(
      restored.tracked.all.map((a) => reopened.document.getText(new vscode.Range(reopened.document.positionAt(a.start), reopened.document.positionAt(a.end)))),
      ['الرباط', 'المغرب', '24 نوفمبر/ تشرين الثاني 2021'],
    );
  });

  it('keeps CRLF line ends exact in offsets', async () => {
    const file = freshCopy('crlf.txt');
    const editor = await openInEditor(file);
    await storeFor(api, file);
    editor.selection = select(editor, 'المغرب');
    await vscode.commands.executeCommand(CommandId.tag, { label: 'LOC' });
    const sidecar = await waitForSidecar(`${file}.ann.yaml`, (s) => s.annotations.length === 1);
    assert.equal(sidecar.annotations[0]?.start, codePointOffset(file, 'المغرب'));
    assert.ok(fs.readFileSync(file, 'utf8').includes('\r\n'));
  });

  it('does not annotate files outside tawsim.files until asked', async () => {
    const file = freshCopy('other.log');
    const editor = await openInEditor(file);
    assert.equal(await api.services.stores.ensure(editor.document), undefined, 'a .log file is not annotated');
    assert.equal(api.services.stores.get(vscode.Uri.file(file)), undefined);
    await vscode.commands.executeCommand(CommandId.annotateFile);
    assert.ok(api.services.stores.get(vscode.Uri.file(file)));
  });
});
