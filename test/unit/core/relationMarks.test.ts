import { strict as assert } from 'node:assert';
import type { Annotation } from '../../../src/core/model/annotation';
import type { Relation } from '../../../src/core/model/relation';
import { relationMarks } from '../../../src/core/model/relationMarks';

const a = (id: string, start: number, end: number, fragments?: readonly (readonly [number, number])[]): Annotation => ({
  id,
  label: 'PER',
  start,
  end,
  text: 'x',
  status: 'accepted',
  source: 'manual',
  ...(fragments ? { fragments } : {}),
});
const r = (id: string, from: string, to: string, status: Relation['status'] = 'accepted'): Relation => ({ id, type: 'member_of', from, to, status, source: 'manual' });

describe('relation marks', () => {
  // t1 is split in two pieces; t2 and t3 are single spans; t4 has no relation.
  const annotations = [
    a('t1', 0, 20, [
      [0, 5],
      [15, 20],
    ]),
    a('t2', 30, 35),
    a('t3', 40, 45),
    a('t4', 50, 55),
  ];
  const relations = [r('r1', 't1', 't2'), r('r2', 't3', 't2', 'rejected')];

  it('marks every piece of each end of a relation that is not rejected, and nothing else', () => {
    const marks = relationMarks(annotations, relations);
    assert.deepEqual(marks.linked, [
      { start: 0, end: 5 },
      { start: 15, end: 20 },
      { start: 30, end: 35 },
    ]);
    assert.deepEqual(marks.partners, []);
  });

  it('outlines the other ends of the annotation at the cursor, edges included, either direction', () => {
    assert.deepEqual(relationMarks(annotations, relations, 35).partners, [
      { start: 0, end: 5 },
      { start: 15, end: 20 },
    ]);
    assert.deepEqual(relationMarks(annotations, relations, 10).partners, [{ start: 30, end: 35 }], 'inside the cover of a split annotation counts');
    assert.deepEqual(relationMarks(annotations, relations, 42).partners, [], 'a rejected relation relates nothing');
    assert.deepEqual(relationMarks(annotations, relations, 52).partners, []);
  });

  it('marks the end that is there when the other is missing (an orphan), and nothing for no relations', () => {
    assert.deepEqual(relationMarks([a('t2', 30, 35)], [r('r1', 't1', 't2')], 31), { linked: [{ start: 30, end: 35 }], partners: [] });
    assert.deepEqual(relationMarks(annotations, []), { linked: [], partners: [] });
  });
});
