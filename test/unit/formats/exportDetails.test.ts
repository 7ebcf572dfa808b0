import { strict as assert } from 'node:assert';
import { DEFAULT_LABELS } from '../../../src/core/model/labels';
import type { FormatId } from '../../../src/core/formats/formatTypes';
import { exportDocument, exportDocuments } from '../../../src/core/formats/exportFormat';
import { importFile } from '../../../src/core/formats/importFormat';
import { FORMATS, formatById, importFormatsForFile } from '../../../src/core/formats/formatRegistry';
import { safeRelativePath } from '../../../src/core/formats/safeRelativePath';
import { csvField } from '../../../src/core/formats/csv';
import { sampleDocument, span } from './formatTestData';

describe('safeRelativePath', () => {
  const ok = (p: string, expected: string): void => assert.deepEqual(safeRelativePath(p), { ok: true, path: expected });
  const bad = (p: string, reason: RegExp): void => {
    const r = safeRelativePath(p);
    assert.ok(!r.ok && reason.test(r.reason), `${p}: ${JSON.stringify(r)}`);
  };
  it('normalises harmless forms', () => {
    ok('news/a.txt', 'news/a.txt');
    ok('./news//a.txt', 'news/a.txt');
    ok('news\\a.txt', 'news/a.txt');
    ok('أخبار/مقال.txt', 'أخبار/مقال.txt');
  });
  it('refuses anything that could leave the folder', () => {
    bad('../a.txt', /leaves its folder/);
    bad('news/../../a.txt', /leaves its folder/);
    bad('..\\..\\a.txt', /leaves its folder/);
    bad('/etc/passwd', /absolute/);
    bad('\\\\server\\share\\a.txt', /absolute/);
    bad('C:\\Windows\\a.txt', /drive letter/);
    bad('c:a.txt', /drive letter/);
    bad('file:///etc/passwd', /URL|absolute/);
    bad('a\u0000.txt', /control/);
    bad('', /empty/);
    bad('./.', /names no file/);
    bad('a/'.repeat(600), /longer/);
  });
  it('guards exports too', () => {
    assert.throws(() => exportDocument('csv', { path: '../x.txt', text: 'x', annotations: [] }), /leaves its folder/);
  });
});

describe('CSV details', () => {
  it('quotes per RFC 4180 and guards formulas by default', () => {
    assert.equal(csvField('plain', true), 'plain');
    assert.equal(csvField('a,b', true), '"a,b"');
    assert.equal(csvField('say "hi"', true), '"say ""hi"""');
    assert.equal(csvField('two\r\nlines', true), '"two\r\nlines"');
    assert.equal(csvField('=HYPERLINK("http://x")', true), `"'=HYPERLINK(""http://x"")"`);
    for (const s of ['+1', '-1', '@SUM(A1)', '\tx']) assert.equal(csvField(s, true).replace(/^"/, '')[0], "'");
    assert.equal(csvField('=1+1', false), '=1+1');
  });
  it('writes a BOM only when asked, and CRLF after every row', () => {
    const doc = { path: 'a.txt', text: '=1+1 في الرباط', annotations: [span('=1+1 في الرباط', 0, 4, 'MISC', { id: 't1' })] };
    const plain = exportDocument('csv', doc).files[0]?.content ?? '';
    const withBom = exportDocument('csv', { ...doc, options: { csv: { bom: true } } }).files[0]?.content ?? '';
    assert.ok(!plain.startsWith('\ufeff'));
    assert.equal(withBom, `\ufeff${plain}`);
    assert.equal(plain.split('\r\n').length, 3);
    assert.ok(!/[^\r]\n/.test(plain));
    assert.match(plain, /a\.txt,0,4,MISC,'=1\+1,/);
  });
});

describe('export warnings name what was left out', () => {
  const sample = sampleDocument();
  const warningsOf = (format: FormatId, options = {}): string =>
    exportDocument(format, { ...sample, options })
      .warnings.map((w) => w.message)
      .join('\n');
  it('CoNLL: overlaps, values, notes, statuses, widened spans', () => {
    const w = warningsOf('conll');
    assert.match(w, /overlapping spans left out .*t9 MISC 152-160 «المغربية»/);
    assert.match(w, /values left out .*t3 DATE 33-47/);
    assert.match(w, /notes left out .*t5 ORG/);
    assert.match(w, /suggested annotations left out .*t1 PER 4-17 «رئيسُ الوزراء»/);
    assert.match(w, /rejected annotations left out .*t4 PER/);
    // Without proclitic splitting, وبالرباط is one token: the span is widened, and said so.
    assert.match(w, /widened to whole tokens .*t7 LOC 123-129/);
    assert.doesNotMatch(warningsOf('conll', { conll: { splitProclitics: true } }), /widened/);
  });
  it('doccano: values and notes', () => {
    const w = warningsOf('doccano');
    assert.match(w, /values left out .*t3 .*t6/);
    assert.match(w, /notes left out .*t5/);
  });
  it('Label Studio: only rejected spans', () => {
    assert.equal(exportDocument('labelstudio', sample).warnings.length, 1);
    assert.match(warningsOf('labelstudio'), /rejected annotations left out .*t4/);
  });
  it('TimeML: nested temporal spans cannot nest', () => {
    const text = 'يوم 24 نوفمبر 2021';
    const doc = { path: 'a.txt', text, annotations: [span(text, 0, 18, 'DATE', { id: 't1', value: '2021-11-24' }), span(text, 7, 13, 'DATE', { id: 't2', value: 'XXXX-11' })] };
    const r = exportDocument('timeml', doc);
    assert.match(r.warnings.map((w) => w.message).join('\n'), /TIMEX3 elements cannot nest.*t2 DATE 7-13 «نوفمبر»/);
    assert.equal(r.files[0]?.content.match(/<TIMEX3 /g)?.length, 1);
  });
  it('orphans and stale spans are never written silently', () => {
    const text = 'في الرباط';
    const doc = { path: 'a.txt', text, annotations: [span(text, 3, 9, 'LOC', { id: 't1', orphan: true }), { ...span(text, 3, 9, 'LOC', { id: 't2' }), text: 'الرياض' }] };
    const w = exportDocument('brat', doc)
      .warnings.map((x) => x.message)
      .join('\n');
    assert.match(w, /orphaned .*t1/);
    assert.match(w, /do not match the document .*t2/);
  });
  it('brat: values that cannot be attribute values', () => {
    const text = 'في 24 نوفمبر';
    const doc = { path: 'a.txt', text, annotations: [span(text, 3, 12, 'DATE', { id: 't1', value: '2021-11 approx' })] };
    const r = exportDocument('brat', doc);
    assert.match(r.warnings.map((w) => w.message).join('\n'), /values with white space.*t1/);
    assert.doesNotMatch(r.files.find((f) => f.relativePath === 'a.ann')?.content ?? '', /^A/m);
  });
});

describe('format outputs', () => {
  it('brat writes .txt/.ann per document beside the paths and one conf pair', () => {
    const docs = [
      { path: 'news/a.txt', text: 'في الرباط', annotations: [span('في الرباط', 3, 9, 'LOC', { id: 't1' })] },
      { path: 'b.md', text: 'x', annotations: [] },
    ];
    const r = exportDocuments('brat', { documents: docs, options: { brat: { labelLanguage: 'en' } } });
    assert.deepEqual(
      r.files.map((f) => f.relativePath),
      ['news/a.txt', 'news/a.ann', 'b.md.txt', 'b.md.ann', 'annotation.conf', 'visual.conf'],
    );
    assert.match(r.files[5]?.content ?? '', /^LOC \| Place \| LOC$/m);
  });
  it('TimeML escapes markup and keeps CR, so the text survives XML parsing', () => {
    const text = 'a < b & c\r\nيوم "الأحد"';
    const doc = { path: 'a.txt', text, annotations: [span(text, 16, 21, 'DATE', { id: 'x', value: 'XXXX-WXX-7' })] };
    const xml = exportDocument('timeml', doc).files[0]?.content ?? '';
    assert.match(xml, /<TEXT>a &lt; b &amp; c&#13;\nيوم "<TIMEX3 tid="t1" type="DATE" value="XXXX-WXX-7">الأحد<\/TIMEX3>"<\/TEXT>/);
  });
  it('Tawsim JSON keeps every annotation, with the sidecar key order', () => {
    const sample = sampleDocument();
    const r = exportDocument('tawsim-json', sample);
    assert.deepEqual(r.warnings, []);
    const parsed = JSON.parse(r.files[0]?.content ?? '') as { annotations: unknown[] };
    assert.deepEqual(Object.keys(parsed), ['tawsim', 'document', 'annotator', 'annotations']);
    assert.equal(parsed.annotations.length, sample.annotations.length);
  });
  it('names the bundle after the document, the given name, or tawsim-export', () => {
    assert.deepEqual(
      exportDocuments('conll', { documents: [{ path: 'news/a.txt', text: 'x', annotations: [] }] }).files.map((f) => f.relativePath),
      ['a.conll', 'a.conll.paths'],
    );
    const doc = { path: 'news/a.txt', text: 'x', annotations: [] };
    assert.equal(exportDocuments('doccano', { documents: [doc] }).files[0]?.relativePath, 'a.jsonl');
    assert.equal(exportDocuments('doccano', { documents: [doc, { ...doc, path: 'b.txt' }] }).files[0]?.relativePath, 'tawsim-export.jsonl');
    assert.equal(exportDocuments('conll', { documents: [doc], options: { fileName: 'train' } }).files[0]?.relativePath, 'train.conll');
  });
});

describe('format registry', () => {
  it('every format exports, and exactly the importable ones import', () => {
    const doc = { path: 'a.txt', text: 'في الرباط', annotations: [span('في الرباط', 3, 9, 'LOC', { id: 't1' })] };
    for (const f of FORMATS) {
      assert.ok(exportDocument(f.id, doc).files.length > 0, f.id);
      const r = importFile(f.id, { content: '', fileName: `x${f.extensions[0]}`, documents: [], labels: DEFAULT_LABELS });
      assert.equal(!/cannot be imported/.test(r.errors[0]?.message ?? ''), f.capabilities.canImport, f.id);
    }
  });
  it('finds formats by id and by file name', () => {
    assert.equal(formatById('conll')?.capabilities.canHoldOverlaps, false);
    assert.equal(formatById('nope'), undefined);
    assert.deepEqual(
      importFormatsForFile('train.JSONL').map((f) => f.id),
      ['doccano', 'spacy'],
    );
    assert.deepEqual(
      importFormatsForFile('train.jsonl', '{"text": "x", "label": []}\n').map((f) => f.id),
      ['doccano'],
    );
    assert.deepEqual(
      importFormatsForFile('train.jsonl', '{"text": "x", "spans": [], "answer": "accept"}\n').map((f) => f.id),
      ['spacy'],
    );
    assert.deepEqual(
      importFormatsForFile('a.ann').map((f) => f.id),
      ['brat'],
    );
    assert.deepEqual(
      importFormatsForFile('a.txt.tawsim.json').map((f) => f.id),
      ['tawsim-json'],
    );
    assert.deepEqual(
      importFormatsForFile('tasks.json').map((f) => f.id),
      ['labelstudio'],
    );
  });
});
