import * as vscode from 'vscode';
import type { ExportOptions, ExportWarning, FormatId } from '../../core/formats/formatTypes';
import { exportDocuments } from '../../core/formats/exportFormat';
import { formatById } from '../../core/formats/formatRegistry';
import { spansNamedByWarnings } from '../../core/exchange/exportReport';
import type { Services } from '../services';
import { readSettings } from '../settings';
import type { ExportArgs } from '../exchange/exchangeArgs';
import { explorerSelection, uriFromArg } from '../exchange/exchangeArgs';
import { commonFolder, isFolder } from '../exchange/folderFiles';
import { collectExportDocuments } from '../exchange/exportDocuments';
import { pickFormat } from '../exchange/formatPick';
import { pickExportOptions } from '../exchange/exportOptionsPick';
import { pickExportTarget } from '../exchange/exportTarget';
import { exportFileUris, writeExportFiles } from '../exchange/writeExportFiles';
import { offerReport } from '../exchange/showReport';
import { isSidecarUri } from '../sidecarFiles';

/** What an export did, for tests and other extensions. */
export interface ExportOutcome {
  readonly documents: number;
  readonly files: readonly vscode.Uri[];
  readonly warnings: readonly ExportWarning[];
  /** One sentence per document that could not be read (a broken sidecar, a missing text). */
  readonly skipped: readonly string[];
  readonly cancelled: boolean;
}

interface Scope {
  readonly inputs: vscode.Uri[];
  /** Export paths are relative to this folder, and the default target lies in it. */
  readonly root: vscode.Uri;
  readonly hasFolder: boolean;
}

/** Share of the progress bar for reading documents; writing takes the rest. */
const READ_SHARE = 80;

/**
 * Tawsim: Export… — the current file, the Explorer selection, a folder or the workspace, to one of
 * the interchange formats. Called from the Explorer, the first argument is the clicked resource
 * and the second the whole selection; otherwise the first argument is `ExportArgs`.
 */
export async function exportAnnotations(services: Services, first?: ExportArgs | vscode.Uri, second?: unknown): Promise<ExportOutcome | undefined> {
  const selection = explorerSelection(first, second);
  const args: ExportArgs = selection || first instanceof vscode.Uri ? {} : (first ?? {});
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Tawsim writes no files in an untrusted workspace.'));
    return undefined;
  }
  if (args.format !== undefined && !formatById(args.format)) {
    void vscode.window.showErrorMessage(vscode.l10n.t('There is no export format "{0}".', args.format));
    return undefined;
  }
  const scope = await resolveScope(args, selection);
  if (!scope) return undefined;
  const format = args.format ?? (await pickFormat('export'));
  if (!format) return undefined;
  const options = await pickExportOptions(format, args, !(args.format && args.target));
  if (!options) return undefined;
  const target = args.target ? uriFromArg(args.target) : await pickExportTarget(scope.root, format);
  if (!target) return undefined;

  const run = (progress?: vscode.Progress<{ message?: string; increment?: number }>, token?: vscode.CancellationToken): Promise<ExportOutcome> =>
    runExport(services, scope, format, options, target, progress, token);
  let outcome: ExportOutcome;
  try {
    outcome = scope.hasFolder
      ? await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Exporting annotations to {0}', formatById(format)?.displayName ?? format), cancellable: true },
          (progress, token) => run(progress, token),
        )
      : await run();
  } catch (e) {
    services.log.error(`Export to ${format} failed: ${(e as Error).message}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('The export failed: {0}', (e as Error).message));
    return undefined;
  }
  announce(outcome, format, target);
  return outcome;
}

async function resolveScope(args: ExportArgs, selection: vscode.Uri[] | undefined): Promise<Scope | undefined> {
  let inputs = selection ?? (args.uri ? [uriFromArg(args.uri)] : undefined);
  if (!inputs) {
    const picked = await pickScope();
    if (!picked) return undefined;
    inputs = [picked];
  }
  const folders: vscode.Uri[] = [];
  let hasFolder = false;
  for (const input of inputs) {
    const folder = await isFolder(input);
    hasFolder ||= folder;
    folders.push(folder ? input : vscode.Uri.joinPath(input, '..'));
  }
  const root = commonFolder(folders);
  return root ? { inputs, root, hasFolder } : undefined;
}

/** From the palette: the current file, or one of the workspace folders; asked only when there is a choice. */
async function pickScope(): Promise<vscode.Uri | undefined> {
  const active = vscode.window.activeTextEditor?.document.uri;
  const items: { label: string; description?: string; uri: vscode.Uri }[] = [];
  if (active && active.scheme !== 'untitled' && !isSidecarUri(active)) {
    items.push({ label: `$(file) ${vscode.workspace.asRelativePath(active)}`, description: vscode.l10n.t('this file'), uri: active });
  }
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    items.push({ label: `$(root-folder) ${folder.name}`, description: vscode.l10n.t('every annotated text in the folder'), uri: folder.uri });
  }
  if (items.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a file or a folder to export.'));
    return undefined;
  }
  if (items.length === 1) return items[0]?.uri;
  return (await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Export what?') }))?.uri;
}

async function runExport(
  services: Services,
  scope: Scope,
  format: FormatId,
  options: ExportOptions,
  target: vscode.Uri,
  progress?: vscode.Progress<{ message?: string; increment?: number }>,
  token?: vscode.CancellationToken,
): Promise<ExportOutcome> {
  const settings = readSettings(scope.root);
  let reported = 0;
  const { documents, skipped } = await collectExportDocuments(scope.inputs, {
    services,
    settings,
    root: scope.root,
    ...(token ? { token } : {}),
    progress: (done, total) => {
      const share = Math.round((done / total) * READ_SHARE);
      progress?.report({ message: `${done}/${total}`, increment: share - reported });
      reported = share;
    },
  });
  const nothing = { documents: documents.length, files: [], warnings: [], skipped };
  if (token?.isCancellationRequested) return { ...nothing, cancelled: true };
  if (documents.length === 0) return { ...nothing, cancelled: false };
  const result = exportDocuments(format, { documents, labels: services.labels(), options });
  const uris = exportFileUris(target, result.files);
  // brat writes each text beside its .ann: into the texts' own folder it would overwrite them.
  const texts = new Set(documents.map((d) => vscode.Uri.joinPath(scope.root, ...d.path.split('/')).toString()));
  const clash = uris.find((u) => texts.has(u.toString()));
  if (clash) throw new Error(vscode.l10n.t('it would overwrite the text {0}; choose another folder', vscode.workspace.asRelativePath(clash)));
  const files = await writeExportFiles(services.files, uris, result.files, token, (done) => {
    const share = READ_SHARE + Math.round((done / uris.length) * (100 - READ_SHARE));
    progress?.report({ increment: share - reported });
    reported = share;
  });
  return { documents: documents.length, files, warnings: result.warnings, skipped, cancelled: files.length < uris.length };
}

/** One notification: what was written, and when anything was left out or skipped, a way to see it all. */
function announce(outcome: ExportOutcome, format: FormatId, target: vscode.Uri): void {
  const where = vscode.workspace.asRelativePath(target, true);
  if (outcome.cancelled) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Export cancelled: {0} files were written to {1}.', outcome.files.length, where));
    return;
  }
  const spans = spansNamedByWarnings(outcome.warnings);
  const lines = [
    vscode.l10n.t('Export of {0} documents to {1} in {2}', outcome.documents, formatById(format)?.displayName ?? format, where),
    '',
    ...outcome.skipped.map((s) => vscode.l10n.t('Skipped: {0}', s)),
    ...outcome.warnings.map((w) => w.message),
  ];
  if (outcome.documents === 0) {
    const message = vscode.l10n.t('Nothing to export: no annotated texts were found.');
    if (outcome.skipped.length === 0) void vscode.window.showInformationMessage(message);
    else void offerReport(vscode.window.showWarningMessage(message, vscode.l10n.t('Show')), lines);
    return;
  }
  const done = vscode.l10n.t('Exported {0} documents to {1}.', outcome.documents, where);
  if (spans === 0 && outcome.skipped.length === 0) {
    // Notes change nothing in the files, but say how the receiving tool must be set up to read them.
    const notes = outcome.warnings.filter((w) => w.notice).length;
    if (notes === 0) void vscode.window.showInformationMessage(done);
    else
      void offerReport(
        vscode.window.showInformationMessage(`${done} ${vscode.l10n.t('{0} notes on reading the files in the receiving tool.', notes)}`, vscode.l10n.t('Show')),
        lines,
      );
    return;
  }
  const parts = [done];
  if (spans > 0) parts.push(vscode.l10n.t('{0} spans left out or changed: the format cannot hold them as they are.', spans));
  if (outcome.skipped.length > 0) parts.push(vscode.l10n.t('{0} documents skipped.', outcome.skipped.length));
  void offerReport(vscode.window.showWarningMessage(parts.join(' '), vscode.l10n.t('Show')), lines);
}
