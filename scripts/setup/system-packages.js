#!/usr/bin/env node
// Checks the Debian packages that `npm start` (the browser-hosted VS Code) and `npm test` (also
// headless Chromium) need. Where this runs as root and apt-get exists (containers, CI), it installs
// the missing ones itself; elsewhere it stops at once with the one command to run.
//
//   node scripts/setup/system-packages.js start|test
'use strict';

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');

const NEEDS = {
  // code-server's native modules build from source (ripgrep replaces a download).
  start: ['ripgrep', 'build-essential', 'python3', 'libkrb5-dev'],
  // The end-to-end tests drive Debian's Chromium.
  test: ['chromium', 'ripgrep', 'build-essential', 'python3', 'libkrb5-dev'],
};

function main() {
  const purpose = process.argv[2] === 'start' ? 'start' : 'test';
  // With desktop VS Code on the PATH, `npm start` opens it and needs none of these.
  if (purpose === 'start' && spawnSync('sh', ['-c', 'command -v code'], { stdio: 'ignore' }).status === 0) return 0;
  if (process.platform !== 'linux' || !fs.existsSync('/usr/bin/dpkg')) {
    // Not Debian or Ubuntu: the README lists what to install; nothing is checked here.
    return 0;
  }
  const missing = NEEDS[purpose].filter((p) => spawnSync('dpkg', ['-s', p], { stdio: 'ignore' }).status !== 0);
  if (missing.length === 0) return 0;
  const command = `apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status !== 0) {
    console.error(`npm ${purpose} needs the Debian packages ${missing.join(', ')}. Install them with:\n\n  sudo ${command}\n`);
    return 1;
  }
  console.log(`Installing the Debian packages npm ${purpose} needs: ${missing.join(', ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', '--no-install-recommends', ...missing],
  ]) {
    const run = spawnSync('apt-get', args, { stdio: ['ignore', 'inherit', 'inherit'], env });
    if (run.status !== 0) {
      console.error(`apt-get ${args.join(' ')} failed (exit ${run.status}); run it by hand:\n\n  ${command}\n`);
      return 1;
    }
  }
  return 0;
}

process.exit(main());
