import type { LabelDefinition } from '../model/labels';
import type { AgreementCounts, DocumentInput } from './agreementCounts';
import { countDocument, emptyCounts, mergeCounts } from './agreementCounts';
import type { AgreementFigures } from './agreementFigures';
import { figuresFromCounts } from './agreementFigures';
import { acceptedTags, partitionSets } from './annotatorSet';
import type { RelationFigures } from './relationAgreement';
import { RELATION_METHOD, relationAgreement } from './relationAgreement';
import { DEFAULT_PROJECT_SCHEMA } from '../model/projectSchema';

export interface AgreementOptions {
  /** The project's label set: orders the labels and tells known from unknown ones (which are kept). */
  readonly labels?: readonly LabelDefinition[];
  /** Split proclitics before the article when tokenising (default true, as in CoNLL export). */
  readonly splitProclitics?: boolean;
  /** Relation types read both ways (their ends may be swapped when relations are compared); defaults to the news schema's. */
  readonly symmetricRelationTypes?: readonly string[];
}

export interface DocumentFigures {
  readonly document: string;
  readonly figures: AgreementFigures;
}

/** How the figures were made, in words, carried with the figures so a JSON reader need not guess. */
export const AGREEMENT_METHOD = {
  spans:
    'Only accepted spans count. Exact match: same start, end and label. Overlap match: same label and at least one shared code point, ' +
    'paired one-to-one, greedily by most shared code points. Precision is measured against the second annotator of a pair, recall against the first.',
  tokens:
    'Tokens from the project tokeniser (ICU words, punctuation separate, proclitics split before the article). ' +
    'A token takes the BIO tag of a span sharing a code point with it; on overlaps the span starting first, then the longest, wins. ' +
    'Per label, only that label’s spans are seen.',
  confusion: 'Over tokens: label of the first annotator (rows) against the second (columns), BIO prefix dropped, O outside every span.',
  aggregation: 'Over several documents, counts are summed and then divided; documents are not averaged.',
  undefined: 'An undefined figure is null with a reason.',
  unitizingAlpha: 'Krippendorff’s unitizing α is not provided.',
  relations: RELATION_METHOD,
} as const;

export interface AgreementReport {
  readonly format: 'tawsim-agreement';
  readonly version: 1;
  readonly method: typeof AGREEMENT_METHOD;
  /** Every document with its own figures, in input order. */
  readonly documents: readonly DocumentFigures[];
  /** The folder: counts of all documents summed. */
  readonly total: AgreementFigures;
  /** Relation agreement over all documents, when any annotator marked a relation. */
  readonly relations?: RelationFigures;
}

/** Figures for one document. */
export function measureDocument(doc: DocumentInput, options: AgreementOptions = {}): DocumentFigures {
  const counts = countDocument(doc, labelsOf([doc]), options.splitProclitics ?? true);
  return {
    document: doc.document,
    figures: figuresFromCounts(
      counts,
      options.labels?.map((l) => l.id),
    ),
  };
}

/**
 * Figures per document and for all of them. The result is plain JSON (no Map, no NaN): it is what
 * `--json` prints and what the report webview receives.
 */
export function measureAgreement(docs: readonly DocumentInput[], options: AgreementOptions = {}): AgreementReport {
  const labels = labelsOf(docs);
  const order = options.labels?.map((l) => l.id);
  const total: AgreementCounts = emptyCounts();
  const documents: DocumentFigures[] = [];
  for (const doc of docs) {
    const counts = countDocument(doc, labels, options.splitProclitics ?? true);
    documents.push({ document: doc.document, figures: figuresFromCounts(counts, order) });
    mergeCounts(total, counts);
  }
  const symmetric = new Set(options.symmetricRelationTypes ?? DEFAULT_PROJECT_SCHEMA.relationTypes.filter((t) => t.symmetric).map((t) => t.id));
  const relations = relationAgreement(docs, (type) => symmetric.has(type));
  return { format: 'tawsim-agreement', version: 1, method: AGREEMENT_METHOD, documents, total: figuresFromCounts(total, order), ...(relations ? { relations } : {}) };
}

function labelsOf(docs: readonly DocumentInput[]): string[] {
  const labels = new Set<string>();
  for (const doc of docs) {
    for (const set of partitionSets(doc.sets).included) for (const t of acceptedTags(set.annotations)) labels.add(t.label);
  }
  return [...labels];
}
