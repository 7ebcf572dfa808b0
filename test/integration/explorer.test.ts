import * as vscode from 'vscode';
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TawsimApi } from '../../src/extension';
import type { Annotation, AnnotationStatus } from '../../src/core/model/annotation';
import type { Relation } from '../../src/core/model/relation';
import { buildSidecar } from '../../src/core/sidecar/documentAnnotations';
import { serializeSidecar } from '../../src/core/sidecar/serializeSidecar';
import type { ExplorerFeature } from '../../src/editor/explorer/explorerFeature';
import { ExplorerCommandId } from '../../src/editor/explorer/explorerCommandIds';
import type { RevealAnnotationArgs } from '../../src/editor/explorer/explorerCommandIds';
import type { AnnotationsNode } from '../../src/editor/explorer/annotationsTree';
import { filterEntries } from '../../src/editor/explorer/findItems';
import { FindSession } from '../../src/editor/explorer/findSession';
import { collectStatistics } from '../../src/editor/statistics/statisticsInputs';
import { NodeReads } from '../../src/editor/files/nodeReads';
import { STATISTICS_VIEW_TYPE } from '../../src/editor/statistics/statisticsPanel';
import { activateTawsim, closeAll, freshCopy, openInEditor, select, storeFor, waitFor } from './helpers';

type Tag = readonly [label: string, quote: string, status?: AnnotationStatus];

/** A sidecar for `file` (offsets found from quotes, written in code points as on disk). */
function sidecarFor(file: string, annotator: string, tags: readonly Tag[], relations: readonly Relation[] = []): string {
  const text = fs.readFileSync(file, 'utf8');
  const live: Annotation[] = tags.map(([label, quote, status = 'accepted'], i) => {
    const at = text.indexOf(quote);
    assert.ok(at >= 0, `«${quote}» is in the text`);
    return { id: `t${i + 1}`, label, start: at, end: at + quote.length, text: quote, status, source: 'manual' };
  });
  return serializeSidecar(buildSidecar({ path: path.basename(file), annotator }, text, live, [], relations));
}

function explorerOf(api: TawsimApi): ExplorerFeature {
  const explorer = (api as TawsimApi & { explorer?: ExplorerFeature }).explorer;
  assert.ok(explorer, 'the extension exposes its Annotations view, Find and Statistics');
  return explorer;
}

/** The document node of a file and its label and annotation nodes, after a rebuild. */
async function treeOf(explorer: ExplorerFeature, file: string): Promise<{ document: AnnotationsNode; labels: AnnotationsNode[]; annotations: Map<string, AnnotationsNode[]> }> {
  await explorer.tree.rebuild();
  const uri = vscode.Uri.file(file).toString();
  const document = explorer.tree.current().roots.find((n) => n.type === 'document' && n.uri.toString() === uri);
  assert.ok(document, `${path.basename(file)} is in the Annotations view`);
  const labels = await explorer.tree.getChildren(document);
  const annotations = new Map(
    await Promise.all(labels.map(async (l): Promise<[string, AnnotationsNode[]]> => [l.type === 'label' ? l.group.label : '', await explorer.tree.getChildren(l)])),
  );
  return { document, labels, annotations };
}

const texts = (nodes: readonly AnnotationsNode[] | undefined): string[] => (nodes ?? []).map((n) => (n.type === 'annotation' ? n.entry.annotation.text : ''));

describe('explorer: Annotations view, Find and Statistics', () => {
  let api: TawsimApi;
  let explorer: ExplorerFeature;
  before(async () => {
    api = await activateTawsim();
    explorer = explorerOf(api);
  });
  afterEach(async () => {
    await explorer.filter.clear();
    await closeAll();
  });

  /** A fresh article (never opened) with salma's sidecar and omar's. */
  async function corpus(): Promise<string> {
    const file = freshCopy('article.txt');
    fs.writeFileSync(
      `${file}.ann.yaml`,
      sidecarFor(file, 'salma', [
        ['LOC', 'المغرب'],
        ['LOC', 'إسرائيل'],
        ['ORG', 'للقيادة العامة'],
        ['DATE', '24 نوفمبر/ تشرين الثاني 2021'],
        ['LOC', 'الأردن', 'rejected'],
      ]),
    );
    fs.writeFileSync(`${file}.omar.ann.yaml`, sidecarFor(file, 'omar', [['LOC', 'الرباط']]));
    await explorer.annotations.refresh();
    return file;
  }

  it('lists documents → labels → annotations from sidecars on disk, labels in the label set order', async () => {
    const file = await corpus();
    const { document, labels, annotations } = await treeOf(explorer, file);
    assert.equal(document.type === 'document' && document.count, 6);
    assert.deepEqual(
      labels.map((l) => (l.type === 'label' ? l.group.label : '')),
      ['ORG', 'LOC', 'DATE'],
    );
    assert.deepEqual(texts(annotations.get('LOC')), ['المغرب', 'إسرائيل', 'الرباط', 'الأردن'], 'in text order, both annotators');
    const item = explorer.tree.getTreeItem(document);
    assert.match(String(item.description), /6/);
    assert.match(String(item.description), /omar/);
    const rejected = annotations.get('LOC')?.[3];
    assert.ok(rejected);
    assert.match(String(explorer.tree.getTreeItem(rejected).description), /salma/);
  });

  it('counts roots, filter choices and statistics from the index summaries; a document is read only when its node expands', async () => {
    const file = await corpus();
    const readBefore = explorer.annotations.sidecarsRead;
    await explorer.tree.rebuild();
    const document = explorer.tree.current().roots.find((n) => n.type === 'document' && n.uri.fsPath === file);
    assert.ok(document && document.type === 'document');
    assert.equal(document.count, 6);
    await vscode.commands.executeCommand(ExplorerCommandId.filterByStatus, { values: ['rejected'] });
    const rejectedOnly = explorer.tree.current().roots.find((n) => n.type === 'document' && n.uri.fsPath === file);
    assert.equal(rejectedOnly?.type === 'document' && rejectedOnly.count, 1, 'the filter counted from the tallies');
    await explorer.filter.clear();
    const { statistics } = await collectStatistics(await explorer.annotations.overview(), api.services.labels());
    const row = statistics.documents.find((d) => file.endsWith(d.path));
    assert.deepEqual([row?.accepted, row?.rejected, row?.annotators], [5, 1, ['omar', 'salma']]);
    assert.equal(explorer.annotations.sidecarsRead, readBefore, 'no sidecar was read for the roots, the filter or the figures');
    const { annotations } = await treeOf(explorer, file);
    assert.equal(texts(annotations.get('LOC')).length, 4);
    assert.equal(explorer.annotations.sidecarsRead, readBefore + 2, "expanding the document read its two sidecars, salma's and omar's");
  });

  it("counts the same documents whether Node's fs walks the folders or file search lists them", async () => {
    const file = await corpus();
    const exported = path.join(path.dirname(file), 'export', 'conll');
    fs.mkdirSync(exported, { recursive: true });
    fs.writeFileSync(path.join(exported, 'copy.txt'), 'نسخة مصدرة');
    const dotted = path.join(path.dirname(file), '.drafts');
    fs.mkdirSync(dotted, { recursive: true });
    fs.writeFileSync(path.join(dotted, 'draft.md'), 'مسودة');
    try {
      const paths = async (reads?: NodeReads): Promise<string[]> =>
        (await collectStatistics(explorer.annotations.overview(), api.services.labels(), reads ? { reads } : {})).statistics.documents.map((d) => d.path).sort();
      const walked = await paths(new NodeReads());
      assert.ok(
        walked.some((p) => p.endsWith('.drafts/draft.md')),
        'a text in a dot folder is a document, as file search finds it',
      );
      assert.ok(!walked.some((p) => p.includes('export/conll/')), 'an exported copy is not');
      assert.deepEqual(walked, await paths());
    } finally {
      fs.rmSync(path.join(path.dirname(file), 'export'), { recursive: true, force: true });
      fs.rmSync(dotted, { recursive: true, force: true });
    }
  });

  it('lists relations under both their ends, and a click on one selects the other end', async () => {
    const file = freshCopy('article.txt');
    const located: Relation = { id: 'r1', type: 'located_in', from: 't1', to: 't2', status: 'accepted', source: 'manual' };
    fs.writeFileSync(
      `${file}.ann.yaml`,
      sidecarFor(
        file,
        'salma',
        [
          ['ORG', 'للقيادة العامة'],
          ['LOC', 'إسرائيل'],
          ['LOC', 'الرباط'],
        ],
        [located],
      ),
    );
    await explorer.annotations.refresh();
    const { annotations } = await treeOf(explorer, file);
    const org = annotations.get('ORG')?.[0];
    const [israel, rabat] = annotations.get('LOC') ?? [];
    assert.ok(org && israel && rabat);
    assert.equal(explorer.tree.getTreeItem(org).collapsibleState, vscode.TreeItemCollapsibleState.Collapsed, 'a linked annotation opens onto its relations');
    assert.equal(explorer.tree.getTreeItem(rabat).collapsibleState, vscode.TreeItemCollapsibleState.None);
    const [outgoing] = await explorer.tree.getChildren(org);
    const [incoming] = await explorer.tree.getChildren(israel);
    assert.ok(outgoing && incoming);
    assert.equal(explorer.tree.getTreeItem(outgoing).label, '→ located_in → إسرائيل');
    assert.equal(explorer.tree.getTreeItem(incoming).label, '← located_in ← للقيادة العامة');
    assert.deepEqual(explorer.tree.getParent(outgoing), org);
    const command = explorer.tree.getTreeItem(outgoing).command;
    assert.ok(command);
    const range = await vscode.commands.executeCommand<vscode.Range>(command.command, ...(command.arguments ?? []));
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && range);
    assert.equal(editor.document.getText(range), 'إسرائيل', 'the other end, past the flag emoji');
  });

  it('clicking an annotation selects its span: code points from disk become UTF-16 past the flag emoji', async () => {
    const file = await corpus();
    const { annotations } = await treeOf(explorer, file);
    const israel = annotations.get('LOC')?.[1];
    assert.ok(israel && israel.type === 'annotation');
    const command = explorer.tree.getTreeItem(israel).command;
    assert.equal(command?.command, ExplorerCommandId.revealAnnotation);
    const args = command?.arguments?.[0] as RevealAnnotationArgs;
    assert.equal(args.unit, 'codePoints');
    const text = fs.readFileSync(file, 'utf8');
    assert.notEqual(args.start, text.indexOf('إسرائيل'), 'the flag before it makes code points and UTF-16 differ');
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const editor = await waitFor('the document to open with the span selected', () => {
      const e = vscode.window.activeTextEditor;
      return e && e.document.uri.fsPath === file && !e.selection.isEmpty ? e : undefined;
    });
    assert.equal(editor.document.getText(editor.selection), 'إسرائيل');
    // omar's sidecar is not the open store's: its span is converted and found too.
    const rabat = annotations.get('LOC')?.[2];
    assert.ok(rabat);
    const range = await vscode.commands.executeCommand<vscode.Range>(ExplorerCommandId.revealAnnotation, ...(explorer.tree.getTreeItem(rabat).command?.arguments ?? []));
    assert.equal(editor.document.getText(range), 'الرباط');
  });

  it('follows unsaved tags in an open document', async () => {
    const file = await corpus();
    const editor = await openInEditor(file);
    await storeFor(api, file);
    editor.selection = select(editor, 'الجانبان');
    await vscode.commands.executeCommand('tawsim.tag', { label: 'MISC' });
    await waitFor('the new tag in the Annotations view', async () => texts((await treeOf(explorer, file)).annotations.get('MISC')).includes('الجانبان'));
  });

  it('filters by label, annotator and status, and says so in the view', async () => {
    const file = await corpus();
    await vscode.commands.executeCommand(ExplorerCommandId.filterByLabel, { values: ['LOC'] });
    let tree = await treeOf(explorer, file);
    assert.deepEqual([...tree.annotations.keys()], ['LOC']);
    assert.equal(explorer.treeView.description, 'LOC');
    await vscode.commands.executeCommand(ExplorerCommandId.filterByStatus, { values: ['accepted'] });
    await vscode.commands.executeCommand(ExplorerCommandId.filterByAnnotator, { values: ['salma'] });
    tree = await treeOf(explorer, file);
    assert.deepEqual(texts(tree.annotations.get('LOC')), ['المغرب', 'إسرائيل']);
    assert.match(String(explorer.treeView.message), /salma/);
    await vscode.commands.executeCommand(ExplorerCommandId.clearAnnotationFilters);
    tree = await treeOf(explorer, file);
    assert.equal(explorer.treeView.description, undefined);
    assert.equal(texts(tree.annotations.get('LOC')).length, 4);
  });

  it("Find's filter matches Arabic without hamzas and harakat: اسرائيل finds إسرائيل", async () => {
    const file = await corpus();
    let progress = 0;
    const session = new FindSession(explorer.annotations, api.services.labels(), () => progress++);
    await session.finished;
    assert.ok(progress >= 1 && session.read === session.total, 'Find streams every sidecar, saying how far it is');
    const entries = session.matches('').filter((e) => e.set.textUri.fsPath === file);
    assert.equal(entries.length, 6, 'both annotators, rejected ones too');
    const labels = api.services.labels();
    assert.deepEqual(
      filterEntries(entries, 'اسرائيل', labels).map((e) => e.annotation.text),
      ['إسرائيل'],
    );
    assert.deepEqual(
      filterEntries(entries, 'الاردن', labels).map((e) => e.annotation.text),
      ['الأردن'],
    );
    assert.ok(filterEntries(entries, 'Place', labels).length >= 4, 'by label name');
    assert.deepEqual(filterEntries(entries, 'عمان', labels), []);
    // Find's own search, over its columns, gives entries that reveal the right span of the text.
    const found = session.matches('اسرائيل').filter((e) => e.set.textUri.fsPath === file);
    assert.ok(found.length >= 1 && found.every((e) => e.annotation.text === 'إسرائيل'), JSON.stringify(found.map((e) => e.annotation)));
    const content = fs.readFileSync(file, 'utf8');
    for (const { set, annotation: a } of found) {
      const covered = set.unit === 'codePoints' ? [...content].slice(a.start, a.end).join('') : content.slice(a.start, a.end);
      assert.equal(covered, a.text, `${set.annotator}'s ${a.id} covers its text`);
    }
  });

  it('counts the workspace and opens the statistics webview', async () => {
    const file = await corpus();
    fs.writeFileSync(`${file}.gold.ann.yaml`, sidecarFor(file, 'rana', [['LOC', 'المغرب']]));
    await explorer.annotations.refresh();
    const { statistics } = await collectStatistics(await explorer.annotations.overview(), api.services.labels());
    const doc = statistics.documents.find((d) => file.endsWith(d.path));
    assert.ok(doc, 'the document is counted');
    assert.deepEqual([doc.accepted, doc.rejected, doc.annotated, doc.reviewed, doc.gold], [5, 1, true, true, 1]);
    assert.deepEqual(doc.annotators, ['omar', 'salma']);
    assert.ok(statistics.totals.documents >= statistics.totals.annotated);
    assert.ok(
      statistics.documents.some((d) => d.path.endsWith('notes.md')),
      'texts without sidecars count as documents',
    );

    const panel = await vscode.commands.executeCommand<vscode.WebviewPanel>(ExplorerCommandId.statistics);
    assert.ok(panel, 'the command returns its panel');
    assert.equal(panel.viewType, STATISTICS_VIEW_TYPE);
    assert.ok(panel.webview.html.includes("script-src 'nonce-"), 'strict CSP with a nonce');
    assert.ok(!panel.webview.html.includes('unsafe-inline'));
    panel.dispose();
  });
});
