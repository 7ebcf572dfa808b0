import type { Gazetteer } from '../recognize/gazetteer';
import type { AnnotationEvidence } from './annotatedLines';
import { annotatedLines } from './annotatedLines';
import { readModel, writeModel } from './modelFile';
import type { RefitReport } from './refit';
import { refitOnLines } from './refit';

/** At most this many annotated lines go into one re-fit. */
export const MAX_REFIT_LINES = 10_000;

/** What the editor sends its background worker: plain data, so it crosses to a worker thread or a web worker. */
export interface RefitRequest {
  readonly id: number;
  /** The model to start from (the base model's file bytes). */
  readonly base: Uint8Array;
  /** Every annotated document: its text and its annotations, UTF-16 offsets. */
  readonly documents: ReadonlyArray<{ readonly text: string; readonly annotations: readonly AnnotationEvidence[] }>;
  readonly gazetteers?: readonly Gazetteer[];
  readonly epochs?: number;
}

export type RefitResponse =
  | { readonly id: number; readonly ok: true; readonly model: Uint8Array; readonly report: RefitReport; readonly lines: number }
  | { readonly id: number; readonly ok: false; readonly message: string };

/** The worker's whole job: the annotated lines of every document, a re-fit from the base model, the new model's bytes. */
export function runRefit(request: RefitRequest): RefitResponse {
  try {
    const base = readModel(request.base, 'base model');
    // The budget is 5,000 lines in 20 s; past MAX_REFIT_LINES the latest documents' lines are kept.
    const lines = request.documents.flatMap((d) => annotatedLines(d.text, d.annotations, base.labels, base.tags)).slice(-MAX_REFIT_LINES);
    const { model, report } = refitOnLines(base, lines, {
      ...(request.gazetteers ? { gazetteers: request.gazetteers } : {}),
      ...(request.epochs !== undefined ? { epochs: request.epochs } : {}),
    });
    model.info = { ...base.info, refit: `${lines.length} lines from ${request.documents.length} documents` };
    return { id: request.id, ok: true, model: writeModel(model), report, lines: lines.length };
  } catch (e) {
    return { id: request.id, ok: false, message: (e as Error).message };
  }
}
