import * as vscode from 'vscode';
import type { AnnotationStores } from './editor/annotationStores';
import { createServices } from './editor/createServices';
import type { DecorationPainter } from './editor/decorations';
import type { RelationMarkPainter } from './editor/relationMarks';
import type { CommandHandler } from './editor/feature';
import type { Services } from './editor/services';
import type { CommandIdValue } from './editor/commandIds';
import { onDidShowLabelPick } from './editor/labelPick';
import { onDidShowConflictPick } from './editor/conflicts/conflictPick';
import { registerAnnotationEditing } from './editor/registerAnnotationEditing';
import { registerSuggestions } from './editor/suggestions/registerSuggestions';
import type { SuggestionEngine } from './editor/suggestions/suggestionEngine';
import type { ModelService } from './editor/suggestions/modelService';
import { registerExchange } from './editor/exchange/registerExchange';
import { registerBatch } from './editor/batch/registerBatch';
import { registerProject } from './editor/project/registerProject';
import type { ProjectFeature } from './editor/project/projectFeature';
import type { ProjectCommands } from './editor/project/registerProject';
import { createReviewFeature } from './editor/review/reviewFeature';
import type { ReviewFeature } from './editor/review/reviewFeature';
import { createExplorerFeature } from './editor/explorer/explorerFeature';
import type { ExplorerFeature } from './editor/explorer/explorerFeature';
import { createReadingViewFeature } from './editor/readingView/readingViewFeature';
import type { ReadingViewFeature } from './editor/readingView/readingViewFeature';

/** What `activate` returns: the services, for integration tests and other extensions. */
export interface TawsimApi {
  readonly services: Services;
  readonly suggestions: SuggestionEngine;
  readonly review: ReviewFeature;
  readonly explorer: ExplorerFeature;
  readonly painter: DecorationPainter;
  /** The relation marks (dotted top borders, outlines on the cursor's partners). */
  readonly relationMarks: RelationMarkPainter;
  /** Fires when the label quick pick is on screen, for tests that answer it. */
  readonly onDidShowLabelPick: vscode.Event<void>;
  /** Fires when a merge conflict's quick pick is on screen, for tests that answer it. */
  readonly onDidShowConflictPick: typeof onDidShowConflictPick;
  /** `.tawsim/project.yaml`: read, watched, its problems shown. */
  readonly project: ProjectFeature;
  /** The trained tagger: online learning, background re-fits, held-out figures. */
  readonly model: ModelService;
  readonly readingView: ReadingViewFeature;
  /** The My Documents view's provider. */
  readonly myDocuments: ProjectCommands['myDocuments'];
  /**
   * When `activate` began (`performance.now()` of this host), how long it took, and the host
   * process's CPU time in it (NaN in browsers), for the bench and tests.
   */
  readonly activation: { readonly startedAt: number; readonly ms: number; readonly cpuMs: number };
}

let root: vscode.Disposable | undefined;
let stores: AnnotationStores | undefined;

/**
 * The composition root: builds the services once, hands each feature its part, registers every
 * command handler the features return in one loop, and owns every disposable.
 */
export function activate(context: vscode.ExtensionContext): TawsimApi {
  const startedAt = performance.now();
  const cpuAtStart = processCpuMs();
  const core = createServices(context);
  const { services, painter } = core;
  stores = core.stores;
  const editing = registerAnnotationEditing(services);
  const suggestions = registerSuggestions(services, painter);
  const review = createReviewFeature(services);
  const explorer = createExplorerFeature(services);
  const readingView = createReadingViewFeature(services, suggestions.engine, review.sessions);
  const exchange = registerExchange(services);
  const batch = registerBatch(services);
  const project = registerProject(services);
  const handlers: Record<CommandIdValue, CommandHandler> = {
    ...editing.handlers,
    ...suggestions.handlers,
    ...exchange.handlers,
    ...batch.handlers,
    ...project.handlers,
    ...review.handlers,
    ...explorer.handlers,
    ...readingView.handlers,
  };
  root = vscode.Disposable.from(
    core,
    review,
    explorer,
    readingView,
    suggestions,
    batch,
    project,
    exchange,
    editing,
    ...Object.entries(handlers).map(([id, handler]) => vscode.commands.registerCommand(id, handler as (...args: unknown[]) => unknown)),
  );
  context.subscriptions.push(root);
  const ms = performance.now() - startedAt;
  services.log.info(`Tawsim activated in ${ms.toFixed(1)} ms (annotator ${core.settings().annotator})`);
  return {
    services,
    suggestions: suggestions.engine,
    review,
    explorer,
    painter,
    relationMarks: core.relationMarks,
    onDidShowLabelPick,
    onDidShowConflictPick,
    model: suggestions.model,
    readingView,
    project: project.project,
    myDocuments: project.myDocuments,
    activation: { startedAt, ms, cpuMs: processCpuMs() - cpuAtStart },
  };
}

/** User and system CPU time of this process in milliseconds; NaN where there is no process (browsers). */
function processCpuMs(): number {
  if (typeof process === 'undefined' || typeof process.cpuUsage !== 'function') return Number.NaN;
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Every pending and running sidecar write finishes before the extension host goes. */
export async function deactivate(): Promise<void> {
  await stores?.flush();
  root?.dispose();
}
