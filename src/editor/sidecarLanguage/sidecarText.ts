import * as vscode from 'vscode';
import type { TextDocument } from 'vscode';
import { readSidecarOutline } from './sidecarOutline';
import type { SidecarOutline } from './sidecarOutline';
import { isSidecarUri, readTextFile } from '../sidecarFiles';

/** The language id contributed for `*.ann.yaml`. */
export const SIDECAR_LANGUAGE = 'tawsim-annotations';

/** Sidecars by language, and by file name when another extension or a setting claims `*.ann.yaml`. */
export function isSidecarDocument(document: TextDocument): boolean {
  return document.languageId === SIDECAR_LANGUAGE || isSidecarUri(document.uri);
}

const outlines = new WeakMap<TextDocument, { version: number; outline: SidecarOutline }>();

/** The outline of a sidecar document, computed once per version (lenses, hovers and checks share it). */
export function outlineOf(document: TextDocument): SidecarOutline {
  const cached = outlines.get(document);
  if (cached && cached.version === document.version) return cached.outline;
  const outline = readSidecarOutline(document.getText());
  outlines.set(document, { version: document.version, outline });
  return outline;
}

/** The annotated text a sidecar names: `document.path`, relative to the sidecar's folder. */
export function textUriOf(sidecarUri: vscode.Uri, documentPath: string): vscode.Uri {
  return vscode.Uri.joinPath(sidecarUri, '..', ...documentPath.split('/').filter((p) => p !== ''));
}

/**
 * The annotated text as the editor has it (`live`, unsaved edits included) or as last saved
 * (`saved`); undefined when it does not exist or cannot be read.
 */
export async function readAnnotatedText(uri: vscode.Uri, version: 'live' | 'saved'): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open && (version === 'live' || !open.isDirty)) return open.getText();
  try {
    return await readTextFile(uri);
  } catch {
    return undefined;
  }
}
