import { strict as assert } from 'node:assert';
import { validateSidecarObject } from '../../../src/core/sidecar/validateSidecar';

const DOCUMENT = { path: 'a.txt', sha256: 'a'.repeat(64), length: 100 };

function sidecarWith(spans: Array<[id: string, label: string, start: number, end: number, orphan?: boolean]>): unknown {
  return {
    tawsim: 1,
    document: DOCUMENT,
    annotator: 'salma',
    annotations: spans.map(([id, label, start, end, orphan]) => ({ id, label, start, end, text: 'x', status: 'accepted', source: 'manual', ...(orphan ? { orphan: true } : {}) })),
  };
}

const warnings = (value: unknown): string[] => validateSidecarObject(value).problems.map((p) => `${p.path ?? ''}: ${p.message.slice(0, p.message.indexOf('(') - 1)}`);

describe('the same span and label twice', () => {
  it('is found next to each other in a sorted file, naming the first of a run of three', () => {
    assert.deepEqual(
      warnings(
        sidecarWith([
          ['t1', 'LOC', 1, 3],
          ['t2', 'LOC', 1, 3],
          ['t3', 'LOC', 1, 3],
          ['t4', 'PER', 1, 3],
          ['t5', 'LOC', 2, 3],
        ]),
      ),
      ['annotations[1].id: "t2" is the same span and label as "t1"', 'annotations[2].id: "t3" is the same span and label as "t1"'],
    );
  });

  it('is found far apart in a file out of order, and orphans are left out', () => {
    assert.deepEqual(
      warnings(
        sidecarWith([
          ['t1', 'LOC', 5, 9],
          ['t2', 'PER', 10, 12],
          ['t3', 'LOC', 1, 3],
          ['t4', 'LOC', 5, 9],
          ['t5', 'PER', 10, 12, true],
          ['t6', 'LOC', 1, 3],
        ]),
      ),
      ['annotations[3].id: "t4" is the same span and label as "t1"', 'annotations[5].id: "t6" is the same span and label as "t3"'],
    );
  });

  it('keeps every other check: a bad label shape and an unknown key are still errors', () => {
    const value = sidecarWith([['t1', '1LOC', 1, 3]]) as { annotations: Array<Record<string, unknown>> };
    (value.annotations[0] as Record<string, unknown>)['colour'] = 'red';
    const paths = validateSidecarObject(value).problems.map((p) => p.path);
    assert.deepEqual(paths, ['annotations[0].colour', 'annotations[0].label']);
  });
});
