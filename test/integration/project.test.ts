import * as vscode from 'vscode';
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { activateTawsim, closeAll, freshCopy, openInEditor, storeFor, waitFor, workspaceDir } from './helpers';
import type { TawsimApi } from '../../src/extension';
import { CommandId } from '../../src/editor/commandIds';
import type { ProjectLabel } from '../../src/core/project/projectTypes';

const PROJECT = `tawsim-project: 1
labels:
  - id: PER
    en: Person
    ar: شخص
    color: "#e8a33d"
    key: 1
    guidelines:
      en: A named person, without titles.
      ar: اسم شخص بلا لقب.
  - id: FAC
    en: Facility
    ar: منشأة
    color: "#123456"
    key: 7
    guidelines: Buildings, ports and airports.
`;

describe('.tawsim/project.yaml in the editor', function () {
  this.timeout(60000);
  let api: TawsimApi;
  let file: string;

  before(async () => {
    api = await activateTawsim();
    file = path.join(workspaceDir(), '.tawsim', 'project.yaml');
    fs.mkdirSync(path.dirname(file), { recursive: true });
  });

  after(async () => {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
    // The other test files run with the default label set again.
    await waitFor('the default labels back', () => api.services.labels().some((l) => l.id === 'LOC'));
  });

  it('takes the label set and guidelines from the project file, read again when it changes', async () => {
    fs.writeFileSync(file, PROJECT);
    const labels = await waitFor('the project labels', () => {
      const now = api.services.labels() as readonly ProjectLabel[];
      return now.some((l) => l.id === 'FAC') && now;
    });
    assert.deepEqual(
      labels.map((l) => l.id),
      ['PER', 'FAC'],
    );
    assert.equal(labels[0]?.guidelines?.en, 'A named person, without titles.');
    fs.writeFileSync(file, PROJECT.replace('id: FAC', 'id: FACILITY'));
    await waitFor('the changed project labels', () => api.services.labels().some((l) => l.id === 'FACILITY'));
  });

  it('lists the problems of a broken project file on their lines and keeps the last good one', async () => {
    fs.writeFileSync(file, PROJECT);
    await waitFor('the project labels', () => api.services.labels().some((l) => l.id === 'FAC'));
    fs.writeFileSync(file, PROJECT.replace('color: "#123456"', 'color: blue'));
    const uri = vscode.Uri.file(file);
    const diagnostics = await waitFor('the project file problems', () => vscode.languages.getDiagnostics(uri).length > 0 && vscode.languages.getDiagnostics(uri));
    assert.match(diagnostics[0]?.message ?? '', /"color" of FAC must be #rrggbb/);
    assert.equal(diagnostics[0]?.range.start.line, 13);
    assert.ok(
      api.services.labels().some((l) => l.id === 'FAC'),
      'the last good label set stays',
    );
    fs.writeFileSync(file, PROJECT);
    await waitFor('the problems cleared', () => vscode.languages.getDiagnostics(uri).length === 0);
  });

  it('suggests only the labels the project has, and all of them again once it has them', async () => {
    fs.writeFileSync(file, PROJECT);
    await waitFor('the project labels', () => api.services.labels().some((l) => l.id === 'FAC'));
    const text = freshCopy('article.txt');
    await openInEditor(text);
    const store = await storeFor(api, text);
    const limited = await api.suggestions.refresh(store);
    const outside = limited.filter((s) => s.label !== 'PER');
    assert.deepEqual(
      outside.map((s) => [s.label, s.text]),
      [],
      'no label the project lacks is suggested',
    );
    fs.writeFileSync(file, PROJECT.replace('id: FAC', 'id: LOC'));
    await waitFor('LOC in the project labels', () => api.services.labels().some((l) => l.id === 'LOC'));
    const widened = await api.suggestions.refresh(store);
    assert.ok(
      widened.some((s) => s.label === 'LOC' && s.text === 'المغرب'),
      `المغرب is suggested as a place again: ${JSON.stringify(widened.map((s) => [s.label, s.text]))}`,
    );
    await closeAll();
  });

  it('Open Guidelines shows every label guideline as Markdown, starting at the label asked for', async () => {
    fs.writeFileSync(file, PROJECT);
    await waitFor('the project labels', () => api.services.labels().some((l) => l.id === 'FAC'));
    const opened = await vscode.commands.executeCommand<boolean>(CommandId.openGuidelines, { label: 'FAC' });
    assert.equal(opened, true);
    const doc = await waitFor('the guidelines document', () => vscode.workspace.textDocuments.find((d) => d.languageId === 'markdown' && d.getText().includes('## FAC')));
    const text = doc.getText();
    assert.ok(text.indexOf('## FAC') < text.indexOf('## PER'), 'the label asked for comes first');
    assert.match(text, /Buildings, ports and airports\./);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
