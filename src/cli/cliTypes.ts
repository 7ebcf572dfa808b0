/** Exit codes of every `tawsim` command. */
export const ExitCode = { ok: 0, badInput: 1, usage: 2 } as const;

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

/** A sub-command: parses its own arguments and returns an exit code. */
export interface CliCommand {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  run(args: readonly string[], io: CliIo): Promise<number>;
}

/** Thrown for bad usage: the message is printed with the command's usage, exit code 2. */
export class UsageError extends Error {}
