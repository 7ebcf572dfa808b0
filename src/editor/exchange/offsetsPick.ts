import * as vscode from 'vscode';
import type { OffsetUnit } from '../../core/formats/offsetUnits';

/** The unit named in command arguments (as on the command line: codepoint, utf16, grapheme). */
export function offsetUnitOf(name: 'utf16' | 'grapheme' | 'codepoint'): OffsetUnit {
  return name === 'codepoint' ? 'codePoint' : name;
}

/** Which unit a doccano file counts in; UTF-16 first, since that is what doccano's screen counts unless the project says otherwise. */
export async function pickDoccanoOffsets(): Promise<OffsetUnit | undefined> {
  const picked = await vscode.window.showQuickPick(
    [
      { label: vscode.l10n.t('UTF-16 code units'), detail: vscode.l10n.t("What doccano's annotation screen counts (the default project setting)"), value: 'utf16' as const },
      { label: vscode.l10n.t('Grapheme clusters'), detail: vscode.l10n.t('For a doccano project set to count grapheme clusters as one character'), value: 'grapheme' as const },
      { label: vscode.l10n.t('Code points'), detail: vscode.l10n.t('What Python counts, for scripts that write doccano files'), value: 'codePoint' as const },
    ],
    { placeHolder: vscode.l10n.t('doccano offsets') },
  );
  return picked?.value;
}
