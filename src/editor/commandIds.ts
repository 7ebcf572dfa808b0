import { ReviewCommandId } from './review/reviewCommandIds';
import { ExplorerCommandId } from './explorer/explorerCommandIds';
import { ReadingViewCommandId } from './readingView/readingViewCommandIds';

/**
 * Every command Tawsim contributes. Ids and their arguments are a public contract (people bind
 * keys to them): never rename one; add new ones here and in package.json together.
 */
export const CommandId = {
  tag: 'tawsim.tag',
  remove: 'tawsim.remove',
  changeLabel: 'tawsim.changeLabel',
  addNote: 'tawsim.addNote',
  link: 'tawsim.link',
  addFragment: 'tawsim.addFragment',
  setAttribute: 'tawsim.setAttribute',
  next: 'tawsim.next',
  previous: 'tawsim.previous',
  undo: 'tawsim.undo',
  redo: 'tawsim.redo',
  save: 'tawsim.save',
  openSidecar: 'tawsim.openSidecar',
  annotateFile: 'tawsim.annotateFile',
  showOrphans: 'tawsim.showOrphans',
  saveRecovered: 'tawsim.saveRecovered',
  export: 'tawsim.export',
  import: 'tawsim.import',
  accept: 'tawsim.accept',
  reject: 'tawsim.reject',
  acceptAll: 'tawsim.acceptAll',
  toggleSuggestions: 'tawsim.toggleSuggestions',
  setDocumentDate: 'tawsim.setDocumentDate',
  preannotateFolder: 'tawsim.preannotateFolder',
  validateWorkspace: 'tawsim.validateWorkspace',
  openSample: 'tawsim.openSample',
  nextUncertain: 'tawsim.nextUncertain',
  rebuildModel: 'tawsim.rebuildModel',
  openGuidelines: 'tawsim.openGuidelines',
  markDone: 'tawsim.markDone',
  nextDocument: 'tawsim.nextDocument',
  resolveConflicts: 'tawsim.resolveConflicts',
  ...ReviewCommandId,
  ...ExplorerCommandId,
  ...ReadingViewCommandId,
} as const;

export type CommandIdValue = (typeof CommandId)[keyof typeof CommandId];

/** Arguments a command accepts from keybindings.json, hovers and other extensions. */
export interface AnnotationTarget {
  /** Annotation id in the document's sidecar. */
  readonly id?: string;
  /** Document URI as a string; the active editor's document when absent. */
  readonly uri?: string;
}

export interface TagArgs {
  readonly label?: string;
  /** With `start` and `end`: tag this span of this document (a URI as a string) instead of the editor's selections. */
  readonly uri?: string;
  /** Code points, as in sidecars, end exclusive. */
  readonly start?: number;
  readonly end?: number;
}

export interface ChangeLabelArgs extends AnnotationTarget {
  readonly label?: string;
}

export interface AddNoteArgs extends AnnotationTarget {
  readonly note?: string;
}

/** Link…: from the annotation `id` (or at the cursor) to the annotation `to` (or at the second cursor, or picked), of relation `type`. */
export interface LinkArgs extends AnnotationTarget {
  readonly to?: string;
  readonly type?: string;
}

/** Add Fragment: the annotation `id` (or at the first selection) gains the span start..end (code points), or the other selections. */
export interface AddFragmentArgs extends AnnotationTarget {
  readonly start?: number;
  readonly end?: number;
}

/** Set Attribute…: `name` set to `value` on the annotation `id` (or at the cursor); an empty value clears it. */
export interface SetAttributeArgs extends AnnotationTarget {
  readonly name?: string;
  readonly value?: string;
}
