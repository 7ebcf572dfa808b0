import * as vscode from 'vscode';
import type { FormatId } from '../../core/formats/formatTypes';

/**
 * Arguments of `tawsim.export` (keybindings, other extensions, tests). With both `format` and
 * `target` the command asks nothing and uses the defaults for the options not given.
 */
export interface ExportArgs {
  /** File or folder to export, as a URI string or an absolute path; the current file or the workspace when absent. */
  readonly uri?: string;
  readonly format?: FormatId;
  /** Folder to write into, as a URI string or an absolute path. */
  readonly target?: string;
  readonly scheme?: 'iob2' | 'bioes';
  readonly splitProclitics?: boolean;
  readonly bom?: boolean;
  /** CSV: put a ' before cells that spreadsheets would run as formulas (default true). */
  readonly formulaGuard?: boolean;
  /** doccano: the offset unit (default utf16, what doccano's annotation screen counts). */
  readonly offsets?: 'utf16' | 'grapheme' | 'codepoint';
}

/** Arguments of `tawsim.import`; with all of them given the command asks nothing unless a sidecar exists. */
export interface ImportArgs {
  readonly format?: FormatId;
  /** Files to import, as URI strings or absolute paths. */
  readonly files?: readonly string[];
  /** The folder holding the texts, as a URI string or an absolute path. */
  readonly into?: string;
  /** One name for every set, or `name=sidecarName,…` mapping the annotators the file names (Label Studio, CSV). */
  readonly annotator?: string;
  /** What to do with sidecars that already exist, instead of asking. */
  readonly existing?: 'replace' | 'merge' | 'cancel';
  /** doccano: the offset unit of the file (default utf16). */
  readonly offsets?: 'utf16' | 'grapheme' | 'codepoint';
  /** brat: what to do with spans in several fragments (asked when a file has some and this is absent). */
  readonly discontinuous?: 'keep' | 'cover' | 'fragments' | 'skip';
  /** CSV: the file was written without the formula guard, so a leading ' is text. */
  readonly formulaGuard?: boolean;
}

/**
 * A URI from an argument: URI strings as the other commands take them, and plain absolute paths,
 * which is what people write in keybindings.json. A Windows drive letter is a path, not a scheme.
 */
export function uriFromArg(value: string): vscode.Uri {
  return /^[A-Za-z][A-Za-z0-9+.-]+:/.test(value) && !/^[A-Za-z]:[\\/]/.test(value) ? vscode.Uri.parse(value) : vscode.Uri.file(value);
}

/**
 * The resources of an Explorer context-menu call: VS Code passes the clicked resource first and,
 * with several selected, all of them second. Undefined when the command was not called that way.
 */
export function explorerSelection(first: unknown, second: unknown): vscode.Uri[] | undefined {
  if (Array.isArray(second) && second.length > 0 && second.every((u) => u instanceof vscode.Uri)) return second as vscode.Uri[];
  return first instanceof vscode.Uri ? [first] : undefined;
}
