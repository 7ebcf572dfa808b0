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
  assert.equal(readable.length, format === 'brat' ? documents.length : 1);
  const sources = documents.map((d) => ({ path: d.path, text: d.text }));
  const results = readable.map((f) => importFile(format, { content: f.content, fileName: f.relativePath, documents: sources, labels: DEFAULT_LABELS, options: importOptions }));
  return {
    documents: results.flatMap((r) => r.documents),
    errors: results.flatMap((r) => r.errors),
    warnings: results.flatMap((r) => r.warnings),
  };
}

function readableExtension(format: FormatId): string {
  return { brat: '.ann', conll: '.conll', doccano: '.jsonl', labelstudio: '.json' }[format as 'brat'] ?? '';
}

/** What each format is expected to carry back of the given annotations. */
export function expectedAfter(format: FormatId, annotations: readonly Annotation[]): Annotation[] {
  const statuses = format === 'labelstudio' ? ['accepted', 'suggested'] : ['accepted'];
  return annotations
    .filter((a) => statuses.includes(a.status) && !a.orphan)
    .map((a) => {
      const keepExtras = format === 'labelstudio' || format === 'brat';
      const { value, note, ...rest } = a;
      return { ...rest, ...(keepExtras && value !== undefined ? { value } : {}), ...(keepExtras && note !== undefined ? { note } : {}) };
    });
}
