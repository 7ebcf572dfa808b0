import * as vscode from 'vscode';
import type { Annotation } from '../core/model/annotation';
import { AnnotationHistory, applyAnnotationEdit, applyTextChange, replayChange } from '../core/model/annotationHistory';
import type { AnnotationChange, AnnotationEdit } from '../core/model/annotationHistory';
import type { TextEdit } from '../core/model/shift';
import { TrackedAnnotations } from '../core/model/trackedAnnotations';
import type { SidecarProblem } from '../core/sidecar/sidecarTypes';

/**
 * The annotations of one open text document and the state of its sidecar. Offsets are UTF-16, as
 * in the editor. This class holds state and applies changes; reading and writing files is the
 * job of `AnnotationStores`.
 */
export class AnnotationDocument implements vscode.Disposable {
  readonly tracked = new TrackedAnnotations();
  readonly history = new AnnotationHistory(this.tracked);
  /** Problems of the sidecar as last read; errors make it read-only until fixed. */
  problems: readonly SidecarProblem[] = [];
  /** False while the sidecar on disk is broken or from a newer version: it is never overwritten then. */
  writable = true;
  /** Annotation changes not yet in the sidecar on disk. */
  unsaved = false;
  /** The sidecar's content as last read or written, to tell our own writes from other writers'. */
  diskContent: string | undefined;
  documentDate: string | undefined;
  loaded = false;
  /** Counts user actions and reloads (not text shifts), so caches of "what is tagged" know when to refresh. */
  tagVersion = 0;

  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires after any change of the annotations, by the user or by text edits. */
  readonly onDidChange = this.changed.event;

  constructor(
    readonly uri: vscode.Uri,
    readonly sidecarUri: vscode.Uri,
    readonly annotator: string,
  ) {}

  /** Replaces everything with annotations read from disk; clears undo history. */
  reset(annotations: readonly Annotation[], diskContent: string | undefined): void {
    this.tracked.reset(annotations);
    this.history.clear();
    this.diskContent = diskContent;
    this.unsaved = false;
    this.loaded = true;
    this.tagVersion++;
    this.changed.fire();
  }

  /** Applies a user action, recording it for annotation undo. Returns the annotations put. */
  apply(edit: AnnotationEdit): Annotation[] {
    const after = applyAnnotationEdit(this.tracked, this.history, edit);
    this.tagVersion++;
    this.markChanged();
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
    this.markChanged();
    return true;
  }

  /** Shifts annotations by one document change. */
  applyTextChange(event: vscode.TextDocumentChangeEvent): void {
    const doc = event.document;
    const edits: TextEdit[] = event.contentChanges.map((c) => ({ start: c.rangeOffset, end: c.rangeOffset + c.rangeLength, insertedLength: c.text.length }));
    const read = (start: number, end: number): string => doc.getText(new vscode.Range(doc.positionAt(Math.max(0, start)), doc.positionAt(end)));
    const undoing = event.reason === vscode.TextDocumentChangeReason.Undo ? 'undo' : event.reason === vscode.TextDocumentChangeReason.Redo ? 'redo' : false;
    if (applyTextChange(this.tracked, this.history, edits, read, undoing)) this.markChanged();
  }

  /** Never an id held earlier in this session (a removed or buried one could come back with it). */
  newId(): string {
    return this.tracked.nextId();
  }

  private markChanged(): void {
    this.unsaved = true;
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}
