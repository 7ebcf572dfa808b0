import { CommandId } from '../commandIds';
import type { Feature } from '../feature';
import type { Services } from '../services';
import { exportAnnotations } from '../commands/exportAnnotations';
import { importAnnotations } from '../commands/importAnnotations';

/** Export to and import from the interchange formats. */
export function registerExchange(services: Services): Feature<ReturnType<typeof exchangeHandlers>> {
  return { handlers: exchangeHandlers(services), dispose: () => undefined };
}

/** The command table; its type is the table itself, so the root can check that every command has a handler. */
function exchangeHandlers(services: Services) {
  return {
    // From the Explorer context menu VS Code passes the clicked resource and the whole selection.
    [CommandId.export]: (first?: Parameters<typeof exportAnnotations>[1], second?: unknown) => exportAnnotations(services, first, second),
    [CommandId.import]: (first?: Parameters<typeof importAnnotations>[1], second?: unknown) => importAnnotations(services, first, second),
  };
}
