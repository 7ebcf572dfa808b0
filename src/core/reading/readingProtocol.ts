/**
 * The messages between the reading view's page (a webview, bundled for the browser) and the
 * extension. Both sides import these types, so a change here is checked on both.
 *
 * Units: the page works on paragraphs (the document's lines) and UTF-16 offsets within a
 * paragraph's text, which is what the DOM gives; the extension turns them into document positions.
 * Offsets that go into command arguments (`cp*`) are Unicode code points of the whole document,
 * as in sidecars.
 */
import type { AnnotationStatus } from '../model/annotation';

/** How a label is drawn: its name in the chosen language and its colour. */
export interface LabelStyle {
  readonly id: string;
  readonly name: string;
  /** `#rrggbb` or `#rrggbbaa`; the theme's `tawsim.label.<id>` colour wins when `themed`. */
  readonly color: string;
  readonly themed: boolean;
  /** The digit or letter of Ctrl+Alt+<key>. */
  readonly key?: string;
}

export type LabelNames = 'auto' | 'arabic' | 'english' | 'id';

export interface ReadingSettings {
  readonly fontFamily: string;
  /** Pixels. */
  readonly fontSize: number;
  /** A multiple of the font size, generous so that harakat above and below have room. */
  readonly lineHeight: number;
}

/**
 * - `tag`: a saved tag (accepted);
 * - `suggestion`: the recogniser's suggestion or one stored in the sidecar (`status: suggested`);
 * - `proposal`: in review, a span and label some annotators tagged;
 * - `disagreement`: in review, the extent of a disagreement.
 */
export type SpanKind = 'tag' | 'suggestion' | 'proposal' | 'disagreement';

/** A span as one paragraph shows it. */
export interface BlockSpan {
  readonly kind: SpanKind;
  /** UTF-16 offsets in the paragraph's text, end exclusive, clipped to the paragraph. */
  readonly start: number;
  readonly end: number;
  /** The span begins in an earlier paragraph. */
  readonly before?: boolean;
  /** The span goes on into a later paragraph. */
  readonly after?: boolean;
  /** 0 for the innermost box; a span drawn around others has a higher level. */
  readonly level: number;
  readonly label: string;
  /** The whole span's text (not only the part in this paragraph). */
  readonly text: string;
  /** Tags and stored suggestions: the annotation's id. */
  readonly id?: string;
  /**
   * The whole span (not clipped) relative to the paragraph's start, UTF-16: with the paragraph's
   * `start` it gives the document offsets, and a suggestion's key for Accept and Reject.
   */
  readonly from: number;
  readonly to: number;
  readonly status?: AnnotationStatus;
  readonly source?: string;
  readonly value?: string;
  readonly note?: string;
  /** A suggestion's score, when the recogniser gives one. */
  readonly score?: number;
  /** The model's best other reading of the span (`O`: no entity), with its score. */
  readonly alternative?: { readonly label: string; readonly score: number };
  /** Why a suggestion was made. */
  readonly reason?: string;
  /** The label is not in the label set. */
  readonly unknown?: boolean;
  /** Review: the annotators who tagged exactly this span and label. */
  readonly by?: readonly string[];
  /** Review: every compared annotator tagged it alike. */
  readonly agreed?: boolean;
  readonly disagreementId?: string;
  /** Review: the disagreement is not settled in gold yet. */
  readonly open?: boolean;
  /** Review: annotators with nothing in this disagreement. */
  readonly missingIn?: readonly string[];
  /** Review: what gold says about this proposal. */
  readonly verdict?: 'accepted' | 'rejected';
  /** Review: the span in code points relative to the paragraph's `cpStart`, for the review commands. */
  readonly cpFrom?: number;
  readonly cpTo?: number;
}

/** One paragraph (a line of the document) and what is drawn on it. */
export interface ParagraphBlock {
  readonly line: number;
  readonly text: string;
  /** UTF-16 offset of the paragraph's start in the document. */
  readonly start: number;
  /** Code point offset of the paragraph's start in the document. */
  readonly cpStart: number;
  readonly spans: readonly BlockSpan[];
  /** Relations between two tags both drawn in this paragraph, by the tags' ids; absent when none. */
  readonly arcs?: readonly BlockArc[];
}

/** A relation the page draws as an arc between two of a paragraph's spans (by their `id`). */
export interface BlockArc {
  readonly id: string;
  readonly type: string;
  readonly from: string;
  readonly to: string;
  /** The type reads both ways: no arrowhead. */
  readonly symmetric?: boolean;
  readonly status?: AnnotationStatus;
}

/** What the banner above the text reports. */
export interface ReadingStatus {
  /** Annotations kept aside because their text is gone. */
  readonly orphans: readonly { readonly id: string; readonly label: string; readonly text: string }[];
  /** Problems of the sidecar, one line each (file, line, problem). */
  readonly problems: readonly string[];
  /** Under review: the annotators compared and the open disagreements. */
  readonly review?: { readonly annotators: readonly string[]; readonly open: number; readonly total: number };
  /** False while the sidecar on disk is broken: tags made now are not saved until it is fixed. */
  readonly writable: boolean;
}

/** Every string the page shows, localised by the extension. */
export const READING_STRING_KEYS = [
  'viewLabel',
  'listPair',
  'empty',
  'tagAs',
  'tagKey',
  'accept',
  'reject',
  'acceptGold',
  'rejectGold',
  'takeBoundaries',
  'label',
  'status',
  'source',
  'value',
  'score',
  'nextBest',
  'noEntity',
  'reason',
  'note',
  'annotators',
  'gold',
  'accepted',
  'suggested',
  'rejected',
  'agreedByAll',
  'byAnnotators',
  'disagreement',
  'boundary',
  'labelDiffers',
  'missing',
  'missingIn',
  'open',
  'settled',
  'unknownLabel',
  'continues',
  'orphans',
  'showOrphans',
  'problems',
  'openSidecar',
  'readOnly',
  'review',
  'tagged',
  'textChanged',
  'sourceManual',
  'sourceRules',
  'sourceLearned',
  'sourceModel',
  'sourceImport',
] as const;

export type ReadingStringKey = (typeof READING_STRING_KEYS)[number];
export type ReadingStrings = Readonly<Record<ReadingStringKey, string>>;

export type HostMessage =
  | {
      readonly type: 'init';
      readonly uri: string;
      readonly fileName: string;
      readonly strings: ReadingStrings;
      readonly labels: readonly LabelStyle[];
      readonly settings: ReadingSettings;
      /** UTF-16 length of every paragraph, for the heights of those not shown. */
      readonly lengths: readonly number[];
      /** Where to open: the editor's first visible place. */
      readonly top: PagePosition;
      /** The paragraphs around `top`, sent with the document so that the page draws at once; the page holds first..last. */
      readonly window: { readonly first: number; readonly last: number };
      readonly blocks: readonly ParagraphBlock[];
    }
  /**
   * The text changed: lines at..at+removed-1 became `lengths.length` lines, and these are the
   * window's blocks that changed with it (the new lines among them), so the page never shows an
   * edited paragraph empty.
   */
  | {
      readonly type: 'splice';
      readonly at: number;
      readonly removed: number;
      readonly lengths: readonly number[];
      readonly blocks: readonly ParagraphBlock[];
      readonly starts: readonly (readonly [number, number, number])[];
    }
  /** New or changed paragraphs, and held paragraphs that only moved: `[line, start, cpStart]`. */
  | { readonly type: 'blocks'; readonly blocks: readonly ParagraphBlock[]; readonly starts: readonly (readonly [number, number, number])[] }
  | { readonly type: 'status'; readonly status: ReadingStatus }
  | { readonly type: 'style'; readonly labels: readonly LabelStyle[]; readonly settings: ReadingSettings }
  /** Follow the editor: show this place at the top. */
  | { readonly type: 'scrollTo'; readonly line: number; readonly character: number }
  /** Move the keyboard focus to a span's chip (after Next / Previous Annotation). */
  | { readonly type: 'focusSpan'; readonly line: number; readonly start: number; readonly end: number; readonly label: string }
  | { readonly type: 'announce'; readonly text: string };

/** A place in the document as the page knows it: a paragraph and a UTF-16 offset in its text. */
export interface PagePosition {
  readonly line: number;
  readonly character: number;
}

/** Commands the page may run, always on its own document (the rest it reaches through VS Code's context menu). */
export const PAGE_COMMANDS = [
  'tawsim.remove',
  'tawsim.changeLabel',
  'tawsim.accept',
  'tawsim.reject',
  'tawsim.showOrphans',
  'tawsim.openSidecar',
  'tawsim.acceptProposal',
  'tawsim.rejectProposal',
  'tawsim.relabelProposal',
  'tawsim.takeBoundaries',
] as const;

export type PageCommand = (typeof PAGE_COMMANDS)[number];

export type PageMessage =
  | { readonly type: 'ready' }
  /** The page holds paragraphs first..last (inclusive) and wants them current; it forgets the others. */
  | { readonly type: 'window'; readonly first: number; readonly last: number }
  /** The reader scrolled the view: this place is now at its top. */
  | { readonly type: 'scrolled'; readonly at: PagePosition }
  /** The reader selected (or clicked) here: show it in the editor. */
  | { readonly type: 'select'; readonly from: PagePosition; readonly to: PagePosition }
  /** Tag the text between two places with a label; `quote` is the text the page showed there (paragraphs joined by \n). */
  | { readonly type: 'tag'; readonly label: string; readonly from: PagePosition; readonly to: PagePosition; readonly quote: string }
  | { readonly type: 'run'; readonly command: PageCommand; readonly args: Readonly<Record<string, unknown>> }
  | { readonly type: 'undo' }
  | { readonly type: 'redo' }
  /** Next (1) or previous (-1) tag or suggestion after a place. */
  | { readonly type: 'navigate'; readonly from: PagePosition; readonly direction: 1 | -1 };
