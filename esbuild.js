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
    builds.push({ ...common, entryPoints: ['src/web/extension.ts'], outfile: 'dist/web/extension.js', platform: 'browser', format: 'cjs', target: 'es2022', external: ['vscode'] });
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
