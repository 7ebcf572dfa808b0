import type { DocumentStatus } from '../sidecar/sidecarTypes';
import { annotatorQueue } from './documentQueue';
import type { Project } from './projectTypes';

/** How far one annotator is with the texts the project assigns them. */
export interface AnnotatorProgress {
  readonly annotator: string;
  readonly assigned: number;
  readonly done: number;
  readonly inProgress: number;
}

/**
 * Progress per annotator against the project's assignments, in annotator order: of the texts
 * (relative paths) assigned to each, how many their own sidecar marks done, and how many are
 * begun (`stateOf` gives the status, or `in-progress` for a sidecar without one, or undefined
 * for none). Without assignments there is nothing to measure against, and nothing is returned.
 */
export function assignmentProgress(
  paths: readonly string[],
  project: Project | undefined,
  stateOf: (annotator: string, path: string) => DocumentStatus | undefined,
): AnnotatorProgress[] {
  if (!project) return [];
  return Object.keys(project.assignments)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((annotator) => {
      const queue = annotatorQueue(paths, annotator, project);
      let done = 0;
      let inProgress = 0;
      for (const path of queue) {
        const state = stateOf(annotator, path);
        if (state === 'done') done++;
        else if (state === 'in-progress') inProgress++;
      }
      return { annotator, assigned: queue.length, done, inProgress };
    });
}
