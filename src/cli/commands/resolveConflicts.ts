import type { CliCommand, CliIo } from '../cliTypes';
import { ExitCode, UsageError } from '../cliTypes';
import { parseCommandArgs } from '../parseArgs';
import { readConflictedSidecar, resolveConflicts } from '../../core/merge/resolveConflicts';
import type { ConflictAnswer } from '../../core/merge/resolveConflicts';
import { describeConflict } from '../../core/merge/sidecarConflicts';
import { MAX_SIDECAR_BYTES } from '../../core/sidecar/parseSidecar';
import { readExistingText, shownPath } from '../../node/readRegularFile';
import { writeTextAtomic } from '../../node/atomicWrite';

const TAKES: readonly ConflictAnswer[] = ['ours', 'theirs', 'both', 'base'];

/**
 * `tawsim resolve-conflicts`: lists the conflicts a merge recorded in sidecars, or answers them
 * (all, or those named by --id): one side, both annotations, or the base, as the editor's Resolve
 * Merge Conflicts does; a conflict the answer does not fit (no base, one side removed) stays open.
 * Writes the sidecar without the answered ones. Exit 1 while conflicts remain, so a script or a
 * hook can tell.
 */
export const resolveConflictsCommand: CliCommand = {
  name: 'resolve-conflicts',
  summary: 'list or resolve the conflicts a merge recorded in sidecars',
  usage: 'tawsim resolve-conflicts [--take ours|theirs|both|base] [--id ID]... SIDECAR...',
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseCommandArgs(args, { take: { type: 'string' }, id: { type: 'string', multiple: true } });
    const take = values['take'];
    if (take !== undefined && !TAKES.includes(take as ConflictAnswer)) throw new UsageError('--take is ours, theirs, both or base');
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
      const result = resolveConflicts(read.sidecar, read.conflicts, (c) => (take !== undefined && chosen(c.id) ? (take as ConflictAnswer) : undefined));
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
