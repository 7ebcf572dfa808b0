import * as vscode from 'vscode';
import type { LabelDefinition } from '../../core/model/labels';
import { findLabel } from '../../core/model/labels';
import { CodePointIndex } from '../../core/model/offsets';
import { ExplorerCommandId } from '../explorer/explorerCommandIds';
import { labelTitle } from '../labelStyles';
import { escapeMarkdown } from '../markdown';
import { entryAtLine } from './sidecarOutline';
import { outlineOf, readAnnotatedText, textUriOf } from './sidecarText';
import { revealArgs, shorten } from './sidecarLenses';

/** Code points of context shown on each side of a span. */
const CONTEXT = 40;

/** Over an annotation in a sidecar: its label's name and the span in its sentence, with a link to reveal it. */
export class SidecarHover implements vscode.HoverProvider {
  constructor(private readonly labels: () => readonly LabelDefinition[]) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const outline = outlineOf(document);
    const entry = entryAtLine(outline, position.line);
    if (!entry || entry.id === undefined) return undefined;
    const md = new vscode.MarkdownString();
    md.isTrusted = { enabledCommands: [ExplorerCommandId.revealAnnotation] };
    const label = entry.label === undefined ? undefined : findLabel(this.labels(), entry.label);
    const name = entry.label === undefined ? '' : `**${escapeMarkdown(entry.label)}**${label ? ` (${escapeMarkdown(labelTitle(label))})` : ''}`;
    const text = entry.text !== undefined ? `«${escapeMarkdown(shorten(entry.text))}»` : '';
    md.appendMarkdown([name, text, entry.status ?? '', entry.source ?? ''].filter((s) => s !== '').join(' · '));

    if (outline.documentPath !== undefined && entry.start !== undefined && entry.end !== undefined && entry.start <= entry.end) {
      // Offsets describe the text as saved.
      const content = await readAnnotatedText(textUriOf(document.uri, outline.documentPath), 'saved');
      if (content !== undefined) {
        const index = new CodePointIndex(content);
        if (entry.end <= index.codePointLength) {
          const at = (cp: number): number => index.toUtf16(Math.max(0, Math.min(index.codePointLength, cp)));
          const before = content.slice(at(entry.start - CONTEXT), at(entry.start));
          const span = content.slice(at(entry.start), at(entry.end));
          const after = content.slice(at(entry.end), at(entry.end + CONTEXT));
          md.appendMarkdown(`\n\n…${escapeMarkdown(before)}**${escapeMarkdown(span)}**${escapeMarkdown(after)}…`);
        }
      }
    }
    const args = revealArgs(document.uri, outline, entry);
    if (args)
      md.appendMarkdown(`\n\n[${escapeMarkdown(vscode.l10n.t('Reveal in the text'))}](command:${ExplorerCommandId.revealAnnotation}?${encodeURIComponent(JSON.stringify(args))})`);
    return new vscode.Hover(md, new vscode.Range(entry.line, 0, entry.endLine, document.lineAt(entry.endLine).text.length));
  }
}
