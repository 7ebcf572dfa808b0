import { strict as assert } from 'node:assert';
import type { Annotation } from '../../../src/core/model/annotation';
import { DEFAULT_LABELS } from '../../../src/core/model/labels';
import type { ExportDocument, ExportOptions, ExportResult, FormatId, ImportOptions } from '../../../src/core/formats/formatTypes';
import { exportDocuments } from '../../../src/core/formats/exportFormat';
import { importFile } from '../../../src/core/formats/importFormat';
import { tokenize } from '../../../src/core/model/tokens';
import { edgeCorpus } from './edgeCorpus';
import { essences, expectedAfter } from './formatTestData';
import { bratProblems } from './conformance/bratRules';
import { doccanoKeeps, doccanoSpanText, readDoccano } from './conformance/doccanoRules';
import { labelStudioProblems } from './conformance/labelStudioRules';
import { seqevalStrictEntities, spacyConllDocuments } from './conformance/conllRules';
import { csvTextProblems, readRfc4180 } from './conformance/csvRules';
import { readLikeInception } from './conformance/webannoRules';
import { prodigyProblems } from './conformance/prodigyRules';
import { isPythonLineBoundary, pySlice, pythonSplit } from './conformance/python';

/*
 * Every export of the edge corpus checked by the rules of the tool that reads it (restated in
 * ./conformance from the consumers' own code and documentation), then imported back. The figures
 * printed at the end of each block are the ones the issue asks for.
 */

const corpus = edgeCorpus();
const sources = corpus.map((d) => ({ path: d.path, text: d.text }));
const withText = corpus.filter((d) => d.text !== '');

function run(format: FormatId, options: ExportOptions = {}): ExportResult {
  return exportDocuments(format, { documents: corpus, labels: DEFAULT_LABELS, options });
}

function file(result: ExportResult, path: string): string {
  const found = result.files.find((f) => f.relativePath === path);
  assert.ok(found, `no exported file ${path}; have ${result.files.map((f) => f.relativePath).join(', ')}`);
  return found.content;
}

function back(format: FormatId, fileName: string, content: string, options: ImportOptions = {}, documents = sources): Map<string, Annotation[]> {
  const result = importFile(format, { content, fileName, documents, labels: DEFAULT_LABELS, options });
  assert.deepEqual(result.errors, [], `${format} ${fileName} did not import`);
  const byPath = new Map<string, Annotation[]>();
  for (const d of result.documents) byPath.set(d.path, [...(byPath.get(d.path) ?? []), ...d.annotations]);
  return byPath;
}

/** Spans named by warnings that are not notices: left out or changed. */
function changed(result: ExportResult, path: string): Set<string> {
  return new Set(result.warnings.filter((w) => w.path === path && !w.notice).flatMap((w) => w.annotations.map((a) => a.id)));
}

const utf16 = (doc: ExportDocument, a: Annotation): [number, number] => {
  const cps = Array.from(doc.text);
  return [cps.slice(0, a.start).join('').length, cps.slice(0, a.end).join('').length];
};

describe('conformance: brat (annotation.py, verify_annotations.py)', () => {
  const result = run('brat');
  const conf = file(result, 'annotation.conf');
  for (const doc of withText) {
    const stem = doc.path.replace(/\.txt$/, '');
    it(`${doc.path}: brat loads the .ann without a problem, and it reads back`, () => {
      const ann = file(result, `${stem}.ann`);
      assert.equal(file(result, `${stem}.txt`), doc.text);
      assert.deepEqual(bratProblems(ann, doc.text, conf), []);
      const got = back('brat', `${stem}.ann`, ann).get(doc.path) ?? [];
      assert.deepEqual(essences(got), essences(expectedAfter('brat', doc.annotations)));
    });
  }
  it('splits spans at every line end Python knows, as brat does', () => {
    const crlf = file(result, 'edge/crlf.ann');
    assert.match(crlf, /^T\d+\tMISC 7 20;22 26\tالأمم المتحدة تدعو$/m);
    const controls = file(result, 'edge/controls.ann');
    assert.match(controls, /\tMISC 0 4;5 10\tبيان وزارة$/m);
    assert.match(controls, /\tMISC 40 44;45 49\tلقاح جديد$/m);
    assert.ok(
      !file(result, 'edge/notes.ann')
        .split('\n')
        .some((l) => [...l].some(isPythonLineBoundary)),
    );
  });
});

describe("conformance: doccano (data_import pipeline, the annotation screen's offset unit)", () => {
  for (const unit of ['utf16', 'grapheme'] as const) {
    const result = run('doccano', { doccano: { offsets: unit } });
    const { records, problems } = readDoccano(file(result, 'tawsim-export.jsonl'));
    it(`${unit}: every record imports, and every span shows its text on doccano's screen`, () => {
      assert.deepEqual(problems, []);
      assert.equal(records.length, withText.length);
      for (const r of records) {
        const doc = corpus.find((d) => d.path === r.meta['path']) as ExportDocument;
        const accepted = doc.annotations.filter((a) => a.status === 'accepted');
        assert.deepEqual(r.spans.map((s) => doccanoSpanText(r.text, s, unit)).sort(), accepted.map((a) => a.text).sort(), doc.path);
      }
    });
    it(`${unit}: the overlap notice names exactly what a project without overlaps drops`, () => {
      for (const r of records) {
        const path = r.meta['path'] as string;
        const dropped = r.spans.filter((s) => !doccanoKeeps(r.spans).includes(s)).length;
        const noticed = result.warnings.filter((w) => w.path === path && w.notice && /overlapping/.test(w.message)).flatMap((w) => w.annotations).length;
        assert.equal(dropped > 0, noticed > 0, path);
      }
    });
    it(`${unit}: reads back`, () => {
      const got = back('doccano', 'tawsim-export.jsonl', file(result, 'tawsim-export.jsonl'), { doccano: { offsets: unit } });
      for (const doc of withText) assert.deepEqual(essences(got.get(doc.path) ?? []), essences(expectedAfter('doccano', doc.annotations)), doc.path);
    });
  }
  it('notes where the units differ, and leaves out the empty text doccano refuses', () => {
    const warnings = run('doccano').warnings;
    assert.ok(warnings.some((w) => w.path === 'edge/astral.txt' && w.notice && /UTF-16 code units/.test(w.message)));
    assert.ok(!warnings.some((w) => w.path === 'a/same.txt' && /units count differently/.test(w.message)));
    assert.ok(warnings.some((w) => w.path === 'edge/empty.txt' && /empty text/.test(w.message)));
  });
});

describe('conformance: Label Studio (SDK validator, label-studio-converter)', () => {
  const result = run('labelstudio');
  const tasks = file(result, 'tawsim-export.json');
  it('every task and region validates against the written label config', () => {
    assert.deepEqual(labelStudioProblems(tasks, file(result, 'label_config.xml')), []);
    assert.match(file(result, 'label_config.xml'), /<Label value="EVENT"\/>/);
  });
  it('reads back accepted and suggested spans with values and notes', () => {
    const got = back('labelstudio', 'tawsim-export.json', tasks);
    for (const doc of corpus) assert.deepEqual(essences(got.get(doc.path) ?? []), essences(expectedAfter('labelstudio', doc.annotations)), doc.path);
  });
});

describe('conformance: CoNLL (seqeval strict IOB2/IOBES, spaCy conll_ner_to_docs)', () => {
  for (const scheme of ['IOB2', 'BIOES'] as const) {
    const result = run('conll', { conll: { scheme, splitProclitics: true } });
    const content = file(result, 'tawsim-export.conll');
    it(`${scheme}: every line is a token and a tag as Python splits it, and seqeval's strict mode reads every tag`, () => {
      for (const sentence of content.split('\n\n')) {
        const lines = sentence.split('\n').filter((l) => l !== '' && !l.startsWith('-DOCSTART-'));
        for (const l of lines) assert.equal(pythonSplit(l).length, 2, JSON.stringify(l));
        const tags = lines.map((l) => pythonSplit(l)[1] as string);
        assert.deepEqual(seqevalStrictEntities(tags, scheme === 'IOB2' ? 'IOB2' : 'IOBES').problems, []);
      }
    });
    it(`${scheme}: reads back the flat spans, in document order from the paths file`, () => {
      assert.deepEqual(
        JSON.parse(file(result, 'tawsim-export.conll.paths')),
        corpus.map((d) => d.path),
      );
      const got = back('conll', 'tawsim-export.conll', content, { conll: { scheme } });
      for (const doc of corpus) {
        const lost = changed(result, doc.path);
        const kept = doc.annotations.filter((a) => a.status === 'accepted' && !lost.has(a.id));
        const came = (got.get(doc.path) ?? []).filter((b) => kept.some((a) => a.start === b.start && a.end === b.end && a.label === b.label));
        assert.equal(came.length, kept.length, doc.path);
      }
    });
  }
  it("IOB2: spaCy's converter finds one document per text with tokens, with Tawsim's words and tags", () => {
    const { documents, problems } = spacyConllDocuments(file(run('conll', { conll: { scheme: 'IOB2' } }), 'tawsim-export.conll'));
    assert.deepEqual(problems, []);
    assert.equal(documents.length, corpus.filter((d) => tokenize(d.text).length > 0).length);
    for (const w of documents.flatMap((d) => d.words)) assert.ok(![...w].some((ch) => /\s/u.test(ch) || ch === '\x85' || (ch >= '\x1c' && ch <= '\x1f')), JSON.stringify(w));
  });
  it("BIOES is not for spaCy's converter, which reads B- and I- only (the README says so)", () => {
    assert.ok(spacyConllDocuments(file(run('conll', { conll: { scheme: 'BIOES' } }), 'tawsim-export.conll')).problems.length > 0);
  });
});

describe("conformance: CSV (RFC 4180, Python's csv, text == txt[start:end])", () => {
  const texts = new Map(corpus.map((d) => [d.path, d.text]));
  it('with the formula guard: parses, every text is its slice once unguarded, every guarded cell is listed', () => {
    const result = run('csv');
    const { rows, problems } = readRfc4180(file(result, 'tawsim-export.csv'));
    assert.deepEqual(problems, []);
    assert.deepEqual(csvTextProblems(rows, texts, true), []);
    const listed = result.warnings.find((w) => w.path === 'edge/formula.txt' && /formula/.test(w.message));
    assert.ok(listed);
    assert.match(listed.message, /«=1\+1» \(text, note\)/);
    assert.match(listed.message, /«-5 درجات» \(text, note\)/);
    assert.match(listed.message, /«@الرباط» \(text\)/);
    assert.match(listed.message, /«\+20» \(text, value\)/);
    for (const row of rows.slice(1)) for (const cell of row) assert.ok(!/^[=+\-@\t\r]/.test(cell), `unguarded cell ${cell}`);
  });
  it('without the guard: cells are written as they are, and nothing is listed', () => {
    const result = run('csv', { csv: { formulaGuard: false } });
    const { rows } = readRfc4180(file(result, 'tawsim-export.csv'));
    assert.deepEqual(csvTextProblems(rows, texts, false), []);
    assert.ok(rows.some((r) => r.includes('=1+1')));
    assert.ok(!result.warnings.some((w) => /formula/.test(w.message)));
  });
  for (const guard of [true, false]) {
    it(`reads back every annotation, all statuses, values and notes (guard ${guard ? 'on' : 'off'})`, () => {
      const got = back('csv', 'tawsim-export.csv', file(run('csv', { csv: { formulaGuard: guard } }), 'tawsim-export.csv'), { csv: { formulaGuard: guard } });
      for (const doc of corpus) assert.deepEqual(essences(got.get(doc.path) ?? []), essences(expectedAfter('csv', doc.annotations)), doc.path);
    });
  }
});

describe('conformance: Tawsim JSON', () => {
  const result = run('tawsim-json');
  for (const doc of corpus) {
    it(`${doc.path}: reads back exactly, ids, statuses and sources included`, () => {
      const got = back('tawsim-json', `${doc.path}.tawsim.json`, file(result, `${doc.path}.tawsim.json`)).get(doc.path) ?? [];
      assert.deepEqual(
        got,
        [...doc.annotations].sort((a, b) => a.start - b.start || a.end - b.end || (a.label < b.label ? -1 : 1)),
      );
    });
  }
});

describe("conformance: WebAnno TSV 3.3 (INCEpTION's Tsv3XDeserializer)", () => {
  const result = run('webanno');
  for (const doc of withText) {
    const name = doc.path.replace(/\.txt$/, '.tsv');
    it(`${doc.path}: INCEpTION reads the file, rebuilds the text and finds every entity`, () => {
      const content = file(result, name);
      const read = readLikeInception(content);
      assert.deepEqual(read.problems, []);
      // The format has no place for text before the first token: INCEpTION rebuilds it as spaces, and ends the text with a line feed.
      const first = tokenize(doc.text)[0]?.start ?? 0;
      const expectedText = ' '.repeat(first) + doc.text.slice(first) + (doc.text.endsWith('\n') ? '' : '\n');
      assert.equal(read.text, expectedText);
      const moved = changed(result, doc.path);
      const accepted = doc.annotations.filter((a) => a.status === 'accepted' && !moved.has(a.id));
      for (const a of accepted) {
        const [s, e] = utf16(doc, a);
        assert.ok(
          read.entities.some((x) => x.label === a.label && x.start === s && x.end === e),
          `${a.label} ${s}-${e} not read by INCEpTION's rules`,
        );
      }
      assert.equal(read.entities.length, doc.annotations.filter((a) => a.status === 'accepted').length);
    });
    it(`${doc.path}: reads back`, () => {
      const got = back('webanno', name, file(result, name)).get(doc.path) ?? [];
      const moved = changed(result, doc.path);
      const expected = expectedAfter('webanno', doc.annotations).filter((a) => !moved.has(a.id));
      for (const a of expected)
        assert.ok(
          got.some((b) => b.start === a.start && b.end === a.end && b.label === a.label && b.text === a.text),
          `${a.id} did not come back`,
        );
      assert.equal(got.length, expectedAfter('webanno', doc.annotations).length);
    });
  }
  it('leaves out a document without tokens, which INCEpTION cannot read', () => {
    assert.ok(!result.files.some((f) => f.relativePath === 'edge/empty.tsv'));
    assert.ok(result.warnings.some((w) => w.path === 'edge/empty.txt'));
  });
});

describe('conformance: spaCy / Prodigy JSONL (ner_manual task format, Doc(words, spaces))', () => {
  const result = run('spacy');
  const content = file(result, 'tawsim-export.jsonl');
  it('every task: words and spaces give the text back, every span sits on its tokens', () => {
    assert.deepEqual(prodigyProblems(content), []);
    assert.equal(content.trim().split('\n').length, corpus.length);
  });
  it('offsets are code points, as Python counts them', () => {
    for (const line of content.trim().split('\n')) {
      const task = JSON.parse(line) as { text: string; spans: { start: number; end: number }[]; meta: { path: string } };
      const doc = corpus.find((d) => d.path === task.meta.path) as ExportDocument;
      assert.deepEqual(
        task.spans.map((s) => pySlice(task.text, s.start, s.end)).sort(),
        doc.annotations
          .filter((a) => a.status === 'accepted')
          .map((a) => a.text)
          .sort(),
      );
    }
  });
  it('reads back, values and notes included', () => {
    const got = back('spacy', 'tawsim-export.jsonl', content);
    for (const doc of corpus) assert.deepEqual(essences(got.get(doc.path) ?? []), essences(expectedAfter('spacy', doc.annotations)), doc.path);
  });
});
