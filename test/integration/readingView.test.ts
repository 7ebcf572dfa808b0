import * as vscode from 'vscode';
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TawsimApi } from '../../src/extension';
import type { Annotation } from '../../src/core/model/annotation';
import type { BlockSpan, HostMessage, ParagraphBlock } from '../../src/core/reading/readingProtocol';
import { spanActions, suggestionKey } from '../../src/core/reading/spanActions';
import { buildSidecar } from '../../src/core/sidecar/documentAnnotations';
import { serializeSidecar } from '../../src/core/sidecar/serializeSidecar';
import { CommandId } from '../../src/editor/commandIds';
import type { ReadingPanel } from '../../src/editor/readingView/readingPanel';
import { ReviewCommandId } from '../../src/editor/review/reviewCommandIds';
import { activateTawsim, closeAll, codePointOffset, freshCopy, openInEditor, readSidecar, select, storeFor, waitFor, waitForSidecar, workspaceDir, tagFreshCopy } from './helpers';

/** Every message a panel sends to its page, from now on. */
function record(panel: ReadingPanel): HostMessage[] {
  const posted: HostMessage[] = [];
  panel.onDidPost((m) => posted.push(m));
  return posted;
}

/** The latest block of a line among the messages sent (the document, blocks and splices carry them). */
function latestBlock(posted: readonly HostMessage[], line: number): ParagraphBlock | undefined {
  let found: ParagraphBlock | undefined;
  for (const m of posted) {
    if (m.type === 'init' || m.type === 'blocks' || m.type === 'splice') for (const b of m.blocks) if (b.line === line) found = b;
  }
  return found;
}

function spanText(block: ParagraphBlock, span: BlockSpan): string {
  return block.text.slice(span.start, span.end);
}

/** Opens the reading view of a file shown in an editor and waits until its page has loaded and said so. */
async function openView(api: TawsimApi, file: string): Promise<{ panel: ReadingPanel; posted: HostMessage[]; editor: vscode.TextEditor }> {
  const editor = await openInEditor(file);
  await storeFor(api, file);
  const panel = await vscode.commands.executeCommand<ReadingPanel>(CommandId.openReadingView, { uri: vscode.Uri.file(file).toString() });
  assert.ok(panel, 'the command returns the view');
  const posted = record(panel);
  await waitFor('the page to load and the view to send it the document', () => posted.some((m) => m.type === 'init'), 30_000);
  return { panel, posted, editor };
}

/** A sidecar for one annotator beside `file`, the spans found from quotes. */
function writeAnnotatorSidecar(file: string, annotator: string, tags: readonly (readonly [string, string])[]): void {
  const text = fs.readFileSync(file, 'utf8');
  const annotations: Annotation[] = tags.map(([label, quote], i) => {
    const at = text.indexOf(quote);
    assert.ok(at >= 0, `«${quote}» is in the text`);
    return { id: `t${i + 1}`, label, start: at, end: at + quote.length, text: quote, status: 'accepted', source: 'manual' };
  });
  fs.writeFileSync(`${file}.${annotator}.ann.yaml`, serializeSidecar(buildSidecar({ path: path.basename(file), annotator }, text, annotations, [])));
}

describe('the reading view', function () {
  this.timeout(60_000);
  let api: TawsimApi;
  before(async () => {
    api = await activateTawsim();
  });
  afterEach(closeAll);

  it('opens beside the editor, gives the page every line, and sends the sidecar’s tags as paragraph blocks', async () => {
    const file = freshCopy('article.txt');
    const editor = await openInEditor(file);
    await storeFor(api, file);
    editor.selection = select(editor, 'الرباط');
    await vscode.commands.executeCommand(CommandId.tag, { label: 'LOC' });
    const { panel, posted } = await openView(api, file);
    assert.notEqual(panel.panel.viewColumn, editor.viewColumn, 'the view is beside the editor');
    const init = posted.find((m) => m.type === 'init');
    assert.ok(init?.type === 'init');
    const lines = editor.document.getText().split('\n');
    assert.deepEqual(
      init.lengths,
      lines.map((l) => l.length),
    );
    assert.equal(init.strings.tagAs.length > 0, true);
    const block = await waitFor('the paragraph of الرباط', () => {
      const b = latestBlock(posted, 1);
      return b?.spans.some((s) => s.kind === 'tag' && spanText(b, s) === 'الرباط') ? b : undefined;
    });
    assert.equal(block.text, lines[1]);
    assert.equal(block.start, editor.document.offsetAt(new vscode.Position(1, 0)));
  });

  it('sends a relation between two tags of one paragraph as an arc of its block, and takes it away with a linked tag', async () => {
    const { file, editor, store } = await tagFreshCopy(api, 'article.txt', [
      ['المتحدث', 'PER'],
      ['الجيش', 'ORG'],
    ]);
    const per = store.tracked.all.find((a) => a.label === 'PER');
    const org = store.tracked.all.find((a) => a.label === 'ORG');
    assert.ok(per && org);
    const line = editor.document.positionAt(per.start).line;
    assert.equal(editor.document.positionAt(org.start).line, line, 'both tags are in one paragraph');
    const { posted } = await openView(api, file);
    const uri = vscode.Uri.file(file).toString();
    const relation = await vscode.commands.executeCommand<{ id: string } | undefined>(CommandId.link, { uri, id: per.id, to: org.id, type: 'member_of' });
    assert.ok(relation);
    const block = await waitFor('the arc in the paragraph block', () => {
      const b = latestBlock(posted, line);
      return b?.arcs?.length === 1 ? b : undefined;
    });
    assert.deepEqual(block.arcs, [{ id: relation.id, type: 'member_of', from: per.id, to: org.id, status: 'accepted' }]);
    const ends = block.spans.filter((s) => s.id === per.id || s.id === org.id).map((s) => spanText(block, s));
    assert.deepEqual(ends.sort(), ['الجيش', 'المتحدث'].sort(), 'both ends are boxes of the same block');
    // Removing a linked tag takes its relations along.
    await vscode.commands.executeCommand(CommandId.remove, { uri, id: org.id });
    await waitFor('the arc to go with the relation', () => latestBlock(posted, line)?.arcs === undefined);
  });

  it('tags what the page selected at its code points, and annotation undo in the editor takes it back', async () => {
    const file = freshCopy('article.txt');
    const { panel, posted } = await openView(api, file);
    const line0 = fs.readFileSync(file, 'utf8').split('\n')[0] as string;
    const at = line0.indexOf('إسرائيل');
    await panel.receive({ type: 'tag', label: 'LOC', from: { line: 0, character: at }, to: { line: 0, character: at + 'إسرائيل'.length }, quote: 'إسرائيل' });
    // The flag before it is two astral characters: four UTF-16 units, two code points.
    const expected = codePointOffset(file, 'إسرائيل');
    assert.equal(expected, at - 2);
    const sidecar = await waitForSidecar(`${file}.ann.yaml`, (s) => s.annotations.some((a) => a.label === 'LOC'));
    assert.deepEqual(
      sidecar.annotations.map((a) => [a.label, a.start, a.end, a.text, a.status]),
      [['LOC', expected, expected + 7, 'إسرائيل', 'accepted']],
    );
    await waitFor('the new tag in the page', () => latestBlock(posted, 0)?.spans.some((s) => s.kind === 'tag' && s.label === 'LOC'));
    await vscode.window.showTextDocument(vscode.Uri.file(file), { viewColumn: vscode.ViewColumn.One });
    assert.ok(await vscode.commands.executeCommand<boolean>(CommandId.undo), 'the editor’s annotation undo undoes the view’s tag');
    await waitForSidecar(`${file}.ann.yaml`, (s) => s.annotations.length === 0);
    await waitFor('the tag gone from the page', () => !latestBlock(posted, 0)?.spans.some((s) => s.kind === 'tag'));
    await panel.receive({ type: 'redo' });
    await waitForSidecar(`${file}.ann.yaml`, (s) => s.annotations.length === 1);
  });

  it('does not tag text that changed after the page showed it', async () => {
    const file = freshCopy('article.txt');
    const { panel, posted } = await openView(api, file);
    const store = await storeFor(api, file);
    await panel.receive({ type: 'tag', label: 'LOC', from: { line: 1, character: 0 }, to: { line: 1, character: 4 }, quote: 'نصٌ آخر' });
    assert.equal(store.tracked.all.length, 0);
    assert.ok(posted.some((m) => m.type === 'announce'));
  });

  it('follows an edit in the editor: the new text and the moved tag come with the splice', async () => {
    const file = freshCopy('article.txt');
    const editor = await openInEditor(file);
    await storeFor(api, file);
    editor.selection = select(editor, 'الأردن');
    await vscode.commands.executeCommand(CommandId.tag, { label: 'LOC' });
    const { posted } = await openView(api, file);
    await waitFor('the tag on line 1', () => latestBlock(posted, 1)?.spans.some((s) => s.kind === 'tag'));
    const edit = new vscode.WorkspaceEdit();
    edit.insert(editor.document.uri, new vscode.Position(1, 0), 'سطر جديد\nفي ');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const splice = await waitFor('the splice', () => posted.find((m) => m.type === 'splice'));
    assert.ok(splice.type === 'splice');
    assert.deepEqual([splice.at, splice.removed, splice.lengths.length], [1, 1, 2]);
    const moved = latestBlock(posted, 2);
    assert.ok(moved, 'the edited paragraph comes with the splice');
    assert.equal(moved.text, editor.document.lineAt(2).text);
    const tag = moved.spans.find((s) => s.kind === 'tag');
    assert.ok(tag);
    assert.equal(spanText(moved, tag), 'الأردن');
    assert.equal(moved.start, editor.document.offsetAt(new vscode.Position(2, 0)));
  });

  it('accepts a suggestion from the page with the key the editor uses', async () => {
    const file = freshCopy('article.txt');
    const { panel, posted } = await openView(api, file);
    const store = await storeFor(api, file);
    await api.suggestions.refresh(store);
    const { block, span } = await waitFor('the suggestion الأردن', () => {
      const b = latestBlock(posted, 1);
      const s = b?.spans.find((x) => x.kind === 'suggestion' && spanText(b, x) === 'الأردن');
      return b && s ? { block: b, span: s } : undefined;
    });
    const action = spanActions(block, span).accept;
    assert.ok(action);
    assert.equal((action.args as { key: string }).key, suggestionKey(block, span));
    await panel.receive({ type: 'run', command: action.command, args: action.args });
    assert.equal(store.tracked.all.find((a) => a.text === 'الأردن')?.status, 'accepted');
    await waitFor('the accepted tag drawn as a tag', () => latestBlock(posted, 1)?.spans.some((s) => s.kind === 'tag' && s.label === 'LOC'));
  });

  it('shows a sidecar written on disk by someone else at once', async () => {
    const file = freshCopy('article.txt');
    const { posted } = await openView(api, file);
    const store = await storeFor(api, file);
    const text = fs.readFileSync(file, 'utf8');
    const at = text.indexOf('الرباط');
    const theirs: Annotation = { id: 't1', label: 'LOC', start: at, end: at + 6, text: 'الرباط', status: 'accepted', source: 'manual' };
    fs.writeFileSync(`${file}.ann.yaml`, serializeSidecar(buildSidecar({ path: path.basename(file), annotator: store.annotator }, text, [theirs], [])));
    await waitFor('their tag in the page', () => latestBlock(posted, 1)?.spans.some((s) => s.kind === 'tag' && s.text === 'الرباط'), 20_000);
  });

  it('in review, shows each annotator’s proposals and the disagreement, and decides gold from the page', async () => {
    const file = freshCopy('article.txt');
    writeAnnotatorSidecar(file, 'salma', [
      ['LOC', 'الرباط'],
      ['LOC', 'الأردن'],
    ]);
    writeAnnotatorSidecar(file, 'omar', [
      ['ORG', 'الرباط'],
      ['LOC', 'الأردن'],
    ]);
    const { panel, posted } = await openView(api, file);
    await vscode.commands.executeCommand(ReviewCommandId.review, { uri: vscode.Uri.file(file).toString(), annotators: ['salma', 'omar'] });
    const block = await waitFor('the disagreement on الرباط', () => {
      const b = latestBlock(posted, 1);
      return b?.spans.some((s) => s.kind === 'disagreement') ? b : undefined;
    });
    const proposals = block.spans.filter((s) => s.kind === 'proposal' && spanText(block, s) === 'الرباط');
    assert.deepEqual(proposals.map((p) => [p.label, p.by?.join('+'), p.agreed]).sort(), [
      ['LOC', 'salma', false],
      ['ORG', 'omar', false],
    ]);
    assert.ok(
      block.spans.some((s) => s.kind === 'proposal' && s.agreed && spanText(block, s) === 'الأردن'),
      'the agreed place',
    );
    const status = posted.filter((m) => m.type === 'status').pop();
    assert.ok(status?.type === 'status' && status.status.review?.open === 1);
    const omars = proposals.find((p) => p.label === 'ORG') as BlockSpan;
    const accept = spanActions(block, omars).accept;
    assert.ok(accept);
    await panel.receive({ type: 'run', command: accept.command, args: accept.args });
    const gold = path.join(path.dirname(file), `${path.basename(file)}.gold.ann.yaml`);
    await waitFor('the gold sidecar', () => fs.existsSync(gold));
    assert.deepEqual(
      readSidecar(gold).annotations.map((a) => [a.label, a.text, a.status]),
      [['ORG', 'الرباط', 'accepted']],
    );
    await waitFor('the decision in the page', () => latestBlock(posted, 1)?.spans.some((s) => s.kind === 'proposal' && s.label === 'ORG' && s.verdict === 'accepted'));
    await vscode.commands.executeCommand(ReviewCommandId.closeReview, { uri: vscode.Uri.file(file).toString() });
  });

  it('scrolls the editor with the view and the view with the editor', async () => {
    const lines = Array.from({ length: 300 }, (_, i) => `الفقرة ${i + 1}: قال المتحدث إن الوفد وصل إلى الرباط صباح اليوم.`);
    const file = path.join(workspaceDir(), 'run', `long-${Date.now().toString(36)}.txt`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, lines.join('\n'));
    const { panel, posted, editor } = await openView(api, file);
    await panel.receive({ type: 'scrolled', at: { line: 150, character: 0 } });
    // Wrapped lines: the editor may keep the end of the line before at its top.
    await waitFor('the editor at line 150', () => {
      const top = editor.visibleRanges[0];
      return top !== undefined && top.start.line >= 145 && top.start.line <= 150 && top.end.line > 150;
    });
    // The view's own scroll comes back from the editor as an echo: it is not sent to the page.
    await new Promise((r) => setTimeout(r, 600));
    const before = posted.length;
    editor.revealRange(new vscode.Range(40, 0, 40, 0), vscode.TextEditorRevealType.AtTop);
    const follow = await waitFor('the view told to follow', () => posted.slice(before).find((m) => m.type === 'scrollTo'));
    assert.ok(follow.type === 'scrollTo');
    // Where the editor says its first visible line is (with wrapped lines, a little above the line revealed).
    assert.equal(follow.line, editor.visibleRanges[0]?.start.line);
    assert.ok(follow.line > 30 && follow.line <= 40, `scrolled to ${follow.line}`);
  });
});
