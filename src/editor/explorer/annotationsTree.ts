import * as vscode from 'vscode';
import type { LabelDefinition } from '../../core/model/labels';
import type { Relation } from '../../core/model/relation';
import type { ProjectSchema } from '../../core/model/projectSchema';
import { DEFAULT_PROJECT_SCHEMA } from '../../core/model/projectSchema';
import { basename } from '../sidecarFiles';
import { labelName } from '../review/reviewText';
import type { AnnotationFilter } from './annotationFilter';
import { annotatorName, annotatorKey, passes, passesAnnotator } from './annotationFilter';
import { countPassing } from '../../core/stats/annotationTally';
import { statusName } from '../hover';
import { ExplorerCommandId } from './explorerCommandIds';
import type { RevealAnnotationArgs } from './explorerCommandIds';
import type { AnnotationSet, FoundAnnotation, SidecarOverview, UnreadableSidecar, WorkspaceAnnotations, WorkspaceOverview } from './workspaceAnnotations';

export const ANNOTATIONS_VIEW_ID = 'tawsim.annotations';

/** An annotation with the sidecar it comes from. */
export interface AnnotationEntry {
  readonly set: AnnotationSet;
  readonly annotation: FoundAnnotation;
}

export type AnnotationsNode =
  | {
      readonly type: 'document';
      readonly uri: vscode.Uri;
      /** Its sidecars; read only when the node is expanded. */
      readonly sidecars: readonly SidecarOverview[];
      /** Annotations passing the filter, counted from the index's summaries. */
      readonly count: number;
      readonly annotators: readonly string[];
    }
  | { readonly type: 'label'; readonly uri: vscode.Uri; readonly group: LabelGroup }
  | { readonly type: 'annotation'; readonly entry: AnnotationEntry }
  | { readonly type: 'relation'; readonly entry: AnnotationEntry; readonly relation: Relation }
  | { readonly type: 'unreadable'; readonly sidecar: UnreadableSidecar };

export interface LabelGroup {
  readonly label: string;
  readonly entries: readonly AnnotationEntry[];
}

/** What the view shows now: the tree under the filter, and how much the filter hides. */
export interface AnnotationsModel {
  readonly roots: readonly AnnotationsNode[];
  readonly shown: number;
  readonly total: number;
}

/**
 * Builds the view's roots (one per document, with its count under the filter) from the workspace's
 * overview, without reading any sidecar: the counts are the index's summaries.
 */
export function buildModel(overview: WorkspaceOverview, filter: AnnotationFilter): AnnotationsModel {
  const byDocument = new Map<string, { uri: vscode.Uri; sidecars: SidecarOverview[]; count: number; annotators: Set<string> }>();
  let total = 0;
  let shown = 0;
  for (const sidecar of overview.sidecars) {
    total += countPassing(sidecar.tally);
    if (!passesAnnotator(filter, sidecar)) continue;
    const count = countPassing(sidecar.tally, filter.labels, filter.statuses);
    if (count === 0) continue;
    shown += count;
    const key = sidecar.textUri.toString();
    let doc = byDocument.get(key);
    if (!doc) {
      doc = { uri: sidecar.textUri, sidecars: [], count: 0, annotators: new Set() };
      byDocument.set(key, doc);
    }
    doc.sidecars.push(sidecar);
    doc.count += count;
    doc.annotators.add(annotatorKey(sidecar));
  }
  const roots: AnnotationsNode[] = [...byDocument.values()]
    .sort((a, b) => compare(a.uri.path, b.uri.path))
    .map((doc) => ({ type: 'document', uri: doc.uri, sidecars: doc.sidecars, count: doc.count, annotators: [...doc.annotators].sort(compare) }));
  for (const sidecar of overview.unreadable) roots.push({ type: 'unreadable', sidecar });
  return { roots, shown, total };
}

/**
 * One document's labels → annotations, from its sidecars' annotations under the filter. Labels come
 * in the label set's order (others after, alphabetically), annotations in text order; every
 * annotator's sidecar contributes, each annotation saying whose it is.
 */
export function labelGroups(sets: readonly AnnotationSet[], filter: AnnotationFilter, labelOrder: readonly string[]): LabelGroup[] {
  const groups = new Map<string, AnnotationEntry[]>();
  for (const set of sets) {
    for (const annotation of set.annotations) {
      if (!passes(filter, set, annotation)) continue;
      const list = groups.get(annotation.label);
      if (list) list.push({ set, annotation });
      else groups.set(annotation.label, [{ set, annotation }]);
    }
  }
  const rank = (label: string): number => {
    const i = labelOrder.indexOf(label);
    return i < 0 ? labelOrder.length : i;
  };
  return [...groups.entries()].sort(([a], [b]) => rank(a) - rank(b) || compare(a, b)).map(([label, entries]) => ({ label, entries: entries.sort(inTextOrder) }));
}

/**
 * The Annotations view's data: the model is rebuilt when the workspace's annotations, the filter
 * or the label set change, and the tree refreshed as a whole (the index has already debounced).
 */
export class AnnotationsTree implements vscode.TreeDataProvider<AnnotationsNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<AnnotationsNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private model: AnnotationsModel = { roots: [], shown: 0, total: 0 };
  private readonly modelChanged = new vscode.EventEmitter<AnnotationsModel>();
  /** Fires after each rebuild, for the view's message and description. */
  readonly onDidChangeModel = this.modelChanged.event;

  /** The label groups of the documents expanded since the last rebuild, by the text's URI. */
  private expanded = new Map<string, readonly LabelGroup[]>();

  constructor(
    private readonly annotations: Pick<WorkspaceAnnotations, 'overview' | 'setsOf'>,
    private readonly filter: () => AnnotationFilter,
    private readonly labels: () => readonly LabelDefinition[],
    private readonly schema: () => ProjectSchema = () => DEFAULT_PROJECT_SCHEMA,
  ) {}

  /** Rebuilds from the current snapshot and filter; resolves with the new model. */
  async rebuild(): Promise<AnnotationsModel> {
    this.model = buildModel(await this.annotations.overview(), this.filter());
    this.expanded = new Map();
    this.changed.fire(undefined);
    this.modelChanged.fire(this.model);
    return this.model;
  }

  current(): AnnotationsModel {
    return this.model;
  }

  getChildren(node?: AnnotationsNode): AnnotationsNode[] | Promise<AnnotationsNode[]> {
    if (!node) return [...this.model.roots];
    switch (node.type) {
      case 'document':
        return this.expand(node);
      case 'label':
        return node.group.entries.map((entry) => ({ type: 'annotation', entry }));
      case 'annotation':
        return relationsOf(node.entry).map((relation) => ({ type: 'relation', entry: node.entry, relation }));
      default:
        return [];
    }
  }

  /** A document's node opened: only now are its sidecars read. */
  private async expand(node: Extract<AnnotationsNode, { type: 'document' }>): Promise<AnnotationsNode[]> {
    const groups = labelGroups(
      await this.annotations.setsOf(node.sidecars),
      this.filter(),
      this.labels().map((l) => l.id),
    );
    this.expanded.set(node.uri.toString(), groups);
    return groups.map((group) => ({ type: 'label', uri: node.uri, group }));
  }

  getTreeItem(node: AnnotationsNode): vscode.TreeItem {
    switch (node.type) {
      case 'document':
        return documentItem(node);
      case 'label':
        return labelItem(node.uri, node.group, this.labels());
      case 'annotation':
        return annotationItem(node.entry, this.labels());
      case 'relation':
        return relationItem(node.entry, node.relation, this.schema());
      case 'unreadable': {
        const item = new vscode.TreeItem(basename(node.sidecar.uri), vscode.TreeItemCollapsibleState.None);
        item.id = `unreadable:${node.sidecar.uri.toString()}`;
        item.description = vscode.l10n.t('could not be read');
        item.tooltip = node.sidecar.reason;
        item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
        item.command = { title: vscode.l10n.t('Open'), command: 'vscode.open', arguments: [node.sidecar.uri] };
        item.contextValue = 'tawsim.annotations.unreadable';
        return item;
      }
    }
  }

  /** A parent for `TreeView.reveal`; annotations are found under their document and label. */
  getParent(node: AnnotationsNode): AnnotationsNode | undefined {
    if (node.type === 'relation') return { type: 'annotation', entry: node.entry };
    if (node.type !== 'label' && node.type !== 'annotation') return undefined;
    const uri = node.type === 'label' ? node.uri : node.entry.set.textUri;
    const doc = this.model.roots.find((r): r is Extract<AnnotationsNode, { type: 'document' }> => r.type === 'document' && r.uri.toString() === uri.toString());
    if (!doc || node.type === 'label') return doc;
    const group = this.expanded.get(doc.uri.toString())?.find((g) => g.label === node.entry.annotation.label);
    return group ? { type: 'label', uri: doc.uri, group } : undefined;
  }

  dispose(): void {
    this.changed.dispose();
    this.modelChanged.dispose();
  }
}

function documentItem(node: Extract<AnnotationsNode, { type: 'document' }>): vscode.TreeItem {
  const item = new vscode.TreeItem(node.uri, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = `document:${node.uri.toString()}`;
  const folder = vscode.workspace.asRelativePath(vscode.Uri.joinPath(node.uri, '..'), true);
  const annotators = node.annotators.map(annotatorName).join(', ');
  item.description = [vscode.l10n.t('{0} tags', node.count), annotators, folder === vscode.workspace.asRelativePath(node.uri, true) ? '' : folder].filter(Boolean).join(' · ');
  item.tooltip = `${vscode.workspace.asRelativePath(node.uri, true)}\n${vscode.l10n.t('{0} tags', node.count)} · ${annotators}`;
  item.command = { title: vscode.l10n.t('Open'), command: 'vscode.open', arguments: [node.uri] };
  item.contextValue = 'tawsim.annotations.document';
  return item;
}

function labelItem(uri: vscode.Uri, group: LabelGroup, labels: readonly LabelDefinition[]): vscode.TreeItem {
  const item = new vscode.TreeItem(`${group.label} — ${labelName(labels, group.label)}`, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = `label:${uri.toString()}:${group.label}`;
  item.description = String(group.entries.length);
  item.iconPath = new vscode.ThemeIcon('tag', new vscode.ThemeColor(`tawsim.label.${group.label}`));
  item.contextValue = 'tawsim.annotations.label';
  return item;
}

function annotationItem(entry: AnnotationEntry, labels: readonly LabelDefinition[]): vscode.TreeItem {
  const { set, annotation: a } = entry;
  const related = relationsOf(entry).length;
  const item = new vscode.TreeItem(a.text.replace(/\s+/g, ' '), related > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
  item.id = `annotation:${set.key}:${a.id}`;
  const parts = [set.gold ? vscode.l10n.t('{0} (gold)', set.annotator) : set.annotator];
  if (a.status !== 'accepted') parts.push(statusName(a.status));
  if (a.orphan === true) parts.push(vscode.l10n.t('orphan'));
  if (a.value !== undefined) parts.push(a.value);
  if (a.note !== undefined) parts.push(a.note);
  if (related > 0) parts.push(vscode.l10n.t('{0} relations', related));
  item.description = parts.join(' · ');
  const tooltip = new vscode.MarkdownString();
  tooltip.appendMarkdown(`**${escapeMarkdown(a.label)}** — ${escapeMarkdown(labelName(labels, a.label))}\n\n`);
  tooltip.appendText(a.text);
  tooltip.appendMarkdown('\n\n');
  tooltip.appendText([parts.join(' · '), vscode.workspace.asRelativePath(set.sidecarUri, true)].join('\n'));
  item.tooltip = tooltip;
  const color = new vscode.ThemeColor(`tawsim.label.${a.label}`);
  item.iconPath =
    a.orphan === true
      ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'))
      : new vscode.ThemeIcon(a.status === 'accepted' ? 'circle-filled' : a.status === 'suggested' ? 'circle-outline' : 'circle-slash', color);
  item.contextValue = `tawsim.annotations.annotation.${a.status}`;
  if (a.orphan !== true) {
    const args: RevealAnnotationArgs = { uri: set.textUri.toString(), start: a.start, end: a.end, unit: set.unit, text: a.text, sidecar: set.key, id: a.id };
    item.command = { title: vscode.l10n.t('Show in the Text'), command: ExplorerCommandId.revealAnnotation, arguments: [args] };
  }
  return item;
}

/** The relations with this annotation at either end, outgoing first, each group by id. */
function relationsOf(entry: AnnotationEntry): Relation[] {
  const id = entry.annotation.id;
  const mine = entry.set.relations.filter((r) => r.from === id || r.to === id);
  return [...mine.filter((r) => r.from === id), ...mine.filter((r) => r.from !== id)];
}

/**
 * One relation under one of its ends: `→ member_of → ناصر بوريطة` from this annotation, `← … ←` into
 * it, `↔` for a type that reads both ways. A click reveals the other end in the text.
 */
function relationItem(entry: AnnotationEntry, r: Relation, schema: ProjectSchema): vscode.TreeItem {
  const { set, annotation: a } = entry;
  const outgoing = r.from === a.id;
  const otherId = outgoing ? r.to : r.from;
  const other = set.annotations.find((x) => x.id === otherId);
  const symmetric = schema.relationTypes.find((t) => t.id === r.type)?.symmetric === true;
  const arrow = symmetric ? '↔' : outgoing ? '→' : '←';
  const otherText = other ? other.text.replace(/\s+/g, ' ') : otherId;
  const item = new vscode.TreeItem(`${arrow} ${r.type} ${arrow} ${otherText}`, vscode.TreeItemCollapsibleState.None);
  item.id = `relation:${set.key}:${a.id}:${r.id}`;
  const parts = [other ? other.label : vscode.l10n.t('no annotation {0} in this sidecar', otherId)];
  if (r.status !== 'accepted') parts.push(statusName(r.status));
  if (r.note !== undefined) parts.push(r.note);
  item.description = parts.join(' · ');
  item.tooltip = `${outgoing ? a.text : otherText} → ${r.type} → ${outgoing ? otherText : a.text}`;
  item.iconPath = new vscode.ThemeIcon(
    symmetric ? 'arrow-both' : outgoing ? 'arrow-right' : 'arrow-left',
    other ? new vscode.ThemeColor(`tawsim.label.${other.label}`) : undefined,
  );
  item.contextValue = `tawsim.annotations.relation.${r.status}`;
  if (other && other.orphan !== true) {
    const args: RevealAnnotationArgs = { uri: set.textUri.toString(), start: other.start, end: other.end, unit: set.unit, text: other.text, sidecar: set.key, id: other.id };
    item.command = { title: vscode.l10n.t('Show in the Text'), command: ExplorerCommandId.revealAnnotation, arguments: [args] };
  }
  return item;
}

function inTextOrder(a: AnnotationEntry, b: AnnotationEntry): number {
  // Orphans last: their offsets are from a text that no longer holds them.
  return (
    Number(a.annotation.orphan === true) - Number(b.annotation.orphan === true) ||
    a.annotation.start - b.annotation.start ||
    a.annotation.end - b.annotation.end ||
    compare(a.set.annotator, b.set.annotator)
  );
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
