/**
 * The message of a failed write, ending with what was written. The checked write path says so
 * itself ("nothing was written", or the files it could not put back); a failure before it
 * started (planning, formatting) wrote nothing.
 */
export function writeFailure(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  return /nothing was written|written and not undone/.test(message) ? message : `${message}; nothing was written`;
}
