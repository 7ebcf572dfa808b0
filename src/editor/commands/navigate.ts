import * as vscode from 'vscode';
import type { Services } from '../services';
import { resolveTarget } from '../commandTarget';

/** Tawsim: Next / Previous Annotation — moves the selection to the next tag, wrapping around. */
export async function navigate(services: Services, direction: 1 | -1): Promise<boolean> {
  const target = await resolveTarget(services);
  if (!target?.editor) return false;
  const { editor, document, store } = target;
  const spans = store.tracked.all.filter((a) => a.status !== 'rejected');
  if (spans.length === 0) return false;
  const here = document.offsetAt(editor.selection.active);
  const currentStart = document.offsetAt(editor.selection.start);
  const next =
    direction === 1
      ? (spans.find((a) => a.start > currentStart) ?? spans[0])
      : ([...spans].reverse().find((a) => a.start < Math.min(here, currentStart)) ?? spans[spans.length - 1]);
  if (!next) return false;
  const range = new vscode.Range(document.positionAt(next.start), document.positionAt(next.end));
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return true;
}
