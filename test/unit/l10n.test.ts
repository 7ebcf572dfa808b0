import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { l10nStrings } from '../../scripts/l10nStrings';

const root = path.resolve(__dirname, '..', '..');
const json = (file: string): Record<string, string> => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as Record<string, string>;

describe('localisation', () => {
  it('translates every runtime message into Arabic, keeping its placeholders', () => {
    const bundle = json('l10n/bundle.l10n.ar.json');
    const strings = [...l10nStrings(root)];
    assert.ok(strings.length > 20, 'the scan finds the messages');
    for (const s of strings) {
      assert.ok(s in bundle, `missing Arabic for: ${s}`);
      const holes = (t: string): string[] => (t.match(/\{\d+\}/g) ?? []).sort();
      assert.deepEqual(holes(bundle[s] ?? ''), holes(s), `placeholders of: ${s}`);
    }
  });

  it('has every manifest string in both languages, and every %key% of package.json defined', () => {
    const en = json('package.nls.json');
    const ar = json('package.nls.ar.json');
    assert.deepEqual(Object.keys(ar).sort(), Object.keys(en).sort());
    const manifest = fs.readFileSync(path.join(root, 'package.json'), 'utf8');
    for (const m of manifest.matchAll(/"%([^%"]+)%"/g)) assert.ok(m[1] && m[1] in en, `package.nls.json defines ${m[1]}`);
  });
});
