import type { DisagreementKind } from '../../core/review/compareAnnotators';

/**
 * Nodes of the Review view. Each carries the document `uri` (and the ids a decision needs) under
 * the same names as the commands' arguments, so a tree item's menu passes its node straight to
 * the command: `{ uri, disagreementId, start, end, label }` is both a node and `ProposalArgs`.
 */
export type ReviewNode =
  DocumentNode | KindNode | AgreedNode | SidecarsNode | SidecarNode | DisagreementNode | ProposalNode | SuggestionsNode | SuggestionNode | RelationsNode | RelationNode;

/** The relations only some annotators marked. */
export interface RelationsNode {
  readonly type: 'relations';
  readonly uri: string;
}

/** One relation disagreement; `key` is what `RelationDecisionArgs` takes. */
export interface RelationNode {
  readonly type: 'relation';
  readonly uri: string;
  readonly key: string;
}

export interface DocumentNode {
  readonly type: 'document';
  readonly uri: string;
}

export interface KindNode {
  readonly type: 'kind';
  readonly uri: string;
  readonly kind: DisagreementKind;
}

export interface AgreedNode {
  readonly type: 'agreed';
  readonly uri: string;
}

export interface SidecarsNode {
  readonly type: 'sidecars';
  readonly uri: string;
}

export interface SidecarNode {
  readonly type: 'sidecar';
  readonly uri: string;
  readonly fileName: string;
}

export interface DisagreementNode {
  readonly type: 'disagreement';
  readonly uri: string;
  readonly disagreementId: string;
}

export interface ProposalNode {
  readonly type: 'proposal';
  readonly uri: string;
  readonly disagreementId?: string;
  readonly start: number;
  readonly end: number;
  readonly label: string;
}

export interface SuggestionsNode {
  readonly type: 'suggestions';
  readonly uri: string;
}

export interface SuggestionNode {
  readonly type: 'suggestion';
  readonly uri: string;
  readonly annotator: string;
  readonly id: string;
}

/** A stable id per node, so the view keeps what is expanded and selected across refreshes. */
export function nodeId(node: ReviewNode): string {
  switch (node.type) {
    case 'document':
    case 'agreed':
    case 'sidecars':
    case 'suggestions':
    case 'relations':
      return `${node.type}|${node.uri}`;
    case 'relation':
      return `relation|${node.uri}|${node.key}`;
    case 'kind':
      return `kind|${node.uri}|${node.kind}`;
    case 'sidecar':
      return `sidecar|${node.uri}|${node.fileName}`;
    case 'disagreement':
      return `disagreement|${node.uri}|${node.disagreementId}`;
    case 'proposal':
      return `proposal|${node.uri}|${node.disagreementId ?? ''}|${node.start}:${node.end}:${node.label}`;
    case 'suggestion':
      return `suggestion|${node.uri}|${node.annotator}|${node.id}`;
  }
}
