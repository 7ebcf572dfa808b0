import * as vscode from 'vscode';
import type { FormatId } from '../../core/formats/formatTypes';
import { formatById } from '../../core/formats/formatRegistry';
import { importFile } from '../../core/formats/importFormat';
import { importDocuments } from '../../core/exchange/importDocuments';
import { defaultImportAnnotator } from '../../core/exchange/importAnnotator';
import type { ExistingSidecarChoice } from '../../core/exchange/importedSidecar';
import type { Services } from '../services';
import type { TawsimSettings } from '../settings';
import { readSettings } from '../settings';
import { basename, readTextFile, writeTextFileAtomic } from '../sidecarFiles';
import type { ImportArgs } from '../exchange/exchangeArgs';
import { explorerSelection, uriFromArg } from '../exchange/exchangeArgs';
import { isFolder, pathInFolder } from '../exchange/folderFiles';
import { readTexts } from '../exchange/importTexts';
import { askAnnotator, pickImportFiles, pickImportFormat, pickTextsFolder } from '../exchange/importPrompts';
import type { ImportTarget } from '../exchange/importSidecars';
import { planSidecarWrites, renderSidecarWrite } from '../exchange/importSidecars';
import { offerReport } from '../exchange/showReport';

/** What an import wrote, for tests and other extensions. */
export interface ImportOutcome {
  readonly sidecars: readonly vscode.Uri[];
  readonly annotations: number;
  /** What the files held that sidecars do not keep (relations, other result types). */
  readonly warnings: readonly string[];
}

/** The imported files read and matched to texts, before anything is written. */
interface Prepared {
  readonly targets: ImportTarget[];
  readonly errors: string[];
  readonly warnings: string[];
}

/**
 * Tawsim: Import… — annotations from brat, CoNLL, doccano, Label Studio or TimeML become sidecars beside
 * the texts. All or nothing: any error in any file and nothing is written; a sidecar already in
 * place is replaced or merged into only when the user says so. Open documents pick the new
 * sidecars up through the file watcher, which asks when they hold unsaved annotation changes.
 */
export async function importAnnotations(services: Services, first?: ImportArgs | vscode.Uri, second?: unknown): Promise<ImportOutcome | undefined> {
  const selection = explorerSelection(first, second);
  const args: ImportArgs = selection || first instanceof vscode.Uri ? {} : (first ?? {});
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Tawsim writes no files in an untrusted workspace.'));
    return undefined;
  }
  // From the Explorer, a selected folder is where the texts are and selected files are what to import.
  const selectedFolders: vscode.Uri[] = [];
  const selectedFiles: vscode.Uri[] = [];
  for (const uri of selection ?? []) ((await isFolder(uri)) ? selectedFolders : selectedFiles).push(uri);
  const files = args.files?.map(uriFromArg) ?? (selectedFiles.length > 0 ? selectedFiles : await pickImportFiles());
  const [firstFile] = files ?? [];
  if (!files || !firstFile) return undefined;
  const format = args.format ?? (await pickImportFormat(files));
  if (!format) return undefined;
  const definition = formatById(format);
  if (!definition?.capabilities.canImport) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Tawsim cannot import the format "{0}".', format));
    return undefined;
  }
  const into = args.into ? uriFromArg(args.into) : (selectedFolders[0] ?? (await pickTextsFolder(firstFile)));
  if (!into) return undefined;
  const annotator = args.annotator ?? (await askAnnotator(defaultImportAnnotator(basename(firstFile), definition.manyDocumentsPerFile)));
  if (!annotator) return undefined;
  const settings = readSettings(into);

  const prepared = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Importing {0}', definition.displayName), cancellable: true },
    (_progress, token) => prepare(format, files, into, settings, token),
  );
  if (!prepared) return undefined;
  if (prepared.errors.length > 0) return failed(prepared.errors);
  const planned = await planSidecarWrites(prepared.targets, annotator, settings, services.labels());
  if (planned.errors.length > 0) return failed(planned.errors);

  const existing = planned.writes.filter((w) => w.existing);
  let choice: ExistingSidecarChoice = 'replace';
  if (existing.length > 0) {
    const answer = args.existing ?? (await askAboutExisting(existing.map((w) => vscode.workspace.asRelativePath(w.uri))));
    if (answer === undefined || answer === 'cancel') return undefined;
    choice = answer;
  }
  const sidecars: vscode.Uri[] = [];
  let annotations = 0;
  for (const write of planned.writes) {
    const { content, count } = renderSidecarWrite(write, annotator, choice);
    await writeTextFileAtomic(write.uri, content);
    sidecars.push(write.uri);
    annotations += count;
  }
  services.log.info(`Imported ${annotations} annotations from ${files.map((f) => f.toString()).join(', ')} into ${sidecars.length} sidecars`);
  const done = vscode.l10n.t('Imported {0} annotations into {1} sidecars.', annotations, sidecars.length);
  if (prepared.warnings.length === 0) void vscode.window.showInformationMessage(done);
  else
    void offerReport(
      vscode.window.showWarningMessage(`${done} ${vscode.l10n.t('Some content was not imported: {0} warnings.', prepared.warnings.length)}`, vscode.l10n.t('Show')),
      prepared.warnings,
    );
  return { sidecars, annotations, warnings: prepared.warnings };
}

/** Reads the texts and every file, and matches documents to texts. Undefined when cancelled. */
async function prepare(format: FormatId, files: readonly vscode.Uri[], into: vscode.Uri, settings: TawsimSettings, token: vscode.CancellationToken): Promise<Prepared | undefined> {
  const texts = await readTexts(into, settings, token);
  const errors: string[] = [];
  const warnings: string[] = [];
  const targets = new Map<string, ImportTarget>();
  for (const file of files) {
    if (token.isCancellationRequested) return undefined;
    const name = vscode.workspace.asRelativePath(file);
    let content: string | undefined;
    try {
      content = await readTextFile(file);
    } catch (e) {
      errors.push(vscode.l10n.t('{0}: {1}', name, (e as Error).message));
      continue;
    }
    if (content === undefined) {
      errors.push(vscode.l10n.t('{0}: the file does not exist', name));
      continue;
    }
    const inFolder = pathInFolder(into, file);
    const plan = importDocuments(format, { name, ...(inFolder !== undefined ? { pathInFolder: inFolder } : {}), content }, texts);
    if ('message' in plan) {
      errors.push(plan.message);
      continue;
    }
    const result = importFile(format, { content, fileName: name, documents: plan.documents, labels: settings.labels });
    errors.push(...result.errors.map((e) => e.message));
    warnings.push(...result.warnings);
    for (const doc of result.documents) {
      const path = plan.textPath(doc.path);
      const text = texts.find((t) => t.path === path);
      const earlier = targets.get(path);
      if (!text) {
        errors.push(vscode.l10n.t('{0}: no text {1} in the folder', name, path));
        continue;
      }
      if (earlier) {
        errors.push(vscode.l10n.t('{0} gets annotations from both {1} and {2}; import them one at a time', path, earlier.from, name));
        continue;
      }
      targets.set(path, {
        text,
        textUri: vscode.Uri.joinPath(into, ...path.split('/')),
        from: name,
        annotations: doc.annotations,
        ...(doc.date !== undefined ? { date: doc.date } : {}),
      });
    }
  }
  return { targets: [...targets.values()], errors, warnings };
}

/** The first error in the notification (it names the file, line and problem); all of them on request. */
function failed(errors: readonly string[]): undefined {
  const message =
    errors.length === 1
      ? vscode.l10n.t('Nothing was imported. {0}', errors[0] ?? '')
      : vscode.l10n.t('Nothing was imported. {0} (and {1} more problems)', errors[0] ?? '', errors.length - 1);
  void offerReport(vscode.window.showErrorMessage(message, vscode.l10n.t('Show All')), errors);
  return undefined;
}

async function askAboutExisting(names: readonly string[]): Promise<ExistingSidecarChoice | undefined> {
  const replace = vscode.l10n.t('Replace');
  const merge = vscode.l10n.t('Merge');
  const shown = names.length > 3 ? `${names.slice(0, 3).join(', ')}, …` : names.join(', ');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('{0} sidecars already exist ({1}). Replace them with the imported annotations, or merge the imported annotations into them?', names.length, shown),
    { modal: true, detail: vscode.l10n.t('Merging keeps every annotation already there; an imported span with the same place and label is not added twice.') },
    replace,
    merge,
  );
  return answer === replace ? 'replace' : answer === merge ? 'merge' : undefined;
}
