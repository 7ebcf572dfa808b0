import type { CliCommand, CliIo } from './cliTypes';
import { ExitCode, UsageError } from './cliTypes';
import { validateCommand } from './commands/validate';
import { exportCommand } from './commands/export';
import { importCommand } from './commands/import';
import { agreeCommand } from './commands/agree';
import { detectCommand } from './commands/detect';
import { annotateCommand } from './commands/annotate';
import { trainCommand } from './commands/train';
import { evalCommand } from './commands/eval';
import { mergeSidecarsCommand } from './commands/mergeSidecars';
import { resolveConflictsCommand } from './commands/resolveConflicts';
import { gitSetupCommand } from './commands/gitSetup';
import { version } from '../../package.json';

const commands: readonly CliCommand[] = [
  detectCommand,
  annotateCommand,
  validateCommand,
  exportCommand,
  importCommand,
  agreeCommand,
  trainCommand,
  evalCommand,
  mergeSidecarsCommand,
  resolveConflictsCommand,
  gitSetupCommand,
];

const io: CliIo = {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
};

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'tawsim — annotate Arabic news text: sidecars, suggestions, exports, agreement',
    '',
    'Usage: tawsim COMMAND [OPTIONS] ARGS...',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options: --help (also after a command), --version',
    'Exit codes: 0 success, 1 bad input (the message names the file and the problem), 2 usage.',
  ].join('\n');
}

export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(help());
    return name === undefined ? ExitCode.usage : ExitCode.ok;
  }
  if (name === '--version' || name === '-v') {
    io.out(version);
    return ExitCode.ok;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`tawsim: unknown command "${name}"\n\n${help()}`);
    return ExitCode.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`Usage: ${command.usage}`);
    return ExitCode.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`tawsim ${command.name}: ${e.message}\nUsage: ${command.usage}`);
      return ExitCode.usage;
    }
    io.err(`tawsim ${command.name}: ${(e as Error).message}`);
    return ExitCode.badInput;
  }
}

if (require.main === module) {
  // A reader that closes the pipe early (`| head`) chose to; that is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      io.err(String(e));
      process.exitCode = ExitCode.badInput;
    },
  );
}
