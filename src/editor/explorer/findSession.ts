import type { LabelDefinition } from '../../core/model/labels';
import { foldedKeys, searchKeys } from '../../core/stats/annotationSearch';
import type { AnnotationEntry } from './annotationsTree';
import { findFields, findableEntries } from './findItems';
import type { AnnotationSet, FoundAnnotation, WorkspaceAnnotations } from './workspaceAnnotations';
import { StringPool } from '../../core/stats/stringPool';

/**
 * One Find: the workspace's sidecars are read in the background, as VS Code's own search does, and
 * the annotations found so far can be searched at any moment. The index's summaries carry no
 * annotation texts (the persisted cache stays small), so this is the one place that reads every
 * sidecar, and only while Find is open: cancelling stops the reading, and nothing is kept after.
 */
export class FindSession {
  // One column per field rather than an object per annotation: a Find over a large corpus holds
  // hundreds of thousands of annotations, and two wrapper objects each cost tens of megabytes.
  private readonly sets: AnnotationSet[] = [];
  private readonly annotations: FoundAnnotation[] = [];
  private readonly texts: string[] = [];
  private readonly rests: string[] = [];
  private stopped = false;
  private readonly pool = new StringPool();
  /** Sidecars read so far, and how many there are. */
  read = 0;
  total = 0;
  /** Resolves when every sidecar has been read, or the session was cancelled. */
  readonly finished: Promise<void>;

  constructor(annotations: Pick<WorkspaceAnnotations, 'stream'>, labels: readonly LabelDefinition[], onProgress: () => void) {
    this.finished = annotations.stream(
      (sets, read, total) => {
        for (const entry of findableEntries(sets)) {
          const keys = foldedKeys(findFields(entry, labels), this.pool);
          this.sets.push(entry.set);
          this.annotations.push(entry.annotation);
          this.texts.push(keys.text);
          this.rests.push(keys.rest);
        }
        this.read = read;
        this.total = total;
        onProgress();
      },
      () => this.stopped,
      this.pool,
    );
  }

  /** The annotations read so far that match the query, best first; at most `limit`. */
  matches(query: string, limit = Number.POSITIVE_INFINITY): AnnotationEntry[] {
    const found = searchKeys(
      this.texts.length,
      (i) => this.texts[i] as string,
      (i) => this.rests[i] as string,
      query,
    );
    return found.slice(0, limit).map((i) => ({ set: this.sets[i] as AnnotationSet, annotation: this.annotations[i] as FoundAnnotation }));
  }

  cancel(): void {
    this.stopped = true;
  }

  get cancelled(): boolean {
    return this.stopped;
  }
}
