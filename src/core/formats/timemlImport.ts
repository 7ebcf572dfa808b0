import { SaxesParser } from 'saxes';
import { isTimexValue } from '../recognize/timexValue';
import type { ImportRequest, ImportResult, SourceDocument } from './formatTypes';
import { ImportCollector } from './importCollector';
import type { Place } from './importCollector';
import { baseName } from './exportSelection';

/**
 * TimeML (`.tml`): the character data of `<TEXT>` is the document, each consuming TIMEX3 a DATE or
 * TIME annotation with its value, and the document creation time (the TIMEX3 in `<DCT>`, or one with
 * functionInDocument CREATION_TIME) the document date. Ranges come back as Tawsim keeps them: a
 * DURATION with beginPoint and endPoint is one span with the value `begin/end`, over the
 * DURATION's own text when it has some (its points empty), or from the first point to the second
 * when the DURATION is empty and the points lie close together (the way Tawsim, and the TimeML
 * specification, write "1992 through 1995"). Other elements in the text (EVENT, SIGNAL) are read
 * through and listed; empty TIMEX3s that are no range's part are listed and skipped.
 *
 * The document is found by name (`a.tml` → `a.txt`) with the same text, else by its text, else it
 * is the only document; a text that differs from it is an error, as are XML that is not well formed,
 * a TIMEX3 inside another, and a file without `<TEXT>`.
 */
interface ReadTimex {
  readonly attributes: Readonly<Record<string, string>>;
  /** UTF-16 offsets into the text; equal for an empty TIMEX3. */
  readonly start: number;
  readonly end: number;
  readonly line: number;
}

/** How far apart the two points of an empty DURATION may be to make one range: a joiner (إلى غاية، through), no more. */
const RANGE_GAP = 12;
const RANGE_GAP_WORDS = 2;
const DATE_OF_DCT = /^(\d{4}-\d{2}-\d{2})(?:T.*)?$/;

export function importTimeml(request: ImportRequest): ImportResult {
  const c = new ImportCollector(request);
  if (!c.checkSize()) return c.result();
  const read = readTimeml(request.content.replace(/^\uFEFF/, ''), c);
  if (!read) return c.result();
  const { text, timexes, dct, others } = read;
  const doc = findDocument(request, text, c);
  if (!doc) return c.result();
  const target = c.open(doc, dct !== undefined ? { date: dct } : {});
  if (others.size > 0) c.warn(`${[...others].map(([name, n]) => `${n} ${name}`).join(', ')} element(s) read through as text; Tawsim keeps TIMEX3 only`);

  const byId = new Map(timexes.filter((t) => t.attributes['tid'] !== undefined).map((t) => [t.attributes['tid'] as string, t]));
  const used = new Set<ReadTimex>();
  const spans: { start: number; end: number; label: string; value?: string; place: Place }[] = [];
  for (const t of timexes) {
    const begin = byId.get(t.attributes['beginPoint'] ?? '');
    const end = byId.get(t.attributes['endPoint'] ?? '');
    if (t.attributes['type'] !== 'DURATION' || !begin || !end || begin.attributes['value'] === undefined || end.attributes['value'] === undefined) continue;
    const value = `${begin.attributes['value']}/${end.attributes['value']}`;
    const label = begin.attributes['type'] === 'TIME' && end.attributes['type'] === 'TIME' ? 'TIME' : 'DATE';
    if (t.end > t.start) {
      spans.push({ start: t.start, end: t.end, label, value, place: { line: t.line } });
      used.add(t);
      if (begin.end === begin.start) used.add(begin);
      if (end.end === end.start) used.add(end);
    } else if (begin.end > begin.start && end.start >= begin.end && isJoiner(text.slice(begin.end, end.start))) {
      spans.push({ start: begin.start, end: end.end, label, value, place: { line: begin.line } });
      used.add(t).add(begin).add(end);
    }
  }
  let empty = 0;
  for (const t of timexes) {
    if (used.has(t)) continue;
    if (t.end === t.start) {
      empty++;
      continue;
    }
    const value = t.attributes['value'];
    const type = t.attributes['type'];
    const label = type === 'TIME' || ((type === 'DURATION' || type === 'SET') && value?.startsWith('PT')) ? 'TIME' : 'DATE';
    spans.push({ start: t.start, end: t.end, label, ...(value !== undefined ? { value } : {}), place: { line: t.line } });
  }
  if (empty > 0) c.warn(`${empty} empty TIMEX3 element(s) that are no range's end skipped (Tawsim keeps spans of the text)`);
  const invalid = spans.filter((s) => s.value !== undefined && !isTimexValue(s.value) && !s.value.includes('/'));
  if (invalid.length > 0) c.warn(`${invalid.length} value(s) that are not TIMEX3 values kept as written: ${invalid.map((s) => JSON.stringify(s.value)).join(', ')}`);
  for (const s of spans)
    c.addSpan(target, { start: s.start, end: s.end, label: s.label, text: text.slice(s.start, s.end), ...(s.value !== undefined ? { value: s.value } : {}) }, s.place, 'utf16');
  return c.result();
}

function isJoiner(between: string): boolean {
  return between.length <= RANGE_GAP && !between.includes('\n') && between.trim().split(/\s+/u).length <= RANGE_GAP_WORDS;
}

function readTimeml(content: string, c: ImportCollector): { text: string; timexes: ReadTimex[]; dct?: string; others: Map<string, number> } | undefined {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const timexes: ReadTimex[] = [];
  const others = new Map<string, number>();
  let text = '';
  let inText = false;
  let sawText = false;
  let inDct = false;
  let dct: string | undefined;
  let open: { attributes: Record<string, string>; start: number; line: number } | undefined;
  let failed = false;
  parser.on('error', (e) => {
    if (!failed) c.error({ line: parser.line }, `not well-formed XML: ${e.message.replace(/^\S+:\d+:\d+: /, '')}`);
    failed = true;
  });
  parser.on('opentag', (tag) => {
    if (failed) return;
    const attributes = { ...(tag.attributes as Record<string, string>) };
    if (tag.name === 'TEXT') {
      inText = true;
      sawText = true;
    } else if (tag.name === 'DCT') inDct = true;
    else if (tag.name === 'TIMEX3') {
      if (open) {
        c.error({ line: parser.line }, 'a TIMEX3 inside another TIMEX3 (TIMEX3 holds text only)');
        failed = true;
        return;
      }
      const creation = inDct || attributes['functionInDocument'] === 'CREATION_TIME';
      const day = creation ? DATE_OF_DCT.exec(attributes['value'] ?? '')?.[1] : undefined;
      if (day !== undefined) dct ??= day;
      if (inText && !creation) open = { attributes, start: text.length, line: parser.line };
    } else if (inText) others.set(tag.name, (others.get(tag.name) ?? 0) + 1);
  });
  parser.on('text', (t) => {
    if (inText && !failed) text += t;
  });
  parser.on('closetag', (tag) => {
    if (failed) return;
    if (tag.name === 'TEXT') inText = false;
    else if (tag.name === 'DCT') inDct = false;
    else if (tag.name === 'TIMEX3' && open) {
      timexes.push({ attributes: open.attributes, start: open.start, end: text.length, line: open.line });
      open = undefined;
    }
  });
  try {
    parser.write(content).close();
  } catch {
    // saxes reports through the error handler above; a throw after it adds nothing.
  }
  if (failed) return undefined;
  if (!sawText) {
    c.error({}, 'no <TEXT> element: a TimeML file holds its text in <TEXT>');
    return undefined;
  }
  for (const t of timexes) {
    if (t.attributes['value'] === undefined && t.end > t.start) c.warn(`line ${t.line}: a TIMEX3 without a value imported without one (the TIMEX3 schema requires it)`);
  }
  return { text, timexes, ...(dct !== undefined ? { dct } : {}), others };
}

/** The document of a `.tml`: the text of its own name with the same text, else the one with the same text, else the only one. */
function findDocument(request: ImportRequest, text: string, c: ImportCollector): SourceDocument | undefined {
  const stem = baseName(request.fileName);
  const named = request.documents.find((d) => baseName(d.path) === stem && d.text === text);
  return named ?? c.documentForRecord(text, undefined, {});
}
