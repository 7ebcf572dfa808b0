import { CommandId } from '../commandIds';
import type { Feature } from '../feature';
import type { Services } from '../services';
import { preannotateFolder } from '../commands/preannotateFolder';
import { validateWorkspace } from '../commands/validateWorkspace';
import { ValidationDiagnostics } from './validationDiagnostics';

/** Work on whole folders: pre-annotating them, and validating every sidecar of the workspace. */
export function registerBatch(services: Services): Feature<ReturnType<typeof batchHandlers>> {
  const validation = new ValidationDiagnostics(services.labels, services.schema);
  return { handlers: batchHandlers(services, validation), dispose: () => validation.dispose() };
}

/** The command table; its type is the table itself, so the root can check that every command has a handler. */
function batchHandlers(services: Services, validation: ValidationDiagnostics) {
  return {
    // From the Explorer context menu VS Code passes the clicked folder.
    [CommandId.preannotateFolder]: (args?: Parameters<typeof preannotateFolder>[1]) => preannotateFolder(services, args),
    [CommandId.validateWorkspace]: () => validateWorkspace(services, validation),
  };
}
