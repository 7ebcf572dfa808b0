import { strict as assert } from 'node:assert';
import type { Annotation } from '../../../src/core/model/annotation';
import { AnnotationHistory, applyAnnotationEdit, applyTextChange, replayChange } from '../../../src/core/model/annotationHistory';
import { coveredText, FRAGMENT_SEPARATOR, fragmentsAfterEdit, withFragments } from '../../../src/core/model/fragments';
import type { Relation } from '../../../src/core/model/relation';
import { TrackedAnnotations } from '../../../src/core/model/trackedAnnotations';
import { buildSidecar } from '../../../src/core/sidecar/documentAnnotations';
import { serializeSidecar } from '../../../src/core/sidecar/serializeSidecar';
import { parseSidecar } from '../../../src/core/sidecar/parseSidecar';

/** A text with its edits applied, to read spans from as the editor would. */
class Text {
  constructor(public value: string) {}
  edit(start: number, end: number, inserted: string): { start: number; end: number; insertedLength: number } {
    this.value = this.value.slice(0, start) + inserted + this.value.slice(end);
    return { start, end, insertedLength: inserted.length };
  }
  read = (s: number, e: number): string => this.value.slice(s, e);
}

// "minister of foreign affairs, today, Nasser" in made-up words: two fragments around an aside.
const TEXT = 'قال وزير الخارجية اليوم ناصر إن';
const frag = (text: string): Annotation => {
  const a = text.indexOf('وزير الخارجية');
  const b = text.indexOf('ناصر');
  return {
    id: 't1',
    label: 'PER',
    start: a,
    end: b + 4,
    text: `وزير الخارجية${FRAGMENT_SEPARATOR}ناصر`,
    status: 'accepted',
    source: 'manual',
    fragments: [
      [a, a + 13],
      [b, b + 4],
    ],
  };
};
const org = (text: string): Annotation => {
  const s = text.indexOf('الخارجية');
  return { id: 't2', label: 'ORG', start: s, end: s + 8, text: 'الخارجية', status: 'accepted', source: 'manual' };
};
const rel: Relation = { id: 'r1', type: 'member_of', from: 't1', to: 't2', status: 'accepted', source: 'manual' };

describe('fragments and relations in the model', () => {
  it('a relation whose end had its text deleted stays in memory for a text undo but is not written, so the sidecar still reads', () => {
    const text = new Text('زار ناصر الرباط أمس');
    const tracked = new TrackedAnnotations();
    const history = new AnnotationHistory(tracked);
    const person: Annotation = { id: 't1', label: 'PER', start: 4, end: 8, text: 'ناصر', status: 'accepted', source: 'manual' };
    const place: Annotation = { id: 't2', label: 'LOC', start: 9, end: 15, text: 'الرباط', status: 'accepted', source: 'manual' };
    applyAnnotationEdit(tracked, history, { put: [person, place] });
    applyAnnotationEdit(tracked, history, { putRelations: [{ id: 'r1', type: 'located_in', from: 't1', to: 't2', status: 'accepted', source: 'manual' }] });
    applyTextChange(tracked, history, [text.edit(9, 15, '')], text.read, false);
    assert.deepEqual(
      tracked.relations.map((r) => r.id),
      ['r1'],
      'kept in memory',
    );
    const parsed = parseSidecar(serializeSidecar(buildSidecar({ path: 'a.txt', annotator: 's' }, text.value, tracked.all, tracked.orphans, tracked.relations)));
    assert.deepEqual(parsed.problems, []);
    assert.equal(parsed.sidecar?.relations, undefined);
    // The text undo brings the tag back, and the relation is there for the next save.
    applyTextChange(tracked, history, [text.edit(9, 9, 'الرباط')], text.read, 'undo');
    const again = parseSidecar(serializeSidecar(buildSidecar({ path: 'a.txt', annotator: 's' }, text.value, tracked.all, tracked.orphans, tracked.relations)));
    assert.deepEqual(
      again.sidecar?.relations?.map((r) => `${r.from}→${r.to}`),
      ['t1→t2'],
    );
  });

  it('fragments move with edits before, between and inside them; the quote is read again', () => {
    const text = new Text(TEXT);
    const tracked = new TrackedAnnotations([frag(TEXT)]);
    // Typing before the span moves every fragment (the keystroke path).
    tracked.applyEdits([text.edit(0, 0, 'ثم ')], text.read);
    let a = tracked.byId('t1') as Annotation;
    assert.equal(coveredText(a, text.read), a.text);
    assert.equal(a.text, `وزير الخارجية${FRAGMENT_SEPARATOR}ناصر`);
    // Text typed between the fragments stays outside both.
    const gap = text.value.indexOf('اليوم');
    tracked.applyEdits([text.edit(gap, gap, 'صباح ')], text.read);
    a = tracked.byId('t1') as Annotation;
    assert.equal(coveredText(a, text.read), `وزير الخارجية${FRAGMENT_SEPARATOR}ناصر`);
    assert.equal(a.text, coveredText(a, text.read));
    // Typing inside a fragment grows it, and the quote follows.
    const inside = text.value.indexOf('ناصر') + 2;
    tracked.applyEdits([text.edit(inside, inside, 'ـ')], text.read);
    a = tracked.byId('t1') as Annotation;
    assert.equal(a.text, `وزير الخارجية${FRAGMENT_SEPARATOR}ناـصر`);
    assert.equal(a.start, (a.fragments?.[0] as readonly number[])[0]);
    assert.equal(a.end, (a.fragments?.[1] as readonly number[])[1]);
  });

  it('a deleted fragment drops out and leaves an ordinary span', () => {
    const text = new Text(TEXT);
    const tracked = new TrackedAnnotations([frag(TEXT)]);
    const n = text.value.indexOf('ناصر');
    tracked.applyEdits([text.edit(n - 1, n + 4, '')], text.read, false);
    const a = tracked.byId('t1') as Annotation;
    assert.equal(a.fragments, undefined);
    assert.equal(text.read(a.start, a.end), 'وزير الخارجية');
    assert.equal(a.text, 'وزير الخارجية');
  });

  it('fragmentsAfterEdit joins fragments an edit runs together, and withFragments merges selections', () => {
    assert.deepEqual(
      fragmentsAfterEdit(
        [
          [0, 3],
          [5, 8],
        ],
        { start: 2, end: 6, insertedLength: 0 },
      ),
      [[0, 4]],
    );
    assert.equal(fragmentsAfterEdit([[0, 3]], { start: 0, end: 3, insertedLength: 0 }), undefined);
    assert.deepEqual(
      withFragments({ start: 10, end: 14 }, [
        { start: 0, end: 3 },
        { start: 12, end: 20 },
      ]),
      [
        [0, 3],
        [10, 20],
      ],
    );
  });

  it('removing an annotation takes its relations along, and annotation undo brings both back', () => {
    const tracked = new TrackedAnnotations([frag(TEXT), org(TEXT)], [rel]);
    const history = new AnnotationHistory(tracked);
    applyAnnotationEdit(tracked, history, { remove: ['t2'] });
    assert.deepEqual(tracked.relations, []);
    replayChange(tracked, history.undo());
    assert.deepEqual(tracked.relations, [rel]);
    assert.ok(tracked.byId('t2'));
    replayChange(tracked, history.redo());
    assert.deepEqual(tracked.relations, []);
    assert.equal(tracked.byId('t2'), undefined);
  });

  it('relabelling (put under the same id) keeps its relations; link and unlink undo', () => {
    const tracked = new TrackedAnnotations([frag(TEXT), org(TEXT)]);
    const history = new AnnotationHistory(tracked);
    applyAnnotationEdit(tracked, history, { putRelations: [rel] });
    assert.equal(tracked.nextRelationId(), 'r2');
    applyAnnotationEdit(tracked, history, { remove: ['t2'], put: [{ ...org(TEXT), label: 'LOC' }] });
    assert.deepEqual(tracked.relationsOf('t2'), [rel]);
    replayChange(tracked, history.undo());
    replayChange(tracked, history.undo());
    assert.deepEqual(tracked.relations, []);
    replayChange(tracked, history.redo());
    assert.deepEqual(tracked.relations, [rel]);
  });

  it('relations survive edits that move their ends, and annotation undo after typing puts fragments where their text now is', () => {
    const text = new Text(TEXT);
    const tracked = new TrackedAnnotations([org(TEXT)], [rel]);
    const history = new AnnotationHistory(tracked);
    applyAnnotationEdit(tracked, history, { put: [frag(TEXT)] });
    applyAnnotationEdit(tracked, history, { remove: ['t1'] });
    assert.deepEqual(tracked.relations, []);
    applyTextChange(tracked, history, [text.edit(0, 0, 'أمس ')], text.read, false);
    replayChange(tracked, history.undo());
    const a = tracked.byId('t1') as Annotation;
    assert.equal(coveredText(a, text.read), `وزير الخارجية${FRAGMENT_SEPARATOR}ناصر`);
    assert.deepEqual(tracked.relations, [rel]);
  });
});
