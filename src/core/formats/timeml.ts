import { TEMPORAL_LABELS } from '../model/labels';
import type { Annotation } from '../model/annotation';
import type { ExportRequest, ExportResult, ExportWarning, ExportedFile } from './formatTypes';
import { leftOutWarning, prepareDocument, withoutOverlaps } from './exportSelection';

/**
 * TimeML (TimeBank / TempEval style), one `.tml` file per document: `<TimeML>` holding an
 * optional `<DCT>` (the document date) and the `<TEXT>` with each accepted DATE or TIME span
 * wrapped in `<TIMEX3 tid type value>`. TIMEX3 elements cannot nest, so of overlapping temporal
 * spans the outer one is kept and the others are reported; other labels are not temporal and are
 * reported as not written. The text is escaped (& < > and CR, which XML parsers would otherwise
 * fold into LF), so the file parses and reproduces the text exactly.
 */
export function exportTimeml(request: ExportRequest): ExportResult {
  const files: ExportedFile[] = [];
  const warnings: ExportWarning[] = [];
  for (const doc of request.documents) {
    const prepared = prepareDocument(doc, ['accepted']);
    warnings.push(...prepared.warnings);
    const temporal = prepared.annotations.filter((a) => TEMPORAL_LABELS.has(a.label));
    const other = prepared.annotations.filter((a) => !TEMPORAL_LABELS.has(a.label));
    if (other.length) warnings.push(leftOutWarning(doc.path, 'non-temporal spans not written (TimeML marks DATE and TIME only)', other));
    const { kept, dropped } = withoutOverlaps(temporal);
    if (dropped.length) warnings.push(leftOutWarning(doc.path, 'overlapping temporal spans left out (TIMEX3 elements cannot nest; the outer span was kept)', dropped));
    const noValue = kept.filter((a) => a.value === undefined);
    if (noValue.length) warnings.push(leftOutWarning(doc.path, 'temporal spans without a normalised value written without the value attribute', noValue));
    const withNotes = kept.filter((a) => a.note !== undefined);
    if (withNotes.length) warnings.push(leftOutWarning(doc.path, 'notes left out (TIMEX3 has no place for them)', withNotes));
    const bad = invalidXmlCharacters(doc.text);
    if (bad > 0) {
      warnings.push({ path: doc.path, message: `${doc.path}: ${bad} characters XML cannot hold (control characters or unpaired surrogates) written as U+FFFD`, annotations: [] });
    }
    const tids = timexIds(kept);
    let body = '';
    let at = 0;
    for (const a of kept) {
      const s = prepared.index.toUtf16(a.start);
      const e = prepared.index.toUtf16(a.end);
      body += xmlText(doc.text.slice(at, s));
      const value = a.value !== undefined ? ` value="${xmlAttr(a.value)}"` : '';
      body += `<TIMEX3 tid="${tids.get(a)}" type="${a.label}"${value}>${xmlText(doc.text.slice(s, e))}</TIMEX3>`;
      at = e;
    }
    body += xmlText(doc.text.slice(at));
    const dct =
      doc.date !== undefined ? `<DCT><TIMEX3 tid="t0" type="DATE" value="${xmlAttr(doc.date)}" functionInDocument="CREATION_TIME">${xmlText(doc.date)}</TIMEX3></DCT>\n` : '';
    const content = `<?xml version="1.0" encoding="UTF-8"?>\n<TimeML>\n${dct}<TEXT>${body}</TEXT>\n</TimeML>\n`;
    const stem = doc.path.endsWith('.txt') ? doc.path.slice(0, -4) : doc.path;
    files.push({ relativePath: `${stem}.tml`, content });
  }
  return { files, warnings };
}

/** TimeML ids are `t` + number; reuse the sidecar id when it has that shape, else number after the largest. */
function timexIds(annotations: readonly Annotation[]): Map<Annotation, string> {
  const ids = new Map<Annotation, string>();
  const used = new Set<string>(['t0']);
  let next = 1;
  for (const a of annotations) {
    if (/^t[1-9]\d*$/.test(a.id) && !used.has(a.id)) {
      ids.set(a, a.id);
      used.add(a.id);
    }
  }
  for (const a of annotations) {
    if (ids.has(a)) continue;
    while (used.has(`t${next}`)) next++;
    ids.set(a, `t${next}`);
    used.add(`t${next}`);
  }
  return ids;
}

// XML 1.0 allows tab, LF, CR and everything from U+0020 except surrogates, U+FFFE and U+FFFF.
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function invalidXmlCharacters(text: string): number {
  return text.match(INVALID_XML)?.length ?? 0;
}

function xmlText(s: string): string {
  return s.replace(INVALID_XML, '\ufffd').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

function xmlAttr(s: string): string {
  return xmlText(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}
