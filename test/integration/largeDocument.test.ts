import * as vscode from 'vscode';
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TawsimApi } from '../../src/extension';
import type { PaintEvent } from '../../src/editor/decorations';
import type { SuggestionsPublished } from '../../src/editor/suggestions/suggestionEngine';
import { activateTawsim, closeAll, openInEditor, storeFor, waitFor, workspaceDir } from './helpers';
import { serializeSidecar } from '../../src/core/sidecar/serializeSidecar';
import { buildSidecar } from '../../src/core/sidecar/documentAnnotations';
import type { Annotation } from '../../src/core/model/annotation';

const LINE = 'وقال وزير الخارجية المغربي في الرباط أمس إن الحكومة ستعقد اجتماعا مع ممثلي الاتحاد الأوروبي يوم 16 يناير 2023 في القاهرة.';

/** A long article (thousands of lines) with a tag on every line, written with its sidecar. */
function writeLargeDocument(lines: number): string {
  const file = path.join(workspaceDir(), 'run', `large-${Date.now().toString(36)}.txt`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const text = Array.from({ length: lines }, (_, i) => `${i + 1}. ${LINE}`).join('\n') + '\n';
  fs.writeFileSync(file, text);
  const annotations: Annotation[] = [];
  let at = 0;
  for (let i = 0; i < lines; i++) {
    const start = text.indexOf('الرباط', at);
    annotations.push({ id: `t${i + 1}`, label: 'LOC', start, end: start + 6, text: 'الرباط', status: 'accepted', source: 'manual' });
    at = start + 6;
  }
  fs.writeFileSync(`${file}.ann.yaml`, serializeSidecar(buildSidecar({ path: path.basename(file), annotator: 'salma' }, text, annotations, [])));
  return file;
}

describe('large documents', () => {
  let api: TawsimApi;
  before(async () => {
    api = await activateTawsim();
  });
  afterEach(closeAll);

  it('paints the visible lines first, then the whole document', async () => {
    const lines = 6000;
    const file = writeLargeDocument(lines);
    const uri = vscode.Uri.file(file).toString();
    const events: PaintEvent[] = [];
    const listener = api.painter.onDidPaint((e) => {
      if (e.uri === uri) events.push(e);
    });
    try {
      await openInEditor(file);
      await storeFor(api, file);
      const full = await waitFor('a full paint', () => events.find((e) => e.phase === 'full' && e.spans >= lines), 30_000);
      const firstWithTags = events.find((e) => e.spans > 0);
      assert.equal(firstWithTags?.phase, 'visible', `paint order: ${events.map((e) => `${e.phase}:${e.spans}`).join(', ')}`);
      assert.ok(firstWithTags.lastLine < lines - 1, 'the first paint stops near the viewport');
      assert.ok(firstWithTags.spans < full.spans, 'the first paint holds only the visible tags');
      assert.ok(events.indexOf(firstWithTags) < events.indexOf(full));
    } finally {
      listener.dispose();
    }
  });

  it('publishes suggestions for the visible lines before the rest', async () => {
    const file = writeLargeDocument(3000);
    const uri = vscode.Uri.file(file).toString();
    const published: SuggestionsPublished[] = [];
    const listener = api.suggestions.onDidPublish((e) => {
      if (e.uri === uri) published.push(e);
    });
    try {
      await openInEditor(file);
      const store = await storeFor(api, file);
      void api.suggestions.refresh(store);
      await waitFor('the final suggestions', () => published.some((p) => p.final), 60_000);
      const partial = published.findIndex((p) => !p.final);
      const final = published.findIndex((p) => p.final);
      assert.ok(partial >= 0 && final > partial, `order: ${published.map((p) => `${p.final ? 'final' : 'visible'}:${p.count}`).join(', ')}`);
      assert.ok((published[partial]?.count ?? 0) < (published[final]?.count ?? 0));
    } finally {
      listener.dispose();
    }
  });

  it('repaints only the window around the viewport while typing, and every tag once the editor is idle', async () => {
    const lines = 4000;
    const file = writeLargeDocument(lines);
    const uri = vscode.Uri.file(file).toString();
    const events: PaintEvent[] = [];
    const listener = api.painter.onDidPaint((e) => {
      if (e.uri === uri) events.push(e);
    });
    await vscode.workspace.getConfiguration('tawsim').update('suggestions.enabled', false, vscode.ConfigurationTarget.Workspace);
    try {
      const editor = await openInEditor(file);
      const store = await storeFor(api, file);
      await waitFor('the first full paint', () => events.some((e) => e.phase === 'full' && e.spans >= lines), 30_000);
      const typedFrom = events.length;
      // Type a few characters on the first visible line, each a keystroke of its own.
      for (const ch of ['ع', 'ا', 'ج', 'ل']) await editor.edit((b) => b.insert(new vscode.Position(0, 0), ch));
      const windowPaint = await waitFor('a repaint of the window after typing', () => events.slice(typedFrom).find((e) => e.phase === 'visible'), 30_000);
      assert.ok(windowPaint.spans < lines / 4, `only the window's tags are repainted (${windowPaint.spans})`);
      const beforeIdle = events.slice(typedFrom, events.indexOf(windowPaint));
      assert.ok(
        !beforeIdle.some((e) => e.phase === 'full'),
        `no full repaint on the typing path: ${events
          .slice(typedFrom)
          .map((e) => e.phase)
          .join(', ')}`,
      );
      // The tag on the typed line moved with the text.
      assert.equal(store.tracked.all[0]?.start, editor.document.getText().indexOf('الرباط'));
      await waitFor('every tag painted again once the editor is idle', () => events.slice(events.indexOf(windowPaint)).find((e) => e.phase === 'full' && e.spans >= lines), 30_000);
    } finally {
      listener.dispose();
      await vscode.workspace.getConfiguration('tawsim').update('suggestions.enabled', undefined, vscode.ConfigurationTarget.Workspace);
      if (vscode.window.activeTextEditor?.document.isDirty) await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  it('repaints only the window when the suggestions are recomputed after typing, however far the rest moved', async () => {
    const lines = 4000;
    const file = writeLargeDocument(lines);
    const uri = vscode.Uri.file(file).toString();
    // Paints and publications in one timeline.
    const timeline: (PaintEvent | SuggestionsPublished)[] = [];
    const listeners = [
      api.painter.onDidPaint((e) => (e.uri === uri ? timeline.push(e) : undefined)),
      api.suggestions.onDidPublish((e) => (e.uri === uri ? timeline.push(e) : undefined)),
    ];
    const isPaint = (e: PaintEvent | SuggestionsPublished): e is PaintEvent => 'phase' in e;
    // A model re-fitted in the background by earlier tests would change suggestions everywhere
    // (rightly repainting them all): the rules alone keep this test about typing.
    await vscode.workspace.getConfiguration('tawsim').update('model.enabled', false, vscode.ConfigurationTarget.Workspace);
    try {
      const editor = await openInEditor(file);
      const first = await waitFor('the first suggestions', () => timeline.find((e) => !isPaint(e) && e.final), 60_000);
      await waitFor(
        'every span painted with the suggestions',
        () => timeline.slice(timeline.indexOf(first)).some((e) => isPaint(e) && e.phase === 'full' && e.spans >= lines),
        60_000,
      );
      await waitFor('the painter to have nothing left to paint before typing', () => api.painter.settled(editor.document.uri), 60_000);
      const typedFrom = timeline.length;
      for (const ch of ['ع', 'ا', 'ج', 'ل']) await editor.edit((b) => b.insert(new vscode.Position(0, 0), ch));
      // Every suggestion after the caret moved; the recomputation must not repaint them all.
      // Whether or not a debounced pass already ran, one more runs now, on the typed text.
      await api.suggestions.refresh(await storeFor(api, file));
      await waitFor('the painter to have nothing left to paint', () => api.painter.settled(editor.document.uri), 60_000);
      const paints = timeline.slice(typedFrom).filter(isPaint);
      const onTyping = paints.filter((e) => e.cause === 'change');
      assert.ok(onTyping.length > 0, 'typing repainted the window');
      assert.ok(
        paints.some((e) => e.cause === 'idle' && e.phase === 'full'),
        'every span was painted again once the editor was idle',
      );
      assert.deepEqual(
        onTyping.filter((e) => e.phase === 'full'),
        [],
        `only windows are repainted before the editor is idle: ${onTyping.map((e) => `${e.phase}:${e.spans}`).join(', ')}`,
      );
    } finally {
      for (const l of listeners) l.dispose();
      await vscode.workspace.getConfiguration('tawsim').update('model.enabled', undefined, vscode.ConfigurationTarget.Workspace);
      if (vscode.window.activeTextEditor?.document.isDirty) await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });
});
