import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parseSidecar } from '../../../src/core/sidecar/parseSidecar';
import { serializeSidecar } from '../../../src/core/sidecar/serializeSidecar';
import type { Sidecar } from '../../../src/core/sidecar/sidecarTypes';
import { sha256Hex } from '../../../src/core/sidecar/hash';
import { DEFAULT_LABELS } from '../../../src/core/model/labels';
import { recoveredFileName, sidecarFileName, textOfSidecar } from '../../../src/core/sidecar/sidecarPath';

const base: Sidecar = {
  tawsim: 1,
  document: { path: 'article.txt', sha256: sha256Hex('اتفق المغرب'), length: 11, date: '2023-01-17' },
  annotator: 'salma',
  annotations: [
    { id: 't2', label: 'LOC', start: 5, end: 11, text: 'المغرب', status: 'accepted', source: 'manual', note: 'قال: "نعم"\nسطر ثان' },
    { id: 't1', label: 'DATE', start: 0, end: 4, text: 'اتفق', status: 'suggested', source: 'rules', value: '2020' },
  ],
};

function problemsOf(yaml: string): string[] {
  return parseSidecar(yaml, { labels: DEFAULT_LABELS }).problems.map((p) => `${p.line}:${p.severity}:${p.message}`);
}

describe('sidecar', () => {
  it('round trips: write, read, write gives identical bytes, annotations sorted by start', () => {
    const first = serializeSidecar(base);
    const parsed = parseSidecar(first);
    assert.deepEqual(parsed.problems, []);
    assert.equal(parsed.writable, true);
    assert.equal(serializeSidecar(parsed.sidecar as Sidecar), first);
    assert.deepEqual(
      parsed.sidecar?.annotations.map((a) => a.id),
      ['t1', 't2'],
    );
    assert.equal(parsed.sidecar?.annotations[0]?.value, '2020');
    assert.match(first, /^tawsim: 1\ndocument:\n {2}path: article.txt\n/);
  });

  it('round trips any annotation set (property)', () => {
    const text = fc.string({ unit: fc.constantFrom('ا', 'ب', ' ', ':', '"', "'", '#', '\n', '😀', 'ً', 'y', '-', '{'), maxLength: 12 });
    const annotation = fc.record({
      label: fc.constantFrom('PER', 'ORG', 'LOC', 'DATE'),
      start: fc.nat(50),
      len: fc.nat(20),
      text,
      note: fc.option(text, { nil: undefined }),
      value: fc.option(fc.constantFrom('2020', 'XXXX-09-13', 'yes', 'null', '1e3'), { nil: undefined }),
    });
    fc.assert(
      // One span carries a label once (a repeat is a warning), so spans and labels are drawn unique.
      fc.property(fc.uniqueArray(annotation, { maxLength: 15, selector: (it) => `${it.start}:${it.len}:${it.label}` }), (items) => {
        const sidecar: Sidecar = {
          ...base,
          document: { ...base.document, length: 100 },
          annotations: items.map((it, i) => ({
            id: `t${i + 1}`,
            label: it.label,
            start: it.start,
            end: it.start + it.len,
            text: it.text,
            status: 'accepted',
            source: 'manual',
            ...(it.note !== undefined ? { note: it.note } : {}),
            ...(it.value !== undefined ? { value: it.value } : {}),
          })),
        };
        const yaml = serializeSidecar(sidecar);
        const parsed = parseSidecar(yaml);
        assert.deepEqual(parsed.problems, []);
        assert.equal(serializeSidecar(parsed.sidecar as Sidecar), yaml);
        assert.equal(parsed.sidecar?.annotations.length, items.length);
      }),
      { numRuns: 300 },
    );
  });

  it('reports a YAML syntax error with its line', () => {
    const yaml = serializeSidecar(base).replace('annotator: salma', 'annotator: [salma');
    const [problem] = parseSidecar(yaml).problems;
    assert.equal(problem?.severity, 'error');
    assert.ok((problem?.line ?? 0) >= 6, `line ${problem?.line}`);
    assert.equal(parseSidecar(yaml).writable, false);
  });

  it('writes document.status after the date only when set, and reads it back byte for byte', () => {
    const without = serializeSidecar(base);
    assert.doesNotMatch(without, /status: (not-started|in-progress|done)/);
    for (const status of ['not-started', 'in-progress', 'done'] as const) {
      const yaml = serializeSidecar({ ...base, document: { ...base.document, status } });
      assert.match(yaml, new RegExp(`\\n {2}date: "2023-01-17"\\n {2}status: ${status}\\nannotator: salma\\n`));
      const parsed = parseSidecar(yaml);
      assert.deepEqual(parsed.problems, []);
      assert.equal(parsed.sidecar?.document.status, status);
      assert.equal(serializeSidecar(parsed.sidecar as Sidecar), yaml);
    }
    // A version-1 file without a status reads without one and writes back unchanged.
    const parsed = parseSidecar(without);
    assert.equal(parsed.sidecar?.document.status, undefined);
    assert.equal(serializeSidecar(parsed.sidecar as Sidecar), without);
    assert.match(without, /^tawsim: 1\n/);
  });

  const cases: [string, (y: string) => string, RegExp][] = [
    ['a wrong type', (y) => y.replace('start: 5', 'start: "five"'), /^19:error:"start" must be a whole number/],
    ['a negative offset', (y) => y.replace('start: 5', 'start: -5'), /^19:error:"start"/],
    ['an offset past the end', (y) => y.replace('end: 11', 'end: 99'), /^20:error:"end" \(99\) is past the end of the text \(11/],
    ['end before start', (y) => y.replace('end: 11', 'end: 2'), /^20:error:"end" \(2\) is before "start" \(5\)/],
    ['an unknown key', (y) => y.replace('annotator: salma', 'annotator: salma\ncolour: red'), /^8:error:Unknown key "colour"/],
    ['an unknown status', (y) => y.replace('status: accepted', 'status: maybe'), /^22:error:"status" must be one of/],
    ['an unknown source', (y) => y.replace('source: rules', 'source: magic'), /^15:error:"source" must be one of/],
    ['a duplicate id', (y) => y.replace('id: t2', 'id: t1'), /^17:error:Duplicate id "t1"/],
    ['a bad sha256', (y) => y.replace(/sha256: \w+/, 'sha256: abc'), /^4:error:"document.sha256"/],
    ['a bad date', (y) => y.replace('date: "2023-01-17"', 'date: 17/1/2023'), /^6:error:"document.date"/],
    [
      'an unknown document status',
      (y) => y.replace('date: "2023-01-17"', 'date: "2023-01-17"\n  status: finished'),
      /^7:error:"document.status" must be one of not-started, in-progress, done/,
    ],
    ['a document status that is not a string', (y) => y.replace('date: "2023-01-17"', 'date: "2023-01-17"\n  status: 3'), /^7:error:"document.status"/],
    ['a missing document', (y) => y.replace(/document:\n( {2}.*\n)+/, ''), /error:"document" must be a mapping/],
    ['a newer schema', (y) => y.replace('tawsim: 1', 'tawsim: 3'), /^1:error:This sidecar uses schema version 3, newer/],
    ['a non-mapping', () => '- just\n- a list\n', /^1:error:A sidecar must be a YAML mapping/],
    ['a duplicate key', (y) => y.replace('annotator: salma', 'annotator: salma\nannotator: omar'), /^8:error:.*(duplicat|unique)/i],
  ];
  for (const [name, mutate, expected] of cases) {
    it(`reports ${name} with its line and refuses to overwrite`, () => {
      const yaml = mutate(serializeSidecar(base));
      const problems = problemsOf(yaml);
      assert.ok(
        problems.some((p) => expected.test(p)),
        problems.join('\n'),
      );
      assert.equal(parseSidecar(yaml).writable, false);
      assert.equal(parseSidecar(yaml).sidecar, undefined);
    });
  }

  it('keeps an annotation with an unknown label, with a warning', () => {
    const yaml = serializeSidecar(base).replace('label: LOC', 'label: EVENT');
    const parsed = parseSidecar(yaml, { labels: DEFAULT_LABELS });
    assert.equal(parsed.writable, true);
    assert.equal(parsed.sidecar?.annotations[1]?.label, 'EVENT');
    assert.match(problemsOf(yaml)[0] ?? '', /^18:warning:Label "EVENT" is not in the label set/);
  });

  it('refuses a YAML alias bomb quickly', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++)
      levels.push(
        `${'abcdefghi'[i]}: &${'abcdefghi'[i]} [${Array(9)
          .fill('*' + 'abcdefghi'[i - 1])
          .join(',')}]`,
      );
    const started = process.hrtime.bigint();
    const parsed = parseSidecar(levels.join('\n'));
    assert.match(parsed.problems[0]?.message ?? '', /alias/i);
    assert.ok(process.hrtime.bigint() - started < 2_000_000_000n);
  });

  it('names sidecar files from the pattern', () => {
    assert.equal(sidecarFileName('article.txt', 'salma'), 'article.txt.ann.yaml');
    assert.equal(sidecarFileName('article.txt', 'سلمى', '${file}.${annotator}.ann.yaml'), 'article.txt.سلمى.ann.yaml');
    assert.equal(sidecarFileName('a.txt', '../x', '${file}.${annotator}.ann.yaml'), 'a.txt._x.ann.yaml');
    assert.throws(() => sidecarFileName('a.txt', 's', '../${file}.ann.yaml'), /must name a different file/);
    assert.deepEqual(textOfSidecar('a.b.txt.salma.ann.yaml', new Set(['a.b.txt'])), { text: 'a.b.txt', annotator: 'salma' });
    assert.deepEqual(textOfSidecar('a.b.txt.ann.yaml', new Set(['a.b.txt'])), { text: 'a.b.txt' });
    assert.equal(recoveredFileName('a.txt.ann.yaml'), 'a.txt.recovered.ann.yaml');
  });
});
