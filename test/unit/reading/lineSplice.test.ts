import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { lineBreaks, lineSpliceOf, spliceLines } from '../../../src/core/reading/lineSplice';
import { LineCodePoints } from '../../../src/core/reading/lineCodePoints';
import { EditLog } from '../../../src/core/reading/editLog';

/** Lines of a text split as an editor does (CR LF, LF, CR). */
const linesOf = (text: string): string[] => text.split(/\r\n|\n|\r/);

/** The change event an editor reports for replacing offsets s..e with `text`. */
function changeOf(before: string, s: number, e: number, text: string): { startLine: number; endLine: number; text: string } {
  return { startLine: lineBreaks(before.slice(0, s)), endLine: lineBreaks(before.slice(0, e)), text };
}

describe('line splices', () => {
  it('a letter typed inside a line replaces that line only', () => {
    assert.deepEqual(lineSpliceOf([{ startLine: 4, endLine: 4, text: 'ب' }]), { at: 4, removed: 1, inserted: 1 });
  });

  it('a pasted paragraph adds its lines; a deleted line break joins two lines', () => {
    assert.deepEqual(lineSpliceOf([{ startLine: 2, endLine: 2, text: 'أ\nب\r\nج' }]), { at: 2, removed: 1, inserted: 3 });
    assert.deepEqual(lineSpliceOf([{ startLine: 2, endLine: 3, text: '' }]), { at: 2, removed: 2, inserted: 1 });
  });

  it('several cursors: from the first change to the last', () => {
    assert.deepEqual(
      lineSpliceOf([
        { startLine: 9, endLine: 9, text: 'x\n' },
        { startLine: 1, endLine: 1, text: 'x' },
      ]),
      { at: 1, removed: 9, inserted: 10 },
    );
  });

  it('counts CR LF as one break', () => {
    assert.equal(lineBreaks('a\r\nb\nc\rd'), 3);
  });

  it('turns the old lines into the new ones for any single edit', () => {
    const text = fc.array(fc.constantFrom('ا', 'ب', ' ', '\n', '\r\n', '😀'), { maxLength: 30 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, text, fc.nat(), fc.nat(), (before, inserted, a, b) => {
        const s = Math.min(a, b) % (before.length + 1);
        const e = Math.max(s, Math.max(a, b) % (before.length + 1));
        // Never split a CR LF pair or a surrogate pair, as an editor would not.
        if (/\r$/.test(before.slice(0, s)) || /\r$/.test(before.slice(0, e))) return;
        const after = before.slice(0, s) + inserted + before.slice(e);
        const splice = lineSpliceOf([changeOf(before, s, e, inserted)]);
        assert.ok(splice);
        const oldLines = linesOf(before);
        const newLines = linesOf(after);
        const rebuilt = spliceLines(oldLines, splice, newLines.slice(splice.at, splice.at + splice.inserted));
        assert.deepEqual(rebuilt, newLines);
      }),
    );
  });
});

describe('code point starts of lines', () => {
  it('subtracts the astral characters of the lines before', () => {
    const lines = ['😀 أ', 'ب', '🇲🇦 ج', 'د'];
    const starts = [0, 5, 7, 13];
    const cp = new LineCodePoints(lines.length, (i) => lines[i] as string);
    assert.deepEqual(
      starts.map((s, i) => cp.start(i, s)),
      [0, 4, 6, 10],
    );
  });

  it('is the UTF-16 start when nothing is astral, and follows a splice', () => {
    const lines = ['أ', 'ب', 'ج'];
    const cp = new LineCodePoints(lines.length, (i) => lines[i] as string);
    assert.equal(cp.start(2, 4), 4);
    lines.splice(1, 1, '😀ب', 'ه');
    cp.splice({ at: 1, removed: 1, inserted: 2 }, (i) => lines[i] as string);
    assert.equal(cp.start(1, 2), 2);
    assert.equal(cp.start(2, 6), 5);
    assert.equal(cp.start(3, 8), 7);
  });
});

describe('spans computed before the last edits', () => {
  it('move with text typed before them and stay where they are with text typed after them', () => {
    const log = new EditLog();
    log.record([{ start: 2, end: 2, insertedLength: 3 }]);
    log.record([{ start: 40, end: 41, insertedLength: 0 }]);
    assert.deepEqual(log.forward({ start: 10, end: 16 }), { start: 13, end: 19 });
    assert.equal(log.forward({ start: 0, end: 4 }), undefined, 'typed inside: its text changed');
    assert.equal(log.backward(13), 10);
    assert.equal(log.backward(3), 2, 'inside the inserted text: the insertion point…');
    assert.equal(log.backward(3, 'after'), 2, '…whichever side is asked for, an insertion removed nothing');
    const deleted = new EditLog();
    deleted.record([{ start: 4, end: 6, insertedLength: 0 }]);
    assert.deepEqual([deleted.backward(4, 'before'), deleted.backward(4, 'after')], [4, 6], 'at a deletion: either side of what it removed');
  });

  it('map a range of the current text back to where the old spans were, for any edits', () => {
    const edit = fc.record({ start: fc.nat(50), length: fc.nat(5), inserted: fc.nat(5) }).map((e) => ({ start: e.start, end: e.start + e.length, insertedLength: e.inserted }));
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 6 }), fc.nat(40), fc.integer({ min: 1, max: 8 }), (edits, start, n) => {
        const log = new EditLog();
        for (const e of edits) log.record([e]);
        const moved = log.forward({ start, end: start + n });
        if (moved) {
          assert.equal(moved.end - moved.start, n, 'an untouched span keeps its length');
          assert.ok(log.backward(moved.start, 'before') <= start && start <= log.backward(moved.start, 'after'), 'and maps back around where it was');
          assert.ok(log.backward(moved.end, 'before') <= start + n && start + n <= log.backward(moved.end, 'after'));
        }
      }),
    );
  });
});
