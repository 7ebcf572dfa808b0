/**
 * The `tawsim` command line as a separate process, for tests where several run at once or where
 * one must be killed: bundled once per test process from the sources (as `npm run build` does),
 * so the tests run today's code without a prior build. A guard ends a child that hangs or grows
 * past a memory limit, so a regression fails the test instead of the machine.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildSync } from 'esbuild';

const root = path.resolve(__dirname, '..', '..', '..');
let bundle: string | undefined;

/** Path of a bundle of the command line (`dist/cli.js` of the current sources), built at first use. */
export function cliBundle(): string {
  if (bundle && fs.existsSync(bundle)) return bundle;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tawsim-cli-bundle-'));
  bundle = path.join(dir, 'cli.js');
  buildSync({
    entryPoints: [path.join(root, 'src', 'cli', 'main.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    loader: { '.json': 'json' },
    logLevel: 'error',
  });
  process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  return bundle;
}

export interface CliRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Set when the guard ended the child: why. */
  readonly stopped?: string;
}

export interface Guard {
  /** End the child when it has not finished after this long (a hang). */
  readonly timeoutMs?: number;
  /** End the child when its resident memory passes this (an unbounded read). */
  readonly maxRssMb?: number;
}

/** Starts `tawsim ARGS` in its own process. */
export function startCli(args: readonly string[], cwd = process.cwd(), env: Readonly<Record<string, string>> = {}): ChildProcess {
  return spawn(process.execPath, [cliBundle(), ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
}

/** Runs `tawsim ARGS` to its end, or until the guard stops it. */
export function runCli(args: readonly string[], guard: Guard = {}, cwd = process.cwd()): Promise<CliRun> {
  return finish(startCli(args, cwd), guard);
}

/** Collects a child's output and waits for its end; the guard kills it on a hang or a memory blow-up. */
export function finish(child: ChildProcess, guard: Guard = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  let stopped: string | undefined;
  child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const stop = (why: string): void => {
    stopped ??= why;
    child.kill('SIGKILL');
  };
  const timer = guard.timeoutMs !== undefined ? setTimeout(() => stop(`still running after ${guard.timeoutMs} ms`), guard.timeoutMs) : undefined;
  const watch =
    guard.maxRssMb !== undefined
      ? setInterval(() => {
          const rss = residentMb(child.pid);
          if (rss !== undefined && rss > (guard.maxRssMb as number)) stop(`resident memory ${rss} MB, over ${guard.maxRssMb} MB`);
        }, 20)
      : undefined;
  return new Promise((resolve) => {
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      clearInterval(watch);
      resolve({ code, signal, stdout, stderr, ...(stopped !== undefined ? { stopped } : {}) });
    });
  });
}

/** Resident memory of a process in MB, from /proc (Linux); undefined elsewhere. */
function residentMb(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? undefined : Math.round(Number(kb) / 1024);
  } catch {
    return undefined;
  }
}
