import type { DocumentStatus } from '../sidecar/sidecarTypes';
import type { Project } from './projectTypes';
import { isAssignedTo } from './projectQueries';

/**
 * The texts an annotator works through, in path order (relative, `/` separated): with a project
 * that assigns texts, those assigned to them; without one (or with no assignments at all), every
 * text given.
 */
export function annotatorQueue(paths: readonly string[], annotator: string, project: Project | undefined): string[] {
  const assigns = project !== undefined && Object.keys(project.assignments).length > 0;
  const mine = assigns ? paths.filter((p) => isAssignedTo(project, annotator, p)) : [...paths];
  return [...new Set(mine)].sort(comparePaths);
}

/**
 * The first text of the queue after `current` (wrapping round to the start) whose status is not
 * `done`; `current` itself comes last, so a text left unfinished is offered again once the others
 * are done. Statuses are asked one at a time, in that order, so a long queue reads only what it must.
 */
export async function nextNotDone(
  queue: readonly string[],
  current: string | undefined,
  statusOf: (path: string) => Promise<DocumentStatus | undefined>,
): Promise<string | undefined> {
  const at = current === undefined ? -1 : queue.indexOf(current);
  const after = at < 0 ? queue.findIndex((p) => current !== undefined && comparePaths(p, current) > 0) : at + 1;
  const start = after < 0 ? 0 : after;
  const order = [...queue.slice(start), ...queue.slice(0, start)];
  for (const path of order) if ((await statusOf(path)) !== 'done') return path;
  return undefined;
}

/** Code-unit order, the same on every machine and locale. */
function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
