import type { CliCommand, CliIo } from '../cliTypes';
import { ExitCode, UsageError } from '../cliTypes';
import { parseCommandArgs } from '../parseArgs';
import { readConflictedSidecar, resolveConflicts } from '../../core/merge/resolveConflicts';
import { describeConflict } from '../../core/merge/sidecarConflicts';
import { MAX_SIDECAR_BYTES } from '../../core/sidecar/parseSidecar';
import { readExistingText, shownPath } from '../../node/readRegularFile';
import { writeTextAtomic } from '../../node/atomicWrite';

/**
 * `tawsim resolve-conflicts`: lists the conflicts a merge recorded in sidecars, or takes one side of
 * them (all, or those named by --id) and writes the sidecar without them. Exit 1 while conflicts
 * remain, so a script or a hook can tell.
 */
export const resolveConflictsCommand: CliCommand = {
  name: 'resolve-conflicts',
  summary: 'list or resolve the conflicts a merge recorded in sidecars',
  usage: 'tawsim resolve-conflicts [--take ours|theirs] [--id ID]... SIDECAR...',
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseCommandArgs(args, { take: { type: 'string' }, id: { type: 'string', multiple: true } });
    const take = values['take'];
    if (take !== undefined && take !== 'ours' && take !== 'theirs') throw new UsageError('--take is ours or theirs');
    const ids = values['id'] as string[] | undefined;
    if (ids && take === undefined) throw new UsageError('--id needs --take');
    if (positionals.length === 0) throw new UsageError('name at least one sidecar');
    let open = 0;
    let failed = false;
    for (const file of positionals) {
      const shown = shownPath(file);
      const read = readConflictedSidecar(await readExistingText(file, { maxBytes: MAX_SIDECAR_BYTES }));
      if (!read.ok) {
        io.err(`${shown}:${read.line}: error: ${read.message}`);
        failed = true;
        continue;
      }
      const chosen = (id: string | undefined): boolean => ids === undefined || (id !== undefined && ids.includes(id));
      const result = resolveConflicts(read.sidecar, read.conflicts, (c) => (take !== undefined && chosen(c.id) ? take : undefined));
      if (!result.ok) {
        io.err(`${shown}:1: error: taking ${String(take)} gives no valid sidecar: ${result.message}; the file is left as it was`);
        failed = true;
        continue;
      }
      if (take !== undefined && result.open.length !== read.conflicts.length) await writeTextAtomic(file, result.text);
      for (const c of result.open) io.out(`${shown}: ${describeConflict(c)}`);
      open += result.open.length;
    }
    io.out(open === 0 ? 'no conflicts left' : `${open} conflict${open === 1 ? '' : 's'} left`);
    return failed || open > 0 ? ExitCode.badInput : ExitCode.ok;
  },
};
