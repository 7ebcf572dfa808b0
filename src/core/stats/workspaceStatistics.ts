import type { AnnotationStatus, ReviewRecord } from '../model/annotation';
import { tallyAnnotations } from './annotationTally';
import type { SetTally } from './annotationTally';

/** What counting needs of one annotation: no offsets, no text. */
export interface CountedAnnotation {
  readonly label: string;
  readonly status: AnnotationStatus;
  readonly review?: ReviewRecord;
  readonly orphan?: boolean;
}

/**
 * One sidecar's annotations (an annotator's, or the reviewer's gold set): the annotations
 * themselves, or only their tally (what the sidecar index keeps, so no sidecar is read to count).
 */
export type CountedSet = {
  readonly annotator: string;
  /** The adjudicated sidecar: its spans are the reviewer's decisions, not an annotator's work. */
  readonly gold: boolean;
} & ({ readonly annotations: readonly CountedAnnotation[] } | { readonly tally: SetTally });

export interface CountedDocument {
  /** Workspace-relative path, the document's name in the figures. */
  readonly path: string;
  readonly sets: readonly CountedSet[];
}

export interface StatisticsInput {
  /** Every text in the workspace that Tawsim annotates, with or without sidecars. */
  readonly documents: readonly CountedDocument[];
  /** Label ids in the configured order; labels found outside it follow, alphabetically. */
  readonly labelOrder?: readonly string[];
}

/** Counts by status; `total` is their sum. */
export interface StatusCounts {
  readonly accepted: number;
  readonly suggested: number;
  readonly rejected: number;
  readonly total: number;
}

export interface LabelStatistics extends StatusCounts {
  readonly label: string;
  /** Whether the label is in the configured set (sidecars may hold others; they are kept and counted). */
  readonly known: boolean;
  /** Documents with at least one accepted span of this label. */
  readonly documents: number;
}

export interface AnnotatorStatistics extends StatusCounts {
  readonly annotator: string;
  /** Documents this annotator has a sidecar for. */
  readonly documents: number;
  /** Of those, documents with at least one accepted tag. */
  readonly annotated: number;
}

export interface DocumentStatistics extends StatusCounts {
  readonly path: string;
  /** Annotators with a sidecar for the document, gold excluded, sorted. */
  readonly annotators: readonly string[];
  /** At least one accepted tag, in any sidecar. */
  readonly annotated: boolean;
  /** A gold sidecar exists, or some span carries a review record. */
  readonly reviewed: boolean;
  /** Spans in the gold sidecar that were accepted. */
  readonly gold: number;
  readonly orphans: number;
}

export interface WorkspaceStatistics {
  readonly totals: StatusCounts & {
    readonly documents: number;
    readonly annotated: number;
    readonly reviewed: number;
    readonly annotators: number;
    readonly orphans: number;
    readonly gold: number;
  };
  readonly labels: readonly LabelStatistics[];
  readonly annotators: readonly AnnotatorStatistics[];
  readonly documents: readonly DocumentStatistics[];
}

interface MutableCounts {
  accepted: number;
  suggested: number;
  rejected: number;
}

const zero = (): MutableCounts => ({ accepted: 0, suggested: 0, rejected: 0 });
const frozen = (c: MutableCounts): StatusCounts => ({ accepted: c.accepted, suggested: c.suggested, rejected: c.rejected, total: c.accepted + c.suggested + c.rejected });

/** Adds a tally's triple (in STATUS_ORDER) to `counts`. */
function add(counts: MutableCounts, triple: readonly number[]): void {
  counts.accepted += triple[0] as number;
  counts.suggested += triple[1] as number;
  counts.rejected += triple[2] as number;
}

/**
 * Counts a workspace's annotations per label, annotator and document, and its progress: documents
 * annotated (an accepted tag anywhere) and reviewed (a gold sidecar, or review records). Label,
 * annotator and status counts are the annotators' work: gold spans are the reviewer's decisions
 * about that work, so counting them again would count each tag twice; they are reported apart.
 */
export function countStatistics(input: StatisticsInput): WorkspaceStatistics {
  const order = input.labelOrder ?? [];
  const known = new Set(order);
  const labels = new Map<string, MutableCounts & { docs: Set<string> }>();
  const annotators = new Map<string, MutableCounts & { docs: Set<string>; annotatedDocs: Set<string> }>();
  const documents: DocumentStatistics[] = [];
  const total = zero();
  let orphansTotal = 0;
  let goldTotal = 0;
  for (const label of order) labels.set(label, { ...zero(), docs: new Set() });

  for (const doc of input.documents) {
    const counts = zero();
    const names = new Set<string>();
    let annotated = false;
    let reviewed = false;
    let gold = 0;
    let orphans = 0;
    for (const set of doc.sets) {
      const tally = 'tally' in set ? set.tally : tallyAnnotations(set.annotations);
      if (set.gold) {
        reviewed = true;
        for (const triple of Object.values(tally.counts)) gold += triple[0];
        if (gold > 0) annotated = true;
        continue;
      }
      names.add(set.annotator);
      let annotator = annotators.get(set.annotator);
      if (!annotator) {
        annotator = { ...zero(), docs: new Set(), annotatedDocs: new Set() };
        annotators.set(set.annotator, annotator);
      }
      annotator.docs.add(doc.path);
      if (tally.reviewed) reviewed = true;
      orphans += tally.orphans;
      for (const [id, triple] of Object.entries(tally.counts)) {
        let label = labels.get(id);
        if (!label) {
          label = { ...zero(), docs: new Set() };
          labels.set(id, label);
        }
        // Four explicit sums: a closure per label and sidecar is what made this loop slow on a large corpus.
        add(label, triple);
        add(annotator, triple);
        add(counts, triple);
        add(total, triple);
        if (triple[0] > 0) {
          annotated = true;
          label.docs.add(doc.path);
          annotator.annotatedDocs.add(doc.path);
        }
      }
    }
    orphansTotal += orphans;
    goldTotal += gold;
    documents.push({ path: doc.path, ...frozen(counts), annotators: [...names].sort(compareText), annotated, reviewed, gold, orphans });
  }

  documents.sort((a, b) => compareText(a.path, b.path));
  const labelIds = [...labels.keys()].sort((a, b) => rank(order, a) - rank(order, b) || compareText(a, b));
  return {
    totals: {
      ...frozen(total),
      documents: documents.length,
      annotated: documents.filter((d) => d.annotated).length,
      reviewed: documents.filter((d) => d.reviewed).length,
      annotators: annotators.size,
      orphans: orphansTotal,
      gold: goldTotal,
    },
    labels: labelIds.map((id) => {
      const l = labels.get(id) as MutableCounts & { docs: Set<string> };
      return { label: id, known: known.has(id), ...frozen(l), documents: l.docs.size };
    }),
    annotators: [...annotators.entries()]
      .map(([annotator, a]) => ({ annotator, ...frozen(a), documents: a.docs.size, annotated: a.annotatedDocs.size }))
      .sort((a, b) => b.accepted - a.accepted || compareText(a.annotator, b.annotator)),
    documents,
  };
}

function rank(order: readonly string[], id: string): number {
  const i = order.indexOf(id);
  return i < 0 ? order.length : i;
}

/** Code unit order: the same on every machine, whatever its locale (the webview sorts for display). */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
