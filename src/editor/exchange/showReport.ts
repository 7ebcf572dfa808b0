import * as vscode from 'vscode';

/**
 * Opens a list (what an export left out, why an import failed) in an untitled document: it can
 * be read, searched and copied, and closes without leaving anything behind to dispose of.
 */
export async function showReport(lines: readonly string[]): Promise<void> {
  const document = await vscode.workspace.openTextDocument({ content: `${lines.join('\n')}\n`, language: 'plaintext' });
  await vscode.window.showTextDocument(document, { preview: false });
}

/** Shows the report when the user picks the notification's button (any button: each means "show"). */
export async function offerReport(choice: Thenable<string | undefined>, lines: readonly string[]): Promise<void> {
  if ((await choice) !== undefined) await showReport(lines);
}
