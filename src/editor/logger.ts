import * as vscode from 'vscode';

/** The part of a LogOutputChannel that services use, so they can be given a quiet one in tests. */
export type Logger = Pick<vscode.LogOutputChannel, 'info' | 'warn' | 'error' | 'debug' | 'trace'>;

export function createLogger(): vscode.LogOutputChannel {
  return vscode.window.createOutputChannel('Tawsim', { log: true });
}
