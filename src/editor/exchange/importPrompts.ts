import * as vscode from 'vscode';
import type { FormatId } from '../../core/formats/formatTypes';
import { FORMATS, importFormatsForFile } from '../../core/formats/formatRegistry';
import { basename, readTextFile } from '../sidecarFiles';
import { pickFormat } from './formatPick';

/** Asks for the files to import, offering the importable formats' extensions as filters. */
export async function pickImportFiles(): Promise<vscode.Uri[] | undefined> {
  const importable = FORMATS.filter((f) => f.capabilities.canImport);
  const filters: Record<string, string[]> = {
    [vscode.l10n.t('Annotation files')]: importable.flatMap((f) => f.extensions.map((e) => e.slice(1))),
  };
  for (const f of importable) filters[f.displayName] = f.extensions.map((e) => e.slice(1));
  const files = await vscode.window.showOpenDialog({
    canSelectFiles: true,
    canSelectFolders: false,
    canSelectMany: true,
    filters,
    openLabel: vscode.l10n.t('Import'),
    title: vscode.l10n.t('Files to import'),
  });
  return files && files.length > 0 ? files : undefined;
}

/** The format all files have by their names (and content, where two formats share an extension); asked when they do not tell or disagree. */
export async function pickImportFormat(files: readonly vscode.Uri[]): Promise<FormatId | undefined> {
  const inferred = new Set<string>();
  for (const f of files) {
    const content = await readTextFile(f).catch(() => undefined);
    inferred.add(
      importFormatsForFile(basename(f), content)
        .map((d) => d.id)
        .join('|'),
    );
  }
  const [only] = inferred;
  if (inferred.size === 1 && only && !only.includes('|') && only !== '') return only as FormatId;
  return pickFormat('import');
}

/** The folder holding the texts: by default the workspace folder of the first file, else its own folder. */
export async function pickTextsFolder(file: vscode.Uri): Promise<vscode.Uri | undefined> {
  const fallback = vscode.workspace.getWorkspaceFolder(file)?.uri ?? vscode.Uri.joinPath(file, '..');
  const chosen = await vscode.window.showOpenDialog({
    canSelectFiles: false,
    canSelectFolders: true,
    canSelectMany: false,
    defaultUri: fallback,
    openLabel: vscode.l10n.t('Use This Folder'),
    title: vscode.l10n.t('Folder that holds the texts'),
  });
  return chosen?.[0];
}

export async function askAnnotator(suggestion: string): Promise<string | undefined> {
  const name = await vscode.window.showInputBox({
    prompt: vscode.l10n.t('Annotator to write the imported annotations under'),
    value: suggestion,
    validateInput: (v) => (v.trim() === '' ? vscode.l10n.t('Enter a name') : undefined),
  });
  return name?.trim();
}
