import type { Gazetteer } from './gazetteer';
import type { EntityTagger } from '../tagger/entityTagger';

/** A suggested span. Offsets are UTF-16 indices into the text given to `recognize`, end exclusive. */
export interface RecognizedSpan {
  readonly start: number;
  readonly end: number;
  readonly label: string;
  /** The covered text, exactly `text.slice(start, end)`. */
  readonly text: string;
  /** TIMEX3-style value for DATE and TIME (`2021-11-24`, `XXXX-09-13`, `2023-W03`, `T10:30`, …). */
  readonly value?: string;
  readonly source: 'rules' | 'learned' | 'model';
  /** Why the span was suggested, for hovers: `gazetteer: countries`, `title: الرئيس`, `date: day month year`. */
  readonly reason: string;
  /** The model's probability for its span (0–1); rules and learned spans have none. */
  readonly score?: number;
  /** The model's best other reading of the span: a label, or `O` for no entity, with its probability. */
  readonly alternative?: { readonly label: string; readonly score: number };
}

/** A span the annotator tagged, to be suggested wherever its text occurs again. */
export interface LearnedEntry {
  readonly text: string;
  readonly label: string;
  readonly value?: string;
}

/**
 * A suggestion the annotator turned down. With a position (UTF-16, in the coordinates of the whole
 * document: see `RecognizeOptions.offset`), that one span is never suggested again; learned
 * suggestions of the same text and label are dropped everywhere. Without a position, every
 * suggestion of that text and label is dropped.
 */
export interface Rejection {
  readonly text: string;
  readonly label: string;
  readonly start?: number;
  readonly end?: number;
}

export interface RecognizeOptions {
  /** Publication date (YYYY-MM-DD) that relative dates are resolved against; without it they keep X. */
  readonly documentDate?: string;
  /** Labels to return (default: PER, ORG, LOC, DATE, TIME, MISC; the rules alone never find MISC). */
  readonly labels?: readonly string[];
  /**
   * The user's gazetteers (from `parseGazetteer`), used with the built-in ones. Keep passing the same
   * array while the files do not change: the compiled form is cached per array.
   */
  readonly gazetteers?: readonly Gazetteer[];
  /** Tagged spans from this document and others. Cached per array like `gazetteers`. */
  readonly learned?: readonly LearnedEntry[];
  readonly rejections?: readonly Rejection[];
  /** UTF-16 offset of `text` in its document (when recognising one line), for positioned rejections. */
  readonly offset?: number;
  /**
   * A trained model for PER, ORG, LOC and MISC. With it the model proposes those labels, with the
   * rules' decisions, the gazetteers and the learned names as its features; DATE and TIME stay
   * with the rules. Without it the rules propose everything, as before.
   */
  readonly tagger?: EntityTagger;
}

export const DEFAULT_RECOGNIZED_LABELS: readonly string[] = ['PER', 'ORG', 'LOC', 'DATE', 'TIME', 'MISC'];
