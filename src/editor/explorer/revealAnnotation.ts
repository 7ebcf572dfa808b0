import * as vscode from 'vscode';
import { CodePointIndex } from '../../core/model/offsets';
import type { Services } from '../services';
import type { RevealAnnotationArgs } from './explorerCommandIds';

/**
 * Opens a document and selects an annotation's span. An open document's live annotation is used
 * when the span comes from its sidecar (it follows unsaved edits and re-anchoring); otherwise the
 * sidecar's code points are converted to the editor's UTF-16, and if the recorded text is no longer
 * there (the text changed since the sidecar was saved) its nearest occurrence is selected instead.
 * Returns the selected range, or undefined when nothing could be shown.
 */
export async function revealAnnotation(services: Services, args?: RevealAnnotationArgs): Promise<vscode.Range | undefined> {
  if (!args || typeof args.uri !== 'string' || !Number.isInteger(args.start) || !Number.isInteger(args.end)) return undefined;
  const uri = vscode.Uri.parse(args.uri);
  let document: vscode.TextDocument;
  try {
    document = await vscode.workspace.openTextDocument(uri);
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Tawsim could not open {0}: {1}', vscode.workspace.asRelativePath(uri, true), (e as Error).message));
    return undefined;
  }
  const place = await locate(services, document, args);
  const range = new vscode.Range(document.positionAt(place.start), document.positionAt(place.end));
  const editor = await vscode.window.showTextDocument(document, { preserveFocus: args.preserveFocus === true, preview: true, selection: range });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  if (place.moved === 'gone') {
    void vscode.window.showWarningMessage(vscode.l10n.t('«{0}» is no longer where its sidecar says; the text has changed since it was saved.', args.text ?? ''));
  }
  return range;
}

interface Place {
  readonly start: number;
  readonly end: number;
  readonly moved: false | 'nearest' | 'gone';
}

async function locate(services: Services, document: vscode.TextDocument, args: RevealAnnotationArgs): Promise<Place> {
  if (args.sidecar !== undefined && args.id !== undefined) {
    const store = await services.stores.ensure(document);
    const live = store && store.sidecarUri.toString() === args.sidecar ? store.tracked.byId(args.id) : undefined;
    if (live && live.orphan !== true) return { start: live.start, end: live.end, moved: false };
  }
  const text = document.getText();
  let start = args.start;
  let end = args.end;
  if (args.unit === 'codePoints') {
    const index = new CodePointIndex(text);
    start = index.toUtf16(clamp(start, index.codePointLength));
    end = index.toUtf16(clamp(end, index.codePointLength));
  } else {
    start = clamp(start, text.length);
    end = clamp(end, text.length);
  }
  if (args.text === undefined || args.text === '' || text.slice(start, end) === args.text) return { start, end: Math.max(start, end), moved: false };
  const nearest = nearestOccurrence(text, args.text, start);
  return nearest === undefined ? { start, end: Math.max(start, end), moved: 'gone' } : { start: nearest, end: nearest + args.text.length, moved: 'nearest' };
}

/** The occurrence of `quote` starting closest to `near`, as sidecars are re-anchored. */
export function nearestOccurrence(text: string, quote: string, near: number): number | undefined {
  let best: number | undefined;
  for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) {
    if (best === undefined || Math.abs(at - near) < Math.abs(best - near)) best = at;
    if (at > near) break;
  }
  return best;
}

function clamp(n: number, max: number): number {
  return Math.max(0, Math.min(n, max));
}
