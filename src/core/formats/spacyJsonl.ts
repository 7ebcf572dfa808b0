import type { Annotation } from '../model/annotation';
import type { CodePointIndex } from '../model/offsets';
import type { ExportRequest, ExportResult, ExportWarning, ImportRequest, ImportResult } from './formatTypes';
import { bundleName, noticeWarning, prepareDocument, withoutOverlaps } from './exportSelection';
import { conllTokens } from './conllExport';
import { ImportCollector } from './importCollector';
import { isRecord, otherFields, parseJsonSafely } from './safeJson';

/** One token of a task, as Prodigy and spaCy's `Doc(words, spaces)` read it: code point offsets, `ws` a following space. */
export interface SpacyToken {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly id: number;
  ws: boolean;
}

/**
 * spaCy / Prodigy JSONL: one task per document, `{"text", "tokens": [{text, start, end, id, ws}],
 * "spans": [{start, end, label, token_start, token_end}], "answer": "accept", "meta": {"path"}}`,
 * offsets in code points as Python counts them, `token_end` inclusive. `prodigy db-in DATASET
 * file.jsonl` imports it as it is; spaCy builds the documents from the tokens (`Doc(vocab,
 * words, spaces)`, then `doc.char_span` per span).
 *
 * Tokens are Tawsim's tokens, cut where a span starts or ends inside one (so every span is on
 * token boundaries), and every stretch of white space other than one space after a token is a
 * token of its own, as spaCy makes them: joining each token's text and a space where `ws` is true
 * gives back the text exactly. Values and notes ride along in the span objects (`value`, `note`),
 * which Prodigy keeps and spaCy ignores. Only accepted spans are written.
 */
export function exportSpacy(request: ExportRequest): ExportResult {
  const warnings: ExportWarning[] = [];
  const lines: string[] = [];
  for (const doc of request.documents) {
    const prepared = prepareDocument(doc, ['accepted']);
    warnings.push(...prepared.warnings);
    const { index } = prepared;
    const starts = new Set(prepared.annotations.map((a) => index.toUtf16(a.start)));
    const ends = new Set(prepared.annotations.map((a) => index.toUtf16(a.end)));
    const tokens = spacyTokens(doc.text, starts, ends, index);
    const byStart = new Map(tokens.map((t) => [t.start, t.id]));
    const byEnd = new Map(tokens.map((t) => [t.end, t.id]));
    const spans = prepared.annotations.map((a) => ({
      start: a.start,
      end: a.end,
      label: a.label,
      token_start: byStart.get(a.start) as number,
      token_end: byEnd.get(a.end) as number,
      ...(a.value !== undefined ? { value: a.value } : {}),
      ...(a.note !== undefined ? { note: a.note } : {}),
    }));
    const { dropped } = withoutOverlaps(prepared.annotations);
    if (dropped.length)
      warnings.push(
        noticeWarning(
          doc.path,
          "overlapping spans: spaCy's doc.ents and Prodigy's ner.manual hold none, so read them into doc.spans or annotate with spans.manual",
          overlapsOf(prepared.annotations),
        ),
      );
    lines.push(JSON.stringify({ text: doc.text, tokens, spans, answer: 'accept', meta: { path: doc.path } }));
  }
  return { files: [{ relativePath: bundleName(request.documents, request.options?.fileName, '.jsonl'), content: lines.map((l) => `${l}\n`).join('') }], warnings };
}

/** Every span that overlaps another, for the notice. */
function overlapsOf(spans: readonly Annotation[]): Annotation[] {
  return spans.filter((a) => spans.some((b) => b !== a && b.start < a.end && a.start < b.end));
}

/**
 * Tokens covering the whole text: words and white space, cut where spans start and end (UTF-16
 * offsets); the one space after a word is that word's `ws` unless a span starts at it or ends
 * just after it.
 */
function spacyTokens(text: string, starts: ReadonlySet<number>, ends: ReadonlySet<number>, index: CodePointIndex): SpacyToken[] {
  const cuts = new Set([...starts, ...ends]);
  const pieces: { start: number; end: number }[] = [];
  const add = (start: number, end: number): void => {
    let from = start;
    for (let i = start + 1; i < end; i++) {
      if (cuts.has(i)) {
        pieces.push({ start: from, end: i });
        from = i;
      }
    }
    if (end > from) pieces.push({ start: from, end });
  };
  let at = 0;
  const words = conllTokens(text, false);
  const tokens: SpacyToken[] = [];
  const gap = (to: number): void => {
    let from = at;
    const last = tokens[tokens.length - 1];
    if (last && text[from] === ' ' && to > from && !starts.has(from) && !ends.has(from + 1)) {
      last.ws = true;
      from++;
    }
    if (to > from) add(from, to);
    flush();
  };
  const flush = (): void => {
    for (const p of pieces.splice(0)) {
      tokens.push({ text: text.slice(p.start, p.end), start: index.toCodePoint(p.start), end: index.toCodePoint(p.end), id: tokens.length, ws: false });
    }
  };
  for (const w of words) {
    gap(w.start);
    add(w.start, w.end);
    flush();
    at = w.end;
  }
  gap(text.length);
  return tokens;
}

/**
 * Reads spaCy / Prodigy JSONL: one task per line with `text` and `spans` (Prodigy) or `ents`
 * (spaCy's `Doc.to_json()`), each `{start, end, label}` in code points. The document is the one
 * `meta.path` names, else the one with the same text. Tasks answered `reject` or `ignore` are
 * listed and left out; `_annotator_id` (Prodigy's multi-user sessions) names whose spans they are;
 * `value` and `note` on a span come back.
 */
export function importSpacy(request: ImportRequest): ImportResult {
  const c = new ImportCollector(request);
  if (!c.checkSize()) return c.result();
  const declined: string[] = [];
  request.content
    .replace(/^\ufeff/, '')
    .split('\n')
    .forEach((raw, i) => {
      const line = i + 1;
      if (raw.trim() === '') return;
      const parsed = parseJsonSafely(raw);
      if (!parsed.ok) return void c.error({ line }, parsed.message);
      const task = parsed.value;
      if (!isRecord(task) || typeof task['text'] !== 'string') return void c.error({ line }, 'each line must be a JSON object with a "text" string');
      const meta = isRecord(task['meta']) ? task['meta'] : {};
      const path = typeof meta['path'] === 'string' ? meta['path'] : typeof task['path'] === 'string' ? task['path'] : undefined;
      if (task['answer'] === 'reject' || task['answer'] === 'ignore') {
        declined.push(`line ${line} (${task['answer']}ed${path !== undefined ? `, ${path}` : ''})`);
        return;
      }
      const doc = c.documentForRecord(task['text'], path, { line });
      if (!doc) return;
      const annotator = typeof task['_annotator_id'] === 'string' && task['_annotator_id'] !== '' ? task['_annotator_id'] : undefined;
      const target = c.open(doc, { ...(annotator !== undefined ? { annotator } : {}), fields: otherFields(task, ['text', 'tokens', 'spans', 'ents', 'meta', 'answer']) });
      const key = task['spans'] !== undefined ? 'spans' : 'ents';
      const spans = task[key] ?? [];
      if (!Array.isArray(spans)) return void c.error({ line }, `"${key}" must be a list of {start, end, label}`);
      spans.forEach((s: unknown, j) => {
        const place = { line, where: `${key}[${j}]` };
        if (!isRecord(s)) return void c.error(place, `${key}[${j}] must be an object {start, end, label}`);
        const value = typeof s['value'] === 'string' ? s['value'] : undefined;
        const note = typeof s['note'] === 'string' ? s['note'] : undefined;
        c.addSpan(target, { start: s['start'], end: s['end'], label: s['label'], ...(value !== undefined ? { value } : {}), ...(note !== undefined ? { note } : {}) }, place);
      });
    });
  if (declined.length) c.warn(`tasks not accepted in Prodigy left out: ${declined.join(', ')}`);
  return c.result();
}
