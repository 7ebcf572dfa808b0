import * as vscode from 'vscode';
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TawsimApi } from '../../src/extension';
import { activateTawsim, closeAll, codePointOffset, freshCopy, openInEditor, readSidecar, select, storeFor, waitFor, waitForSidecar } from './helpers';
import { CommandId } from '../../src/editor/commandIds';
import { serializeSidecar } from '../../src/core/sidecar/serializeSidecar';
import { buildSidecar } from '../../src/core/sidecar/documentAnnotations';
import type { Annotation } from '../../src/core/model/annotation';

/** Writes a sidecar for a file on disk, tagging the given quotes (first occurrences). */
function writeSidecarFor(file: string, tags: [string, string][]): string {
  const text = fs.readFileSync(file, 'utf8');
  const annotations: Annotation[] = tags.map(([quote, label], i) => {
    const at = text.indexOf(quote);
    return { id: `t${i + 1}`, label, start: at, end: at + quote.length, text: quote, status: 'accepted', source: 'manual' };
  });
  const content = serializeSidecar(buildSidecar({ path: path.basename(file), annotator: 'salma' }, text, annotations, []));
  fs.writeFileSync(`${file}.ann.yaml`, content);
  return content;
}

describe('sidecars on disk', () => {
  let api: TawsimApi;
  before(async () => {
    api = await activateTawsim();
  });
  afterEach(closeAll);

  it('re-anchors tags when the text changed outside the editor, keeping lost ones as orphans', async () => {
    const file = freshCopy('article.txt');
    writeSidecarFor(file, [
      ['الرباط', 'LOC'],
      ['الأردن', 'LOC'],
      ['24 نوفمبر/ تشرين الثاني 2021', 'DATE'],
    ]);
    // Another program adds a paragraph at the top and deletes the second sentence.
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    fs.writeFileSync(file, ['فقرة جديدة أضيفت في الأعلى عن الأردن 😀.', lines[0], lines[2], ''].join('\n'));
    await openInEditor(file);
    const store = await storeFor(api, file);
    assert.deepEqual(
      store.tracked.orphans.map((a) => a.text),
      ['الرباط'],
    );
    assert.deepEqual(store.tracked.all.map((a) => a.text).sort(), ['24 نوفمبر/ تشرين الثاني 2021', 'الأردن']);
    const orphanDiagnostics = await waitFor('an orphan in the Problems panel', () => {
      const d = vscode.languages.getDiagnostics(vscode.Uri.file(file));
      return d.length > 0 ? d : undefined;
    });
    assert.match(orphanDiagnostics[0]?.message ?? '', /الرباط/);
    // The sidecar is rewritten for the new text: offsets follow it, the orphan is kept.
    const sidecar = await waitForSidecar(`${file}.ann.yaml`, (s) => s.annotations.some((a) => a.orphan));
    assert.equal(sidecar.annotations.find((a) => a.text === 'الأردن')?.start, codePointOffset(file, 'الأردن'));
    assert.equal(sidecar.annotations.length, 3);
  });

  it('reports a broken sidecar with file and line, never overwrites it, and saves new work to a recovery file', async () => {
    const file = freshCopy('article.txt');
    const good = writeSidecarFor(file, [['الرباط', 'LOC']]);
    const broken = good.replace('  - id: t1\n', '  - id: t1\n    start: [oops\n');
    fs.writeFileSync(`${file}.ann.yaml`, broken);
    const editor = await openInEditor(file);
    const store = await storeFor(api, file);
    assert.equal(store.writable, false);
    const diagnostics = await waitFor('a diagnostic on the sidecar', () => {
      const d = vscode.languages.getDiagnostics(vscode.Uri.file(`${file}.ann.yaml`));
      return d.length > 0 ? d : undefined;
    });
    assert.ok(diagnostics[0] && diagnostics[0].range.start.line >= 8, `placed at line ${diagnostics[0]?.range.start.line}`);
    editor.selection = select(editor, 'الأردن');
    await vscode.commands.executeCommand(CommandId.tag, { label: 'LOC' });
    await vscode.commands.executeCommand(CommandId.save);
    await api.services.stores.flush();
    assert.equal(fs.readFileSync(`${file}.ann.yaml`, 'utf8'), broken, 'the broken sidecar is untouched');
    const recovered = await vscode.commands.executeCommand<vscode.Uri>(CommandId.saveRecovered);
    assert.ok(recovered && fs.existsSync(recovered.fsPath));
    assert.deepEqual(
      readSidecar(recovered.fsPath).annotations.map((a) => a.text),
      ['الأردن'],
    );
  });

  it('refuses to overwrite a sidecar from a newer schema version', async () => {
    const file = freshCopy('article.txt');
    const newer = writeSidecarFor(file, [['الرباط', 'LOC']]).replace('tawsim: 1', 'tawsim: 3');
    fs.writeFileSync(`${file}.ann.yaml`, newer);
    const editor = await openInEditor(file);
    const store = await storeFor(api, file);
    assert.equal(store.writable, false);
    assert.match(store.problems[0]?.message ?? '', /newer/);
    editor.selection = select(editor, 'الأردن');
    await vscode.commands.executeCommand(CommandId.tag, { label: 'LOC' });
    await vscode.commands.executeCommand(CommandId.save);
    await api.services.stores.flush();
    assert.equal(fs.readFileSync(`${file}.ann.yaml`, 'utf8'), newer);
  });

  it('reloads a sidecar changed on disk when there are no unsaved annotation changes', async () => {
    const file = freshCopy('article.txt');
    writeSidecarFor(file, [['الرباط', 'LOC']]);
    await openInEditor(file);
    const store = await storeFor(api, file);
    assert.equal(store.tracked.all.length, 1);
    // Another annotator's change arrives (a git pull).
    writeSidecarFor(file, [
      ['الرباط', 'LOC'],
      ['الأردن', 'LOC'],
      ['المغرب', 'LOC'],
    ]);
    await waitFor('the changed sidecar to be reloaded', () => store.tracked.all.length === 3, 15_000);
    assert.equal(store.unsaved, false);
  });
});
