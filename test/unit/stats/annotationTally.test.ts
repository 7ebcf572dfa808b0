import { strict as assert } from 'node:assert';
import { countPassing, tallyAnnotations } from '../../../src/core/stats/annotationTally';
import { countStatistics } from '../../../src/core/stats/workspaceStatistics';
import type { CountedAnnotation } from '../../../src/core/stats/workspaceStatistics';

const annotations: CountedAnnotation[] = [
  { label: 'PER', status: 'accepted' },
  { label: 'PER', status: 'suggested' },
  { label: 'LOC', status: 'rejected', review: { by: 'huda', verdict: 'rejected', at: '2026-01-01T00:00:00Z' } },
  { label: 'LOC', status: 'accepted', orphan: true },
];

describe('annotation tallies', () => {
  it('counts per label and status, orphans apart, and notes review records', () => {
    assert.deepEqual(tallyAnnotations(annotations), { counts: { PER: [1, 1, 0], LOC: [0, 0, 1] }, orphans: 1, reviewed: true });
  });

  it('counts what passes a label and status filter; orphans only without one', () => {
    const tally = tallyAnnotations(annotations);
    assert.equal(countPassing(tally), 4);
    assert.equal(countPassing(tally, ['PER']), 2);
    assert.equal(countPassing(tally, [], ['accepted', 'rejected']), 2);
    assert.equal(countPassing(tally, ['LOC'], ['accepted']), 0);
  });

  it('gives the same statistics from a tally as from the annotations it tallies', () => {
    const documents = (tallied: boolean): Parameters<typeof countStatistics>[0]['documents'] => [
      {
        path: 'a.txt',
        sets: [
          tallied ? { annotator: 'salma', gold: false, tally: tallyAnnotations(annotations) } : { annotator: 'salma', gold: false, annotations },
          tallied ? { annotator: 'huda', gold: true, tally: tallyAnnotations(annotations.slice(0, 1)) } : { annotator: 'huda', gold: true, annotations: annotations.slice(0, 1) },
        ],
      },
      { path: 'b.txt', sets: [] },
    ];
    const fromTally = countStatistics({ documents: documents(true), labelOrder: ['PER', 'LOC', 'ORG'] });
    assert.deepEqual(fromTally, countStatistics({ documents: documents(false), labelOrder: ['PER', 'LOC', 'ORG'] }));
    assert.equal(fromTally.totals.gold, 1);
    assert.equal(fromTally.totals.orphans, 1);
    assert.equal(fromTally.totals.reviewed, 1);
    assert.equal(fromTally.totals.annotated, 1);
  });
});
