/** A plain record as read from YAML: an annotation, a document header, and later a relation. */
export type FieldRecord = Readonly<Record<string, unknown>>;

/** The result of merging one record three ways, field by field. */
export interface RecordMerge {
  /** Every field either side changed alone, and ours where both changed it differently. */
  readonly ours: FieldRecord;
  /** The same, with theirs where both changed it differently. */
  readonly theirs: FieldRecord;
  /** Fields both sides changed, each to something else: empty when the merge is clean. */
  readonly contested: readonly string[];
}

/**
 * Three-way merge of one record key by key: a key only one side changed takes that side's value, a
 * key both changed the same way takes it, and a key both changed differently is contested. A
 * missing base (both sides added the record) makes every differing key contested. Keys keep the
 * order of ours, then of theirs, so the writer's own key order is not disturbed.
 */
export function mergeRecord(base: FieldRecord | undefined, ours: FieldRecord, theirs: FieldRecord): RecordMerge {
  const keys = [...new Set([...Object.keys(ours), ...Object.keys(theirs), ...Object.keys(base ?? {})])];
  const mergedOurs: Record<string, unknown> = {};
  const mergedTheirs: Record<string, unknown> = {};
  const contested: string[] = [];
  for (const key of keys) {
    const o = ours[key];
    const t = theirs[key];
    const b = base?.[key];
    let pick: unknown;
    if (sameValue(o, t)) pick = o;
    else if (base !== undefined && sameValue(b, o)) pick = t;
    else if (base !== undefined && sameValue(b, t)) pick = o;
    else {
      contested.push(key);
      if (o !== undefined) mergedOurs[key] = o;
      if (t !== undefined) mergedTheirs[key] = t;
      continue;
    }
    if (pick !== undefined) {
      mergedOurs[key] = pick;
      mergedTheirs[key] = pick;
    }
  }
  return { ours: mergedOurs, theirs: mergedTheirs, contested };
}

/** Deep equality of YAML values (scalars, lists, mappings); key order does not matter. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => sameValue(item, b[i]));
  }
  const ak = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const bk = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ak.length !== bk.length) return false;
  return ak.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
