import * as vscode from 'vscode';
import { ExplorerCommandId } from '../explorer/explorerCommandIds';
import type { RevealAnnotationArgs } from '../explorer/explorerCommandIds';
import { outlineOf, textUriOf } from './sidecarText';
import { CommandId } from '../commandIds';
import { conflictEntryLines } from '../../core/merge/sidecarConflicts';
import type { OutlineEntry, SidecarOutline } from './sidecarOutline';

/** Longer covered texts are cut in lens titles, so a lens stays one short line. */
const MAX_TITLE_TEXT = 40;

/**
 * A lens over each annotation of a sidecar, `Reveal «المغرب» (LOC)`, that selects its span in the
 * text, and over each merge conflict, that resolves them.
 */
export class SidecarLenses implements vscode.CodeLensProvider {
  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const outline = outlineOf(document);
    const lenses: vscode.CodeLens[] = [];
    for (const entry of outline.entries) {
      const args = revealArgs(document.uri, outline, entry);
      if (!args) continue;
      const at = new vscode.Range(entry.line, entry.column, entry.line, entry.column);
      lenses.push(new vscode.CodeLens(at, { title: lensTitle(entry), command: ExplorerCommandId.revealAnnotation, arguments: [args] }));
    }
    // The conflicts a git merge left: each one offers the command that answers them all in turn.
    if (outline.documentPath !== undefined) {
      const target = { uri: textUriOf(document.uri, outline.documentPath).toString() };
      for (const line of conflictEntryLines(document.getText())) {
        const at = new vscode.Range(line - 1, 0, line - 1, 0);
        lenses.push(new vscode.CodeLens(at, { title: vscode.l10n.t('Resolve merge conflicts…'), command: CommandId.resolveConflicts, arguments: [target] }));
      }
    }
    return lenses;
  }
}

/**
 * Arguments of `tawsim.revealAnnotation` for a sidecar entry: the sidecar's code points, and its
 * id so that an open text's live span wins (it follows unsaved edits); undefined when the entry
 * lacks what a reveal needs.
 */
export function revealArgs(sidecarUri: vscode.Uri, outline: SidecarOutline, entry: OutlineEntry): RevealAnnotationArgs | undefined {
  if (outline.documentPath === undefined || entry.id === undefined || entry.start === undefined || entry.end === undefined) return undefined;
  return {
    uri: textUriOf(sidecarUri, outline.documentPath).toString(),
    start: entry.start,
    end: entry.end,
    unit: 'codePoints',
    sidecar: sidecarUri.toString(),
    id: entry.id,
    ...(entry.text !== undefined ? { text: entry.text } : {}),
  };
}

export function lensTitle(entry: OutlineEntry): string {
  if (entry.text === undefined || entry.label === undefined) return vscode.l10n.t('Reveal {0}', entry.id ?? '');
  return vscode.l10n.t('Reveal «{0}» ({1})', shorten(entry.text), entry.label);
}

export function shorten(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ');
  const chars = [...oneLine];
  return chars.length <= MAX_TITLE_TEXT ? oneLine : `${chars.slice(0, MAX_TITLE_TEXT - 1).join('')}…`;
}
