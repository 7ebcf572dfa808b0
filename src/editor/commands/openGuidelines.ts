import * as vscode from 'vscode';
import type { LabelDefinition } from '../../core/model/labels';
import { guidelineText } from '../../core/project/projectQueries';
import type { ProjectLabel } from '../../core/project/projectTypes';
import { PROJECT_FILE } from '../../core/project/projectTypes';
import { labelTitle } from '../labelStyles';

/**
 * Open Guidelines: every label's whole guideline, in the display language (the other one where a
 * label has only that), as a Markdown preview beside the text. With a label id (from the label
 * quick pick's button or a hover link) the page starts at that label.
 */
export async function openGuidelines(labels: readonly LabelDefinition[], args?: { label?: string }): Promise<boolean> {
  const guided = (labels as readonly ProjectLabel[]).filter((l) => guidelineText(l.guidelines, vscode.env.language));
  if (guided.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No label has guidelines yet: write them under labels in {0}.', PROJECT_FILE));
    return false;
  }
  const first = guided.find((l) => l.id === args?.label) ?? guided[0];
  const ordered = first ? [first, ...guided.filter((l) => l !== first)] : guided;
  const content = [
    `# ${vscode.l10n.t('Annotation guidelines')}`,
    '',
    ...ordered.flatMap((l) => [`## ${l.id} — ${labelTitle(l)}`, '', guidelineText(l.guidelines, vscode.env.language) ?? '', '']),
  ].join('\n');
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content });
  // The preview is the page to read; the source stays closed unless the preview is not available.
  const previewed = await vscode.commands.executeCommand('markdown.showPreviewToSide', document.uri).then(
    () => true,
    () => false,
  );
  if (!previewed) await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true });
  return true;
}
