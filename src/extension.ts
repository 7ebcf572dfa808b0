import * as vscode from 'vscode';
import { AnnotationStores } from './editor/annotationStores';
import { SidecarSync } from './editor/sidecarSync';
import { createHostFiles } from './editor/files/platformFiles';
import { onDidShowLabelPick } from './editor/labelPick';
import { ProblemReporter } from './editor/problems';
import { DecorationPainter } from './editor/decorations';
import { AnnotationHover } from './editor/hover';
import { AnnotationStatusBar } from './editor/statusBar';
import { ContextKeys } from './editor/contextKeys';
import { SidecarWatcher } from './editor/sidecarWatcher';
import { createLogger } from './editor/logger';
import { onSettings, readSettings } from './editor/settings';
import type { Services } from './editor/services';
import { CommandId } from './editor/commandIds';
import type { CommandIdValue } from './editor/commandIds';
import { tag } from './editor/commands/tag';
import { remove } from './editor/commands/remove';
import { changeLabel } from './editor/commands/changeLabel';
import { addNote } from './editor/commands/addNote';
import { link } from './editor/commands/link';
import { addFragment } from './editor/commands/addFragment';
import { setAttribute } from './editor/commands/setAttribute';
import { navigate } from './editor/commands/navigate';
import { undoRedo } from './editor/commands/undoRedo';
import { save } from './editor/commands/save';
import { openSidecar } from './editor/commands/openSidecar';
import { annotateFile } from './editor/commands/annotateFile';
import { showOrphans } from './editor/commands/showOrphans';
import { saveRecovered } from './editor/commands/saveRecovered';
import { openSample } from './editor/commands/openSample';
import { SidecarLanguage } from './editor/sidecarLanguage/sidecarLanguage';
import { preannotateFolder } from './editor/commands/preannotateFolder';
import { validateWorkspace } from './editor/commands/validateWorkspace';
import { ValidationDiagnostics } from './editor/batch/validationDiagnostics';
import { exportAnnotations } from './editor/commands/exportAnnotations';
import { importAnnotations } from './editor/commands/importAnnotations';
import { acceptAllSuggestions, decideSuggestion } from './editor/commands/acceptSuggestion';
import { toggleSuggestions } from './editor/commands/toggleSuggestions';
import { setDocumentDate } from './editor/commands/setDocumentDate';
import { SuggestionEngine } from './editor/suggestions/suggestionEngine';
import { LearnedEntries } from './editor/suggestions/learnedEntries';
import { SidecarIndex } from './editor/index/sidecarIndex';
import { MY_DOCUMENTS_VIEW_ID, MyDocumentsTree } from './editor/project/myDocumentsTree';
import { SuggestionHover } from './editor/suggestions/suggestionHover';
import { SuggestionCodeActions } from './editor/suggestions/suggestionCodeActions';
import { loadGazetteers } from './editor/suggestions/gazetteerFiles';
import { DocumentDateOffer } from './editor/suggestions/documentDateOffer';
import type { SuggestionArgs } from './editor/suggestions/suggestionTarget';
import { createReviewFeature } from './editor/review/reviewFeature';
import type { ReviewFeature } from './editor/review/reviewFeature';
import { createExplorerFeature } from './editor/explorer/explorerFeature';
import type { ExplorerFeature } from './editor/explorer/explorerFeature';
import { ModelService } from './editor/suggestions/modelService';
import { UncertainTree } from './editor/suggestions/uncertainTree';
import { nextUncertain } from './editor/commands/nextUncertain';
import { rebuildModel } from './editor/commands/rebuildModel';
import { modelSectionChanged, setModelSectionSource } from './editor/statistics/modelSection';
import { createReadingViewFeature } from './editor/readingView/readingViewFeature';
import type { ReadingViewFeature } from './editor/readingView/readingViewFeature';
import { ProjectFeature } from './editor/project/projectFeature';
import { openGuidelines } from './editor/commands/openGuidelines';
import { markDone } from './editor/commands/markDone';
import { nextDocument } from './editor/commands/nextDocument';

/** What `activate` returns: the services, for integration tests and other extensions. */
export interface TawsimApi {
  readonly services: Services;
  readonly suggestions: SuggestionEngine;
  readonly review: ReviewFeature;
  readonly explorer: ExplorerFeature;
  readonly painter: DecorationPainter;
  /** Fires when the label quick pick is on screen, for tests that answer it. */
  readonly onDidShowLabelPick: vscode.Event<void>;
  /** `.tawsim/project.yaml`: read, watched, its problems shown. */
  readonly project: ProjectFeature;
  /** The trained tagger: online learning, background re-fits, held-out figures. */
  readonly model: ModelService;
  readonly readingView: ReadingViewFeature;
  /** The My Documents view's provider. */
  readonly myDocuments: MyDocumentsTree;
}

let root: vscode.Disposable | undefined;
let stores: AnnotationStores | undefined;

/** The composition root: builds every service once and owns every disposable. */
export function activate(context: vscode.ExtensionContext): TawsimApi {
  const log = createLogger();
  let settings = readSettings();
  const problems = new ProblemReporter();
  const files = createHostFiles();
  const sync = new SidecarSync(
    () => settings.labels,
    problems,
    log,
    files,
    () => settings.conflict,
  );
  const sidecarFiles = new SidecarWatcher();
  const index = new SidecarIndex(log, context.storageUri, sidecarFiles, sync.onDidWrite);
  stores = new AnnotationStores(settings, sync, log, sidecarFiles);
  const storesRef = stores;
  const painter = new DecorationPainter(stores);
  const services: Services = { stores, sync, problems, sidecarFiles, index, log, files, labels: () => settings.labels, schema: () => settings.schema, context };
  const review = createReviewFeature(services);
  const explorer = createExplorerFeature(services);
  const learned = new LearnedEntries(stores, log, index);
  const dates = new DocumentDateOffer(stores);
  const engine = new SuggestionEngine(stores, learned, log, (store) => dates.dateOf(store));
  painter.setSuggestionSource((store) => engine.suggestions(store).map((s) => ({ ...s, id: s.key, status: 'suggested' as const })));
  const model = new ModelService(context, stores, learned, log, index);
  engine.setTaggerSource(model);
  const uncertain = new UncertainTree(stores, engine);
  learned.follow();
  // The index is built in the background once activation has returned.
  index.start();
  const readingView = createReadingViewFeature(services, engine, review.sessions);
  const validation = new ValidationDiagnostics(() => settings.labels);
  const project = new ProjectFeature(log);
  const myDocuments = new MyDocumentsTree(services);

  const handlers: Record<CommandIdValue, (...args: never[]) => unknown> = {
    [CommandId.tag]: (args?: Parameters<typeof tag>[1]) => tag(services, args),
    [CommandId.remove]: (args?: Parameters<typeof remove>[1]) => remove(services, args),
    [CommandId.changeLabel]: (args?: Parameters<typeof changeLabel>[1]) => changeLabel(services, args),
    [CommandId.addNote]: (args?: Parameters<typeof addNote>[1]) => addNote(services, args),
    [CommandId.link]: (args?: Parameters<typeof link>[1]) => link(services, args),
    [CommandId.addFragment]: (args?: Parameters<typeof addFragment>[1]) => addFragment(services, args),
    [CommandId.setAttribute]: (args?: Parameters<typeof setAttribute>[1]) => setAttribute(services, args),
    [CommandId.next]: () => navigate(services, 1),
    [CommandId.previous]: () => navigate(services, -1),
    [CommandId.undo]: () => undoRedo(services, 'undo'),
    [CommandId.redo]: () => undoRedo(services, 'redo'),
    [CommandId.save]: (args?: Parameters<typeof save>[1]) => save(services, args),
    [CommandId.openSidecar]: (args?: Parameters<typeof openSidecar>[1]) => openSidecar(services, args),
    [CommandId.annotateFile]: (args?: Parameters<typeof annotateFile>[1]) => annotateFile(services, args),
    [CommandId.showOrphans]: (args?: Parameters<typeof showOrphans>[1]) => showOrphans(services, args),
    [CommandId.saveRecovered]: (args?: Parameters<typeof saveRecovered>[1]) => saveRecovered(services, args),
    // From the Explorer context menu VS Code passes the clicked resource and the whole selection.
    [CommandId.export]: (first?: Parameters<typeof exportAnnotations>[1], second?: unknown) => exportAnnotations(services, first, second),
    [CommandId.import]: (first?: Parameters<typeof importAnnotations>[1], second?: unknown) => importAnnotations(services, first, second),
    [CommandId.accept]: (args?: SuggestionArgs) => decideSuggestion(services, engine, 'accepted', args),
    [CommandId.reject]: (args?: SuggestionArgs) => decideSuggestion(services, engine, 'rejected', args),
    [CommandId.acceptAll]: (args?: SuggestionArgs) => acceptAllSuggestions(services, engine, args),
    [CommandId.toggleSuggestions]: () => toggleSuggestions(engine),
    [CommandId.setDocumentDate]: (args?: Parameters<typeof setDocumentDate>[1]) => setDocumentDate(services, args),
    // From the Explorer context menu VS Code passes the clicked folder.
    [CommandId.preannotateFolder]: (args?: Parameters<typeof preannotateFolder>[1]) => preannotateFolder(services, args),
    [CommandId.validateWorkspace]: () => validateWorkspace(services, validation),
    [CommandId.openSample]: () => openSample(services),
    [CommandId.nextUncertain]: () => nextUncertain(services, engine),
    [CommandId.rebuildModel]: () => rebuildModel(model),
    [CommandId.openGuidelines]: (args?: { label?: string }) => openGuidelines(settings.labels, args),
    [CommandId.markDone]: (args?: Parameters<typeof markDone>[1]) => markDone(services, args),
    [CommandId.nextDocument]: () => nextDocument(services),
    ...review.handlers,
    ...explorer.handlers,
    ...readingView.handlers,
  };

  const disposables: vscode.Disposable[] = [
    log,
    problems,
    stores,
    sync,
    sidecarFiles,
    index,
    painter,
    review,
    explorer,
    readingView,
    learned,
    dates,
    engine,
    model,
    model.onDidChange(() => {
      engine.modelChanged();
      modelSectionChanged();
    }),
    uncertain,
    vscode.window.registerTreeDataProvider('tawsim.uncertain', uncertain),
    myDocuments,
    vscode.window.registerTreeDataProvider(MY_DOCUMENTS_VIEW_ID, myDocuments),
    setModelSectionSource(() => {
      const s = model.status();
      const r = s.report;
      return {
        kind: s.kind,
        refitting: s.refitting,
        onlineUpdates: s.onlineUpdates,
        ...(r ? { trainLines: r.trainLines, heldOutLines: r.heldOutLines, finished: r.finished, model: r.model, rules: r.rules, ruleLabels: r.ruleLabels } : {}),
      };
    }),
    validation,
    project,
    engine.onDidChangeSpans(({ store, dirty }) => painter.schedule(store.uri, dirty)),
    stores.onDidChange((store) => problems.update(store)),
    vscode.languages.registerHoverProvider({ scheme: '*' }, new SuggestionHover(stores, engine, () => settings.labels)),
    vscode.languages.registerCodeActionsProvider({ scheme: '*' }, new SuggestionCodeActions(stores, engine), { providedCodeActionKinds: SuggestionCodeActions.kinds }),
    new AnnotationStatusBar(stores),
    new ContextKeys(stores),
    new SidecarLanguage(stores, () => settings.labels),
    vscode.languages.registerHoverProvider({ scheme: '*' }, new AnnotationHover(stores, () => settings.labels)),
    ...Object.entries(handlers).map(([id, handler]) => vscode.commands.registerCommand(id, handler as (...args: unknown[]) => unknown)),
    onSettings((next) => {
      const gazetteersChanged = next.gazetteers.join('\n') !== settings.gazetteers.join('\n');
      // Another sidecar pattern (in the settings or the project file) names other files.
      if (next.sidecarPattern !== settings.sidecarPattern) void index.rebuild();
      settings = next;
      storesRef.updateSettings(next);
      painter.setLabels(next.labels);
      engine.setEnabled(next.suggestionsEnabled);
      model.configure(next.modelEnabled, next.modelThreshold);
      if (gazetteersChanged || next.gazetteers.length > 0)
        void loadGazetteers(next.gazetteers, log).then((g) => {
          model.setGazetteers(g);
          engine.setGazetteers(g);
        });
    }),
  ];
  root = vscode.Disposable.from(...disposables);
  context.subscriptions.push(root);
  log.info(`Tawsim activated (annotator ${settings.annotator})`);
  return { services, suggestions: engine, review, explorer, painter, onDidShowLabelPick, model, readingView, project, myDocuments };
}

/** Every pending and running sidecar write finishes before the extension host goes. */
export async function deactivate(): Promise<void> {
  await stores?.flush();
  root?.dispose();
}
