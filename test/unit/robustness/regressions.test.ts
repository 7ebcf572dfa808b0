/**
 * Bugs the random editing sessions found, each kept as a plain test: first as the smallest
 * sequence fast-check shrank it to (replayed through the same session as the property test), then,
 * for the ones worth reading, as a direct use of the core classes.
 */
import { strict as assert } from 'node:assert';
import type { Annotation } from '../../../src/core/model/annotation';
import { AnnotationHistory, applyTextChange } from '../../../src/core/model/annotationHistory';
import type { TextEdit } from '../../../src/core/model/shift';
import { TrackedAnnotations } from '../../../src/core/model/trackedAnnotations';
import { mergeAnnotations } from '../../../src/core/sidecar/mergeAnnotations';
import { buildSidecar } from '../../../src/core/sidecar/documentAnnotations';
import type { Step } from './editSession';
import { emptyFigures, runSession } from './editSession';

/** Counterexamples as fast-check printed them: initial text (fragment indices) and steps. */
const SHRUNK: readonly { readonly name: string; readonly initial: readonly number[]; readonly steps: readonly Step[] }[] = [
  {
    name: 'stress seed 8: an annotation redo after text undos left a relabelled span cut',
    initial: [4, 0, 6, 11, 10],
    steps: [
      { k: 'tag', at: 27, len: 2, label: 1 },
      { k: 'replace', at: 0, len: 1, frags: [4, 9] },
      { k: 'replace', at: 0, len: 5, frags: [6] },
      { k: 'delete', at: 8, len: 3 },
      { k: 'relabel', pick: 0, label: 0 },
      { k: 'replace', at: 59, len: 5, frags: [0] },
      { k: 'annUndo' },
      { k: 'textUndo' },
      { k: 'annRedo' },
      { k: 'textUndo' },
    ],
  },
  {
    name: 'stress seed 619835108: annotation undos between text undos left a span cut',
    initial: [11, 1, 2],
    steps: [
      { k: 'replace', at: 0, len: 1, frags: [6, 6, 6] },
      { k: 'tag', at: 4, len: 2, label: 0 },
      { k: 'extText', at: 0, len: 4, frags: [0, 11] },
      { k: 'relabel', pick: 0, label: 1 },
      { k: 'replace', at: 0, len: 4, frags: [6, 6, 4, 6] },
      { k: 'delete', at: 81, len: 6 },
      { k: 'delete', at: 0, len: 1 },
      { k: 'remove', pick: 0 },
      { k: 'replace', at: 36, len: 6, frags: [0] },
      { k: 'annUndo' },
      { k: 'textUndo' },
      { k: 'annUndo' },
      { k: 'textUndo' },
      { k: 'textUndo' },
    ],
  },
  {
    name: 'a new tag reused the id of a removed one',
    initial: [],
    steps: [{ k: 'type', at: 0, frags: [0] }, { k: 'tag', at: 0, len: 1, label: 0 }, { k: 'remove', pick: 0 }, { k: 'tag', at: 0, len: 1, label: 0 }, { k: 'textUndo' }],
  },
  {
    name: 'an annotation undo after a text undo put a relabelled span back cut',
    initial: [],
    steps: [
      { k: 'replace', at: 0, len: 1, frags: [0, 2] },
      { k: 'tag', at: 0, len: 2, label: 1 },
      { k: 'replace', at: 16, len: 1, frags: [0] },
      { k: 'relabel', pick: 0, label: 0 },
      { k: 'textUndo' },
      { k: 'annUndo' },
    ],
  },
  {
    name: 'undoing a later edit restored an older tombstone on another copy of its text',
    initial: [],
    steps: [
      { k: 'type', at: 0, frags: [0, 0, 11] },
      { k: 'tag', at: 13, len: 1, label: 0 },
      { k: 'replace', at: 0, len: 1, frags: [4] },
      { k: 'replace', at: 0, len: 2, frags: [0] },
      { k: 'textUndo' },
      { k: 'annUndo' },
    ],
  },
  {
    name: 'undoing the second of two cuts did not bring the span back',
    initial: [0, 0],
    steps: [
      { k: 'delete', at: 0, len: 7 },
      { k: 'tag', at: 0, len: 3, label: 0 },
      { k: 'delete', at: 20, len: 1 },
      { k: 'delete', at: 0, len: 2 },
      { k: 'textUndo' },
      { k: 'textUndo' },
    ],
  },
  {
    name: 'a removed span came back cut after an annotation undo and a text undo',
    initial: [0],
    steps: [{ k: 'tag', at: 114, len: 2, label: 0 }, { k: 'remove', pick: 0 }, { k: 'delete', at: 0, len: 1 }, { k: 'annUndo' }, { k: 'textUndo' }],
  },
  {
    name: 'a span removed after a cut came back cut',
    initial: [0],
    steps: [{ k: 'tag', at: 6, len: 2, label: 0 }, { k: 'delete', at: 0, len: 1 }, { k: 'remove', pick: 0 }, { k: 'textUndo' }, { k: 'annUndo' }],
  },
  {
    name: 'a span partly replaced then cut at its start was not restored by two undos',
    initial: [0],
    steps: [{ k: 'tag', at: 0, len: 2, label: 0 }, { k: 'replace', at: 120, len: 1, frags: [0] }, { k: 'delete', at: 0, len: 1 }, { k: 'textUndo' }, { k: 'textUndo' }],
  },
  {
    name: 'a deletion then a redo-like coincidence restored a span at the wrong place',
    initial: [6, 13, 4, 4, 1],
    steps: [
      { k: 'delete', at: 0, len: 4 },
      { k: 'extSidecar', what: 'add', pick: 0, at: 4, len: 5, label: 0 },
      { k: 'delete', at: 93, len: 1 },
      { k: 'delete', at: 12, len: 7 },
      { k: 'type', at: 3, frags: [6, 10] },
      { k: 'replace', at: 164, len: 1, frags: [1, 0] },
      { k: 'delete', at: 0, len: 2 },
      { k: 'textUndo' },
    ],
  },
  {
    name: 'merging dropped their span that sat at the old offsets of one of my orphans',
    initial: [0],
    steps: [
      { k: 'tag', at: 0, len: 1, label: 0 },
      { k: 'remove', pick: 0 },
      { k: 'delete', at: 0, len: 1 },
      { k: 'annUndo' },
      { k: 'extSidecar', what: 'merge', pick: 0, at: 0, len: 1, label: 0 },
    ],
  },
  {
    name: 'a span cut by an undo came back on the next undo, which put back the same character',
    initial: [],
    steps: [
      { k: 'type', at: 0, frags: [0] },
      { k: 'delete', at: 0, len: 1 },
      { k: 'delete', at: 30, len: 2 },
      { k: 'type', at: 175, frags: [3, 4, 4] },
      { k: 'delete', at: 77, len: 4 },
      { k: 'delete', at: 186, len: 3 },
      { k: 'type', at: 83, frags: [15] },
      { k: 'tag', at: 148, len: 6, label: 0 },
      { k: 'textUndo' },
      { k: 'textUndo' },
    ],
  },
  {
    // Not a bug of Tawsim: the model could not place a quote re-anchored on the LF of a CRLF.
    name: 'a quote starting with a lone LF re-anchored inside a CRLF (model case)',
    initial: [6, 6, 10, 12, 10, 6, 6, 6],
    steps: [
      { k: 'type', at: 0, frags: [2, 6] },
      { k: 'type', at: 0, frags: [6, 4] },
      { k: 'tag', at: 75, len: 5, label: 0 },
      { k: 'type', at: 0, frags: [11, 6, 4] },
      { k: 'delete', at: 0, len: 6 },
      { k: 'delete', at: 0, len: 4 },
      { k: 'type', at: 16, frags: [6, 0] },
      { k: 'replace', at: 100, len: 7, frags: [4] },
      { k: 'delete', at: 0, len: 2 },
      { k: 'extText', at: 24, len: 0, frags: [11, 10] },
      { k: 'delete', at: 0, len: 1 },
    ],
  },
];

describe('robustness: regressions found by random editing', () => {
  for (const c of SHRUNK) {
    it(c.name, () => {
      const figures = emptyFigures();
      runSession(c.initial, c.steps, figures);
      assert.equal(figures.lost, 0);
    });
  }
});

function ann(id: string, start: number, end: number, text: string, label = 'LOC'): Annotation {
  return { id, label, start, end, text, status: 'accepted', source: 'manual' };
}

/** A document with live annotations and their history, changed the way the editor changes them. */
class Editor {
  readonly tracked: TrackedAnnotations;
  readonly history: AnnotationHistory;
  constructor(
    public text: string,
    annotations: readonly Annotation[],
  ) {
    this.tracked = new TrackedAnnotations(annotations);
    this.history = new AnnotationHistory(this.tracked);
  }
  private read = (s: number, e: number): string => this.text.slice(Math.max(0, s), e);
  edit(start: number, end: number, insert: string, undo = false): TextEdit {
    this.text = this.text.slice(0, start) + insert + this.text.slice(end);
    const edit = { start, end, insertedLength: insert.length };
    applyTextChange(this.tracked, this.history, [edit], this.read, undo ? 'undo' : false);
    return edit;
  }
  apply(remove: readonly string[], put: readonly Annotation[]): void {
    const before: Annotation[] = [];
    for (const id of remove) {
      const r = this.tracked.remove(id);
      if (r) before.push(r);
    }
    for (const a of put) {
      const old = this.tracked.remove(a.id);
      if (old) before.push(old);
      this.tracked.put(a);
    }
    this.history.record({ before, after: put });
  }
  undo(): void {
    const change = this.history.undo();
    for (const a of change?.before ?? []) this.tracked.remove(a.id);
    for (const a of change?.after ?? []) this.tracked.put(a);
  }
  redo(): void {
    const change = this.history.redo();
    for (const a of change?.before ?? []) this.tracked.remove(a.id);
    for (const a of change?.after ?? []) this.tracked.put(a);
  }
  spans(): string[] {
    return [...this.tracked.all.map((a) => `${a.id}:${a.label}:${this.text.slice(a.start, a.end)}`), ...this.tracked.orphans.map((a) => `${a.id}:orphan:${a.text}`)];
  }
}

describe('robustness: live annotations and their history (regressions)', () => {
  it('never gives a new tag the id of a buried one, so a text undo cannot replace the new tag', () => {
    const ed = new Editor('في الرباط اليوم', [ann('t1', 3, 9, 'الرباط')]);
    ed.edit(3, 9, '');
    const id = ed.tracked.nextId();
    assert.notEqual(id, 't1');
    ed.apply([], [ann(id, 4, 8, 'اليو', 'DATE')]);
    ed.edit(3, 3, 'الرباط', true);
    assert.deepEqual(ed.spans().sort(), ['t1:LOC:الرباط', `${id}:DATE:اليو`].sort());
  });

  it('does not bring back on a text undo a span the user removed after cutting it', () => {
    const ed = new Editor('في الرباط اليوم', [ann('t1', 3, 9, 'الرباط')]);
    ed.edit(7, 9, '');
    ed.apply(['t1'], []);
    ed.edit(7, 7, 'اط', true);
    assert.deepEqual(ed.spans(), []);
    // Undoing the removal brings it back whole: it followed the text while out of sight.
    ed.undo();
    assert.deepEqual(ed.spans(), ['t1:LOC:الرباط']);
  });

  it('keeps a new label when a text undo restores a cut span', () => {
    const ed = new Editor('في الرباط اليوم', [ann('t1', 3, 9, 'الرباط')]);
    ed.edit(7, 9, '');
    ed.apply([], [{ ...ann('t1', 3, 7, 'الرب'), label: 'ORG' }]);
    ed.edit(7, 7, 'اط', true);
    assert.deepEqual(ed.spans(), ['t1:ORG:الرباط']);
    // And the annotation undo of the relabel puts the old label back on the whole span.
    ed.undo();
    assert.deepEqual(ed.spans(), ['t1:LOC:الرباط']);
  });

  it('restores the version before the last cut when only that cut is undone', () => {
    const ed = new Editor('في الرباط اليوم', [ann('t1', 3, 9, 'الرباط')]);
    ed.edit(8, 9, '');
    ed.edit(3, 8, '');
    assert.deepEqual(ed.spans(), []);
    ed.edit(3, 3, 'الربا', true);
    assert.deepEqual(ed.spans(), ['t1:LOC:الربا']);
    ed.edit(8, 8, 'ط', true);
    assert.deepEqual(ed.spans(), ['t1:LOC:الرباط']);
  });

  it('restores only where the undo puts the text back, not on another copy of it nearby', () => {
    const ed = new Editor('المغربالمغرب', [ann('t1', 0, 1, 'ا')]);
    ed.edit(0, 1, 'في');
    ed.edit(0, 2, 'المغرب');
    ed.edit(0, 6, 'في', true);
    assert.deepEqual(ed.spans(), []);
    ed.edit(0, 2, 'ا', true);
    assert.deepEqual(ed.spans(), ['t1:LOC:ا']);
  });

  it('gives an annotation redo the text the span covers now, never a stale quote', () => {
    const ed = new Editor('في الرباط اليوم', []);
    ed.apply([], [ann('t1', 3, 9, 'الرباط')]);
    ed.edit(7, 9, '');
    ed.undo();
    ed.redo();
    const t1 = ed.tracked.byId('t1');
    assert.equal(t1?.text, ed.text.slice(t1?.start, t1?.end));
  });

  it('brings back as an orphan, never as an empty span, an annotation whose text was deleted', () => {
    const ed = new Editor('في الرباط اليوم', []);
    ed.apply([], [ann('t1', 3, 9, 'الرباط')]);
    ed.apply(['t1'], []);
    ed.edit(2, 10, '');
    ed.undo();
    assert.deepEqual(ed.spans(), ['t1:orphan:الرباط']);
    assert.equal(ed.tracked.all.length, 0);
  });

  it('merges their placed span although one of my orphans has its old offsets', () => {
    const mine = [{ ...ann('t1', 0, 1, 'ا', 'PER'), orphan: true }];
    const theirs = [ann('t1', 0, 1, 'ل', 'PER')];
    const merged = mergeAnnotations(mine, theirs);
    assert.equal(merged.length, 2);
    assert.deepEqual(merged.map((a) => a.text).sort(), ['ا', 'ل']);
    assert.equal(new Set(merged.map((a) => a.id)).size, 2);
  });

  it('renews their ids that the session held before (a buried span would take the id back)', () => {
    const merged = mergeAnnotations([ann('t1', 0, 1, 'ا')], [ann('t2', 2, 3, 'ل')], (id) => id === 't2' || id === 't3');
    assert.deepEqual(
      merged.map((a) => a.id),
      ['t1', 't4'],
    );
  });

  it('builds a sidecar whose quotes are the covered text', () => {
    const s = buildSidecar({ path: 'a.txt', annotator: 'x' }, 'في الرباط', [ann('t1', 3, 9, 'الرباط')], []);
    assert.equal(s.annotations[0]?.text, 'الرباط');
  });
});
