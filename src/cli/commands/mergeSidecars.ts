import type { CliCommand, CliIo } from '../cliTypes';
import { ExitCode, UsageError } from '../cliTypes';
import { parseCommandArgs } from '../parseArgs';
import { mergeSidecarTexts } from '../../core/merge/mergeSidecarTexts';
import { describeConflict } from '../../core/merge/sidecarConflicts';
import { MAX_SIDECAR_BYTES } from '../../core/sidecar/parseSidecar';
import { readTextFile } from '../../node/readRegularFile';
import { writeTextAtomic } from '../../node/atomicWrite';

/**
 * `tawsim merge-sidecars BASE OURS THEIRS [PATH]`: git's merge driver for sidecars (`%O %A %B %P`).
 * The merged sidecar replaces OURS, as git expects. Exit 0 when both sides merged cleanly; exit 1
 * when a real conflict is recorded under `conflicts:` in the merged sidecar, or when a version is
 * not a sidecar (OURS is then left as it was), so git reports the file as conflicted. Never writes
 * text conflict markers.
 */
export const mergeSidecarsCommand: CliCommand = {
  name: 'merge-sidecars',
  summary: "git's merge driver for sidecars: three ways, by id and span",
  usage: 'tawsim merge-sidecars BASE OURS THEIRS [PATH]   (git: %O %A %B %P)',
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { positionals } = parseCommandArgs(args, {});
    if (positionals.length < 3 || positionals.length > 4) throw new UsageError('give the base, ours and theirs versions (and the path git merges)');
    const [baseFile, oursFile, theirsFile, shownAs] = positionals as [string, string, string, string | undefined];
    const name = shownAs ?? oursFile;
    const read = async (file: string, missingIsEmpty: boolean): Promise<string> => {
      const text = await readTextFile(file, { maxBytes: MAX_SIDECAR_BYTES });
      if (text === undefined && !missingIsEmpty) throw new Error(`${file}: no such file`);
      return text ?? '';
    };
    const [base, ours, theirs] = [await read(baseFile, true), await read(oursFile, false), await read(theirsFile, false)];
    const result = mergeSidecarTexts(base, ours, theirs);
    if (!result.ok) {
      io.err(
        `${name}:${result.line}: error: ${result.message} (in ${result.side === 'ours' ? 'our' : result.side === 'theirs' ? 'their' : 'the base'} version); not merged, our version is left in place`,
      );
      return ExitCode.badInput;
    }
    await writeTextAtomic(oursFile, result.text);
    if (result.conflicts.length === 0) return ExitCode.ok;
    io.err(
      `${name}: ${result.conflicts.length} conflict${result.conflicts.length === 1 ? '' : 's'}, listed under "conflicts:" in the merged sidecar (it holds our side meanwhile):`,
    );
    for (const c of result.conflicts) io.err(`  ${describeConflict(c)}`);
    io.err(`Resolve with: tawsim resolve-conflicts --take ours|theirs [--id ID] ${name}`);
    return ExitCode.badInput;
  },
};
