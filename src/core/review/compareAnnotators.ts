import type { Annotation } from '../model/annotation';
import type { AnnotatorSet, ExcludedSet } from './annotatorSet';
import { acceptedTags, partitionSets, tagKey } from './annotatorSet';

/** One span and label as proposed by one or more annotators. */
export interface Proposal {
  readonly start: number;
  readonly end: number;
  readonly label: string;
  /** The covered text, taken from the first proposer's annotation. */
  readonly text: string;
  readonly value?: string;
  /** Annotators who tagged exactly this span with this label, in input order. */
  readonly by: readonly string[];
}

/**
 * - `boundary`: the annotators' spans overlap but do not all start and end at the same place;
 * - `label`: same offsets everywhere, different labels;
 * - `missing`: some annotators have nothing there, the others agree on span and label.
 * The flags below tell the combinations (a boundary disagreement may also differ in label and miss annotators).
 */
export type DisagreementKind = 'boundary' | 'label' | 'missing';

export interface AnnotatorSpans {
  readonly annotator: string;
  /** This annotator's accepted spans in the disagreement; empty when the annotator has none there. */
  readonly spans: readonly Annotation[];
}

export interface Disagreement {
  /** `d<start>-<end>` of the extent: stable while the spans involved do not move, and unique within a document. */
  readonly id: string;
  readonly kind: DisagreementKind;
  /** Extent of all spans involved, code points, end exclusive. */
  readonly start: number;
  readonly end: number;
  /** Every included annotator, in input order, with their spans here. */
  readonly annotators: readonly AnnotatorSpans[];
  readonly missingIn: readonly string[];
  readonly labelsDiffer: boolean;
  readonly boundariesDiffer: boolean;
  /** Distinct span+label choices, sorted by start, end, label. */
  readonly proposals: readonly Proposal[];
}

export interface Comparison {
  /** Annotators compared, in input order. */
  readonly annotators: readonly string[];
  /** Stale or duplicate sets left out, with the reason. */
  readonly excluded: readonly ExcludedSet[];
  /** Spans tagged identically (span and label) by every compared annotator. */
  readonly agreed: readonly Proposal[];
  /** Sorted by position; walk them in this order. */
  readonly disagreements: readonly Disagreement[];
}

interface OwnedTag {
  readonly annotator: string;
  readonly tag: Annotation;
}

/**
 * Compares several annotators' tags on one document. Tags identical in every set are agreed; the
 * rest are grouped into clusters of transitively overlapping spans, and each cluster is one
 * disagreement. Agreed spans are taken out before clustering so that a nested span everyone agrees
 * on does not drag its neighbours into one large disagreement.
 */
export function compareAnnotators(sets: readonly AnnotatorSet[]): Comparison {
  const { included, excluded } = partitionSets(sets);
  const annotators = included.map((s) => s.annotator);
  const byKey = new Map<string, OwnedTag[]>();
  for (const set of included) {
    for (const tag of acceptedTags(set.annotations)) {
      const key = tagKey(tag);
      const list = byKey.get(key);
      if (list) list.push({ annotator: set.annotator, tag });
      else byKey.set(key, [{ annotator: set.annotator, tag }]);
    }
  }

  const agreed: Proposal[] = [];
  const rest: OwnedTag[] = [];
  for (const owned of byKey.values()) {
    if (owned.length === annotators.length) agreed.push(proposalOf(owned));
    else rest.push(...owned);
  }
  agreed.sort(compareProposals);
  rest.sort((x, y) => x.tag.start - y.tag.start || x.tag.end - y.tag.end);

  const disagreements: Disagreement[] = [];
  let cluster: OwnedTag[] = [];
  let clusterEnd = -Infinity;
  for (const owned of rest) {
    if (cluster.length > 0 && owned.tag.start >= clusterEnd) {
      disagreements.push(disagreementOf(cluster, annotators));
      cluster = [];
      clusterEnd = -Infinity;
    }
    cluster.push(owned);
    clusterEnd = Math.max(clusterEnd, owned.tag.end);
  }
  if (cluster.length > 0) disagreements.push(disagreementOf(cluster, annotators));

  return { annotators, excluded, agreed, disagreements };
}

function disagreementOf(cluster: readonly OwnedTag[], annotators: readonly string[]): Disagreement {
  const start = Math.min(...cluster.map((o) => o.tag.start));
  const end = Math.max(...cluster.map((o) => o.tag.end));
  const perAnnotator = annotators.map((annotator) => ({
    annotator,
    spans: cluster.filter((o) => o.annotator === annotator).map((o) => o.tag),
  }));
  const missingIn = perAnnotator.filter((p) => p.spans.length === 0).map((p) => p.annotator);
  const labelsDiffer = new Set(cluster.map((o) => o.tag.label)).size > 1;
  const boundariesDiffer = new Set(cluster.map((o) => `${o.tag.start}:${o.tag.end}`)).size > 1;
  const groups = new Map<string, OwnedTag[]>();
  for (const owned of cluster) {
    const key = tagKey(owned.tag);
    const list = groups.get(key);
    if (list) list.push(owned);
    else groups.set(key, [owned]);
  }
  const proposals = [...groups.values()].map(proposalOf).sort(compareProposals);
  const kind: DisagreementKind = boundariesDiffer ? 'boundary' : labelsDiffer ? 'label' : 'missing';
  return { id: `d${start}-${end}`, kind, start, end, annotators: perAnnotator, missingIn, labelsDiffer, boundariesDiffer, proposals };
}

function proposalOf(owned: readonly OwnedTag[]): Proposal {
  const first = (owned[0] as OwnedTag).tag;
  const base = { start: first.start, end: first.end, label: first.label, text: first.text, by: owned.map((o) => o.annotator) };
  return first.value === undefined ? base : { ...base, value: first.value };
}

function compareProposals(a: Proposal, b: Proposal): number {
  return a.start - b.start || a.end - b.end || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);
}
