import * as vscode from 'vscode';
import { strict as assert } from 'node:assert';
import type { TawsimApi } from '../../src/extension';
import { activateTawsim, closeAll, freshCopy, openInEditor, select, storeFor, waitFor, waitForSidecar } from './helpers';
import { CommandId } from '../../src/editor/commandIds';

describe('suggestions', () => {
  let api: TawsimApi;
  before(async () => {
    api = await activateTawsim();
  });
  afterEach(closeAll);

  it('suggests places and dates with values; accepting keeps the value in the sidecar', async () => {
    const file = freshCopy('article.txt');
    await openInEditor(file);
    const store = await storeFor(api, file);
    const suggestions = await api.suggestions.refresh(store);
    const date = suggestions.find((s) => s.label === 'DATE' && s.text.includes('24 نوفمبر'));
    assert.ok(date, `a DATE suggestion in ${JSON.stringify(suggestions.map((s) => [s.label, s.text]))}`);
    assert.equal(date.value, '2021-11-24');
    assert.ok(
      suggestions.some((s) => s.label === 'LOC' && s.text === 'المغرب'),
      'المغرب is suggested as a place',
    );
    await vscode.commands.executeCommand(CommandId.accept, { uri: store.uri.toString(), key: date.key });
    const accepted = store.tracked.all.find((a) => a.label === 'DATE');
    assert.equal(accepted?.status, 'accepted');
    assert.equal(accepted?.value, '2021-11-24');
    const sidecar = await waitForSidecar(`${file}.ann.yaml`, (s) => s.annotations.length === 1);
    assert.equal(sidecar.annotations[0]?.value, '2021-11-24');
    assert.equal(sidecar.annotations[0]?.source, 'rules');
    assert.ok(!(await api.suggestions.refresh(store)).some((s) => s.key === date.key), 'an accepted span is no longer suggested');
  });

  it('keeps a rejection in the sidecar and does not suggest that span again', async () => {
    const file = freshCopy('article.txt');
    const editor = await openInEditor(file);
    const store = await storeFor(api, file);
    await api.suggestions.refresh(store);
    editor.selection = select(editor, 'الأردن');
    await vscode.commands.executeCommand(CommandId.reject);
    const rejected = store.tracked.all.find((a) => a.text === 'الأردن');
    assert.equal(rejected?.status, 'rejected');
    assert.ok(!(await api.suggestions.refresh(store)).some((s) => s.text === 'الأردن'));
    const sidecar = await waitForSidecar(`${file}.ann.yaml`, (s) => s.annotations.some((a) => a.status === 'rejected'));
    assert.equal(sidecar.annotations.find((a) => a.text === 'الأردن')?.status, 'rejected');
  });

  it('learns from a tag: its other occurrences, in this and other documents, become suggestions', async () => {
    const first = freshCopy('article.txt');
    const editor = await openInEditor(first);
    const store = await storeFor(api, first);
    editor.selection = select(editor, 'الجانبان');
    await vscode.commands.executeCommand(CommandId.tag, { label: 'PER' });
    const second = freshCopy('article.txt');
    await openInEditor(second);
    const other = await storeFor(api, second);
    // Each probe recomputes the document's suggestions, which on a busy machine takes seconds: the
    // bound is generous, the wait still ends as soon as the suggestion is there.
    const learned = await waitFor(
      'a learned suggestion in the other document',
      async () => {
        const list = await api.suggestions.refresh(other);
        return list.find((s) => s.text === 'الجانبان' && s.label === 'PER');
      },
      60_000,
    );
    // Found again by the annotator's names, or by the model that learned the tag at once.
    assert.ok(learned.source === 'learned' || learned.source === 'model');
    assert.equal(store.tracked.all.length, 1);
  });

  it('accepts all suggestions of one label, and resolves relative dates against the document date', async () => {
    const file = freshCopy('article.txt');
    await openInEditor(file);
    const store = await storeFor(api, file);
    await vscode.commands.executeCommand(CommandId.setDocumentDate, { date: '2023-01-18' });
    const suggestions = await api.suggestions.refresh(store);
    const tuesday = suggestions.find((s) => s.label === 'DATE' && s.text === 'الثلاثاء');
    assert.equal(tuesday?.value, '2023-01-17');
    const dates = suggestions.filter((s) => s.label === 'DATE').length;
    assert.ok(dates >= 2);
    const accepted = await vscode.commands.executeCommand<number>(CommandId.acceptAll, { label: 'DATE' });
    assert.equal(accepted, dates);
    assert.ok(store.tracked.all.every((a) => a.label === 'DATE' && a.status === 'accepted'));
    const sidecar = await waitForSidecar(`${file}.ann.yaml`, (s) => s.annotations.length === dates);
    assert.equal(sidecar.document.date, '2023-01-18');
  });

  it('hides and shows suggestions with Toggle Suggestions', async () => {
    const file = freshCopy('article.txt');
    await openInEditor(file);
    const store = await storeFor(api, file);
    assert.ok((await api.suggestions.refresh(store)).length > 0);
    await vscode.commands.executeCommand(CommandId.toggleSuggestions);
    assert.equal(api.suggestions.suggestions(store).length, 0);
    await vscode.commands.executeCommand(CommandId.toggleSuggestions);
    assert.ok((await api.suggestions.refresh(store)).length > 0);
  });
});
