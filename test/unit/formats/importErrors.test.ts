import { strict as assert } from 'node:assert';
import { DEFAULT_LABELS } from '../../../src/core/model/labels';
import type { FormatId, ImportOptions, ImportResult } from '../../../src/core/formats/formatTypes';
import { importFile } from '../../../src/core/formats/importFormat';

const TEXT = 'زار الوزير 😀 الرباط يوم 24 نوفمبر.';
const DOCS = [{ path: 'a.txt', text: TEXT }];

function run(format: FormatId, content: string, fileName: string, options: ImportOptions = {}, documents = DOCS): ImportResult {
  return importFile(format, { content, fileName, documents, labels: DEFAULT_LABELS, options });
}

/** The import failed as a whole, with one error whose message matches. */
function fails(result: ImportResult, pattern: RegExp, line?: number): void {
  assert.deepEqual(result.documents, [], 'an import with errors must return no documents');
  const hit = result.errors.find((e) => pattern.test(e.message));
  assert.ok(hit, `no error matching ${pattern}; got ${JSON.stringify(result.errors.map((e) => e.message))}`);
  if (line !== undefined) assert.equal(hit.line, line);
  assert.ok(hit.message.includes(hit.file), 'the message names the file');
}

const doccanoLine = (label: unknown, extra: Record<string, unknown> = {}): string => JSON.stringify({ text: TEXT, label, ...extra });

describe('doccano import errors', () => {
  it('invalid JSON names the line', () => fails(run('doccano', `${doccanoLine([])}\n{"text": "x",`, 'd.jsonl'), /d\.jsonl, line 2: invalid JSON/, 2));
  it('negative offsets', () => fails(run('doccano', doccanoLine([[-1, 3, 'LOC']]), 'd.jsonl'), /whole numbers of at least 0/, 1));
  it('non-integer offsets', () => fails(run('doccano', doccanoLine([[1.5, 3, 'LOC']]), 'd.jsonl'), /whole numbers/));
  it('string offsets', () => fails(run('doccano', doccanoLine([['1', 3, 'LOC']]), 'd.jsonl'), /whole numbers/));
  it('start after end', () => fails(run('doccano', doccanoLine([[5, 3, 'LOC']]), 'd.jsonl'), /start 5 must be less than end 3/));
  it('end past the text, in UTF-16 units by default', () => fails(run('doccano', doccanoLine([[0, 36, 'LOC']]), 'd.jsonl'), /past the end of a\.txt \(35 UTF-16 code units\)/));
  it('end past the text, in code points when told', () =>
    fails(run('doccano', doccanoLine([[0, 35, 'LOC']]), 'd.jsonl', { doccano: { offsets: 'codePoint' } }), /past the end of a\.txt \(34 code points\)/));
  it('a label that cannot be a sidecar label id', () => fails(run('doccano', doccanoLine([[0, 3, 'New York']]), 'd.jsonl'), /"New York" cannot be a Tawsim label id/));
  it('a label outside the label set is imported, with a warning', () => {
    const result = run('doccano', doccanoLine([[0, 3, 'PERSON']]), 'd.jsonl');
    assert.deepEqual(result.errors, []);
    assert.equal(result.documents[0]?.annotations[0]?.label, 'PERSON');
    assert.match(result.warnings.join('\n'), /labels outside the label set, imported as they are .*PERSON \(1\)/);
  });
  it('a span that is not a triple', () => fails(run('doccano', doccanoLine([[0, 3]]), 'd.jsonl'), /label\[0\] must be \[start, end, "LABEL"\]/));
  it('a text that differs from the document names the first differing code point', () => {
    const changed = JSON.stringify({ text: TEXT.replace('الرباط', 'الرياض'), label: [], path: 'a.txt' });
    fails(run('doccano', changed, 'd.jsonl'), /differs from the document a\.txt at code point 16/, 1);
  });
  it('a path that leaves the folder', () => fails(run('doccano', doccanoLine([], { path: '../../etc/passwd' }), 'd.jsonl'), /not allowed: the path leaves its folder/));
  it('a path for no known document', () => fails(run('doccano', doccanoLine([], { path: 'b.txt' }), 'd.jsonl'), /no document "b\.txt"/));
  it('keeps other fields, but never __proto__', () => {
    const result = run('doccano', `{"id": 7, "text": ${JSON.stringify(TEXT)}, "label": [[14, 20, "LOC"]], "__proto__": {"polluted": true}, "constructor": {"x": 1}}`, 'd.jsonl');
    assert.deepEqual(result.errors, []);
    const fields = result.documents[0]?.fields ?? {};
    assert.equal(fields['id'], 7);
    assert.equal(Object.getPrototypeOf(fields), null);
    assert.ok(!('polluted' in fields) && !Object.keys(fields).includes('__proto__') && !Object.keys(fields).includes('constructor'));
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
    assert.equal(result.documents[0]?.annotations[0]?.text, 'الرباط');
  });
  it('reads the newer entities form', () => {
    const result = run('doccano', JSON.stringify({ text: TEXT, entities: [{ id: 1, label: 'LOC', start_offset: 14, end_offset: 20 }] }), 'd.jsonl');
    assert.deepEqual(result.errors, []);
    assert.equal(result.documents[0]?.annotations[0]?.text, 'الرباط');
  });
  it('refuses files over the size limit', () => fails(run('doccano', doccanoLine([]), 'd.jsonl', { maxContentLength: 10 }), /too large/));
  it('refuses files over the annotation limit', () =>
    fails(
      run(
        'doccano',
        doccanoLine([
          [0, 3, 'LOC'],
          [4, 10, 'PER'],
        ]),
        'd.jsonl',
        { maxAnnotations: 1 },
      ),
      /too many annotations/,
    ));
  it('caps the number of errors it reports', () => {
    const lines = Array.from({ length: 300 }, () => '{').join('\n');
    const result = run('doccano', lines, 'd.jsonl');
    assert.equal(result.errors.length, 101);
    assert.match(result.errors[100]?.message ?? '', /200 more errors not shown/);
  });
});

describe('Label Studio import errors', () => {
  const task = (result: unknown[], key = 'annotations'): string => JSON.stringify([{ data: { text: TEXT }, [key]: [{ result }] }]);
  const region = (start: number, end: number, label: string, text?: string): unknown => ({
    id: 'r1',
    from_name: 'label',
    to_name: 'text',
    type: 'labels',
    value: { start, end, labels: [label], ...(text !== undefined ? { text } : {}) },
  });
  it('invalid JSON names the line', () => fails(run('labelstudio', '[\n{"data": \n', 'ls.json'), /invalid JSON/));
  it('a task without data.text', () => fails(run('labelstudio', '[{"data": {}}]', 'ls.json'), /data\.text/));
  it('a region text that differs from the document', () =>
    fails(run('labelstudio', task([region(13, 19, 'LOC', 'الرياض')]), 'ls.json'), /differs from the document a\.txt at code point 16/));
  it('offsets past the end', () => fails(run('labelstudio', task([region(30, 40, 'LOC')]), 'ls.json'), /past the end/));
  it('a label outside the label set is imported, with a warning', () => {
    const result = run('labelstudio', task([region(13, 19, 'City')]), 'ls.json');
    assert.deepEqual(result.errors, []);
    assert.match(result.warnings.join('\n'), /City \(1\)/);
  });
  it('names the place in the JSON', () => {
    const result = run('labelstudio', task([region(30, 40, 'LOC')]), 'ls.json');
    assert.equal(result.errors[0]?.where, '[0].annotations[0].result[0]');
  });
  it('imports predictions as suggested, other result types with a warning', () => {
    const result = run(
      'labelstudio',
      JSON.stringify([{ data: { text: TEXT }, predictions: [{ result: [region(13, 19, 'LOC', 'الرباط'), { type: 'choices', value: { choices: ['x'] } }] }] }]),
      'ls.json',
    );
    assert.deepEqual(result.errors, []);
    assert.equal(result.documents[0]?.annotations[0]?.status, 'suggested');
    assert.match(result.warnings.join('\n'), /1 choices results not imported/);
  });
});

describe('brat import errors', () => {
  it('keeps a discontinuous span as one annotation by default', () => {
    const result = run('brat', 'T1\tLOC 0 3;4 10\tزار الوزير\n', 'a.ann');
    assert.deepEqual(result.errors, []);
    assert.deepEqual(result.documents[0]?.annotations[0]?.fragments, [
      [0, 3],
      [4, 10],
    ]);
    assert.equal(result.documents[0]?.annotations[0]?.text, 'زار … الوزير');
  });
  it('rejects a discontinuous span clearly when told to, naming the option', () => {
    const result = run('brat', 'T1\tLOC 0 3;4 10\tزار الوزير\n', 'a.ann', { brat: { discontinuous: 'error' } });
    fails(result, /T1 is a discontinuous span \(0 3;4 10\).*--discontinuous keep.*cover.*fragments.*skip/, 1);
    assert.equal(result.errors[0]?.code, 'brat-discontinuous');
  });
  it('covers a discontinuous span when asked, with a warning', () => {
    const result = run('brat', 'T1\tLOC 0 3;4 10\tزار الوزير\n', 'a.ann', { brat: { discontinuous: 'cover' } });
    assert.deepEqual(result.errors, []);
    assert.equal(result.documents[0]?.annotations[0]?.text, 'زار الوزير');
    assert.match(result.warnings.join('\n'), /first fragment to their last: T1 \(0-3;4-10\)/);
  });
  it('bad offsets', () => fails(run('brat', 'T1\tLOC a 3\tزار\n', 'a.ann'), /T1: a text-bound line must read/, 1));
  it('text that differs from the .txt', () =>
    fails(run('brat', 'T1\tLOC 13 19\tالرياض\n', 'a.ann'), /T1: the text "الرياض" is not what a\.txt holds at 13-19 \("الرباط"\); they differ at code point 16/, 1));
  it('a note on a missing span', () => fails(run('brat', 'T1\tLOC 13 19\tالرباط\n#1\tAnnotatorNotes T9\tx\n', 'a.ann'), /refers to T9/, 2));
  it('a line that is no brat annotation', () => fails(run('brat', 'T1\tLOC 13 19\tالرباط\nhello\n', 'a.ann'), /not a brat annotation line/, 2));
  it('an entity type outside the label set is imported (sidecars keep such labels)', () => {
    const result = run('brat', 'T1\tCity 13 19\tالرباط\n', 'a.ann');
    assert.deepEqual(result.errors, []);
    assert.equal(result.documents[0]?.annotations[0]?.label, 'City');
  });
  it('offsets one too high suggest a byte order mark', () =>
    fails(run('brat', 'T1\tLOC 14 20\tالرباط\n', 'a.ann'), /one too high: does brat's \.txt start with a byte order mark/, 1));
  it('no .txt for the .ann', () => fails(run('brat', 'T1\tLOC 13 19\tالرباط\n', 'b.ann', {}, [...DOCS, { path: 'c.txt', text: '' }]), /no document b\.txt/));
  it('relations are imported, events reported', () => {
    const result = run('brat', 'T1\tLOC 13 19\tالرباط\nT2\tPER 4 10\tالوزير\nR1\tLocated Arg1:T2 Arg2:T1\nT3\tMeet 0 3\tزار\nE1\tMeet:T3 Who:T2\n', 'a.ann');
    assert.deepEqual(result.errors, []);
    assert.equal(result.documents[0]?.annotations.length, 2);
    assert.deepEqual(
      result.documents[0]?.relations?.map((r) => `${r.type} ${r.from} ${r.to}`),
      ['Located t1 t2'],
    );
    assert.match(result.warnings.join('\n'), /1 events not imported/);
  });
});

describe('CoNLL import errors', () => {
  it('a token not found in order names file, line and token', () => {
    fails(run('conll', 'زار O\nالوزير O\nالرياض B-LOC\n', 'a.conll'), /a\.conll, line 3: the token "الرياض" is not next in a\.txt: at code point 11/, 3);
  });
  it('a line without a tag', () => fails(run('conll', 'زار\n', 'a.conll'), /expected a token and a tag/, 1));
  it('a tag that is no tag', () => fails(run('conll', 'زار X-LOC\n', 'a.conll'), /"X-LOC" is not a tag/, 1));
  it('a label outside the set is imported with a warning', () => {
    const result = run('conll', 'زار B-CITY\n', 'a.conll');
    assert.deepEqual(result.errors, []);
    assert.match(result.warnings.join('\n'), /CITY \(1\)/);
  });
  it('more documents than given', () => fails(run('conll', '-DOCSTART- -X- -X- O\n\nزار O\n\n-DOCSTART- -X- -X- O\n\nزار O\n', 'a.conll'), /holds 2 documents but 1 was given/));
  it('a strict IOB2 check catches IOB1 input', () =>
    fails(run('conll', 'زار O\nالوزير I-PER\n', 'a.conll', { conll: { scheme: 'IOB2' } }), /I-PER does not continue a PER chunk/, 2));
  it('a strict BIOES check catches an unclosed chunk', () => fails(run('conll', 'زار B-PER\nالوزير O\n', 'a.conll', { conll: { scheme: 'BIOES' } }), /not closed with E-/));
  it('reads IOB1 (I- starts a chunk, B- separates adjacent ones)', () => {
    const result = run('conll', 'زار O\nالوزير I-PER\n😀 O\nالرباط I-LOC\nيوم B-LOC\n', 'a.conll', { conll: { scheme: 'IOB1' } });
    assert.deepEqual(result.errors, []);
    assert.deepEqual(
      result.documents[0]?.annotations.map((a) => `${a.label} ${a.start}-${a.end} ${a.text}`),
      ['PER 4-10 الوزير', 'LOC 13-19 الرباط', 'LOC 20-23 يوم'],
    );
  });
  it('reads four-column CoNLL 2003 lines (tag last)', () => {
    const result = run('conll', '-DOCSTART- -X- -X- O\n\nزار VB B-VP O\nالوزير NN I-NP B-PER\n', 'a.conll');
    assert.deepEqual(result.errors, []);
    assert.equal(result.documents[0]?.annotations[0]?.text, 'الوزير');
  });
});

describe('importFile', () => {
  it('reports formats that cannot be imported', () => fails(run('xml' as FormatId, '<TimeML/>', 'a.xml'), /cannot be imported/));
});
