/**
 * Reading WebAnno TSV 3.3 relation cells: the base-type column names the row of a relation's
 * source (governor), optionally followed by `[source_target]` disambiguation ids, `0` for an end
 * that needs none (webannotsv.adoc, "Relation Annotations").
 */

export interface RelationRef {
  readonly sourceRow: string;
  readonly sourceId: number;
  readonly targetId: number;
}

export interface PendingWebannoRelation extends RelationRef {
  readonly type: string;
  readonly targetRow: string;
  readonly line: number;
}

/** `1-3`, `1-3.2` or `1-3[1_2]`; undefined for anything else. */
export function parseRelationRef(item: string): RelationRef | undefined {
  const m = /^(\d+-\d+(?:\.\d+)?)(?:\[(\d+)_(\d+)\])?$/.exec(item);
  if (!m) return undefined;
  return { sourceRow: m[1] as string, sourceId: Number(m[2] ?? 0), targetId: Number(m[3] ?? 0) };
}

/** A cell's stacked items: split at `|` not escaped by a backslash. */
export function splitUnescaped(cell: string): string[] {
  return cell.split(/(?<!\\)\|/);
}
