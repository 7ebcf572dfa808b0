import * as vscode from 'vscode';
import type { AnnotationDocument } from './annotationDocument';
import { readTextFile, writeTextFileAtomic, basename } from './sidecarFiles';
import { parseSidecar } from '../core/sidecar/parseSidecar';
import { serializeSidecar } from '../core/sidecar/serializeSidecar';
import { buildSidecar, placeSidecarAnnotations } from '../core/sidecar/documentAnnotations';
import { mergeAnnotations } from '../core/sidecar/mergeAnnotations';
import type { LabelDefinition } from '../core/model/labels';
import type { Annotation } from '../core/model/annotation';
import type { Logger } from './logger';

/** What the user hears about loading and saving; kept apart so tests and views can follow it. */
export interface SyncReporter {
  sidecarBroken(store: AnnotationDocument): void;
  orphansFound(store: AnnotationDocument, count: number): void;
  stateChanged(store: AnnotationDocument): void;
}

/**
 * Reading and writing one document's sidecar: load with validation and re-anchoring, atomic
 * writes that never overwrite a broken or foreign-changed file silently, and reloads when the
 * file changes on disk.
 */
export class SidecarSync {
  /** Per sidecar, the write in progress, so writes never interleave. */
  private readonly writing = new Map<string, Promise<void>>();

  constructor(
    private readonly labels: () => readonly LabelDefinition[],
    private readonly reporter: SyncReporter,
    private readonly log: Logger,
    /** `merge` answers the keep/take/merge question without asking (automation, headless hosts). */
    private readonly conflict: () => 'ask' | 'merge' = () => 'ask',
  ) {}

  async load(store: AnnotationDocument, document: vscode.TextDocument): Promise<void> {
    let content: string | undefined;
    try {
      content = await readTextFile(store.sidecarUri);
    } catch (e) {
      this.markBroken(store, [{ message: (e as Error).message, line: 1, severity: 'error' }], undefined);
      return;
    }
    this.applyContent(store, document, content, true);
  }

  /** Takes a sidecar's content as the document's annotations (on load, or "take theirs"). */
  private applyContent(store: AnnotationDocument, document: vscode.TextDocument, content: string | undefined, isLoad: boolean): void {
    if (content === undefined) {
      store.problems = [];
      store.writable = true;
      store.reset([], undefined);
      this.reporter.stateChanged(store);
      return;
    }
    const parsed = parseSidecar(content, { labels: this.labels() });
    if (!parsed.sidecar) {
      this.markBroken(store, parsed.problems, content);
      return;
    }
    const placed = placeSidecarAnnotations(parsed.sidecar, document.getText());
    store.problems = parsed.problems;
    store.writable = parsed.writable;
    store.documentDate = parsed.sidecar.document.date;
    store.reset(placed.annotations, content);
    this.log.info(`Loaded ${basename(store.sidecarUri)}: ${placed.annotations.length} annotations, ${placed.moved} re-anchored, ${placed.orphans} orphans`);
    if (placed.orphans > 0 && isLoad) this.reporter.orphansFound(store, placed.orphans);
    if (placed.textChanged || placed.moved > 0) {
      // The sidecar described another text; it must describe this one once written.
      store.unsaved = true;
    }
    this.reporter.stateChanged(store);
  }

  private markBroken(store: AnnotationDocument, problems: AnnotationDocument['problems'], content: string | undefined): void {
    store.problems = problems;
    store.writable = false;
    store.reset([], content);
    this.log.warn(`Sidecar ${store.sidecarUri.toString()} not loaded: ${problems.map((p) => `line ${p.line ?? '?'}: ${p.message}`).join('; ')}`);
    this.reporter.sidecarBroken(store);
    this.reporter.stateChanged(store);
  }

  /**
   * Writes the sidecar for the document as it is on disk (call only when the document is not
   * dirty). Queued behind any write in progress for the same file.
   */
  write(store: AnnotationDocument, document: vscode.TextDocument): Promise<void> {
    const key = store.sidecarUri.toString();
    const previous = this.writing.get(key) ?? Promise.resolve();
    const next = previous
      .then(() => this.writeNow(store, document))
      .catch((e: unknown) => {
        this.log.error(`Writing ${key} failed: ${(e as Error).message}`);
        void vscode.window.showErrorMessage(vscode.l10n.t('Tawsim could not write {0}: {1}', basename(store.sidecarUri), (e as Error).message));
      });
    this.writing.set(key, next);
    return next;
  }

  private async writeNow(store: AnnotationDocument, document: vscode.TextDocument): Promise<void> {
    if (!vscode.workspace.isTrusted) return;
    if (!store.writable) {
      if (store.unsaved) this.reporter.sidecarBroken(store);
      return;
    }
    const onDisk = await readTextFile(store.sidecarUri).catch(() => undefined);
    if (onDisk !== undefined && onDisk !== store.diskContent) {
      const keepGoing = await this.resolveConflict(store, document, onDisk);
      if (!keepGoing) return;
    }
    if (store.tracked.size === 0 && store.tracked.orphans.length === 0 && onDisk === undefined) {
      // Nothing to keep and no file yet: do not litter the folder with empty sidecars.
      store.unsaved = false;
      this.reporter.stateChanged(store);
      return;
    }
    const content = this.render(store, document);
    if (content !== onDisk) await writeTextFileAtomic(store.sidecarUri, content);
    store.diskContent = content;
    store.unsaved = false;
    this.log.info(`Wrote ${basename(store.sidecarUri)}: ${store.tracked.size} annotations`);
    this.reporter.stateChanged(store);
  }

  render(store: AnnotationDocument, document: vscode.TextDocument): string {
    const header = { path: basename(store.uri), annotator: store.annotator, ...(store.documentDate ? { date: store.documentDate } : {}) };
    return serializeSidecar(buildSidecar(header, document.getText(), store.tracked.all, store.tracked.orphans));
  }

  /**
   * The sidecar changed on disk since we read or wrote it (a git pull, another annotator, the
   * command line). Without unsaved changes of ours, theirs is taken; otherwise the user chooses.
   * Returns whether our version should now be written.
   */
  async resolveConflict(store: AnnotationDocument, document: vscode.TextDocument, theirs: string): Promise<boolean> {
    const parsed = parseSidecar(theirs, { labels: this.labels() });
    if (!parsed.sidecar) {
      this.markBrokenKeepingAnnotations(store, parsed.problems, theirs);
      return false;
    }
    if (!store.unsaved) {
      this.applyContent(store, document, theirs, false);
      return false;
    }
    const keep = vscode.l10n.t('Keep Mine');
    const take = vscode.l10n.t('Take Theirs');
    const merge = vscode.l10n.t('Merge Both');
    let choice: string | undefined = this.conflict() === 'merge' ? merge : undefined;
    if (choice === undefined) {
      try {
        choice = await vscode.window.showWarningMessage(
          vscode.l10n.t('{0} was changed on disk while you had unsaved annotation changes. Which annotations should be kept?', basename(store.sidecarUri)),
          { modal: true },
          keep,
          take,
          merge,
        );
      } catch (e) {
        // No dialog can be shown here (tests, some hosts): as if dismissed, nothing is written.
        this.log.warn(`Conflict on ${basename(store.sidecarUri)} left open: ${(e as Error).message}`);
      }
    }
    if (choice === take) {
      this.applyContent(store, document, theirs, false);
      return false;
    }
    if (choice === merge) {
      const placed = placeSidecarAnnotations(parsed.sidecar, document.getText());
      const mine: Annotation[] = [...store.tracked.all, ...store.tracked.orphans];
      store.apply({ put: mergeAnnotations(mine, placed.annotations, (id) => store.tracked.hasUsed(id)).filter((a) => !mine.includes(a)) });
      store.diskContent = theirs;
      return true;
    }
    if (choice === keep) {
      store.diskContent = theirs;
      return true;
    }
    // Dismissed: write nothing now; the question comes back at the next save.
    return false;
  }

  /** A sidecar broke on disk while open: keep what we have in memory, stop writing to it. */
  private markBrokenKeepingAnnotations(store: AnnotationDocument, problems: AnnotationDocument['problems'], content: string): void {
    store.problems = problems;
    store.writable = false;
    store.diskContent = content;
    this.reporter.sidecarBroken(store);
    this.reporter.stateChanged(store);
  }

  /** The file watcher saw the sidecar change. */
  async onDiskChange(store: AnnotationDocument, document: vscode.TextDocument): Promise<void> {
    const content = await readTextFile(store.sidecarUri).catch(() => undefined);
    if (content === store.diskContent) return;
    if (content === undefined) {
      // Deleted on disk: our annotations are all still here; the next write recreates it.
      store.diskContent = undefined;
      store.unsaved = store.tracked.size > 0;
      this.reporter.stateChanged(store);
      return;
    }
    if (!store.writable && !store.unsaved) {
      // It was broken and may now be fixed: read it again.
      this.applyContent(store, document, content, true);
      return;
    }
    const write = await this.resolveConflict(store, document, content);
    if (write && !document.isDirty) await this.write(store, document);
  }

  /** Saves the annotations beside a broken sidecar, in `<name>.recovered.ann.yaml`. */
  async writeRecovered(store: AnnotationDocument, document: vscode.TextDocument, target: vscode.Uri): Promise<void> {
    await writeTextFileAtomic(target, this.render(store, document));
    this.log.info(`Wrote recovery file ${target.toString()}`);
  }
}
