import * as vscode from 'vscode';
import { CommandId } from '../commandIds';
import type { Feature } from '../feature';
import type { Services } from '../services';
import { openGuidelines } from '../commands/openGuidelines';
import { markDone } from '../commands/markDone';
import { nextDocument } from '../commands/nextDocument';
import { ProjectFeature } from './projectFeature';
import { MY_DOCUMENTS_VIEW_ID, MyDocumentsTree } from './myDocumentsTree';

/** The project the corpus carries (`.tawsim/project.yaml`), its guidelines and the annotator's queue of texts. */
export interface ProjectCommands extends Feature<ReturnType<typeof projectHandlers>> {
  readonly project: ProjectFeature;
  /** The My Documents view's provider. */
  readonly myDocuments: MyDocumentsTree;
}

export function registerProject(services: Services): ProjectCommands {
  const project = new ProjectFeature(services.log);
  const myDocuments = new MyDocumentsTree(services);
  const view = vscode.window.registerTreeDataProvider(MY_DOCUMENTS_VIEW_ID, myDocuments);
  return {
    project,
    myDocuments,
    handlers: projectHandlers(services),
    dispose: () => {
      view.dispose();
      myDocuments.dispose();
      project.dispose();
    },
  };
}

/** The command table; its type is the table itself, so the root can check that every command has a handler. */
function projectHandlers(services: Services) {
  return {
    [CommandId.openGuidelines]: (args?: { label?: string }) => openGuidelines(services.labels(), args),
    [CommandId.markDone]: (args?: Parameters<typeof markDone>[1]) => markDone(services, args),
    [CommandId.nextDocument]: () => nextDocument(services),
  };
}
