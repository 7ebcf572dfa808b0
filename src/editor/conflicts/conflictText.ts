import * as vscode from 'vscode';
import type { FieldRecord } from '../../core/merge/mergeRecord';
import type { SidecarConflict } from '../../core/merge/sidecarConflicts';

/** One conflict in a line, in the user's language: what it is about and what happened to it. */
export function conflictTitle(c: SidecarConflict): string {
  const what =
    c.part === 'annotations'
      ? vscode.l10n.t('annotation {0}', c.id ?? '?')
      : c.part === 'document'
        ? vscode.l10n.t('the document header')
        : c.part === 'annotator'
          ? vscode.l10n.t('the annotator')
          : `${c.part}${c.id !== undefined ? ` ${c.id}` : ''}`;
  const fields = c.fields.length > 0 ? ` (${c.fields.join(', ')})` : '';
  switch (c.reason) {
    case 'changed-both':
      return vscode.l10n.t('{0} was changed differently on both sides{1}', what, fields);
    case 'added-both':
      return vscode.l10n.t('{0} was added on both sides with different values{1}', what, fields);
    case 'removed-ours':
      return vscode.l10n.t('{0} was removed on our side and changed on theirs', what);
    case 'removed-theirs':
      return vscode.l10n.t('{0} was changed on our side and removed on theirs', what);
  }
}

/**
 * One side of a conflict as the annotator decides on it: for an annotation its label, its text and
 * who made or reviewed it, then the contested fields; for the header the contested fields.
 */
export function sideSummary(c: SidecarConflict, record: FieldRecord | undefined, annotator: string | undefined): string {
  if (!record) return vscode.l10n.t('(removed)');
  const shown = (v: unknown): string => (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v));
  const contested = c.fields.filter((f) => !(c.part === 'annotations' && (f === 'label' || f === 'text'))).map((f) => `${f}: ${record[f] === undefined ? '—' : shown(record[f])}`);
  if (c.part !== 'annotations') return contested.join(' · ');
  const review = record['review'] as { by?: unknown } | undefined;
  const by = typeof review?.by === 'string' ? review.by : annotator;
  return [`${String(record['label'])} «${String(record['text'])}»`, ...(by ? [by] : []), ...contested].join(' · ');
}
