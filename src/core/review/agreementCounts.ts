import type { Annotation } from '../model/annotation';
import type { AnnotatorSet, ExcludedSet } from './annotatorSet';
import { acceptedTags, partitionSets } from './annotatorSet';
import type { AlphaCounts } from './krippendorffAlpha';
import { addAlphaUnit, emptyAlphaCounts, mergeAlphaCounts } from './krippendorffAlpha';
import type { Contingency } from './contingency';
import { addToContingency, mergeContingency } from './contingency';
import type { FleissCounts } from './fleissKappa';
import { addFleissItem, emptyFleissCounts, mergeFleissCounts } from './fleissKappa';
import type { SpanCounts } from './spanMatching';
import { NO_SPANS, addSpanCounts, exactMatchCounts, overlapMatchCounts } from './spanMatching';
import { bioTags, tagLabel, tokenRanges } from './tokenTags';

/** One document as the caller has it: its current text and each annotator's set. */
export interface DocumentInput {
  /** Name shown in reports, usually the path relative to the folder. */
  readonly document: string;
  readonly text: string;
  readonly sets: readonly AnnotatorSet[];
}

/** Counts for one pair of annotators, over all labels or over one label's spans and tags. */
export interface PairCounts {
  exact: SpanCounts;
  overlap: SpanCounts;
  /** BIO tag of a against BIO tag of b, per token. */
  readonly tags: Contingency;
}

export interface PairTally {
  readonly a: string;
  readonly b: string;
  readonly all: PairCounts;
  /** Per label; the token tags only see that label's spans. */
  readonly labels: Map<string, PairCounts>;
  /** Label (BIO prefix dropped, `O` outside) of a against b, per token. */
  readonly confusion: Contingency;
}

export interface GroupCounts {
  readonly alpha: AlphaCounts;
  readonly fleiss: FleissCounts;
  /** Accepted spans over all compared annotators. */
  spans: number;
}

/**
 * Everything the figures are computed from, as sums. A folder's counts are the sum of its documents'
 * counts, so folder figures weigh every token and span equally instead of averaging documents.
 */
export interface AgreementCounts {
  readonly annotators: string[];
  readonly excluded: ExcludedSet[];
  documents: number;
  tokens: number;
  /** Pairs keyed by `a\u0000b`, a before b in code unit order, so documents add up in the same orientation. */
  readonly pairs: Map<string, PairTally>;
  readonly group: GroupCounts;
  readonly labels: Map<string, GroupCounts>;
}

export function emptyCounts(): AgreementCounts {
  return { annotators: [], excluded: [], documents: 0, tokens: 0, pairs: new Map(), group: emptyGroup(), labels: new Map() };
}

function emptyGroup(): GroupCounts {
  return { alpha: emptyAlphaCounts(), fleiss: emptyFleissCounts(), spans: 0 };
}

function emptyPair(): PairCounts {
  return { exact: NO_SPANS, overlap: NO_SPANS, tags: new Map() };
}

interface AnnotatorView {
  readonly annotator: string;
  readonly tags: readonly Annotation[];
  readonly byLabel: Map<string, Annotation[]>;
  readonly bio: readonly string[];
  readonly bioByLabel: Map<string, readonly string[]>;
}

/**
 * Counts one document. `labels` are the labels to tally per label; pass the folder's labels so that
 * a document without some label still adds its tokens (all `O` for that label) to the label's
 * token figures.
 */
export function countDocument(doc: DocumentInput, labels: readonly string[], splitProclitics = true): AgreementCounts {
  const counts = emptyCounts();
  const { included, excluded } = partitionSets(doc.sets);
  counts.excluded.push(...excluded.map((e) => ({ ...e, document: doc.document })));
  counts.documents = 1;
  const tokens = tokenRanges(doc.text, splitProclitics);
  counts.tokens = tokens.length;
  const allLabels = [...new Set([...labels, ...included.flatMap((s) => acceptedTags(s.annotations).map((t) => t.label))])];

  const views: AnnotatorView[] = [...included]
    .sort((x, y) => (x.annotator < y.annotator ? -1 : x.annotator > y.annotator ? 1 : 0))
    .map((set) => {
      const tags = acceptedTags(set.annotations);
      const byLabel = new Map<string, Annotation[]>(allLabels.map((l) => [l, []]));
      for (const t of tags) byLabel.get(t.label)?.push(t);
      const bioByLabel = new Map<string, readonly string[]>();
      for (const [label, spans] of byLabel) bioByLabel.set(label, bioTags(tokens, spans));
      return { annotator: set.annotator, tags, byLabel, bio: bioTags(tokens, tags), bioByLabel };
    });
  counts.annotators.push(...included.map((s) => s.annotator));

  for (let i = 0; i < views.length; i++) {
    for (let j = i + 1; j < views.length; j++) {
      const a = views[i] as AnnotatorView;
      const b = views[j] as AnnotatorView;
      counts.pairs.set(pairKey(a.annotator, b.annotator), countPair(a, b, allLabels));
    }
  }

  counts.group.spans = views.reduce((n, v) => n + v.tags.length, 0);
  addGroupUnits(
    counts.group,
    views.map((v) => v.bio),
    tokens.length,
  );
  for (const label of allLabels) {
    const group = emptyGroup();
    group.spans = views.reduce((n, v) => n + (v.byLabel.get(label)?.length ?? 0), 0);
    addGroupUnits(
      group,
      views.map((v) => v.bioByLabel.get(label) ?? []),
      tokens.length,
    );
    counts.labels.set(label, group);
  }
  return counts;
}

function countPair(a: AnnotatorView, b: AnnotatorView, labels: readonly string[]): PairTally {
  const all = emptyPair();
  const confusion: Contingency = new Map();
  for (let t = 0; t < a.bio.length; t++) {
    const ta = a.bio[t] as string;
    const tb = b.bio[t] as string;
    addToContingency(all.tags, ta, tb);
    addToContingency(confusion, tagLabel(ta), tagLabel(tb));
  }
  const perLabel = new Map<string, PairCounts>();
  for (const label of labels) {
    const spansA = a.byLabel.get(label) ?? [];
    const spansB = b.byLabel.get(label) ?? [];
    const counts: PairCounts = { exact: exactMatchCounts(spansA, spansB), overlap: overlapMatchCounts(spansA, spansB), tags: new Map() };
    const bioA = a.bioByLabel.get(label) ?? [];
    const bioB = b.bioByLabel.get(label) ?? [];
    for (let t = 0; t < bioA.length; t++) addToContingency(counts.tags, bioA[t] as string, bioB[t] as string);
    // Matching only pairs spans of the same label, so the all-label span counts are the per-label sums.
    all.exact = addSpanCounts(all.exact, counts.exact);
    all.overlap = addSpanCounts(all.overlap, counts.overlap);
    perLabel.set(label, counts);
  }
  return { a: a.annotator, b: b.annotator, all, labels: perLabel, confusion };
}

function addGroupUnits(group: GroupCounts, tagRows: readonly (readonly string[])[], tokenCount: number): void {
  // One annotator alone gives no pairable unit and is no Fleiss item.
  if (tagRows.length < 2) return;
  const values: string[] = new Array<string>(tagRows.length);
  for (let t = 0; t < tokenCount; t++) {
    for (let k = 0; k < tagRows.length; k++) values[k] = (tagRows[k] as readonly string[])[t] as string;
    addAlphaUnit(group.alpha, values);
    addFleissItem(group.fleiss, values);
  }
}

export function pairKey(a: string, b: string): string {
  return `${a}\u0000${b}`;
}

/** Adds `from` into `into`. */
export function mergeCounts(into: AgreementCounts, from: AgreementCounts): void {
  for (const a of from.annotators) if (!into.annotators.includes(a)) into.annotators.push(a);
  into.excluded.push(...from.excluded);
  into.documents += from.documents;
  into.tokens += from.tokens;
  for (const [key, tally] of from.pairs) {
    const target = into.pairs.get(key);
    if (target === undefined) {
      into.pairs.set(key, clonePair(tally));
      continue;
    }
    mergePairCounts(target.all, tally.all);
    mergeContingency(target.confusion, tally.confusion);
    for (const [label, c] of tally.labels) {
      const t = target.labels.get(label);
      if (t === undefined) target.labels.set(label, clonePairCounts(c));
      else mergePairCounts(t, c);
    }
  }
  mergeGroup(into.group, from.group);
  for (const [label, g] of from.labels) {
    let target = into.labels.get(label);
    if (target === undefined) {
      target = emptyGroup();
      into.labels.set(label, target);
    }
    mergeGroup(target, g);
  }
}

function mergePairCounts(into: PairCounts, from: PairCounts): void {
  into.exact = addSpanCounts(into.exact, from.exact);
  into.overlap = addSpanCounts(into.overlap, from.overlap);
  mergeContingency(into.tags, from.tags);
}

function clonePairCounts(c: PairCounts): PairCounts {
  const copy = emptyPair();
  mergePairCounts(copy, c);
  return copy;
}

function clonePair(p: PairTally): PairTally {
  const confusion: Contingency = new Map();
  mergeContingency(confusion, p.confusion);
  return {
    a: p.a,
    b: p.b,
    all: clonePairCounts(p.all),
    labels: new Map([...p.labels].map(([l, c]) => [l, clonePairCounts(c)])),
    confusion,
  };
}

function mergeGroup(into: GroupCounts, from: GroupCounts): void {
  mergeAlphaCounts(into.alpha, from.alpha);
  mergeFleissCounts(into.fleiss, from.fleiss);
  into.spans += from.spans;
}
