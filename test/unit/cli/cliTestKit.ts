import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CliIo } from '../../../src/cli/cliTypes';

/** A CliIo that keeps every line, for the command-line tests to read. */
export interface Captured extends CliIo {
  readonly stdout: string[];
  readonly stderr: string[];
}

export function fakeIo(): Captured {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l) };
}

/** Temporary folders for one test file: `make()` creates one, `removeAll()` (in `after`) deletes them. */
export function tempFolders(prefix: string): { make(): string; removeAll(): void } {
  const made: string[] = [];
  return {
    make(): string {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
      made.push(dir);
      return dir;
    },
    removeAll(): void {
      for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
