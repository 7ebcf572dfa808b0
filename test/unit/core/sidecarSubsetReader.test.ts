import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CORE_SCHEMA, load } from 'js-yaml';
import { parse } from 'yaml';
import { readSidecarSubset } from '../../../src/core/sidecar/readSidecarSubset';
import { parseSidecar } from '../../../src/core/sidecar/parseSidecar';
import { serializeSidecar } from '../../../src/core/sidecar/serializeSidecar';
import type { Sidecar } from '../../../src/core/sidecar/sidecarTypes';
import type { Annotation } from '../../../src/core/model/annotation';

const ROOT = join(__dirname, '..', '..', '..');

function sidecarFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sidecarFiles(path);
    return name.endsWith('.ann.yaml') ? [path] : [];
  });
}

/** The reader's object must be the one both full parsers build, key order included. */
function assertSameAsFullParsers(text: string, where: string): void {
  const fast = readSidecarSubset(text);
  assert.ok(fast, `${where}: the subset reader declined a file Tawsim writes`);
  assert.deepStrictEqual(fast.value, load(text, { schema: CORE_SCHEMA }), `${where}: differs from js-yaml`);
  assert.deepStrictEqual(fast.value, parse(text), `${where}: differs from the yaml package`);
  assert.deepStrictEqual(Object.keys(fast.value as object), Object.keys(parse(text) as object));
}

// Strings a YAML writer must quote or write as blocks; each has to come back exactly.
const AWKWARD = [
  'yes',
  'No',
  'on',
  'y',
  'true',
  'False',
  'null',
  '~',
  '',
  ' ',
  '123',
  '-5',
  '0x1F',
  '0o17',
  '1_000',
  '1e3',
  '.5',
  '.inf',
  '.NaN',
  '2023-01-18',
  '2023-01-18T10:00:00Z',
  '12:30',
  '<<',
  '=',
  '- item',
  '? key',
  ': x',
  'a: b',
  'a #b',
  '#c',
  '&anchor',
  '*alias',
  '!tag',
  '|',
  '>',
  '[1]',
  '{a: 1}',
  '"q"',
  "'s'",
  '%d',
  '@x',
  '`x`',
  'tab\there',
  'bell\x07',
  'nel\u0085',
  'nbsp\u00a0x',
  'line\u2028sep',
  'back\\slash',
  'end:',
  ' lead',
  'trail ',
  '\nلبداية',
  'سطر\nسطر',
  'ends\n',
  'ends twice\n\n',
  ' \nفراغ',
  '\n\n',
  'ناصر بوريطة',
  'وزير 😀 👨‍👩‍👧',
  '18 يناير 2023',
  '٢٠٢٣',
  'المغرب: الرباط',
  '-ال',
  'x\r\ny',
];

function generated(): Sidecar {
  const annotations: Annotation[] = AWKWARD.map((s, i) => ({
    id: `t${i + 1}`,
    label: i % 2 ? 'PER' : 'DATE',
    start: i * 10,
    end: i * 10 + 6,
    text: s,
    status: i % 3 ? 'accepted' : 'suggested',
    source: 'manual',
    value: AWKWARD[(i + 7) % AWKWARD.length] as string,
    note: AWKWARD[(i + 13) % AWKWARD.length] as string,
    ...(i % 4 === 0 ? { review: { by: s || 'r', verdict: 'accepted' as const, at: '2023-01-18T10:00:00Z', from: [s, 'omar'] } } : {}),
    ...(i % 5 === 0 ? { orphan: true } : {}),
    ...(i % 3 === 0 ? { fragments: [[i * 10, i * 10 + 2] as const, [i * 10 + 4, i * 10 + 6] as const] } : {}),
    ...(i % 2 === 0 ? { attributes: { role: s, certainty: 'exact', الدور: 'وزير' } } : {}),
  }));
  return {
    tawsim: 2,
    document: { path: 'مجلد/خبر yes.txt', sha256: 'a'.repeat(64), length: 10_000, date: '2023-01-18' },
    annotator: 'سلمى',
    annotations,
    relations: AWKWARD.slice(1, 20).map((s, i) => ({
      id: `r${i + 1}`,
      type: 'met',
      from: `t${i + 1}`,
      to: `t${i + 2}`,
      status: 'accepted' as const,
      source: 'manual' as const,
      ...(i % 2 ? { note: s } : {}),
    })),
  };
}

describe('the sidecar subset reader', () => {
  it('reads every sidecar Tawsim wrote in the repository as the full parsers do', () => {
    const files = ['test/fixtures/eval', 'samples'].flatMap((d) => sidecarFiles(join(ROOT, d)));
    assert.ok(files.length >= 30, `only ${files.length} fixture sidecars found`);
    for (const file of files) assertSameAsFullParsers(readFileSync(file, 'utf8'), file);
  });

  it('agrees with the full parsers on every other fixture it accepts', () => {
    const files = sidecarFiles(join(ROOT, 'test'));
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      if (readSidecarSubset(text)) assertSameAsFullParsers(text, file);
    }
  });

  it('reads generated sidecars with every field and awkward strings, also with CRLF line ends', () => {
    const text = serializeSidecar(generated());
    assert.match(text, /\|2-/, 'the sample should include a literal block with an indentation indicator');
    assert.match(text, /"yes"/);
    assertSameAsFullParsers(text, 'generated');
    assertSameAsFullParsers(text.replace(/\n/g, '\r\n'), 'generated, CRLF');
    const small = generated();
    for (const s of AWKWARD) assertSameAsFullParsers(serializeSidecar({ ...small, annotator: s, annotations: small.annotations.slice(0, 3), relations: [] }), JSON.stringify(s));
  });

  it('keeps byte-identical round trips through parseSidecar', () => {
    const text = serializeSidecar(generated());
    const parsed = parseSidecar(text);
    assert.deepEqual(parsed.problems, []);
    assert.ok(parsed.sidecar);
    assert.equal(serializeSidecar(parsed.sidecar), text);
    assert.deepEqual(parsed.sidecar, parseSidecar(text + '# a comment sends it to the full parser\n').sidecar);
  });

  it('declines hand-edited YAML, which the full parser still reads', () => {
    const base = serializeSidecar(generated());
    const edits = [
      `# notes of the team\n${base}`,
      base.replace('annotator: سلمى', 'annotator: سلمى  # who'),
      base.replace('annotator: سلمى', 'annotator: "سلمى\n  الثانية"'),
      base.replace('annotator: سلمى', "annotator: 'سلمى'"),
      base.replace('    label: PER', '    label: PER\n'),
      base.replace('  length: 10000', '  length: 0x2710'),
      base.replace(/^document:\n {2}path: (.*)\n/m, 'document: {path: "$1",\n'),
      base.replace('  - id: t2\n', '  - &second\n    id: t2\n'),
      base.replace('annotator: سلمى', 'annotator: !!str سلمى'),
      base.replace('annotator: سلمى', 'annotator: >-\n  سلمى'),
      `%YAML 1.2\n---\n${base}`,
    ];
    for (const edited of edits) {
      if (edited === base) continue;
      const full = parseSidecar(edited);
      if (readSidecarSubset(edited) !== undefined) assertSameAsFullParsers(edited, edited.slice(0, 60));
      if (full.sidecar) assert.deepEqual(full.sidecar.annotations.length, AWKWARD.length);
    }
    // The outside-the-subset ones are declined, and parseSidecar still reads them whole.
    for (const edited of [edits[0], edits[1], edits[5], edits[9]] as string[]) {
      assert.equal(readSidecarSubset(edited), undefined, edited.slice(0, 60));
      assert.equal(parseSidecar(edited).sidecar?.annotations.length, AWKWARD.length);
    }
  });

  it('declines empty values, which YAML reads as null, and a lone blank final line', () => {
    const base = serializeSidecar(generated());
    for (const edited of [base.replace('annotator: سلمى', 'annotator: '), base.replace(/\n {2}- id: t2\n/, '\n  - \n    id: t2\n'), base + '\n', '\n']) {
      assert.equal(readSidecarSubset(edited), undefined, JSON.stringify(edited.slice(0, 60)));
    }
    assert.equal((load(base.replace('annotator: سلمى', 'annotator: '), { schema: CORE_SCHEMA }) as { annotator: unknown }).annotator, null);
  });

  it('reads the same object from a sidecar of many annotations whose short values repeat', () => {
    const one = generated();
    const many: Sidecar = {
      ...one,
      annotations: Array.from({ length: 4 }, (_, k) => one.annotations.map((a) => ({ ...a, id: `${a.id}_${k}`, start: a.start + k * 1000, end: a.end + k * 1000 }))).flat(),
    };
    assertSameAsFullParsers(serializeSidecar(many), 'many annotations');
  });

  it('declines duplicate keys and leaves the error to the full parser, with its line', () => {
    const text = serializeSidecar(generated()).replace('    label: PER', '    label: PER\n    label: LOC');
    assert.equal(readSidecarSubset(text), undefined);
    const parsed = parseSidecar(text);
    assert.equal(parsed.sidecar, undefined);
    assert.ok(
      parsed.problems.some((p) => p.severity === 'error' && (p.line ?? 0) > 1),
      JSON.stringify(parsed.problems),
    );
  });
});
