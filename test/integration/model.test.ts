import * as vscode from 'vscode';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { strict as assert } from 'node:assert';
import type { TawsimApi } from '../../src/extension';
import { activateTawsim, closeAll, freshCopy, openInEditor, select, storeFor, waitFor, workspaceDir } from './helpers';
import { CommandId } from '../../src/editor/commandIds';
import type { UncertainSpan } from '../../src/editor/suggestions/uncertainSuggestions';

/** A new text under a name never opened in this run. */
function newText(text: string, folder = path.join(workspaceDir(), 'run')): string {
  const file = path.join(folder, `model-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}.txt`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

describe('the trained model in the editor', () => {
  let api: TawsimApi;
  before(async () => {
    api = await activateTawsim();
    // Other tests' tags may have re-fitted the model on this workspace: start from the base model.
    await api.model.useBaseModel();
  });
  afterEach(closeAll);
  after(() => api.model.useBaseModel());

  it('suggests names from the base model, each with a probability; dates still come from the rules', async () => {
    const file = freshCopy('article.txt');
    await openInEditor(file);
    const store = await storeFor(api, file);
    const suggestions = await api.suggestions.refresh(store);
    const place = suggestions.find((s) => s.label === 'LOC' && s.text === 'المغرب');
    assert.equal(place?.source, 'model', JSON.stringify(suggestions.map((s) => [s.label, s.text, s.source])));
    assert.ok(place.score !== undefined && place.score > 0 && place.score <= 1);
    assert.ok(place.alternative);
    assert.ok(suggestions.some((s) => s.label === 'DATE' && s.source === 'rules' && s.value === '2021-11-24'));
    const hover = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', store.uri, (await openInEditor(file)).document.positionAt(place.start + 1));
    const text = hover.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
    assert.match(text, /the model: 0\\?\.\d\d; next best/);
    assert.match(text, /Score: 0\.\d\d/);
  });

  it('learns a tag at once: an unseen name tagged in one text is suggested in another', async () => {
    const first = newText('التقى الوفد أمس بالسيد كوفرا ملانغو في مقر البعثة.\nوقال كوفرا ملانغو إن المحادثات كانت صريحة.\n');
    const editor = await openInEditor(first);
    const store = await storeFor(api, first);
    editor.selection = select(editor, 'كوفرا ملانغو');
    await vscode.commands.executeCommand(CommandId.tag, { label: 'PER' });
    const second = newText('وصل كوفرا ملانغو إلى نواكشوط لحضور القمة.\n');
    await openInEditor(second);
    const other = await storeFor(api, second);
    const found = await waitFor('the name suggested in the other text', async () =>
      (await api.suggestions.refresh(other)).find((s) => s.label === 'PER' && s.text === 'كوفرا ملانغو'),
    );
    assert.ok(found.source === 'model' || found.source === 'learned');
    assert.equal(store.tracked.all.length, 1);
    // A tag the model would never have proposed changes its weights at once.
    const before = api.model.status().onlineUpdates;
    const version = api.model.version;
    const again = await openInEditor(first);
    again.selection = select(again, 'مقر البعثة');
    await vscode.commands.executeCommand(CommandId.tag, { label: 'LOC' });
    await waitFor('an online update', () => api.model.status().onlineUpdates > before);
    assert.notEqual(api.model.version, version);
  });

  it('Next Uncertain walks the model’s suggestions from the least sure one', async () => {
    const file = freshCopy('article.txt');
    const editor = await openInEditor(file);
    const store = await storeFor(api, file);
    const model = (await api.suggestions.refresh(store)).filter((s) => s.source === 'model');
    assert.ok(model.length >= 2);
    const least = Math.min(...model.map((s) => s.score ?? 1));
    const first = await vscode.commands.executeCommand<UncertainSpan>(CommandId.nextUncertain);
    assert.equal(first.score, least);
    assert.equal(editor.document.getText(editor.selection), first.suggestion.text);
    const second = await vscode.commands.executeCommand<UncertainSpan>(CommandId.nextUncertain);
    assert.ok(second.score >= first.score);
    assert.notEqual(`${second.suggestion.key}`, `${first.suggestion.key}`);
  });

  it('re-fits on the workspace’s annotations in the background and reports held-out figures', async () => {
    const lines = [
      'قال المتحدث باسم بلدية وهران إن المهرجان سيقام في الساحة الكبرى.',
      'وأعلنت جمعية أصدقاء المسرح عن عرض جديد في قسنطينة.',
      'واستقبل رئيس البلدية وفدا من مدينة عنابة.',
      'وقال مراد الزين إن العرض حضره جمهور كبير.',
      'وزارت نادية الخطيب مدينة تلمسان للمرة الأولى.',
    ];
    // The texts of a folder of its own: the re-fit reads only them, not every sidecar other tests left.
    const folder = path.join(workspaceDir(), 'run', `refit-${Date.now().toString(36)}`);
    const file = newText(lines.join('\n') + '\n', folder);
    const editor = await openInEditor(file);
    const store = await storeFor(api, file);
    for (const [quote, label] of [
      ['بلدية وهران', 'ORG'],
      ['جمعية أصدقاء المسرح', 'ORG'],
      ['قسنطينة', 'LOC'],
      ['عنابة', 'LOC'],
      ['مراد الزين', 'PER'],
      ['نادية الخطيب', 'PER'],
      ['تلمسان', 'LOC'],
    ] as const) {
      editor.selection = select(editor, quote);
      await vscode.commands.executeCommand(CommandId.tag, { label });
    }
    await waitFor('the seven tags', () => store.tracked.all.length === 7);
    const status = await api.model.refit(vscode.Uri.file(folder));
    assert.equal(status.kind, 'workspace');
    // The five lines of this folder's text, none of the other tests' sidecars.
    assert.ok(status.report, 'a report');
    assert.equal(status.report.lines, 5, JSON.stringify(status.report));
    assert.ok(status.report.heldOutLines >= 1);
    assert.equal(status.report.model.at(-1)?.label, 'micro');
    const stats = await vscode.commands.executeCommand<vscode.WebviewPanel>(CommandId.statistics);
    assert.ok(stats);
  });
});
