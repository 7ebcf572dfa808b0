import type { FieldRecord } from './mergeRecord';
import type { ConflictReason } from './mergeById';

/**
 * The part of a sidecar a conflict is about: an annotation (by id), the document header or the
 * annotator. Relations of schema 2 are one more id'd part, merged and resolved as annotations are.
 */
export type ConflictPart = 'annotations' | 'document' | 'annotator' | (string & {});

/**
 * One conflict as the merged sidecar records it under `conflicts:`. The sidecar's own content
 * holds ours; `theirs` is the other answer, `base` what both started from.
 */
export interface SidecarConflict {
  readonly part: ConflictPart;
  /** The annotation's id, for the annotations part. */
  readonly id?: string;
  readonly reason: ConflictReason;
  readonly fields: readonly string[];
  readonly base?: FieldRecord;
  readonly ours?: FieldRecord;
  readonly theirs?: FieldRecord;
}

/** The key under which a merged sidecar lists its conflicts, after every schema key. */
export const CONFLICTS_KEY = 'conflicts';

/** A short English line for one conflict, for the command line and the log. */
export function describeConflict(c: SidecarConflict): string {
  const what = c.part === 'annotations' ? `annotation ${c.id ?? '?'}` : c.id !== undefined ? `${c.part} ${c.id}` : c.part;
  const fields = c.fields.length > 0 ? ` (${c.fields.join(', ')})` : '';
  switch (c.reason) {
    case 'changed-both':
      return `${what} changed differently on both sides${fields}`;
    case 'added-both':
      return `${what} added on both sides with different values${fields}`;
    case 'removed-ours':
      return `${what} removed on our side and changed on theirs`;
    case 'removed-theirs':
      return `${what} changed on our side and removed on theirs`;
  }
}

/**
 * The 1-based line of each entry of a merged sidecar's `conflicts:` list, in order, so each can be
 * shown where it is written. Empty when the text has no such list.
 */
export function conflictEntryLines(text: string): number[] {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => /^conflicts\s*:/.test(l));
  if (start < 0) return [];
  const found: number[] = [];
  let indent: number | undefined;
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i] as string;
    if (/^\S/.test(line)) break;
    const entry = /^(\s*)-(\s|$)/.exec(line);
    if (!entry) continue;
    indent ??= entry[1]?.length ?? 0;
    if (entry[1]?.length === indent) found.push(i + 1);
  }
  return found;
}
