import type * as vscode from 'vscode';
import { AnnotationStores } from './annotationStores';
import { SidecarSync } from './sidecarSync';
import { createHostFiles, createHostReads } from './files/platformFiles';
import { ProblemReporter } from './problems';
import { DecorationPainter } from './decorations';
import { RelationMarkPainter } from './relationMarks';
import { SidecarWatcher } from './sidecarWatcher';
import { SidecarIndex } from './index/sidecarIndex';
import { createLogger } from './logger';
import { onSettings, readSettings } from './settings';
import type { TawsimSettings } from './settings';
import type { Services } from './services';
import { disposeAll } from './feature';

/** What every feature is built on: the services, the painter, and one disposable for them. */
export interface Core extends vscode.Disposable {
  readonly services: Services;
  readonly painter: DecorationPainter;
  /** The relation marks (dotted top borders, outlines on the cursor's partners). */
  readonly relationMarks: RelationMarkPainter;
  readonly stores: AnnotationStores;
  /** The settings as they are now. */
  settings(): TawsimSettings;
}

/**
 * Builds the stores, their sidecar reader and writer, the problem reporter, the watcher and the
 * painter once, and keeps the stores and the painter on the current settings.
 */
export function createServices(context: vscode.ExtensionContext): Core {
  const log = createLogger();
  let settings = readSettings();
  const problems = new ProblemReporter();
  const files = createHostFiles();
  const reads = createHostReads();
  const sync = new SidecarSync(
    () => settings.labels,
    problems,
    log,
    files,
    () => settings.conflict,
    () => settings.schema,
  );
  const sidecarFiles = new SidecarWatcher();
  const index = new SidecarIndex(log, context.storageUri, sidecarFiles, sync.onDidWrite, reads);
  const stores = new AnnotationStores(settings, sync, log, sidecarFiles);
  const painter = new DecorationPainter(stores);
  const relationMarks = new RelationMarkPainter(stores);
  const services: Services = { stores, sync, problems, sidecarFiles, index, log, files, reads, labels: () => settings.labels, schema: () => settings.schema, context };
  const disposables: vscode.Disposable[] = [
    log,
    problems,
    stores,
    sync,
    sidecarFiles,
    index,
    painter,
    relationMarks,
    stores.onDidChange((store) => problems.update(store)),
    onSettings((next) => {
      // Another sidecar or gold pattern (in the settings or the project file) names other files.
      void index.patternsMayHaveChanged();
      settings = next;
      stores.updateSettings(next);
      painter.setLabels(next.labels);
    }),
  ];
  // The index is built in the background once activation has returned.
  index.start();
  return {
    services,
    painter,
    relationMarks,
    stores,
    settings: () => settings,
    dispose: disposeAll(disposables),
  };
}
