import * as vscode from 'vscode';
import type { ExportOptions, FormatId } from '../../core/formats/formatTypes';
import type { ExportArgs } from './exchangeArgs';
import { offsetUnitOf, pickDoccanoOffsets } from './offsetsPick';

/**
 * The format's options: from the arguments where given; otherwise asked when `ask` is set, else
 * the defaults (IOB2, words whole, no byte order mark, formula guard on, UTF-16 offsets for
 * doccano). Undefined when the user cancels.
 */
export async function pickExportOptions(format: FormatId, args: ExportArgs, ask: boolean): Promise<ExportOptions | undefined> {
  if (format === 'conll') {
    let scheme = args.scheme;
    if (scheme === undefined && ask) {
      const picked = await vscode.window.showQuickPick(
        [
          { label: 'IOB2', detail: vscode.l10n.t('B- begins every span, I- continues it'), value: 'iob2' as const },
          { label: 'BIOES', detail: vscode.l10n.t("Also E- for a span's last token and S- for one-token spans"), value: 'bioes' as const },
        ],
        { placeHolder: vscode.l10n.t('CoNLL tag scheme') },
      );
      if (!picked) return undefined;
      scheme = picked.value;
    }
    let split = args.splitProclitics;
    if (split === undefined && ask) {
      const picked = await vscode.window.showQuickPick(
        [
          { label: vscode.l10n.t('Keep words whole'), detail: vscode.l10n.t('وبالرباط is one token'), value: false },
          { label: vscode.l10n.t('Split proclitics'), detail: vscode.l10n.t('و ب ف ك ل before the article become tokens of their own: و ب الرباط'), value: true },
        ],
        { placeHolder: vscode.l10n.t('Tokens') },
      );
      if (!picked) return undefined;
      split = picked.value;
    }
    return { conll: { scheme: scheme === 'bioes' ? 'BIOES' : 'IOB2', splitProclitics: split === true } };
  }
  if (format === 'csv') {
    let bom = args.bom;
    if (bom === undefined && ask) {
      const picked = await vscode.window.showQuickPick(
        [
          { label: vscode.l10n.t('UTF-8'), detail: vscode.l10n.t('For scripts and most tools'), value: false },
          { label: vscode.l10n.t('UTF-8 with byte order mark'), detail: vscode.l10n.t('Spreadsheet programs then show Arabic correctly'), value: true },
        ],
        { placeHolder: vscode.l10n.t('CSV encoding') },
      );
      if (!picked) return undefined;
      bom = picked.value;
    }
    let guard = args.formulaGuard;
    if (guard === undefined && ask) {
      const picked = await vscode.window.showQuickPick(
        [
          {
            label: vscode.l10n.t('Guard formula-like cells'),
            detail: vscode.l10n.t("A ' before cells starting with = + - @, so spreadsheets never run them (each one is listed)"),
            value: true,
          },
          { label: vscode.l10n.t('Write cells as they are'), detail: vscode.l10n.t('For tools that read the CSV as data only'), value: false },
        ],
        { placeHolder: vscode.l10n.t('Cells that look like formulas') },
      );
      if (!picked) return undefined;
      guard = picked.value;
    }
    return { csv: { bom: bom === true, formulaGuard: guard !== false } };
  }
  if (format === 'doccano') {
    const offsets = args.offsets !== undefined ? offsetUnitOf(args.offsets) : ask ? await pickDoccanoOffsets() : 'utf16';
    return offsets ? { doccano: { offsets } } : undefined;
  }
  return {};
}
