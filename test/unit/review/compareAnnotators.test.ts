import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { compareAnnotators } from '../../../src/core/review/compareAnnotators';
import { raw, tag, wordSpan } from './helpers';

describe('review/compareAnnotators', () => {
  it('finds agreed spans and the three kinds of disagreement', () => {
    const c = compareAnnotators([
      // w0 PER everywhere (agreed); w1 label differs; w3 missing in omar; w5 boundaries differ.
      { annotator: 'salma', annotations: [tag('PER', 0), tag('LOC', 1), tag('DATE', 3), tag('ORG', 5, 6)] },
      { annotator: 'omar', annotations: [tag('PER', 0), tag('ORG', 1), tag('ORG', 5)] },
    ]);
    assert.deepEqual(c.annotators, ['salma', 'omar']);
    assert.deepEqual(
      c.agreed.map((p) => [p.label, p.start, p.by]),
      [['PER', 0, ['salma', 'omar']]],
    );
    assert.deepEqual(
      c.disagreements.map((d) => [d.kind, d.missingIn, d.labelsDiffer, d.boundariesDiffer]),
      [
        ['label', [], true, false],
        ['missing', ['omar'], false, false],
        ['boundary', [], false, true],
      ],
    );
    const w1 = wordSpan(1, 1);
    const [label, , boundary] = c.disagreements;
    assert.equal(label?.id, `d${w1.start}-${w1.end}`);
    assert.deepEqual(
      label?.proposals.map((p) => [p.label, p.by]),
      [
        ['LOC', ['salma']],
        ['ORG', ['omar']],
      ],
    );
    assert.deepEqual(
      boundary?.annotators.map((a) => [a.annotator, a.spans.map((s) => s.end - s.start)]),
      [
        ['salma', [wordSpan(5, 6).end - wordSpan(5, 6).start]],
        ['omar', [wordSpan(5, 5).end - wordSpan(5, 5).start]],
      ],
    );
    assert.equal(boundary?.start, wordSpan(5, 6).start);
    assert.equal(boundary?.end, wordSpan(5, 6).end);
  });

  it('gives ids derived from offsets that survive unrelated changes', () => {
    const before = compareAnnotators([
      { annotator: 'a', annotations: [raw('LOC', 10, 15)] },
      { annotator: 'b', annotations: [] },
    ]);
    const after = compareAnnotators([
      { annotator: 'a', annotations: [raw('LOC', 10, 15), raw('PER', 30, 35)] },
      { annotator: 'b', annotations: [raw('ORG', 40, 45)] },
    ]);
    assert.equal(before.disagreements[0]?.id, 'd10-15');
    assert.equal(after.disagreements[0]?.id, 'd10-15');
    assert.equal(new Set(after.disagreements.map((d) => d.id)).size, after.disagreements.length);
  });

  it('groups transitively overlapping spans into one disagreement', () => {
    // a: [0,10) ; b: [5,15) ; c: [12,20) — a chain: one cluster [0,20).
    const c = compareAnnotators([
      { annotator: 'a', annotations: [raw('LOC', 0, 10)] },
      { annotator: 'b', annotations: [raw('LOC', 5, 15)] },
      { annotator: 'c', annotations: [raw('LOC', 12, 20)] },
    ]);
    assert.equal(c.disagreements.length, 1);
    assert.equal(c.disagreements[0]?.id, 'd0-20');
    assert.equal(c.disagreements[0]?.kind, 'boundary');
    // Touching spans do not overlap.
    const touching = compareAnnotators([
      { annotator: 'a', annotations: [raw('LOC', 0, 5)] },
      { annotator: 'b', annotations: [raw('LOC', 5, 9)] },
    ]);
    assert.equal(touching.disagreements.length, 2);
  });

  it('keeps an agreed enclosing span out of a nested disagreement', () => {
    const c = compareAnnotators([
      { annotator: 'a', annotations: [raw('ORG', 0, 20), raw('LOC', 10, 15)] },
      { annotator: 'b', annotations: [raw('ORG', 0, 20)] },
    ]);
    assert.equal(c.agreed.length, 1);
    assert.deepEqual(
      c.disagreements.map((d) => [d.id, d.kind]),
      [['d10-15', 'missing']],
    );
  });

  it('lists several spans of one annotator inside one disagreement', () => {
    const c = compareAnnotators([
      { annotator: 'a', annotations: [raw('LOC', 0, 10)] },
      { annotator: 'b', annotations: [raw('LOC', 0, 4), raw('LOC', 5, 10)] },
    ]);
    assert.equal(c.disagreements.length, 1);
    assert.equal(c.disagreements[0]?.annotators[1]?.spans.length, 2);
    assert.equal(c.disagreements[0]?.proposals.length, 3);
  });

  it('ignores suggested and rejected spans and stale sets', () => {
    const c = compareAnnotators([
      { annotator: 'a', annotations: [raw('LOC', 0, 5), raw('PER', 6, 9, 'suggested')] },
      { annotator: 'b', annotations: [raw('LOC', 0, 5), raw('ORG', 6, 9, 'rejected')] },
      { annotator: 'c', annotations: [raw('MISC', 20, 25)], stale: true },
    ]);
    assert.equal(c.agreed.length, 1);
    assert.deepEqual(c.disagreements, []);
    assert.deepEqual(
      c.excluded.map((e) => e.annotator),
      ['c'],
    );
  });

  it('with three annotators, a span two of them share is missing in the third', () => {
    const c = compareAnnotators([
      { annotator: 'a', annotations: [raw('LOC', 0, 5)] },
      { annotator: 'b', annotations: [raw('LOC', 0, 5)] },
      { annotator: 'c', annotations: [] },
    ]);
    assert.deepEqual(
      c.disagreements.map((d) => [d.kind, d.missingIn, d.proposals[0]?.by]),
      [['missing', ['c'], ['a', 'b']]],
    );
  });

  it('handles no annotators, no annotations and a single annotator', () => {
    assert.deepEqual(compareAnnotators([]), { annotators: [], excluded: [], agreed: [], disagreements: [] });
    const empty = compareAnnotators([
      { annotator: 'a', annotations: [] },
      { annotator: 'b', annotations: [] },
    ]);
    assert.deepEqual([empty.agreed, empty.disagreements], [[], []]);
    // With one annotator there is nobody to disagree with: every tag is agreed.
    const one = compareAnnotators([{ annotator: 'a', annotations: [raw('LOC', 0, 5)] }]);
    assert.equal(one.agreed.length, 1);
    assert.equal(one.disagreements.length, 0);
  });

  it('puts every accepted tag in exactly one place: agreed or one disagreement (property)', () => {
    const spanArb = fc.record({ label: fc.constantFrom('PER', 'LOC'), start: fc.integer({ min: 0, max: 30 }), length: fc.integer({ min: 1, max: 8 }) });
    const setArb = fc.array(spanArb, { maxLength: 6 }).map((spans) => spans.map((s) => raw(s.label, s.start, s.start + s.length)));
    fc.assert(
      fc.property(fc.array(setArb, { minLength: 1, maxLength: 4 }), (sets) => {
        const c = compareAnnotators(sets.map((annotations, i) => ({ annotator: `a${i}`, annotations })));
        const placed = new Map<string, number>();
        const note = (annotator: string, s: { start: number; end: number; label: string }): void => {
          const key = `${annotator}|${s.start}|${s.end}|${s.label}`;
          placed.set(key, (placed.get(key) ?? 0) + 1);
        };
        for (const p of c.agreed) for (const who of p.by) note(who, p);
        for (const d of c.disagreements) for (const p of d.proposals) for (const who of p.by) note(who, p);
        const expected = new Set(sets.flatMap((annotations, i) => annotations.map((s) => `a${i}|${s.start}|${s.end}|${s.label}`)));
        assert.deepEqual(new Set(placed.keys()), expected);
        assert.ok([...placed.values()].every((n) => n === 1));
        // Disagreements are sorted, do not overlap one another, and have distinct ids.
        for (let i = 1; i < c.disagreements.length; i++) {
          assert.ok((c.disagreements[i - 1]?.end ?? 0) <= (c.disagreements[i]?.start ?? 0));
        }
      }),
      { numRuns: 200 },
    );
  });
});
