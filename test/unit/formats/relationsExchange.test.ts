import { strict as assert } from 'node:assert';
import type { Annotation } from '../../../src/core/model/annotation';
import type { Relation } from '../../../src/core/model/relation';
import { DEFAULT_LABELS } from '../../../src/core/model/labels';
import { FRAGMENT_SEPARATOR } from '../../../src/core/model/fragments';
import type { ExportDocument, FormatId, ImportOptions, ImportResult, ImportedDocument } from '../../../src/core/formats/formatTypes';
import { exportDocuments } from '../../../src/core/formats/exportFormat';
import { importFile } from '../../../src/core/formats/importFormat';

// Written for these tests: "The foreign minister, on Monday, Nasser met Salma of the ministry in Rabat."
export const RELATION_TEXT = 'التقى وزير الخارجية يوم الاثنين ناصر سلمى من الوزارة في الرباط 😀 أمس';

function at(quote: string): [number, number] {
  const i = Array.from(RELATION_TEXT).join('').indexOf(quote);
  const start = Array.from(RELATION_TEXT.slice(0, i)).length;
  return [start, start + Array.from(quote).length];
}

function tag(id: string, label: string, quote: string, extra: Partial<Annotation> = {}): Annotation {
  const [start, end] = at(quote);
  return { id, label, start, end, text: quote, status: 'accepted', source: 'manual', ...extra };
}

const [m1, m2] = at('وزير الخارجية');
const [n1, n2] = at('ناصر');
export const RELATION_ANNOTATIONS: readonly Annotation[] = [
  tag('t1', 'PER', 'وزير الخارجية', {
    end: n2,
    text: `وزير الخارجية${FRAGMENT_SEPARATOR}ناصر`,
    fragments: [
      [m1, m2],
      [n1, n2],
    ],
    attributes: { role: 'وزير' },
  }),
  tag('t2', 'PER', 'سلمى', { attributes: { role: 'مستشارة' } }),
  tag('t3', 'ORG', 'الوزارة'),
  tag('t4', 'LOC', 'الرباط'),
  tag('t5', 'DATE', 'يوم الاثنين', { attributes: { certainty: 'approximate' } }),
  tag('t6', 'DATE', 'أمس'),
];
const rel = (id: string, type: string, from: string, to: string): Relation => ({ id, type, from, to, status: 'accepted', source: 'manual' });
export const RELATIONS: readonly Relation[] = [
  rel('r1', 'member_of', 't1', 't3'),
  rel('r2', 'member_of', 't2', 't3'),
  rel('r3', 'located_in', 't3', 't4'),
  rel('r4', 'met', 't1', 't2'),
  rel('r5', 'Equiv', 't5', 't6'),
];
const DOC: ExportDocument = { path: 'news/a.txt', text: RELATION_TEXT, annotations: RELATION_ANNOTATIONS, relations: RELATIONS };

/** What survives a round trip, without ids: spans (with fragments), labels, attributes, and relations by their ends' spans. */
export function meaning(annotations: readonly Annotation[], relations: readonly Relation[]): { spans: string[]; relations: string[] } {
  const name = (a: Annotation): string => `${a.label} ${a.fragments ? a.fragments.map(([s, e]) => `${s}-${e}`).join(';') : `${a.start}-${a.end}`}`;
  const byId = new Map(annotations.map((a) => [a.id, a]));
  return {
    spans: annotations.map((a) => `${name(a)} ${JSON.stringify(a.attributes ?? {})} ${a.text}`).sort(),
    relations: relations.map((r) => `${r.type} ${name(byId.get(r.from) as Annotation)} → ${name(byId.get(r.to) as Annotation)}`).sort(),
  };
}

function importBack(format: FormatId, files: readonly { relativePath: string; content: string }[], name: string, options: ImportOptions = {}): ImportedDocument {
  const file = files.find((f) => f.relativePath === name);
  assert.ok(file, `${name} was written`);
  const result: ImportResult = importFile(format, {
    content: file.content,
    fileName: name,
    documents: [{ path: 'news/a.txt', text: RELATION_TEXT }],
    labels: DEFAULT_LABELS,
    options,
  });
  assert.deepEqual(
    result.errors.map((e) => e.message),
    [],
  );
  assert.equal(result.documents.length, 1);
  return result.documents[0] as ImportedDocument;
}

describe('relations, fragments and attributes in brat', () => {
  const exported = exportDocuments('brat', { documents: [DOC] });
  const ann = exported.files.find((f) => f.relativePath === 'news/a.ann')?.content ?? '';
  const conf = exported.files.find((f) => f.relativePath === 'annotation.conf')?.content ?? '';

  it("writes every line by brat's grammar (server/src/annotation.py)", () => {
    const lines = ann.split('\n').filter((l) => l !== '');
    for (const line of lines) {
      const kind = line[0];
      if (kind === 'T') assert.match(line, /^T\d+\t[^\s]+ \d+ \d+(;\d+ \d+)*\t[^\n]*$/u, line);
      else if (kind === 'R') {
        // Exactly two arguments, role:id, with different role names.
        const m = /^R\d+\t(\S+) (\S+):(T\d+) (\S+):(T\d+)(\t.*)?$/u.exec(line);
        assert.ok(m, line);
        assert.notEqual(m[2], m[4]);
      } else if (kind === '*') assert.match(line, /^\*\t\S+( T\d+){2,}$/u, line);
      else if (kind === 'A') assert.match(line, /^A\d+\t\S+ T\d+( \S+)?$/u, line);
      else assert.match(line, /^#\d+\tAnnotatorNotes T\d+\t/u, line);
    }
    // The discontinuous span: one T line, fragments joined by ';', texts by one space.
    assert.match(ann, new RegExp(`^T\\d+\\tPER ${m1} ${m2};${n1} ${n2}\\tوزير الخارجية ناصر$`, 'mu'));
    assert.match(ann, /^R\d+\tmember_of Arg1:T\d+ Arg2:T\d+\t$/mu);
    assert.match(ann, /^\*\tEquiv T\d+ T\d+$/mu);
    assert.match(ann, /^A\d+\trole T\d+ وزير$/mu);
    assert.match(ann, /^A\d+\tcertainty T\d+ approximate$/mu);
    assert.equal(exported.warnings.filter((w) => !w.notice).length, 0, exported.warnings.map((w) => w.message).join('\n'));
  });

  it('declares each relation type and attribute in annotation.conf, with the labels at their ends', () => {
    assert.match(conf, /\n\[relations\]\nmember_of\tArg1:PER, Arg2:ORG\n/);
    assert.match(conf, /\nlocated_in\tArg1:ORG, Arg2:LOC\n/);
    assert.match(conf, /\nmet\tArg1:PER, Arg2:PER, <REL-TYPE>:symmetric\n/);
    assert.match(conf, /\nEquiv\tArg1:DATE, Arg2:DATE, <REL-TYPE>:symmetric-transitive\n/);
    assert.match(conf, /\nrole\tArg:PER, Value:مستشارة\|وزير\n/);
    assert.match(conf, /\ncertainty\tArg:DATE, Value:approximate\n/);
  });

  it('reads its own export back: the same spans, fragments, attributes and relations', () => {
    const back = importBack('brat', exported.files, 'news/a.ann');
    assert.deepEqual(meaning(back.annotations, back.relations ?? []), meaning(RELATION_ANNOTATIONS, RELATIONS));
  });

  it('reads an equivalence of three as relations from its first member, and a binary attribute as "true"', () => {
    const [a1, a2] = at('ناصر');
    const [b1, b2] = at('سلمى');
    const [c1, c2] = at('الوزارة');
    const hand = `T1\tPER ${a1} ${a2}\tناصر\nT2\tPER ${b1} ${b2}\tسلمى\nT3\tORG ${c1} ${c2}\tالوزارة\n*\tEquiv T2 T1 T3\nA1\tNegated T1\n`;
    const back = importBack('brat', [{ relativePath: 'news/a.ann', content: hand }], 'news/a.ann');
    assert.deepEqual(meaning(back.annotations, back.relations ?? []).relations, [`Equiv PER ${b1}-${b2} → ORG ${c1}-${c2}`, `Equiv PER ${b1}-${b2} → PER ${a1}-${a2}`]);
    assert.deepEqual(back.annotations.find((a) => a.text === 'ناصر')?.attributes, { Negated: 'true' });
  });

  it("refuses relations that break brat's rules, naming file and line", () => {
    const [a1, a2] = at('ناصر');
    const run = (lines: string): string[] =>
      importFile('brat', {
        content: `T1\tPER ${a1} ${a2}\tناصر\n${lines}`,
        fileName: 'news/a.ann',
        documents: [{ path: 'news/a.txt', text: RELATION_TEXT }],
        labels: DEFAULT_LABELS,
      }).errors.map((e) => e.message);
    assert.deepEqual(run('R1\tmet Arg1:T1\n'), ['news/a.ann, line 2: R1: a relation line must read "R1<TAB>TYPE Arg1:T1 Arg2:T2", with exactly two arguments (got "met Arg1:T1")']);
    assert.deepEqual(run('R1\tmet Arg1:T1 Arg1:T1\n'), ['news/a.ann, line 2: R1: the two arguments have the same role name "Arg1" (brat refuses that)']);
    assert.deepEqual(run('R1\tmet Arg1:T1 Arg2:T7\n'), ['news/a.ann, line 2: R1 refers to T7, which is not an annotation in this file']);
  });

  it('still splits a cover, or refuses, when the discontinuous option says so', () => {
    const cover = importBack('brat', exported.files, 'news/a.ann', { brat: { discontinuous: 'cover' } });
    assert.equal(cover.annotations.find((a) => a.label === 'PER' && a.start === m1)?.end, n2);
    assert.equal(
      cover.annotations.some((a) => a.fragments),
      false,
    );
  });

  it('a format without relations says what it leaves out', () => {
    for (const format of ['conll', 'csv'] as const) {
      const out = exportDocuments(format, { documents: [DOC] });
      const said = out.warnings.map((w) => w.message).join('\n');
      assert.match(said, /relations left out \(this format has no place for them\) \(5\): r1 member_of t1→t3/, format);
      assert.match(said, /discontinuous spans left out \(this format holds contiguous spans only\) \(1\): t1 PER/, format);
      assert.match(said, /attributes left out \(this format has no place for them\); the spans are written \(2\)/, format);
    }
  });
});

describe('relations and attributes in Label Studio and doccano', () => {
  it('Label Studio: relation results between region ids, per-region attributes, declared in the config; read back the same', () => {
    const contiguous = RELATION_ANNOTATIONS.filter((a) => !a.fragments);
    const relations = RELATIONS.filter((r) => r.from !== 't1' && r.to !== 't1');
    const exported = exportDocuments('labelstudio', { documents: [{ ...DOC, annotations: contiguous, relations }] });
    const tasks = JSON.parse(exported.files[0]?.content ?? '[]') as { annotations: { result: Record<string, unknown>[] }[] }[];
    const result = tasks[0]?.annotations[0]?.result ?? [];
    const regionIds = new Set(result.filter((r) => r['type'] === 'labels').map((r) => r['id']));
    // The result schema: a relation names two regions of the same list, a direction and its labels.
    for (const r of result.filter((x) => x['type'] === 'relation')) {
      assert.deepEqual(Object.keys(r).sort(), ['direction', 'from_id', 'labels', 'to_id', 'type']);
      assert.ok(regionIds.has(r['from_id']) && regionIds.has(r['to_id']));
      assert.ok(['right', 'bi'].includes(r['direction'] as string));
    }
    assert.ok(result.some((r) => r['type'] === 'relation' && (r['labels'] as string[])[0] === 'member_of' && r['direction'] === 'right'));
    assert.ok(result.some((r) => r['type'] === 'choices' && r['from_name'] === 'attr_certainty' && (r['value'] as { choices: string[] }).choices[0] === 'approximate'));
    assert.ok(result.some((r) => r['type'] === 'textarea' && r['from_name'] === 'attr_role'));
    const config = exported.files.find((f) => f.relativePath === 'label_config.xml')?.content ?? '';
    assert.match(config, /<Relations>\n {4}<Relation value="Equiv"\/>\n {4}<Relation value="located_in"\/>\n {4}<Relation value="member_of"\/>\n {2}<\/Relations>/);
    assert.match(config, /<Choices name="attr_certainty" toName="text" perRegion="true"/);
    assert.match(config, /<TextArea name="attr_role" toName="text" perRegion="true"/);
    const back = importBack('labelstudio', exported.files, exported.files[0]?.relativePath as string);
    assert.deepEqual(meaning(back.annotations, back.relations ?? []), meaning(contiguous, relations));
  });

  it('Label Studio: a relation drawn leftwards points from to_id to from_id', () => {
    const [a1, a2] = at('ناصر');
    const [b1, b2] = at('الوزارة');
    const region = (id: string, start: number, end: number, label: string): Record<string, unknown> => ({
      id,
      from_name: 'label',
      to_name: 'text',
      type: 'labels',
      value: { start, end, labels: [label] },
    });
    const task = {
      data: { text: RELATION_TEXT, path: 'news/a.txt' },
      annotations: [{ result: [region('x', a1, a2, 'PER'), region('y', b1, b2, 'ORG'), { from_id: 'y', to_id: 'x', type: 'relation', direction: 'left', labels: ['member_of'] }] }],
    };
    const back = importBack('labelstudio', [{ relativePath: 'ls.json', content: JSON.stringify([task]) }], 'ls.json');
    assert.deepEqual(meaning(back.annotations, back.relations ?? []).relations, [`member_of PER ${a1}-${a2} → ORG ${b1}-${b2}`]);
  });

  it('doccano: entities with ids and relations between them, read back the same', () => {
    const contiguous = RELATION_ANNOTATIONS.filter((a) => !a.fragments).map(({ attributes: _a, ...a }) => a);
    const relations = RELATIONS.filter((r) => r.from !== 't1' && r.to !== 't1');
    const exported = exportDocuments('doccano', { documents: [{ ...DOC, annotations: contiguous, relations }] });
    const record = JSON.parse(exported.files[0]?.content.split('\n')[0] ?? '{}') as { entities: { id: number }[]; relations: { from_id: number; to_id: number; type: string }[] };
    assert.deepEqual(Object.keys(record).sort(), ['entities', 'path', 'relations', 'text']);
    const ids = new Set(record.entities.map((e) => e.id));
    assert.ok(record.relations.every((r) => ids.has(r.from_id) && ids.has(r.to_id)));
    const back = importBack('doccano', exported.files, exported.files[0]?.relativePath as string, { doccano: { offsets: 'utf16' } });
    assert.deepEqual(meaning(back.annotations, back.relations ?? []), meaning(contiguous, relations));
  });
});
