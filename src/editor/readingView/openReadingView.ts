import type * as vscode from 'vscode';
import type { Services } from '../services';
import { resolveTarget } from '../commandTarget';
import type { ReadingPanel } from './readingPanel';
import type { OpenReadingViewArgs } from './readingViewCommandIds';

/**
 * Tawsim: Open Reading View — shows the document (the active editor's, or `uri`) right to left in a
 * view beside the editor, where it can be read, tagged and reviewed. The document becomes annotated
 * if it was not, as with any Tawsim command.
 */
export async function openReadingView(services: Services, show: (document: vscode.TextDocument) => ReadingPanel, args?: OpenReadingViewArgs): Promise<ReadingPanel | undefined> {
  const target = await resolveTarget(services, args);
  return target ? show(target.document) : undefined;
}
