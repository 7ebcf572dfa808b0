import * as vscode from 'vscode';
import type { Services } from '../services';
import { findAnnotations } from '../commands/findAnnotations';
import { showStatistics } from '../commands/statistics';
import { clearAnnotationFilters } from '../commands/clearAnnotationFilters';
import { refreshAnnotations } from '../commands/refreshAnnotations';
import { FilterState, describeFilter, isFiltering } from './annotationFilter';
import type { FilterDimension } from './annotationFilter';
import { ANNOTATIONS_VIEW_ID, AnnotationsTree } from './annotationsTree';
import type { AnnotationsModel, AnnotationsNode } from './annotationsTree';
import { ExplorerCommandId } from './explorerCommandIds';
import type { ExplorerCommandIdValue, FilterArgs, FindAnnotationsArgs, RevealAnnotationArgs } from './explorerCommandIds';
import { filterAnnotations } from './filterCommands';
import { revealAnnotation } from './revealAnnotation';
import { WorkspaceAnnotations } from './workspaceAnnotations';
import { collectStatistics } from '../statistics/statisticsInputs';
import type { CollectedStatistics } from '../statistics/statisticsInputs';
import { onDidChangeProject } from '../settings';

/** The Annotations view, Find and Statistics as the composition root sees them. */
export interface ExplorerFeature extends vscode.Disposable {
  readonly annotations: WorkspaceAnnotations;
  readonly tree: AnnotationsTree;
  readonly treeView: vscode.TreeView<AnnotationsNode>;
  readonly filter: FilterState;
  /** The Statistics page's figures now, as the page is sent them. */
  collectStatistics(): Promise<CollectedStatistics>;
  /** One handler per command id of `ExplorerCommandId`, to register with the others. */
  readonly handlers: Record<ExplorerCommandIdValue, (...args: never[]) => unknown>;
}

/**
 * Builds the workspace annotation index, the Annotations view over it (filtered, with the filter
 * in the view's description), Find and Statistics. Called once by the composition root.
 */
export function createExplorerFeature(services: Services): ExplorerFeature {
  const annotations = new WorkspaceAnnotations(services);
  const filter = new FilterState(services.context.workspaceState);
  const tree = new AnnotationsTree(
    annotations,
    () => filter.current,
    services.labels,
    () => services.schema(),
  );
  const treeView = vscode.window.createTreeView(ANNOTATIONS_VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  const rebuild = (): void => {
    // Reading the workspace's sidecars waits until someone looks: the view is visible, or a command asked.
    if (treeView.visible) void tree.rebuild();
  };
  const disposables: vscode.Disposable[] = [
    annotations,
    filter,
    tree,
    treeView,
    tree.onDidChangeModel((model) => describe(treeView, model, filter)),
    annotations.onDidChange(rebuild),
    filter.onDidChange(() => void tree.rebuild()),
    treeView.onDidChangeVisibility(rebuild),
  ];
  rebuild();
  const collect = (): Promise<CollectedStatistics> => collectStatistics(annotations.overview(), services.labels(), { index: services.index, reads: services.reads });
  // The page is drawn again when annotations change, and when the project's assignments may have.
  const statisticsChanged: vscode.Event<void> = (listener, thisArgs, disposables) => {
    const both = vscode.Disposable.from(annotations.onDidChange(listener, thisArgs), onDidChangeProject(listener, thisArgs));
    disposables?.push(both);
    return both;
  };
  const pick = (dimension: FilterDimension, args?: FilterArgs): Promise<void> => filterAnnotations(filter, dimension, () => annotations.overview(), services.labels(), args);
  const handlers: Record<ExplorerCommandIdValue, (...args: never[]) => unknown> = {
    [ExplorerCommandId.find]: (args?: FindAnnotationsArgs) => findAnnotations(services, annotations, args),
    [ExplorerCommandId.statistics]: () => showStatistics(services, statisticsChanged, collect),
    [ExplorerCommandId.revealAnnotation]: (args?: RevealAnnotationArgs) => revealAnnotation(services, args),
    [ExplorerCommandId.filterByLabel]: (args?: FilterArgs) => pick('labels', args),
    [ExplorerCommandId.filterByAnnotator]: (args?: FilterArgs) => pick('annotators', args),
    [ExplorerCommandId.filterByStatus]: (args?: FilterArgs) => pick('statuses', args),
    [ExplorerCommandId.clearAnnotationFilters]: () => clearAnnotationFilters(filter),
    [ExplorerCommandId.refreshAnnotations]: () => refreshAnnotations(annotations, tree),
  };
  const root = vscode.Disposable.from(...disposables);
  return { annotations, tree, treeView, filter, handlers, collectStatistics: collect, dispose: () => root.dispose() };
}

/** The filter in the view's description; the message says what it hides, or that there is nothing yet. */
function describe(view: vscode.TreeView<AnnotationsNode>, model: AnnotationsModel, filter: FilterState): void {
  const filtering = isFiltering(filter.current);
  view.description = filtering ? describeFilter(filter.current) : undefined;
  if (model.total === 0 && model.roots.length === 0) view.message = vscode.l10n.t('No annotations in this workspace yet. Tag a span in a text, or import annotations.');
  else if (filtering) view.message = vscode.l10n.t('Showing {0} of {1} annotations ({2}).', model.shown, model.total, describeFilter(filter.current));
  else view.message = undefined;
}
