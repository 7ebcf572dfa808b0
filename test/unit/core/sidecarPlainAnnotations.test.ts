import { strict as assert } from 'node:assert';
import { CORE_SCHEMA, load } from 'js-yaml';
import { readSidecarSubset } from '../../../src/core/sidecar/readSidecarSubset';
import { parseSidecar } from '../../../src/core/sidecar/parseSidecar';
import { serializeSidecar } from '../../../src/core/sidecar/serializeSidecar';
import { AnnotationIdSet } from '../../../src/core/sidecar/annotationIdSet';
import type { Annotation } from '../../../src/core/model/annotation';
import type { Sidecar } from '../../../src/core/sidecar/sidecarTypes';

const tag = (n: number, extra: Partial<Annotation> = {}): Annotation => ({
  id: `t${n}`,
  label: n % 2 ? 'PER' : 'LOC',
  start: n * 10,
  end: n * 10 + 5,
  text: `نص${n}`,
  status: 'accepted',
  source: 'manual',
  ...extra,
});

function sidecarText(annotations: Annotation[]): string {
  const sidecar: Sidecar = { tawsim: 1, document: { path: 'a.txt', sha256: 'b'.repeat(64), length: 1000 }, annotator: 'salma', annotations };
  return serializeSidecar(sidecar);
}

/** The same YAML with a comment at the end: the subset reader declines it, so the full parser reads it, lines unchanged. */
const throughFullParser = (text: string): string => `${text}# end\n`;

describe('the sidecar reader: plain annotations', () => {
  it('marks the annotations of the plain shape, and reads every item as the full parser does', () => {
    const text = sidecarText([
      tag(1),
      tag(2, { value: '2023-01-17', note: 'ملاحظة' }),
      tag(3, { note: 'x' }),
      tag(4, { orphan: true }),
      tag(5, { review: { by: 'r', verdict: 'accepted', at: '2023' } }),
    ]);
    // Keys in another order are still read, but not as the plain shape.
    const reordered = text.replace('- id: t1\n    label: PER\n', '- label: PER\n    id: t1\n');
    assert.notEqual(reordered, text);
    for (const [yaml, marks] of [
      [text, [1, 1, 1, 0, 0]],
      [reordered, [0, 1, 1, 0, 0]],
    ] as const) {
      const read = readSidecarSubset(yaml);
      assert.ok(read);
      assert.deepEqual([...read.plainAnnotations.slice(0, 5)], marks);
      assert.deepStrictEqual(read.value, load(yaml, { schema: CORE_SCHEMA }));
      assert.equal(parseSidecar(yaml).sidecar?.annotations.length, 5);
    }
  });

  it('reports a bad value in a plain annotation with the same message and line as the full parser', () => {
    const good = sidecarText([tag(1), tag(2), tag(3)]);
    const lineOf = (text: string, needle: string): number => text.slice(0, text.indexOf(needle)).split('\n').length;
    const cases: [string, string, string][] = [
      ['status: accepted\n    source: manual\n  - id: t3', 'status: maybe\n    source: manual\n  - id: t3', 'status: maybe'],
      ['start: 20', 'start: -3', 'start: -3'],
      ['end: 25', 'end: 12', 'end: 12'],
      ['end: 35', 'end: 5000', 'end: 5000'],
      ['id: t3', 'id: t1', 'id: t1\n    label: PER\n    start: 30'],
      ['label: LOC', 'label: 1x', 'label: 1x'],
      ['text: نص3', 'text: 5', 'text: 5'],
      ['source: manual\n  - id: t2', 'source: manual\n    note: true\n  - id: t2', 'note: true'],
    ];
    for (const [from, to, at] of cases) {
      const bad = good.replace(from, to);
      assert.notEqual(bad, good, from);
      const read = readSidecarSubset(bad);
      assert.ok(read, `${to}: the subset reader should take it`);
      const fast = parseSidecar(bad);
      assert.equal(fast.sidecar, undefined, to);
      assert.equal(fast.writable, false, to);
      assert.deepEqual(fast.problems, parseSidecar(throughFullParser(bad)).problems, to);
      const error = fast.problems.find((p) => p.severity === 'error');
      assert.equal(error?.line, lineOf(bad, at), `${to}: ${JSON.stringify(fast.problems)}`);
    }
  });

  it('keeps warnings on plain annotations (a label outside the set, the same span twice)', () => {
    const text = sidecarText([tag(1), tag(2, { id: 't9', label: 'PER' }), tag(2, { label: 'PER' })]);
    const parsed = parseSidecar(text, { labels: [{ id: 'LOC', name: 'Place', color: '#fff' }] as never });
    assert.ok(parsed.sidecar);
    const messages = parsed.problems.map((p) => `${p.severity} ${p.path}: ${p.message.slice(0, 30)}`);
    assert.deepEqual(messages, [
      'warning annotations[0].label: Label "PER" is not in the labe',
      'warning annotations[1].label: Label "PER" is not in the labe',
      'warning annotations[2].label: Label "PER" is not in the labe',
      'warning annotations[2].id: "t9" is the same span and labe',
    ]);
  });
});

describe('AnnotationIdSet', () => {
  it('finds a repeated id, numbered or not, and tells apart ids that only look alike', () => {
    const ids = new AnnotationIdSet();
    const first = ['t1', 't01', 't0', 't', 'T1', 't1a', 'x7', 't99999999', 't2097151', 't2097152', 'ت1', 't100000'];
    for (const id of first) assert.equal(ids.add(id), true, id);
    for (const id of first) assert.equal(ids.add(id), false, `${id} again`);
    assert.equal(ids.add('t2'), true);
    assert.equal(ids.add('t1000000'), true);
    assert.equal(ids.add('t1000000'), false);
  });
});
