import * as vscode from 'vscode';
import type { DisagreementKind, Proposal } from '../../core/review/compareAnnotators';
import type { AnnotationStores } from '../annotationStores';
import { basename } from '../sidecarFiles';
import type { AnnotatorSuggestions } from './annotatorSuggestions';
import type { ReviewSessions } from './reviewSessions';
import type { DocumentReview } from './reviewTypes';
import type { ReviewNode } from './reviewTreeNodes';
import { nodeId } from './reviewTreeNodes';
import { reviewQuote, reviewRange } from './reviewRanges';
import { kindName, proposalTitle, relationTitle, verdictName, whoTaggedWhat } from './reviewText';
import { goldRelationFor } from '../../core/review/relationReview';

export const REVIEW_VIEW_ID = 'tawsim.review';

const KIND_ORDER: readonly DisagreementKind[] = ['missing', 'label', 'boundary'];

/**
 * The Review view: documents under review with their state (done, or how many disagreements are
 * open), their disagreements grouped by kind with counts, the spans all annotators agree on, the
 * sidecars compared (stale, re-anchored or unreadable ones marked), and another annotator's tags
 * on offer. Item menus run the decision commands with the node as argument.
 */
export class ReviewTree implements vscode.TreeDataProvider<ReviewNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ReviewNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(
    private readonly sessions: ReviewSessions,
    private readonly suggestions: AnnotatorSuggestions,
    stores: AnnotationStores,
  ) {
    const refresh = (): void => this.changed.fire(undefined);
    this.disposables.push(
      sessions.onDidChange(refresh),
      suggestions.onDidChange(refresh),
      stores.onDidChange((s) => {
        if (this.suggestions.annotatorOf(s.uri) !== undefined) refresh();
      }),
    );
  }

  getChildren(node?: ReviewNode): ReviewNode[] {
    if (!node) return this.documentUris().map((uri) => ({ type: 'document', uri }));
    const review = this.sessions.get(vscode.Uri.parse(node.uri));
    const uri = node.uri;
    switch (node.type) {
      case 'document': {
        const out: ReviewNode[] = [];
        if (review) {
          for (const kind of KIND_ORDER) if (review.comparison.disagreements.some((d) => d.kind === kind)) out.push({ type: 'kind', uri, kind });
          if (review.relations.disagreements.length > 0) out.push({ type: 'relations', uri });
          if (review.comparison.agreed.length > 0) out.push({ type: 'agreed', uri });
        }
        if (this.suggestions.annotatorOf(vscode.Uri.parse(uri)) !== undefined) out.push({ type: 'suggestions', uri });
        if (review) out.push({ type: 'sidecars', uri });
        return out;
      }
      case 'kind':
        return (review?.comparison.disagreements ?? []).filter((d) => d.kind === node.kind).map((d) => ({ type: 'disagreement', uri, disagreementId: d.id }));
      case 'disagreement': {
        const d = review?.comparison.disagreements.find((x) => x.id === node.disagreementId);
        return (d?.proposals ?? []).map((p) => proposalNode(uri, p, d?.id));
      }
      case 'agreed':
        return (review?.comparison.agreed ?? []).map((p) => proposalNode(uri, p, undefined));
      case 'relations':
        return (review?.relations.disagreements ?? []).map((p) => ({ type: 'relation', uri, key: p.key }));
      case 'sidecars':
        return review ? [...review.sets.map((s) => s.fileName), ...review.failures.map((f) => f.fileName)].map((fileName) => ({ type: 'sidecar', uri, fileName })) : [];
      case 'suggestions': {
        const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
        return document ? this.suggestions.pending(document).map((s) => ({ type: 'suggestion', uri, annotator: s.annotator, id: s.annotation.id })) : [];
      }
      default:
        return [];
    }
  }

  getTreeItem(node: ReviewNode): vscode.TreeItem {
    const review = this.sessions.get(vscode.Uri.parse(node.uri));
    const item = this.itemFor(node, review);
    item.id = nodeId(node);
    return item;
  }

  private itemFor(node: ReviewNode, review: DocumentReview | undefined): vscode.TreeItem {
    const Collapsed = vscode.TreeItemCollapsibleState.Collapsed;
    const Expanded = vscode.TreeItemCollapsibleState.Expanded;
    const None = vscode.TreeItemCollapsibleState.None;
    const docUri = vscode.Uri.parse(node.uri);
    switch (node.type) {
      case 'document': {
        const item = new vscode.TreeItem(basename(docUri), Expanded);
        item.contextValue = 'tawsim.review.document';
        item.command = { title: vscode.l10n.t('Open'), command: 'vscode.open', arguments: [docUri] };
        item.tooltip = vscode.workspace.asRelativePath(docUri, false);
        if (!review) {
          item.iconPath = new vscode.ThemeIcon('tag');
          return item;
        }
        const s = review.state;
        const leftOut = review.failures.length + review.sets.filter((x) => x.stale === true).length;
        item.description = [
          s.done ? vscode.l10n.t('done') : vscode.l10n.t('{0} open of {1}', s.open, s.total),
          s.agreedPending > 0 ? vscode.l10n.t('{0} agreed to accept', s.agreedPending) : '',
          leftOut > 0 ? vscode.l10n.t('{0} sidecars left out', leftOut) : '',
        ]
          .filter(Boolean)
          .join(' · ');
        item.iconPath = s.done ? new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed')) : new vscode.ThemeIcon('issues');
        return item;
      }
      case 'kind': {
        const all = (review?.comparison.disagreements ?? []).filter((d) => d.kind === node.kind);
        const open = all.filter((d) => review?.state.openIds.includes(d.id)).length;
        const item = new vscode.TreeItem(kindName(node.kind), open > 0 ? Expanded : Collapsed);
        item.description = vscode.l10n.t('{0} open of {1}', open, all.length);
        item.iconPath = new vscode.ThemeIcon(open > 0 ? 'warning' : 'pass');
        item.contextValue = 'tawsim.review.kind';
        return item;
      }
      case 'disagreement': {
        const d = review?.comparison.disagreements.find((x) => x.id === node.disagreementId);
        if (!review || !d) return new vscode.TreeItem(node.disagreementId, None);
        const open = review.state.openIds.includes(d.id);
        const item = new vscode.TreeItem(`«${reviewQuote(review, d.start, d.end)}»`, Collapsed);
        item.description = whoTaggedWhat(d);
        item.tooltip = `${kindName(d.kind)}\n${d.annotators.map((a) => `${a.annotator}: ${a.spans.length === 0 ? vscode.l10n.t('no tag') : a.spans.map(proposalTitle).join(', ')}`).join('\n')}`;
        item.iconPath = open ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')) : new vscode.ThemeIcon('pass');
        item.contextValue = open ? 'tawsim.review.disagreement.open' : 'tawsim.review.disagreement.closed';
        item.command = revealCommand(docUri, review, d.start, d.end);
        return item;
      }
      case 'proposal': {
        const item = new vscode.TreeItem(proposalTitle({ label: node.label, text: review ? reviewQuote(review, node.start, node.end) : '' }), None);
        const proposal = findProposal(review, node);
        const decision = review?.gold.find(
          (g) => g.review !== undefined && g.orphan !== true && g.start === node.start && g.end === node.end && (g.label === node.label || g.review.verdict === 'relabelled'),
        );
        item.description = [
          proposal?.by.join(', ') ?? '',
          decision?.review ? `${verdictName(decision.review.verdict)}${decision.label !== node.label ? ` → ${decision.label}` : ''}` : '',
        ]
          .filter(Boolean)
          .join(' — ');
        item.iconPath = new vscode.ThemeIcon(
          decision ? (decision.status === 'rejected' ? 'close' : 'check') : 'circle-filled',
          new vscode.ThemeColor(`tawsim.label.${node.label}`),
        );
        item.contextValue = decision ? 'tawsim.review.proposal.decided' : 'tawsim.review.proposal';
        if (review) item.command = revealCommand(docUri, review, node.start, node.end);
        return item;
      }
      case 'relations': {
        const open = review?.state.relationsOpen ?? 0;
        const item = new vscode.TreeItem(vscode.l10n.t('Relations differ'), open > 0 ? Expanded : Collapsed);
        item.description = vscode.l10n.t('{0} open of {1}', open, review?.state.relationsTotal ?? 0);
        item.iconPath = new vscode.ThemeIcon(open > 0 ? 'warning' : 'pass');
        item.contextValue = 'tawsim.review.relations';
        return item;
      }
      case 'relation':
        return relationItem(docUri, review, node.key);
      case 'agreed': {
        const item = new vscode.TreeItem(vscode.l10n.t('Agreed by all'), Collapsed);
        const pending = review?.state.agreedPending ?? 0;
        item.description = pending > 0 ? vscode.l10n.t('{0} · {1} to accept', review?.comparison.agreed.length ?? 0, pending) : String(review?.comparison.agreed.length ?? 0);
        item.iconPath = new vscode.ThemeIcon('check-all');
        item.contextValue = pending > 0 ? 'tawsim.review.agreed.pending' : 'tawsim.review.agreed';
        return item;
      }
      case 'sidecars': {
        const item = new vscode.TreeItem(vscode.l10n.t('Sidecars'), Collapsed);
        item.description = String((review?.sets.length ?? 0) + (review?.failures.length ?? 0));
        item.iconPath = new vscode.ThemeIcon('files');
        return item;
      }
      case 'sidecar':
        return sidecarItem(review, node.fileName);
      case 'suggestions': {
        const annotator = this.suggestions.annotatorOf(docUri) ?? '';
        const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === node.uri);
        const item = new vscode.TreeItem(vscode.l10n.t('Suggestions from {0}', annotator), Expanded);
        item.description = String(document ? this.suggestions.pending(document).length : 0);
        item.iconPath = new vscode.ThemeIcon('person');
        item.contextValue = 'tawsim.review.suggestions';
        return item;
      }
      case 'suggestion': {
        const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === node.uri);
        const s = document ? this.suggestions.pending(document).find((x) => x.annotation.id === node.id) : undefined;
        const item = new vscode.TreeItem(s ? proposalTitle(s.annotation) : node.id, None);
        item.description = node.annotator;
        item.iconPath = new vscode.ThemeIcon('circle-outline', new vscode.ThemeColor(`tawsim.label.${s?.annotation.label ?? ''}`));
        item.contextValue = 'tawsim.review.suggestion';
        if (document && s) {
          const range = new vscode.Range(document.positionAt(s.annotation.start), document.positionAt(s.annotation.end));
          item.command = { title: vscode.l10n.t('Open'), command: 'vscode.open', arguments: [docUri, { selection: range }] };
        }
        return item;
      }
    }
  }

  private documentUris(): string[] {
    const uris = new Set([...this.sessions.all().map((r) => r.uri.toString()), ...this.suggestions.documents().map((u) => u.toString())]);
    return [...uris].sort();
  }

  /** Open disagreements over every document under review, for the view's badge. */
  openCount(): number {
    return this.sessions.all().reduce((n, r) => n + r.state.open, 0);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

function proposalNode(uri: string, p: Proposal, disagreementId: string | undefined): ReviewNode {
  return { type: 'proposal', uri, ...(disagreementId !== undefined ? { disagreementId } : {}), start: p.start, end: p.end, label: p.label };
}

function findProposal(review: DocumentReview | undefined, node: { start: number; end: number; label: string; disagreementId?: string }): Proposal | undefined {
  if (!review) return undefined;
  const same = (p: Proposal): boolean => p.start === node.start && p.end === node.end && p.label === node.label;
  const d = node.disagreementId !== undefined ? review.comparison.disagreements.find((x) => x.id === node.disagreementId) : undefined;
  return d ? d.proposals.find(same) : review.comparison.agreed.find(same);
}

/** One relation disagreement: what it joins, who marked it, and gold's decision on it. */
function relationItem(docUri: vscode.Uri, review: DocumentReview | undefined, key: string): vscode.TreeItem {
  const p = review?.relations.disagreements.find((x) => x.key === key);
  if (!review || !p) return new vscode.TreeItem(key, vscode.TreeItemCollapsibleState.None);
  const open = review.state.openRelationKeys.includes(key);
  const decided = goldRelationFor({ annotations: review.gold, relations: review.goldRelations }, p, (type) => isSymmetric(review, type));
  const item = new vscode.TreeItem(relationTitle(p), vscode.TreeItemCollapsibleState.None);
  const verdict = decided ? verdictName(decided.status === 'rejected' ? 'rejected' : 'accepted') : open ? '' : vscode.l10n.t('an end is rejected');
  item.description = [p.by.join(', '), verdict].filter(Boolean).join(' — ');
  item.tooltip = `${relationTitle(p)}\n${vscode.l10n.t('Marked by {0}', p.by.join(', '))}`;
  item.iconPath = decided
    ? new vscode.ThemeIcon(decided.status === 'rejected' ? 'close' : 'check')
    : open
      ? new vscode.ThemeIcon('arrow-swap', new vscode.ThemeColor('list.warningForeground'))
      : new vscode.ThemeIcon('pass');
  item.contextValue = open ? 'tawsim.review.relation.open' : 'tawsim.review.relation.decided';
  item.command = revealCommand(docUri, review, p.from.start, p.from.end);
  return item;
}

/** A relation type reads both ways when the annotators' proposals for it were keyed so (the key sorts its ends). */
function isSymmetric(review: DocumentReview, type: string): boolean {
  return review.symmetricRelationTypes.includes(type);
}

function sidecarItem(review: DocumentReview | undefined, fileName: string): vscode.TreeItem {
  const set = review?.sets.find((s) => s.fileName === fileName);
  const failure = review?.failures.find((f) => f.fileName === fileName);
  const item = new vscode.TreeItem(set?.annotator ?? failure?.annotator ?? fileName, vscode.TreeItemCollapsibleState.None);
  const fileUri = set?.uri ?? failure?.uri;
  let status = '';
  if (failure) {
    status = vscode.l10n.t('could not be read');
    item.tooltip = `${fileName}${failure.line !== undefined ? `:${failure.line}` : ''}: ${failure.reason}`;
    item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
  } else if (set?.stale === true) {
    status = vscode.l10n.t('stale, left out');
    item.tooltip = set.staleReason ?? '';
    item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
  } else if (set?.reanchored === true) {
    status = vscode.l10n.t('re-anchored to the changed text');
    item.iconPath = new vscode.ThemeIcon('debug-step-over');
  } else {
    status = set?.live === true ? vscode.l10n.t('your open annotations') : '';
    item.iconPath = new vscode.ThemeIcon('file');
  }
  item.description = [fileName, status].filter(Boolean).join(' — ');
  if (fileUri) item.command = { title: vscode.l10n.t('Open'), command: 'vscode.open', arguments: [fileUri] };
  item.contextValue = 'tawsim.review.sidecar';
  return item;
}

function revealCommand(uri: vscode.Uri, review: DocumentReview, start: number, end: number): vscode.Command {
  return { title: vscode.l10n.t('Open'), command: 'vscode.open', arguments: [uri, { selection: reviewRange(review, start, end) }] };
}
