import * as vscode from 'vscode';
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TawsimApi } from '../../src/extension';
import type { Annotation } from '../../src/core/model/annotation';
import type { Relation } from '../../src/core/model/relation';
import type { Sidecar } from '../../src/core/sidecar/sidecarTypes';
import { buildSidecar } from '../../src/core/sidecar/documentAnnotations';
import { serializeSidecar } from '../../src/core/sidecar/serializeSidecar';
import type { ReviewFeature } from '../../src/editor/review/reviewFeature';
import { ReviewCommandId } from '../../src/editor/review/reviewCommandIds';
import type { ReviewNode } from '../../src/editor/review/reviewTreeNodes';
import { activateTawsim, closeAll, freshCopy, openInEditor, readSidecar, storeFor, waitForSidecar } from './helpers';

type Tag = readonly [label: string, quote: string];

/** `<text>.<annotator>.ann.yaml` with tags t1… found by their quotes and relations between them (type, from index, to index). */
function writeSidecar(file: string, annotator: string, tags: readonly Tag[], links: readonly (readonly [string, number, number])[]): void {
  const text = fs.readFileSync(file, 'utf8');
  const live: Annotation[] = tags.map(([label, quote], i) => {
    const at = text.indexOf(quote);
    assert.ok(at >= 0, `«${quote}» is in the text`);
    return { id: `t${i + 1}`, label, start: at, end: at + quote.length, text: quote, status: 'accepted', source: 'manual' };
  });
  const relations: Relation[] = links.map(([type, from, to], i) => ({ id: `r${i + 1}`, type, from: `t${from + 1}`, to: `t${to + 1}`, status: 'accepted', source: 'manual' }));
  fs.writeFileSync(`${file}.${annotator}.ann.yaml`, serializeSidecar(buildSidecar({ path: path.basename(file), annotator }, text, live, [], relations)));
}

function reviewOf(api: TawsimApi): ReviewFeature {
  const review = (api as TawsimApi & { review?: ReviewFeature }).review;
  assert.ok(review, 'the extension exposes its review feature');
  return review;
}

/** A gold relation as `type LABEL «from» → LABEL «to» status`, its ends looked up by id. */
function described(gold: Sidecar): string[] {
  const byId = new Map(gold.annotations.map((a) => [a.id, a]));
  const end = (id: string): string => `${byId.get(id)?.label ?? '?'} «${byId.get(id)?.text ?? '?'}»`;
  return (gold.relations ?? []).map((r) => `${r.type} ${end(r.from)} → ${end(r.to)} ${r.status}`);
}

const TAGS: readonly Tag[] = [
  ['LOC', 'المغرب'],
  ['ORG', 'لقيادة العامة'],
  ['LOC', 'الرباط'],
];

describe('relations in the Review view', () => {
  let api: TawsimApi;
  let review: ReviewFeature;
  before(async () => {
    api = await activateTawsim();
    review = reviewOf(api);
  });
  afterEach(closeAll);

  it('lists the relations only some annotators marked, and accepts and rejects them into the gold sidecar', async () => {
    const file = freshCopy('article.txt');
    // Both say الرباط is located in المغرب; only salma says the command is.
    writeSidecar(file, 'salma', TAGS, [
      ['located_in', 2, 0],
      ['located_in', 1, 0],
    ]);
    writeSidecar(file, 'omar', TAGS, [['located_in', 2, 0]]);
    await openInEditor(file);
    await storeFor(api, file);
    const uri = vscode.Uri.file(file);
    await vscode.commands.executeCommand(ReviewCommandId.review, { uri: uri.toString(), annotators: ['salma', 'omar'] });

    const current = review.sessions.get(uri);
    assert.ok(current);
    assert.equal(current.relations.agreed.length, 1);
    assert.equal(current.state.relationsOpen, 1);
    assert.equal(current.state.done, false, 'spans all agree, but a relation is open');
    const document = review.tree.getChildren().find((n) => n.uri === uri.toString());
    assert.ok(document);
    const group = review.tree.getChildren(document).find((n) => n.type === 'relations');
    assert.ok(group, 'the document has a Relations differ node');
    assert.match(String(review.tree.getTreeItem(group).description), /^1 /);
    const [node, ...more] = review.tree.getChildren(group);
    assert.ok(node && node.type === 'relation');
    assert.equal(more.length, 0);
    const item = review.tree.getTreeItem(node);
    assert.equal(item.label, 'located_in: ORG «لقيادة العامة» → LOC «المغرب»');
    assert.match(String(item.description), /salma/);
    assert.equal(item.contextValue, 'tawsim.review.relation.open');

    // As from the tree item's menu: the node is the argument.
    assert.equal(await vscode.commands.executeCommand(ReviewCommandId.acceptRelation, node as ReviewNode), true);
    const goldFile = `${file}.gold.ann.yaml`;
    const accepted = await waitForSidecar(goldFile, (s) => (s.relations?.length ?? 0) === 1);
    assert.equal(accepted.tawsim, 2);
    assert.deepEqual(described(accepted), ['located_in ORG «لقيادة العامة» → LOC «المغرب» accepted']);
    assert.ok(
      accepted.annotations.every((a) => a.status === 'accepted' && a.review?.from?.join() === 'salma'),
      'the ends were taken into gold with the relation',
    );
    assert.equal(review.sessions.get(uri)?.state.relationsOpen, 0);
    assert.equal(review.tree.getTreeItem(node).contextValue, 'tawsim.review.relation.decided');

    // A later span decision keeps gold's relation.
    assert.equal(await vscode.commands.executeCommand(ReviewCommandId.acceptAllAgreed, { uri: uri.toString() }), 1);
    assert.deepEqual(described(readSidecar(goldFile)), ['located_in ORG «لقيادة العامة» → LOC «المغرب» accepted']);
    assert.equal(review.sessions.get(uri)?.state.done, true);

    // Changing one's mind: the same relation, now rejected, under the same id.
    assert.equal(await vscode.commands.executeCommand(ReviewCommandId.rejectRelation, { uri: uri.toString(), key: current.relations.disagreements[0]?.key }), true);
    const rejected = await waitForSidecar(goldFile, (s) => s.relations?.[0]?.status === 'rejected');
    assert.deepEqual(described(rejected), ['located_in ORG «لقيادة العامة» → LOC «المغرب» rejected']);
    assert.equal(rejected.relations?.[0]?.id, accepted.relations?.[0]?.id);
    assert.equal(review.sessions.get(uri)?.state.done, true);
  });

  it('does not reject a relation whose ends gold has not decided, and writes nothing', async () => {
    const file = freshCopy('article.txt');
    writeSidecar(file, 'salma', TAGS, [['located_in', 1, 0]]);
    writeSidecar(file, 'omar', TAGS, []);
    await openInEditor(file);
    await storeFor(api, file);
    const uri = vscode.Uri.file(file);
    await vscode.commands.executeCommand(ReviewCommandId.review, { uri: uri.toString(), annotators: ['salma', 'omar'] });
    const key = review.sessions.get(uri)?.relations.disagreements[0]?.key;
    assert.ok(key);
    assert.equal(await vscode.commands.executeCommand(ReviewCommandId.rejectRelation, { uri: uri.toString(), key }), false);
    assert.equal(fs.existsSync(`${file}.gold.ann.yaml`), false);
    assert.equal(review.sessions.get(uri)?.state.relationsOpen, 1);
  });
});
