/**
 * The README's command and settings tables against package.json: every contributed command and
 * setting is documented, nothing documented is missing from the manifest, and each default key
 * binding is named in its command's row.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  contributes: {
    commands: { command: string }[];
    keybindings?: { command: string; key: string; args?: unknown }[];
    configuration: { properties: Record<string, unknown> } | { properties: Record<string, unknown> }[];
  };
};

/** The rows of the first Markdown table under a `## heading`. */
function tableRows(heading: string): string[] {
  const start = readme.indexOf(`\n## ${heading}\n`);
  assert.ok(start >= 0, `the README has a "${heading}" section`);
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end < 0 ? undefined : end);
  return section.split('\n').filter((l) => l.startsWith('|') && !/^\|\s*-/.test(l) && !/^\|\s*(Command|Setting)\s*\|/.test(l));
}

/** The `ids` written in a row's cell (between backticks). */
function codes(cell: string): string[] {
  return [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1] as string);
}

/** "ctrl+alt+t" → "Ctrl+Alt+T", as the README writes keys. */
function readable(key: string): string {
  return key
    .split('+')
    .map((k) => (k.length === 1 ? k.toUpperCase() : k.charAt(0).toUpperCase() + k.slice(1)))
    .join('+');
}

describe('README tables follow package.json', () => {
  const rows = tableRows('Commands');
  const documented = new Map<string, string>();
  for (const row of rows) for (const id of codes(row.split('|')[2] ?? '')) documented.set(id, row);

  it('documents every contributed command, and no command that is not contributed', () => {
    const contributed = manifest.contributes.commands.map((c) => c.command);
    assert.deepEqual(
      contributed.filter((id) => !documented.has(id)),
      [],
      'commands missing from the README',
    );
    assert.deepEqual(
      [...documented.keys()].filter((id) => !contributed.includes(id)),
      [],
      'README rows naming no contributed command',
    );
  });

  it('names each default key binding in its command’s row', () => {
    const missing: string[] = [];
    for (const binding of manifest.contributes.keybindings ?? []) {
      const row = documented.get(binding.command);
      // Bindings with arguments (one key per label) are described together in the row.
      if (!row || binding.args !== undefined) continue;
      if (!row.includes(readable(binding.key))) missing.push(`${binding.command}: ${readable(binding.key)}`);
    }
    assert.deepEqual(missing, []);
  });

  it('documents every setting, and no setting that is not contributed', () => {
    const configuration = manifest.contributes.configuration;
    const properties = Object.keys(Object.assign({}, ...(Array.isArray(configuration) ? configuration : [configuration]).map((c) => c.properties)) as Record<string, unknown>);
    const settings = tableRows('Settings').flatMap((row) => codes(row.split('|')[1] ?? ''));
    assert.deepEqual(
      properties.filter((p) => !settings.includes(p)),
      [],
      'settings missing from the README',
    );
    assert.deepEqual(
      settings.filter((s) => !properties.includes(s)),
      [],
      'README rows naming no contributed setting',
    );
  });
});
