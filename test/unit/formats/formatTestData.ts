import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strict as assert } from 'node:assert';
import type { Annotation } from '../../../src/core/model/annotation';
import { DEFAULT_LABELS } from '../../../src/core/model/labels';
import type { ExportDocument, ExportOptions, FormatId, ImportOptions, ImportResult } from '../../../src/core/formats/formatTypes';
import { exportDocuments } from '../../../src/core/formats/exportFormat';
import { importFile } from '../../../src/core/formats/importFormat';

export const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'formats');

/** The hand-annotated sample: proclitics, harakat, an emoji before most spans, nesting, all statuses. */
export function sampleDocument(): ExportDocument {
  const text = readFileSync(join(FIXTURES, 'sample.txt'), 'utf8');
  const fx = JSON.parse(readFileSync(join(FIXTURES, 'sample.annotations.json'), 'utf8')) as {
    path: string;
    annotator: string;
    date: string;
    annotations: Annotation[];
  };
  return { path: fx.path, text, annotator: fx.annotator, date: fx.date, annotations: fx.annotations };
}

/** What survives a round trip, without ids and sources (imports renumber and mark `import`). */
export function essence(a: Annotation): string {
  return JSON.stringify([a.start, a.end, a.label, a.text, a.status, a.value ?? null, a.note ?? null]);
}

export function essences(list: readonly Annotation[]): string[] {
  return list.map(essence).sort();
}

/** Builds an annotation from code point offsets, taking the covered text from the document. */
export function span(text: string, start: number, end: number, label: string, extra: Partial<Annotation> = {}): Annotation {
  return {
    id: extra.id ?? `t${start}_${end}_${label}`,
    label,
    start,
    end,
    text: Array.from(text).slice(start, end).join(''),
    status: 'accepted',
    source: 'manual',
    ...extra,
  };
}

/** Exports, then imports every file the format reads back, against the same documents. */
export function roundTrip(format: FormatId, documents: readonly ExportDocument[], options: ExportOptions = {}, importOptions: ImportOptions = {}): ImportResult {
  const exported = exportDocuments(format, { documents, options });
  const readable = exported.files.filter((f) => f.relativePath.endsWith(readableExtension(format)));
  const perDocument = format === 'brat' || format === 'tawsim-json' || format === 'webanno';
  assert.equal(readable.length, perDocument ? documents.length : 1);
  const sources = documents.map((d) => ({ path: d.path, text: d.text }));
  const results = readable.map((f) => importFile(format, { content: f.content, fileName: f.relativePath, documents: sources, labels: DEFAULT_LABELS, options: importOptions }));
  return {
    documents: results.flatMap((r) => r.documents),
    errors: results.flatMap((r) => r.errors),
    warnings: results.flatMap((r) => r.warnings),
  };
}

export function readableExtension(format: FormatId): string {
  const extensions: Partial<Record<FormatId, string>> = {
    brat: '.ann',
    conll: '.conll',
    doccano: '.jsonl',
    labelstudio: '.json',
    csv: '.csv',
    'tawsim-json': '.tawsim.json',
    webanno: '.tsv',
    spacy: '.jsonl',
  };
  return extensions[format] ?? '';
}

/** Python's line ends, as brat splits its lines (restated here, not imported, so the test checks the code). */
// eslint-disable-next-line no-control-regex
const LINE_ENDS = /[\n\v\f\r\x1c-\x1e\x85\u2028\u2029]/u;

/**
 * What each format is expected to carry back of the given annotations. brat cannot mark a line
 * end at a span's edge (its T line would end there), so those come back trimmed, and a span of
 * nothing but line ends does not come back; its notes come back on one line.
 */
export function expectedAfter(format: FormatId, annotations: readonly Annotation[]): Annotation[] {
  const every = format === 'csv' || format === 'tawsim-json';
  const statuses = format === 'labelstudio' ? ['accepted', 'suggested'] : every ? ['accepted', 'suggested', 'rejected'] : ['accepted'];
  const keepExtras = format === 'labelstudio' || format === 'brat' || format === 'spacy' || every;
  const kept = annotations
    .filter((a) => statuses.includes(a.status) && !a.orphan)
    .map((a) => {
      const { value, note, ...rest } = a;
      return { ...rest, ...(keepExtras && value !== undefined ? { value } : {}), ...(keepExtras && note !== undefined ? { note } : {}) };
    });
  if (format !== 'brat') return kept;
  const seen = new Set<string>();
  // In the order the export writes them: of two spans that become one without their line ends, the first stays.
  const ordered = [...kept].sort(
    (a, b) => a.start - b.start || a.end - b.end || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0) || Number(a.id.slice(1)) - Number(b.id.slice(1)),
  );
  return ordered.flatMap((a) => {
    const cps = Array.from(a.text);
    let from = 0;
    let to = cps.length;
    while (from < to && LINE_ENDS.test(cps[from] as string)) from++;
    while (to > from && LINE_ENDS.test(cps[to - 1] as string)) to--;
    const key = `${a.start + from}:${a.start + to}:${a.label}`;
    // eslint-disable-next-line no-control-regex
    if (cps.slice(from, to).every((ch) => /[\s\x1c-\x1f\x85]/u.test(ch)) || seen.has(key)) return [];
    seen.add(key);
    // eslint-disable-next-line no-control-regex
    const note = a.note?.replace(/\r\n|[\n\v\f\r\x1c-\x1e\x85\u2028\u2029]/gu, ' ');
    // brat attribute values are one token without white space, | or ,: others are left out.
    const { value, ...rest } = a;
    // eslint-disable-next-line no-control-regex
    const keepValue = value !== undefined && !/[\s|,\x1c-\x1f\x85]/u.test(value);
    return [{ ...rest, start: a.start + from, end: a.start + to, text: cps.slice(from, to).join(''), ...(keepValue ? { value } : {}), ...(note !== undefined ? { note } : {}) }];
  });
}
