/**
 * Runs the compiled integration suite (out/test/integration/index.js) inside VS Code.
 *
 * With TAWSIM_DESKTOP=1, @vscode/test-electron downloads desktop VS Code as usual. Otherwise
 * the suite runs in code-server through scripts/host/launcher.js, because machines that
 * reach only the npm registry cannot download desktop VS Code.
 *
 * The tests get a fresh copy of test/fixtures/workspace (its path also in
 * TAWSIM_TEST_WORKSPACE), so they can write real files without touching the repository.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests, TestRunFailedError } from '@vscode/test-electron';

/** Repository root, whether this runs from test/integration (tsx) or out/test/integration. */
function findRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${__dirname}`);
    dir = parent;
  }
  return dir;
}

const root = findRoot();

/** Installs code-server on first use (about a minute), then returns the launcher's path. */
function ensureHost(): string {
  const hostDir = process.env['TAWSIM_HOST_DIR'] ?? path.join(root, '.vscode-test', 'code-server');
  const installed = spawnSync('bash', [path.join(root, 'scripts', 'host', 'install-host.sh')], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, TAWSIM_HOST_DIR: hostDir },
  });
  if (installed.status !== 0) throw new Error('installing code-server failed (scripts/host/install-host.sh)');
  return path.join(root, 'scripts', 'host', 'launcher.js');
}

async function main(): Promise<number> {
  const extensionTestsPath = path.join(root, 'out', 'test', 'integration', 'index.js');
  if (!fs.existsSync(extensionTestsPath)) {
    console.error(`${extensionTestsPath} is missing: build the integration tests first`);
    return 2;
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tawsim-ws-'));
  const workspace = path.join(tmp, 'workspace');
  fs.cpSync(path.join(root, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });

  const desktop = process.env['TAWSIM_DESKTOP'] === '1';
  const started = Date.now();
  try {
    const launchArgs = [workspace, '--disable-extensions'];
    await runTests({
      // Without an executable path runTests downloads desktop VS Code; with one it only spawns
      // it. Node runs the launcher, so a checkout that lost its executable bit still works.
      ...(desktop ? { launchArgs } : { vscodeExecutablePath: process.execPath, launchArgs: [ensureHost(), ...launchArgs] }),
      extensionDevelopmentPath: root,
      extensionTestsPath,
      extensionTestsEnv: { TAWSIM_TEST_WORKSPACE: workspace },
    });
    return 0;
  } catch (err) {
    if (err instanceof TestRunFailedError) return err.code ?? 1;
    console.error(err);
    return 2;
  } finally {
    console.log(`integration run took ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (process.env['TAWSIM_KEEP_WORKSPACE']) console.log(`workspace kept in ${workspace}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  }
}

void main().then((code) => {
  process.exitCode = code;
});
