#!/usr/bin/env node
// Stands in for a desktop `code` binary: @vscode/test-electron's runTests() spawns it with
// desktop-style arguments, and it runs the suite in code-server (installed by
// install-host.sh) driven by headless Chromium, exiting with the suite's exit code.
// Desktop VS Code cannot be downloaded on machines that reach only npm and Debian.
//
// Also a library for the other host scripts (start.js, e2e-host.ts): startServer,
// launchBrowser, workbenchUrl.
//
// Exit codes: the suite's own (0 pass, 1 fail); 2 when the host itself fails or times out.
'use strict';

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { setTimeout, clearTimeout } = require('node:timers');
const { pathToFileURL, URL } = require('node:url');
const { format } = require('node:util');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const HOST_DIR = process.env.TAWSIM_HOST_DIR || path.join(REPO_ROOT, '.vscode-test', 'code-server');
const CHROMIUM = process.env.TAWSIM_CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
// Variables that code-server reads and that would override the command line: PORT beats
// --bind-addr, VSCODE_IPC_HOOK_CLI (set in VS Code terminals) makes it hand the folder to
// the VS Code it was started from instead of serving.
const SERVER_ENV_OVERRIDES = [
  'PORT',
  'CODE_SERVER_HOST',
  'CODE_SERVER_CONFIG',
  'CODE_SERVER_SESSION_SOCKET',
  'VSCODE_IPC_HOOK_CLI',
  'PASSWORD',
  'HASHED_PASSWORD',
  'VSCODE_PROXY_URI',
];

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function portIsFree(port) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

/**
 * Starts code-server in its own process group, with every folder it or the extension host
 * would write to (XDG dirs, user data) inside a fresh temp dir.
 * Resolves once it prints "HTTP server listening".
 */
async function startServer(options = {}) {
  const entry = path.join(HOST_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  if (!fs.existsSync(entry)) {
    throw new Error(`code-server is not installed in ${HOST_DIR}; run scripts/host/install-host.sh`);
  }
  const port = options.port || (await freePort());
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tawsim-host-'));
  const extensionsDir = options.extensionsDir || path.join(tmp, 'extensions');
  // A missing extensions dir makes the server skip the development extension silently.
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.mkdirSync(path.join(tmp, 'home'));
  const env = { ...process.env, ...options.env };
  for (const name of SERVER_ENV_OVERRIDES) delete env[name];
  Object.assign(env, {
    HOME: path.join(tmp, 'home'),
    XDG_CONFIG_HOME: path.join(tmp, 'config'),
    XDG_DATA_HOME: path.join(tmp, 'data'),
    XDG_CACHE_HOME: path.join(tmp, 'cache'),
  });
  const args = [
    entry,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--user-data-dir',
    // A bench that restarts the host on one workspace keeps its user data, so the workspace
    // storage (the extension's caches) survives from one start to the next.
    process.env.TAWSIM_HOST_USER_DATA || path.join(tmp, 'user-data'),
    '--extensions-dir',
    extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--disable-proxy',
  ];
  const child = spawn(process.execPath, args, {
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Kept so a server that fails to start can explain why; silent otherwise.
  let output = '';
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));

  const cleanUpNow = () => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
    try {
      fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
    } catch {
      /* best effort */
    }
  };
  // Last resort when the caller exits without stopping (e.g. Playwright's own SIGINT
  // handler calls process.exit): synchronous, so it works in 'exit'.
  process.once('exit', cleanUpNow);

  const ready = new Promise((resolve, reject) => {
    let listening = false;
    // Keeps draining the pipes after start-up, or a chatty server would block on them.
    const onData = (chunk) => {
      const text = chunk.toString();
      if (options.verbose) process.stdout.write(text);
      if (listening) return;
      output += text;
      if (output.includes('HTTP server listening')) {
        listening = true;
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('error', reject);
    exited.then((code) => reject(new Error(`code-server exited (${code}) before listening:\n${output}`)));
    setTimeout(() => reject(new Error(`code-server did not listen within 60 s:\n${output}`)), 60_000).unref();
  });
  try {
    await ready;
  } catch (err) {
    process.removeListener('exit', cleanUpNow);
    cleanUpNow();
    throw err;
  }

  let stopping;
  const stop = () => {
    stopping ??= (async () => {
      // Once the group is gone its id may be reused, so the exit hook must not fire later.
      process.removeListener('exit', cleanUpNow);
      await killGroup(child, exited);
      fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
    })();
    return stopping;
  };

  const base = `http://127.0.0.1:${port}`;
  return {
    port,
    base,
    tmp,
    process: child,
    exited,
    /** vscode-remote URI the workbench needs for paths on the server side. */
    remoteUri: (p) => `vscode-remote://127.0.0.1:${port}${pathToFileURL(path.resolve(p)).pathname}`,
    stop,
  };
}

async function killGroup(child, exited) {
  const kill = (signal) => {
    try {
      process.kill(-child.pid, signal);
    } catch {
      /* already gone */
    }
  };
  kill('SIGTERM');
  const timer = new Promise((resolve) => setTimeout(() => resolve('timeout'), 3000).unref());
  await Promise.race([exited, timer]);
  // The extension host and other helpers share the group and may outlive the server.
  kill('SIGKILL');
}

/**
 * Builds the workbench URL. The server's command line rejects --extensionDevelopmentPath
 * and ignores --extensionTestsPath, but the web workbench reads both from `payload`.
 */
function workbenchUrl(server, { folder, extensionDevelopmentPaths = [], extensionTestsPath } = {}) {
  const payload = extensionDevelopmentPaths.map((p) => ['extensionDevelopmentPath', server.remoteUri(p)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', server.remoteUri(extensionTestsPath)]);
  payload.push(['skipWelcome', 'true']);
  const query = [];
  if (folder) query.push(`folder=${encodeURIComponent(path.resolve(folder))}`);
  query.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
  return `${server.base}/?${query.join('&')}`;
}

/**
 * Headless Debian Chromium with a throwaway HOME, so nothing lands in the real home.
 * handleSignals: false leaves Ctrl+C to the caller; Playwright's handler would otherwise
 * exit the process before the caller's cleanup ran.
 */
async function launchBrowser(home, { handleSignals = true } = {}) {
  const { chromium } = require('playwright-core');
  fs.mkdirSync(home, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    env: { ...process.env, HOME: home },
    handleSIGINT: handleSignals,
    handleSIGTERM: handleSignals,
    handleSIGHUP: handleSignals,
  });
}

/** Maps runTests()'s desktop arguments; desktop-only flags are ignored. */
function parseDesktopArgs(argv) {
  const parsed = { extensionDevelopmentPaths: [], extensionTestsPath: undefined, folder: undefined, extensionsDir: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [, name, value] = /^--([^=]+)(?:=(.*))?$/s.exec(arg) || [];
    if (!name) {
      parsed.folder ??= arg;
      continue;
    }
    const take = () => (value !== undefined ? value : argv[++i]);
    if (name === 'extensionDevelopmentPath') parsed.extensionDevelopmentPaths.push(take());
    else if (name === 'extensionTestsPath') parsed.extensionTestsPath = take();
    else if (name === 'extensions-dir') parsed.extensionsDir = take();
    // A fresh profile per run: runTests() passes a shared user-data-dir, whose state
    // (open editors, storage) would leak between runs.
    else if (name === 'user-data-dir') take();
    else if (name === 'folder-uri' && value !== undefined) parsed.folder ??= new URL(value).pathname;
  }
  return parsed;
}

// Workbench chatter with no bearing on a test run (the host is offline); shown with
// TAWSIM_HOST_VERBOSE=1.
const NOISE = [
  /open-vsx\.org/,
  /vsda/,
  /^Resolv(ing|ed) connection token/,
  /^Creating a socket/,
  /^Updating additional builtin extensions cache/,
  /^\[Service Worker\]/,
  /^ChatSessionStore:/,
  /^No search provider registered/,
  /^Creation of workbench contribution/,
];

function printLog(type, args) {
  // Extension-host console calls arrive unformatted (mocha logs '%s' templates).
  const text = format(...(Array.isArray(args) ? args : [args]));
  if (!process.env.TAWSIM_HOST_VERBOSE && NOISE.some((re) => re.test(text))) return;
  (type === 'error' || type === 'warn' ? process.stderr : process.stdout).write(`${text}\n`);
}

async function main() {
  const opts = parseDesktopArgs(process.argv.slice(2));
  if (!opts.extensionTestsPath) {
    console.error('launcher: --extensionTestsPath is required (use scripts/start.js to run interactively)');
    return 2;
  }
  const timeoutMs = Number(process.env.TAWSIM_TEST_TIMEOUT_MS) || 10 * 60 * 1000;
  let server;
  let browser;
  let finish;
  let finished = false;
  const result = new Promise((resolve) => {
    finish = (code) => {
      finished = true;
      resolve(code);
    };
  });
  const timer = setTimeout(() => {
    console.error(`launcher: no result after ${timeoutMs} ms (TAWSIM_TEST_TIMEOUT_MS)`);
    finish(2);
  }, timeoutMs);
  // runTests() forwards Ctrl+C as SIGINT; cleanup still has to run.
  process.once('SIGINT', () => finish(130));
  process.once('SIGTERM', () => finish(143));
  process.once('SIGHUP', () => finish(129));

  try {
    // The workspace's storage is keyed by its remote address, port included: a bench that starts
    // the host again on one workspace (and TAWSIM_HOST_USER_DATA) gives the port too.
    const port = Number(process.env.TAWSIM_HOST_PORT) || undefined;
    server = await startServer({ extensionsDir: opts.extensionsDir, verbose: !!process.env.TAWSIM_HOST_VERBOSE, port });
    server.exited.then((code) => {
      if (finished) return;
      console.error(`launcher: code-server exited (${code})`);
      finish(2);
    });
    browser = await launchBrowser(path.join(server.tmp, 'home'), { handleSignals: false });
    const page = await browser.newPage();
    await page.exposeFunction('codeAutomationLog', printLog);
    await page.exposeFunction('codeAutomationExit', (code, logs) => {
      saveLogs(logs);
      finish(Number(code) || 0);
    });
    page.on('pageerror', (err) => console.error(`launcher: page error: ${err.message}`));
    page.on('crash', () => {
      console.error('launcher: page crashed');
      finish(2);
    });
    const url = workbenchUrl(server, opts);
    if (process.env.TAWSIM_HOST_VERBOSE) console.log(`launcher: ${url}`);
    await page.goto(url);
    return await result;
  } catch (err) {
    console.error(`launcher: ${err && err.stack ? err.stack : err}`);
    return 2;
  } finally {
    clearTimeout(timer);
    await browser?.close().catch(() => {});
    await server?.stop();
  }
}

/** The workbench hands over its log files (kept in IndexedDB on the web) at exit. */
function saveLogs(logs) {
  const dir = process.env.TAWSIM_TEST_LOGS_DIR;
  if (!dir || !Array.isArray(logs)) return;
  for (const { relativePath, contents } of logs) {
    const file = path.join(dir, relativePath);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, contents);
  }
}

module.exports = { startServer, launchBrowser, workbenchUrl, parseDesktopArgs, freePort, portIsFree, HOST_DIR, REPO_ROOT };

if (require.main === module) {
  main().then((code) => process.exit(code));
}
