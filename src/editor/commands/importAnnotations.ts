import * as vscode from 'vscode';
import type { BratDiscontinuous, FormatId, ImportOptions, ImportedDocument, SourceDocument } from '../../core/formats/formatTypes';
import { formatById } from '../../core/formats/formatRegistry';
import { importFile } from '../../core/formats/importFormat';
import { importDocuments } from '../../core/exchange/importDocuments';
import { defaultImportAnnotator } from '../../core/exchange/importAnnotator';
import type { ExistingSidecarChoice } from '../../core/exchange/importedSidecar';
import type { AnnotatorChoice } from '../../core/exchange/importSets';
import { ImportSets, parseAnnotatorChoice } from '../../core/exchange/importSets';
import type { Services } from '../services';
import type { TawsimSettings } from '../settings';
import { readSettings } from '../settings';
import { basename, readTextFile } from '../sidecarFiles';
import type { ImportArgs } from '../exchange/exchangeArgs';
import { explorerSelection, uriFromArg } from '../exchange/exchangeArgs';
import { isFolder, pathInFolder } from '../exchange/folderFiles';
import { readTexts } from '../exchange/importTexts';
import { askAnnotator, pickImportFiles, pickImportFormat, pickTextsFolder } from '../exchange/importPrompts';
import type { ImportTarget } from '../exchange/importSidecars';
import { planSidecarWrites, renderSidecarWrite } from '../exchange/importSidecars';
import { offerReport } from '../exchange/showReport';
import { readCompanions } from '../exchange/importCompanions';
import { offsetUnitOf, pickDoccanoOffsets } from '../exchange/offsetsPick';
import { readReviewSettings } from '../review/reviewSettings';

/** What an import wrote, for tests and other extensions. */
export interface ImportOutcome {
  readonly sidecars: readonly vscode.Uri[];
  readonly annotations: number;
  /** What the files held that sidecars do not keep (relations, other result types). */
  readonly warnings: readonly string[];
}

/** One imported file's sets, before their annotators are named. */
interface FileResult {
  readonly name: string;
  readonly documents: readonly ImportedDocument[];
  readonly textPath: (documentPath: string) => string;
}

/** The imported files read and matched to texts, before anything is written. */
interface Prepared {
  readonly texts: SourceDocument[];
  readonly results: FileResult[];
  readonly errors: string[];
  readonly warnings: string[];
  /** A brat file has spans in several fragments and no choice was made for them. */
  readonly discontinuous: boolean;
}

/**
 * Tawsim: Import… — annotations from brat, CoNLL, doccano, Label Studio, CSV, Tawsim JSON,
 * WebAnno TSV, spaCy/Prodigy JSONL or TimeML become sidecars beside the texts, one per text and annotator
 * the file names (Label Studio's ground truth as the gold sidecar). All or nothing: any error in
 * any file and nothing is written; a sidecar already in place is replaced or merged into only
 * when the user says so. Open documents pick the new
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
  const choice = parseAnnotatorChoice(args.annotator);
  if ('error' in choice) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The annotator argument cannot be used: {0}', choice.error));
    return undefined;
  }
  // Called with its arguments the command asks nothing (a keybinding, a test): options keep their defaults.
  const interactive = args.format === undefined;
  let options = await formatOptions(format, args, interactive);
  if (!options) return undefined;
  const settings = readSettings(into);
  const read = (opts: ImportOptions): Thenable<Prepared | undefined> =>
    vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Importing {0}', definition.displayName), cancellable: true },
      (_progress, token) => prepare(format, files, into, settings, opts, token),
    );
  let prepared = await read(options);
  if (!prepared) return undefined;
  if (prepared.discontinuous && interactive) {
    const mode = await pickDiscontinuous();
    if (!mode) return undefined;
    options = { ...options, brat: { ...options.brat, discontinuous: mode } };
    prepared = await read(options);
    if (!prepared) return undefined;
  }
  if (prepared.errors.length > 0) return failed(prepared.errors);
  // Sets the files name nobody for go under one name: the argument's, else the one the user confirms.
  const unnamed = prepared.results.some((r) => r.documents.some((d) => d.annotator === undefined));
  let fallback = choice.single ?? defaultImportAnnotator(basename(firstFile), definition.manyDocumentsPerFile);
  if (unnamed && choice.single === undefined) {
    const asked = await askAnnotator(fallback);
    if (!asked) return undefined;
    fallback = asked;
  }
  const targets = importTargets(prepared, choice, fallback, into, settings.sidecarPattern);
  if ('errors' in targets) return failed(targets.errors);
  const planned = await planSidecarWrites(targets, services.labels());
  if (planned.errors.length > 0) return failed(planned.errors);

  const existing = planned.writes.filter((w) => w.existing);
  let existingChoice: ExistingSidecarChoice = 'replace';
  if (existing.length > 0) {
    const answer = args.existing ?? (await askAboutExisting(existing.map((w) => vscode.workspace.asRelativePath(w.uri))));
    if (answer === undefined || answer === 'cancel') return undefined;
    existingChoice = answer;
  }
  const sidecars: vscode.Uri[] = [];
  const changedMeanwhile: string[] = [];
  let annotations = 0;
  for (const write of planned.writes) {
    const { content, count } = renderSidecarWrite(write, existingChoice);
    // Only over the version that was planned against: a sidecar another writer changed since is left alone.
    const outcome = await services.files.writeChecked(write.uri, write.existingContent, content);
    if (!outcome.written) {
      changedMeanwhile.push(vscode.l10n.t('{0}: changed on disk during the import; not written (import again)', vscode.workspace.asRelativePath(write.uri)));
      continue;
    }
    sidecars.push(write.uri);
    annotations += count;
  }
  if (changedMeanwhile.length > 0) prepared.warnings.push(...changedMeanwhile);
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
async function prepare(
  format: FormatId,
  files: readonly vscode.Uri[],
  into: vscode.Uri,
  settings: TawsimSettings,
  options: ImportOptions,
  token: vscode.CancellationToken,
): Promise<Prepared | undefined> {
  const texts = await readTexts(into, settings, token);
  const errors: string[] = [];
  const warnings: string[] = [];
  const results: FileResult[] = [];
  let discontinuous = false;
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
    const companions = await readCompanions(format, file, options);
    if (companions.error !== undefined) {
      errors.push(companions.error);
      continue;
    }
    const inFolder = pathInFolder(into, file);
    const source = { name, ...(inFolder !== undefined ? { pathInFolder: inFolder } : {}), content, ...(companions.conllPaths ? { conllPaths: companions.conllPaths } : {}) };
    const plan = importDocuments(format, source, texts);
    if ('message' in plan) {
      errors.push(plan.message);
      continue;
    }
    const result = importFile(format, { content, fileName: name, documents: plan.documents, labels: settings.labels, options: companions.options });
    discontinuous ||= result.errors.some((e) => e.code === 'brat-discontinuous');
    errors.push(...result.errors.map((e) => e.message));
    warnings.push(...result.warnings);
    results.push({ name, documents: result.documents, textPath: plan.textPath });
  }
  return { texts, results, errors, warnings, discontinuous };
}

/** The sidecars to write: one per text and annotator (and gold), named and placed by the patterns. */
function importTargets(prepared: Prepared, choice: AnnotatorChoice, fallback: string, into: vscode.Uri, pattern: string): ImportTarget[] | { errors: string[] } {
  const sets = new ImportSets(choice);
  for (const r of prepared.results) sets.add(r.name, r.documents, r.textPath, fallback);
  const errors = [...sets.errors];
  const goldPattern = readReviewSettings(into).goldPattern;
  const targets: ImportTarget[] = [];
  for (const set of sets.sets) {
    const text = prepared.texts.find((t) => t.path === set.textPath);
    if (!text) {
      errors.push(vscode.l10n.t('{0}: no text {1} in the folder', set.from, set.textPath));
      continue;
    }
    targets.push({
      text,
      textUri: vscode.Uri.joinPath(into, ...set.textPath.split('/')),
      from: set.from,
      annotator: set.annotator,
      pattern: sets.patternFor(set, pattern, goldPattern),
      annotations: set.annotations,
      ...(set.relations ? { relations: set.relations } : {}),
      ...(set.date !== undefined ? { date: set.date } : {}),
    });
  }
  return errors.length ? { errors } : targets;
}

/** Options the format takes: from the arguments, else asked when `ask` (doccano's offset unit), else the defaults. Undefined when the user cancels. */
async function formatOptions(format: FormatId, args: ImportArgs, ask: boolean): Promise<ImportOptions | undefined> {
  if (format === 'doccano') {
    const offsets = args.offsets !== undefined ? offsetUnitOf(args.offsets) : ask ? await pickDoccanoOffsets() : 'utf16';
    return offsets ? { doccano: { offsets } } : undefined;
  }
  if (format === 'brat' && args.discontinuous !== undefined) return { brat: { discontinuous: args.discontinuous } };
  if (format === 'csv' && args.formulaGuard === false) return { csv: { formulaGuard: false } };
  return {};
}

async function pickDiscontinuous(): Promise<BratDiscontinuous | undefined> {
  const picked = await vscode.window.showQuickPick(
    [
      { label: vscode.l10n.t('One span from the first fragment to the last'), value: 'cover' as const },
      { label: vscode.l10n.t('One annotation per fragment, each with a note'), value: 'fragments' as const },
      { label: vscode.l10n.t('Leave them out (listed)'), value: 'skip' as const },
    ],
    { placeHolder: vscode.l10n.t('The brat file has spans in several fragments; Tawsim spans are contiguous') },
  );
  return picked?.value;
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
