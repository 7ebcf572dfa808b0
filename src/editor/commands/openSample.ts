import * as vscode from 'vscode';
import type { Services } from '../services';
import { exists } from '../sidecarFiles';

/** The sample the walkthrough opens: one article and two other annotators' sidecars to review against. */
const SAMPLE_TEXT = 'rabat-water-summit.txt';
const SAMPLE_FILES = [SAMPLE_TEXT, `${SAMPLE_TEXT}.layla.ann.yaml`, `${SAMPLE_TEXT}.omar.ann.yaml`];

/**
 * Tawsim: Open Sample Article — copies the sample shipped with the extension into the
 * extension's storage (the user's workspace is left alone) and opens it for annotation. An
 * earlier copy is kept, with the user's own tags in it.
 */
export async function openSample(services: Services): Promise<vscode.TextDocument | undefined> {
  const source = vscode.Uri.joinPath(services.context.extensionUri, 'samples');
  const target = vscode.Uri.joinPath(services.context.globalStorageUri, 'sample');
  try {
    await vscode.workspace.fs.createDirectory(target);
    for (const name of SAMPLE_FILES) {
      const to = vscode.Uri.joinPath(target, name);
      if (!(await exists(to))) await vscode.workspace.fs.copy(vscode.Uri.joinPath(source, name), to);
    }
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The sample could not be copied: {0}', (e as Error).message));
    return undefined;
  }
  const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(target, SAMPLE_TEXT));
  await vscode.window.showTextDocument(document, { preview: false });
  // Annotate it whatever `tawsim.files` says: the walkthrough's next steps need it annotated.
  await services.stores.ensure(document, true);
  return document;
}
