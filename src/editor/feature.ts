import type * as vscode from 'vscode';

/** A command handler as the composition root registers it. */
export type CommandHandler = (...args: never[]) => unknown;

/** A feature as the composition root sees it: its command handlers by id, and one disposable for the rest. */
export interface Feature<Handlers extends Readonly<Record<string, CommandHandler>>> extends vscode.Disposable {
  readonly handlers: Handlers;
}

/** One disposable for many, disposed in order. */
export function disposeAll(disposables: readonly vscode.Disposable[]): () => void {
  return () => {
    for (const d of disposables) d.dispose();
  };
}
