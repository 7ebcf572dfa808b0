import type * as vscode from 'vscode';
import type { AnnotationStores } from './annotationStores';
import type { SidecarSync } from './sidecarSync';
import type { LabelDefinition } from '../core/model/labels';
import type { ProjectSchema } from '../core/model/projectSchema';
import type { Logger } from './logger';
import type { ProblemReporter } from './problems';
import type { SidecarWatcher } from './sidecarWatcher';
import type { HostFiles } from './files/hostFiles';
import type { HostReads } from './files/hostReads';
import type { SidecarIndex } from './index/sidecarIndex';

/** What commands need, built once by the composition root. */
export interface Services {
  readonly stores: AnnotationStores;
  readonly sync: SidecarSync;
  readonly problems: ProblemReporter;
  /** The one watcher on the workspace's sidecars. */
  readonly sidecarFiles: SidecarWatcher;
  /** The one index of the workspace's sidecars: consumers ask it instead of searching the workspace. */
  readonly index: SidecarIndex;
  readonly log: Logger;
  /** Atomic, checked file writes as this host allows them. */
  readonly files: HostFiles;
  /** Reads many files at once (the index, Find): Node's fs where the host has it. */
  readonly reads: HostReads;
  labels(): readonly LabelDefinition[];
  /** Relation types and attribute definitions, as the settings give them now. */
  schema(): ProjectSchema;
  readonly context: vscode.ExtensionContext;
}
