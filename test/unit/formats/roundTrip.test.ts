import { strict as assert } from 'node:assert';
import type { Annotation } from '../../../src/core/model/annotation';
import { DEFAULT_LABELS } from '../../../src/core/model/labels';
import type { ExportDocument, ImportResult } from '../../../src/core/formats/formatTypes';
import { exportDocuments } from '../../../src/core/formats/exportFormat';
import { importFile } from '../../../src/core/formats/importFormat';
import { essences, expectedAfter, roundTrip, sampleDocument, span } from './formatTestData';

function annotationsOf(result: ImportResult, path: string): Annotation[] {
  assert.deepEqual(result.errors, []);
  const doc = result.documents.find((d) => d.path === path);
  assert.ok(doc, `no imported document ${path}`);
  return [...doc.annotations];
}

describe('format round trips on the sample', () => {
  const sample = sampleDocument();
  for (const format of ['brat', 'doccano', 'labelstudio'] as const) {
    it(`${format} gives back every span it can hold, overlaps included`, () => {
      const result = roundTrip(format, [sample]);
      const back = annotationsOf(result, sample.path);
      assert.deepEqual(essences(back), essences(expectedAfter(format, sample.annotations)));
      assert.ok(back.every((a) => a.source === 'import'));
      assert.deepEqual(
        back.map((a) => a.id),
        back.map((_, i) => `t${i + 1}`),
      );
    });
  }

  it('labelstudio imports predictions as suggested', () => {
    const back = annotationsOf(roundTrip('labelstudio', [sample]), sample.path);
    assert.deepEqual(
      back.filter((a) => a.status === 'suggested').map((a) => a.text),
      ['رئيسُ الوزراء'],
    );
  });

  it('conll gives back the flat, token-aligned spans (proclitics split)', () => {
    const back = annotationsOf(roundTrip('conll', [sample], { conll: { splitProclitics: true } }), sample.path);
    const flat = expectedAfter('conll', sample.annotations).filter((a) => a.label !== 'MISC');
    assert.deepEqual(essences(back), essences(flat));
    // The span after و and ب starts at the article, in code points.
    assert.ok(back.some((a) => a.start === 123 && a.end === 129 && a.text === 'الرباط'));
  });

  for (const scheme of ['IOB2', 'BIOES'] as const) {
    it(`conll ${scheme} reads back under a strict ${scheme} check`, () => {
      const result = roundTrip('conll', [sample], { conll: { scheme, splitProclitics: true } }, { conll: { scheme } });
      assert.deepEqual(result.errors, []);
      assert.equal(result.documents[0]?.annotations.length, 6);
    });
  }
});

describe('format round trips on hard texts', () => {
  const crlf = 'قال 👍🏽 الوزيرُ:\r\nوبالرباط اجتمع 😀😀 ممثلو الأمم المتحدة\r\nفي 3 يناير.';
  const cp = Array.from(crlf);
  const at = (s: string, from = 0): number => {
    for (let i = from; i < cp.length; i++) if (cp.slice(i, i + Array.from(s).length).join('') === s) return i;
    throw new Error(`no ${s}`);
  };
  const rabat = at('الرباط');
  const un = at('الأمم المتحدة');
  const date = at('3 يناير');
  const doc: ExportDocument = {
    path: 'news/crlf.txt',
    text: crlf,
    annotations: [
      span(crlf, rabat, rabat + 6, 'LOC', { id: 't1' }),
      span(crlf, un, un + 13, 'ORG', { id: 't2', note: 'منظمة دولية' }),
      span(crlf, un + 6, un + 13, 'MISC', { id: 't3' }),
      span(crlf, date, date + 7, 'DATE', { id: 't4', value: 'XXXX-01-03' }),
      // A span crossing the CRLF line end and an emoji.
      span(crlf, at('الوزيرُ'), at('اجتمع') + 5, 'MISC', { id: 't5', status: 'suggested' }),
    ],
  };
  const second: ExportDocument = { path: 'news/b.txt', text: 'ذهب إلى بيروت 🇱🇧 أمس', annotations: [span('ذهب إلى بيروت 🇱🇧 أمس', 8, 13, 'LOC', { id: 't1' })] };

  for (const format of ['brat', 'doccano', 'labelstudio'] as const) {
    it(`${format}: CRLF, emoji, harakat, overlap, two documents`, () => {
      const result = roundTrip(format, [doc, second]);
      assert.deepEqual(essences(annotationsOf(result, doc.path)), essences(expectedAfter(format, doc.annotations)));
      assert.deepEqual(essences(annotationsOf(result, second.path)), essences(second.annotations));
    });
  }

  it('conll: CRLF, emoji, two documents in one file', () => {
    const flat: ExportDocument = { ...doc, annotations: doc.annotations.filter((a) => a.id === 't1' || a.id === 't2' || a.id === 't4') };
    const result = roundTrip('conll', [flat, second], { conll: { splitProclitics: true } });
    assert.deepEqual(essences(annotationsOf(result, doc.path)), essences(expectedAfter('conll', flat.annotations)));
    assert.deepEqual(essences(annotationsOf(result, second.path)), essences(second.annotations));
  });

  it('labelstudio: reads UTF-16 offsets when told to', () => {
    const exported = exportDocuments('labelstudio', { documents: [doc] }).files[0]?.content ?? '';
    type Results = { result: { value: { start: number; end: number } }[] }[];
    const tasks = JSON.parse(exported) as { annotations: Results; predictions: Results }[];
    const prefix = (n: number): number => cp.slice(0, n).join('').length;
    for (const r of [...(tasks[0]?.annotations[0]?.result ?? []), ...(tasks[0]?.predictions[0]?.result ?? [])]) {
      r.value.start = prefix(r.value.start);
      r.value.end = prefix(r.value.end);
    }
    const source = [{ path: doc.path, text: doc.text }];
    const asUtf16 = importFile('labelstudio', {
      content: JSON.stringify(tasks),
      fileName: 'ls.json',
      documents: source,
      labels: DEFAULT_LABELS,
      options: { labelStudio: { offsetUnit: 'utf16' } },
    });
    assert.deepEqual(asUtf16.errors, []);
    assert.deepEqual(essences(asUtf16.documents[0]?.annotations ?? []), essences(expectedAfter('labelstudio', doc.annotations)));
    // Read as code points, the same file fails loudly on the stored region text instead of shifting spans.
    const asCodePoints = importFile('labelstudio', { content: JSON.stringify(tasks), fileName: 'ls.json', documents: source, labels: DEFAULT_LABELS });
    assert.ok(asCodePoints.errors.length > 0);
    assert.deepEqual(asCodePoints.documents, []);
  });
});
