import type { LabelDefinition } from '../model/labels';
import { parseSidecar } from '../sidecar/parseSidecar';
import type { DocumentStatus, Sidecar, SidecarProblem } from '../sidecar/sidecarTypes';
import { EMPTY_TALLY, tallyAnnotations } from '../stats/annotationTally';
import type { SetTally } from '../stats/annotationTally';

/**
 * What the workspace's features need to know of one sidecar without reading it again: kept in the
 * index's persisted cache, so it stays small (no annotation bodies, only counts and the learned
 * surface/label pairs).
 */
export interface SidecarSummary {
  /** The text's path relative to the sidecar's folder, as the sidecar names it; absent when unreadable. */
  readonly documentPath?: string;
  readonly annotator?: string;
  readonly status?: DocumentStatus;
  /** Annotations of every status. */
  readonly annotations: number;
  /** Per label and status, what the Annotations view's roots, its filter and Statistics count. */
  readonly tally: SetTally;
  /** Accepted annotations as `[text, label]`, without repeats: what learned suggestions look for elsewhere. */
  readonly learned: readonly (readonly [string, string])[];
  /** True when some annotation was decided (accepted or rejected): the file is evidence for a re-fit. */
  readonly decided: boolean;
  readonly errors: number;
  readonly warnings: number;
  /** The first error, with its line, when the file could not be read. */
  readonly problem?: string;
  /** The file uses a schema newer than this build reads: reported, never rewritten. */
  readonly newer?: boolean;
}

/** Reads a sidecar's content into its summary; never throws (a problem becomes the summary's `problem`). */
export function summariseSidecar(content: string, labels?: readonly LabelDefinition[]): SidecarSummary {
  let parsed: ReturnType<typeof parseSidecar>;
  try {
    parsed = parseSidecar(content, labels ? { labels } : {});
  } catch (e) {
    return unreadable([{ message: (e as Error).message, severity: 'error' }]);
  }
  const errors = parsed.problems.filter((p) => p.severity === 'error').length;
  const warnings = parsed.problems.length - errors;
  if (!parsed.sidecar) return unreadable(parsed.problems);
  return { ...summaryOf(parsed.sidecar), errors, warnings, ...(parsed.writable ? {} : { newer: true }) };
}

/** The summary of a sidecar already parsed (an open document's, or one just written). */
export function summaryOf(sidecar: Sidecar): SidecarSummary {
  const learned = new Map<string, readonly [string, string]>();
  let decided = false;
  for (const a of sidecar.annotations) {
    if (a.status !== 'suggested') decided = true;
    if (a.status === 'accepted') {
      const key = `${a.text}\u0000${a.label}`;
      if (!learned.has(key)) learned.set(key, key.split('\u0000') as [string, string]);
    }
  }
  return {
    documentPath: detached(sidecar.document.path),
    annotator: detached(sidecar.annotator),
    ...(sidecar.document.status ? { status: sidecar.document.status } : {}),
    annotations: sidecar.annotations.length,
    tally: tallyAnnotations(sidecar.annotations),
    learned: [...learned.values()],
    decided,
    errors: 0,
    warnings: 0,
  };
}

/**
 * A copy of a string that does not point into the file's content: a summary outlives the content,
 * and a slice of it would keep the whole file in memory (the index holds thousands of summaries).
 * Split pieces of a freshly built key are copies too, which is why the learned pairs are made so.
 */
function detached(s: string): string {
  return `\u0000${s}`.split('\u0000')[1] as string;
}

function unreadable(problems: readonly SidecarProblem[]): SidecarSummary {
  const first = problems.find((p) => p.severity === 'error') ?? problems[0];
  const problem = first ? `${first.line !== undefined ? `${first.line}: ` : ''}${first.message}` : 'the file could not be read';
  const newer = problems.some((p) => p.path === 'tawsim' && /newer/u.test(p.message));
  const errors = problems.filter((p) => p.severity === 'error').length;
  return {
    annotations: 0,
    tally: EMPTY_TALLY,
    learned: [],
    decided: false,
    errors: Math.max(errors, 1),
    warnings: problems.length - errors,
    problem,
    ...(newer ? { newer: true } : {}),
  };
}
