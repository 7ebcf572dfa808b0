import type { Annotation } from '../model/annotation';
import type { ExportRequest, ExportResult, ExportWarning, ImportRequest, ImportResult } from './formatTypes';
import { bundleName, leftOutWarning, noticeWarning, prepareDocument } from './exportSelection';
import { ImportCollector } from './importCollector';
import type { PendingDocument, Place } from './importCollector';
import type { OffsetUnit } from './offsetUnits';
import { OFFSET_UNIT_NAMES, OffsetConverter } from './offsetUnits';
import { isRecord, otherFields, parseJsonSafely } from './safeJson';
import { LABEL_ID_PATTERN } from '../model/labels';

/** What a doccano project must be set to for each unit, for the note an export writes. */
const PROJECT_SETTING: Readonly<Record<OffsetUnit, string>> = {
  utf16: 'import into a project with "Count grapheme clusters as one character" off (the default)',
  grapheme: 'import into a project with "Count grapheme clusters as one character" on',
  codePoint: "doccano's annotation screen counts UTF-16 units, so after the first such character the spans show shifted there",
};

/**
 * doccano sequence-labelling JSONL: one document per line, `{"text": …, "label": [[start, end,
 * "LABEL"], …], "path": …}`. The `path` field is metadata doccano keeps, so a re-import finds the
 * document again.
 *
 * Offsets are in the unit doccano's annotation screen counts: UTF-16 code units by default, or
 * grapheme clusters for projects set to "count grapheme clusters as one character" (doccano
 * issues 2290 and 2484); code points on request. A text where the units differ (emoji, flags,
 * harakat for grapheme clusters) gets a note naming the project setting the file needs. A span
 * that does not start and end on a grapheme cluster is widened to whole clusters, and said so.
 *
 * doccano keeps overlapping spans only in projects that allow them (its import keeps the first of
 * overlapping spans otherwise): those are written and named in a note. doccano refuses a record
 * with an empty text, so such documents are left out. doccano spans have no status, value or
 * note: only accepted spans are written, and values and notes are reported as left out.
 *
 * A document with relations is written in the form of doccano's relation projects ("Use relation
 * labeling"): `entities` objects with ids (`{id, label, start_offset, end_offset}`) and
 * `relations` (`{id, from_id, to_id, type}`), the whole file in that form so one project reads it.
 */
export function exportDoccano(request: ExportRequest): ExportResult {
  const unit = request.options?.doccano?.offsets ?? 'utf16';
  const warnings: ExportWarning[] = [];
  const lines: string[] = [];
  const withRelations = request.documents.some((d) => (d.relations?.length ?? 0) > 0);
  for (const doc of request.documents) {
    const prepared = prepareDocument(doc, ['accepted'], { relations: true });
    warnings.push(...prepared.warnings);
    if (doc.text === '') {
      warnings.push({ path: doc.path, message: `${doc.path}: left out: doccano refuses a record with an empty text`, annotations: [] });
      continue;
    }
    const units = new OffsetConverter(doc.text, unit);
    const widened: Annotation[] = [];
    const label = prepared.annotations.map((a) => {
      const start = prepared.index.toUtf16(a.start);
      const end = prepared.index.toUtf16(a.end);
      const span = units.widen(start, end);
      if (units.toUtf16(span.start) !== start || units.toUtf16(span.end) !== end) widened.push(a);
      return [span.start, span.end, a.label];
    });
    if (widened.length) warnings.push(leftOutWarning(doc.path, `spans inside a grapheme cluster widened to whole clusters (doccano counts ${OFFSET_UNIT_NAMES[unit]})`, widened));
    const overlapping = droppedByDoccano(prepared.annotations);
    if (overlapping.length) warnings.push(noticeWarning(doc.path, 'overlapping spans: doccano keeps them only in a project with "Allow overlapping spans" on', overlapping));
    if (unitsDiffer(doc.text))
      warnings.push(noticeWarning(doc.path, `offsets are ${OFFSET_UNIT_NAMES[unit]} and this text has characters the units count differently: ${PROJECT_SETTING[unit]}`));
    const withValues = prepared.annotations.filter((a) => a.value !== undefined);
    const withNotes = prepared.annotations.filter((a) => a.note !== undefined);
    if (withValues.length) warnings.push(leftOutWarning(doc.path, 'values left out (doccano spans have no value)', withValues));
    if (withNotes.length) warnings.push(leftOutWarning(doc.path, 'notes left out (doccano spans have no note)', withNotes));
    if (!withRelations) {
      lines.push(JSON.stringify({ text: doc.text, label, path: doc.path }));
      continue;
    }
    const entityId = new Map(prepared.annotations.map((a, i) => [a.id, i + 1]));
    const entities = label.map(([start, end, l], i) => ({ id: i + 1, label: l, start_offset: start, end_offset: end }));
    const relations = prepared.relations.map((r, i) => ({ id: i + 1, from_id: entityId.get(r.from), to_id: entityId.get(r.to), type: r.type }));
    if (relations.length) warnings.push(noticeWarning(doc.path, 'relations written: import into a sequence labelling project with "Use relation labeling" on'));
    lines.push(JSON.stringify({ text: doc.text, entities, relations, path: doc.path }));
  }
  return { files: [{ relativePath: bundleName(request.documents, request.options?.fileName, '.jsonl'), content: lines.map((l) => `${l}\n`).join('') }], warnings };
}

/**
 * The spans doccano's import drops from a project that does not allow overlaps: it sorts by start
 * (keeping file order on ties) and keeps a span only when it starts at or after the end of the
 * last one kept.
 */
export function droppedByDoccano<T extends { readonly start: number; readonly end: number }>(spans: readonly T[]): T[] {
  const dropped: T[] = [];
  let last = -1;
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    if (s.start >= last) last = s.end;
    else dropped.push(s);
  }
  return dropped;
}

/**
 * Whether code points, UTF-16 units and grapheme clusters disagree somewhere in the text: a
 * surrogate pair (two UTF-16 units) or a character that joins the cluster before it (a mark such
 * as a haraka, ZWNJ, ZWJ, the LF of CR LF, Hangul jamo). A regular expression rather than a
 * segmentation, since it runs on every document of an export.
 */
function unitsDiffer(text: string): boolean {
  return /[\p{M}\u1100-\u11ff\u{10000}-\u{10ffff}]|\u200c|\u200d|\r\n/u.test(text);
}

/**
 * Reads doccano JSONL as doccano's own import does: spans as `label` items (`[start, end, "LABEL"]`,
 * extra items such as a score ignored, or objects `{start_offset, end_offset, label}`) or as
 * `entities` objects. Offsets in `offsets` units (UTF-16 by default, what doccano's screen makes).
 * Each record's text must equal its document's; other fields (id, metadata) are kept on the
 * imported document. Relations (`{from_id, to_id, type}` between `entities` ids) are imported;
 * a record with an empty text (which doccano never exports) is skipped with a warning.
 */
export function importDoccano(request: ImportRequest): ImportResult {
  const c = new ImportCollector(request);
  if (!c.checkSize()) return c.result();
  const unit = request.options?.doccano?.offsets ?? 'utf16';
  const empty: number[] = [];
  const lines = request.content.replace(/^\ufeff/, '').split('\n');
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    const parsed = parseJsonSafely(raw);
    if (!parsed.ok) {
      c.error({ line }, parsed.message);
      return;
    }
    const record = parsed.value;
    if (!isRecord(record) || typeof record['text'] !== 'string') {
      c.error({ line }, 'each line must be a JSON object with a "text" string');
      return;
    }
    if (record['label'] === undefined && record['entities'] === undefined && Array.isArray(record['spans'])) {
      c.error({ line }, 'this record has "spans" but no "label" or "entities": it looks like spaCy or Prodigy JSONL; import it with --format spacy');
      return;
    }
    if (record['text'] === '') {
      empty.push(line);
      return;
    }
    const path = record['path'];
    if (path !== undefined && typeof path !== 'string') {
      c.error({ line }, '"path" must be a string');
      return;
    }
    const doc = c.documentForRecord(record['text'], path, { line });
    if (!doc) return;
    const target = c.open(doc, { fields: otherFields(record, ['text', 'label', 'entities', 'relations', 'path']) });
    readSpans(c, target, record['label'], 'label', line, unit);
    const ids = readSpans(c, target, record['entities'], 'entities', line, unit);
    readRelations(c, target, record['relations'], ids, line);
  });
  if (empty.length > 0) c.warn(`records with an empty text skipped (doccano refuses them): line ${empty.join(', ')}`);
  return c.result();
}

/** `relations: [{id, from_id, to_id, type}]` between the record's entity ids. */
function readRelations(c: ImportCollector, target: PendingDocument, list: unknown, ids: ReadonlyMap<unknown, number>, line: number): void {
  if (list === undefined) return;
  if (!Array.isArray(list)) return void c.error({ line }, '"relations" must be a list of {from_id, to_id, type}');
  list.forEach((r: unknown, j) => {
    const place: Place = { line, where: `relations[${j}]` };
    if (!isRecord(r)) return void c.error(place, `relations[${j}] must be {from_id, to_id, type}`);
    const from = ids.get(r['from_id']);
    const to = ids.get(r['to_id']);
    if (from === undefined || to === undefined) {
      return void c.error(
        place,
        `relations[${j}] joins ${JSON.stringify(r['from_id'])} to ${JSON.stringify(r['to_id'])}, and the record has no entity with ${from === undefined ? 'the first' : 'the second'} id`,
      );
    }
    const type = r['type'];
    if (typeof type !== 'string' || !LABEL_ID_PATTERN.test(type))
      return void c.error(place, `relations[${j}].type ${JSON.stringify(type)} cannot be a Tawsim relation type (a letter, then letters, digits, _ or -)`);
    c.relate(target, { type, from, to });
  });
}

/** Reads the spans; returns the index of each entity kept, by its `id`, for relations. */
function readSpans(c: ImportCollector, target: PendingDocument, list: unknown, key: 'label' | 'entities', line: number, unit: OffsetUnit): Map<unknown, number> {
  const ids = new Map<unknown, number>();
  if (list === undefined) return ids;
  if (!Array.isArray(list)) {
    c.error({ line }, `"${key}" must be a list of [start, end, "LABEL"] or {start_offset, end_offset, label}`);
    return ids;
  }
  list.forEach((span: unknown, j) => {
    const place: Place = { line, where: `${key}[${j}]` };
    if (Array.isArray(span) && span.length >= 3) {
      c.addSpan(target, { start: span[0], end: span[1], label: span[2] }, place, unit);
    } else if (isRecord(span)) {
      const index = c.addSpan(target, { start: span['start_offset'], end: span['end_offset'], label: span['label'] }, place, unit);
      if (index !== undefined && (typeof span['id'] === 'number' || typeof span['id'] === 'string')) ids.set(span['id'], index);
    } else {
      c.error(place, `${key}[${j}] must be [start, end, "LABEL"] or {start_offset, end_offset, label}`);
    }
  });
  return ids;
}
