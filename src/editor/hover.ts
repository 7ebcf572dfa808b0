import * as vscode from 'vscode';
import type { Annotation } from '../core/model/annotation';
import type { Relation } from '../core/model/relation';
import type { AnnotationStores } from './annotationStores';
import type { LabelDefinition } from '../core/model/labels';
import { findLabel } from '../core/model/labels';
import { CommandId } from './commandIds';
import { labelTitle } from './labelStyles';
import { escapeMarkdown as escape } from './markdown';
import { guidelineSummary } from '../core/project/projectQueries';
import type { ProjectLabel } from '../core/project/projectTypes';

/** Hovers on tags: label, annotator, source, status, note and value, with links to act on it. */
export class AnnotationHover implements vscode.HoverProvider {
  constructor(
    private readonly stores: AnnotationStores,
    private readonly labels: () => readonly LabelDefinition[],
  ) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const store = this.stores.get(document.uri);
    if (!store) return undefined;
    const offset = document.offsetAt(position);
    const found = store.tracked.inRange(offset, offset).filter((a) => a.status !== 'rejected' && offset < a.end);
    if (found.length === 0) return undefined;
    const md = new vscode.MarkdownString('', true);
    md.isTrusted = {
      enabledCommands: [CommandId.changeLabel, CommandId.addNote, CommandId.remove, CommandId.openGuidelines, CommandId.link, CommandId.setAttribute, 'revealLine'],
    };
    md.supportHtml = false;
    found.forEach((a, i) => {
      if (i > 0) md.appendMarkdown('\n\n---\n\n');
      this.describe(md, a, store.annotator, document.uri);
      this.describeRelations(md, a, store.tracked.relationsOf(a.id), (id) => store.tracked.byId(id), document);
    });
    const first = found[0] as Annotation;
    return new vscode.Hover(md, new vscode.Range(document.positionAt(first.start), document.positionAt(first.end)));
  }

  private describe(md: vscode.MarkdownString, a: Annotation, annotator: string, uri: vscode.Uri): void {
    const label = findLabel(this.labels(), a.label);
    md.appendMarkdown(`**${escape(a.label)}** — ${escape(label ? labelTitle(label) : vscode.l10n.t('label not in the label set'))}\n\n`);
    md.appendMarkdown(`«${escape(a.text)}»\n\n`);
    const summary = guidelineSummary((label as ProjectLabel | undefined)?.guidelines, vscode.env.language);
    if (summary) {
      const guidelineArgs = encodeURIComponent(JSON.stringify([{ label: a.label }]));
      md.appendMarkdown(`_${escape(summary)}_ [${escape(vscode.l10n.t('Guidelines'))}](command:${CommandId.openGuidelines}?${guidelineArgs})\n\n`);
    }
    const rows: [string, string | undefined][] = [
      [vscode.l10n.t('Annotator'), annotator],
      [vscode.l10n.t('Source'), sourceName(a.source)],
      [vscode.l10n.t('Status'), statusName(a.status)],
      [vscode.l10n.t('Value'), a.value],
      [vscode.l10n.t('Note'), a.note],
    ];
    for (const [name, value] of rows) if (value) md.appendMarkdown(`${escape(name)}: ${escape(value)}  \n`);
    for (const [name, value] of Object.entries(a.attributes ?? {})) md.appendMarkdown(`${escape(name)}: ${escape(value)}  \n`);
    const args = encodeURIComponent(JSON.stringify([{ id: a.id, uri: uri.toString() }]));
    md.appendMarkdown(
      `\n[${escape(vscode.l10n.t('Change label'))}](command:${CommandId.changeLabel}?${args}) · ` +
        `[${escape(vscode.l10n.t('Add note'))}](command:${CommandId.addNote}?${args}) · ` +
        `[${escape(vscode.l10n.t('Link…'))}](command:${CommandId.link}?${args}) · ` +
        `[${escape(vscode.l10n.t('Set attribute…'))}](command:${CommandId.setAttribute}?${args}) · ` +
        `[${escape(vscode.l10n.t('Remove'))}](command:${CommandId.remove}?${args})`,
    );
  }

  /** Each relation with both ends; the other end links to its line (direction as stored, ↔ when it reads both ways). */
  private describeRelations(
    md: vscode.MarkdownString,
    a: Annotation,
    relations: readonly Relation[],
    byId: (id: string) => Annotation | undefined,
    document: vscode.TextDocument,
  ): void {
    if (relations.length === 0) return;
    md.appendMarkdown(`\n\n**${escape(vscode.l10n.t('Relations'))}**  \n`);
    for (const r of relations) {
      const other = byId(r.from === a.id ? r.to : r.from);
      const otherText = other ? `«${escape(other.text)}» (${escape(other.label)})` : escape(r.from === a.id ? r.to : r.from);
      const reveal =
        other && !other.orphan ? `command:revealLine?${encodeURIComponent(JSON.stringify({ lineNumber: document.positionAt(other.start).line, at: 'center' }))}` : undefined;
      const end = reveal ? `[${otherText}](${reveal})` : otherText;
      const self = `«${escape(a.text)}»`;
      md.appendMarkdown(r.from === a.id ? `${self} —${escape(r.type)}→ ${end}  \n` : `${end} —${escape(r.type)}→ ${self}  \n`);
    }
  }
}

export function sourceName(source: Annotation['source']): string {
  switch (source) {
    case 'manual':
      return vscode.l10n.t('tagged by hand');
    case 'rules':
      return vscode.l10n.t('rules');
    case 'learned':
      return vscode.l10n.t('learned from tags');
    case 'model':
      return vscode.l10n.t('model');
    case 'import':
      return vscode.l10n.t('imported');
  }
}

export function statusName(status: Annotation['status']): string {
  switch (status) {
    case 'accepted':
      return vscode.l10n.t('accepted');
    case 'suggested':
      return vscode.l10n.t('suggested');
    case 'rejected':
      return vscode.l10n.t('rejected');
  }
}
