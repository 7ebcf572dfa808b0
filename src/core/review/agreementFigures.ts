import type { ExcludedSet } from './annotatorSet';
import type { AgreementCounts, PairCounts, PairTally } from './agreementCounts';
import { cohenKappa } from './cohenKappa';
import type { Contingency } from './contingency';
import type { Figure } from './figure';
import { emptyFleissCounts, fleissKappa } from './fleissKappa';
import { emptyAlphaCounts, krippendorffAlpha } from './krippendorffAlpha';
import type { SpanFigures } from './spanMatching';
import { NO_SPANS, spanFigures } from './spanMatching';
import { OUTSIDE } from './tokenTags';

export interface PairFigures {
  /** First annotator (code unit order): the reference for recall. */
  readonly a: string;
  /** Second annotator: the reference for precision. */
  readonly b: string;
  readonly exact: SpanFigures;
  readonly overlap: SpanFigures;
  /** Over BIO tags per token. */
  readonly cohenKappa: Figure;
}

export interface LabelFigures {
  readonly label: string;
  /** Whether the label is in the label set given; null when none was given. Unknown labels are kept and shown. */
  readonly known: boolean | null;
  /** Accepted spans with this label, over all compared annotators. */
  readonly spans: number;
  readonly pairs: readonly PairFigures[];
  readonly krippendorffAlpha: Figure;
  readonly fleissKappa: Figure;
}

/**
 * Labels per token (BIO prefix dropped, `O` for outside), rows annotator a, columns annotator b:
 * `counts[i][j]` tokens that a labelled `labels[i]` and b labelled `labels[j]`.
 */
export interface ConfusionMatrix {
  readonly a: string;
  readonly b: string;
  readonly labels: readonly string[];
  readonly counts: readonly (readonly number[])[];
  readonly tokens: number;
}

export interface AgreementFigures {
  readonly annotators: readonly string[];
  readonly excluded: readonly ExcludedSet[];
  readonly documents: number;
  readonly tokens: number;
  /** Accepted spans over all compared annotators. */
  readonly spans: number;
  /** All labels together. */
  readonly pairs: readonly PairFigures[];
  readonly krippendorffAlpha: Figure;
  readonly fleissKappa: Figure;
  readonly labels: readonly LabelFigures[];
  readonly confusion: readonly ConfusionMatrix[];
}

/**
 * Turns counts into figures. `labelOrder` lists the label set's ids: those labels come first, in that
 * order, and are marked known; other labels follow in code unit order, marked unknown. Without a
 * label set every label's `known` is null. Labels no compared annotator used are left out.
 */
export function figuresFromCounts(counts: AgreementCounts, labelOrder?: readonly string[]): AgreementFigures {
  const present = [...counts.labels].filter(([, g]) => g.spans > 0).map(([l]) => l);
  const labels = orderLabels(present, labelOrder);
  const pairs = [...counts.pairs.values()];
  return {
    annotators: [...counts.annotators],
    excluded: [...counts.excluded],
    documents: counts.documents,
    tokens: counts.tokens,
    spans: counts.group.spans,
    pairs: pairs.map((p) => pairFigures(p, p.all)),
    krippendorffAlpha: krippendorffAlpha(counts.group.alpha),
    fleissKappa: fleissKappa(counts.group.fleiss),
    labels: labels.map((label) => {
      const group = counts.labels.get(label);
      return {
        label,
        known: labelOrder === undefined ? null : labelOrder.includes(label),
        spans: group?.spans ?? 0,
        pairs: pairs.map((p) => pairFigures(p, p.labels.get(label))),
        krippendorffAlpha: krippendorffAlpha(group?.alpha ?? emptyAlphaCounts()),
        fleissKappa: fleissKappa(group?.fleiss ?? emptyFleissCounts()),
      };
    }),
    confusion: pairs.map((p) => confusionMatrix(p, labels)),
  };
}

export function orderLabels(labels: Iterable<string>, labelOrder?: readonly string[]): string[] {
  const set = new Set(labels);
  const known = (labelOrder ?? []).filter((l) => set.has(l));
  const others = [...set].filter((l) => !known.includes(l)).sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  return [...known, ...others];
}

function pairFigures(tally: PairTally, counts: PairCounts | undefined): PairFigures {
  const c = counts ?? { exact: NO_SPANS, overlap: NO_SPANS, tags: new Map() };
  return { a: tally.a, b: tally.b, exact: spanFigures(c.exact), overlap: spanFigures(c.overlap), cohenKappa: cohenKappa(c.tags) };
}

function confusionMatrix(tally: PairTally, labels: readonly string[]): ConfusionMatrix {
  const order = [...labels, ...categoriesOf(tally.confusion).filter((l) => l !== OUTSIDE && !labels.includes(l)), OUTSIDE];
  let tokens = 0;
  const counts = order.map((row) =>
    order.map((column) => {
      const n = tally.confusion.get(row)?.get(column) ?? 0;
      tokens += n;
      return n;
    }),
  );
  return { a: tally.a, b: tally.b, labels: order, counts, tokens };
}

function categoriesOf(table: Contingency): string[] {
  const all = new Set<string>();
  for (const [row, cells] of table) {
    all.add(row);
    for (const column of cells.keys()) all.add(column);
  }
  return [...all].sort();
}
