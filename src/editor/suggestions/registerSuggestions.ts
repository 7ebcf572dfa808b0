import * as vscode from 'vscode';
import { CommandId } from '../commandIds';
import type { DecorationPainter } from '../decorations';
import type { Feature } from '../feature';
import { disposeAll } from '../feature';
import type { Services } from '../services';
import { onSettings } from '../settings';
import { acceptAllSuggestions, decideSuggestion } from '../commands/acceptSuggestion';
import { toggleSuggestions } from '../commands/toggleSuggestions';
import { nextUncertain } from '../commands/nextUncertain';
import { rebuildModel } from '../commands/rebuildModel';
import { modelSectionChanged, setModelSectionSource } from '../statistics/modelSection';
import { SuggestionEngine } from './suggestionEngine';
import { recognizedLabelsIn } from '../../core/recognize/recognizedLabelsIn';
import { LearnedEntries } from './learnedEntries';
import { SuggestionHover } from './suggestionHover';
import { SuggestionCodeActions } from './suggestionCodeActions';
import { loadGazetteers } from './gazetteerFiles';
import { DocumentDateOffer } from './documentDateOffer';
import type { SuggestionArgs } from './suggestionTarget';
import { ModelService } from './modelService';
import { UncertainTree } from './uncertainTree';

/** Suggestions as the root wires them: the engine and the tagger, for the views that show them. */
export interface SuggestionsFeature extends Feature<ReturnType<typeof suggestionHandlers>> {
  readonly engine: SuggestionEngine;
  readonly model: ModelService;
}

/**
 * Suggestions from the rules, the gazetteers, the annotator's own tags and the trained tagger:
 * the engine, the painter's dashed underlines, the hover and light bulb, the Uncertain
 * Suggestions view, the tagger's section of the statistics, and their commands; all of it follows
 * the settings.
 */
export function registerSuggestions(services: Services, painter: DecorationPainter): SuggestionsFeature {
  const { stores, log, context } = services;
  const learned = new LearnedEntries(stores, log, services.index);
  const dates = new DocumentDateOffer(stores);
  const engine = new SuggestionEngine(
    stores,
    learned,
    log,
    (store) => dates.dateOf(store),
    () => recognizedLabelsIn(services.labels()),
  );
  painter.setSuggestionSource((store) => engine.suggestions(store).map((s) => ({ ...s, id: s.key, status: 'suggested' as const })));
  const model = new ModelService(context, stores, learned, log, services.index);
  engine.setTaggerSource(model);
  const uncertain = new UncertainTree(stores, engine);
  learned.follow();
  let gazetteers: readonly string[] = [];
  const disposables: vscode.Disposable[] = [
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
    setModelSectionSource(() => {
      const s = model.status();
      const r = s.report;
      return {
        kind: s.kind,
        refitting: s.refitting,
        onlineUpdates: s.onlineUpdates,
        ...(r
          ? { trainLines: r.trainLines, heldOutLines: r.heldOutLines, finished: r.finished, model: r.model, rules: r.rules, ruleLabels: r.ruleLabels, keptBase: r.keptBase }
          : {}),
      };
    }),
    engine.onDidChangeSpans(({ store, dirty }) => painter.schedule(store.uri, dirty)),
    vscode.languages.registerHoverProvider({ scheme: '*' }, new SuggestionHover(stores, engine, services.labels)),
    vscode.languages.registerCodeActionsProvider({ scheme: '*' }, new SuggestionCodeActions(stores, engine), { providedCodeActionKinds: SuggestionCodeActions.kinds }),
    onSettings((next) => {
      const gazetteersChanged = next.gazetteers.join('\n') !== gazetteers.join('\n');
      gazetteers = next.gazetteers;
      engine.setEnabled(next.suggestionsEnabled);
      model.configure(next.modelEnabled, next.modelThreshold);
      if (gazetteersChanged || next.gazetteers.length > 0)
        void loadGazetteers(next.gazetteers, log).then((g) => {
          model.setGazetteers(g);
          engine.setGazetteers(g);
        });
    }),
  ];
  return { engine, model, handlers: suggestionHandlers(services, engine, model), dispose: disposeAll(disposables) };
}

/** The command table; its type is the table itself, so the root can check that every command has a handler. */
function suggestionHandlers(services: Services, engine: SuggestionEngine, model: ModelService) {
  return {
    [CommandId.accept]: (args?: SuggestionArgs) => decideSuggestion(services, engine, 'accepted', args),
    [CommandId.reject]: (args?: SuggestionArgs) => decideSuggestion(services, engine, 'rejected', args),
    [CommandId.acceptAll]: (args?: SuggestionArgs) => acceptAllSuggestions(services, engine, args),
    [CommandId.toggleSuggestions]: () => toggleSuggestions(engine),
    [CommandId.nextUncertain]: () => nextUncertain(services, engine),
    [CommandId.rebuildModel]: () => rebuildModel(model),
  };
}
