import * as vscode from 'vscode';
import type { AnnotationDocument } from './annotationDocument';
import type { SyncReporter } from './sidecarSync';
import { basename } from './sidecarFiles';
import { CommandId } from './commandIds';

/**
 * Sidecar problems and orphaned annotations, as diagnostics in the Problems panel and, when they
 * first appear, as notifications.
 */
export class ProblemReporter implements SyncReporter, vscode.Disposable {
  readonly diagnostics = vscode.languages.createDiagnosticCollection('tawsim');
  /** Sidecars whose breakage the user has already been told about, so a save does not repeat it. */
  private readonly told = new Set<string>();
  sidecarBroken(store: AnnotationDocument): void {
    this.publish(store);
    const key = store.sidecarUri.toString();
    if (this.told.has(key)) return;
    this.told.add(key);
    const first = store.problems.find((p) => p.severity === 'error');
    const where = `${basename(store.sidecarUri)}:${first?.line ?? 1}`;
    const open = vscode.l10n.t('Open Sidecar');
    const recover = vscode.l10n.t('Save to Recovery File');
    void vscode.window
      .showErrorMessage(vscode.l10n.t('Tawsim: {0}: {1}. The file will not be overwritten until it is fixed.', where, first?.message ?? ''), open, recover)
      .then((choice) => {
        if (choice === open) void vscode.commands.executeCommand(CommandId.openSidecar, { uri: store.uri.toString() });
        if (choice === recover) void vscode.commands.executeCommand(CommandId.saveRecovered, { uri: store.uri.toString() });
      });
  }

  mergeConflictsFound(store: AnnotationDocument, count: number): void {
    this.publish(store);
    const key = store.sidecarUri.toString();
    if (this.told.has(key)) return;
    this.told.add(key);
    const resolve = vscode.l10n.t('Resolve…');
    const open = vscode.l10n.t('Open Sidecar');
    void vscode.window
      .showWarningMessage(
        vscode.l10n.t(
          '{0} has {1} merge conflicts from git. Its annotations are shown once they are resolved; the file is not changed until then.',
          basename(store.sidecarUri),
          count,
        ),
        resolve,
        open,
      )
      .then((choice) => {
        if (choice === resolve) void vscode.commands.executeCommand(CommandId.resolveConflicts, { uri: store.uri.toString() });
        if (choice === open) void vscode.commands.executeCommand(CommandId.openSidecar, { uri: store.uri.toString() });
      });
  }

  orphansFound(store: AnnotationDocument, count: number): void {
    this.publish(store);
    const show = vscode.l10n.t('Show');
    void vscode.window
      .showWarningMessage(vscode.l10n.t('{0} annotations of {1} could not be placed in the changed text; they are kept as orphans.', count, basename(store.uri)), show)
      .then((choice) => {
        if (choice === show) void vscode.commands.executeCommand(CommandId.showOrphans, { uri: store.uri.toString() });
      });
  }

  recovered(store: AnnotationDocument, from: vscode.Uri): void {
    void vscode.window.showWarningMessage(vscode.l10n.t('{0} was missing after an interrupted write; it was recovered from {1}.', basename(store.sidecarUri), basename(from)));
  }

  /** A store's state or annotations changed: its diagnostics follow. */
  update(store: AnnotationDocument): void {
    if (store.writable) this.told.delete(store.sidecarUri.toString());
    this.publish(store);
  }

  private publish(store: AnnotationDocument): void {
    this.diagnostics.set(
      store.sidecarUri,
      store.problems.map((p) => {
        const line = Math.max(0, (p.line ?? 1) - 1);
        const col = Math.max(0, (p.column ?? 1) - 1);
        const d = new vscode.Diagnostic(
          new vscode.Range(line, col, line, col + 1),
          p.message,
          p.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning,
        );
        d.source = 'Tawsim';
        return d;
      }),
    );
    this.diagnostics.set(
      store.uri,
      store.tracked.orphans.map((o) => {
        const d = new vscode.Diagnostic(
          new vscode.Range(0, 0, 0, 0),
          vscode.l10n.t('Orphaned {0} annotation «{1}» ({2}): its text is no longer in the document; it is kept in the sidecar.', o.label, o.text, o.id),
          vscode.DiagnosticSeverity.Warning,
        );
        d.source = 'Tawsim';
        return d;
      }),
    );
  }

  /** The store is gone (its document closed): its orphans are no longer shown. */
  forget(store: AnnotationDocument): void {
    this.diagnostics.delete(store.uri);
  }

  dispose(): void {
    this.diagnostics.dispose();
  }
}
