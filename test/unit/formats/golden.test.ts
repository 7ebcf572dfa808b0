import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ExportOptions, FormatId } from '../../../src/core/formats/formatTypes';
import { exportDocument } from '../../../src/core/formats/exportFormat';
import { FIXTURES, sampleDocument } from './formatTestData';

/** Set TAWSIM_UPDATE_GOLDEN=1 to rewrite the golden files after a deliberate format change; then read the diff. */
const UPDATE = process.env['TAWSIM_UPDATE_GOLDEN'] === '1';

const CASES: { name: string; format: FormatId; options?: ExportOptions }[] = [
  { name: 'brat', format: 'brat' },
  { name: 'conll', format: 'conll', options: { conll: { scheme: 'IOB2', splitProclitics: true } } },
  { name: 'conll-bioes', format: 'conll', options: { conll: { scheme: 'BIOES', splitProclitics: false } } },
  { name: 'doccano', format: 'doccano' },
  { name: 'doccano-grapheme', format: 'doccano', options: { doccano: { offsets: 'grapheme' } } },
  { name: 'doccano-codepoint', format: 'doccano', options: { doccano: { offsets: 'codePoint' } } },
  { name: 'labelstudio', format: 'labelstudio' },
  { name: 'csv', format: 'csv' },
  { name: 'timeml', format: 'timeml' },
  { name: 'tawsim-json', format: 'tawsim-json' },
  { name: 'webanno', format: 'webanno' },
  { name: 'spacy', format: 'spacy' },
];

describe('format exports match the golden files byte for byte', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const result = exportDocument(c.format, { ...sampleDocument(), ...(c.options ? { options: c.options } : {}) });
      for (const file of result.files) {
        const golden = join(FIXTURES, 'golden', c.name, file.relativePath);
        if (UPDATE) {
          mkdirSync(dirname(golden), { recursive: true });
          writeFileSync(golden, file.content, 'utf8');
        }
        assert.ok(existsSync(golden), `missing golden file ${golden}`);
        assert.equal(file.content, readFileSync(golden, 'utf8'), `${c.name}: ${file.relativePath} differs from its golden file`);
      }
    });
  }
});
