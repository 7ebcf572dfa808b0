import * as vscode from 'vscode';
import { sidecarFileName } from '../../core/sidecar/sidecarPath';
import { basename } from '../sidecarFiles';

/** Default name of the adjudicated (gold) sidecar, beside the text. */
export const DEFAULT_GOLD_PATTERN = '${file}.gold.ann.yaml';

/**
 * The review settings, mirroring `tawsim.review.*` in package.json. Read on use rather than cached:
 * they matter only when a review starts or writes gold, and reading then is the same code path as
 * reacting to a change.
 */
export interface ReviewSettings {
  readonly goldPattern: string;
}

export function readReviewSettings(scope?: vscode.Uri): ReviewSettings {
  const config = vscode.workspace.getConfiguration('tawsim', scope);
  const pattern = config.get<string>('review.goldPattern', DEFAULT_GOLD_PATTERN).trim();
  return { goldPattern: pattern.includes('${file}') ? pattern : DEFAULT_GOLD_PATTERN };
}

/** The gold sidecar's name for a text, under the setting; the reviewer's name fills `${annotator}`. */
export function goldFileName(textUri: vscode.Uri, reviewer: string): string {
  return goldFileNamer()(textUri, reviewer);
}

/**
 * `goldFileName` for many texts at once: the setting can differ only between workspace folders, so
 * it is read once per folder rather than once per text (listing ten thousand sidecars).
 */
export function goldFileNamer(): (textUri: vscode.Uri, reviewer: string) => string {
  const patterns = new Map<string, string>();
  return (textUri, reviewer) => {
    const folder = vscode.workspace.getWorkspaceFolder(textUri)?.uri;
    const key = folder?.toString() ?? '';
    let pattern = patterns.get(key);
    if (pattern === undefined) {
      pattern = readReviewSettings(folder ?? textUri).goldPattern;
      patterns.set(key, pattern);
    }
    try {
      return sidecarFileName(basename(textUri), reviewer, pattern);
    } catch {
      // A pattern naming the text itself or another folder: fall back rather than overwrite the text.
      return sidecarFileName(basename(textUri), reviewer, DEFAULT_GOLD_PATTERN);
    }
  };
}

export function goldUriFor(textUri: vscode.Uri, reviewer: string): vscode.Uri {
  return vscode.Uri.joinPath(textUri, '..', goldFileName(textUri, reviewer));
}
