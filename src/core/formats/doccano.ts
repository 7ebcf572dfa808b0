import type { ExportRequest, ExportResult, ExportWarning, ImportRequest, ImportResult } from './formatTypes';
import { bundleName, leftOutWarning, prepareDocument } from './exportSelection';
import { ImportCollector } from './importCollector';
import { isRecord, otherFields, parseJsonSafely } from './safeJson';

/**
 * doccano sequence-labelling JSONL: one document per line, `{"text": …, "label": [[start, end,
 * "LABEL"], …]}` with code point offsets (doccano is Python and counts as Python does). The
 * document path goes in a `path` field, which doccano keeps as metadata, so a re-import finds the
 * document again. doccano spans have no status, value or note: only accepted spans are written,
 * and values and notes are reported as left out.
 */
export function exportDoccano(request: ExportRequest): ExportResult {
  const warnings: ExportWarning[] = [];
  const lines: string[] = [];
  for (const doc of request.documents) {
    const prepared = prepareDocument(doc, ['accepted']);
    warnings.push(...prepared.warnings);
    const withValues = prepared.annotations.filter((a) => a.value !== undefined);
    const withNotes = prepared.annotations.filter((a) => a.note !== undefined);
    if (withValues.length) warnings.push(leftOutWarning(doc.path, 'values left out (doccano spans have no value)', withValues));
    if (withNotes.length) warnings.push(leftOutWarning(doc.path, 'notes left out (doccano spans have no note)', withNotes));
    const label = prepared.annotations.map((a) => [a.start, a.end, a.label]);
    lines.push(JSON.stringify({ text: doc.text, label, path: doc.path }));
  }
  return { files: [{ relativePath: bundleName(request.documents, request.options?.fileName, '.jsonl'), content: lines.map((l) => `${l}\n`).join('') }], warnings };
}

/**
 * Reads doccano JSONL: spans as `label: [[start, end, "LABEL"], …]` (doccano 1.x) or
 * `entities: [{start_offset, end_offset, label}, …]` (later versions). Each record's text must
 * equal its document's; other fields (id, metadata) are kept on the imported document.
 */
export function importDoccano(request: ImportRequest): ImportResult {
  const c = new ImportCollector(request);
  if (!c.checkSize()) return c.result();
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
    const path = record['path'];
    if (path !== undefined && typeof path !== 'string') {
      c.error({ line }, '"path" must be a string');
      return;
    }
    const doc = c.documentForRecord(record['text'], path, { line });
    if (!doc) return;
    c.open(doc, otherFields(record, ['text', 'label', 'entities', 'path']));
    const label = record['label'];
    const entities = record['entities'];
    if (label !== undefined) {
      if (!Array.isArray(label)) {
        c.error({ line }, '"label" must be a list of [start, end, "LABEL"]');
        return;
      }
      label.forEach((span: unknown, j) => {
        if (!Array.isArray(span) || span.length !== 3) {
          c.error({ line, where: `label[${j}]` }, `label[${j}] must be [start, end, "LABEL"]`);
          return;
        }
        c.addSpan(doc, { start: span[0], end: span[1], label: span[2] }, { line });
      });
    }
    if (entities !== undefined) {
      if (!Array.isArray(entities)) {
        c.error({ line }, '"entities" must be a list of {start_offset, end_offset, label}');
        return;
      }
      entities.forEach((e: unknown, j) => {
        if (!isRecord(e)) {
          c.error({ line }, `entities[${j}] must be an object {start_offset, end_offset, label}`);
          return;
        }
        c.addSpan(doc, { start: e['start_offset'], end: e['end_offset'], label: e['label'] }, { line });
      });
    }
  });
  return c.result();
}
