import type { AnnotationSource, AnnotationStatus } from './annotation';

/**
 * A typed link between two annotations of one sidecar, by id (sidecar schema 2). Direction runs
 * from `from` to `to`; a symmetric type (see `RelationTypeDefinition`) reads the same both ways.
 */
export interface Relation {
  readonly id: string;
  readonly type: string;
  readonly from: string;
  readonly to: string;
  readonly note?: string;
  readonly status: AnnotationStatus;
  readonly source: AnnotationSource;
}

/** Relation ids look like `r12`; numeric parts compare numerically so r2 sorts before r10. */
export function compareRelations(a: Relation, b: Relation): number {
  const na = relationNumber(a.id);
  const nb = relationNumber(b.id);
  if (na !== undefined && nb !== undefined && na !== nb) return na - nb;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function relationNumber(id: string): number | undefined {
  const match = /^r(\d+)$/.exec(id);
  return match ? Number(match[1]) : undefined;
}

/** The next free id of the form `rN`, above every id in `existing` and not in `taken`. */
export function nextRelationId(existing: Iterable<Relation>, taken: (id: string) => boolean = () => false): string {
  let max = 0;
  for (const r of existing) {
    const n = relationNumber(r.id);
    if (n !== undefined && n > max) max = n;
  }
  let id = `r${max + 1}`;
  while (taken(id)) id = `r${++max + 1}`;
  return id;
}

/** Relations that touch none of the given annotation ids, and those that do. */
export function relationsWithout(relations: Iterable<Relation>, removedIds: ReadonlySet<string>): { kept: Relation[]; dropped: Relation[] } {
  const kept: Relation[] = [];
  const dropped: Relation[] = [];
  for (const r of relations) (removedIds.has(r.from) || removedIds.has(r.to) ? dropped : kept).push(r);
  return { kept, dropped };
}

/** Whether two relations say the same thing: same type and ends, either way round when the type is symmetric. */
export function sameRelation(a: Pick<Relation, 'type' | 'from' | 'to'>, b: Pick<Relation, 'type' | 'from' | 'to'>, symmetric = false): boolean {
  if (a.type !== b.type) return false;
  return (a.from === b.from && a.to === b.to) || (symmetric && a.from === b.to && a.to === b.from);
}
