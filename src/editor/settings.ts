import * as vscode from 'vscode';
import type { LabelDefinition } from '../core/model/labels';
import { DEFAULT_LABELS, LABEL_ID_PATTERN } from '../core/model/labels';
import { DEFAULT_SIDECAR_PATTERN } from '../core/sidecar/sidecarPath';
import type { Project, ProjectLabel } from '../core/project/projectTypes';
import { projectAttributes, projectRelationTypes } from '../core/project/projectQueries';
import type { ProjectSchema } from '../core/model/projectSchema';
import { projectSchema, readProjectSchemaSources } from '../core/model/projectSchema';

/** Tawsim's settings as one typed value, mirroring `contributes.configuration` in package.json. */
export interface TawsimSettings {
  readonly annotator: string;
  readonly files: readonly string[];
  readonly sidecarPattern: string;
  readonly labels: readonly LabelDefinition[];
  readonly suggestionsEnabled: boolean;
  /** Extra gazetteer YAML files, relative to the workspace folder. */
  readonly gazetteers: readonly string[];
  /** How a sidecar changed on disk under unsaved annotation changes is resolved. */
  readonly conflict: 'ask' | 'merge';
  /** Whether the trained model proposes PER, ORG, LOC and MISC (otherwise the rules alone). */
  readonly modelEnabled: boolean;
  /** The model's suggestions below this probability (0–1) are not shown. */
  readonly modelThreshold: number;
  /** Relation types and attribute definitions (`tawsim.relationTypes`, `tawsim.attributes`), over the news defaults. */
  readonly schema: ProjectSchema;
}

/** The workspace's `.tawsim/project.yaml`, as last read well (see editor/project/projectFeature.ts). */
let project: Project | undefined;
const projectChanged = new vscode.EventEmitter<void>();

/** The project file's latest read, in flight or done (the project feature sets it). */
let projectRead: Promise<void> = Promise.resolve();

/** Called with each read of the project file as it starts, so that readers of the project can wait for it. */
export function readingProject(read: Promise<void>): void {
  projectRead = read;
}

/**
 * Resolves once the project file's latest read has been applied: what depends on its assignments
 * or pattern (Next Document, My Documents, progress in Statistics) waits for it, so a command
 * issued right after the window opens does not work from no project at all.
 */
export function projectSettled(): Promise<void> {
  return projectRead;
}

/** Fires when a read of the project file changed the project in force. */
export const onDidChangeProject: vscode.Event<void> = projectChanged.event;

/** Sets the project whose values stand in for settings nobody set; settings listeners run again. */
export function useProject(next: Project | undefined): void {
  project = next;
  projectChanged.fire();
}

export function currentProject(): Project | undefined {
  return project;
}

export function readSettings(scope?: vscode.Uri): TawsimSettings {
  const config = vscode.workspace.getConfiguration('tawsim', scope);
  // The project travels with the corpus and gives everyone the same labels, pattern and
  // recogniser; a setting a user (or the workspace's settings.json) sets explicitly still wins.
  const setHere = (key: string): boolean => {
    const inspected = config.inspect(key);
    return inspected?.globalValue !== undefined || inspected?.workspaceValue !== undefined || inspected?.workspaceFolderValue !== undefined;
  };
  const fromProject = <T>(key: string, value: T | undefined): T | undefined => (setHere(key) ? undefined : value);
  return {
    annotator: config.get<string>('annotator', '').trim() || systemUserName(),
    files: config.get<string[]>('files', ['**/*.txt', '**/*.md']),
    sidecarPattern: fromProject('sidecar.pattern', project?.sidecarPattern) ?? (config.get<string>('sidecar.pattern', DEFAULT_SIDECAR_PATTERN) || DEFAULT_SIDECAR_PATTERN),
    labels: withGuidelines(fromProject('labels', project?.labels) ?? validLabels(config.get<unknown>('labels'))),
    suggestionsEnabled: fromProject('suggestions.enabled', project?.recognizer.suggestions) ?? config.get<boolean>('suggestions.enabled', true),
    gazetteers: config.get<string[]>('gazetteers', []).filter((p) => typeof p === 'string' && p.trim() !== ''),
    conflict: config.get<string>('conflict', 'ask') === 'merge' ? 'merge' : 'ask',
    modelEnabled: fromProject('model.enabled', project?.recognizer.model) ?? config.get<boolean>('model.enabled', true),
    modelThreshold: fromProject('model.threshold', project?.recognizer.threshold) ?? Math.min(1, Math.max(0, Number(config.get<number>('model.threshold', 0.3)) || 0)),
    schema: projectSchema(
      readProjectSchemaSources(
        // Only a value someone set: VS Code answers an unset list setting with [] (its type's default), which would empty the news defaults.
        fromProject('relationTypes', project ? projectRelationTypes(project) : undefined) ?? (setHere('relationTypes') ? config.get<unknown>('relationTypes') : undefined),
        fromProject('attributes', project ? projectAttributes(project) : undefined) ?? (setHere('attributes') ? config.get<unknown>('attributes') : undefined),
      ).sources,
    ),
  };
}

/** A label set of the user's own keeps the project's guidelines for the labels both define. */
function withGuidelines(labels: readonly ProjectLabel[]): readonly ProjectLabel[] {
  const byId = new Map((project?.labels ?? []).flatMap((l) => (l.guidelines ? [[l.id, l.guidelines] as const] : [])));
  if (byId.size === 0) return labels;
  return labels.map((l) => {
    const guidelines = l.guidelines ?? byId.get(l.id);
    return guidelines ? { ...l, guidelines } : l;
  });
}

/**
 * Calls `listener` now and whenever a Tawsim setting changes: starting up and reacting to a change
 * are one code path, so nothing is set up only at start.
 */
export function onSettings(listener: (settings: TawsimSettings) => void): vscode.Disposable {
  listener(readSettings());
  return vscode.Disposable.from(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('tawsim')) listener(readSettings());
    }),
    projectChanged.event(() => listener(readSettings())),
  );
}

function validLabels(value: unknown): readonly LabelDefinition[] {
  if (!Array.isArray(value)) return DEFAULT_LABELS;
  const labels = value.filter(
    (l): l is LabelDefinition =>
      typeof l === 'object' &&
      l !== null &&
      typeof l.id === 'string' &&
      LABEL_ID_PATTERN.test(l.id) &&
      typeof l.en === 'string' &&
      typeof l.ar === 'string' &&
      typeof l.color === 'string',
  );
  return labels.length > 0 ? labels : DEFAULT_LABELS;
}

function systemUserName(): string {
  // No 'os' import: this module is also bundled for browser hosts.
  const env = typeof process !== 'undefined' ? process.env : {};
  return env['USER'] || env['USERNAME'] || env['LOGNAME'] || 'annotator';
}
