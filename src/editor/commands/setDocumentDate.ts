import * as vscode from 'vscode';
import type { Services } from '../services';
import { resolveTarget } from '../commandTarget';

export interface DocumentDateArgs {
  readonly uri?: string;
  /** YYYY-MM-DD; an empty string clears the date. */
  readonly date?: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Tawsim: Set Document Date… — the publication date that relative dates (أمس، الشهر الماضي) are
 * resolved against, kept in the sidecar as `document.date`.
 */
export async function setDocumentDate(services: Services, args?: DocumentDateArgs): Promise<string | undefined> {
  const target = await resolveTarget(services, args);
  if (!target) return undefined;
  const date =
    args?.date ??
    (await vscode.window.showInputBox({
      prompt: vscode.l10n.t('Publication date of {0} (YYYY-MM-DD); empty to clear', target.document.uri.path.split('/').pop() ?? ''),
      value: target.store.documentDate ?? '',
      validateInput: (v) => (v === '' || isRealDate(v) ? undefined : vscode.l10n.t('Write the date as YYYY-MM-DD, for example 2023-01-18')),
    }));
  if (date === undefined || (date !== '' && !isRealDate(date))) return undefined;
  // Not an annotation action, but it changes what the sidecar says and what suggestions mean.
  target.store.setDocumentDate(date || undefined);
  return date;
}

function isRealDate(v: string): boolean {
  if (!DATE.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}
