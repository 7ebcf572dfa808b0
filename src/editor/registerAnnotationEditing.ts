import * as vscode from 'vscode';
import { CommandId } from './commandIds';
import type { Services } from './services';
import type { Feature } from './feature';
import { disposeAll } from './feature';
import { AnnotationHover } from './hover';
import { AnnotationStatusBar } from './statusBar';
import { ContextKeys } from './contextKeys';
import { SidecarLanguage } from './sidecarLanguage/sidecarLanguage';
import { tag } from './commands/tag';
import { remove } from './commands/remove';
import { changeLabel } from './commands/changeLabel';
import { addNote } from './commands/addNote';
import { link } from './commands/link';
import { addFragment } from './commands/addFragment';
import { setAttribute } from './commands/setAttribute';
import { navigate } from './commands/navigate';
import { undoRedo } from './commands/undoRedo';
import { save } from './commands/save';
import { openSidecar } from './commands/openSidecar';
import { annotateFile } from './commands/annotateFile';
import { showOrphans } from './commands/showOrphans';
import { saveRecovered } from './commands/saveRecovered';
import { setDocumentDate } from './commands/setDocumentDate';
import { openSample } from './commands/openSample';
import { resolveConflicts } from './commands/resolveConflicts';

/**
 * Tagging and fixing tags in the text: the commands on one document's annotations and its
 * sidecar, the hover, the status bar, the context keys and the sidecar's own language.
 */
export function registerAnnotationEditing(services: Services): Feature<ReturnType<typeof editingHandlers>> {
  const disposables: vscode.Disposable[] = [
    new AnnotationStatusBar(services.stores),
    new ContextKeys(services.stores),
    new SidecarLanguage(services.stores, services.labels, services.schema),
    vscode.languages.registerHoverProvider({ scheme: '*' }, new AnnotationHover(services.stores, services.labels)),
  ];
  return { handlers: editingHandlers(services), dispose: disposeAll(disposables) };
}

/** The command table; its type is the table itself, so the root can check that every command has a handler. */
function editingHandlers(services: Services) {
  return {
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
    [CommandId.setDocumentDate]: (args?: Parameters<typeof setDocumentDate>[1]) => setDocumentDate(services, args),
    [CommandId.openSample]: () => openSample(services),
    [CommandId.resolveConflicts]: (args?: Parameters<typeof resolveConflicts>[1]) => resolveConflicts(services, args),
  };
}
