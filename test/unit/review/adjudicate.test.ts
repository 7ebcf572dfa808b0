import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { Annotation } from '../../../src/core/model/annotation';
import { acceptAllAgreed, acceptProposal, addGoldSpan, rejectProposal, relabelProposal, takeBoundaries } from '../../../src/core/review/adjudicate';
import type { Disagreement } from '../../../src/core/review/compareAnnotators';
import { compareAnnotators } from '../../../src/core/review/compareAnnotators';
import { isClosed, reviewState } from '../../../src/core/review/reviewState';
import { raw } from './helpers';

const decision = { by: 'reviewer', at: '2024-05-01T10:00:00Z' };

function find(disagreements: readonly Disagreement[], id: string): Disagreement {
  const d = disagreements.find((x) => x.id === id);
  assert.ok(d, `no disagreement ${id}`);
  return d;
}

describe('review/adjudicate', () => {
  // agreed: PER[0,4); label: LOC/ORG [10,15); missing: DATE[20,25) by a only; boundary: ORG[30,40) vs ORG[30,36)
  const comparison = compareAnnotators([
    { annotator: 'a', annotations: [raw('PER', 0, 4), raw('LOC', 10, 15), raw('DATE', 20, 25), raw('ORG', 30, 40)] },
    { annotator: 'b', annotations: [raw('PER', 0, 4), raw('ORG', 10, 15), raw('ORG', 30, 36)] },
  ]);

  it('starts with every disagreement open and agreed spans pending', () => {
    const s = reviewState(comparison, []);
    assert.deepEqual(s, { done: false, open: 3, total: 3, openIds: ['d10-15', 'd20-25', 'd30-40'], agreedPending: 1, relationsOpen: 0, relationsTotal: 0, openRelationKeys: [] });
  });

  it('accepts all agreed spans with a review record naming their proposers', () => {
    const gold = acceptAllAgreed([], comparison, decision);
    assert.equal(gold.length, 1);
    assert.deepEqual(gold[0], {
      id: 't1',
      label: 'PER',
      start: 0,
      end: 4,
      text: '',
      status: 'accepted',
      source: 'manual',
      review: { by: 'reviewer', verdict: 'accepted', at: decision.at, from: ['a', 'b'] },
    });
    assert.equal(reviewState(comparison, gold).agreedPending, 0);
    // Again: nothing changes, earlier decisions are kept.
    assert.deepEqual(acceptAllAgreed(gold, comparison, { by: 'other', at: 'later' }), gold);
  });

  it('walks every disagreement to a done review', () => {
    let gold: Annotation[] = acceptAllAgreed([], comparison, decision);
    const label = find(comparison.disagreements, 'd10-15');
    const loc = label.proposals.find((p) => p.label === 'LOC');
    assert.ok(loc);
    gold = relabelProposal(gold, loc, 'ORG', decision);
    const relabelled = gold.find((g) => g.start === 10);
    assert.equal(relabelled?.label, 'ORG');
    assert.deepEqual(relabelled?.review, { by: 'reviewer', verdict: 'relabelled', at: decision.at, from: ['a'] });
    assert.ok(isClosed(label, gold));
    assert.equal(reviewState(comparison, gold).open, 2);

    const missing = find(comparison.disagreements, 'd20-25');
    const date = missing.proposals[0];
    assert.ok(date);
    gold = rejectProposal(gold, date, decision);
    const rejected = gold.find((g) => g.start === 20);
    assert.equal(rejected?.status, 'rejected');
    assert.equal(rejected?.review?.verdict, 'rejected');
    assert.ok(isClosed(missing, gold));

    const boundary = find(comparison.disagreements, 'd30-40');
    gold = takeBoundaries(gold, boundary, 'b', decision);
    const taken = gold.filter((g) => g.start === 30);
    assert.deepEqual(
      taken.map((g) => [g.end, g.status, g.review?.verdict, g.review?.from]),
      [
        [36, 'accepted', 'reboundaried', ['b']],
        [40, 'rejected', 'rejected', ['a']],
      ],
    );
    const s = reviewState(comparison, gold);
    assert.deepEqual([s.done, s.open, s.total], [true, 0, 3]);
    // Gold stays sorted with distinct ids.
    assert.deepEqual(
      gold.map((g) => g.start),
      [0, 10, 20, 30, 30],
    );
    assert.equal(new Set(gold.map((g) => g.id)).size, gold.length);
  });

  it('replaces an earlier decision on the same span and label, keeping its id', () => {
    const p = find(comparison.disagreements, 'd20-25').proposals[0];
    assert.ok(p);
    const first = rejectProposal([], p, decision);
    const second = acceptProposal(first, p, { by: 'x', at: 'y' });
    assert.equal(second.length, 1);
    assert.equal(second[0]?.id, first[0]?.id);
    assert.equal(second[0]?.status, 'accepted');
    assert.equal(first[0]?.status, 'rejected', 'inputs are not changed');
  });

  it('taking the boundaries of an annotator who has nothing there rejects every proposal', () => {
    const d = find(comparison.disagreements, 'd20-25');
    const gold = takeBoundaries([], d, 'b', decision);
    assert.deepEqual(
      gold.map((g) => g.status),
      ['rejected'],
    );
    assert.ok(isClosed(d, gold));
  });

  it('a decision on an enclosing span does not close a nested disagreement', () => {
    const c = compareAnnotators([
      { annotator: 'a', annotations: [raw('ORG', 0, 20), raw('ORG', 5, 10)] },
      { annotator: 'b', annotations: [raw('ORG', 0, 20)] },
    ]);
    const gold = acceptAllAgreed([], c, decision);
    assert.equal(reviewState(c, gold).open, 1);
  });

  it('accepting only one side of a boundary-and-label dispute leaves it open until the rest is decided', () => {
    const c = compareAnnotators([
      { annotator: 'a', annotations: [raw('LOC', 0, 5)] },
      { annotator: 'b', annotations: [raw('ORG', 0, 7)] },
    ]);
    const d = c.disagreements[0];
    assert.ok(d);
    const org = d.proposals.find((p) => p.label === 'ORG');
    const loc = d.proposals.find((p) => p.label === 'LOC');
    assert.ok(org && loc);
    let gold = acceptProposal([], org, decision);
    assert.equal(isClosed(d, gold), false);
    gold = rejectProposal(gold, loc, decision);
    assert.equal(isClosed(d, gold), true);
  });

  it('adds a span no annotator proposed', () => {
    const gold = addGoldSpan([], { start: 50, end: 55, label: 'MISC', text: 'x' }, decision);
    assert.deepEqual(gold[0]?.review, { by: 'reviewer', verdict: 'added', at: decision.at, from: [] });
  });

  it('an empty comparison is done at once', () => {
    assert.deepEqual(reviewState(compareAnnotators([]), []), {
      done: true,
      open: 0,
      total: 0,
      openIds: [],
      agreedPending: 0,
      relationsOpen: 0,
      relationsTotal: 0,
      openRelationKeys: [],
    });
  });

  it('taking one annotator’s boundaries everywhere and accepting the agreed spans finishes any review (property)', () => {
    const spanArb = fc.record({ label: fc.constantFrom('PER', 'LOC', 'ORG'), start: fc.integer({ min: 0, max: 30 }), length: fc.integer({ min: 1, max: 8 }) });
    const setArb = fc.array(spanArb, { maxLength: 6 }).map((spans) => spans.map((s) => raw(s.label, s.start, s.start + s.length)));
    fc.assert(
      fc.property(fc.array(setArb, { minLength: 2, maxLength: 3 }), fc.nat(), (sets, who) => {
        const c = compareAnnotators(sets.map((annotations, i) => ({ annotator: `a${i}`, annotations })));
        const chosen = `a${who % sets.length}`;
        let gold = acceptAllAgreed([], c, decision);
        for (const d of c.disagreements) gold = takeBoundaries(gold, d, chosen, decision);
        assert.equal(reviewState(c, gold).done, true);
        // Gold accepts exactly the chosen annotator's tags.
        const accepted = gold.filter((g) => g.status === 'accepted').map((g) => `${g.start}|${g.end}|${g.label}`);
        const theirs = new Set((sets[who % sets.length] ?? []).map((s) => `${s.start}|${s.end}|${s.label}`));
        assert.deepEqual(new Set(accepted), theirs);
      }),
      { numRuns: 200 },
    );
  });
});
