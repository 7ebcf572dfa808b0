import * as vscode from 'vscode';
import { isSidecarFileName, textOfSidecar } from '../../core/sidecar/sidecarPath';
import { basename } from '../sidecarFiles';

/** One annotator's sidecar beside a text, as found by its name (its content is not read yet). */
export interface FoundSidecar {
  readonly uri: vscode.Uri;
  readonly fileName: string;
  /** The `${annotator}` part of the name, when the name has one. */
  readonly annotatorHint?: string;
}

const RECOVERED = /\.recovered\.ann\.yaml$/;

/**
 * The annotator sidecars of a text in its folder, by name (`textOfSidecar` tells which text a name
 * belongs to, since both the text's name and the annotator may contain dots). The gold file and
 * recovery files are not annotators' work and are left out.
 */
export async function findAnnotatorSidecars(textUri: vscode.Uri, goldName: string): Promise<FoundSidecar[]> {
  const folder = vscode.Uri.joinPath(textUri, '..');
  const entries = await readFolder(folder);
  return sidecarsByText(folder, entries, goldName).get(basename(textUri)) ?? [];
}

/**
 * Every text of a folder (not its subfolders) with its annotator sidecars. `goldNameOf` gives the
 * gold file name of a text, which is left out along with recovery files.
 */
export function sidecarsByText(folder: vscode.Uri, entries: readonly [string, vscode.FileType][], goldNameOf: string | ((text: string) => string)): Map<string, FoundSidecar[]> {
  const files = entries.filter(([, type]) => (type & vscode.FileType.File) !== 0).map(([name]) => name);
  const texts = new Set(files.filter((n) => !isSidecarFileName(n)));
  const byText = new Map<string, FoundSidecar[]>();
  for (const name of files.sort()) {
    if (RECOVERED.test(name)) continue;
    const found = textOfSidecar(name, texts);
    if (!found) continue;
    const gold = typeof goldNameOf === 'string' ? goldNameOf : goldNameOf(found.text);
    if (name === gold) continue;
    const entry: FoundSidecar = { uri: vscode.Uri.joinPath(folder, name), fileName: name, ...(found.annotator !== undefined ? { annotatorHint: found.annotator } : {}) };
    const list = byText.get(found.text);
    if (list) list.push(entry);
    else byText.set(found.text, [entry]);
  }
  return byText;
}

export async function readFolder(folder: vscode.Uri): Promise<[string, vscode.FileType][]> {
  try {
    return await vscode.workspace.fs.readDirectory(folder);
  } catch {
    return [];
  }
}
