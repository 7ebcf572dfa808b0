import * as vscode from 'vscode';
import type { LabelFigures } from '../../core/tagger/spanScores';

/** The model's part of the Statistics page: held-out figures of the model and of the rules, per label. */
export interface ModelSection {
  readonly kind: 'base' | 'workspace';
  readonly refitting: boolean;
  readonly onlineUpdates: number;
  readonly trainLines?: number;
  readonly heldOutLines?: number;
  readonly finished?: string;
  readonly model?: readonly LabelFigures[];
  readonly rules?: readonly LabelFigures[];
  readonly ruleLabels?: readonly string[];
  /** The re-fit kept the model it started from: it did better on the held-out lines. */
  readonly keptBase?: boolean;
}

let source: (() => ModelSection | undefined) | undefined;
const changed = new vscode.EventEmitter<void>();

/** Fires when the model's figures change (a re-fit finished): an open Statistics page redraws. */
export const onDidChangeModelSection = changed.event;

/** The composition root says where the page gets the model's figures. */
export function setModelSectionSource(next: () => ModelSection | undefined): vscode.Disposable {
  source = next;
  return new vscode.Disposable(() => {
    if (source === next) source = undefined;
  });
}

export function modelSectionChanged(): void {
  changed.fire();
}

export function modelSection(): ModelSection | undefined {
  return source?.();
}
