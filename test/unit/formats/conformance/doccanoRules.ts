/**
 * doccano's rules for a sequence-labelling JSONL import, restated from
 * backend/data_import/pipeline (TextData: the text must not be empty; SpanLabel.parse: a list is
 * zipped with start_offset, end_offset, label — extra items dropped — or a dict read by name;
 * start_offset < end_offset, both non-negative integers; Spans.clean: without "allow overlapping",
 * spans sorted by start are kept only when they start at or after the end of the last one kept).
 * Offsets are indices into the text as doccano's front end holds it: JavaScript string (UTF-16)
 * indices, or grapheme clusters in a project that counts them as one character.
 */
export interface DoccanoSpan {
  readonly start: number;
  readonly end: number;
  readonly label: string;
}

export interface DoccanoRecord {
  readonly line: number;
  readonly text: string;
  readonly spans: DoccanoSpan[];
  readonly meta: Record<string, unknown>;
}

export function readDoccano(content: string): { records: DoccanoRecord[]; problems: string[] } {
  const records: DoccanoRecord[] = [];
  const problems: string[] = [];
  content.split('\n').forEach((raw, i) => {
    if (raw.trim() === '') return;
    const at = `line ${i + 1}`;
    const obj = JSON.parse(raw) as Record<string, unknown>;
    if (typeof obj['text'] !== 'string' || obj['text'] === '') return void problems.push(`${at}: the empty text is not allowed`);
    const spans: DoccanoSpan[] = [];
    for (const item of (obj['label'] as unknown[] | undefined) ?? []) {
      const [start, end, label] = Array.isArray(item)
        ? item
        : [(item as Record<string, unknown>)['start_offset'], (item as Record<string, unknown>)['end_offset'], (item as Record<string, unknown>)['label']];
      if (!Number.isInteger(start) || !Number.isInteger(end) || (start as number) < 0 || (end as number) < 0) problems.push(`${at}: offsets must be non-negative integers`);
      else if ((start as number) >= (end as number)) problems.push(`${at}: start_offset must be less than end_offset`);
      else if (typeof label !== 'string' || label === '') problems.push(`${at}: empty label`);
      else spans.push({ start: start as number, end: end as number, label });
    }
    const { text, label: _label, ...meta } = obj as Record<string, unknown> & { text: string };
    void _label;
    records.push({ line: i + 1, text, spans, meta });
  });
  return { records, problems };
}

/** What a project without "allow overlapping spans" keeps. */
export function doccanoKeeps(spans: readonly DoccanoSpan[]): DoccanoSpan[] {
  const kept: DoccanoSpan[] = [];
  let last = -1;
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    if (s.start >= last) {
      kept.push(s);
      last = s.end;
    }
  }
  return kept;
}

const clusters = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The text doccano's screen shows for a span, in UTF-16 indices or grapheme clusters. */
export function doccanoSpanText(text: string, span: DoccanoSpan, unit: 'utf16' | 'grapheme'): string {
  if (unit === 'utf16') return text.slice(span.start, span.end);
  return [...clusters.segment(text)]
    .map((s) => s.segment)
    .slice(span.start, span.end)
    .join('');
}
