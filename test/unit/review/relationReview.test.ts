import { strict as assert } from 'node:assert';
import type { Annotation } from '../../../src/core/model/annotation';
import type { Relation } from '../../../src/core/model/relation';
import type { AnnotatorSet } from '../../../src/core/review/annotatorSet';
import type { GoldParts, RelationDecisionResult } from '../../../src/core/review/relationReview';
import { acceptRelation, compareRelationSets, isRelationClosed, openRelationKeys, rejectRelation, relationsWithEnds } from '../../../src/core/review/relationReview';
import { reviewState } from '../../../src/core/review/reviewState';
import { compareAnnotators } from '../../../src/core/review/compareAnnotators';
import { serializeSidecar } from '../../../src/core/sidecar/serializeSidecar';
import { parseSidecar } from '../../../src/core/sidecar/parseSidecar';

const TEXT = 'التقى الوزير ناصر السفيرة سلمى في الرباط';
const tag = (id: string, label: string, quote: string, status: Annotation['status'] = 'accepted'): Annotation => {
  const start = TEXT.indexOf(quote);
  return { id, label, start, end: start + quote.length, text: quote, status, source: 'manual' };
};
const rel = (id: string, type: string, from: string, to: string): Relation => ({ id, type, from, to, status: 'accepted', source: 'manual' });
const symmetric = (t: string): boolean => t === 'met';
const decision = { by: 'reviewer', at: '2026-01-01T00:00:00.000Z' };

const salma: AnnotatorSet = {
  annotator: 'salma',
  annotations: [tag('t1', 'PER', 'ناصر'), tag('t2', 'PER', 'سلمى'), tag('t3', 'LOC', 'الرباط')],
  relations: [rel('r1', 'met', 't1', 't2'), rel('r2', 'located_in', 't1', 't3')],
};
const omar: AnnotatorSet = {
  annotator: 'omar',
  annotations: [tag('t7', 'LOC', 'الرباط'), tag('t8', 'PER', 'سلمى'), tag('t9', 'PER', 'ناصر')],
  relations: [rel('r1', 'met', 't8', 't9'), rel('r2', 'located_in', 't8', 't7')],
};

function gold(result: RelationDecisionResult): GoldParts {
  assert.ok('gold' in result, `a decision, not ${JSON.stringify(result)}`);
  return result.gold;
}

describe('relations in review', () => {
  const comparison = compareRelationSets([salma, omar], symmetric);

  it('agrees on a symmetric relation drawn either way and lists each one-sided relation once, with who marked it', () => {
    assert.deepEqual(
      comparison.agreed.map((p) => `${p.type} ${p.by.join('+')}`),
      ['met salma+omar'],
    );
    assert.deepEqual(
      comparison.disagreements.map((p) => `${p.type} ${p.from.text}→${p.to.text} ${p.by.join('+')}`),
      ['located_in ناصر→الرباط salma', 'located_in سلمى→الرباط omar'],
    );
  });

  it('leaves out relations on a stale set and relations that are not accepted', () => {
    const suggested: AnnotatorSet = { ...omar, relations: [{ ...rel('r1', 'met', 't8', 't9'), status: 'suggested' }] };
    assert.equal(compareRelationSets([salma, suggested], symmetric).agreed.length, 0);
    assert.equal(compareRelationSets([salma, { ...omar, stale: true }], symmetric).disagreements.length, 0, 'one set left: everything it has is agreed');
  });

  it('accepting a relation takes its undecided ends into gold with it and closes the disagreement', () => {
    const [first] = comparison.disagreements;
    assert.ok(first);
    const empty: GoldParts = { annotations: [], relations: [] };
    assert.deepEqual(openRelationKeys(comparison, empty, symmetric).length, 2);
    const after = gold(acceptRelation(empty, first, decision, symmetric));
    assert.deepEqual(
      after.annotations.map((a) => `${a.id} ${a.label} ${a.text} ${a.status} ${a.review?.verdict ?? ''} ${a.review?.from?.join('+') ?? ''}`),
      ['t1 PER ناصر accepted accepted salma', 't2 LOC الرباط accepted accepted salma'],
    );
    assert.deepEqual(after.relations, [{ id: 'r1', type: 'located_in', from: 't1', to: 't2', status: 'accepted', source: 'manual' }]);
    assert.ok(isRelationClosed(after, first, symmetric));
    assert.deepEqual(openRelationKeys(comparison, after, symmetric), [comparison.disagreements[1]?.key]);
  });

  it('uses the gold entries already there, and deciding again replaces the earlier decision', () => {
    const [first] = comparison.disagreements;
    assert.ok(first);
    const decided: GoldParts = { annotations: [tag('t5', 'PER', 'ناصر'), tag('t6', 'LOC', 'الرباط')], relations: [] };
    const accepted = gold(acceptRelation(decided, first, decision, symmetric));
    assert.equal(accepted.annotations.length, 2, 'no second entry for an end gold has');
    assert.deepEqual([accepted.relations[0]?.from, accepted.relations[0]?.to], ['t5', 't6']);
    const rejected = gold(rejectRelation(accepted, first, symmetric));
    assert.deepEqual(
      rejected.relations.map((r) => `${r.id} ${r.status}`),
      ['r1 rejected'],
    );
  });

  it('refuses to accept a relation on a rejected end, and to reject one whose ends gold has not decided', () => {
    const [first] = comparison.disagreements;
    assert.ok(first);
    const withRejected: GoldParts = { annotations: [tag('t5', 'PER', 'ناصر', 'rejected')], relations: [] };
    const refused = acceptRelation(withRejected, first, decision, symmetric);
    assert.ok('problem' in refused && refused.problem.kind === 'endRejected' && refused.problem.end.text === 'ناصر');
    assert.ok(isRelationClosed(withRejected, first, symmetric), 'a rejected end closes the relation');
    const undecided = rejectRelation({ annotations: [], relations: [] }, first, symmetric);
    assert.ok('problem' in undecided && undecided.problem.kind === 'endUndecided');
    assert.deepEqual(
      undecided.problem.ends.map((e) => e.text),
      ['ناصر', 'الرباط'],
    );
  });

  it('drops gold relations whose end a span decision removed', () => {
    const parts: GoldParts = { annotations: [tag('t1', 'PER', 'ناصر')], relations: [rel('r1', 'met', 't1', 't2'), rel('r2', 'met', 't1', 't1')] };
    assert.deepEqual(
      relationsWithEnds(parts.annotations, parts.relations).map((r) => r.id),
      ['r2'],
    );
  });

  it('counts open relation disagreements in the review state: not done until they are decided', () => {
    const spans = compareAnnotators([salma, omar]);
    const goldSpans = spans.agreed.map((p, i): Annotation => ({
      ...tag(`t${i + 1}`, p.label, p.text),
      review: { by: 'r', verdict: 'accepted', at: decision.at, from: [...p.by] },
    }));
    const without = reviewState(spans, goldSpans);
    assert.equal(without.done, true, 'spans alone are all decided');
    const withRelations = reviewState(spans, goldSpans, { comparison, gold: { annotations: goldSpans, relations: [] }, symmetric });
    assert.equal(withRelations.done, false);
    assert.equal(withRelations.relationsOpen, 2);
    assert.equal(withRelations.relationsTotal, 2);
    let parts: GoldParts = { annotations: goldSpans, relations: [] };
    for (const p of comparison.disagreements) parts = gold(rejectRelation(parts, p, symmetric));
    assert.equal(reviewState(spans, goldSpans, { comparison, gold: parts, symmetric }).done, true);
  });

  it('writes gold with relations as schema 2 that reads back the same', () => {
    const [first] = comparison.disagreements;
    assert.ok(first);
    const parts = gold(acceptRelation({ annotations: [], relations: [] }, first, decision, symmetric));
    const text = serializeSidecar({ tawsim: 1, document: { path: 'a.txt', sha256: '0'.repeat(64), length: [...TEXT].length }, annotator: 'reviewer', ...parts });
    const parsed = parseSidecar(text);
    assert.equal(parsed.sidecar?.tawsim, 2);
    assert.deepEqual(parsed.sidecar?.relations, parts.relations);
  });
});
