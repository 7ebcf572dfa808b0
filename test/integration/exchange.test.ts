import * as vscode from 'vscode';
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TawsimApi } from '../../src/extension';
import { EXTENSION_ID, activateTawsim, closeAll, codePointOffset, openInEditor, readSidecar, select, storeFor, waitFor, waitForSidecar, workspaceDir } from './helpers';
import type { ExportOutcome } from '../../src/editor/commands/exportAnnotations';
import type { ImportOutcome } from '../../src/editor/commands/importAnnotations';
import type { Annotation } from '../../src/core/model/annotation';
import { buildSidecar } from '../../src/core/sidecar/documentAnnotations';
import { serializeSidecar } from '../../src/core/sidecar/serializeSidecar';

// The command ids are the public contract people bind keys to, so the tests use them as written.
const EXPORT = 'tawsim.export';
const IMPORT = 'tawsim.import';

let counter = 0;

/** A fresh folder in the test workspace holding copies of the given workspace fixtures. */
function freshFolder(fixtures: readonly string[] = []): string {
  const dir = path.join(workspaceDir(), 'exchange', `${process.pid}-${++counter}`);
  fs.mkdirSync(dir, { recursive: true });
  for (const f of fixtures) fs.copyFileSync(path.join(workspaceDir(), f), path.join(dir, f));
  return dir;
}

function repoFile(...parts: string[]): string {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext);
  return path.join(ext.extensionPath, ...parts);
}

/** Writes a sidecar tagging the n-th occurrences of quotes, with code point offsets. */
function writeSidecar(file: string, tags: readonly [string, string, number][]): void {
  const text = fs.readFileSync(file, 'utf8');
  const annotations: Annotation[] = tags.map(([quote, label, occurrence], i) => {
    let at = -1;
    for (let n = 0; n <= occurrence; n++) at = text.indexOf(quote, at + 1);
    return { id: `t${i + 1}`, label, start: at, end: at + quote.length, text: quote, status: 'accepted', source: 'manual' };
  });
  fs.writeFileSync(`${file}.ann.yaml`, serializeSidecar(buildSidecar({ path: path.basename(file), annotator: 'salma' }, text, annotations, [])));
}

function bratSpans(file: string): [string, number, number, string][] {
  return [...fs.readFileSync(file, 'utf8').matchAll(/^T\d+\t(\S+) (\d+) (\d+)\t(.*)$/gm)].map((m) => [m[1] ?? '', Number(m[2]), Number(m[3]), m[4] ?? '']);
}

describe('export and import commands', () => {
  let api: TawsimApi;
  before(async () => {
    api = await activateTawsim();
  });
  afterEach(closeAll);

  it('export writes brat .ann files with code point offsets for a file on disk', async () => {
    const dir = freshFolder(['article.txt']);
    const file = path.join(dir, 'article.txt');
    // The second المغرب comes after a flag emoji: code points and UTF-16 units differ there.
    writeSidecar(file, [
      ['المغرب', 'LOC', 1],
      ['الرباط', 'LOC', 0],
    ]);
    const target = path.join(dir, 'out');
    const outcome = await vscode.commands.executeCommand<ExportOutcome>(EXPORT, { uri: vscode.Uri.file(file).toString(), format: 'brat', target });
    assert.equal(outcome.documents, 1);
    // brat lines come in text order: الرباط (second line) after المغرب (first line).
    assert.deepEqual(
      bratSpans(path.join(target, 'article.ann')),
      [
        ['LOC', codePointOffset(file, 'المغرب', 1), codePointOffset(file, 'المغرب', 1) + 6, 'المغرب'],
        ['LOC', codePointOffset(file, 'الرباط'), codePointOffset(file, 'الرباط') + 6, 'الرباط'],
      ].sort((a, b) => Number(a[1]) - Number(b[1])),
    );
    assert.equal(fs.readFileSync(path.join(target, 'article.txt'), 'utf8'), fs.readFileSync(file, 'utf8'));
    assert.ok(fs.existsSync(path.join(target, 'annotation.conf')));
  });

  it('export takes an open document from its store, unsaved edits included', async () => {
    const dir = freshFolder(['article.txt']);
    const file = path.join(dir, 'article.txt');
    const editor = await openInEditor(file);
    const store = await storeFor(api, file);
    editor.selection = select(editor, 'الأردن');
    await vscode.commands.executeCommand('tawsim.tag', { label: 'LOC' });
    await waitForSidecar(`${file}.ann.yaml`, (s) => s.annotations.length === 1);
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), 'عاجل 📰: '));
    assert.ok(editor.document.isDirty);
    const target = path.join(dir, 'out');
    await vscode.commands.executeCommand<ExportOutcome>(EXPORT, { uri: editor.document.uri.toString(), format: 'brat', target });
    const exported = fs.readFileSync(path.join(target, 'article.txt'), 'utf8');
    assert.ok(exported.startsWith('عاجل 📰: '), 'the exported text is the one in the editor');
    const start = [...exported.slice(0, exported.indexOf('الأردن'))].length;
    assert.deepEqual(bratSpans(path.join(target, 'article.ann')), [['LOC', start, start + 6, 'الأردن']]);
    // Whether the document is still dirty afterwards is not checked: the test host auto-saves after a second.
    assert.equal(store.tracked.all.length, 1);
  });

  it('export of a folder writes every annotated text, keeping sub-folders, and lists what CoNLL leaves out', async () => {
    const dir = freshFolder(['article.txt', 'crlf.txt']);
    fs.mkdirSync(path.join(dir, 'news'));
    fs.copyFileSync(path.join(dir, 'article.txt'), path.join(dir, 'news', 'article.txt'));
    writeSidecar(path.join(dir, 'article.txt'), [['الرباط', 'LOC', 0]]);
    writeSidecar(path.join(dir, 'news', 'article.txt'), [
      ['للقيادة العامة', 'ORG', 0],
      ['العامة', 'MISC', 0],
    ]);
    const target = path.join(dir, 'out');
    const outcome = await vscode.commands.executeCommand<ExportOutcome>(EXPORT, { uri: vscode.Uri.file(dir).toString(), format: 'conll', target, scheme: 'bioes' });
    assert.equal(outcome.documents, 2, 'crlf.txt has no sidecar and is not exported');
    const conll = fs.readFileSync(path.join(target, 'tawsim-export.conll'), 'utf8');
    assert.equal(conll.match(/-DOCSTART-/g)?.length, 2);
    assert.match(conll, /^الرباط S-LOC$/m);
    assert.match(conll, /^العامة E-ORG$/m);
    assert.deepEqual(
      outcome.warnings.flatMap((w) => w.annotations.map((a) => a.text)),
      ['العامة'],
    );
    assert.match(outcome.warnings[0]?.path ?? '', /^news\/article\.txt$/);
  });

  it('export refuses to write over the texts it exports', async () => {
    const dir = freshFolder(['article.txt']);
    const file = path.join(dir, 'article.txt');
    writeSidecar(file, [['الرباط', 'LOC', 0]]);
    const before = fs.readFileSync(file, 'utf8');
    const outcome = await vscode.commands.executeCommand<ExportOutcome | undefined>(EXPORT, { uri: vscode.Uri.file(file).toString(), format: 'brat', target: dir });
    assert.equal(outcome, undefined);
    assert.equal(fs.readFileSync(file, 'utf8'), before);
    assert.equal(fs.existsSync(path.join(dir, 'article.ann')), false);
  });

  it('import writes a sidecar from a brat file without asking when given every argument', async () => {
    const dir = freshFolder();
    fs.copyFileSync(repoFile('samples', 'cairo-metro-line.txt'), path.join(dir, 'cairo-metro-line.txt'));
    const outcome = await vscode.commands.executeCommand<ImportOutcome>(IMPORT, {
      format: 'brat',
      files: [repoFile('test', 'fixtures', 'imports', 'cairo-metro-line.ann')],
      into: dir,
      annotator: 'lab',
    });
    assert.equal(outcome.annotations, 16);
    assert.deepEqual(outcome.warnings, [], 'the relation is imported, nothing is left out');
    const sidecar = readSidecar(path.join(dir, 'cairo-metro-line.txt.ann.yaml'));
    assert.equal(sidecar.annotator, 'lab');
    const byId = new Map(sidecar.annotations.map((a) => [a.id, a.text]));
    assert.deepEqual(
      (sidecar.relations ?? []).map((r) => [r.type, byId.get(r.from), byId.get(r.to)]),
      [['Located', 'الهيئة القومية للأنفاق', 'مصر']],
      "brat's R line (Arg1:T2 Arg2:T3) is a relation between the annotations T2 and T3 became",
    );
    assert.deepEqual(
      sidecar.annotations.slice(0, 2).map((a) => [a.label, a.start, a.end, a.text, a.source]),
      [
        ['LOC', 0, 7, 'القاهرة', 'import'],
        ['ORG', 16, 38, 'الهيئة القومية للأنفاق', 'import'],
      ],
    );
  });

  it('import asks before touching an existing sidecar: cancel leaves it, merge keeps its annotations', async () => {
    const dir = freshFolder();
    const text = path.join(dir, 'cairo-metro-line.txt');
    fs.copyFileSync(repoFile('samples', 'cairo-metro-line.txt'), text);
    writeSidecar(text, [['مترو القاهرة', 'ORG', 0]]);
    const before = fs.readFileSync(`${text}.ann.yaml`, 'utf8');
    const args = { format: 'doccano', files: [repoFile('test', 'fixtures', 'imports', 'cairo-metro-line.jsonl')], into: vscode.Uri.file(dir).toString(), annotator: 'lab' };
    assert.equal(await vscode.commands.executeCommand(IMPORT, { ...args, existing: 'cancel' }), undefined);
    assert.equal(fs.readFileSync(`${text}.ann.yaml`, 'utf8'), before);
    const merged = await vscode.commands.executeCommand<ImportOutcome>(IMPORT, { ...args, existing: 'merge' });
    assert.equal(merged.annotations, 17);
    const sidecar = readSidecar(`${text}.ann.yaml`);
    assert.equal(sidecar.annotator, 'salma');
    assert.ok(sidecar.annotations.some((a) => a.text === 'مترو القاهرة' && a.source === 'manual'));
  });

  it('import writes nothing when the file is malformed', async () => {
    const dir = freshFolder();
    fs.copyFileSync(repoFile('samples', 'cairo-metro-line.txt'), path.join(dir, 'cairo-metro-line.txt'));
    const bad = path.join(dir, 'cairo-metro-line.ann');
    fs.writeFileSync(bad, 'T1\tLOC 0 7\tالقاهرة\nT2\tLOC 9999 10005\tبعيد\n');
    const outcome = await vscode.commands.executeCommand(IMPORT, { format: 'brat', files: [bad], into: dir, annotator: 'lab' });
    assert.equal(outcome, undefined);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['cairo-metro-line.ann', 'cairo-metro-line.txt']);
  });

  it('import writes one sidecar per Label Studio annotator and the ground truth as gold, asking nothing', async () => {
    const dir = freshFolder();
    const text = 'زار الوزير 🇯🇴 عمّان أمس.';
    fs.writeFileSync(path.join(dir, 'visit.txt'), text);
    const region = (start: number, end: number, label: string): unknown => ({
      id: `r${start}`,
      from_name: 'label',
      to_name: 'text',
      type: 'labels',
      value: { start, end, labels: [label] },
    });
    const tasks = [
      {
        id: 7,
        data: { text },
        annotations: [
          { completed_by: { id: 1, email: 'salma@example.org' }, result: [region(4, 10, 'PER'), region(14, 19, 'LOC')] },
          { completed_by: 2, result: [region(14, 19, 'ORG')] },
          { completed_by: 3, ground_truth: true, result: [region(14, 19, 'LOC')] },
          { completed_by: 2, was_cancelled: true, result: [region(4, 10, 'MISC')] },
        ],
      },
    ];
    const file = path.join(dir, 'project.json');
    fs.writeFileSync(file, JSON.stringify(tasks));
    const outcome = await vscode.commands.executeCommand<ImportOutcome>(IMPORT, { format: 'labelstudio', files: [file], into: dir, annotator: 'salma@example.org=salma' });
    assert.ok(outcome);
    assert.equal(outcome.sidecars.length, 3);
    assert.deepEqual(
      fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.ann.yaml'))
        .sort(),
      ['visit.txt.2.ann.yaml', 'visit.txt.gold.ann.yaml', 'visit.txt.salma.ann.yaml'],
    );
    assert.deepEqual(
      readSidecar(path.join(dir, 'visit.txt.salma.ann.yaml')).annotations.map((a) => [a.label, a.text]),
      [
        ['PER', 'الوزير'],
        ['LOC', 'عمّان'],
      ],
    );
    assert.ok(outcome.warnings.some((w) => /cancelled/.test(w)));
  });

  it('export to doccano takes the offset unit from its arguments', async () => {
    const dir = freshFolder(['article.txt']);
    const file = path.join(dir, 'article.txt');
    writeSidecar(file, [['المغرب', 'LOC', 1]]);
    const text = fs.readFileSync(file, 'utf8');
    const units = { utf16: text.indexOf('المغرب', text.indexOf('المغرب') + 1), codepoint: codePointOffset(file, 'المغرب', 1) };
    for (const [offsets, start] of Object.entries(units)) {
      const target = path.join(dir, offsets);
      await vscode.commands.executeCommand<ExportOutcome>(EXPORT, { uri: vscode.Uri.file(file).toString(), format: 'doccano', target, offsets });
      const record = JSON.parse(fs.readFileSync(path.join(target, 'article.jsonl'), 'utf8')) as { label: [number, number, string][] };
      assert.equal(record.label[0]?.[0], start, offsets);
    }
    assert.notEqual(units.utf16, units.codepoint, 'the fixture has an astral character before the span');
  });

  it('an open document shows imported annotations once the sidecar is written', async () => {
    const dir = freshFolder();
    const text = path.join(dir, 'cairo-metro-line.txt');
    fs.copyFileSync(repoFile('samples', 'cairo-metro-line.txt'), text);
    await openInEditor(text);
    const store = await storeFor(api, text);
    assert.equal(store.tracked.all.length, 0);
    await vscode.commands.executeCommand(IMPORT, { format: 'brat', files: [repoFile('test', 'fixtures', 'imports', 'cairo-metro-line.ann')], into: dir, annotator: 'lab' });
    await waitFor('the store to load the imported sidecar', () => store.tracked.all.length === 16);
  });
});
