// Bundles the extension (Node and browser), the command line and the integration tests.
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const watch = args.has('--watch');
const withTests = args.has('--tests');

const common = {
  bundle: true,
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // The recogniser's gazetteers are JSON data files bundled with the code.
  loader: { '.json': 'json' },
};

/**
 * The browser build takes `NAME.web.ts` wherever a module `NAME.ts` has one beside it (the way
 * npm's "browser" field swaps files): the Node host's file writer uses Node's fs, the web worker's
 * uses workspace.fs, and no Node module reaches the browser bundle.
 */
const webVariants = {
  name: 'web-variants',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      const web = path.join(args.resolveDir, `${args.path}.web.ts`);
      return fs.existsSync(web) ? { path: web } : undefined;
    });
  },
};

function integrationTestEntries() {
  const dir = path.join(__dirname, 'test', 'integration');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.test.ts') || f === 'index.ts')
    .map((f) => path.join(dir, f));
}

async function main() {
  const builds = [
    { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'] },
    { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs', target: 'node20', banner: { js: '#!/usr/bin/env node' } },
    // The tagger's background re-fit: a worker thread in the Node extension host.
    { ...common, entryPoints: ['src/node/refitWorker.ts'], outfile: 'dist/refitWorker.js', platform: 'node', format: 'cjs', target: 'node20' },
  ];
  // The reading view's page: a browser program of its own, loaded into its webview (no vscode, no Node).
  builds.push({
    ...common,
    entryPoints: ['src/editor/readingView/page/main.ts'],
    outfile: 'dist/readingView/readingView.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  });
  if (fs.existsSync('src/web/extension.ts')) {
    // node:worker_threads stays external: the editor imports it lazily, only where Node runs it.
    builds.push({
      ...common,
      entryPoints: ['src/web/extension.ts'],
      outfile: 'dist/web/extension.js',
      platform: 'browser',
      format: 'cjs',
      target: 'es2022',
      external: ['vscode', 'node:worker_threads'],
      plugins: [webVariants],
    });
    // The re-fit as a web worker, for browser extension hosts.
    builds.push({ ...common, entryPoints: ['src/web/refitWorker.ts'], outfile: 'dist/web/refitWorker.js', platform: 'browser', format: 'iife', target: 'es2022' });
  }
  if (withTests) {
    // mocha stays external: the test runner loads it from node_modules inside the extension host.
    builds.push({
      ...common,
      entryPoints: integrationTestEntries(),
      outdir: 'out/test/integration',
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['vscode', 'mocha'],
    });
    // What bench/hostViews.bench.ts runs inside the extension host in place of the test suite.
    builds.push({
      ...common,
      entryPoints: ['bench/host/viewsProbe.ts'],
      outfile: 'out/bench/viewsProbe.js',
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['vscode'],
    });
  }
  if (watch) {
    const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
    await Promise.all(contexts.map((c) => c.watch()));
    return;
  }
  await Promise.all(builds.map((b) => esbuild.build(b)));
  fs.chmodSync('dist/cli.js', 0o755);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
