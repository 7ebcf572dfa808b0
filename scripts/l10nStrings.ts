import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Every string literal passed to `vscode.l10n.t(...)` under src/, found by scanning the source.
 * Used by the localisation test and to list what `l10n/bundle.l10n.ar.json` must translate.
 */
export function l10nStrings(root: string): Set<string> {
  const found = new Set<string>();
  const visit = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (entry.name.endsWith('.ts')) {
        const source = fs.readFileSync(full, 'utf8');
        for (const m of source.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) found.add(unescape(m[1] ?? ''));
      }
    }
  };
  visit(path.join(root, 'src'));
  return found;
}

function unescape(s: string): string {
  return s.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
}

if (require.main === module) {
  const root = path.resolve(__dirname, '..');
  const bundlePath = path.join(root, 'l10n', 'bundle.l10n.ar.json');
  const bundle = fs.existsSync(bundlePath) ? (JSON.parse(fs.readFileSync(bundlePath, 'utf8')) as Record<string, string>) : {};
  const missing = [...l10nStrings(root)].filter((s) => !(s in bundle));
  for (const s of missing) console.log(JSON.stringify(s));
  process.exitCode = missing.length > 0 ? 1 : 0;
}
