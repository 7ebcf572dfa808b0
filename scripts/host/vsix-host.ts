/**
 * The browser-hosted VS Code with Tawsim installed from a .vsix, as a user would have it: no
 * development path, the extension unpacked by code-server's own `--install-extension` into a
 * fresh extensions folder. What the package leaves out or gets wrong shows up here and not in
 * the development host.
 *
 *   const vsix = packageVsix(dir);
 *   installVsix(vsix, extensionsDir);
 *   const host = await startInstalledHost({ folder, extensionsDir });
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startHost } from './e2e-host';
import type { Host, HostOptions } from './e2e-host';

/** What this file needs of the launcher: where the repository and the installed host are. */
interface LauncherPaths {
  REPO_ROOT: string;
  HOST_DIR: string;
}

// launcher.js stays plain CommonJS because test-electron executes it directly.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const launcher = require('./launcher.js') as LauncherPaths;

/** The package script's flags: no public repository yet, and the bundle carries its dependencies. */
const VSCE_FLAGS = ['--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links'];

/**
 * Builds the .vsix as `npm run package` does (vsce runs the production build first) into
 * `outDir`, and returns its path and vsce's output (for the caller to check for warnings).
 * Throws with that output when vsce fails.
 */
export function packageVsix(outDir: string): { vsix: string; output: string } {
  const vsix = path.join(outDir, 'tawsim.vsix');
  const vsce = path.join(launcher.REPO_ROOT, 'node_modules', '.bin', 'vsce');
  // No stdin: vsce asks before packaging with a warning, and a question must fail, not hang.
  const run = spawnSync(vsce, ['package', ...VSCE_FLAGS, '--out', vsix], { cwd: launcher.REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 180_000 });
  const output = `${run.stdout ?? ''}${run.stderr ?? ''}`;
  if (run.status !== 0 || !fs.existsSync(vsix)) throw new Error(`vsce package failed (${run.status ?? run.signal}):\n${output}`);
  return { vsix, output };
}

/** Unpacks a .vsix into an extensions folder with code-server's own installer, offline. */
export function installVsix(vsix: string, extensionsDir: string): string {
  const entry = path.join(launcher.HOST_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tawsim-install-'));
  try {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      HOME: tmp,
      XDG_CONFIG_HOME: path.join(tmp, 'config'),
      XDG_DATA_HOME: path.join(tmp, 'data'),
      XDG_CACHE_HOME: path.join(tmp, 'cache'),
    };
    // Set in VS Code terminals; it would hand the install to the VS Code the tests run from.
    delete env['VSCODE_IPC_HOOK_CLI'];
    const run = spawnSync(process.execPath, [entry, '--extensions-dir', extensionsDir, '--user-data-dir', path.join(tmp, 'user-data'), '--install-extension', vsix], {
      env,
      encoding: 'utf8',
      timeout: 120_000,
    });
    const output = `${run.stdout ?? ''}${run.stderr ?? ''}`;
    if (run.status !== 0 || !/successfully installed/.test(output)) throw new Error(`installing ${vsix} failed (${run.status ?? run.signal}):\n${output}`);
    return output;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** The browser-hosted VS Code with only what is installed in `extensionsDir`: no development path. */
export function startInstalledHost(options: Omit<HostOptions, 'extensionPaths'> & { extensionsDir: string }): Promise<Host> {
  return startHost({ ...options, extensionPaths: [] });
}
