import { TEMPORAL_LABELS } from '../model/labels';
import type { Annotation } from '../model/annotation';
import { parseYMD } from '../recognize/calendar';
import { recognize } from '../recognize/recognize';
import { isFiscalYearText, isRelativeValue, timexModifier, timexQuant, timexType } from '../recognize/timexAttributes';
import { isTimexValue, rangeDuration, rangeEnds, timexTypeOfValue } from '../recognize/timexValue';
import type { ExportRequest, ExportResult, ExportWarning, ExportedFile } from './formatTypes';
import { leftOutWarning, prepareDocument, withoutOverlaps } from './exportSelection';
import { rangeParts } from './timemlRanges';
import { xmlAttr, xmlText, invalidXmlCharacters } from './timemlXml';

/**
 * TimeML (TimeBank / TempEval style), one `.tml` file per document: `<TimeML>` holding an optional
 * `<DCT>` (the document date, tid t0, CREATION_TIME) and the `<TEXT>` with each accepted DATE or
 * TIME span wrapped in a TIMEX3 that the TimeML 1.2.1 schema accepts:
 * - `tid`, `type` (DATE, TIME, DURATION or SET, from the value and the text) and a `value` valid
 *   under the TIMEX3 value grammar, always. A span without a value, or with one the grammar
 *   refuses, is read again from its text; failing that a DATE gets the placeholder `XXXX-XX-XX`
 *   and a TIME (which has no placeholder) is left out, each with a warning.
 * - `mod` from the span's first words (مطلع START, منتصف MID, نهاية END, نحو APPROX, أكثر من
 *   MORE_THAN …), `quant="EVERY"` on sets written with كل.
 * - `temporalFunction="true"` and `anchorTimeID="t0"` on values resolved against the document date.
 * - A range (`2003/2010` in the sidecar) is two DATE (or TIME) points and a DURATION with
 *   `beginPoint`/`endPoint`: the points wrap the two ends of the text (the lead من stays in the
 *   first) and the duration is an empty TIMEX3 after them, as the TimeML specification writes
 *   "1992 through 1995"; a range whose text has no joiner (a Hijri year read as its Gregorian days)
 *   is a DURATION over the whole text with two empty points.
 * TIMEX3 elements cannot nest, so of overlapping temporal spans the outer one is kept and the others
 * are reported; other labels are not temporal and are reported. The text is escaped (& < > and CR,
 * which XML parsers would otherwise fold into LF), so the file parses and reproduces the text.
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
    const withNotes = kept.filter((a) => a.note !== undefined);
    if (withNotes.length) warnings.push(leftOutWarning(doc.path, 'notes left out (TIMEX3 has no place for them)', withNotes));
    const bad = invalidXmlCharacters(doc.text);
    if (bad > 0) {
      warnings.push({ path: doc.path, message: `${doc.path}: ${bad} characters XML cannot hold (control characters or unpaired surrogates) written as U+FFFD`, annotations: [] });
    }
    const dct = doc.date !== undefined && parseYMD(doc.date) ? doc.date : undefined;
    if (doc.date !== undefined && !dct)
      warnings.push({ path: doc.path, message: `${doc.path}: the document date ${JSON.stringify(doc.date)} is not a YYYY-MM-DD day; no DCT written`, annotations: [] });

    const values = new Map<Annotation, string>();
    const recomputed: Annotation[] = [];
    const placeholders: Annotation[] = [];
    const noValue: Annotation[] = [];
    for (const a of kept) {
      const value = writableValue(a, dct);
      if (value.value === undefined) noValue.push(a);
      else values.set(a, value.value);
      if (value.how === 'recomputed') recomputed.push(a);
      if (value.how === 'placeholder') placeholders.push(a);
    }
    if (recomputed.length)
      warnings.push(leftOutWarning(doc.path, 'spans whose value was missing or not a TIMEX3 value written with the value read again from their text', recomputed));
    if (placeholders.length) warnings.push(leftOutWarning(doc.path, 'DATE spans with no readable value written with the placeholder value XXXX-XX-XX', placeholders));
    if (noValue.length) warnings.push(leftOutWarning(doc.path, 'TIME spans with no readable value left out (a TIMEX3 needs a value and TIME has no placeholder)', noValue));

    const ids = new TimexIds(kept.filter((a) => values.has(a)));
    let body = '';
    let at = 0;
    for (const a of kept) {
      const value = values.get(a);
      if (value === undefined) continue;
      const s = prepared.index.toUtf16(a.start);
      const e = prepared.index.toUtf16(a.end);
      body += xmlText(doc.text.slice(at, s));
      body += timexElements(a, value, doc.text.slice(s, e), ids, dct);
      at = e;
    }
    body += xmlText(doc.text.slice(at));
    const dctElement = dct ? `<DCT><TIMEX3 tid="t0" type="DATE" value="${dct}" temporalFunction="false" functionInDocument="CREATION_TIME">${dct}</TIMEX3></DCT>\n` : '';
    const content = `<?xml version="1.0" encoding="UTF-8"?>\n<TimeML>\n${dctElement}<TEXT>${body}</TEXT>\n</TimeML>\n`;
    const stem = doc.path.endsWith('.txt') ? doc.path.slice(0, -4) : doc.path;
    files.push({ relativePath: `${stem}.tml`, content });
  }
  return { files, warnings };
}

/** The value a span is written with, and how it was had. */
function writableValue(a: Annotation, date: string | undefined): { value?: string; how: 'kept' | 'recomputed' | 'placeholder' | 'none' } {
  if (a.value !== undefined && (isTimexValue(a.value) || rangeEnds(a.value))) return { value: a.value, how: 'kept' };
  const read = recognize(a.text, { labels: ['DATE', 'TIME'], ...(date ? { documentDate: date } : {}) }).find(
    (s) => s.value !== undefined && (isTimexValue(s.value) || rangeEnds(s.value)),
  );
  if (read?.value !== undefined) return { value: read.value, how: 'recomputed' };
  return a.label === 'DATE' ? { value: 'XXXX-XX-XX', how: 'placeholder' } : { how: 'none' };
}

/** The TIMEX3 element(s) of one span: one for a point, duration or set; two points and a duration for a range. */
function timexElements(a: Annotation, value: string, text: string, ids: TimexIds, dct: string | undefined): string {
  const ends = rangeEnds(value);
  if (!ends) return timex({ ...pointAttributes(ids.of(a), value, text, dct), content: text });
  const [begin, end] = ends;
  const beginId = ids.extra();
  const endId = ids.extra();
  const duration = {
    tid: ids.of(a),
    type: 'DURATION',
    value: isFiscalYearText(text) && /^\d{4}$/.test(begin) ? 'P1Y' : rangeDuration(begin, end),
    beginPoint: beginId,
    endPoint: endId,
  };
  const parts = rangeParts(text);
  if (!parts) {
    return (
      timex({ ...duration, content: text }) + timex({ tid: beginId, type: timexTypeOfValue(begin), value: begin }) + timex({ tid: endId, type: timexTypeOfValue(end), value: end })
    );
  }
  return (
    timex({ tid: beginId, type: timexTypeOfValue(begin), value: begin, content: text.slice(0, parts.firstEnd) }) +
    xmlText(text.slice(parts.firstEnd, parts.secondStart)) +
    timex({ tid: endId, type: timexTypeOfValue(end), value: end, content: text.slice(parts.secondStart) }) +
    timex({ ...duration, temporalFunction: 'true' })
  );
}

function pointAttributes(tid: string, value: string, text: string, dct: string | undefined): Record<string, string> {
  const type = timexType(value, text);
  const mod = timexModifier(value, text);
  const quant = type === 'SET' ? timexQuant(text) : undefined;
  const relative = dct !== undefined && type !== 'DURATION' && type !== 'SET' && isRelativeValue(value, text, dct);
  return {
    tid,
    type,
    value,
    ...(relative ? { temporalFunction: 'true', anchorTimeID: 't0' } : {}),
    ...(mod ? { mod } : {}),
    ...(quant ? { quant } : {}),
  };
}

/** A TIMEX3 element; without `content` it is empty (non-consuming), as TimeML writes implicit times. */
function timex(attributes: Record<string, string | undefined>): string {
  const { content, ...rest } = attributes;
  const attrs = Object.entries(rest)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${xmlAttr(v as string)}"`)
    .join('');
  return content === undefined ? `<TIMEX3${attrs}/>` : `<TIMEX3${attrs}>${xmlText(content)}</TIMEX3>`;
}

/** TimeML ids are `t` + number; a sidecar id of that shape is kept, others and the points of ranges are numbered after. */
class TimexIds {
  private readonly ids = new Map<Annotation, string>();
  private readonly used = new Set<string>(['t0']);
  private next = 1;

  constructor(annotations: readonly Annotation[]) {
    for (const a of annotations) {
      if (/^t[1-9]\d*$/.test(a.id) && !this.used.has(a.id)) {
        this.ids.set(a, a.id);
        this.used.add(a.id);
      }
    }
    for (const a of annotations) if (!this.ids.has(a)) this.ids.set(a, this.extra());
  }

  of(a: Annotation): string {
    return this.ids.get(a) as string;
  }

  extra(): string {
    while (this.used.has(`t${this.next}`)) this.next++;
    const id = `t${this.next}`;
    this.used.add(id);
    return id;
  }
}
