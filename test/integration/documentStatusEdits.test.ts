import * as vscode from 'vscode';
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { activateTawsim, closeAll, openInEditor, storeFor, waitFor, waitForSidecar, workspaceDir } from './helpers';
import type { TawsimApi } from '../../src/extension';
import { CommandId } from '../../src/editor/commandIds';
import { buildSidecar } from '../../src/core/sidecar/documentAnnotations';
import { serializeSidecar } from '../../src/core/sidecar/serializeSidecar';

/** A short text of our own with one place, tagged in a sidecar that says the text is not started. */
const TEXT = 'أعلنت الشركة نتائجها في الرباط.\n';
const PLACE = { id: 't1', label: 'LOC', start: TEXT.indexOf('الرباط'), end: TEXT.indexOf('الرباط') + 6, text: 'الرباط', status: 'accepted', source: 'manual' } as const;

describe('Any annotation edit puts a text not yet started in progress', function () {
  this.timeout(60000);
  let api: TawsimApi;

  before(async () => {
    api = await activateTawsim();
  });
  after(closeAll);

  /** The text open and loaded, its sidecar holding PLACE and `status: not-started`; the sidecar's path. */
  async function notStarted(): Promise<{ uri: string; sidecar: string }> {
    const dir = path.join(workspaceDir(), `status-edits-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`);
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'news.txt');
    fs.writeFileSync(file, TEXT);
    const sidecar = `${file}.ann.yaml`;
    fs.writeFileSync(sidecar, serializeSidecar(buildSidecar({ path: 'news.txt', annotator: 'salma', status: 'not-started' }, TEXT, [PLACE], [])));
    await openInEditor(file);
    const store = await storeFor(api, file);
    await waitFor('the sidecar read', () => store.tracked.size === 1 && store.documentStatus === 'not-started');
    return { uri: vscode.Uri.file(file).toString(), sidecar };
  }

  it('removing a tag', async () => {
    const { uri, sidecar } = await notStarted();
    assert.equal(await vscode.commands.executeCommand(CommandId.remove, { uri, id: 't1' }), 1);
    const written = await waitForSidecar(sidecar, (s) => s.annotations.length === 0);
    assert.equal(written.document.status, 'in-progress');
  });

  it('adding a note', async () => {
    const { uri, sidecar } = await notStarted();
    await vscode.commands.executeCommand(CommandId.addNote, { uri, id: 't1', note: 'مدينة' });
    const written = await waitForSidecar(sidecar, (s) => s.annotations[0]?.note === 'مدينة');
    assert.equal(written.document.status, 'in-progress');
  });
});
