import { strict as assert } from 'node:assert';
import type { AnnotationStatus } from '../../../src/core/model/annotation';
import type { CountedAnnotation, CountedSet } from '../../../src/core/stats/workspaceStatistics';
import { countStatistics } from '../../../src/core/stats/workspaceStatistics';

const a = (label: string, status: AnnotationStatus = 'accepted', extra: Partial<CountedAnnotation> = {}): CountedAnnotation => ({ label, status, ...extra });
const set = (annotator: string, annotations: CountedAnnotation[], gold = false): CountedSet => ({ annotator, gold, annotations });

describe('stats/countStatistics', () => {
  it('counts nothing in an empty workspace', () => {
    const s = countStatistics({ documents: [], labelOrder: ['PER', 'LOC'] });
    assert.deepEqual(s.totals, { accepted: 0, suggested: 0, rejected: 0, total: 0, documents: 0, annotated: 0, reviewed: 0, annotators: 0, orphans: 0, gold: 0 });
    // Configured labels are listed with zero counts, so the chart shows what is missing.
    assert.deepEqual(
      s.labels.map((l) => [l.label, l.total, l.known]),
      [
        ['PER', 0, true],
        ['LOC', 0, true],
      ],
    );
  });

  it('counts per label, annotator and document, by status', () => {
    const s = countStatistics({
      labelOrder: ['PER', 'ORG', 'LOC'],
      documents: [
        { path: 'b.txt', sets: [set('salma', [a('LOC'), a('LOC'), a('PER', 'suggested')]), set('omar', [a('LOC'), a('ORG', 'rejected')])] },
        { path: 'a.txt', sets: [set('salma', [a('PER')])] },
        { path: 'c.txt', sets: [] },
      ],
    });
    assert.deepEqual([s.totals.accepted, s.totals.suggested, s.totals.rejected, s.totals.total], [4, 1, 1, 6]);
    assert.deepEqual([s.totals.documents, s.totals.annotated, s.totals.reviewed, s.totals.annotators], [3, 2, 0, 2]);
    assert.deepEqual(
      s.labels.map((l) => [l.label, l.accepted, l.suggested, l.rejected, l.documents]),
      [
        ['PER', 1, 1, 0, 1],
        ['ORG', 0, 0, 1, 0],
        ['LOC', 3, 0, 0, 1],
      ],
    );
    // Most accepted first.
    assert.deepEqual(
      s.annotators.map((x) => [x.annotator, x.accepted, x.total, x.documents, x.annotated]),
      [
        ['salma', 3, 4, 2, 2],
        ['omar', 1, 2, 1, 1],
      ],
    );
    // Documents in path order; a text without sidecars is counted, not annotated.
    assert.deepEqual(
      s.documents.map((d) => [d.path, d.accepted, d.total, d.annotators.join(','), d.annotated]),
      [
        ['a.txt', 1, 1, 'salma', true],
        ['b.txt', 3, 5, 'omar,salma', true],
        ['c.txt', 0, 0, '', false],
      ],
    );
  });

  it('a document with only suggestions or rejections is not annotated', () => {
    const s = countStatistics({ documents: [{ path: 'x.txt', sets: [set('salma', [a('LOC', 'suggested'), a('PER', 'rejected')])] }] });
    assert.equal(s.totals.annotated, 0);
    assert.equal(s.documents[0]?.annotated, false);
  });

  it('a gold sidecar marks the document reviewed and is counted apart from the annotators', () => {
    const s = countStatistics({
      labelOrder: ['LOC'],
      documents: [
        { path: 'g.txt', sets: [set('salma', [a('LOC')]), set('omar', [a('LOC')]), set('rana', [a('LOC'), a('LOC', 'rejected'), a('LOC', 'accepted', { orphan: true })], true)] },
        { path: 'h.txt', sets: [set('salma', [a('LOC')])] },
      ],
    });
    assert.equal(s.totals.reviewed, 1);
    assert.equal(s.totals.gold, 1);
    assert.equal(s.labels[0]?.accepted, 3, 'gold spans are not counted again under their label');
    assert.ok(!s.annotators.some((x) => x.annotator === 'rana'), 'the reviewer is not an annotator of the figures');
    assert.deepEqual(
      s.documents.map((d) => [d.path, d.reviewed, d.gold]),
      [
        ['g.txt', true, 1],
        ['h.txt', false, 0],
      ],
    );
  });

  it('review records in an annotator sidecar mark the document reviewed', () => {
    const review = { by: 'rana', verdict: 'accepted' as const, at: '2024-01-01T00:00:00Z' };
    const s = countStatistics({ documents: [{ path: 'r.txt', sets: [set('salma', [a('PER', 'accepted', { review })])] }] });
    assert.equal(s.documents[0]?.reviewed, true);
  });

  it('keeps labels outside the set, after the configured ones, and counts orphans apart', () => {
    const s = countStatistics({
      labelOrder: ['PER'],
      documents: [{ path: 'o.txt', sets: [set('salma', [a('ZZZ'), a('EVENT'), a('PER', 'accepted', { orphan: true })])] }],
    });
    assert.deepEqual(
      s.labels.map((l) => [l.label, l.known, l.accepted]),
      [
        ['PER', true, 0],
        ['EVENT', false, 1],
        ['ZZZ', false, 1],
      ],
    );
    assert.equal(s.totals.orphans, 1);
    assert.equal(s.documents[0]?.orphans, 1);
    assert.equal(s.totals.accepted, 2, 'an orphan has no place in the text and is not a tag of it');
  });
});
