import * as vscode from 'vscode';
import type { Annotation } from '../../core/model/annotation';
import type { LabelDefinition } from '../../core/model/labels';
import type { Disagreement, Proposal } from '../../core/review/compareAnnotators';
import type { AnnotatorSuggestions } from './annotatorSuggestions';
import { ReviewCommandId } from './reviewCommandIds';
import type { ReviewSessions } from './reviewSessions';
import type { DocumentReview } from './reviewTypes';
import { commandLink, kindName, labelName, proposalTitle, verdictName } from './reviewText';
import { escapeMarkdown } from '../markdown';

/**
 * Hover on a span under review: each annotator's label for it, the gold decision, and links to
 * accept, reject, relabel or take one annotator's boundaries. The annotation hover beside it still
 * shows the reviewer's own tag.
 */
export class ReviewHover implements vscode.HoverProvider {
  constructor(
    private readonly sessions: ReviewSessions,
    private readonly suggestions: AnnotatorSuggestions,
    private readonly labels: () => readonly LabelDefinition[],
  ) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const md = new vscode.MarkdownString('', true);
    md.isTrusted = { enabledCommands: Object.values(ReviewCommandId) };
    md.supportHtml = false;
    const offset = document.offsetAt(position);
    let range: vscode.Range | undefined;
    const review = this.sessions.get(document.uri);
    if (review && review.text === document.getText()) {
      const at = review.index.toCodePoint(offset);
      const toRange = (start: number, end: number): vscode.Range =>
        new vscode.Range(document.positionAt(review.index.toUtf16(start)), document.positionAt(review.index.toUtf16(end)));
      for (const d of review.comparison.disagreements.filter((x) => x.start <= at && at < x.end)) {
        this.separate(md);
        this.describeDisagreement(md, review, d);
        range ??= toRange(d.start, d.end);
      }
      for (const p of review.comparison.agreed.filter((x) => x.start <= at && at < x.end)) {
        this.separate(md);
        this.describeAgreed(md, review, p);
        range ??= toRange(p.start, p.end);
      }
    }
    for (const s of this.suggestions.pending(document).filter((x) => x.annotation.start <= offset && offset < x.annotation.end)) {
      this.separate(md);
      this.describeSuggestion(md, document.uri, s.annotator, s.annotation);
      range ??= new vscode.Range(document.positionAt(s.annotation.start), document.positionAt(s.annotation.end));
    }
    return md.value === '' ? undefined : new vscode.Hover(md, range);
  }

  private separate(md: vscode.MarkdownString): void {
    if (md.value !== '') md.appendMarkdown('\n\n---\n\n');
  }

  private describeDisagreement(md: vscode.MarkdownString, review: DocumentReview, d: Disagreement): void {
    const open = review.state.openIds.includes(d.id);
    md.appendMarkdown(
      `**${escapeMarkdown(vscode.l10n.t('Annotators disagree'))}** — ${escapeMarkdown(kindName(d.kind))}${open ? '' : ` (${escapeMarkdown(vscode.l10n.t('decided'))})`}\n\n`,
    );
    for (const a of d.annotators) {
      const tags = a.spans.length === 0 ? `*${escapeMarkdown(vscode.l10n.t('no tag'))}*` : a.spans.map((s) => this.tagText(s)).join(', ');
      md.appendMarkdown(`- ${escapeMarkdown(a.annotator)}: ${tags}\n`);
    }
    this.describeGold(md, review, d.start, d.end);
    md.appendMarkdown('\n');
    for (const p of d.proposals) md.appendMarkdown(`${this.proposalLinks(review, p, d.id)}  \n`);
    const take = d.annotators.map((a) => commandLink(a.annotator, ReviewCommandId.takeBoundaries, { uri: review.uri.toString(), disagreementId: d.id, annotator: a.annotator }));
    md.appendMarkdown(`${escapeMarkdown(vscode.l10n.t('Take the boundaries of'))}: ${take.join(' · ')}\n`);
  }

  private describeAgreed(md: vscode.MarkdownString, review: DocumentReview, p: Proposal): void {
    md.appendMarkdown(`**${escapeMarkdown(vscode.l10n.t('All annotators agree'))}**: ${this.tagText(p)} (${escapeMarkdown(p.by.join(', '))})\n\n`);
    this.describeGold(md, review, p.start, p.end, p);
    md.appendMarkdown(`\n${this.proposalLinks(review, p, undefined)}\n`);
  }

  private describeSuggestion(md: vscode.MarkdownString, uri: vscode.Uri, annotator: string, a: Annotation): void {
    md.appendMarkdown(`**${escapeMarkdown(vscode.l10n.t('Suggested by {0}', annotator))}**: ${this.tagText(a)}\n\n`);
    const args = { uri: uri.toString(), annotator, id: a.id };
    md.appendMarkdown(
      `${commandLink(vscode.l10n.t('Accept into my tags'), ReviewCommandId.acceptAnnotatorTag, args)} · ${commandLink(vscode.l10n.t('Reject'), ReviewCommandId.rejectAnnotatorTag, args)}\n`,
    );
  }

  /** Gold decisions inside the extent (or on exactly this proposal), with who decided and how. */
  private describeGold(md: vscode.MarkdownString, review: DocumentReview, start: number, end: number, only?: Proposal): void {
    const decided = review.gold.filter(
      (g) => g.review !== undefined && g.orphan !== true && g.start >= start && g.end <= end && (!only || (g.start === only.start && g.end === only.end)),
    );
    for (const g of decided) {
      const r = g.review;
      if (!r) continue;
      md.appendMarkdown(`- ${escapeMarkdown(vscode.l10n.t('Gold'))}: ${this.tagText(g)} — ${escapeMarkdown(verdictName(r.verdict))}, ${escapeMarkdown(r.by)}\n`);
    }
  }

  private proposalLinks(review: DocumentReview, p: Proposal, disagreementId: string | undefined): string {
    const args = { uri: review.uri.toString(), ...(disagreementId !== undefined ? { disagreementId } : {}), start: p.start, end: p.end, label: p.label };
    const links = [
      commandLink(vscode.l10n.t('Accept'), ReviewCommandId.acceptProposal, args),
      commandLink(vscode.l10n.t('Reject'), ReviewCommandId.rejectProposal, args),
      commandLink(vscode.l10n.t('Relabel…'), ReviewCommandId.relabelProposal, args),
    ];
    return `${escapeMarkdown(proposalTitle(p))}: ${links.join(' · ')}`;
  }

  private tagText(t: Pick<Annotation, 'label' | 'text'>): string {
    return `**${escapeMarkdown(t.label)}** «${escapeMarkdown(t.text)}» (${escapeMarkdown(labelName(this.labels(), t.label))})`;
  }
}
