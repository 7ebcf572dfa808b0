import * as vscode from 'vscode';
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TawsimApi } from '../../src/extension';
import { activateTawsim, closeAll, openInEditor, readSidecar, storeFor, waitFor, waitForSidecar, workspaceDir } from './helpers';
import type { PreannotateOutcome } from '../../src/editor/commands/preannotateFolder';
import type { ValidationOutcome } from '../../src/editor/commands/validateWorkspace';
import type { Annotation } from '../../src/core/model/annotation';
import { buildSidecar } from '../../src/core/sidecar/documentAnnotations';
import { serializeSidecar } from '../../src/core/sidecar/serializeSidecar';

// The command ids are the public contract people bind keys to, so the tests use them as written.
const PREANNOTATE = 'tawsim.preannotateFolder';
const VALIDATE = 'tawsim.validateWorkspace';

let counter = 0;

/** A fresh folder in the test workspace holding copies of the given workspace fixtures. */
function freshFolder(fixtures: readonly string[] = []): string {
  const dir = path.join(workspaceDir(), 'batch', `${process.pid}-${++counter}-${Date.now().toString(36)}`);
  fs.mkdirSync(dir, { recursive: true });
  for (const f of fixtures) fs.copyFileSync(path.join(workspaceDir(), f), path.join(dir, f));
  return dir;
}

/** A sidecar for `file` with annotations on the n-th occurrences of quotes (code points). */
function sidecarContent(file: string, tags: readonly [string, string, number, Annotation['status']][]): string {
  const text = fs.readFileSync(file, 'utf8');
  const annotations: Annotation[] = tags.map(([quote, label, occurrence, status], i) => {
    let at = -1;
    for (let n = 0; n <= occurrence; n++) at = text.indexOf(quote, at + 1);
    assert.ok(at >= 0, `«${quote}» is in ${path.basename(file)}`);
    return { id: `t${i + 1}`, label, start: at, end: at + quote.length, text: quote, status, source: status === 'accepted' ? 'manual' : 'rules' };
  });
  return serializeSidecar(buildSidecar({ path: path.basename(file), annotator: 'salma' }, text, annotations, []));
}

const keyOf = (a: Annotation): string => `${a.start}:${a.end}:${a.label}`;

describe('batch commands: pre-annotate folder, validate workspace', () => {
  let api: TawsimApi;
  before(async () => {
    api = await activateTawsim();
  });
  afterEach(closeAll);

  it('pre-annotates every text of a folder into sidecars, keeping tags and rejections, leaving broken sidecars alone, and is idempotent', async () => {
    const dir = freshFolder(['article.txt', 'notes.md', 'other.log']);
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.copyFileSync(path.join(dir, 'article.txt'), path.join(dir, 'sub', 'tagged.txt'));
    fs.copyFileSync(path.join(dir, 'article.txt'), path.join(dir, 'broken.txt'));
    const tagged = path.join(dir, 'sub', 'tagged.txt');
    fs.writeFileSync(
      `${tagged}.ann.yaml`,
      sidecarContent(tagged, [
        ['الرباط', 'LOC', 0, 'accepted'],
        ['المغرب', 'LOC', 0, 'rejected'],
      ]),
    );
    const brokenSidecar = 'tawsim: 1\ndocument: [unclosed\n';
    fs.writeFileSync(path.join(dir, 'broken.txt.ann.yaml'), brokenSidecar);

    // From the Explorer the command gets the clicked folder as a Uri.
    const outcome = await vscode.commands.executeCommand<PreannotateOutcome>(PREANNOTATE, vscode.Uri.file(dir));
    assert.ok(outcome, 'the command reports what it did');
    assert.equal(outcome.documents, 4, 'article.txt, notes.md, sub/tagged.txt, broken.txt; not other.log');
    assert.equal(outcome.skipped.length, 1);
    assert.match(outcome.skipped[0] ?? '', /broken\.txt\.ann\.yaml, line \d+: /);
    assert.equal(fs.readFileSync(path.join(dir, 'broken.txt.ann.yaml'), 'utf8'), brokenSidecar, 'a broken sidecar is not overwritten');
    assert.ok(!fs.existsSync(path.join(dir, 'other.log.ann.yaml')));

    const article = readSidecar(path.join(dir, 'article.txt.ann.yaml'));
    assert.ok(article.annotations.length >= 5);
    assert.ok(article.annotations.every((a) => a.status === 'suggested' && (a.source === 'rules' || a.source === 'learned')));
    const text = fs.readFileSync(path.join(dir, 'article.txt'), 'utf8');
    for (const a of article.annotations) assert.equal([...text].slice(a.start, a.end).join(''), a.text, 'code point offsets');
    assert.ok(article.annotations.some((a) => a.label === 'DATE' && a.value !== undefined));

    const after = readSidecar(`${tagged}.ann.yaml`);
    const kept = after.annotations.find((a) => a.id === 't1');
    const rejected = after.annotations.find((a) => a.id === 't2');
    assert.deepEqual([kept?.label, kept?.text, kept?.status], ['LOC', 'الرباط', 'accepted']);
    assert.deepEqual([rejected?.label, rejected?.text, rejected?.status], ['LOC', 'المغرب', 'rejected']);
    assert.ok(rejected);
    assert.equal(after.annotations.filter((a) => keyOf(a) === keyOf(rejected)).length, 1, 'a rejected span is not suggested again');
    assert.equal(new Set(after.annotations.map(keyOf)).size, after.annotations.length, 'no span and label twice');

    const before = new Map(
      ['article.txt.ann.yaml', 'notes.md.ann.yaml', path.join('sub', 'tagged.txt.ann.yaml')]
        .filter((f) => fs.existsSync(path.join(dir, f)))
        .map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]),
    );
    const again = await vscode.commands.executeCommand<PreannotateOutcome>(PREANNOTATE, { uri: dir });
    assert.equal(again?.suggestions, 0);
    assert.equal(again?.sidecarsWritten, 0);
    for (const [f, content] of before) assert.equal(fs.readFileSync(path.join(dir, f), 'utf8'), content, `${f} is unchanged by a second run`);
  });

  it('gives an open text its suggestions through its store, which writes the sidecar and can undo them', async () => {
    const dir = freshFolder(['article.txt']);
    const file = path.join(dir, 'article.txt');
    fs.writeFileSync(`${file}.ann.yaml`, sidecarContent(file, [['الرباط', 'LOC', 0, 'accepted']]));
    await openInEditor(file);
    const store = await storeFor(api, file);
    const outcome = await vscode.commands.executeCommand<PreannotateOutcome>(PREANNOTATE, { uri: dir });
    assert.equal(outcome?.openDocuments, 1);
    assert.equal(outcome?.sidecarsWritten, 0, 'the store, not the command, writes the sidecar of an open text');
    const suggested = store.tracked.all.filter((a) => a.status === 'suggested');
    assert.equal(suggested.length, outcome?.suggestions);
    assert.ok(suggested.length > 0);
    const sidecar = await waitForSidecar(`${file}.ann.yaml`, (s) => s.annotations.length === suggested.length + 1);
    assert.deepEqual(sidecar.annotations.find((a) => a.id === 't1')?.status, 'accepted');
    await vscode.commands.executeCommand('tawsim.undo');
    assert.deepEqual(
      store.tracked.all.map((a) => a.status),
      ['accepted'],
      'one annotation undo takes the whole pre-annotation back',
    );
  });

  it('validates every sidecar of the workspace into the Problems panel, on the line of the annotation, and re-checks a fixed sidecar on save', async () => {
    const dir = freshFolder(['article.txt']);
    const file = path.join(dir, 'article.txt');
    const good = sidecarContent(file, [
      ['الرباط', 'LOC', 0, 'accepted'],
      ['المغرب', 'LOC', 1, 'accepted'],
    ]);
    fs.writeFileSync(`${file}.ann.yaml`, good);
    // The text changes outside the editor: the second tag's quote is gone from it (a future orphan).
    const original = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, original.split('المغرب').join('الأردن'));
    const broken = path.join(dir, 'other.txt.ann.yaml');
    fs.writeFileSync(path.join(dir, 'other.txt'), 'نص\n');
    fs.writeFileSync(broken, 'tawsim: 1\ndocument:\n  path: other.txt\n  sha256: [x\n');

    const outcome = await vscode.commands.executeCommand<ValidationOutcome>(VALIDATE);
    assert.ok(outcome && outcome.sidecars >= 2 && outcome.errors >= 1 && outcome.warnings >= 2);
    const sidecarUri = vscode.Uri.file(`${file}.ann.yaml`);
    const ours = vscode.languages.getDiagnostics(sidecarUri).filter((d) => d.code === 'validate');
    const mismatch = ours.find((d) => d.severity === vscode.DiagnosticSeverity.Warning && /orphan/.test(d.message));
    assert.ok(mismatch, JSON.stringify(ours.map((d) => d.message)));
    assert.match(mismatch.message, /t2/);
    const t2Line = good.split('\n').findIndex((l) => /id: t2$/.test(l));
    assert.equal(mismatch.range.start.line, t2Line, 'on the line of the annotation');
    assert.ok(ours.some((d) => d.severity === vscode.DiagnosticSeverity.Warning && d.range.start.line === good.split('\n').findIndex((l) => l.includes('sha256'))));
    const brokenDiagnostics = vscode.languages.getDiagnostics(vscode.Uri.file(broken)).filter((d) => d.code === 'validate');
    assert.ok(brokenDiagnostics.some((d) => d.severity === vscode.DiagnosticSeverity.Error && d.range.start.line >= 2));

    // Fixing the broken sidecar in the editor and saving it clears its problems.
    const editor = await openInEditor(broken);
    const fixed = serializeSidecar(buildSidecar({ path: 'other.txt', annotator: 'salma' }, 'نص\n', [], []));
    await editor.edit((e) => e.replace(new vscode.Range(0, 0, editor.document.lineCount, 0), fixed));
    await editor.document.save();
    await waitFor('the fixed sidecar to have no problems', () => vscode.languages.getDiagnostics(vscode.Uri.file(broken)).filter((d) => d.code === 'validate').length === 0);
  });
});
