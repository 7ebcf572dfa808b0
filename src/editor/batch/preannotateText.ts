import * as vscode from 'vscode';
import type { Gazetteer } from '../../core/recognize/gazetteer';
import { preannotateSidecar, suggestionsToAdd } from '../../core/recognize/preannotate';
import { chooseDocumentDate, learnedFromAnnotations, recognizeDocument } from '../../core/recognize/recognizeDocument';
import { parseSidecar } from '../../core/sidecar/parseSidecar';
import { serializeSidecar } from '../../core/sidecar/serializeSidecar';
import type { SidecarProblem } from '../../core/sidecar/sidecarTypes';
import type { AnnotationDocument } from '../annotationDocument';
import type { Services } from '../services';
import type { TawsimSettings } from '../settings';
import { basename, readTextFile, sidecarUriFor } from '../sidecarFiles';

/** What pre-annotating one text did. */
export type TextOutcome =
  | { readonly kind: 'sidecar'; readonly added: number; readonly written: boolean }
  | { readonly kind: 'open'; readonly added: number }
  | { readonly kind: 'skipped'; readonly reason: string };

export interface PreannotateContext {
  readonly services: Services;
  readonly settings: TawsimSettings;
  /** The labels to suggest: the recogniser's that the label set has. */
  readonly labels: readonly string[];
  readonly gazetteers: readonly Gazetteer[];
}

const BINARY_PROBE_CHARS = 8000;
/** Attempts at writing a closed text's sidecar when another writer keeps changing it. */
const WRITE_ATTEMPTS = 3;

/**
 * Adds the recogniser's suggestions to one text's annotations, by the rules of `tawsim annotate`.
 * An open text goes through its store, so the editor stays the only writer of its sidecar (and
 * the change can be undone like any other); a closed one has its sidecar read, merged and written
 * here, never over a broken sidecar or one of a newer Tawsim.
 */
export async function preannotateText(context: PreannotateContext, uri: vscode.Uri): Promise<TextOutcome> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) {
    const store = await context.services.stores.ensure(open, true);
    if (store) return preannotateStore(context, store, open);
  }
  const where = vscode.workspace.asRelativePath(uri);
  let text: string | undefined;
  let sidecarUri: vscode.Uri;
  try {
    text = await readTextFile(uri);
    sidecarUri = sidecarUriFor(uri, context.settings.annotator, context.settings.sidecarPattern);
  } catch (e) {
    return { kind: 'skipped', reason: vscode.l10n.t('{0}: {1}', where, (e as Error).message) };
  }
  if (text === undefined) return { kind: 'skipped', reason: vscode.l10n.t('{0}: the file no longer exists', where) };
  // NUL bytes are valid UTF-8 but mean an image or an archive named like a text, as git judges.
  if (text.slice(0, BINARY_PROBE_CHARS).includes('\u0000')) return { kind: 'skipped', reason: vscode.l10n.t('{0}: a binary file, not a text', where) };
  for (let attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
    let content: string | undefined;
    try {
      content = await readTextFile(sidecarUri);
    } catch (e) {
      return { kind: 'skipped', reason: vscode.l10n.t('{0}, line {1}: {2}', vscode.workspace.asRelativePath(sidecarUri), 1, (e as Error).message) };
    }
    const parsed = content === undefined ? undefined : parseSidecar(content, { labels: context.services.labels() });
    if (parsed && (!parsed.sidecar || !parsed.writable)) return { kind: 'skipped', reason: unwritable(sidecarUri, parsed.problems) };
    const result = preannotateSidecar({
      text,
      textName: basename(uri),
      annotator: context.settings.annotator,
      labels: context.labels,
      gazetteers: context.gazetteers,
      ...(parsed?.sidecar ? { existing: parsed.sidecar } : {}),
    });
    // Like the editor: no empty sidecar for a text nothing was found in.
    if (content === undefined && result.sidecar.annotations.length === 0) return { kind: 'sidecar', added: 0, written: false };
    const next = serializeSidecar(result.sidecar);
    if (next === content) return { kind: 'sidecar', added: 0, written: false };
    const nowOpen = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    const store = nowOpen && (await context.services.stores.ensure(nowOpen, true));
    if (nowOpen && store) return preannotateStore(context, store, nowOpen);
    // Another writer (a save in another window, the command line) may have changed it meanwhile:
    // then start again from theirs, which keeps their change and adds what is still missing.
    const outcome = await context.services.files.writeChecked(sidecarUri, content, next);
    if (!outcome.written) continue;
    return { kind: 'sidecar', added: result.added, written: true };
  }
  return { kind: 'skipped', reason: vscode.l10n.t('{0}: the sidecar kept changing on disk; run again', vscode.workspace.asRelativePath(sidecarUri)) };
}

function preannotateStore(context: PreannotateContext, store: AnnotationDocument, document: vscode.TextDocument): TextOutcome {
  if (!store.writable) return { kind: 'skipped', reason: unwritable(store.sidecarUri, store.problems) };
  const text = document.getText();
  const date = chooseDocumentDate(text, undefined, store.documentDate);
  const spans = recognizeDocument(text, {
    labels: context.labels,
    gazetteers: context.gazetteers,
    learned: learnedFromAnnotations(store.tracked.all),
    ...(date !== undefined ? { documentDate: date } : {}),
  });
  const added = suggestionsToAdd([...store.tracked.all, ...store.tracked.orphans], spans, (id) => store.tracked.hasUsed(id));
  if (added.length > 0) store.apply({ put: added });
  return { kind: 'open', added: added.length };
}

function unwritable(sidecarUri: vscode.Uri, problems: readonly SidecarProblem[]): string {
  const p = problems.find((q) => q.severity === 'error') ?? problems[0];
  return vscode.l10n.t(
    '{0}, line {1}: {2} (a sidecar that cannot be read is not written until it is fixed)',
    vscode.workspace.asRelativePath(sidecarUri),
    p?.line ?? 1,
    p?.message ?? vscode.l10n.t('the sidecar cannot be read'),
  );
}
