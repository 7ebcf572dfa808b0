import { strict as assert } from 'node:assert';
import { parseSidecar } from '../../../src/core/sidecar/parseSidecar';
import { serializeSidecar } from '../../../src/core/sidecar/serializeSidecar';
import type { Sidecar } from '../../../src/core/sidecar/sidecarTypes';
import { SIDECAR_VERSION } from '../../../src/core/sidecar/sidecarTypes';
import { sha256Hex } from '../../../src/core/sidecar/hash';
import { buildSidecar, placeSidecarAnnotations } from '../../../src/core/sidecar/documentAnnotations';
import { DEFAULT_PROJECT_SCHEMA } from '../../../src/core/model/projectSchema';
import { FRAGMENT_SEPARATOR } from '../../../src/core/model/fragments';

// Written for these tests: "the foreign minister met, on Monday, Nasser in Rabat".
const TEXT = 'التقى وزير الخارجية يوم الاثنين ناصر في الرباط';
const at = (quote: string, from = 0): [number, number] => {
  const s = TEXT.indexOf(quote, from);
  return [s, s + quote.length];
};
const [minS, minE] = at('وزير الخارجية');
const [nasS, nasE] = at('ناصر');
const [ratS, ratE] = at('الرباط');
const [minsS, minsE] = at('الخارجية');

const v2: Sidecar = {
  tawsim: 2,
  document: { path: 'a.txt', sha256: sha256Hex(TEXT), length: TEXT.length },
  annotator: 'salma',
  annotations: [
    {
      id: 't1',
      label: 'PER',
      start: minS,
      end: nasE,
      text: `وزير الخارجية${FRAGMENT_SEPARATOR}ناصر`,
      status: 'accepted',
      source: 'manual',
      fragments: [
        [minS, minE],
        [nasS, nasE],
      ],
      attributes: { role: 'وزير' },
    },
    { id: 't2', label: 'LOC', start: ratS, end: ratE, text: 'الرباط', status: 'accepted', source: 'manual' },
    { id: 't3', label: 'ORG', start: minsS, end: minsE, text: 'الخارجية', status: 'accepted', source: 'manual' },
  ],
  relations: [
    { id: 'r2', type: 'located_in', from: 't3', to: 't2', status: 'suggested', source: 'rules' },
    { id: 'r1', type: 'member_of', from: 't1', to: 't3', status: 'accepted', source: 'manual', note: 'في الخبر' },
  ],
};

const v1: Sidecar = { tawsim: 1, document: v2.document, annotator: v2.annotator, annotations: [v2.annotations[1] as Sidecar['annotations'][number]] };

function problems(yaml: string): string[] {
  return parseSidecar(yaml, { schema: DEFAULT_PROJECT_SCHEMA }).problems.map((p) => `${p.line}:${p.severity}:${p.path ?? ''}:${p.message}`);
}

describe('sidecar schema 2: relations, fragments, attributes', () => {
  it('writes, reads and writes again with identical bytes', () => {
    const first = serializeSidecar(v2);
    assert.match(first, /^tawsim: 2\n/);
    assert.match(first, /\nrelations:\n {2}- id: r1\n {4}type: member_of\n {4}from: t1\n {4}to: t3\n {4}status: accepted\n {4}source: manual\n {4}note: في الخبر\n {2}- id: r2\n/);
    assert.match(first, /\n {4}fragments:\n {6}- - \d+\n/);
    assert.match(first, /\n {4}attributes:\n {6}role: وزير\n/);
    const parsed = parseSidecar(first, { schema: DEFAULT_PROJECT_SCHEMA });
    assert.deepEqual(parsed.problems, []);
    assert.equal(parsed.writable, true);
    assert.deepEqual(parsed.sidecar, { ...v2, annotations: [v2.annotations[0], v2.annotations[2], v2.annotations[1]], relations: [v2.relations?.[1], v2.relations?.[0]] });
    assert.equal(serializeSidecar(parsed.sidecar as Sidecar), first);
  });

  it('keeps a version-1 file at version 1 until something needs version 2', () => {
    const text = serializeSidecar(v1);
    assert.match(text, /^tawsim: 1\n/);
    assert.doesNotMatch(text, /relations/);
    const back = parseSidecar(text).sidecar as Sidecar;
    assert.equal(serializeSidecar(back), text);
    // One relation (or fragment, or attribute) upgrades it.
    assert.match(serializeSidecar({ ...back, annotations: v2.annotations, relations: v2.relations }), /^tawsim: 2\n/);
    assert.match(serializeSidecar({ ...back, annotations: [{ ...(back.annotations[0] as Sidecar['annotations'][number]), attributes: { x: 'y' } }] }), /^tawsim: 2\n/);
  });

  it('a version-2 file with nothing of version 2 stays version 2', () => {
    const text = serializeSidecar({ ...v1, tawsim: 2 });
    assert.match(text, /^tawsim: 2\n/);
    assert.equal(serializeSidecar(parseSidecar(text).sidecar as Sidecar), text);
  });

  it('refuses a newer schema as a version-1 reader refuses version 2: read-only, file untouched', () => {
    const text = serializeSidecar(v2).replace(/^tawsim: 2/, `tawsim: ${SIDECAR_VERSION + 1}`);
    const parsed = parseSidecar(text);
    assert.equal(parsed.sidecar, undefined);
    assert.equal(parsed.writable, false);
    assert.match(parsed.problems[0]?.message ?? '', /schema version 3, newer than this version of Tawsim reads \(2\)/);
    assert.equal(parsed.problems[0]?.line, 1);
  });

  it('refuses schema-2 keys in a file that says version 1, on their line', () => {
    const text = serializeSidecar(v2).replace(/^tawsim: 2/, 'tawsim: 1');
    const found = problems(text);
    assert.ok(
      found.some((p) => /^\d+:error:relations:"relations" belongs to sidecar schema 2/.test(p)),
      found.join('\n'),
    );
    assert.ok(
      found.some((p) => /:error:annotations\[0\]\.fragments:"fragments" belongs to sidecar schema 2/.test(p)),
      found.join('\n'),
    );
  });

  it('names the file line and key of a relation to an unknown annotation', () => {
    const text = serializeSidecar(v2).replace('to: t3', 'to: t9');
    const found = problems(text);
    const line = text.split('\n').findIndex((l) => l.includes('to: t9')) + 1;
    assert.deepEqual(
      found.filter((p) => p.includes('t9')),
      [`${line}:error:relations[0].to:"to" names "t9", which is no annotation of this file`],
    );
    assert.equal(parseSidecar(text).writable, false);
  });

  it('warns of a self-relation where the type forbids it, and of a type joining the wrong labels', () => {
    const self = serializeSidecar({ ...v2, relations: [{ id: 'r1', type: 'met', from: 't1', to: 't1', status: 'accepted', source: 'manual' }] });
    assert.ok(problems(self).some((p) => /:warning:relations\[0\]\.to:"met" does not relate an annotation to itself/.test(p)));
    assert.ok(parseSidecar(self).sidecar, 'kept: the settings may be what changed');
    const wrong = serializeSidecar({ ...v2, relations: [{ id: 'r1', type: 'member_of', from: 't2', to: 't1', status: 'accepted', source: 'manual' }] });
    assert.ok(problems(wrong).some((p) => /:warning:relations\[0\]\.type:"member_of" joins PER to ORG, not LOC to PER/.test(p)));
  });

  it('refuses fragments out of order, overlapping, past the end or not covered by start and end', () => {
    const yaml = serializeSidecar(v2);
    const swap = yaml.replace(/fragments:\n {6}- - (\d+)\n {8}- (\d+)\n {6}- - (\d+)\n {8}- (\d+)/, 'fragments:\n      - - $3\n        - $4\n      - - $1\n        - $2');
    assert.ok(problems(swap).some((p) => /:error:annotations\[0\]\.fragments:"fragments": fragment 2 .* starts before the previous one ends/.test(p)));
    const past = serializeSidecar({
      ...v2,
      annotations: [
        {
          ...(v2.annotations[0] as Sidecar['annotations'][number]),
          end: TEXT.length + 5,
          fragments: [
            [minS, minE],
            [nasS, TEXT.length + 5],
          ],
        },
        ...v2.annotations.slice(1),
      ],
    });
    assert.ok(problems(past).some((p) => /fragment 2 .* is past the end of the text/.test(p)));
    const uncovered = yaml.replace(`end: ${nasE}\n`, `end: ${nasE + 1}\n`);
    assert.ok(problems(uncovered).some((p) => /must cover the fragments exactly/.test(p)));
  });

  it('warns of an attribute value outside its declared set, and keeps it', () => {
    const date: Sidecar = {
      ...v2,
      annotations: [{ id: 't1', label: 'DATE', start: 0, end: 5, text: 'التقى', status: 'accepted', source: 'manual', attributes: { certainty: 'maybe' } }],
      relations: [],
    };
    const text = serializeSidecar(date);
    const line = text.split('\n').findIndex((l) => l.includes('certainty: maybe')) + 1;
    assert.deepEqual(problems(text), [`${line}:warning:annotations[0].attributes.certainty:"maybe" is not a value of "certainty" (certain, approximate, uncertain); it is kept`]);
    assert.deepEqual(parseSidecar(text).sidecar?.annotations[0]?.attributes, { certainty: 'maybe' });
  });

  it('places fragments on the text in UTF-16 and writes them back in code points, with the joined quote', () => {
    const text = `😀${TEXT}`;
    const shifted: Sidecar = {
      ...v2,
      document: { ...v2.document, sha256: sha256Hex(text), length: TEXT.length + 1 },
      annotations: v2.annotations.map((a) => ({
        ...a,
        start: a.start + 1,
        end: a.end + 1,
        ...(a.fragments ? { fragments: a.fragments.map(([s, e]) => [s + 1, e + 1] as const) } : {}),
      })),
    };
    const placed = placeSidecarAnnotations(shifted, text);
    assert.equal(placed.orphans, 0);
    const frag = placed.annotations.find((a) => a.id === 't1');
    assert.deepEqual(frag?.fragments, [
      [minS + 2, minE + 2],
      [nasS + 2, nasE + 2],
    ]);
    const built = buildSidecar({ path: 'a.txt', annotator: 'salma' }, text, placed.annotations, [], shifted.relations);
    assert.equal(serializeSidecar(built), serializeSidecar(shifted));
  });

  it('keeps a discontinuous span whose text changed as an orphan, never dropped', () => {
    const changed = TEXT.replace('ناصر', 'سمير');
    const placed = placeSidecarAnnotations(v2, changed);
    const t1 = placed.annotations.find((a) => a.id === 't1');
    assert.equal(t1?.orphan, true);
    assert.equal(placed.orphans, 1);
    const rebuilt = buildSidecar({ path: 'a.txt', annotator: 'salma' }, changed, [], [t1 as Sidecar['annotations'][number]], v2.relations);
    const again = parseSidecar(serializeSidecar({ ...rebuilt, annotations: [...rebuilt.annotations, ...v2.annotations.slice(1)] }));
    assert.deepEqual(again.problems, []);
  });
});
