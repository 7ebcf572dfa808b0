import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { Annotation } from '../../../src/core/model/annotation';
import { AnnotationHistory, applyAnnotationEdit, applyTextChange, replayChange } from '../../../src/core/model/annotationHistory';
import { coveredText, FRAGMENT_SEPARATOR, withFragmentsAdded } from '../../../src/core/model/fragments';
import type { TextEdit } from '../../../src/core/model/shift';
import type { UndoKind } from '../../../src/core/model/trackedAnnotations';
import { TrackedAnnotations } from '../../../src/core/model/trackedAnnotations';

/**
 * A document changed as the editor changes it: an undo is the change VS Code reports for Ctrl+Z,
 * the deleted text inserted again where it was taken from (kind 'undo').
 */
class Doc {
  readonly tracked: TrackedAnnotations;
  readonly history: AnnotationHistory;
  constructor(
    public text: string,
    annotations: readonly Annotation[],
  ) {
    this.tracked = new TrackedAnnotations(annotations);
    this.history = new AnnotationHistory(this.tracked);
  }
  read = (s: number, e: number): string => this.text.slice(Math.max(0, s), e);
  change(edits: readonly { start: number; end: number; insert: string }[], kind: UndoKind = false): void {
    const list: TextEdit[] = edits.map(({ start, end, insert }) => ({ start, end, insertedLength: insert.length }));
    for (const e of [...edits].sort((x, y) => y.start - x.start)) this.text = this.text.slice(0, e.start) + e.insert + this.text.slice(e.end);
    applyTextChange(this.tracked, this.history, list, this.read, kind);
  }
  edit(start: number, end: number, insert: string, kind: UndoKind = false): void {
    this.change([{ start, end, insert }], kind);
  }
  get(id: string): Annotation | undefined {
    return this.tracked.all.find((a) => a.id === id);
  }
  /** Add Fragment, as the command does it: the tag replaced by its version with one more fragment. */
  addFragment(id: string, start: number, end: number): void {
    const next = withFragmentsAdded(this.get(id) as Annotation, [{ start, end }], this.read);
    applyAnnotationEdit(this.tracked, this.history, { remove: [id], put: [next] });
  }
  undoAnnotations(): void {
    replayChange(this.tracked, this.history.undo());
  }
}

// "said the foreign minister today Nasser that": a split name, the minister's title and his name.
const TEXT = 'قال وزير الخارجية اليوم ناصر إن';
const A = TEXT.indexOf('وزير الخارجية');
const N = TEXT.indexOf('ناصر');
const split: Annotation = {
  id: 't1',
  label: 'PER',
  start: A,
  end: N + 4,
  text: `وزير الخارجية${FRAGMENT_SEPARATOR}ناصر`,
  status: 'accepted',
  source: 'manual',
  fragments: [
    [A, A + 13],
    [N, N + 4],
  ],
};
const span = (a: Annotation | undefined): unknown => a && { start: a.start, end: a.end, fragments: a.fragments, text: a.text };

describe('text undo of a deleted fragment (issue 17)', () => {
  it('brings back a wholly deleted last fragment exactly: offsets, cover and text', () => {
    const doc = new Doc(TEXT, [split]);
    doc.edit(N - 1, N + 4, '');
    assert.equal(doc.get('t1')?.fragments, undefined, 'the deletion leaves an ordinary span');
    doc.edit(N - 1, N - 1, ' ناصر', 'undo');
    assert.deepEqual(span(doc.get('t1')), span(split));
    assert.equal(coveredText(doc.get('t1') as Annotation, doc.read), split.text);
  });

  it('brings back a wholly deleted first fragment, and the later fragment where it was', () => {
    const doc = new Doc(TEXT, [split]);
    doc.edit(A, A + 14, '');
    assert.deepEqual(span(doc.get('t1')), { start: N - 14, end: N - 10, fragments: undefined, text: 'ناصر' });
    doc.edit(A, A, 'وزير الخارجية ', 'undo');
    assert.deepEqual(span(doc.get('t1')), span(split));
  });

  it('brings back a middle fragment of three', () => {
    const text = 'أ ب ج د ه';
    const three: Annotation = {
      ...split,
      start: 0,
      end: 9,
      text: ['أ', 'ج', 'ه'].join(FRAGMENT_SEPARATOR),
      fragments: [
        [0, 1],
        [4, 5],
        [8, 9],
      ],
    };
    const doc = new Doc(text, [three]);
    doc.edit(3, 5, '');
    assert.deepEqual(doc.get('t1')?.fragments, [
      [0, 1],
      [6, 7],
    ]);
    doc.edit(3, 3, ' ج', 'undo');
    assert.deepEqual(span(doc.get('t1')), span(three));
  });

  it('brings back a fragment whose text was cut in part, and fragments a deletion of the gap joined', () => {
    const cut = new Doc(TEXT, [split]);
    cut.edit(N + 2, N + 4, '');
    assert.equal(cut.get('t1')?.text, `وزير الخارجية${FRAGMENT_SEPARATOR}نا`);
    cut.edit(N + 2, N + 2, 'صر', 'undo');
    assert.deepEqual(span(cut.get('t1')), span(split));
    const gap = new Doc(TEXT, [split]);
    gap.edit(A + 13, N, '');
    assert.deepEqual(gap.get('t1')?.fragments, undefined, 'the joined fragments are one span');
    gap.edit(A + 13, A + 13, TEXT.slice(A + 13, N), 'undo');
    assert.deepEqual(span(gap.get('t1')), span(split));
  });

  it('brings back all fragments when the whole annotation is deleted at once, or fragment by fragment', () => {
    const whole = new Doc(TEXT, [split]);
    whole.edit(A, N + 4, '');
    assert.equal(whole.get('t1'), undefined);
    whole.edit(A, A, TEXT.slice(A, N + 4), 'undo');
    assert.deepEqual(span(whole.get('t1')), span(split));

    const both = new Doc(TEXT, [split]);
    both.change([
      { start: A, end: A + 13, insert: '' },
      { start: N, end: N + 4, insert: '' },
    ]);
    assert.equal(both.get('t1'), undefined);
    both.change(
      [
        { start: A, end: A, insert: 'وزير الخارجية' },
        { start: N - 13, end: N - 13, insert: 'ناصر' },
      ],
      'undo',
    );
    assert.deepEqual(span(both.get('t1')), span(split));

    const oneByOne = new Doc(TEXT, [split]);
    oneByOne.edit(N, N + 4, '');
    oneByOne.edit(A, A + 13, '');
    assert.equal(oneByOne.get('t1'), undefined);
    oneByOne.edit(A, A, 'وزير الخارجية', 'undo');
    assert.deepEqual(span(oneByOne.get('t1')), { start: A, end: A + 13, fragments: undefined, text: 'وزير الخارجية' });
    oneByOne.edit(N, N, 'ناصر', 'undo');
    assert.deepEqual(span(oneByOne.get('t1')), span(split));
  });

  it('keeps a label changed after the deletion, and does not restore on the same text typed (not undone)', () => {
    const doc = new Doc(TEXT, [split]);
    doc.edit(N - 1, N + 4, '');
    applyAnnotationEdit(doc.tracked, doc.history, { remove: ['t1'], put: [{ ...(doc.get('t1') as Annotation), label: 'ORG' }] });
    doc.edit(N - 1, N - 1, ' ناصر', 'undo');
    assert.deepEqual(span(doc.get('t1')), span(split));
    assert.equal(doc.get('t1')?.label, 'ORG');

    const typed = new Doc(TEXT, [split]);
    typed.edit(N - 1, N + 4, '');
    typed.edit(N - 1, N - 1, ' ناصر');
    assert.equal(typed.get('t1')?.fragments, undefined);
  });

  it('reads the quote again when text inside a fragment is replaced by text of the same length', () => {
    const doc = new Doc(TEXT, [split]);
    doc.edit(A + 1, A + 3, 'و ');
    assert.equal(doc.get('t1')?.text, `وو ر الخارجية${FRAGMENT_SEPARATOR}ناصر`);
    assert.equal(coveredText(doc.get('t1') as Annotation, doc.read), doc.get('t1')?.text);
    doc.edit(A + 1, A + 3, 'زي', 'undo');
    assert.deepEqual(span(doc.get('t1')), span(split));
  });

  it('a redo deletes the fragment again, and the next undo brings it back again', () => {
    const doc = new Doc(TEXT, [split]);
    doc.edit(N - 1, N + 4, '');
    doc.edit(N - 1, N - 1, ' ناصر', 'undo');
    doc.edit(N - 1, N + 4, '', 'redo');
    assert.equal(doc.get('t1')?.fragments, undefined);
    doc.edit(N - 1, N - 1, ' ناصر', 'undo');
    assert.deepEqual(span(doc.get('t1')), span(split));
  });
});

describe('annotation undo of Add Fragment meeting text undo', () => {
  const minister: Annotation = { id: 't1', label: 'PER', start: A, end: A + 13, text: 'وزير الخارجية', status: 'accepted', source: 'manual' };
  const name: Annotation = { ...minister, start: N, end: N + 4, text: 'ناصر' };

  it('a fragment whose addition was undone stays away when the text undo puts its deleted text back', () => {
    const doc = new Doc(TEXT, [minister]);
    doc.addFragment('t1', N, N + 4);
    assert.deepEqual(span(doc.get('t1')), span(split));
    doc.edit(N - 1, N + 4, '');
    doc.undoAnnotations();
    assert.deepEqual(span(doc.get('t1')), span(minister));
    doc.edit(N - 1, N - 1, ' ناصر', 'undo');
    assert.equal(doc.text, TEXT);
    assert.deepEqual(span(doc.get('t1')), span(minister), 'the tag as it was before Add Fragment, with no fragment');
  });

  it('a tag cut before Add Fragment moved its end gets its text back: annotation undo, then text undo', () => {
    const doc = new Doc(TEXT, [minister]);
    doc.edit(A + 5, A + 13, '');
    assert.equal(doc.get('t1')?.text, 'وزير ');
    doc.addFragment('t1', N - 8, N - 4);
    assert.deepEqual(doc.get('t1')?.fragments, [
      [A, A + 5],
      [N - 8, N - 4],
    ]);
    doc.undoAnnotations();
    assert.deepEqual(span(doc.get('t1')), { start: A, end: A + 5, fragments: undefined, text: 'وزير ' });
    doc.edit(A + 5, A + 5, 'الخارجية', 'undo');
    assert.equal(doc.text, TEXT);
    assert.deepEqual(span(doc.get('t1')), span(minister));
  });

  it('likewise when the new fragment lies before the start', () => {
    const doc = new Doc(TEXT, [name]);
    doc.edit(N + 2, N + 4, '');
    assert.equal(doc.get('t1')?.text, 'نا');
    doc.addFragment('t1', A, A + 13);
    assert.equal(doc.get('t1')?.start, A);
    doc.undoAnnotations();
    assert.deepEqual(span(doc.get('t1')), { start: N, end: N + 2, fragments: undefined, text: 'نا' });
    doc.edit(N + 2, N + 2, 'صر', 'undo');
    assert.deepEqual(span(doc.get('t1')), span(name));
  });
});

describe('text undo of fragments (property)', () => {
  const editArb = fc.record({ at: fc.nat(40), removed: fc.nat(8), inserted: fc.constantFrom('', 'ـ', 'و ', 'جديد') });

  it('undoing every edit in turn, as the editor does, gives back each tag exactly, split or not', function () {
    this.timeout(20_000);
    fc.assert(
      fc.property(fc.array(editArb, { minLength: 1, maxLength: 12 }), (edits) => {
        const words: Annotation = { id: 't2', label: 'ORG', start: A + 5, end: A + 13, text: 'الخارجية', status: 'accepted', source: 'manual' };
        const doc = new Doc(TEXT, [split, words]);
        const done: { start: number; removed: string; inserted: number }[] = [];
        for (const e of edits) {
          const start = Math.min(e.at, doc.text.length);
          const end = Math.min(doc.text.length, start + e.removed);
          if (start === end && e.inserted === '') continue;
          done.push({ start, removed: doc.text.slice(start, end), inserted: e.inserted.length });
          doc.edit(start, end, e.inserted);
        }
        for (const d of done.reverse()) doc.edit(d.start, d.start + d.inserted, d.removed, 'undo');
        assert.equal(doc.text, TEXT);
        assert.deepEqual(span(doc.get('t1')), span(split));
        assert.deepEqual(span(doc.get('t2')), span(words));
      }),
      { numRuns: 500 },
    );
  });
});

/** Sequences of the any-order property: a thousand here; more with TAWSIM_STRESS_RUNS. */
const ANY_ORDER_RUNS = Number(process.env['TAWSIM_STRESS_RUNS'] ?? 1000);

describe('Add Fragment, text edits and both undos in any order (property)', () => {
  const action = fc.oneof(
    fc.record({ k: fc.constant('edit' as const), at: fc.nat(40), removed: fc.nat(8), inserted: fc.constantFrom('', 'ـ', 'و ', 'جديد') }),
    fc.record({ k: fc.constant('fragment' as const), at: fc.nat(40), length: fc.integer({ min: 1, max: 6 }) }),
  );

  it('undoing every action, text and annotation undos interleaved at random, gives back the tags as they were', function () {
    this.timeout(Math.max(20_000, ANY_ORDER_RUNS * 20));
    fc.assert(
      fc.property(fc.array(action, { minLength: 1, maxLength: 10 }), fc.array(fc.boolean(), { maxLength: 20 }), (actions, order) => {
        const minister: Annotation = { id: 't1', label: 'PER', start: A, end: A + 13, text: 'وزير الخارجية', status: 'accepted', source: 'manual' };
        const doc = new Doc(TEXT, [minister, { ...split, id: 't2' }]);
        const textUndos: { start: number; removed: string; inserted: number }[] = [];
        let annotationUndos = 0;
        for (const a of actions) {
          const start = Math.min(a.at, doc.text.length);
          if (a.k === 'edit') {
            const end = Math.min(doc.text.length, start + a.removed);
            if (start === end && a.inserted === '') continue;
            textUndos.push({ start, removed: doc.text.slice(start, end), inserted: a.inserted.length });
            doc.edit(start, end, a.inserted);
          } else {
            const end = Math.min(doc.text.length, start + a.length);
            const target = doc.tracked.all[a.at % Math.max(1, doc.tracked.all.length)];
            if (start === end || !target) continue;
            doc.addFragment(target.id, start, end);
            annotationUndos++;
          }
        }
        // Each history is undone last in, first out; which of the two goes next is drawn.
        for (let i = 0; textUndos.length > 0 || annotationUndos > 0; i++) {
          if (annotationUndos > 0 && (textUndos.length === 0 || order[i % Math.max(1, order.length)] === true)) {
            doc.undoAnnotations();
            annotationUndos--;
          } else {
            const d = textUndos.pop() as (typeof textUndos)[number];
            doc.edit(d.start, d.start + d.inserted, d.removed, 'undo');
          }
        }
        assert.equal(doc.text, TEXT);
        assert.deepEqual(span(doc.get('t1')), span(minister));
        assert.deepEqual(span(doc.get('t2')), span(split));
      }),
      { numRuns: ANY_ORDER_RUNS },
    );
  });
});

describe('annotation undo of Add Fragment and text undo together', () => {
  const Y = TEXT.indexOf('اليوم');
  const plain: Annotation = { id: 't1', label: 'PER', start: A, end: A + 13, text: 'وزير الخارجية', status: 'accepted', source: 'manual' };
  const withText = (a: Annotation, doc: Doc): Annotation => ({ ...a, text: coveredText(a, doc.read) });

  it('undoing Add Fragment, then the deletion of that fragment, does not bring the fragment back', () => {
    const doc = new Doc(TEXT, [split]);
    const three = withText({ ...split, fragments: [split.fragments?.[0] as [number, number], [Y, Y + 5], [N, N + 4]] }, doc);
    applyAnnotationEdit(doc.tracked, doc.history, { remove: ['t1'], put: [three] });
    doc.edit(Y - 1, Y + 5, '');
    assert.equal(doc.get('t1')?.fragments?.length, 2);
    replayChange(doc.tracked, doc.history.undo());
    doc.edit(Y - 1, Y - 1, ' اليوم', 'undo');
    assert.deepEqual(span(doc.get('t1')), span(split));
  });

  it('remembers a deletion at the edge of a tag whose other edge Add Fragment moved, for either order of the undos', () => {
    for (const textFirst of [false, true]) {
      const doc = new Doc(TEXT, [plain]);
      doc.edit(A, A + 5, '');
      const cut = doc.get('t1') as Annotation;
      assert.equal(cut.text, 'الخارجية');
      const added = withText(
        {
          ...cut,
          end: N - 1,
          fragments: [
            [cut.start, cut.end],
            [N - 5, N - 1],
          ],
        },
        doc,
      );
      applyAnnotationEdit(doc.tracked, doc.history, { remove: ['t1'], put: [added] });
      if (textFirst) doc.edit(A, A, 'وزير ', 'undo');
      replayChange(doc.tracked, doc.history.undo());
      if (!textFirst) doc.edit(A, A, 'وزير ', 'undo');
      assert.deepEqual(span(doc.get('t1')), span(plain), textFirst ? 'text undo first' : 'annotation undo first');
    }
  });
});
