import type { Annotation } from './annotation';
import { nextAnnotationId } from './annotation';

/**
 * The ids of one editing session. A new annotation must never reuse an id the session has held
 * (live, orphan, buried or removed): a text undo or an annotation undo would bring the old one back
 * under the same id and replace the new one. Ids the user removed (directly or by an annotation
 * undo) and did not put back are remembered too: a text undo must not bring them back into view.
 */
export class SessionIds {
  private readonly used = new Set<string>();
  private readonly removed = new Set<string>();

  reset(annotations: readonly Annotation[]): void {
    this.used.clear();
    this.removed.clear();
    for (const a of annotations) this.used.add(a.id);
  }

  hasUsed(id: string): boolean {
    return this.used.has(id);
  }

  isRemoved(id: string): boolean {
    return this.removed.has(id);
  }

  markRemoved(id: string): void {
    this.removed.add(id);
  }

  /** The id is in view again; returns whether it had been removed. */
  takeBack(id: string): boolean {
    this.used.add(id);
    return this.removed.delete(id);
  }

  /** A fresh id (`tN`) never held in this session, nor in `reserved` (ids about to be added). */
  next(reserved: Iterable<string> = []): string {
    const ids = [...this.used, ...reserved].map((id) => ({ id }) as Annotation);
    return nextAnnotationId(ids);
  }
}
