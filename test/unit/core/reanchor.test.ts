import { strict as assert } from 'node:assert';
import { reanchorAnnotations } from '../../../src/core/sidecar/reanchor';
import type { Annotation } from '../../../src/core/model/annotation';

function tag(id: string, text: string, body: string, occurrence = 0, label = 'LOC'): Annotation {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = body.indexOf(text, at + 1);
  const start = [...body.slice(0, at)].length;
  return { id, label, start, end: start + [...text].length, text, status: 'accepted', source: 'manual' };
}

describe('reanchorAnnotations', () => {
  const old = 'اتفق المغرب وإسرائيل. زار الوزير المغرب 😀 ثم الرباط.';
  const tags = [tag('t1', 'المغرب', old, 0), tag('t2', 'إسرائيل', old), tag('t3', 'المغرب', old, 1), tag('t4', 'الرباط', old)];

  it('keeps a split orphan whose fragments lie past the end of a shorter text, instead of failing', () => {
    // An orphan's cover is clamped to the text but its fragments stay where they were.
    const orphan: Annotation = {
      id: 't1',
      label: 'PER',
      start: 0,
      end: 5,
      text: 'ا … رب',
      status: 'accepted',
      source: 'manual',
      orphan: true,
      fragments: [
        [0, 1],
        [4, 6],
      ],
    };
    const result = reanchorAnnotations([orphan, tag('t2', 'مغرب', '\nمغرب')], '\nمغرب');
    assert.equal(result.annotations[0]?.orphan, true);
    assert.deepEqual(result.annotations[0]?.fragments, orphan.fragments);
    assert.equal(result.annotations[1]?.orphan, undefined);
  });

  it('keeps spans whose text still matches', () => {
    const r = reanchorAnnotations(tags, old);
    assert.deepEqual(r.annotations, tags);
    assert.equal(r.moved + r.orphans, 0);
  });

  it('follows a paragraph inserted at the top, choosing among repeated quotes by context', () => {
    const text = 'فقرة جديدة عن المغرب في الأعلى.\n' + old;
    const r = reanchorAnnotations(tags, text);
    assert.equal(r.orphans, 0);
    const expected = [tag('t1', 'المغرب', old, 0), tag('t2', 'إسرائيل', old), tag('t3', 'المغرب', old, 1), tag('t4', 'الرباط', old)];
    const shift = [...'فقرة جديدة عن المغرب في الأعلى.\n'].length;
    assert.deepEqual(
      r.annotations.map((a) => a.start),
      expected.map((a) => a.start + shift),
    );
  });

  it('keeps a span whose text is gone as an orphan at its old place', () => {
    const text = old.replace('الرباط', 'طنجة');
    const r = reanchorAnnotations(tags, text);
    assert.equal(r.orphans, 1);
    const orphan = r.annotations.find((a) => a.id === 't4');
    assert.equal(orphan?.orphan, true);
    assert.equal(orphan?.text, 'الرباط');
    assert.equal(r.annotations.length, 4);
  });

  it('places an orphan again once its text is back, clearing the flag', () => {
    const orphan: Annotation = { ...(tags[3] as Annotation), start: 0, end: 6, orphan: true };
    const r = reanchorAnnotations([orphan], old);
    assert.equal(r.annotations[0]?.orphan, undefined);
    assert.equal(r.annotations[0]?.start, (tags[3] as Annotation).start);
  });

  it('handles a deleted sentence and offsets past the new end', () => {
    const text = 'زار الوزير المغرب 😀 ثم الرباط.';
    const r = reanchorAnnotations(tags, text);
    // إسرائيل is gone; so is the first المغرب, whose tag must not stack on the second one's.
    assert.equal(r.orphans, 2);
    assert.equal(r.annotations.find((a) => a.id === 't4')?.start, [...text].indexOf('ا', [...text].length - 7));
    assert.equal(r.annotations.find((a) => a.id === 't3')?.start, text.indexOf('المغرب'));
    const t1 = r.annotations.find((a) => a.id === 't1');
    assert.ok(t1 && t1.orphan && t1.end <= [...text].length);
  });
});
