#!/usr/bin/env node
// `npm start`: opens samples/ in VS Code with this extension loaded for development.
// Uses desktop `code` when it is on PATH; otherwise serves code-server on 127.0.0.1
// (installed on first use into .vscode-test/) and prints the URL to open in a browser.
'use strict';

const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { startServer, workbenchUrl, portIsFree } = require('./host/launcher.js');

const root = path.resolve(__dirname, '..');
const samples = path.join(root, 'samples');

function onPath(cmd) {
  return (process.env.PATH || '').split(path.delimiter).some((dir) => {
    try {
      fs.accessSync(path.join(dir, cmd), fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

function warnIfUnbuilt() {
  const main = require(path.join(root, 'package.json')).main;
  if (main && !fs.existsSync(path.join(root, main))) {
    console.warn(`warning: ${main} does not exist yet; build the extension first`);
  }
}

function runDesktop() {
  const child = spawn('code', [`--extensionDevelopmentPath=${root}`, samples], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 1));
}

async function runServer() {
  const install = spawnSync('bash', [path.join(__dirname, 'host', 'install-host.sh')], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (install.status !== 0) process.exit(install.status || 1);

  const wanted = Number(process.env.PORT) || 8080;
  const port = (await portIsFree(wanted)) ? wanted : undefined;
  if (!port) console.warn(`port ${wanted} is busy; using a free one`);

  const server = await startServer({ port, verbose: !!process.env.TAWSIM_HOST_VERBOSE });
  const url = workbenchUrl(server, { folder: samples, extensionDevelopmentPaths: [root] });
  console.log(`\nTawsim development host is running. Open:\n\n  ${url}\n\nPress Ctrl+C to stop.`);

  let stopping = false;
  const stop = async (code) => {
    if (stopping) return;
    stopping = true;
    await server.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => stop(0));
  process.on('SIGTERM', () => stop(0));
  process.on('SIGHUP', () => stop(0));
  server.exited.then((code) => {
    if (stopping) return;
    console.error(`code-server exited (${code})`);
    stop(1);
  });
}

warnIfUnbuilt();
if (onPath('code')) {
  runDesktop();
} else {
  runServer().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
