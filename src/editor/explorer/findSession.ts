import type { LabelDefinition } from '../../core/model/labels';
import { searchIndex } from '../../core/stats/annotationSearch';
import type { SearchIndexEntry } from '../../core/stats/annotationSearch';
import type { AnnotationEntry } from './annotationsTree';
import { findableEntries, findIndex } from './findItems';
import type { WorkspaceAnnotations } from './workspaceAnnotations';
import { StringPool } from '../../core/stats/stringPool';

/**
 * One Find: the workspace's sidecars are read in the background, as VS Code's own search does, and
 * the annotations found so far can be searched at any moment. The index's summaries carry no
 * annotation texts (the persisted cache stays small), so this is the one place that reads every
 * sidecar, and only while Find is open: cancelling stops the reading, and nothing is kept after.
 */
export class FindSession {
  private readonly search: SearchIndexEntry<AnnotationEntry>[] = [];
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
        for (const entry of findIndex(findableEntries(sets), labels, this.pool)) this.search.push(entry);
        this.read = read;
        this.total = total;
        onProgress();
      },
      () => this.stopped,
      this.pool,
    );
  }

  /** The annotations read so far that match the query, best first. */
  matches(query: string): AnnotationEntry[] {
    return searchIndex(this.search, query);
  }

  cancel(): void {
    this.stopped = true;
  }

  get cancelled(): boolean {
    return this.stopped;
  }
}
