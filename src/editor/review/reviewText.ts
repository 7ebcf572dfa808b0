import * as vscode from 'vscode';
import type { ReviewVerdict } from '../../core/model/annotation';
import type { LabelDefinition } from '../../core/model/labels';
import { findLabel } from '../../core/model/labels';
import type { Disagreement, DisagreementKind, Proposal } from '../../core/review/compareAnnotators';
import type { RelationEnd, RelationProposal } from '../../core/review/relationReview';
import { labelTitle } from '../labelStyles';
import { escapeMarkdown } from '../markdown';

/** Localised names and one-line descriptions shared by the review tree, hover, diagnostics and code actions. */
export function kindName(kind: DisagreementKind): string {
  switch (kind) {
    case 'boundary':
      return vscode.l10n.t('Boundaries differ');
    case 'label':
      return vscode.l10n.t('Label differs');
    case 'missing':
      return vscode.l10n.t('Missing in some');
  }
}

export function verdictName(verdict: ReviewVerdict): string {
  switch (verdict) {
    case 'accepted':
      return vscode.l10n.t('accepted');
    case 'rejected':
      return vscode.l10n.t('rejected');
    case 'relabelled':
      return vscode.l10n.t('relabelled');
    case 'reboundaried':
      return vscode.l10n.t('boundaries taken');
    case 'added':
      return vscode.l10n.t('added');
  }
}

/** The label id with its name, or a mark that it is not in the label set (such labels are shown, not dropped). */
export function labelWithName(labels: readonly LabelDefinition[], id: string): string {
  return `${id} (${labelName(labels, id)})`;
}

export function labelName(labels: readonly LabelDefinition[], id: string): string {
  const def = findLabel(labels, id);
  return def ? labelTitle(def) : vscode.l10n.t('label not in the label set');
}

/** `LOC «الرباط»` */
export function proposalTitle(p: Pick<Proposal, 'label' | 'text'>): string {
  return `${p.label} «${p.text}»`;
}

/** `LOC «الرباط»`, for one end of a relation (fragments shown joined, as the sidecar's text has them). */
export function relationEndTitle(end: RelationEnd): string {
  return proposalTitle(end);
}

/** `member_of: PER «ناصر بوريطة» → ORG «الحكومة»` (↔ for a type that reads both ways is left to the caller). */
export function relationTitle(p: Pick<RelationProposal, 'type' | 'from' | 'to'>, arrow = '→'): string {
  return `${p.type}: ${relationEndTitle(p.from)} ${arrow} ${relationEndTitle(p.to)}`;
}

/** Who tagged what, for one disagreement: `salma: LOC «…» · omar: —`. */
export function whoTaggedWhat(d: Disagreement): string {
  return d.annotators.map((a) => `${a.annotator}: ${a.spans.length === 0 ? vscode.l10n.t('no tag') : a.spans.map((s) => proposalTitle(s)).join(', ')}`).join(' · ');
}

/** The diagnostic and code action wording of a disagreement. */
export function disagreementMessage(d: Disagreement): string {
  return vscode.l10n.t('Annotators disagree ({0}): {1}', kindName(d.kind).toLowerCase(), whoTaggedWhat(d));
}

/** A `command:` link for a trusted Markdown string. */
export function commandLink(title: string, command: string, args: unknown): string {
  return `[${escapeMarkdown(title)}](command:${command}?${encodeURIComponent(JSON.stringify([args]))})`;
}
