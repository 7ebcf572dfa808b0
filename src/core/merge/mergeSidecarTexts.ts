import { dump } from 'js-yaml';
import type { Annotation } from '../model/annotation';
import { compareIds } from '../model/annotation';
import type { LabelDefinition } from '../model/labels';
import { parseSidecar } from '../sidecar/parseSidecar';
import { serializeSidecar, sidecarInKeyOrder } from '../sidecar/serializeSidecar';
import type { Sidecar, SidecarDocument } from '../sidecar/sidecarTypes';
import type { IdRecord, ItemConflict } from './mergeById';
import { mergeById } from './mergeById';
import type { FieldRecord } from './mergeRecord';
import { mergeRecord } from './mergeRecord';
import type { ConflictPart, SidecarConflict } from './sidecarConflicts';
import { CONFLICTS_KEY } from './sidecarConflicts';

/** Which of the three versions a problem was found in. */
export type MergeSide = 'base' | 'ours' | 'theirs';

export type SidecarMergeResult =
  | { readonly ok: true; readonly text: string; readonly sidecar: Sidecar; readonly conflicts: readonly SidecarConflict[] }
  | { readonly ok: false; readonly side: MergeSide; readonly line: number; readonly message: string };

/**
 * Three-way merge of one sidecar's versions, as git's merge driver sees them (an empty base when
 * the file was added on both sides). Annotations are merged by id and by span (see mergeById), the
 * document header and the annotator key by key. The text is the sidecar as the writer would write
 * it (ours where sides conflict), followed by a `conflicts:` list when there are conflicts; never
 * text conflict markers. A version that is not a readable sidecar stops the merge, naming the side,
 * the line and the problem.
 */
export function mergeSidecarTexts(base: string, ours: string, theirs: string, labels?: readonly LabelDefinition[]): SidecarMergeResult {
  const read = (side: MergeSide, text: string): Sidecar | Extract<SidecarMergeResult, { ok: false }> => {
    const parsed = parseSidecar(text, labels ? { labels } : {});
    if (parsed.sidecar) return parsed.sidecar;
    const error = parsed.problems.find((p) => p.severity === 'error') ?? parsed.problems[0];
    return { ok: false, side, line: error?.line ?? 1, message: error?.message ?? 'not a sidecar' };
  };
  const baseSidecar = base.trim() === '' ? undefined : read('base', base);
  if (baseSidecar && 'ok' in baseSidecar) return baseSidecar;
  const o = read('ours', ours);
  if ('ok' in o) return o;
  const t = read('theirs', theirs);
  if ('ok' in t) return t;
  return mergeSidecars(baseSidecar, o, t);
}

/** The merge itself, on parsed sidecars. */
export function mergeSidecars(base: Sidecar | undefined, ours: Sidecar, theirs: Sidecar): Extract<SidecarMergeResult, { ok: true }> {
  const conflicts: SidecarConflict[] = [];
  const baseDocument = base ? fieldsOf(base.document) : undefined;
  const document = mergeRecord(baseDocument, fieldsOf(ours.document), fieldsOf(theirs.document));
  if (document.contested.length > 0) {
    conflicts.push(partConflict('document', baseDocument, document.ours, document.theirs, document.contested, base === undefined));
  }
  const annotator = mergeRecord(base ? { annotator: base.annotator } : undefined, { annotator: ours.annotator }, { annotator: theirs.annotator });
  if (annotator.contested.length > 0) {
    conflicts.push(partConflict('annotator', base ? { annotator: base.annotator } : undefined, annotator.ours, annotator.theirs, annotator.contested, base === undefined));
  }
  const annotations = mergeAnnotationLists(base?.annotations ?? [], ours.annotations, theirs.annotations);
  conflicts.push(...annotations.conflicts.map((c) => ({ part: 'annotations' as const, ...c })));
  const others = mergeOtherParts(base, ours, theirs, conflicts);
  const sidecar: Sidecar = {
    ...others,
    tawsim: Math.max(ours.tawsim, theirs.tawsim),
    document: document.ours as unknown as SidecarDocument,
    annotator: annotator.ours['annotator'] as string,
    annotations: annotations.items,
  };
  return { ok: true, sidecar, conflicts, text: sidecarWithConflicts(sidecar, conflicts) };
}

const KNOWN_PARTS = new Set(['tawsim', 'document', 'annotator', 'annotations']);

/**
 * Every other part a newer reader gives the sidecar (schema 2's relations, and whatever follows):
 * a list of records with ids is merged as annotations are, by id and by content; anything else key
 * by key. So nothing one side added is dropped by a merge written before the part existed.
 */
function mergeOtherParts(base: Sidecar | undefined, ours: Sidecar, theirs: Sidecar, conflicts: SidecarConflict[]): Record<string, unknown> {
  const b = (base ?? {}) as Record<string, unknown>;
  const o = ours as unknown as Record<string, unknown>;
  const t = theirs as unknown as Record<string, unknown>;
  const merged: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(o), ...Object.keys(t), ...Object.keys(b)])) {
    if (KNOWN_PARTS.has(key)) continue;
    const lists = [b[key] ?? [], o[key] ?? [], t[key] ?? []];
    if (lists.every(isIdList)) {
      const [bl, ol, tl] = lists as [IdRecord[], IdRecord[], IdRecord[]];
      let highest = 0;
      const prefix = /^([^\d]*)\d+$/.exec(ol[0]?.id ?? tl[0]?.id ?? '')?.[1] ?? `${key.charAt(0)}`;
      for (const r of [...bl, ...ol, ...tl]) highest = Math.max(highest, Number(/(\d+)$/.exec(r.id)?.[1] ?? 0));
      const result = mergeById(bl, ol, tl, {
        identity: (r) =>
          JSON.stringify(
            Object.entries(r)
              .filter(([k]) => k !== 'id')
              .sort(([x], [y]) => (x < y ? -1 : 1)),
          ),
        freshId: () => `${prefix}${++highest}`,
      });
      conflicts.push(...result.conflicts.map((c) => ({ part: key, ...c })));
      if (result.items.length > 0 || o[key] !== undefined) merged[key] = result.items;
      continue;
    }
    const record = mergeRecord(base ? { [key]: b[key] } : undefined, { [key]: o[key] }, { [key]: t[key] });
    if (record.contested.length > 0) conflicts.push(partConflict(key, base ? { [key]: b[key] } : undefined, record.ours, record.theirs, record.contested, base === undefined));
    if (record.ours[key] !== undefined) merged[key] = record.ours[key];
  }
  return merged;
}

function isIdList(value: unknown): value is IdRecord[] {
  return Array.isArray(value) && value.every((r) => typeof r === 'object' && r !== null && typeof (r as { id?: unknown }).id === 'string');
}

function fieldsOf(value: object): FieldRecord {
  return value as FieldRecord;
}

function partConflict(part: ConflictPart, base: FieldRecord | undefined, ours: FieldRecord, theirs: FieldRecord, fields: readonly string[], added: boolean): SidecarConflict {
  return { part, reason: added ? 'added-both' : 'changed-both', fields, ...(base ? { base } : {}), ours, theirs };
}

/**
 * Annotations three ways. Identity is span and label for placed spans and quote and label for
 * orphans (as the two-way merge of the command line counts them); fresh ids continue above every id
 * of the three versions.
 */
function mergeAnnotationLists(
  base: readonly Annotation[],
  ours: readonly Annotation[],
  theirs: readonly Annotation[],
): { items: Annotation[]; conflicts: readonly ItemConflict<IdRecord>[] } {
  let highest = 0;
  for (const a of [...base, ...ours, ...theirs]) {
    const m = /^t(\d+)$/.exec(a.id);
    if (m) highest = Math.max(highest, Number(m[1]));
  }
  const merged = mergeById(base as unknown as IdRecord[], ours as unknown as IdRecord[], theirs as unknown as IdRecord[], {
    identity: (a) => (a['orphan'] === true ? `orphan\u0000${String(a['label'])}\u0000${String(a['text'])}` : `${String(a['start'])}:${String(a['end'])}:${String(a['label'])}`),
    freshId: () => `t${++highest}`,
  });
  return { items: merged.items as unknown as Annotation[], conflicts: [...merged.conflicts].sort((a, b) => compareIds(a.id, b.id)) };
}

/** The sidecar's text, then its conflicts (each side in the sidecar's own key order). */
export function sidecarWithConflicts(sidecar: Sidecar, conflicts: readonly SidecarConflict[]): string {
  const text = serializeSidecar(sidecar);
  if (conflicts.length === 0) return text;
  const ordered = conflicts.map((c) => ({
    part: c.part,
    ...(c.id !== undefined ? { id: c.id } : {}),
    reason: c.reason,
    fields: [...c.fields],
    ...(c.base ? { base: inKeyOrder(sidecar, c.part, c.base) } : {}),
    ...(c.ours ? { ours: inKeyOrder(sidecar, c.part, c.ours) } : {}),
    ...(c.theirs ? { theirs: inKeyOrder(sidecar, c.part, c.theirs) } : {}),
  }));
  return text + dump({ [CONFLICTS_KEY]: ordered }, { lineWidth: -1, noRefs: true, quotingType: '"' });
}

function inKeyOrder(sidecar: Sidecar, part: ConflictPart, record: FieldRecord): unknown {
  if (part === 'annotations') return (sidecarInKeyOrder({ ...sidecar, annotations: [record as unknown as Annotation] })['annotations'] as unknown[])[0];
  if (part === 'document') return sidecarInKeyOrder({ ...sidecar, document: record as unknown as SidecarDocument })['document'];
  return record;
}
