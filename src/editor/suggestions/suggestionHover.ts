import * as vscode from 'vscode';
import type { AnnotationStores } from '../annotationStores';
import type { SuggestionEngine } from './suggestionEngine';
import type { Suggestion } from './suggestion';
import type { LabelDefinition } from '../../core/model/labels';
import { findLabel } from '../../core/model/labels';
import { CommandId } from '../commandIds';
import { labelTitle } from '../labelStyles';
import { sourceName } from '../hover';
import { escapeMarkdown as escape } from '../markdown';

/** Hovers on suggestions: label, why it was suggested, the date value, Accept and Reject links. */
export class SuggestionHover implements vscode.HoverProvider {
  constructor(
    private readonly stores: AnnotationStores,
    private readonly engine: SuggestionEngine,
    private readonly labels: () => readonly LabelDefinition[],
  ) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const store = this.stores.get(document.uri);
    if (!store) return undefined;
    const offset = document.offsetAt(position);
    const live = this.engine.suggestionsIn(store, offset, offset).filter((s) => offset < s.end);
    const stored = store.tracked.inRange(offset, offset).filter((a) => a.status === 'suggested' && offset < a.end);
    if (live.length + stored.length === 0) return undefined;
    const md = new vscode.MarkdownString('', true);
    md.isTrusted = { enabledCommands: [CommandId.accept, CommandId.reject] };
    const items = [
      ...live.map((s) => ({
        label: s.label,
        text: s.text,
        value: s.value,
        why: s.source === 'model' ? modelReason(s) : s.reason,
        key: s.key,
        score: s.score,
      })),
      ...stored.map((a) => ({ label: a.label, text: a.text, value: a.value, why: sourceName(a.source), key: `${a.start}:${a.end}:${a.label}`, score: undefined })),
    ];
    items.forEach((item, i) => {
      if (i > 0) md.appendMarkdown('\n\n---\n\n');
      const def = findLabel(this.labels(), item.label);
      md.appendMarkdown(`${escape(vscode.l10n.t('Suggestion'))}: **${escape(item.label)}** — ${escape(def ? labelTitle(def) : item.label)}\n\n`);
      md.appendMarkdown(`«${escape(item.text)}»\n\n`);
      md.appendMarkdown(`${escape(vscode.l10n.t('Why'))}: ${escape(item.why)}  \n`);
      if (item.value) md.appendMarkdown(`${escape(vscode.l10n.t('Value'))}: \`${item.value.replace(/`/g, '')}\`  \n`);
      if (item.score !== undefined) md.appendMarkdown(`${escape(vscode.l10n.t('Score'))}: ${item.score.toFixed(2)}  \n`);
      const args = encodeURIComponent(JSON.stringify([{ uri: document.uri.toString(), key: item.key }]));
      md.appendMarkdown(`\n[${escape(vscode.l10n.t('Accept'))}](command:${CommandId.accept}?${args}) · [${escape(vscode.l10n.t('Reject'))}](command:${CommandId.reject}?${args})`);
    });
    return new vscode.Hover(md);
  }
}

/**
 * Why the model proposed a span: its probability and the best other reading, e.g. "the model:
 * 0.62; next best ORG 0.31 (Δ 0.31)", so an annotator sees how close the call was.
 */
export function modelReason(s: Suggestion): string {
  const score = s.score ?? 0;
  const alternative = s.alternative;
  if (!alternative) return vscode.l10n.t('the model: {0}', score.toFixed(2));
  const other = alternative.label === 'O' ? vscode.l10n.t('no entity') : alternative.label;
  return vscode.l10n.t('the model: {0}; next best {1} {2} (Δ {3})', score.toFixed(2), other, alternative.score.toFixed(2), (score - alternative.score).toFixed(2));
}
