import { strict as assert } from 'node:assert';
import { mergeSidecars, mergeSidecarTexts } from '../../../src/core/merge/mergeSidecarTexts';
import type { Sidecar } from '../../../src/core/sidecar/sidecarTypes';
import { answersFor, readConflictedSidecar, resolveConflicts } from '../../../src/core/merge/resolveConflicts';
import { conflictEntryLines } from '../../../src/core/merge/sidecarConflicts';
import { withAttributesLine } from '../../../src/core/merge/gitAttributes';
import type { Annotation } from '../../../src/core/model/annotation';
import { sidecarText, span } from './mergeFixtures';
import { parseSidecar } from '../../../src/core/sidecar/parseSidecar';

function merged(base: readonly Annotation[] | undefined, ours: readonly Annotation[], theirs: readonly Annotation[]) {
  const result = mergeSidecarTexts(base ? sidecarText(base) : '', sidecarText(ours), sidecarText(theirs));
  assert.ok(result.ok, result.ok ? '' : result.message);
  return result;
}

const cairo = span('t1', 'LOC', 'القاهرة');
const league = span('t2', 'ORG', 'جامعة الدول العربية');
const rabat = span('t3', 'LOC', 'الرباط');
const yesterday = span('t4', 'DATE', 'أمس', { value: '2024-01-01' });

describe('three-way merge of sidecars', () => {
  it('keeps what each side added, changed or removed alone, and writes a plain sidecar', () => {
    const result = merged([cairo, league], [cairo, league, rabat], [{ ...cairo, note: 'capital' }]);
    assert.deepEqual(result.conflicts, []);
    // Theirs removed t2 (ours left it alone), noted t1; ours added t3.
    assert.deepEqual(
      result.sidecar.annotations.map((a) => [a.id, a.label, a.note]),
      [
        ['t1', 'LOC', 'capital'],
        ['t3', 'LOC', undefined],
      ],
    );
    assert.ok(!result.text.includes('conflicts'));
    assert.ok(!/^[<=>]{7}/m.test(result.text));
    const reread = parseSidecar(result.text);
    assert.deepEqual(reread.problems, []);
    assert.equal(reread.writable, true);
  });

  it('takes fields each side changed on the same annotation when they differ', () => {
    const result = merged([cairo], [{ ...cairo, label: 'ORG' }], [{ ...cairo, note: 'the government, not the city' }]);
    assert.deepEqual(result.conflicts, []);
    assert.deepEqual(result.sidecar.annotations, [{ ...cairo, label: 'ORG', note: 'the government, not the city' }]);
  });

  it('matches new annotations by span and label, and renews an id both sides took for different spans', () => {
    // Both annotators took the next id, t2: ours for the league, theirs for Rabat and then the league as t3.
    const result = merged([cairo], [cairo, league], [cairo, { ...rabat, id: 't2' }, { ...league, id: 't3' }]);
    assert.deepEqual(result.conflicts, []);
    const byText = new Map(result.sidecar.annotations.map((a) => [a.text, a.id]));
    assert.equal(result.sidecar.annotations.length, 3, 'the league tagged on both sides is one annotation');
    assert.equal(byText.get(league.text), 't2');
    assert.equal(byText.get(rabat.text), 't4', 'a fresh id above every id of the three versions');
  });

  it('records an annotation relabelled differently as a conflict, holding ours and theirs', () => {
    const result = merged([cairo], [{ ...cairo, label: 'ORG' }], [{ ...cairo, label: 'MISC' }]);
    assert.equal(result.conflicts.length, 1);
    const [c] = result.conflicts;
    assert.deepEqual([c?.part, c?.id, c?.reason, c?.fields], ['annotations', 't1', 'changed-both', ['label']]);
    assert.equal(result.sidecar.annotations[0]?.label, 'ORG', 'the sidecar holds ours meanwhile');
    assert.match(result.text, /^conflicts:\n {2}- part: annotations\n {4}id: t1\n {4}reason: changed-both/m);
    assert.ok(!/^[<=>]{7}/m.test(result.text));
  });

  it('records a removal on one side against a change on the other, both ways', () => {
    const oursRemoved = merged([cairo, rabat], [rabat], [{ ...cairo, status: 'rejected' }, rabat]);
    assert.deepEqual(
      oursRemoved.conflicts.map((c) => [c.id, c.reason]),
      [['t1', 'removed-ours']],
    );
    assert.deepEqual(
      oursRemoved.sidecar.annotations.map((a) => a.id),
      ['t3'],
    );
    const theirsRemoved = merged([cairo, rabat], [{ ...cairo, value: 'x' }, rabat], [rabat]);
    assert.deepEqual(
      theirsRemoved.conflicts.map((c) => [c.id, c.reason]),
      [['t1', 'removed-theirs']],
    );
    assert.deepEqual(
      theirsRemoved.sidecar.annotations.map((a) => a.id),
      ['t1', 't3'],
    );
  });

  it('records the same span added on both sides with different fields, and a document header both changed', () => {
    const ours = sidecarText([{ ...yesterday, value: '2024-03-01' }]).replace(/length: (\d+)/, 'length: $1\n  date: 2024-03-02');
    const theirs = sidecarText([{ ...yesterday, id: 't9', value: '2024-02-01' }]).replace(/length: (\d+)/, 'length: $1\n  date: 2024-02-02');
    const result = mergeSidecarTexts(sidecarText([]), ours, theirs);
    assert.ok(result.ok);
    assert.deepEqual(
      result.conflicts.map((c) => [c.part, c.id, c.reason, c.fields]),
      [
        ['document', undefined, 'changed-both', ['date']],
        ['annotations', 't4', 'added-both', ['value']],
      ],
    );
  });

  it('names the side, line and problem of a version that is not a sidecar', () => {
    const broken = sidecarText([cairo]).replace('status: accepted', 'status: maybe');
    const result = mergeSidecarTexts(sidecarText([]), sidecarText([cairo]), broken);
    assert.ok(!result.ok);
    assert.equal(result.side, 'theirs');
    assert.equal(result.line, broken.split('\n').findIndex((l) => l.includes('status: maybe')) + 1);
    assert.match(result.message, /"status" must be one of/);
  });

  it('reads the conflicts back and resolves them to either side, giving a sidecar readers accept', () => {
    const result = merged(
      [cairo, rabat],
      [{ ...cairo, label: 'ORG' }],
      [
        { ...cairo, label: 'MISC' },
        { ...rabat, note: 'kept' },
      ],
    );
    assert.deepEqual(
      result.conflicts.map((c) => [c.id, c.reason]),
      [
        ['t1', 'changed-both'],
        ['t3', 'removed-ours'],
      ],
    );
    const read = readConflictedSidecar(result.text);
    assert.ok(read.ok);
    assert.deepEqual(read.conflicts, result.conflicts);
    const theirs = resolveConflicts(read.sidecar, read.conflicts, () => 'theirs');
    assert.ok(theirs.ok);
    assert.deepEqual(
      theirs.sidecar.annotations.map((a) => [a.id, a.label, a.note]),
      [
        ['t1', 'MISC', undefined],
        ['t3', 'LOC', 'kept'],
      ],
    );
    assert.deepEqual(parseSidecar(theirs.text).problems, []);
    const partly = resolveConflicts(read.sidecar, read.conflicts, (c) => (c.id === 't1' ? 'ours' : undefined));
    assert.ok(partly.ok);
    assert.deepEqual(
      partly.open.map((c) => c.id),
      ['t3'],
    );
    assert.equal(partly.sidecar.annotations[0]?.label, 'ORG');
    assert.match(partly.text, /^conflicts:/m);
  });

  it('takes both annotations under a new id, or keeps the base, where those answers mean something', () => {
    const result = merged(
      [cairo, rabat],
      [{ ...cairo, label: 'ORG' }],
      [
        { ...cairo, label: 'MISC' },
        { ...rabat, note: 'kept' },
      ],
    );
    const lines = result.text.split('\n');
    assert.deepEqual(
      conflictEntryLines(result.text).map((n) => [lines[n - 1], lines[n]]),
      [
        ['  - part: annotations', '    id: t1'],
        ['  - part: annotations', '    id: t3'],
      ],
      'each conflict is found at its own entry',
    );
    assert.deepEqual(conflictEntryLines(sidecarText([cairo])), []);
    const read = readConflictedSidecar(result.text);
    assert.ok(read.ok);
    assert.deepEqual(
      read.conflicts.map((c) => answersFor(c)),
      [
        ['ours', 'theirs', 'both', 'base'],
        ['ours', 'theirs', 'base'],
      ],
    );
    const answers = resolveConflicts(read.sidecar, read.conflicts, (c) => (c.id === 't1' ? 'both' : 'base'));
    assert.ok(answers.ok);
    assert.deepEqual(answers.open, []);
    const written = parseSidecar(answers.text);
    assert.deepEqual(written.problems, []);
    assert.deepEqual(
      written.sidecar?.annotations.map((a) => [a.id, a.label, a.text, a.note]),
      [
        ['t4', 'MISC', cairo.text, undefined],
        ['t1', 'ORG', cairo.text, undefined],
        ['t3', 'LOC', rabat.text, undefined],
      ],
    );
    const base = resolveConflicts(read.sidecar, read.conflicts, () => 'base');
    assert.ok(base.ok);
    assert.deepEqual(base.sidecar.annotations.map((a) => [a.id, a.label]).sort(), [
      ['t1', 'LOC'],
      ['t3', 'LOC'],
    ]);
  });

  it('leaves a conflict open when the answer does not fit it: no base for what both sides added', () => {
    const result = merged(undefined, [{ ...cairo, note: 'ours' }], [{ ...cairo, note: 'theirs' }]);
    const read = readConflictedSidecar(result.text);
    assert.ok(read.ok);
    assert.deepEqual(
      read.conflicts.map((c) => [c.reason, answersFor(c)]),
      [['added-both', ['ours', 'theirs']]],
    );
    const tried = resolveConflicts(read.sidecar, read.conflicts, () => 'base');
    assert.ok(tried.ok);
    assert.equal(tried.open.length, 1);
  });
});

describe('three-way merge of parts a newer schema adds (relations)', () => {
  /** A sidecar as schema 2's reader will give it: one more list of records with ids. */
  function withRelations(annotations: readonly Annotation[], relations: readonly Record<string, unknown>[]): Sidecar {
    const parsed = parseSidecar(sidecarText(annotations)).sidecar;
    assert.ok(parsed);
    return { ...parsed, relations } as unknown as Sidecar;
  }
  const worksFor = { id: 'r1', type: 'works-for', from: 't1', to: 't2' };

  it('merges a list of records by id as annotations are, so nothing either side added is dropped', () => {
    const base = withRelations([cairo, league], [worksFor]);
    const ours = withRelations([cairo, league], [worksFor, { id: 'r2', type: 'located-in', from: 't2', to: 't1' }]);
    const theirs = withRelations(
      [cairo, league],
      [
        { ...worksFor, note: 'checked' },
        { id: 'r2', type: 'member-of', from: 't1', to: 't2' },
      ],
    );
    const result = mergeSidecars(base, ours, theirs);
    const relations = (result.sidecar as unknown as { relations: Record<string, unknown>[] }).relations;
    assert.deepEqual(
      relations.map((r) => [r['id'], r['type'], r['note']]),
      [
        ['r1', 'works-for', 'checked'],
        ['r2', 'located-in', undefined],
        ['r3', 'member-of', undefined],
      ],
    );
    assert.deepEqual(result.conflicts, []);
    const conflicted = mergeSidecars(base, withRelations([cairo, league], [{ ...worksFor, type: 'leads' }]), withRelations([cairo, league], [{ ...worksFor, type: 'advises' }]));
    assert.deepEqual(
      conflicted.conflicts.map((c) => [c.part, c.id, c.fields]),
      [['relations', 'r1', ['type']]],
    );
    assert.match(conflicted.text, /^ {2}- part: relations\n {4}id: r1\n {4}reason: changed-both/m);
  });
});

describe('.gitattributes for the merge driver', () => {
  it('adds the sidecar line once and keeps every other line', () => {
    assert.equal(withAttributesLine(''), '*.ann.yaml merge=tawsim\n');
    assert.equal(withAttributesLine('*.png binary'), '*.png binary\n*.ann.yaml merge=tawsim\n');
    const once = withAttributesLine('*.txt text\r\n');
    assert.equal(once, '*.txt text\r\n*.ann.yaml merge=tawsim\r\n');
    assert.equal(withAttributesLine(once), once);
    assert.equal(withAttributesLine('*.ann.yaml merge=union\n'), '*.ann.yaml merge=union\n', 'a choice the repository made is left alone');
  });
});
