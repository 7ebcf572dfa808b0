/** What every file of a `detect` or `annotate` run shares; plain data, so it can cross to a worker. */
export interface BatchSettings {
  /** YYYY-MM-DD given with `--date`; otherwise each file's sidecar date or dateline. */
  readonly date?: string;
  readonly labels: readonly string[];
  /** Annotator of new sidecars, and the `${annotator}` of the sidecar pattern. */
  readonly annotator: string;
  readonly pattern: string;
  /** `--model`: a model file, or `none` for the rules alone; undefined: the base model. */
  readonly model?: string;
  /** The model's spans below this probability are not proposed (the project's `recognizer.threshold`). */
  readonly threshold?: number;
}

/** One file's work. */
export interface BatchTask {
  readonly kind: 'detect' | 'annotate';
  readonly file: string;
  readonly settings: BatchSettings;
}

/** A file's outcome: the lines to print (JSON lines on stdout for detect, a summary on stderr for annotate), or why it failed. */
export type BatchResult = { readonly ok: true; readonly lines: readonly string[]; readonly spans: number } | { readonly ok: false; readonly message: string };
