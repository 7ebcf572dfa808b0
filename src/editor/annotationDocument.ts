import * as vscode from 'vscode';
import type { Annotation } from '../core/model/annotation';
import type { Relation } from '../core/model/relation';
import { AnnotationHistory, applyAnnotationEdit, applyTextChange, replayChange } from '../core/model/annotationHistory';
import type { AnnotationChange, AnnotationEdit } from '../core/model/annotationHistory';
import type { TextEdit } from '../core/model/shift';
import { TrackedAnnotations } from '../core/model/trackedAnnotations';
import type { DocumentStatus, SidecarProblem } from '../core/sidecar/sidecarTypes';

/** What a sidecar read from disk gives a store (see `SidecarSync.read`). */
export interface LoadedSidecar {
  /** Placed on the current text, UTF-16; orphans included. */
  readonly annotations: readonly Annotation[];
  /** Links between them by id (schema 2); absent when there are none. */
  readonly relations?: readonly Relation[];
  /** The file's content, or undefined when there is no sidecar yet. */
  readonly diskContent: string | undefined;
  readonly problems: readonly SidecarProblem[];
  /** False for a sidecar from a newer Tawsim: it is read but never overwritten. */
  readonly writable: boolean;
  readonly documentDate: string | undefined;
  /** `document.status`; absent on older sidecars and until set. */
  readonly documentStatus?: DocumentStatus;
  /** The sidecar described another text (or spans moved): it must be written for this one. */
  readonly stale: boolean;
}

/**
 * The state of a document's sidecar, as one value. Only the store's own methods change it, and
 * each change fires `onDidChangeState` once, so the save logic, the Problems panel, the status bar
 * and the views all follow one source.
 */
export interface SidecarState {
  /** The sidecar has been read (or found absent or broken); until then nobody gets the store. */
  readonly loaded: boolean;
  /** Problems of the sidecar as last read; errors make it read-only until fixed. */
  readonly problems: readonly SidecarProblem[];
  /** False while the sidecar on disk is broken or from a newer version: it is never overwritten then. */
  readonly writable: boolean;
  /** Annotation changes (or a document date) not yet in the sidecar on disk. */
  readonly unsaved: boolean;
  /** The sidecar's content as last read or written, to tell our own writes from other writers'. */
  readonly diskContent: string | undefined;
  /** Another writer changed the sidecar under unsaved changes and the user has not chosen yet. */
  readonly conflict: boolean;
  /** Publication date, the anchor of relative dates (`document.date`). */
  readonly documentDate: string | undefined;
  /** Where the annotator is with this text (`document.status`): not started, in progress, done. */
  readonly documentStatus: DocumentStatus | undefined;
}

/**
 * What changed in a store, for those who redo work only where it is needed (the painter): text
 * edits (in the coordinates before them), or annotation actions within `dirty` (UTF-16, after the
 * change; absent when unknown), or everything (a load).
 */
export type StoreChange =
  | { readonly kind: 'edit'; readonly edits: readonly TextEdit[]; readonly dirty: { readonly start: number; readonly end: number } }
  | { readonly kind: 'annotations'; readonly dirty?: { readonly start: number; readonly end: number } }
  | { readonly kind: 'reload' };

const INITIAL: SidecarState = {
  loaded: false,
  problems: [],
  writable: true,
  unsaved: false,
  diskContent: undefined,
  conflict: false,
  documentDate: undefined,
  documentStatus: undefined,
};

/**
 * The annotations of one open text document and the state of its sidecar. Offsets are UTF-16, as
 * in the editor. This class holds state and applies changes; `SidecarSync` reads and writes the
 * files and `AnnotationStores` decides when.
 */
export class AnnotationDocument implements vscode.Disposable {
  readonly tracked = new TrackedAnnotations();
  readonly history = new AnnotationHistory(this.tracked);
  /** Counts user actions and reloads (not text shifts), so caches of "what is tagged" know when to refresh. */
  tagVersion = 0;
  private current: SidecarState = INITIAL;

  private readonly changed = new vscode.EventEmitter<StoreChange>();
  /** Fires after any change of the annotations, by the user, by text edits or by a reload. */
  readonly onDidChange = this.changed.event;
  private readonly stateChanged = new vscode.EventEmitter<SidecarState>();
  /** Fires after every change of `state`. */
  readonly onDidChangeState = this.stateChanged.event;

  constructor(
    readonly uri: vscode.Uri,
    readonly sidecarUri: vscode.Uri,
    readonly annotator: string,
  ) {}

  get state(): SidecarState {
    return this.current;
  }
  get loaded(): boolean {
    return this.current.loaded;
  }
  get unsaved(): boolean {
    return this.current.unsaved;
  }
  get writable(): boolean {
    return this.current.writable;
  }
  get problems(): readonly SidecarProblem[] {
    return this.current.problems;
  }
  get diskContent(): string | undefined {
    return this.current.diskContent;
  }
  get documentDate(): string | undefined {
    return this.current.documentDate;
  }
  get documentStatus(): DocumentStatus | undefined {
    return this.current.documentStatus;
  }

  /** Takes a sidecar read from disk as the whole truth (on load, or "take theirs"); clears undo history. */
  load(sidecar: LoadedSidecar): void {
    this.replaceAnnotations(sidecar.annotations, sidecar.relations);
    this.setState({
      loaded: true,
      problems: sidecar.problems,
      writable: sidecar.writable,
      unsaved: sidecar.stale,
      diskContent: sidecar.diskContent,
      conflict: false,
      documentDate: sidecar.documentDate,
      documentStatus: sidecar.documentStatus,
    });
  }

  /**
   * The sidecar on disk cannot be read (bad YAML, invalid, not UTF-8). On load there is nothing to
   * show; while open, what is in memory stays. Either way the file is not written until fixed.
   */
  markBroken(problems: readonly SidecarProblem[], diskContent: string | undefined, keepAnnotations: boolean): void {
    if (!keepAnnotations) this.replaceAnnotations([]);
    this.setState({ loaded: true, problems, writable: false, diskContent, conflict: false });
  }

  /** The sidecar now holds `content`, written by us (or it already did). */
  markWritten(content: string | undefined): void {
    this.setState({ unsaved: false, diskContent: content, conflict: false });
  }

  /** Another writer deleted the sidecar; what we hold is all still here and is written next time. */
  markDeletedOnDisk(): void {
    this.setState({ diskContent: undefined, unsaved: this.tracked.size > 0 || this.tracked.orphans.length > 0 });
  }

  /** Another writer's version was seen and answered ("keep mine", "merge"): ours is written over it. */
  adoptDiskContent(theirs: string): void {
    this.setState({ diskContent: theirs, conflict: false });
  }

  /** Another writer's version came while ours was unsaved, and the user is asked (or has not answered). */
  markConflict(): void {
    this.setState({ conflict: true });
  }

  /** Sets or clears the publication date; the sidecar must then be written. */
  setDocumentDate(date: string | undefined): void {
    this.tagVersion++;
    this.setState({ documentDate: date, unsaved: true });
    this.changed.fire({ kind: 'reload' });
  }

  /**
   * Sets or clears the document's status; the sidecar must then be written. Not an annotation
   * action, so annotation undo passes over it.
   */
  setDocumentStatus(status: DocumentStatus | undefined): void {
    if (status === this.current.documentStatus) return;
    this.setState({ documentStatus: status, unsaved: true });
  }

  /** Applies a user action, recording it for annotation undo. Returns the annotations put. */
  apply(edit: AnnotationEdit): Annotation[] {
    const before = [
      ...(edit.remove ?? []),
      ...(edit.put ?? []).map((a) => a.id),
      // A relation's change redraws its two ends.
      ...[...(edit.putRelations ?? []), ...(edit.removeRelations ?? []).map((id) => this.tracked.relationById(id))].flatMap((r) => (r ? [r.from, r.to] : [])),
    ].map((id) => this.tracked.byId(id));
    const after = applyAnnotationEdit(this.tracked, this.history, edit);
    this.tagVersion++;
    this.markChanged({ kind: 'annotations', dirty: cover([...before, ...after]) });
    return after;
  }

  /** Annotation undo: the inverse of the last action. */
  undo(): boolean {
    return this.replay(this.history.undo());
  }

  redo(): boolean {
    return this.replay(this.history.redo());
  }

  private replay(change: AnnotationChange | undefined): boolean {
    if (!replayChange(this.tracked, change)) return false;
    this.tagVersion++;
    this.markChanged({ kind: 'annotations', dirty: cover([...(change?.before ?? []), ...(change?.after ?? [])]) });
    return true;
  }

  /** Shifts annotations by one document change. */
  applyTextChange(event: vscode.TextDocumentChangeEvent): void {
    const doc = event.document;
    const edits: TextEdit[] = event.contentChanges.map((c) => ({ start: c.rangeOffset, end: c.rangeOffset + c.rangeLength, insertedLength: c.text.length }));
    const read = (start: number, end: number): string => doc.getText(new vscode.Range(doc.positionAt(Math.max(0, start)), doc.positionAt(end)));
    const undoing = event.reason === vscode.TextDocumentChangeReason.Undo ? 'undo' : event.reason === vscode.TextDocumentChangeReason.Redo ? 'redo' : false;
    if (!applyTextChange(this.tracked, this.history, edits, read, undoing)) return;
    // Where the change put text, in the coordinates after it (edits do not overlap).
    let shift = 0;
    let dirtyStart = Number.POSITIVE_INFINITY;
    let dirtyEnd = 0;
    for (const e of [...edits].sort((x, y) => x.start - y.start)) {
      dirtyStart = Math.min(dirtyStart, e.start + shift);
      dirtyEnd = Math.max(dirtyEnd, e.start + shift + e.insertedLength);
      shift += e.insertedLength - (e.end - e.start);
    }
    this.markChanged({ kind: 'edit', edits, dirty: { start: dirtyStart, end: dirtyEnd } });
  }

  /** Never an id held earlier in this session (a removed or buried one could come back with it). */
  newId(): string {
    return this.tracked.nextId();
  }

  private replaceAnnotations(annotations: readonly Annotation[], relations: readonly Relation[] = []): void {
    this.tracked.reset(annotations, relations);
    this.history.clear();
    this.tagVersion++;
    this.changed.fire({ kind: 'reload' });
  }

  private markChanged(change: StoreChange): void {
    if (!this.current.unsaved) this.setState({ unsaved: true });
    this.changed.fire(change);
  }

  private setState(next: Partial<SidecarState>): void {
    this.current = { ...this.current, ...next };
    this.stateChanged.fire(this.current);
  }

  dispose(): void {
    this.changed.dispose();
    this.stateChanged.dispose();
  }
}

/** The smallest range covering the placed annotations among these (orphans and gaps have no place). */
function cover(annotations: readonly (Annotation | undefined)[]): { start: number; end: number } | undefined {
  let start = Number.POSITIVE_INFINITY;
  let end = -1;
  for (const a of annotations) {
    if (!a || a.orphan) continue;
    start = Math.min(start, a.start);
    end = Math.max(end, a.end);
  }
  return end < 0 ? undefined : { start, end };
}
