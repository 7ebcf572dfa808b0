import { strict as assert } from 'node:assert';
import { DEFAULT_LABELS } from '../../../src/core/model/labels';
import type { FormatId, ImportOptions, ImportResult, SourceDocument } from '../../../src/core/formats/formatTypes';
import { exportDocument, exportDocuments } from '../../../src/core/formats/exportFormat';
import { importFile } from '../../../src/core/formats/importFormat';
import { importDocuments } from '../../../src/core/exchange/importDocuments';
import { spansNamedByWarnings } from '../../../src/core/exchange/exportReport';
import { span } from './formatTestData';

/** One test per case of the interchange issue, each on a file written by hand from the consumer's rules. */

function imp(format: FormatId, content: string, fileName: string, documents: SourceDocument[], options: ImportOptions = {}): ImportResult {
  return importFile(format, { content, fileName, documents, labels: DEFAULT_LABELS, options });
}

function ok(result: ImportResult): ImportResult {
  assert.deepEqual(
    result.errors.map((e) => e.message),
    [],
  );
  return result;
}

const texts = (result: ImportResult): string[] => result.documents.flatMap((d) => d.annotations.map((a) => `${a.label} ${a.text}`));

describe('doccano offsets (case 1)', () => {
  const text = 'افتتح 😀 في القاهرة.';
  const doc = [{ path: 'a.txt', text }];
  it("imports doccano's own export, counted in UTF-16 units, onto the right letters", () => {
    // doccano's screen: «القاهرة» starts at JavaScript index 12 (the emoji takes two units).
    const line = JSON.stringify({ id: 3, text, label: [[12, 19, 'LOC']] });
    assert.deepEqual(texts(ok(imp('doccano', line, 'd.jsonl', doc))), ['LOC القاهرة']);
  });
  it('writes UTF-16 units by default, grapheme clusters or code points on request, and says so', () => {
    const a = span(text, 11, 18, 'LOC', { id: 't1' });
    const utf16 = exportDocument('doccano', { path: 'a.txt', text, annotations: [a] });
    assert.deepEqual(JSON.parse(utf16.files[0]?.content ?? '').label, [[12, 19, 'LOC']]);
    assert.match(utf16.warnings.map((w) => w.message).join('\n'), /offsets are UTF-16 code units.*"Count grapheme clusters as one character" off/);
    const cp = exportDocument('doccano', { path: 'a.txt', text, annotations: [a], options: { doccano: { offsets: 'codePoint' } } });
    assert.deepEqual(JSON.parse(cp.files[0]?.content ?? '').label, [[11, 18, 'LOC']]);
    const harakat = 'زار رئيسُ الوزراء';
    const g = exportDocument('doccano', { path: 'b.txt', text: harakat, annotations: [span(harakat, 10, 17, 'ORG', { id: 't1' })], options: { doccano: { offsets: 'grapheme' } } });
    assert.deepEqual(JSON.parse(g.files[0]?.content ?? '').label, [[9, 16, 'ORG']]);
    assert.match(g.warnings.map((w) => w.message).join('\n'), /grapheme clusters.*"Count grapheme clusters as one character" on/);
  });
  it('widens a span that ends inside a grapheme cluster, and lists it', () => {
    const t = 'رئيسُ الوزراء';
    const r = exportDocument('doccano', { path: 'a.txt', text: t, annotations: [span(t, 0, 4, 'PER', { id: 't1' })], options: { doccano: { offsets: 'grapheme' } } });
    assert.deepEqual(JSON.parse(r.files[0]?.content ?? '').label, [[0, 4, 'PER']]);
    assert.match(r.warnings.map((w) => w.message).join('\n'), /widened to whole clusters.*t1/);
  });
});

describe('Label Studio annotators (case 2) and config (case 5)', () => {
  const text = 'التقى الوزير بنظيره في عمّان.';
  const region = (start: number, end: number, label: string): unknown => ({
    id: `r${start}`,
    from_name: 'label',
    to_name: 'text',
    type: 'labels',
    value: { start, end, text: text.slice(start, end), labels: [label] },
  });
  const task = {
    id: 41,
    data: { text },
    annotations: [
      { id: 1, completed_by: { id: 7, email: 'salma@example.org' }, result: [region(6, 12, 'PER'), region(23, 28, 'LOC')] },
      { id: 2, completed_by: 9, result: [region(23, 28, 'ORG')] },
      { id: 3, completed_by: 9, was_cancelled: true, result: [region(6, 12, 'MISC')] },
      { id: 4, completed_by: { id: 11, email: 'lead@example.org' }, ground_truth: true, result: [region(23, 28, 'LOC')] },
    ],
    drafts: [{ result: [region(6, 12, 'ORG')], user: 'omar@example.org' }],
    predictions: [{ model_version: 'x', result: [region(13, 19, 'PER')] }],
  };
  const result = ok(imp('labelstudio', JSON.stringify([task]), 'ls.json', [{ path: 'a.txt', text }]));
  it('gives one set per annotator, named by completed_by, and the ground truth as gold', () => {
    const sets = result.documents.map((d) => `${d.gold ? 'gold ' : ''}${d.annotator ?? '-'}: ${d.annotations.map((a) => `${a.label}/${a.status}`).join(' ')}`).sort();
    assert.deepEqual(sets, ['-: PER/suggested', '9: ORG/accepted', 'gold lead@example.org: LOC/accepted', 'salma@example.org: PER/accepted LOC/accepted'].sort());
  });
  it('lists drafts and cancelled annotations and leaves them out', () => {
    const w = result.warnings.join('\n');
    assert.match(w, /unfinished work left out \(2\): task 41 \(a\.txt\): 1 draft; task 41 \(a\.txt\): annotation 3 by 9 was cancelled/);
    assert.ok(!result.documents.some((d) => d.annotations.some((a) => a.label === 'MISC')));
  });
  it('puts predictions beside the only annotator of a task', () => {
    const single = { ...task, annotations: [task.annotations[0]], drafts: [] };
    const r = ok(imp('labelstudio', JSON.stringify([single]), 'ls.json', [{ path: 'a.txt', text }]));
    assert.equal(r.documents.length, 1);
    assert.equal(r.documents[0]?.annotator, 'salma@example.org');
    assert.equal(r.documents[0]?.annotations.filter((a) => a.status === 'suggested').length, 1);
  });
  it('writes task ids and an annotations list, and declares labels used outside the set', () => {
    const doc = { path: 'a.txt', text, annotations: [span(text, 6, 12, 'MINISTER', { id: 't1' })] };
    const r = exportDocuments('labelstudio', { documents: [doc, { path: 'b.txt', text: 'x', annotations: [] }] });
    const tasks = JSON.parse(r.files[0]?.content ?? '') as { id: number; annotations: unknown[] }[];
    assert.deepEqual(
      tasks.map((t) => [t.id, Array.isArray(t.annotations)]),
      [
        [1, true],
        [2, true],
      ],
    );
    assert.match(r.files[1]?.content ?? '', /<Label value="MINISTER"\/>/);
  });
});

describe('brat (cases 3 and 9)', () => {
  const text = 'وزارة\tالخارجية\nالمغربية بلاغ\u0085جديد';
  const doc = [{ path: 'a.txt', text }];
  it('writes a span across a line end as fragments, a tab inside as it is', () => {
    const r = exportDocument('brat', { path: 'a.txt', text, annotations: [span(text, 0, 23, 'ORG', { id: 't1' }), span(text, 24, 33, 'MISC', { id: 't2' })] });
    const ann = r.files.find((f) => f.relativePath === 'a.ann')?.content ?? '';
    assert.equal(ann, 'T1\tORG 0 14;15 23\tوزارة\tالخارجية المغربية\nT2\tMISC 24 28;29 33\tبلاغ جديد\n');
    assert.equal(spansNamedByWarnings(r.warnings), 0);
  });
  it('reads a tab inside the span text, and fragments at line ends as one span', () => {
    const got = ok(imp('brat', 'T1\tORG 0 14;15 23\tوزارة\tالخارجية المغربية\nT2\tMISC 24 28;29 33\tبلاغ جديد\n', 'a.ann', doc));
    assert.deepEqual(
      got.documents[0]?.annotations.map((a) => [a.start, a.end]),
      [
        [0, 23],
        [24, 33],
      ],
    );
  });
  it('reads a T line without its text column, as brat fills it in', () => {
    const got = ok(imp('brat', 'T1\tLOC 15 23\n', 'a.ann', doc));
    assert.deepEqual(texts(got), ['LOC المغربية']);
    assert.match(got.warnings.join('\n'), /T1 has no text column/);
  });
  it("skips notes on events and their triggers with a warning; a note on a relation is the relation's", () => {
    const ann =
      'T1\tORG 0 5\tوزارة\nT2\tAnnounce 24 28\tبلاغ\nE1\tAnnounce:T2 Agent:T1\nR1\tPart Arg1:T1 Arg2:T1\n#1\tAnnotatorNotes R1\tعلاقة\n#2\tAnnotatorNotes E1\tحدث\n#3\tAnnotatorNotes T2\tمحفز\n';
    const got = ok(imp('brat', ann, 'a.ann', doc));
    assert.deepEqual(texts(got), ['ORG وزارة']);
    const w = got.warnings.join('\n');
    assert.match(w, /1 event triggers not imported/);
    assert.match(w, /2 notes on events or their triggers not imported/);
    assert.deepEqual(got.documents[0]?.relations, [{ id: 'r1', type: 'Part', from: 't1', to: 't1', status: 'accepted', source: 'import', note: 'علاقة' }]);
  });
  it('reads notes holding any character, tabs included', () => {
    const got = ok(imp('brat', 'T1\tORG 0 5\tوزارة\n#1\tAnnotatorNotes T1\tأ\tب "ج" \u001f  د|#2\n', 'a.ann', doc));
    assert.equal(got.documents[0]?.annotations[0]?.note, 'أ\tب "ج" \u001f  د|#2');
  });
  it("counts the byte order mark of brat's .txt", () => {
    const got = ok(imp('brat', 'T1\tORG 1 6\tوزارة\n', 'a.ann', doc, { brat: { textStartsWithBom: true } }));
    assert.deepEqual(
      got.documents[0]?.annotations.map((a) => [a.start, a.end, a.text]),
      [[0, 5, 'وزارة']],
    );
  });
  it('imports discontinuous spans as fragments with a note, or skips them, when asked', () => {
    const ann = 'T1\tORG 0 5;15 23\tوزارة المغربية\n';
    const fragments = ok(imp('brat', ann, 'a.ann', doc, { brat: { discontinuous: 'fragments' } }));
    assert.deepEqual(
      fragments.documents[0]?.annotations.map((a) => [a.text, a.note]),
      [
        ['وزارة', 'fragment 1 of 2 of brat T1 (0-5;15-23)'],
        ['المغربية', 'fragment 2 of 2 of brat T1 (0-5;15-23)'],
      ],
    );
    const skipped = ok(imp('brat', ann, 'a.ann', doc, { brat: { discontinuous: 'skip' } }));
    assert.deepEqual(skipped.documents[0]?.annotations, []);
    assert.match(skipped.warnings.join('\n'), /discontinuous spans left out: T1 \(0-5;15-23\)/);
  });
  it('finds the text a file is named after, .txt or not', () => {
    const docs = [...doc, { path: 'notes/b.md', text: 'وزارة' }];
    assert.equal(ok(imp('brat', 'T1\tORG 0 5\tوزارة\n', 'out/notes/b.md.ann', docs)).documents[0]?.path, 'notes/b.md');
    assert.equal(ok(imp('brat', 'T1\tORG 0 5\tوزارة\n', 'out/a.ann', docs)).documents[0]?.path, 'a.txt');
    assert.match(imp('brat', 'T1\tORG 0 5\tوزارة\n', 'c.ann', docs).errors[0]?.message ?? '', /no document c\.txt/);
  });
  it('imports an entity type outside the label set', () => {
    assert.deepEqual(texts(ok(imp('brat', 'T1\tMinistry 0 5\tوزارة\n', 'a.ann', doc))), ['Ministry وزارة']);
  });
  it('reads lines split the way Python splits them (U+2028 ends a line in an .ann)', () => {
    const got = ok(imp('brat', 'T1\tORG 0 5\tوزارة\u2028T2\tLOC 15 23\tالمغربية\n', 'a.ann', doc));
    assert.equal(got.documents[0]?.annotations.length, 2);
  });
});

describe('CSV formula guard (case 6) and CSV import', () => {
  const text = '-5 درجات في =القدس';
  const doc = { path: 'a.txt', text, annotator: 'salma', annotations: [span(text, 0, 8, 'MISC', { id: 't1', note: '=1+1' }), span(text, 12, 18, 'LOC', { id: 't2' })] };
  it('lists every guarded cell with its column', () => {
    const r = exportDocument('csv', doc);
    assert.match(r.warnings.map((w) => w.message).join('\n'), /t1 MISC 0-8 «-5 درجات» \(text, note\); t2 LOC 12-18 «=القدس» \(text\)/);
    assert.equal(spansNamedByWarnings(r.warnings), 2);
  });
  it('imports its own export, the guard taken off, under the annotator column', () => {
    const csv = exportDocument('csv', doc).files[0]?.content ?? '';
    const got = ok(imp('csv', csv, 'a.csv', [{ path: 'a.txt', text }]));
    assert.equal(got.documents[0]?.annotator, 'salma');
    assert.deepEqual(
      got.documents[0]?.annotations.map((a) => [a.text, a.note ?? '']),
      [
        ['-5 درجات', '=1+1'],
        ['=القدس', ''],
      ],
    );
  });
  it('names the line of a bad row, and needs a header', () => {
    const bad = imp('csv', 'file,start,end,label\r\na.txt,0,99,LOC\r\n', 'a.csv', [{ path: 'a.txt', text }]);
    assert.match(bad.errors[0]?.message ?? '', /a\.csv, line 2: end 99 is past the end/);
    assert.match(
      imp('csv', 'start,end\r\n', 'a.csv', [{ path: 'a.txt', text }]).errors[0]?.message ?? '',
      /must name the columns file, start, end, label \(missing: file, label\)/,
    );
  });
});

describe('doccano overlaps (case 7) and import variants (case 10)', () => {
  const text = 'منظمة الأمم المتحدة';
  const doc = [{ path: 'a.txt', text }];
  it('writes overlapping spans and names them in a notice, not as spans left out', () => {
    const r = exportDocument('doccano', { path: 'a.txt', text, annotations: [span(text, 0, 19, 'ORG', { id: 't1' }), span(text, 6, 19, 'ORG', { id: 't2' })] });
    assert.equal(JSON.parse(r.files[0]?.content ?? '').label.length, 2);
    const notice = r.warnings.find((w) => /Allow overlapping spans/.test(w.message));
    assert.ok(notice?.notice);
    assert.deepEqual(
      notice.annotations.map((a) => a.id),
      ['t2'],
    );
    assert.equal(spansNamedByWarnings(r.warnings), 0);
  });
  it('reads label items as objects or with a score, relations between entities, skips empty texts', () => {
    const lines = [
      JSON.stringify({
        text,
        label: [[6, 19, 'ORG', 0.93]],
        entities: [
          { id: 7, start_offset: 0, end_offset: 5, label: 'ORG' },
          { id: 9, start_offset: 6, end_offset: 19, label: 'LOC' },
        ],
        relations: [{ id: 1, from_id: 7, to_id: 9, type: 'part' }],
      }),
      JSON.stringify({ text: '', label: [] }),
    ].join('\n');
    const got = ok(imp('doccano', lines, 'd.jsonl', doc));
    assert.deepEqual(texts(got), ['ORG منظمة', 'LOC الأمم المتحدة', 'ORG الأمم المتحدة']);
    const spans = got.documents[0]?.annotations ?? [];
    const name = (id: string | undefined): string => spans.find((a) => a.id === id)?.label ?? '?';
    assert.deepEqual(
      got.documents[0]?.relations?.map((r) => `${r.type} ${name(r.from)}→${name(r.to)}`),
      ['part ORG→LOC'],
    );
    assert.match(got.warnings.join('\n'), /empty text skipped .*line 2/);
  });
  it('refuses a Prodigy file read as doccano instead of importing nothing', () => {
    const r = imp('doccano', JSON.stringify({ text, spans: [{ start: 0, end: 5, label: 'ORG' }] }), 'd.jsonl', doc);
    assert.match(r.errors[0]?.message ?? '', /looks like spaCy or Prodigy JSONL; import it with --format spacy/);
  });
});

describe('CoNLL (case 8)', () => {
  const text = 'وزارة\u0085الصحة\u001cفي عمان';
  it('never writes a token holding a character Python splits at', () => {
    const r = exportDocument('conll', { path: 'a.txt', text, annotations: [span(text, 6, 11, 'ORG', { id: 't1' })] });
    const lines = (r.files[0]?.content ?? '').split('\n').filter((l) => l !== '' && !l.startsWith('-DOCSTART'));
    assert.deepEqual(lines, ['وزارة O', 'الصحة B-ORG', 'في O', 'عمان O']);
    assert.ok((r.files[0]?.content ?? '').startsWith('-DOCSTART- -X- O O\n'));
  });
  it('finds the documents a paths file names in a folder that holds others', () => {
    const docs = [
      { path: 'news/b.txt', text: 'في عمان' },
      { path: 'other.txt', text: 'نص آخر' },
      { path: 'news/a.txt', text },
    ];
    const exported = exportDocuments('conll', {
      documents: [
        { path: 'a.txt', text, annotations: [] },
        { path: 'b.txt', text: 'في عمان', annotations: [] },
      ],
    });
    const plan = importDocuments('conll', { name: 'x.conll', content: exported.files[0]?.content ?? '', conllPaths: ['a.txt', 'b.txt'] }, docs);
    assert.ok(!('message' in plan));
    assert.deepEqual(
      plan.documents.map((d) => plan.textPath(d.path)),
      ['news/a.txt', 'news/b.txt'],
    );
  });
  it('imports a file that covers only the start of a text, with a warning', () => {
    const got = ok(imp('conll', 'وزارة O\nالصحة B-ORG\n', 'a.conll', [{ path: 'a.txt', text }]));
    assert.deepEqual(texts(got), ['ORG الصحة']);
    assert.match(got.warnings.join('\n'), /covers only the first 12 of 19 code points of a\.txt/);
  });
});

describe('WebAnno TSV 3.3, from a file written by hand from the format documentation', () => {
  const text = 'قال وزير الخارجية 😀 في بيروت إن وبالرباط ستستضيف\nالقمة.';
  const tsv = [
    '#FORMAT=WebAnno TSV 3.3',
    '#T_SP=de.tudarmstadt.ukp.dkpro.core.api.lexmorph.type.pos.POS|PosValue',
    '#T_SP=de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity|identifier|value',
    '',
    '',
    '#Text=قال وزير الخارجية 😀 في بيروت إن وبالرباط ستستضيف',
    '#Text=القمة.',
    '1-1\t0-3\tقال\tVERB\t_\t_\t',
    '1-2\t4-8\tوزير\tNOUN\t*[1]|*[2]\tPER[1]|ORG\\_X[2]\t',
    '1-3\t9-17\tالخارجية\tNOUN\t*[1]\tPER[1]\t',
    '1-4\t18-20\t😀\t_\t_\t_\t',
    '1-5\t21-23\tفي\t_\t_\t_\t',
    '1-6\t24-29\tبيروت\t_\t*\tLOC\t',
    '1-7\t30-32\tإن\t_\t_\t_\t',
    '1-8\t33-41\tوبالرباط\t_\t_\t_\t',
    '1-8.1\t35-41\tالرباط\t_\t*\tLOC\t',
    '1-9\t42-49\tستستضيف\t_\t_\t_\t',
    '1-10\t50-55\tالقمة\t_\t*[3]\tEVENT[3]\t',
    '1-11\t55-56\t.\t_\t_\t_\t',
  ].join('\n');
  it('reads multi-token, stacked, sub-token and escaped annotations in UTF-16 offsets', () => {
    const got = ok(imp('webanno', `${tsv}\n`, 'a.tsv', [{ path: 'a.txt', text }]));
    assert.deepEqual(texts(got).sort(), ['EVENT القمة', 'LOC الرباط', 'LOC بيروت', 'ORG_X وزير', 'PER وزير الخارجية'].sort());
    assert.match(got.warnings.join('\n'), /layers not imported: de\.tudarmstadt\.ukp\.dkpro\.core\.api\.lexmorph\.type\.pos\.POS/);
  });
  it('refuses a row whose text is not the document at its offsets', () => {
    const wrong = imp('webanno', tsv.replace('1-6\t24-29\tبيروت', '1-6\t23-28\tبيروت'), 'a.tsv', [{ path: 'a.txt', text }]);
    assert.match(wrong.errors[0]?.message ?? '', /the row's text "بيروت" is not what a\.txt holds at 23-28/);
  });
});

describe('spaCy / Prodigy JSONL, from tasks written by hand from the task format', () => {
  const text = 'وصل 🇲🇦 الوفد إلى جدة';
  it('reads accepted tasks in code points, leaves declined ones out, names annotators', () => {
    const tasks = [
      { text, spans: [{ start: 17, end: 20, label: 'LOC', token_start: 4, token_end: 4 }], answer: 'accept', _annotator_id: 'ner-salma' },
      { text, spans: [{ start: 7, end: 12, label: 'ORG' }], answer: 'reject' },
    ]
      .map((t) => JSON.stringify(t))
      .join('\n');
    const got = ok(imp('spacy', tasks, 'p.jsonl', [{ path: 'a.txt', text }]));
    assert.deepEqual(texts(got), ['LOC جدة']);
    assert.equal(got.documents[0]?.annotator, 'ner-salma');
    assert.match(got.warnings.join('\n'), /not accepted in Prodigy left out: line 2 \(rejected\)/);
  });
  it('cuts tokens where a span starts inside a word, so every span is on tokens', () => {
    const t = 'وبالرباط اجتمعوا';
    const r = exportDocument('spacy', { path: 'a.txt', text: t, annotations: [span(t, 2, 8, 'LOC', { id: 't1' })] });
    const task = JSON.parse(r.files[0]?.content ?? '') as { tokens: { text: string; ws: boolean }[]; spans: { token_start: number; token_end: number }[] };
    assert.deepEqual(
      task.tokens.map((k) => [k.text, k.ws]),
      [
        ['وب', false],
        ['الرباط', true],
        ['اجتمعوا', false],
      ],
    );
    assert.deepEqual([task.spans[0]?.token_start, task.spans[0]?.token_end], [1, 1]);
  });
});

describe('Tawsim JSON import', () => {
  it('refuses a file that is not a valid sidecar, naming the key', () => {
    const r = imp('tawsim-json', JSON.stringify({ tawsim: 1, document: { path: 'a.txt', sha256: 'x', length: 1 }, annotator: 'a', annotations: [] }), 'a.txt.tawsim.json', [
      { path: 'a.txt', text: 'x' },
    ]);
    assert.match(r.errors[0]?.message ?? '', /a\.txt\.tawsim\.json document\.sha256: "document\.sha256" must be 64 lowercase hex digits/);
  });
});
