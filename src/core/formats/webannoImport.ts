import type { ImportRequest, ImportResult, SourceDocument } from './formatTypes';
import type { Place } from './importCollector';
import { ImportCollector, firstDifference } from './importCollector';
import { WEBANNO_NE_LAYER, unescapeWebannoText, unescapeWebannoValue } from './webannoTsv';
import { splitUnescaped } from './webannoRelations';
import type { PendingWebannoRelation } from './webannoRelations';
import { parseRelationRef } from './webannoRelations';
import { namedDocument, textBeside } from './namedDocument';

interface Column {
  readonly layer: string;
  readonly feature: string;
  readonly kind: string;
}

interface PendingSpan {
  readonly label: string;
  readonly line: number;
  start: number;
  end: number;
}

/**
 * Reads WebAnno TSV 3.x as INCEpTION's reader does: the header declares the layers and their
 * columns; each sentence has `#Text=` lines and one row per token or sub-token (`ID<TAB>begin-end
 * <TAB>text<TAB>columns…`), offsets in UTF-16 code units. Named entities come from the NamedEntity
 * layer's `value` column: an annotation on several rows carries the same `[id]`, stacked ones are
 * separated by `|`. Every row's text must be the document's at its offsets. A relation layer
 * whose base type is the NamedEntity layer gives relations: its first feature is the type, and
 * each relation sits on its target's row with its source's row in the base-type column
 * (`1-3`, or `1-3[2_0]` naming the source's and target's disambiguation ids, 0 for an end without
 * one). Other layers, entities without a value, and relations whose ends cannot be found are
 * counted in a warning.
 */
export function importWebanno(request: ImportRequest): ImportResult {
  const c = new ImportCollector(request);
  if (!c.checkSize()) return c.result();
  // Java's readLine: lines end at LF, CR or CR LF, nothing else.
  const lines = request.content.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  const format = /^#FORMAT=(.*) (\d+)\.(\d+)$/.exec(lines[0] ?? '');
  if (!format || format[2] !== '3') {
    c.error({ line: 1 }, `expected "#FORMAT=WebAnno TSV 3.3" on the first line, found ${JSON.stringify((lines[0] ?? '').slice(0, 40))}`);
    return c.result();
  }
  const columns: Column[] = [];
  let i = 1;
  for (; i < lines.length && (lines[i] ?? '').trim() !== ''; i++) {
    const m = /^#T_(SP|CH|RL)=([^|]+)(?:\|(.*))?$/.exec(lines[i] as string);
    if (!m) break;
    const [, kind, layer = '', rest] = m;
    const features = rest === undefined ? [] : rest.split('|');
    if (features.length === 0) columns.push({ layer, feature: '', kind: kind ?? '' });
    // A slot feature (ROLE_…) is followed by its target column; chains and relations list their columns as features.
    for (const f of features) columns.push({ layer, feature: f, kind: kind ?? '' });
  }
  const valueColumn = columns.findIndex((col) => col.layer === WEBANNO_NE_LAYER && col.feature === 'value');
  if (valueColumn < 0) {
    c.error({ line: 2 }, `no named-entity layer: the header must declare ${WEBANNO_NE_LAYER} with its value feature`);
    return c.result();
  }
  // Tawsim's relations: the first relation layer over named entities, its first feature the type.
  const refColumn = columns.findIndex((col) => col.kind === 'RL' && col.feature === `BT_${WEBANNO_NE_LAYER}`);
  const typeColumn = refColumn < 0 ? -1 : columns.findIndex((col) => col.kind === 'RL' && col.layer === columns[refColumn]?.layer);
  const relationLayer = refColumn < 0 ? undefined : columns[refColumn]?.layer;
  const pendingRelations: PendingWebannoRelation[] = [];
  /** The span keys on each row, in stack order, to find an end named without a disambiguation id. */
  const rowKeys = new Map<string, string[]>();
  const body = lines.slice(i).map((text, k) => ({ text, line: i + k + 1 }));
  const sentences = readSentences(c, body);
  if (c.failed) return c.result();
  const rebuilt = sentences.map((s) => s.text).join('\n');
  const doc = namedDocument(c, textBeside('.tsv'), (d) => rebuilt !== '' && d.text.includes(rebuilt));
  if (!doc) return c.result();
  const target = c.open(doc);
  const spans = new Map<string, PendingSpan>();
  const unlabelled = new Set<string>();
  const otherLayers = new Map<string, number>();
  for (const sentence of sentences) {
    checkSentenceText(c, doc, sentence);
    for (const unit of sentence.units) {
      const place: Place = { line: unit.line };
      const fields = unit.fields;
      if (fields.length < columns.length + 3) {
        c.error(place, `expected ${columns.length + 3} tab-separated fields (id, offsets, text and ${columns.length} columns), found ${fields.length}`);
        continue;
      }
      const offsets = /^(\d+)-(\d+)$/.exec(fields[1] ?? '');
      if (!offsets) {
        c.error(place, `bad offsets ${JSON.stringify(fields[1])}: expected begin-end`);
        continue;
      }
      const begin = Number(offsets[1]);
      const end = Number(offsets[2]);
      if (end > doc.text.length || begin > end) {
        c.error(place, `offsets ${begin}-${end} are not inside ${doc.path} (${doc.text.length} UTF-16 units)`);
        continue;
      }
      const stated = fields[2] ?? '';
      if (doc.text.slice(begin, end) !== stated) {
        c.error(place, `the row's text ${JSON.stringify(stated)} is not what ${doc.path} holds at ${begin}-${end} (${JSON.stringify(doc.text.slice(begin, end))})`);
        continue;
      }
      columns.forEach((col, k) => {
        if (k !== valueColumn && col.layer !== WEBANNO_NE_LAYER && col.layer !== relationLayer && fields[k + 3] !== '_' && fields[k + 3] !== undefined) {
          otherLayers.set(col.layer, (otherLayers.get(col.layer) ?? 0) + 1);
        }
      });
      if (typeColumn >= 0 && (fields[refColumn + 3] ?? '_') !== '_') {
        // A relation layer without features has no type column: its relations come without a type.
        const types = typeColumn === refColumn ? [] : splitUnescaped(fields[typeColumn + 3] ?? '_');
        splitUnescaped(fields[refColumn + 3] ?? '_').forEach((item, stack) => {
          const ref = parseRelationRef(item);
          if (!ref) return c.error(place, `bad relation reference ${JSON.stringify(item)}: expected a row id such as 1-3 or 1-3[1_2]`);
          pendingRelations.push({ ...ref, type: unescapeWebannoValue(types[stack] ?? '*'), targetRow: fields[0] ?? '', line: unit.line });
        });
      }
      const raw = fields[valueColumn + 3] ?? '_';
      if (raw === '_') continue;
      raw.split(/(?<!\\)\|/).forEach((item, stack) => {
        let value = item;
        let id: string | undefined;
        if (value.endsWith(']') && !value.endsWith('\\]')) {
          id = value.slice(value.lastIndexOf('[') + 1, -1);
          value = value.slice(0, value.lastIndexOf('['));
        }
        const key = id !== undefined ? `id:${id}` : `row:${unit.fields[0]}:${stack}`;
        const onRow = rowKeys.get(unit.fields[0] ?? '') ?? [];
        onRow.push(key);
        rowKeys.set(unit.fields[0] ?? '', onRow);
        if (value === '*') {
          unlabelled.add(key);
          return;
        }
        const span = spans.get(key);
        if (span) {
          span.start = Math.min(span.start, begin);
          span.end = Math.max(span.end, end);
        } else {
          spans.set(key, { label: unescapeWebannoValue(value), line: unit.line, start: begin, end });
        }
      });
    }
  }
  const indexOf = new Map<string, number>();
  for (const [key, span] of spans) {
    const index = c.addSpan(target, { start: span.start, end: span.end, label: span.label }, { line: span.line }, 'utf16');
    if (index !== undefined) indexOf.set(key, index);
  }
  let unresolved = 0;
  let untyped = 0;
  for (const r of pendingRelations) {
    const end = (row: string, id: number): number | undefined => {
      if (id !== 0) return indexOf.get(`id:${id}`);
      const keys = rowKeys.get(row) ?? [];
      return keys.length === 1 ? indexOf.get(keys[0] as string) : undefined;
    };
    const from = end(r.sourceRow, r.sourceId);
    const to = end(r.targetRow, r.targetId);
    if (r.type === '*' || r.type === '') untyped++;
    else if (from === undefined || to === undefined) unresolved++;
    else c.relate(target, { type: r.type, from, to });
  }
  if (untyped) c.warn(`${untyped} relations without a type left out (a Tawsim relation needs one)`);
  if (unresolved) c.warn(`${unresolved} relations left out: an end is not a named entity with a value on the row named`);
  if (unlabelled.size) c.warn(`${unlabelled.size} named entities without a value left out (a Tawsim span needs a label)`);
  if (otherLayers.size) c.warn(`layers not imported: ${[...otherLayers.keys()].join(', ')}`);
  return c.result();
}

interface Sentence {
  readonly line: number;
  readonly text: string;
  readonly units: { readonly line: number; readonly fields: string[] }[];
}

function readSentences(c: ImportCollector, body: readonly { text: string; line: number }[]): Sentence[] {
  const sentences: Sentence[] = [];
  let texts: string[] = [];
  let current: Sentence | undefined;
  let headerLine = 0;
  for (const { text, line } of body) {
    if (text === '') {
      current = undefined;
      continue;
    }
    if (text.startsWith('#') && !current) {
      if (texts.length === 0) headerLine = line;
      if (text.startsWith('#Text=')) texts.push(unescapeWebannoText(text.slice(6)));
      continue;
    }
    if (text.startsWith('#')) {
      c.error({ line }, 'a sentence header line after token rows: sentences must be separated by an empty line');
      continue;
    }
    if (!current) {
      if (texts.length === 0) {
        c.error({ line }, 'a token row before any #Text= line');
        continue;
      }
      current = { line: headerLine, text: texts.join('\n'), units: [] };
      sentences.push(current);
      texts = [];
    }
    current.units.push({ line, fields: text.split('\t') });
  }
  return sentences;
}

/** A sentence's text must be the document's text from its first row on. */
function checkSentenceText(c: ImportCollector, doc: SourceDocument, sentence: Sentence): void {
  const first = /^(\d+)-/.exec(sentence.units[0]?.fields[1] ?? '');
  if (!first) return;
  const begin = Number(first[1]);
  const held = doc.text.slice(begin, begin + sentence.text.length);
  const at = firstDifference(sentence.text, held);
  if (at !== undefined) c.error({ line: sentence.line }, `the sentence text differs from ${doc.path} at code point ${Array.from(doc.text.slice(0, begin)).length + at}`);
}
