import type { Annotation, AnnotationSource } from '../model/annotation';
import { compareAnnotations, nextAnnotationId } from '../model/annotation';
import type { Relation } from '../model/relation';
import { compareRelations, nextRelationId } from '../model/relation';
import type { Decision, GoldSet } from './adjudicate';
import type { AnnotatorSet } from './annotatorSet';
import { partitionSets, tagKey } from './annotatorSet';
import type { RelationEndSpan } from './relationAgreement';
import { relationEndsKey, relationKeysOf } from './relationAgreement';

/** One end of a relation as the annotators wrote it, in code points. */
export interface RelationEnd {
  readonly start: number;
  readonly end: number;
  readonly label: string;
  readonly text: string;
  readonly fragments?: readonly (readonly [number, number])[];
}

/** One relation (type and argument spans) as proposed by one or more annotators. */
export interface RelationProposal {
  /** Same type, same argument spans and labels (either way round for a symmetric type): stable across annotators. */
  readonly key: string;
  readonly type: string;
  readonly from: RelationEnd;
  readonly to: RelationEnd;
  /** Annotators who marked this relation, in input order. */
  readonly by: readonly string[];
}

export interface RelationComparison {
  /** Relations every compared annotator marked. */
  readonly agreed: readonly RelationProposal[];
  /** Relations some annotators marked and others did not, in document order of their first end. */
  readonly disagreements: readonly RelationProposal[];
}

/** The gold sidecar's two lists: decisions on spans and on relations, in code points. */
export interface GoldParts {
  readonly annotations: GoldSet;
  readonly relations: readonly Relation[];
}

/**
 * Compares the annotators' accepted relations between accepted, placed tags (as relation agreement
 * does): the same key in every set is agreed, the rest are disagreements, one per key.
 */
export function compareRelationSets(sets: readonly AnnotatorSet[], symmetric: (type: string) => boolean): RelationComparison {
  const { included } = partitionSets(sets);
  const byKey = new Map<string, { relation: Relation; set: AnnotatorSet; by: string[] }>();
  for (const set of included) {
    for (const [key, relation] of relationKeysOf(set, symmetric)) {
      const seen = byKey.get(key);
      if (seen) seen.by.push(set.annotator);
      else byKey.set(key, { relation, set, by: [set.annotator] });
    }
  }
  const agreed: RelationProposal[] = [];
  const disagreements: RelationProposal[] = [];
  for (const [key, { relation, set, by }] of byKey) {
    const ids = new Map(set.annotations.map((a) => [a.id, a]));
    const proposal: RelationProposal = { key, type: relation.type, from: endOf(ids.get(relation.from) as Annotation), to: endOf(ids.get(relation.to) as Annotation), by };
    (by.length === included.length ? agreed : disagreements).push(proposal);
  }
  return { agreed: agreed.sort(compareProposals), disagreements: disagreements.sort(compareProposals) };
}

/** The gold relation that decides a proposal (accepted or rejected), if any. */
export function goldRelationFor(gold: GoldParts, proposal: RelationProposal, symmetric: (type: string) => boolean): Relation | undefined {
  const byId = new Map(gold.annotations.map((a) => [a.id, a]));
  return gold.relations.find((r) => {
    const from = byId.get(r.from);
    const to = byId.get(r.to);
    return from !== undefined && to !== undefined && relationEndsKey(r.type, from, to, symmetric(r.type)) === proposal.key;
  });
}

/**
 * A relation disagreement is closed when gold has a decision on that relation, or when gold rejects
 * one of its ends (a relation cannot stand on a span the reviewer threw out).
 */
export function isRelationClosed(gold: GoldParts, proposal: RelationProposal, symmetric: (type: string) => boolean): boolean {
  if (goldRelationFor(gold, proposal, symmetric)) return true;
  return [proposal.from, proposal.to].some((end) => goldEnd(gold.annotations, end)?.status === 'rejected');
}

/** Keys of the relation disagreements still open, in document order. */
export function openRelationKeys(comparison: RelationComparison, gold: GoldParts, symmetric: (type: string) => boolean): string[] {
  return comparison.disagreements.filter((p) => !isRelationClosed(gold, p, symmetric)).map((p) => p.key);
}

export type RelationDecisionResult = { readonly gold: GoldParts } | { readonly problem: RelationDecisionProblem };

/** Why a relation decision could not be written; the editor words it. */
export type RelationDecisionProblem = { readonly kind: 'endRejected'; readonly end: RelationEnd } | { readonly kind: 'endUndecided'; readonly ends: readonly RelationEnd[] };

/**
 * Takes a relation into gold. Its ends must be in gold too (a relation joins annotations of one
 * file), so an end gold has no decision on is accepted with it, attributed to the relation's
 * annotators; an end gold rejects stops the decision.
 */
export function acceptRelation(gold: GoldParts, proposal: RelationProposal, decision: Decision, symmetric: (type: string) => boolean): RelationDecisionResult {
  let annotations: Annotation[] = [...gold.annotations];
  const ids: string[] = [];
  for (const end of [proposal.from, proposal.to]) {
    const existing = goldEnd(annotations, end);
    if (existing?.status === 'rejected') return { problem: { kind: 'endRejected', end } };
    if (existing) {
      ids.push(existing.id);
      continue;
    }
    const entry: Annotation = {
      id: nextAnnotationId(annotations),
      label: end.label,
      start: end.start,
      end: end.end,
      text: end.text,
      status: 'accepted',
      source: 'manual',
      ...(end.fragments ? { fragments: end.fragments } : {}),
      review: { by: decision.by, verdict: 'accepted', at: decision.at, from: [...proposal.by] },
    };
    annotations = [...annotations, entry].sort(compareAnnotations);
    ids.push(entry.id);
  }
  const relations = putRelation({ annotations, relations: gold.relations }, proposal, ids as [string, string], 'accepted', symmetric);
  return { gold: { annotations, relations } };
}

/**
 * Records that a relation is wrong. It stays in gold as rejected so the review does not ask again;
 * both ends must already have a decision in gold, since the relation names them by id.
 */
export function rejectRelation(gold: GoldParts, proposal: RelationProposal, symmetric: (type: string) => boolean): RelationDecisionResult {
  const ends = [proposal.from, proposal.to].map((end) => ({ end, entry: goldEnd(gold.annotations, end) }));
  const undecided = ends.filter((e) => e.entry === undefined).map((e) => e.end);
  if (undecided.length > 0) return { problem: { kind: 'endUndecided', ends: undecided } };
  const ids = ends.map((e) => (e.entry as Annotation).id) as [string, string];
  return { gold: { annotations: gold.annotations, relations: putRelation(gold, proposal, ids, 'rejected', symmetric) } };
}

/** Gold relations whose ends are still in gold: a span decision that drops an entry takes its relations with it. */
export function relationsWithEnds(annotations: GoldSet, relations: readonly Relation[]): Relation[] {
  const ids = new Set(annotations.map((a) => a.id));
  return relations.filter((r) => ids.has(r.from) && ids.has(r.to));
}

function putRelation(gold: GoldParts, proposal: RelationProposal, [from, to]: [string, string], status: 'accepted' | 'rejected', symmetric: (type: string) => boolean): Relation[] {
  const previous = goldRelationFor(gold, proposal, symmetric);
  const rest = gold.relations.filter((r) => r !== previous);
  const source: AnnotationSource = previous?.source ?? 'manual';
  const relation: Relation = {
    id: previous?.id ?? nextRelationId(gold.relations),
    type: proposal.type,
    from,
    to,
    status,
    source,
    ...(previous?.note !== undefined ? { note: previous.note } : {}),
  };
  return [...rest, relation].sort(compareRelations);
}

/** The gold entry at an end's span and label (fragments must match too when the end has them). */
function goldEnd(annotations: GoldSet, end: RelationEnd): Annotation | undefined {
  const key = tagKey(end);
  const fragments = fragmentKey(end);
  return annotations.find((a) => a.orphan !== true && tagKey(a) === key && fragmentKey(a) === fragments);
}

function fragmentKey(a: RelationEndSpan): string {
  return a.fragments ? a.fragments.map(([s, e]) => `${s}-${e}`).join(';') : '';
}

function endOf(a: Annotation): RelationEnd {
  return { start: a.start, end: a.end, label: a.label, text: a.text, ...(a.fragments ? { fragments: a.fragments } : {}) };
}

function compareProposals(a: RelationProposal, b: RelationProposal): number {
  const first = (p: RelationProposal): RelationEnd => (p.from.start <= p.to.start ? p.from : p.to);
  return first(a).start - first(b).start || a.from.start - b.from.start || a.to.start - b.to.start || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}
