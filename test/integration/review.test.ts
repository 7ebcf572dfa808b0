import * as vscode from 'vscode';
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TawsimApi } from '../../src/extension';
import type { Annotation } from '../../src/core/model/annotation';
import { buildSidecar } from '../../src/core/sidecar/documentAnnotations';
import { serializeSidecar } from '../../src/core/sidecar/serializeSidecar';
import type { ReviewFeature } from '../../src/editor/review/reviewFeature';
import { ReviewCommandId } from '../../src/editor/review/reviewCommandIds';
import type { ReviewSummary } from '../../src/editor/review/reviewSummary';
import type { ReviewNode } from '../../src/editor/review/reviewTreeNodes';
import { REVIEW_DIAGNOSTIC_SOURCE } from '../../src/editor/review/reviewDiagnostics';
import { activateTawsim, closeAll, freshCopy, openInEditor, readSidecar, storeFor, waitFor, waitForSidecar } from './helpers';

type Tag = readonly [label: string, quote: string, occurrence?: number];

/** Writes `<text>.<annotator>.ann.yaml` for `text` (the file's own text unless given), offsets found from quotes. */
function writeSidecar(file: string, annotator: string, tags: readonly Tag[], text = fs.readFileSync(file, 'utf8')): string {
  const live: Annotation[] = tags.map(([label, quote, occurrence = 0], i) => {
    let at = -1;
    for (let k = 0; k <= occurrence; k++) at = text.indexOf(quote, at + 1);
    assert.ok(at >= 0, `«${quote}» is in the text`);
    return { id: `t${i + 1}`, label, start: at, end: at + quote.length, text: quote, status: 'accepted', source: 'manual' };
  });
  const target = `${file}.${annotator}.ann.yaml`;
  fs.writeFileSync(target, serializeSidecar(buildSidecar({ path: path.basename(file), annotator }, text, live, [])));
  return target;
}

/** The review feature the extension exposes beside its services. */
function reviewOf(api: TawsimApi): ReviewFeature {
  const review = (api as TawsimApi & { review?: ReviewFeature }).review;
  assert.ok(review, 'the extension exposes its review feature');
  return review;
}

const SHARED: readonly Tag[] = [
  ['LOC', 'المغرب', 0],
  ['LOC', 'إسرائيل'],
  ['ORG', 'لقيادة العامة'],
];

describe("review others' tags", () => {
  let api: TawsimApi;
  let review: ReviewFeature;
  before(async () => {
    api = await activateTawsim();
    review = reviewOf(api);
  });
  afterEach(closeAll);

  /** salma and omar agree on three tags and disagree three times: a label, boundaries, a missed place. */
  async function twoAnnotators(): Promise<{ file: string; uri: vscode.Uri; summary: ReviewSummary }> {
    const file = freshCopy('article.txt');
    writeSidecar(file, 'salma', [...SHARED, ['LOC', 'الرباط'], ['DATE', 'يومي 16 و17 يناير']]);
    writeSidecar(file, 'omar', [...SHARED, ['ORG', 'الرباط'], ['DATE', '16 و17 يناير'], ['LOC', 'الأردن']]);
    await openInEditor(file);
    await storeFor(api, file);
    const uri = vscode.Uri.file(file);
    const summary = await vscode.commands.executeCommand<ReviewSummary>(ReviewCommandId.review, { uri: uri.toString(), annotators: ['salma', 'omar'] });
    return { file, uri, summary };
  }

  function treeNodes(uri: vscode.Uri): { document: ReviewNode; kinds: ReviewNode[]; disagreements: ReviewNode[] } {
    const document = review.tree.getChildren().find((n) => n.uri === uri.toString());
    assert.ok(document, 'the document is in the Review view');
    const kinds = review.tree.getChildren(document).filter((n) => n.type === 'kind');
    return { document, kinds, disagreements: kinds.flatMap((k) => review.tree.getChildren(k)) };
  }

  it('lists the disagreements in the Review view and the Problems panel, and writes decisions to the gold sidecar', async () => {
    const { file, uri, summary } = await twoAnnotators();
    assert.deepEqual([...summary.annotators].sort(), ['omar', 'salma']);
    assert.equal(summary.disagreements, 3);
    assert.equal(summary.agreed, 3);

    const { document, kinds, disagreements } = treeNodes(uri);
    assert.equal(disagreements.length, 3);
    assert.deepEqual(kinds.map((k) => (k.type === 'kind' ? k.kind : '')).sort(), ['boundary', 'label', 'missing']);
    for (const k of kinds) assert.match(String(review.tree.getTreeItem(k).description), /^1 /, 'each kind shows its count');
    assert.match(String(review.tree.getTreeItem(document).description), /3/);
    const infos = await waitFor('the review diagnostics', () => {
      const found = vscode.languages.getDiagnostics(uri).filter((d) => d.source === REVIEW_DIAGNOSTIC_SOURCE);
      return found.length === 3 ? found : undefined;
    });
    assert.ok(infos.every((d) => d.severity === vscode.DiagnosticSeverity.Information));

    // Accept salma's LOC where omar said ORG: the proposal node is the command's argument, as from the tree menu.
    const current = review.sessions.get(uri);
    const labelDispute = current?.comparison.disagreements.find((d) => d.kind === 'label');
    assert.ok(labelDispute);
    const proposalNode = review.tree
      .getChildren({ type: 'disagreement', uri: uri.toString(), disagreementId: labelDispute.id })
      .find((n) => n.type === 'proposal' && n.label === 'LOC');
    assert.ok(proposalNode);
    assert.equal(await vscode.commands.executeCommand(ReviewCommandId.acceptProposal, proposalNode), true);
    const goldFile = `${file}.gold.ann.yaml`;
    const gold = await waitForSidecar(goldFile, (s) => s.annotations.length === 1);
    const [accepted] = gold.annotations;
    assert.equal(accepted?.label, 'LOC');
    assert.equal(accepted?.text, 'الرباط');
    assert.equal(accepted?.review?.verdict, 'accepted');
    assert.deepEqual(accepted?.review?.from, ['salma']);
    assert.equal(gold.annotator, review.sessions.get(uri)?.reviewer, "the reviewer is the gold file's annotator");
    assert.equal(review.sessions.get(uri)?.state.open, 2);

    assert.equal(await vscode.commands.executeCommand(ReviewCommandId.acceptAllAgreed, { uri: uri.toString() }), 3);
    const withAgreed = readSidecar(goldFile);
    assert.equal(withAgreed.annotations.filter((a) => a.status === 'accepted' && a.review?.verdict === 'accepted').length, 4);

    // Omar's date boundaries, then reject the place only omar saw.
    const boundary = review.sessions.get(uri)?.comparison.disagreements.find((d) => d.kind === 'boundary');
    assert.ok(boundary);
    await vscode.commands.executeCommand(ReviewCommandId.takeBoundaries, { uri: uri.toString(), disagreementId: boundary.id, annotator: 'omar' });
    const missing = review.sessions.get(uri)?.comparison.disagreements.find((d) => d.kind === 'missing');
    assert.ok(missing);
    await vscode.commands.executeCommand(ReviewCommandId.rejectProposal, { uri: uri.toString(), disagreementId: missing.id });
    const final = readSidecar(goldFile);
    const verdicts = final.annotations.map((a) => `${a.label} ${a.text} ${a.status} ${a.review?.verdict ?? ''}`).sort();
    assert.ok(verdicts.includes('DATE 16 و17 يناير accepted reboundaried'), verdicts.join('\n'));
    assert.ok(verdicts.includes('DATE يومي 16 و17 يناير rejected rejected'), verdicts.join('\n'));
    assert.ok(verdicts.includes('LOC الأردن rejected rejected'), verdicts.join('\n'));
    assert.equal(review.sessions.get(uri)?.state.done, true);
    assert.equal(review.tree.getTreeItem(treeNodes(uri).document).description, vscode.l10n.t('done'));
  });

  it('walks the open disagreements with Next and Previous Disagreement', async () => {
    const { uri } = await twoAnnotators();
    const ids = review.sessions.get(uri)?.state.openIds ?? [];
    assert.equal(ids.length, 3);
    const first = await vscode.commands.executeCommand<string>(ReviewCommandId.nextDisagreement);
    const second = await vscode.commands.executeCommand<string>(ReviewCommandId.nextDisagreement);
    const back = await vscode.commands.executeCommand<string>(ReviewCommandId.previousDisagreement);
    assert.deepEqual([first, second, back], [ids[0], ids[1], ids[0]]);
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && !editor.selection.isEmpty, 'the disagreement is selected');
  });

  it('re-anchors a sidecar of an earlier text, leaves a stale one and one that does not parse out, with the reason', async () => {
    const file = freshCopy('article.txt');
    const text = fs.readFileSync(file, 'utf8');
    writeSidecar(file, 'salma', SHARED);
    // omar annotated the text before a headline was removed: his quotes are all still there.
    writeSidecar(file, 'omar', SHARED, `عاجل: ${text}`);
    // layla tagged words the text no longer has.
    writeSidecar(file, 'layla', [...SHARED, ['MISC', 'خبر قديم']], `${text}\nخبر قديم`);
    const broken = `${file}.nadia.ann.yaml`;
    fs.writeFileSync(broken, 'tawsim: 1\nannotations: [\n');
    await openInEditor(file);
    await storeFor(api, file);
    const uri = vscode.Uri.file(file);
    const summary = await vscode.commands.executeCommand<ReviewSummary>(ReviewCommandId.review, { uri: uri.toString(), annotators: ['salma', 'omar', 'layla'] });
    assert.deepEqual([...summary.annotators].sort(), ['omar', 'salma']);
    assert.equal(summary.disagreements, 0, "the re-anchored tags agree with salma's");
    assert.deepEqual(
      summary.excluded.map((e) => e.annotator),
      ['layla'],
    );
    assert.match(summary.excluded[0]?.reason ?? '', /sha256/);
    assert.deepEqual(
      summary.failures.map((f) => f.file),
      [path.basename(broken)],
    );
    const current = review.sessions.get(uri);
    assert.equal(current?.sets.find((s) => s.annotator === 'omar')?.reanchored, true);
    await waitFor('a diagnostic on the broken sidecar', () => vscode.languages.getDiagnostics(vscode.Uri.file(broken)).some((d) => d.source === REVIEW_DIAGNOSTIC_SOURCE));
    const sidecars = review.tree.getChildren({ type: 'sidecars', uri: uri.toString() });
    assert.equal(sidecars.length, 4, 'the view lists every sidecar, the ones left out marked');
  });

  it("offers another annotator's tags to accept into or reject in the reviewer's own sidecar", async () => {
    const file = freshCopy('article.txt');
    writeSidecar(file, 'omar', [
      ['LOC', 'الرباط'],
      ['LOC', 'الأردن'],
      ['ORG', 'لقيادة العامة'],
    ]);
    await openInEditor(file);
    const store = await storeFor(api, file);
    const uri = vscode.Uri.file(file).toString();
    assert.equal(await vscode.commands.executeCommand(ReviewCommandId.reviewAnnotator, { uri, annotator: 'omar' }), 3);
    const accepted = await vscode.commands.executeCommand<Annotation>(ReviewCommandId.acceptAnnotatorTag, { uri, annotator: 'omar', id: 't1' });
    assert.equal(accepted?.text, 'الرباط');
    await vscode.commands.executeCommand(ReviewCommandId.rejectAnnotatorTag, { uri, annotator: 'omar', id: 't2' });
    const own = store.tracked.all.map((a) => `${a.label} ${a.text} ${a.status} ${a.review?.from?.join(',') ?? ''}`).sort();
    assert.deepEqual(own, ['LOC الأردن rejected omar', 'LOC الرباط accepted omar']);
    const document = vscode.window.activeTextEditor?.document;
    assert.ok(document);
    assert.equal(review.suggestions.pending(document).length, 1, 'decided tags are no longer offered');
    const sidecar = await waitForSidecar(`${file}.ann.yaml`, (s) => s.annotations.length === 2);
    assert.equal(sidecar.annotations.find((a) => a.status === 'rejected')?.text, 'الأردن');
  });

  it('opens the agreement report for the document', async () => {
    const { uri } = await twoAnnotators();
    const panel = await vscode.commands.executeCommand<vscode.WebviewPanel>(ReviewCommandId.agreementReport, { uri: uri.toString(), scope: 'document' });
    assert.ok(panel, 'the command returns the panel');
    assert.equal(panel.viewType, 'tawsim.agreement');
    await waitFor('the report tab', () =>
      vscode.window.tabGroups.all.flatMap((g) => g.tabs).some((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('tawsim.agreement')),
    );
    panel.dispose();
  });
});
