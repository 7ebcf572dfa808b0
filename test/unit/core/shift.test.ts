import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { shiftSpan } from '../../../src/core/model/shift';
import { TrackedAnnotations } from '../../../src/core/model/trackedAnnotations';
import type { Annotation } from '../../../src/core/model/annotation';

const span = { start: 10, end: 16 };

describe('shiftSpan', () => {
  it('moves a span when text is inserted before it or at its start', () => {
    assert.deepEqual(shiftSpan(span, { start: 0, end: 0, insertedLength: 3 }), { kind: 'moved', start: 13, end: 19 });
    assert.deepEqual(shiftSpan(span, { start: 10, end: 10, insertedLength: 2 }), { kind: 'moved', start: 12, end: 18 });
  });
  it('leaves a span alone for insertions at its end or after it', () => {
    assert.deepEqual(shiftSpan(span, { start: 16, end: 16, insertedLength: 2 }), { kind: 'unchanged' });
    assert.deepEqual(shiftSpan(span, { start: 20, end: 25, insertedLength: 0 }), { kind: 'unchanged' });
  });
  it('grows with an insertion strictly inside', () => {
    assert.deepEqual(shiftSpan(span, { start: 12, end: 12, insertedLength: 4 }), { kind: 'moved', start: 10, end: 20 });
  });
  it('cuts the part a deletion covers', () => {
    assert.deepEqual(shiftSpan(span, { start: 8, end: 12, insertedLength: 0 }), { kind: 'damaged', start: 8, end: 12 });
    assert.deepEqual(shiftSpan(span, { start: 14, end: 20, insertedLength: 0 }), { kind: 'damaged', start: 10, end: 14 });
    assert.deepEqual(shiftSpan(span, { start: 11, end: 13, insertedLength: 1 }), { kind: 'damaged', start: 10, end: 15 });
  });
  it('deletes a span whose whole text is deleted or replaced', () => {
    assert.deepEqual(shiftSpan(span, { start: 10, end: 16, insertedLength: 0 }), { kind: 'deleted', at: 10 });
    assert.deepEqual(shiftSpan(span, { start: 5, end: 30, insertedLength: 7 }), { kind: 'deleted', at: 5 });
  });
});

/**
 * Reference model: every character carries whether it belongs to the span. Inserted characters
 * belong to it exactly when both neighbours do. The span is then the run of marked characters.
 */
function modelApply(marks: boolean[], s: number, e: number, n: number): boolean[] {
  const kept = [...marks.slice(0, s), ...marks.slice(e)];
  const inside = s > 0 && s < kept.length && kept[s - 1] === true && kept[s] === true;
  return [...kept.slice(0, s), ...Array<boolean>(n).fill(inside), ...kept.slice(s)];
}

describe('shiftSpan against a reference model (property)', () => {
  it('keeps every span on the characters the model expects, over random edit sequences', () => {
    const edit = fc.record({ s: fc.nat(40), len: fc.nat(6), n: fc.nat(5) });
    fc.assert(
      fc.property(fc.nat(30), fc.integer({ min: 1, max: 8 }), fc.array(edit, { maxLength: 25 }), (a, l, edits) => {
        let marks = Array.from({ length: 40 }, (_, i) => i >= a && i < a + l);
        let cur: { start: number; end: number } | undefined = { start: a, end: a + l };
        for (const ed of edits) {
          const s = Math.min(ed.s, marks.length);
          const e = Math.min(s + ed.len, marks.length);
          marks = modelApply(marks, s, e, ed.n);
          if (!cur) continue;
          const out = shiftSpan(cur, { start: s, end: e, insertedLength: ed.n });
          if (out.kind === 'deleted') cur = undefined;
          else if (out.kind !== 'unchanged') cur = { start: out.start, end: out.end };
        }
        const first = marks.indexOf(true);
        if (first < 0) assert.equal(cur, undefined);
        else assert.deepEqual(cur, { start: first, end: marks.lastIndexOf(true) + 1 });
      }),
      { numRuns: 2000 },
    );
  });
});

function ann(id: string, start: number, end: number, text: string, label = 'LOC'): Annotation {
  return { id, label, start, end, text, status: 'accepted', source: 'manual' };
}

/** A tiny document that applies edits the way the editor reports them. */
class Doc {
  constructor(public text: string) {}
  edit(start: number, end: number, insert: string): { start: number; end: number; insertedLength: number } {
    this.text = this.text.slice(0, start) + insert + this.text.slice(end);
    return { start, end, insertedLength: insert.length };
  }
  read = (s: number, e: number): string => this.text.slice(Math.max(0, s), e);
}

describe('TrackedAnnotations', () => {
  it('brings back a span whose text was deleted when an undo re-inserts it', () => {
    const doc = new Doc('اتفق المغرب وإسرائيل على التعاون');
    const t = new TrackedAnnotations([ann('t1', 5, 11, 'المغرب'), ann('t2', 13, 20, 'إسرائيل')]);
    const del = doc.edit(4, 12, '');
    t.applyEdits([del], doc.read);
    assert.deepEqual(
      t.all.map((a) => a.id),
      ['t2'],
    );
    assert.equal(t.all[0]?.start, 5);
    const undo = doc.edit(4, 4, ' المغرب ');
    t.applyEdits([undo], doc.read, true);
    assert.deepEqual(
      t.all.map((a) => [a.id, a.start, a.end, a.text]),
      [
        ['t1', 5, 11, 'المغرب'],
        ['t2', 13, 20, 'إسرائيل'],
      ],
    );
  });

  it('restores a span cut by several backspaces undone at once', () => {
    const doc = new Doc('في الرباط اليوم');
    const t = new TrackedAnnotations([ann('t1', 3, 9, 'الرباط')]);
    t.applyEdits([doc.edit(8, 9, '')], doc.read);
    t.applyEdits([doc.edit(7, 8, '')], doc.read);
    assert.equal(t.all[0]?.text, 'الرب');
    t.applyEdits([doc.edit(7, 7, 'اط')], doc.read, true);
    assert.deepEqual(
      t.all.map((a) => [a.start, a.end, a.text]),
      [[3, 9, 'الرباط']],
    );
  });

  it('does not restore on ordinary typing that happens to match', () => {
    const doc = new Doc('في الرباط اليوم');
    const t = new TrackedAnnotations([ann('t1', 3, 9, 'الرباط')]);
    t.applyEdits([doc.edit(3, 9, '')], doc.read);
    t.applyEdits([doc.edit(3, 3, 'الرباط')], doc.read, false);
    assert.equal(t.size, 0);
  });

  it('applies multi-cursor edits given in the coordinates before the change', () => {
    const doc = new Doc('aa XX bb YY cc');
    const t = new TrackedAnnotations([ann('t1', 3, 5, 'XX'), ann('t2', 9, 11, 'YY')]);
    // Two insertions reported together, both against the old text.
    const before = doc.text;
    doc.text = 'aa!! XX bb!! YY cc';
    t.applyEdits(
      [
        { start: 8, end: 8, insertedLength: 2 },
        { start: 2, end: 2, insertedLength: 2 },
      ],
      doc.read,
    );
    assert.equal(before.length + 4, doc.text.length);
    assert.deepEqual(
      t.all.map((a) => doc.text.slice(a.start, a.end)),
      ['XX', 'YY'],
    );
  });

  it('updates the covered text of a span that grew', () => {
    const doc = new Doc('بني غانتس');
    const t = new TrackedAnnotations([ann('t1', 0, 9, 'بني غانتس', 'PER')]);
    t.applyEdits([doc.edit(3, 3, 'ـ')], doc.read);
    assert.equal(t.all[0]?.text, 'بنيـ غانتس');
  });

  it('finds annotations overlapping a range or containing a point, nested ones included', () => {
    const t = new TrackedAnnotations([ann('a', 0, 30, 'x'.repeat(30), 'ORG'), ann('b', 10, 15, 'x'.repeat(5)), ann('c', 40, 45, 'x'.repeat(5))]);
    assert.deepEqual(
      t.inRange(12, 12).map((a) => a.id),
      ['a', 'b'],
    );
    assert.deepEqual(
      t.inRange(15, 40).map((a) => a.id),
      ['a'],
    );
    assert.deepEqual(
      t.inRange(16, 41).map((a) => a.id),
      ['a', 'c'],
    );
  });

  it('keeps orphans aside and untouched by edits', () => {
    const t = new TrackedAnnotations([{ ...ann('o', 2, 4, 'zz'), orphan: true }, ann('t1', 0, 1, 'a')]);
    t.applyEdits([{ start: 0, end: 0, insertedLength: 5 }], () => '');
    assert.deepEqual(
      t.orphans.map((a) => [a.id, a.start]),
      [['o', 2]],
    );
    assert.equal(t.all[0]?.start, 5);
  });
});
