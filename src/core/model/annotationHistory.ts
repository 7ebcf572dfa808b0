import type { Annotation } from './annotation';
import type { TextEdit } from './shift';
import { shiftSpan } from './shift';

/** One user action on annotations: what the touched annotations were before and after it. */
export interface AnnotationChange {
  readonly before: readonly Annotation[];
  readonly after: readonly Annotation[];
}

const MAX_ENTRIES = 200;

/**
 * Undo and redo of annotation actions, separate from text undo so that neither disturbs the other.
 * Entries hold annotation copies, so text edits must shift them too: an undo after typing must put
 * a span back where its text now is, not where it was.
 */
export class AnnotationHistory {
  private undoStack: AnnotationChange[] = [];
  private redoStack: AnnotationChange[] = [];

  record(change: AnnotationChange): void {
    if (change.before.length === 0 && change.after.length === 0) return;
    this.undoStack.push(change);
    if (this.undoStack.length > MAX_ENTRIES) this.undoStack.shift();
    this.redoStack = [];
  }

  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  get canRedo(): boolean {
    return this.redoStack.length > 0;
  }

  /** The change to apply to undo the last action (its before and after swapped), if any. */
  undo(): AnnotationChange | undefined {
    const change = this.undoStack.pop();
    if (!change) return undefined;
    this.redoStack.push(change);
    return { before: change.after, after: change.before };
  }

  redo(): AnnotationChange | undefined {
    const change = this.redoStack.pop();
    if (!change) return undefined;
    this.undoStack.push(change);
    return change;
  }

  clear(): void {
    this.undoStack = [];
    this.redoStack = [];
  }

  /** Shifts every remembered annotation by the edits of one document change (old coordinates). */
  applyEdits(edits: readonly TextEdit[]): void {
    const ordered = [...edits].sort((x, y) => y.start - x.start || y.end - x.end);
    const shift = (list: readonly Annotation[]): Annotation[] =>
      list.map((a) => {
        let cur = a;
        for (const edit of ordered) {
          const out = shiftSpan(cur, edit);
          if (out.kind === 'moved' || out.kind === 'damaged') cur = { ...cur, start: out.start, end: out.end };
          else if (out.kind === 'deleted') cur = { ...cur, start: out.at, end: out.at };
        }
        return cur;
      });
    const shiftChange = (c: AnnotationChange): AnnotationChange => ({ before: shift(c.before), after: shift(c.after) });
    this.undoStack = this.undoStack.map(shiftChange);
    this.redoStack = this.redoStack.map(shiftChange);
  }
}
