import type * as vscode from 'vscode';
import { activate as activateTawsim, deactivate as deactivateTawsim } from '../extension';
import type { TawsimApi } from '../extension';

/**
 * Entry point for browser extension hosts (vscode.dev, github.dev, VS Code for the Web, the web
 * worker host of a browser-hosted VS Code). The editor layer does all file I/O through
 * `workspace.fs` and core never touches Node, so the same composition root runs here unchanged;
 * esbuild's browser build (platform browser) fails on any Node module in the import graph, which
 * keeps it that way.
 */
export function activate(context: vscode.ExtensionContext): TawsimApi {
  return activateTawsim(context);
}

export function deactivate(): Promise<void> {
  return deactivateTawsim();
}
