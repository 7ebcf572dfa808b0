import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import type { CliCommand, CliIo } from '../cliTypes';
import { ExitCode, UsageError } from '../cliTypes';
import { parseCommandArgs } from '../parseArgs';
import { readTextFile } from '../../node/readRegularFile';
import { writeTextAtomic } from '../../node/atomicWrite';
import { GIT_ATTRIBUTES_LINE, withAttributesLine } from '../../core/merge/gitAttributes';

const run = promisify(execFile);

/**
 * `tawsim git-setup`: makes git merge sidecars through `tawsim merge-sidecars`. The attribute goes
 * in the repository's `.gitattributes` (committed, so every clone has it); the driver's command in
 * the clone's own configuration, since git never takes commands from the repository's content:
 * each team member runs this once per clone.
 */
export const gitSetupCommand: CliCommand = {
  name: 'git-setup',
  summary: 'make git merge sidecars with tawsim (.gitattributes and the merge driver)',
  usage: 'tawsim git-setup [--driver COMMAND] [FOLDER]   (COMMAND runs tawsim; default: tawsim)',
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseCommandArgs(args, { driver: { type: 'string' } });
    if (positionals.length > 1) throw new UsageError('name one folder inside the git repository');
    const folder = positionals[0] ?? '.';
    const driver = (values['driver'] as string | undefined) ?? 'tawsim';
    let top: string;
    try {
      top = (await run('git', ['-C', folder, 'rev-parse', '--show-toplevel'])).stdout.trim();
    } catch (e) {
      const detail = (e as { stderr?: string }).stderr?.trim() || (e as Error).message;
      io.err(`${folder}: not inside a git repository (${detail.split('\n')[0] ?? ''}); run git init first`);
      return ExitCode.badInput;
    }
    const attributesFile = path.join(top, '.gitattributes');
    const before = (await readTextFile(attributesFile)) ?? '';
    const after = withAttributesLine(before);
    if (after !== before) await writeTextAtomic(attributesFile, after);
    await run('git', ['-C', top, 'config', 'merge.tawsim.name', 'Tawsim sidecars: three-way by annotation id and span']);
    await run('git', ['-C', top, 'config', 'merge.tawsim.driver', `${driver} merge-sidecars %O %A %B %P`]);
    io.out(`${after !== before ? 'added' : 'kept'} "${GIT_ATTRIBUTES_LINE}" in ${attributesFile}`);
    io.out(`merge.tawsim.driver = ${driver} merge-sidecars %O %A %B %P (this clone's .git/config)`);
    io.out('Commit .gitattributes; every clone runs tawsim git-setup once.');
    return ExitCode.ok;
  },
};
