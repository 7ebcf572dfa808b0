import { CORE_SCHEMA, load } from 'js-yaml';
import type { Annotation } from '../model/annotation';
import { validateSidecarObject } from '../sidecar/validateSidecar';
import type { Sidecar, SidecarDocument } from '../sidecar/sidecarTypes';
import type { ConflictReason } from './mergeById';
import type { FieldRecord } from './mergeRecord';
import type { ConflictPart, SidecarConflict } from './sidecarConflicts';
import { CONFLICTS_KEY } from './sidecarConflicts';
import { sidecarWithConflicts } from './mergeSidecarTexts';

export type ConflictedSidecar =
  { readonly ok: true; readonly sidecar: Sidecar; readonly conflicts: readonly SidecarConflict[] } | { readonly ok: false; readonly line: number; readonly message: string };

const REASONS: readonly ConflictReason[] = ['changed-both', 'added-both', 'removed-ours', 'removed-theirs'];

/** Reads a merged sidecar: the sidecar itself (ours where sides conflict) and its `conflicts:` list. */
export function readConflictedSidecar(text: string): ConflictedSidecar {
  let value: unknown;
  try {
    value = load(text, { schema: CORE_SCHEMA });
  } catch (e) {
    const mark = (e as { mark?: { line: number } }).mark;
    return { ok: false, line: (mark?.line ?? 0) + 1, message: (e as Error).message.split('\n')[0] ?? 'YAML could not be parsed' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, line: 1, message: 'not a sidecar: a YAML mapping was expected' };
  const { [CONFLICTS_KEY]: list, ...rest } = value as Record<string, unknown>;
  const conflictsLine = lineOf(text, /^conflicts\s*:/);
  const conflicts: SidecarConflict[] = [];
  if (list !== undefined) {
    if (!Array.isArray(list)) return { ok: false, line: conflictsLine, message: '"conflicts" must be a list' };
    for (const [i, item] of list.entries()) {
      const c = item as Record<string, unknown> | null;
      if (typeof c !== 'object' || c === null || typeof c['part'] !== 'string' || !REASONS.includes(c['reason'] as ConflictReason)) {
        return { ok: false, line: conflictsLine, message: `conflict ${i + 1} needs a part (annotations, document, annotator, …) and a reason (${REASONS.join(', ')})` };
      }
      if (c['part'] === 'annotations' && typeof c['id'] !== 'string')
        return { ok: false, line: conflictsLine, message: `conflict ${i + 1} on annotations needs the annotation's id` };
      conflicts.push({
        part: c['part'] as ConflictPart,
        ...(typeof c['id'] === 'string' ? { id: c['id'] } : {}),
        reason: c['reason'] as ConflictReason,
        fields: Array.isArray(c['fields']) ? c['fields'].map(String) : [],
        ...side(c, 'base'),
        ...side(c, 'ours'),
        ...side(c, 'theirs'),
      });
    }
  }
  const checked = validateSidecarObject(rest);
  const error = checked.problems.find((p) => p.severity === 'error');
  if (!checked.sidecar || error) return { ok: false, line: 1, message: error?.message ?? 'not a sidecar' };
  return { ok: true, sidecar: checked.sidecar, conflicts };
}

function side(c: Record<string, unknown>, key: 'base' | 'ours' | 'theirs'): Partial<Record<typeof key, FieldRecord>> {
  const v = c[key];
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? { [key]: v as FieldRecord } : {};
}

function lineOf(text: string, pattern: RegExp): number {
  const i = text.split('\n').findIndex((l) => pattern.test(l));
  return i < 0 ? 1 : i + 1;
}

/** An answer to one conflict: one side, both annotations side by side, or what both started from. */
export type ConflictAnswer = 'ours' | 'theirs' | 'both' | 'base';

/** Which answer to take for a conflict; undefined leaves it open. */
export type ConflictChoice = (conflict: SidecarConflict) => ConflictAnswer | undefined;

/**
 * The answers that mean something for a conflict: both sides always; both annotations only where
 * the two are different spans or labels (two copies of one span and label would be one tag twice);
 * the base only where there was one.
 */
export function answersFor(c: SidecarConflict): ConflictAnswer[] {
  const answers: ConflictAnswer[] = ['ours', 'theirs'];
  const { ours, theirs } = c;
  if (c.part === 'annotations' && ours && theirs && (ours['start'] !== theirs['start'] || ours['end'] !== theirs['end'] || ours['label'] !== theirs['label'])) answers.push('both');
  if (c.base) answers.push('base');
  return answers;
}

/**
 * Takes the chosen answers. The sidecar holds ours already, so taking ours only drops the
 * conflict; taking theirs (or the base) puts that version in place of ours, or removes the
 * annotation that version does not have; taking both keeps ours and adds theirs under a new id.
 * An answer that does not fit its conflict (see `answersFor`) leaves it open. The result is checked
 * as a whole sidecar before it is returned, so a choice never yields a file that readers refuse.
 */
export function resolveConflicts(
  sidecar: Sidecar,
  conflicts: readonly SidecarConflict[],
  choose: ConflictChoice,
): { ok: true; sidecar: Sidecar; open: readonly SidecarConflict[]; text: string } | { ok: false; message: string } {
  let annotations: Annotation[] = [...sidecar.annotations];
  let document: SidecarDocument = sidecar.document;
  let annotator = sidecar.annotator;
  /** Parts of a newer schema (relations…): lists by id, or single values. */
  const others: Record<string, unknown> = {};
  const open: SidecarConflict[] = [];
  let highest = 0;
  for (const id of [...annotations.map((a) => a.id), ...conflicts.flatMap((c) => [c.id, c.base?.['id'], c.ours?.['id'], c.theirs?.['id']])]) {
    const m = typeof id === 'string' ? /^t(\d+)$/.exec(id) : null;
    if (m) highest = Math.max(highest, Number(m[1]));
  }
  for (const c of conflicts) {
    const choice = choose(c);
    if (choice === undefined || !answersFor(c).includes(choice)) {
      open.push(c);
      continue;
    }
    if (choice === 'ours') continue;
    if (choice === 'both') {
      annotations.push({ ...(c.theirs as unknown as Annotation), id: `t${++highest}` });
      continue;
    }
    const taken = choice === 'theirs' ? c.theirs : c.base;
    if (c.part === 'annotations') {
      annotations = annotations.filter((a) => a.id !== c.id);
      if (taken) annotations.push(taken as unknown as Annotation);
    } else if (c.part === 'document' && taken) document = taken as unknown as SidecarDocument;
    else if (c.part === 'annotator' && typeof taken?.['annotator'] === 'string') annotator = taken['annotator'];
    else if (c.id !== undefined) {
      const list = (others[c.part] ?? (sidecar as unknown as Record<string, unknown>)[c.part] ?? []) as FieldRecord[];
      others[c.part] = [...list.filter((r) => r['id'] !== c.id), ...(taken ? [taken] : [])];
    } else if (taken) others[c.part] = taken[c.part];
  }
  const next: Sidecar = { ...sidecar, ...others, document, annotator, annotations };
  const checked = validateSidecarObject(JSON.parse(JSON.stringify(next)) as unknown);
  const error = checked.problems.find((p) => p.severity === 'error');
  if (!checked.sidecar || error) return { ok: false, message: error?.message ?? 'the result is not a sidecar' };
  return { ok: true, sidecar: checked.sidecar, open, text: sidecarWithConflicts(checked.sidecar, open) };
}
