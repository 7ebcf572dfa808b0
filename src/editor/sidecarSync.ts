import type { ProjectSchema } from '../core/model/projectSchema';
import { DEFAULT_PROJECT_SCHEMA } from '../core/model/projectSchema';
import * as vscode from 'vscode';
import type { AnnotationDocument } from './annotationDocument';
import { readTextFile, basename } from './sidecarFiles';
import type { HostFiles, Leftover } from './files/hostFiles';
import { parseSidecar } from '../core/sidecar/parseSidecar';
import { serializeSidecar } from '../core/sidecar/serializeSidecar';
import { buildSidecar, placeSidecarAnnotations } from '../core/sidecar/documentAnnotations';
import { mergeSidecarParts } from '../core/sidecar/mergeAnnotations';
import type { SidecarProblem } from '../core/sidecar/sidecarTypes';
import type { LabelDefinition } from '../core/model/labels';
import type { Annotation } from '../core/model/annotation';
import type { Logger } from './logger';
import { readConflictedSidecar, resolveConflicts } from '../core/merge/resolveConflicts';
import type { ConflictAnswer } from '../core/merge/resolveConflicts';
import { CONFLICTS_KEY, conflictEntryLines } from '../core/merge/sidecarConflicts';
import { conflictTitle } from './conflicts/conflictText';

/** What the user hears about loading and saving; kept apart so tests and views can follow it. */
export interface SyncReporter {
  sidecarBroken(store: AnnotationDocument): void;
  orphansFound(store: AnnotationDocument, count: number): void;
  recovered(store: AnnotationDocument, from: vscode.Uri): void;
  /** The sidecar holds the `conflicts:` a git merge left: it is not loaded until they are resolved. */
  mergeConflictsFound(store: AnnotationDocument, count: number): void;
}

/** How answering a sidecar's merge conflicts ended. */
export type MergeResolution =
  | { readonly kind: 'written' }
  /** The file changed (or its conflicts did) since they were shown: nothing was written. */
  | { readonly kind: 'changed' }
  /** The answers give no valid sidecar: nothing was written. */
  | { readonly kind: 'invalid'; readonly message: string };

/** A sidecar as read from disk, before it is placed on the text (which happens synchronously, at once). */
export type SidecarRead =
  | { readonly kind: 'content'; readonly content: string | undefined }
  | { readonly kind: 'unreadable'; readonly problems: readonly SidecarProblem[] }
  | { readonly kind: 'recovered'; readonly content: string; readonly from: Leftover };

/** Rounds of "read, check, write" before a write gives up on a file that keeps changing. */
const WRITE_ATTEMPTS = 5;

/**
 * Reading and writing one document's sidecar: load with validation and re-anchoring, checked
 * atomic writes that never overwrite a broken or foreign-changed file silently, and reloads when
 * the file changes on disk. Every write and every reload of one sidecar runs in one queue, so a
 * reload never sees our own write half done, and writes never interleave.
 */
export class SidecarSync implements vscode.Disposable {
  private readonly queues = new Map<string, Promise<void>>();
  /** Complete temporary files of interrupted writes, removed after the next successful write. */
  private readonly leftovers = new Map<string, Leftover[]>();
  private readonly written = new vscode.EventEmitter<vscode.Uri>();
  /** Fires after the editor wrote a sidecar, before (or without) the file watcher hearing of it. */
  readonly onDidWrite = this.written.event;

  constructor(
    private readonly labels: () => readonly LabelDefinition[],
    private readonly reporter: SyncReporter,
    private readonly log: Logger,
    private readonly files: HostFiles,
    /** `merge` answers the keep/take/merge question without asking (automation, headless hosts). */
    private readonly conflict: () => 'ask' | 'merge' = () => 'ask',
    /** The project's relation types and attributes: what a sidecar uses outside them is a warning at its line. */
    private readonly schema: () => ProjectSchema = () => DEFAULT_PROJECT_SCHEMA,
  ) {}

  /**
   * Reads a store's sidecar. A missing sidecar with a complete temporary file beside it (a write
   * interrupted between deleting the old file and moving the new one, where the host's rename is
   * not atomic) is recovered from the newest such file.
   */
  async read(store: AnnotationDocument): Promise<SidecarRead> {
    let content: string | undefined;
    try {
      content = await readTextFile(store.sidecarUri);
    } catch (e) {
      return { kind: 'unreadable', problems: [{ message: (e as Error).message, line: 1, severity: 'error' }] };
    }
    const leftovers = await this.files.findLeftovers(store.sidecarUri);
    if (leftovers.length > 0) this.leftovers.set(store.sidecarUri.toString(), leftovers);
    const newest = leftovers[0];
    if (content !== undefined || newest === undefined || !parseSidecar(newest.content, { labels: this.labels() }).sidecar) return { kind: 'content', content };
    const outcome = await this.files.writeChecked(store.sidecarUri, undefined, newest.content);
    if (!outcome.written) return { kind: 'content', content: outcome.current };
    this.log.warn(`Recovered ${basename(store.sidecarUri)} from ${basename(newest.uri)}, left by an interrupted write`);
    await this.files.removeLeftovers(leftovers);
    this.leftovers.delete(store.sidecarUri.toString());
    return { kind: 'recovered', content: newest.content, from: newest };
  }

  /** Places what `read` gave on the document's current text. Synchronous, so no edit comes between. */
  apply(store: AnnotationDocument, document: vscode.TextDocument, read: SidecarRead): void {
    if (read.kind === 'unreadable') {
      this.markBroken(store, read.problems, undefined, false);
      return;
    }
    this.applyContent(store, document, read.content, true);
    if (read.kind === 'recovered') this.reporter.recovered(store, read.from.uri);
  }

  /** Takes a sidecar's content as the document's annotations (on load, or "take theirs"). */
  private applyContent(store: AnnotationDocument, document: vscode.TextDocument, content: string | undefined, isLoad: boolean): void {
    if (content === undefined) {
      store.load({ annotations: [], diskContent: undefined, problems: [], writable: true, documentDate: undefined, stale: false });
      return;
    }
    const parsed = parseSidecar(content, { labels: this.labels(), schema: this.schema() });
    if (!parsed.sidecar) {
      this.markBroken(store, parsed.problems, content, !isLoad);
      return;
    }
    const placed = placeSidecarAnnotations(parsed.sidecar, document.getText());
    store.load({
      annotations: placed.annotations,
      relations: parsed.sidecar.relations ?? [],
      diskContent: content,
      problems: parsed.problems,
      writable: parsed.writable,
      documentDate: parsed.sidecar.document.date,
      ...(parsed.sidecar.document.status !== undefined ? { documentStatus: parsed.sidecar.document.status } : {}),
      // The sidecar described another text; it must describe this one once written.
      stale: placed.textChanged || placed.moved > 0,
    });
    this.log.info(`Loaded ${basename(store.sidecarUri)}: ${placed.annotations.length} annotations, ${placed.moved} re-anchored, ${placed.orphans} orphans`);
    if (placed.orphans > 0 && isLoad) this.reporter.orphansFound(store, placed.orphans);
  }

  private markBroken(store: AnnotationDocument, problems: readonly SidecarProblem[], content: string | undefined, keepAnnotations: boolean): void {
    const merged = content === undefined ? undefined : readConflictedSidecar(content);
    if (content !== undefined && merged?.ok && merged.conflicts.length > 0) {
      // A merge left its conflicts in the file: each one is a problem at its entry, and the user is
      // offered to resolve them; the file stays as it is until every one has an answer.
      const lines = conflictEntryLines(content);
      store.markBroken(
        merged.conflicts.map((c, i) => ({
          message: vscode.l10n.t('Merge conflict: {0}. Run "Tawsim: Resolve Merge Conflicts…" to choose.', conflictTitle(c)),
          line: lines[i] ?? 1,
          path: `${CONFLICTS_KEY}[${i}]`,
          severity: 'error' as const,
        })),
        content,
        keepAnnotations,
      );
      this.log.warn(`Sidecar ${store.sidecarUri.toString()} not loaded: ${merged.conflicts.length} merge conflicts to resolve`);
      this.reporter.mergeConflictsFound(store, merged.conflicts.length);
      return;
    }
    store.markBroken(problems, content, keepAnnotations);
    this.log.warn(`Sidecar ${store.sidecarUri.toString()} not loaded: ${problems.map((p) => `line ${p.line ?? '?'}: ${p.message}`).join('; ')}`);
    this.reporter.sidecarBroken(store);
  }

  /** Runs `work` after everything queued for this sidecar; failures are reported, never thrown. */
  private enqueue(store: AnnotationDocument, what: string, work: () => Promise<void>): Promise<void> {
    const key = store.sidecarUri.toString();
    const next = (this.queues.get(key) ?? Promise.resolve()).then(work).catch((e: unknown) => {
      this.log.error(`${what} ${key} failed: ${(e as Error).message}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('Tawsim could not write {0}: {1}', basename(store.sidecarUri), (e as Error).message));
    });
    this.queues.set(key, next);
    void next.then(() => {
      if (this.queues.get(key) === next) this.queues.delete(key);
    });
    return next;
  }

  /** Resolves when nothing is queued for the sidecar (or, without a store, for any sidecar). */
  async idle(store?: AnnotationDocument): Promise<void> {
    for (;;) {
      const pending = store ? [this.queues.get(store.sidecarUri.toString())] : [...this.queues.values()];
      const waiting = pending.filter((p): p is Promise<void> => p !== undefined);
      if (waiting.length === 0) return;
      await Promise.all(waiting);
    }
  }

  /**
   * Writes the sidecar for the document as it is on disk (the document must not be dirty when the
   * write runs; a dirty one is left for its save). Queued behind any write or reload in progress.
   */
  write(store: AnnotationDocument, document: vscode.TextDocument): Promise<void> {
    return this.enqueue(store, 'Writing', () => this.writeNow(store, document));
  }

  private async writeNow(store: AnnotationDocument, document: vscode.TextDocument): Promise<void> {
    if (!vscode.workspace.isTrusted || (document.isDirty && !document.isClosed)) return;
    if (!store.writable) {
      if (store.unsaved) this.reporter.sidecarBroken(store);
      return;
    }
    for (let attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
      const onDisk = await readTextFile(store.sidecarUri);
      if (onDisk !== store.diskContent) {
        const keepGoing = await this.resolveConflict(store, document, onDisk);
        if (!keepGoing) return;
      }
      // A status is worth a file: a text marked done with no names in it is a finished text.
      if (store.tracked.size === 0 && store.tracked.orphans.length === 0 && store.documentStatus === undefined && onDisk === undefined) {
        // Nothing to keep and no file yet: do not litter the folder with empty sidecars.
        store.markWritten(undefined);
        return;
      }
      const content = this.render(store, document);
      if (content === onDisk) {
        store.markWritten(content);
        return;
      }
      const outcome = await this.files.writeChecked(store.sidecarUri, onDisk, content);
      if (outcome.written) {
        store.markWritten(content);
        this.written.fire(store.sidecarUri);
        this.log.info(`Wrote ${basename(store.sidecarUri)}: ${store.tracked.size} annotations (${this.files.describe(store.sidecarUri)})`);
        await this.dropLeftovers(store);
        return;
      }
      // Another writer changed the file between our read and our rename: look again.
      this.log.info(`${basename(store.sidecarUri)} changed on disk during a write; checking again`);
    }
    throw new Error(vscode.l10n.t('the file kept changing on disk; nothing was written'));
  }

  private async dropLeftovers(store: AnnotationDocument): Promise<void> {
    const key = store.sidecarUri.toString();
    const leftovers = this.leftovers.get(key);
    if (!leftovers) return;
    this.leftovers.delete(key);
    await this.files.removeLeftovers(leftovers);
  }

  render(store: AnnotationDocument, document: vscode.TextDocument): string {
    const header = {
      path: basename(store.uri),
      annotator: store.annotator,
      ...(store.documentDate ? { date: store.documentDate } : {}),
      ...(store.documentStatus ? { status: store.documentStatus } : {}),
    };
    return serializeSidecar(buildSidecar(header, document.getText(), store.tracked.all, store.tracked.orphans, store.tracked.relations));
  }

  /**
   * The sidecar changed on disk since we read or wrote it (a git pull, another annotator, the
   * command line). Without unsaved changes of ours, theirs is taken; otherwise the user chooses.
   * Returns whether our version should now be written.
   */
  private async resolveConflict(store: AnnotationDocument, document: vscode.TextDocument, theirs: string | undefined): Promise<boolean> {
    if (theirs === undefined) {
      // Deleted on disk: what we hold is all still here and is written again.
      store.markDeletedOnDisk();
      return true;
    }
    const parsed = parseSidecar(theirs, { labels: this.labels() });
    if (!parsed.sidecar) {
      this.markBroken(store, parsed.problems, theirs, true);
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
      // Open until answered: the status bar says so, and nothing is written meanwhile.
      store.markConflict();
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
      const myRelations = store.tracked.relations;
      const merged = mergeSidecarParts({ annotations: mine, relations: myRelations }, { annotations: placed.annotations, relations: parsed.sidecar.relations ?? [] }, (id) =>
        store.tracked.hasUsed(id),
      );
      const added = merged.annotations.filter((a) => !mine.includes(a));
      const addedRelations = merged.relations.filter((r) => !myRelations.includes(r));
      if (added.length > 0 || addedRelations.length > 0) store.apply({ put: added, putRelations: addedRelations });
      store.adoptDiskContent(theirs);
      return true;
    }
    if (choice === keep) {
      store.adoptDiskContent(theirs);
      return true;
    }
    // Dismissed: write nothing now; the question comes back at the next save.
    return false;
  }

  /** The file watcher saw the sidecar change (or a caller wants it read again). Queued like writes. */
  onDiskChange(store: AnnotationDocument, document: vscode.TextDocument): Promise<void> {
    return this.enqueue(store, 'Reloading', async () => {
      const content = await readTextFile(store.sidecarUri).catch(() => undefined);
      if (content === store.diskContent) return;
      if (content === undefined) {
        store.markDeletedOnDisk();
        return;
      }
      if (!store.writable && !store.unsaved) {
        // It was broken and may now be fixed: read it again.
        this.applyContent(store, document, content, true);
        return;
      }
      const write = await this.resolveConflict(store, document, content);
      if (write) await this.writeNow(store, document);
    });
  }

  /**
   * Writes a merged sidecar with its conflicts answered (one answer per conflict, in the file's
   * order), then loads it. Queued like every write of the file, and checked: if the file is no
   * longer the `seen` one, nothing is written.
   */
  resolveMergeConflicts(store: AnnotationDocument, document: vscode.TextDocument, seen: string, answers: readonly ConflictAnswer[]): Promise<MergeResolution> {
    let outcome: MergeResolution = { kind: 'changed' };
    return this.enqueue(store, 'Resolving conflicts in', async () => {
      if ((await readTextFile(store.sidecarUri)) !== seen) return;
      const read = readConflictedSidecar(seen);
      if (!read.ok || read.conflicts.length !== answers.length) return;
      const answerOf = new Map(read.conflicts.map((c, i) => [c, answers[i]]));
      const resolved = resolveConflicts(read.sidecar, read.conflicts, (c) => answerOf.get(c));
      if (!resolved.ok) {
        outcome = { kind: 'invalid', message: resolved.message };
        return;
      }
      if (resolved.open.length > 0) return;
      const written = await this.files.writeChecked(store.sidecarUri, seen, resolved.text);
      if (!written.written) return;
      this.log.info(`Resolved ${read.conflicts.length} merge conflicts in ${basename(store.sidecarUri)}`);
      this.applyContent(store, document, resolved.text, true);
      await this.dropLeftovers(store);
      outcome = { kind: 'written' };
    }).then(() => outcome);
  }

  /** Saves the annotations beside a broken sidecar, in `<name>.recovered.ann.yaml`. */
  async writeRecovered(store: AnnotationDocument, document: vscode.TextDocument, target: vscode.Uri): Promise<void> {
    await this.files.writeChecked(target, null, this.render(store, document));
    this.log.info(`Wrote recovery file ${target.toString()}`);
  }

  dispose(): void {
    this.written.dispose();
  }
}
