import { strict as assert } from 'node:assert';
import { checkTimeml } from './timemlSchema';
import fc from 'fast-check';
import type { Annotation, AnnotationStatus } from '../../../src/core/model/annotation';
import { DEFAULT_LABELS } from '../../../src/core/model/labels';
import { CodePointIndex } from '../../../src/core/model/offsets';
import { tokenize } from '../../../src/core/model/tokens';
import type { ExportDocument } from '../../../src/core/formats/formatTypes';
import { exportDocuments } from '../../../src/core/formats/exportFormat';
import { essences, expectedAfter, roundTrip } from './formatTestData';
import { readRfc4180 } from './conformance/csvRules';
import { bratProblems } from './conformance/bratRules';
import { readLikeInception } from './conformance/webannoRules';
import { prodigyProblems } from './conformance/prodigyRules';
import { labelStudioProblems } from './conformance/labelStudioRules';

/** Pieces of Arabic news text that stress offsets: harakat, tatweel, clitics, astral emoji, CRLF, XML and CSV specials. */
const PIECES = [
  'ا',
  'ب',
  'ت',
  'ج',
  'ح',
  'د',
  'ر',
  'س',
  'ع',
  'ف',
  'ق',
  'ك',
  'ل',
  'م',
  'ن',
  'ه',
  'و',
  'ي',
  'ة',
  'ى',
  'أ',
  'إ',
  'آ',
  'َ',
  'ُ',
  'ِ',
  'ّ',
  'ْ',
  'ً',
  'ـ',
  'ال',
  'وبال',
  'لل',
  'الرباط',
  ' ',
  ' ',
  ' ',
  '\r\n',
  '\n',
  '\t',
  '😀',
  '👍🏽',
  '🇲🇦',
  '،',
  '.',
  '؟',
  '!',
  '…',
  '١٢',
  '2021',
  ':',
  '"',
  '&',
  '<',
  ',',
  '=',
  '-',
];

const textArb = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 60 }).map((p) => p.join(''));
const labelArb = fc.constantFrom(...DEFAULT_LABELS.map((l) => l.id));
const statusArb = fc.constantFrom<AnnotationStatus>('accepted', 'accepted', 'suggested', 'rejected');
const valueArb = fc.option(fc.constantFrom('2021-11-24', '2021-W47', 'PRESENT_REF', '2021-11-24T10:30', 'XXXX-01-03'), { nil: undefined });
const noteArb = fc.option(
  fc.array(fc.constantFrom('ملاحظة', ' ', '،', '"', ',', '😀', '=', 'x'), { minLength: 1, maxLength: 6 }).map((p) => p.join('')),
  { nil: undefined },
);

/** Random spans over a text, in code points, unique by span, label and status. */
function annotationsArb(text: string): fc.Arbitrary<Annotation[]> {
  const cps = Array.from(text);
  const n = cps.length;
  if (n === 0) return fc.constant([]);
  const one = fc
    .tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 1, max: Math.min(n, 12) }), labelArb, statusArb, valueArb, noteArb)
    .map(([start, len, label, status, value, note]) => {
      const end = Math.min(n, start + len);
      return { label, start, end, text: cps.slice(start, end).join(''), status, source: 'manual' as const, ...(value ? { value } : {}), ...(note ? { note } : {}) };
    });
  return fc.array(one, { maxLength: 10 }).map((list) => {
    const seen = new Set<string>();
    return list
      .filter((a) => {
        const key = `${a.start}:${a.end}:${a.label}:${a.status}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      })
      .map((a, i) => ({ ...a, id: `t${i + 1}` }));
  });
}

const documentsArb: fc.Arbitrary<ExportDocument[]> = fc
  .array(textArb, { minLength: 1, maxLength: 3 })
  .chain((texts) => fc.tuple(...texts.map((t) => annotationsArb(t).map((annotations) => ({ text: t, annotations })))))
  .map((docs) => docs.map((d, i) => ({ path: `d${i}/doc${i}.txt`, ...d })));

describe('format round trips on random Arabic, emoji and CRLF texts (property)', () => {
  for (const format of ['brat', 'doccano', 'labelstudio', 'csv', 'tawsim-json', 'spacy'] as const) {
    it(`${format}: export then import gives back what the format holds`, () => {
      fc.assert(
        fc.property(documentsArb, (docs) => {
          const result = roundTrip(format, docs);
          assert.deepEqual(result.errors, []);
          for (const d of docs) {
            const back = result.documents.find((r) => r.path === d.path)?.annotations ?? [];
            assert.deepEqual(essences(back), essences(expectedAfter(format, d.annotations)));
          }
        }),
        { numRuns: Number(process.env['TAWSIM_PROPERTY_RUNS'] ?? 150) },
      );
    });
  }

  it("brat, Label Studio, WebAnno TSV and Prodigy files pass their readers' rules", () => {
    fc.assert(
      fc.property(documentsArb, (docs) => {
        const brat = exportDocuments('brat', { documents: docs });
        const conf = brat.files.find((f) => f.relativePath === 'annotation.conf')?.content ?? '';
        for (const d of docs) {
          const ann = brat.files.find((f) => f.relativePath === d.path.replace(/\.txt$/, '.ann'))?.content ?? '';
          assert.deepEqual(bratProblems(ann, d.text, conf), [], d.path);
        }
        const ls = exportDocuments('labelstudio', { documents: docs }).files;
        assert.deepEqual(labelStudioProblems(ls[0]?.content ?? '', ls[1]?.content ?? ''), []);
        for (const f of exportDocuments('webanno', { documents: docs }).files) assert.deepEqual(readLikeInception(f.content).problems, [], f.relativePath);
        assert.deepEqual(prodigyProblems(exportDocuments('spacy', { documents: docs }).files[0]?.content ?? ''), []);
      }),
      { numRuns: Number(process.env['TAWSIM_PROPERTY_RUNS'] ?? 150) },
    );
  });

  it('conll: token-aligned flat spans come back in IOB2 and BIOES, proclitics split or not', () => {
    const conllDocs = fc
      .array(fc.tuple(textArb, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 3 }), labelArb), { maxLength: 6 })), { minLength: 1, maxLength: 3 })
      .chain((docs) => fc.tuple(fc.constant(docs), fc.constantFrom('IOB2' as const, 'BIOES' as const), fc.boolean()));
    fc.assert(
      fc.property(conllDocs, ([raw, scheme, splitProclitics]) => {
        const docs: ExportDocument[] = raw.map(([text, picks], i) => {
          const tokens = tokenize(text, { splitProclitics });
          const index = new CodePointIndex(text);
          const taken = new Array<boolean>(tokens.length).fill(false);
          const annotations: Annotation[] = [];
          for (const [at, len, label] of picks) {
            if (tokens.length === 0) break;
            const first = at % tokens.length;
            const last = Math.min(tokens.length - 1, first + len - 1);
            if (taken.slice(first, last + 1).some(Boolean)) continue;
            taken.fill(true, first, last + 1);
            const start = index.toCodePoint(tokens[first]?.start ?? 0);
            const end = index.toCodePoint(tokens[last]?.end ?? 0);
            annotations.push({ id: `t${annotations.length + 1}`, label, start, end, text: Array.from(text).slice(start, end).join(''), status: 'accepted', source: 'manual' });
          }
          return { path: `doc${i}.txt`, text, annotations };
        });
        const result = roundTrip('conll', docs, { conll: { scheme, splitProclitics } }, { conll: { scheme } });
        assert.deepEqual(result.errors, []);
        for (const d of docs) {
          const back = result.documents.find((r) => r.path === d.path)?.annotations ?? [];
          assert.deepEqual(essences(back), essences(d.annotations));
        }
      }),
      { numRuns: Number(process.env['TAWSIM_PROPERTY_RUNS'] ?? 150) },
    );
  });

  it('timeml: the schema accepts the file, its text is the document, every kept span is one TIMEX3 and every other one is listed', () => {
    fc.assert(
      fc.property(documentsArb, (docs) => {
        const result = exportDocuments('timeml', { documents: docs });
        docs.forEach((d, i) => {
          const xml = result.files[i]?.content ?? '';
          const check = checkTimeml(xml);
          assert.deepEqual(check.problems, []);
          assert.equal(check.text, d.text);
          assert.ok(!/\r/.test(xml), 'a raw CR would be folded by XML parsers');
          const temporal = d.annotations.filter((a) => a.status === 'accepted' && (a.label === 'DATE' || a.label === 'TIME'));
          const leftOut = result.warnings
            .filter((w) => w.path === d.path && /overlapping temporal|TIME spans with no readable value/.test(w.message))
            .flatMap((w) => w.annotations);
          assert.equal(check.timexes.filter((t) => t.text !== undefined && t.attributes['functionInDocument'] === undefined).length, temporal.length - leftOut.length);
        });
      }),
      { numRuns: Number(process.env['TAWSIM_PROPERTY_RUNS'] ?? 150) },
    );
  });

  it('csv: an RFC 4180 reader gets every field back (formula guard off)', () => {
    fc.assert(
      fc.property(documentsArb, (docs) => {
        const csv = exportDocuments('csv', { documents: docs, options: { csv: { formulaGuard: false } } }).files[0]?.content ?? '';
        const { rows, problems } = readRfc4180(csv);
        assert.deepEqual(problems, []);
        const expected = docs.flatMap((d) =>
          [...d.annotations]
            .sort((a, b) => a.start - b.start || a.end - b.end || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0) || Number(a.id.slice(1)) - Number(b.id.slice(1)))
            .map((a) => [d.path, String(a.start), String(a.end), a.label, a.text, a.value ?? '', a.note ?? '', '', a.status, a.source]),
        );
        assert.deepEqual(rows, [['file', 'start', 'end', 'label', 'text', 'value', 'note', 'annotator', 'status', 'source'], ...expected]);
      }),
      { numRuns: Number(process.env['TAWSIM_PROPERTY_RUNS'] ?? 150) },
    );
  });
});
