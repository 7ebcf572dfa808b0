import * as vscode from 'vscode';
import type { FormatId, ImportOptions } from '../../core/formats/formatTypes';
import { conllPathsFileName } from '../../core/formats/conllExport';
import { parseConllPaths } from '../../core/exchange/importDocuments';
import { basename } from '../sidecarFiles';

/** What the files beside an imported file add (see the command line's importCompanions.ts): brat's .txt byte order mark, a CoNLL export's paths. */
export interface Companions {
  readonly options: ImportOptions;
  readonly conllPaths?: readonly string[];
  readonly error?: string;
}

export async function readCompanions(format: FormatId, file: vscode.Uri, options: ImportOptions): Promise<Companions> {
  if (format === 'brat') {
    const txt = vscode.Uri.joinPath(file, '..', `${basename(file).replace(/\.ann$/i, '')}.txt`);
    const bytes = await vscode.workspace.fs.readFile(txt).then(
      (b) => b,
      () => undefined,
    );
    if (bytes && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { options: { ...options, brat: { ...options.brat, textStartsWithBom: true } } };
  }
  if (format === 'conll') {
    const pathsFile = vscode.Uri.joinPath(file, '..', conllPathsFileName(basename(file)));
    const bytes = await vscode.workspace.fs.readFile(pathsFile).then(
      (b) => b,
      () => undefined,
    );
    if (bytes) {
      const paths = parseConllPaths(new TextDecoder().decode(bytes), vscode.workspace.asRelativePath(pathsFile));
      return 'message' in paths ? { options, error: paths.message } : { options, conllPaths: paths };
    }
  }
  return { options };
}
