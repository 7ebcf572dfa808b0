import type { ImportRequest, ImportResult, SourceDocument } from './formatTypes';
import type { Place } from './importCollector';
import { ImportCollector, firstDifference } from './importCollector';
import { WEBANNO_NE_LAYER, unescapeWebannoText, unescapeWebannoValue } from './webannoTsv';
import { namedDocument, textBeside } from './namedDocument';

interface Column {
  readonly layer: string;
  readonly feature: string;
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
 * separated by `|`. Every row's text must be the document's at its offsets. Other layers, and
 * entities without a value, are counted in a warning.
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
    if (features.length === 0) columns.push({ layer, feature: '' });
    // A slot feature (ROLE_…) is followed by its target column; chains and relations list their columns as features.
    for (const f of features) columns.push({ layer, feature: kind === 'RL' && f.startsWith('BT_') ? 'BT' : f });
  }
  const valueColumn = columns.findIndex((col) => col.layer === WEBANNO_NE_LAYER && col.feature === 'value');
  if (valueColumn < 0) {
    c.error({ line: 2 }, `no named-entity layer: the header must declare ${WEBANNO_NE_LAYER} with its value feature`);
    return c.result();
  }
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
        if (k !== valueColumn && col.layer !== WEBANNO_NE_LAYER && fields[k + 3] !== '_' && fields[k + 3] !== undefined) {
          otherLayers.set(col.layer, (otherLayers.get(col.layer) ?? 0) + 1);
        }
      });
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
  for (const span of spans.values()) c.addSpan(target, { start: span.start, end: span.end, label: span.label }, { line: span.line }, 'utf16');
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
