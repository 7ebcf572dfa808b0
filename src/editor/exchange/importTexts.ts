import type * as vscode from 'vscode';
import type { SourceDocument } from '../../core/formats/formatTypes';
import type { TawsimSettings } from '../settings';
import { isSidecarUri, readTextFile } from '../sidecarFiles';
import { filesUnder, pathInFolder } from './folderFiles';
import { matchesFilePatterns } from './filePatterns';

/**
 * The texts an import may attach annotations to: the files under `folder` that `tawsim.files`
 * names, relative to it, in path order. A file that is not UTF-8 is not a text Tawsim can
 * annotate, so it is left out rather than failing the import.
 */
export async function readTexts(folder: vscode.Uri, settings: TawsimSettings, token?: vscode.CancellationToken): Promise<SourceDocument[]> {
  const texts: SourceDocument[] = [];
  for (const uri of await filesUnder(folder, token)) {
    if (token?.isCancellationRequested) break;
    const path = pathInFolder(folder, uri);
    if (path === undefined || isSidecarUri(uri) || !matchesFilePatterns(path, settings.files)) continue;
    const text = await readTextFile(uri).catch(() => undefined);
    if (text !== undefined) texts.push({ path, text });
  }
  return texts;
}
