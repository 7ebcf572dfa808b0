import { strict as assert } from 'node:assert';
import type { Annotation } from '../../../src/core/model/annotation';
import type { Relation } from '../../../src/core/model/relation';
import { mergeSidecarParts, mergeThreeWay } from '../../../src/core/sidecar/mergeAnnotations';
import { DEFAULT_PROJECT_SCHEMA, projectSchema, readProjectSchemaSources } from '../../../src/core/model/projectSchema';

const a = (id: string, start: number, label = 'PER'): Annotation => ({ id, label, start, end: start + 3, text: 'abc', status: 'accepted', source: 'manual' });
const r = (id: string, type: string, from: string, to: string): Relation => ({ id, type, from, to, status: 'accepted', source: 'manual' });
const named = (parts: { annotations: readonly Annotation[]; relations: readonly Relation[] }): string[] => {
  const at = new Map(parts.annotations.map((x) => [x.id, `${x.label}@${x.start}`]));
  return parts.relations.map((x) => `${x.id} ${x.type} ${at.get(x.from)}→${at.get(x.to)}`).sort();
};

describe('merging relations', () => {
  it('mergeSidecarParts moves their relations to the annotations they became, and renews clashing relation ids', () => {
    const mine = { annotations: [a('t1', 0), a('t2', 10, 'ORG')], relations: [r('r1', 'member_of', 't1', 't2')] };
    // Theirs: the same PER under another id, a new LOC under an id mine uses.
    const theirs = { annotations: [a('t5', 0), a('t2', 20, 'LOC')], relations: [r('r1', 'located_in', 't5', 't2'), r('r2', 'member_of', 't5', 't9')] };
    const merged = mergeSidecarParts(mine, theirs);
    assert.deepEqual(named(merged), ['r1 member_of PER@0→ORG@10', 'r2 located_in PER@0→LOC@20']);
    assert.equal(merged.annotations.length, 3);
  });

  it('mergeThreeWay takes what theirs added and removed since the base, keeps what I changed', () => {
    const base = { annotations: [a('t1', 0), a('t2', 10, 'ORG'), a('t3', 20, 'LOC')], relations: [r('r1', 'member_of', 't1', 't2'), r('r2', 'located_in', 't2', 't3')] };
    // Mine: added a relation. Theirs: removed t3 (and so r2), added a PER and a relation to it, under the id r2 that is now free.
    const mine = { annotations: base.annotations, relations: [...base.relations, r('r3', 'met', 't1', 't1')] };
    const theirs = { annotations: [a('t1', 0), a('t2', 10, 'ORG'), a('t4', 30)], relations: [r('r1', 'member_of', 't1', 't2'), r('r2', 'met', 't1', 't4')] };
    const merged = mergeThreeWay(base, mine, theirs);
    assert.deepEqual(
      merged.annotations.map((x) => x.start).sort((p, q) => p - q),
      [0, 10, 30],
    );
    assert.deepEqual(named(merged), ['r1 member_of PER@0→ORG@10', 'r2 met PER@0→PER@30', 'r3 met PER@0→PER@0']);
  });
});

describe('project schema from settings or a project file', () => {
  it('keeps well-formed definitions, names the others, and falls back to the news defaults per part', () => {
    const { sources, problems } = readProjectSchemaSources([{ id: 'heads', from: ['PER'], to: ['ORG'] }, { id: '9bad' }], undefined);
    assert.deepEqual(sources.relationTypes, [{ id: 'heads', from: ['PER'], to: ['ORG'], symmetric: false }]);
    assert.deepEqual(problems, ['relation type 2 needs an "id" (a letter, then letters, digits, _ or -)']);
    const schema = projectSchema(sources);
    assert.equal(schema.attributes, DEFAULT_PROJECT_SCHEMA.attributes);
    const attrs = readProjectSchemaSources(undefined, [{ label: 'DATE', name: 'certainty', values: ['a', 'b'], default: 'c' }]);
    assert.deepEqual(attrs.problems, ['attribute "certainty": "default" must be one of its values']);
    assert.deepEqual(attrs.sources.attributes, []);
  });
});
