import * as vscode from 'vscode';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { strict as assert } from 'node:assert';
import type { TawsimApi } from '../../src/extension';
import type { AnnotationDocument } from '../../src/editor/annotationDocument';
import { parseSidecar } from '../../src/core/sidecar/parseSidecar';
import type { Sidecar } from '../../src/core/sidecar/sidecarTypes';
import type { Annotation } from '../../src/core/model/annotation';
import { serializeSidecar } from '../../src/core/sidecar/serializeSidecar';
import { buildSidecar } from '../../src/core/sidecar/documentAnnotations';
import { CommandId } from '../../src/editor/commandIds';

export const EXTENSION_ID = 'tawsim.tawsim';

export async function activateTawsim(): Promise<TawsimApi> {
  const ext = vscode.extensions.getExtension<TawsimApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is installed`);
  return ext.activate();
}

/** The folder the tests run in: a fresh copy of test/fixtures/workspace made by the runner. */
export function workspaceDir(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  return folder.uri.fsPath;
}

let counter = 0;

/**
 * A fresh copy of a fixture under a name never opened before in this run: VS Code keeps closed
 * documents alive for minutes, so reopening the same name would not load anything again.
 */
export function freshCopy(fixture: string, sidecarContent?: (name: string) => string): string {
  const dir = workspaceDir();
  const ext = path.extname(fixture);
  // Each test file is bundled with its own counter, so the time and a random part keep names unique.
  const name = `${path.basename(fixture, ext)}-${++counter}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}${ext}`;
  const target = path.join(dir, 'run', name);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(path.join(dir, fixture), target);
  if (sidecarContent) fs.writeFileSync(`${target}.ann.yaml`, sidecarContent(name));
  return target;
}

export async function openInEditor(file: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  return vscode.window.showTextDocument(doc);
}

/** Waits until a condition holds, polling; fails with the message after the timeout. */
export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function storeFor(api: TawsimApi, file: string): Promise<AnnotationDocument> {
  const uri = vscode.Uri.file(file);
  return waitFor(`the annotation store of ${path.basename(file)}`, () => {
    const store = api.services.stores.get(uri);
    return store?.loaded ? store : undefined;
  });
}

export function readSidecar(file: string): Sidecar {
  const parsed = parseSidecar(fs.readFileSync(file, 'utf8'));
  assert.ok(parsed.sidecar, `sidecar ${file} parses: ${JSON.stringify(parsed.problems)}`);
  return parsed.sidecar;
}

/** Waits for the sidecar file to exist and satisfy a check (writes are debounced). */
export async function waitForSidecar(file: string, check: (s: Sidecar) => boolean): Promise<Sidecar> {
  return waitFor(`sidecar ${path.basename(file)} to be written as expected`, () => {
    if (!fs.existsSync(file)) return undefined;
    try {
      const s = readSidecar(file);
      return check(s) ? s : undefined;
    } catch {
      return undefined;
    }
  });
}

/** Selects the n-th occurrence of a quote in the editor. */
export function select(editor: vscode.TextEditor, quote: string, occurrence = 0): vscode.Selection {
  const text = editor.document.getText();
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(quote, at + 1);
  assert.ok(at >= 0, `«${quote}» is in the document`);
  return new vscode.Selection(editor.document.positionAt(at), editor.document.positionAt(at + quote.length));
}

/** Code point offset of the n-th occurrence of a quote in a file on disk. */
export function codePointOffset(file: string, quote: string, occurrence = 0): number {
  const text = fs.readFileSync(file, 'utf8');
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(quote, at + 1);
  return [...text.slice(0, at)].length;
}

export async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** One tag of a sidecar written by a test: the n-th occurrence of a quote. */
export interface QuoteTag {
  readonly quote: string;
  readonly label: string;
  readonly id?: string;
  readonly occurrence?: number;
  readonly source?: Annotation['source'];
}

/**
 * The sidecar Tawsim writes for the text on disk with these tags (ids t1, t2… unless given), byte
 * for byte: tests compare files on disk with it.
 */
export function sidecarTagging(file: string, tags: readonly QuoteTag[], annotator = 'salma'): string {
  const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const annotations: Annotation[] = tags.map((t, i) => {
    let at = -1;
    for (let n = 0; n <= (t.occurrence ?? 0); n++) at = text.indexOf(t.quote, at + 1);
    assert.ok(at >= 0, `«${t.quote}» is in ${path.basename(file)}`);
    return { id: t.id ?? `t${i + 1}`, label: t.label, start: at, end: at + t.quote.length, text: t.quote, status: 'accepted', source: t.source ?? 'manual' };
  });
  return serializeSidecar(buildSidecar({ path: path.basename(file), annotator }, text, annotations, []));
}

/** A fresh copy of a fixture, opened, with each quote's first occurrence tagged by the Tag command in turn. */
export async function tagFreshCopy(
  api: TawsimApi,
  fixture: string,
  tags: readonly (readonly [quote: string, label: string])[],
): Promise<{ file: string; editor: vscode.TextEditor; store: AnnotationDocument }> {
  const file = freshCopy(fixture);
  const editor = await openInEditor(file);
  const store = await storeFor(api, file);
  for (const [quote, label] of tags) {
    editor.selection = select(editor, quote);
    await vscode.commands.executeCommand(CommandId.tag, { label });
  }
  return { file, editor, store };
}
