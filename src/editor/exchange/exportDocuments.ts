import * as vscode from 'vscode';
import type { ExportDocument } from '../../core/formats/formatTypes';
import { annotationsForExport } from '../../core/exchange/annotationsForExport';
import { buildSidecar } from '../../core/sidecar/documentAnnotations';
import { parseSidecar } from '../../core/sidecar/parseSidecar';
import { safeRelativePath } from '../../core/formats/safeRelativePath';
import type { Services } from '../services';
import type { TawsimSettings } from '../settings';
import { basename, isSidecarUri, readTextFile, sidecarUriFor } from '../sidecarFiles';
import { filesUnder, isFolder, pathInFolder } from './folderFiles';

/** What an export reads: its documents, and those it had to skip, each with a sentence saying why. */
export interface CollectedDocuments {
  readonly documents: ExportDocument[];
  readonly skipped: string[];
}

export interface CollectOptions {
  readonly services: Services;
  readonly settings: TawsimSettings;
  /** Export paths are relative to this folder. */
  readonly root: vscode.Uri;
  readonly progress?: (done: number, total: number) => void;
  readonly token?: vscode.CancellationToken;
}

/** A text and the sidecar its annotations come from. */
interface Source {
  readonly text: vscode.Uri;
  readonly sidecar: vscode.Uri;
}

/**
 * The documents for the files and folders chosen. A folder gives every text that has a sidecar
 * under the configured pattern, and every open text annotated in this session; a sidecar gives its
 * own text.
 *
 * Open documents are exported from their store, with the text as the editor holds it: the store's
 * annotations describe exactly that text, unsaved edits included, so the pair is always consistent
 * and the export is what the user sees. Saving first instead would write the user's unsaved text
 * to disk as a side effect of an export. Closed documents are read from disk and their sidecars
 * placed on the text as the editor places them (re-anchored when the text changed outside it).
 */
export async function collectExportDocuments(inputs: readonly vscode.Uri[], options: CollectOptions): Promise<CollectedDocuments> {
  const { settings, root, token } = options;
  const skipped: string[] = [];
  const sources = new Map<string, Source>();
  const add = (text: vscode.Uri, sidecar: vscode.Uri): void => {
    if (!sources.has(text.toString())) sources.set(text.toString(), { text, sidecar });
  };
  for (const input of inputs) {
    if (await isFolder(input)) {
      const files = await filesUnder(input, token);
      const names = new Set(files.map((f) => f.toString()));
      for (const f of files) {
        if (isSidecarUri(f)) continue;
        const sidecar = sidecarFor(f, settings);
        if (sidecar && names.has(sidecar.toString())) add(f, sidecar);
      }
      for (const store of options.services.stores.all()) {
        const annotated = store.tracked.size > 0 || store.tracked.orphans.length > 0;
        if (annotated && pathInFolder(input, store.uri) !== undefined) add(store.uri, store.sidecarUri);
      }
    } else if (isSidecarUri(input)) {
      const text = await textOfSidecar(input, skipped);
      if (text) add(text, input);
    } else {
      const sidecar = sidecarFor(input, settings);
      if (sidecar) add(input, sidecar);
      else skipped.push(vscode.l10n.t('{0}: the sidecar pattern gives no valid file name', basename(input)));
    }
  }

  const documents: ExportDocument[] = [];
  const list = [...sources.values()];
  for (const [i, source] of list.entries()) {
    if (token?.isCancellationRequested) break;
    const path = pathInFolder(root, source.text) ?? basename(source.text);
    try {
      const doc = await readDocument(options.services, source, path, skipped);
      if (doc) documents.push(doc);
    } catch (e) {
      skipped.push(vscode.l10n.t('{0}: {1}', path, (e as Error).message));
    }
    options.progress?.(i + 1, list.length);
  }
  documents.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { documents, skipped };
}

function sidecarFor(text: vscode.Uri, settings: TawsimSettings): vscode.Uri | undefined {
  try {
    return sidecarUriFor(text, settings.annotator, settings.sidecarPattern);
  } catch {
    return undefined;
  }
}

async function textOfSidecar(sidecar: vscode.Uri, skipped: string[]): Promise<vscode.Uri | undefined> {
  const parsed = parseSidecar((await readTextFile(sidecar)) ?? '');
  if (!parsed.sidecar) {
    skipped.push(problemLine(basename(sidecar), parsed.problems));
    return undefined;
  }
  const safe = safeRelativePath(parsed.sidecar.document.path);
  if (!safe.ok) {
    skipped.push(vscode.l10n.t('{0}: document.path cannot be used: {1}', basename(sidecar), safe.reason));
    return undefined;
  }
  return vscode.Uri.joinPath(sidecar, '..', ...safe.path.split('/'));
}

async function readDocument(services: Services, source: Source, path: string, skipped: string[]): Promise<ExportDocument | undefined> {
  const store = services.stores.get(source.text);
  const open = store && store.loaded && store.sidecarUri.toString() === source.sidecar.toString() ? services.stores.documentOf(store) : undefined;
  if (store && open) {
    if (!store.writable && store.problems.some((p) => p.severity === 'error')) {
      skipped.push(problemLine(basename(store.sidecarUri), store.problems));
      return undefined;
    }
    const text = open.getText();
    const sidecar = buildSidecar({ path: basename(store.uri), annotator: store.annotator }, text, store.tracked.all, store.tracked.orphans, store.tracked.relations);
    return {
      path,
      text,
      annotations: sidecar.annotations,
      ...(sidecar.relations ? { relations: sidecar.relations } : {}),
      annotator: store.annotator,
      ...(store.documentDate ? { date: store.documentDate } : {}),
    };
  }
  const content = await readTextFile(source.sidecar);
  if (content === undefined) {
    skipped.push(vscode.l10n.t('{0}: has no sidecar ({1})', path, basename(source.sidecar)));
    return undefined;
  }
  const parsed = parseSidecar(content, { labels: services.labels() });
  if (!parsed.sidecar) {
    skipped.push(problemLine(basename(source.sidecar), parsed.problems));
    return undefined;
  }
  const text = await readTextFile(source.text);
  if (text === undefined) {
    skipped.push(vscode.l10n.t('{0}: the text of {1} is missing', path, basename(source.sidecar)));
    return undefined;
  }
  const date = parsed.sidecar.document.date;
  const relations = parsed.sidecar.relations ?? [];
  return {
    path,
    text,
    annotations: annotationsForExport(parsed.sidecar, text),
    ...(relations.length ? { relations } : {}),
    annotator: parsed.sidecar.annotator,
    ...(date !== undefined ? { date } : {}),
  };
}

function problemLine(file: string, problems: readonly { message: string; line?: number; severity: string }[]): string {
  const p = problems.find((q) => q.severity === 'error') ?? problems[0];
  return vscode.l10n.t('{0}, line {1}: {2}', file, p?.line ?? 1, p?.message ?? vscode.l10n.t('the sidecar cannot be read'));
}
