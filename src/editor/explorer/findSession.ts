import type { LabelDefinition } from '../../core/model/labels';
import { FindColumns } from '../../core/stats/findColumns';
import type { AnnotationEntry } from './annotationsTree';
import { findFields } from './findItems';
import type { AnnotationSet, WorkspaceAnnotations } from './workspaceAnnotations';

/**
 * One Find: the workspace's sidecars are read in the background, as VS Code's own search does, and
 * the annotations found so far can be searched at any moment. The index's summaries carry no
 * annotation texts (the persisted cache stays small), so this is the one place that reads every
 * sidecar, and only while Find is open: cancelling stops the reading, and nothing is kept after.
 */
export class FindSession {
  /** Each sidecar read, without its annotations: those are in the columns. */
  private readonly sets: AnnotationSet[] = [];
  private readonly found: FindColumns;
  private stopped = false;
  /** Sidecars read so far, and how many there are. */
  read = 0;
  total = 0;
  /** Resolves when every sidecar has been read, or the session was cancelled. */
  readonly finished: Promise<void>;

  constructor(annotations: Pick<WorkspaceAnnotations, 'stream'>, labels: readonly LabelDefinition[], onProgress: () => void) {
    this.found = new FindColumns((annotation, annotator) => findFields(annotation, annotator, labels));
    this.finished = annotations.stream(
      (sets, read, total) => {
        for (const set of sets) {
          const at = this.sets.length;
          this.sets.push({ ...set, annotations: [], relations: [] });
          // Orphans have no place in the text to reveal.
          for (const annotation of set.annotations) if (annotation.orphan !== true) this.found.add(at, annotation, set.annotator);
        }
        this.read = read;
        this.total = total;
        onProgress();
      },
      () => this.stopped,
    );
  }

  /** The annotations read so far that match the query, best first; at most `limit`. */
  matches(query: string, limit = Number.POSITIVE_INFINITY): AnnotationEntry[] {
    return this.found
      .matches(query)
      .slice(0, limit)
      .map((i) => {
        const { set, annotation } = this.found.record(i);
        return { set: this.sets[set] as AnnotationSet, annotation };
      });
  }

  cancel(): void {
    this.stopped = true;
  }

  get cancelled(): boolean {
    return this.stopped;
  }
}
