import type { CliIo } from '../cliTypes';
import { ExitCode } from '../cliTypes';
import { CodePointIndex } from '../../core/model/offsets';
import { chooseDocumentDate, recognizeDocument } from '../../core/recognize/recognizeDocument';
import { preannotateSidecar } from '../../core/recognize/preannotate';
import { sidecarInKeyOrder } from '../../core/sidecar/serializeSidecar';
import type { EntityTagger } from '../../core/tagger/entityTagger';
import { taggerFor } from '../tagger/modelFiles';
import type { BatchSettings, BatchTask } from './batchTask';
import { spanRecord } from './detectTask';

/** A line longer than this is refused (and skipped) rather than held: memory stays bounded whatever comes in. */
export const MAX_JSONL_LINE_BYTES = 64 * 1024 * 1024;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Where the stream's output goes: a write that resolves when the reader is ready for more. */
export type StreamWrite = (text: string) => Promise<void> | void;

/**
 * `detect --jsonl -` and `annotate --jsonl -`: JSON-lines documents (`{"id", "text", "date"?}`) on
 * the input, results line by line on the output, in input order and in constant memory: one
 * chunk of input and one document are held at a time, and the next chunk is not read until the
 * output has taken the last result (so a slow reader slows the stream instead of filling memory).
 * `detect` writes one line per span (`id` in place of `file`); `annotate` one line per document,
 * the sidecar it would write as JSON with the document's `id`, also when nothing was found, so a
 * pipeline that joins output to input by record count stays aligned. A bad line is named on
 * stderr (`-:LINE: problem`) and skipped; the exit code is then 1.
 */
export async function streamJsonl(kind: BatchTask['kind'], input: AsyncIterable<Buffer | string>, write: StreamWrite, io: CliIo, settings: BatchSettings): Promise<number> {
  let tagger: EntityTagger | undefined;
  try {
    tagger = taggerFor(settings.model, settings.threshold);
  } catch (e) {
    io.err(`tawsim ${kind}: ${(e as Error).message}`);
    return ExitCode.badInput;
  }
  let failed = 0;
  let documents = 0;
  let lineNo = 0;
  const decoder = new TextDecoder('utf-8', { fatal: false });
  let pending = '';
  let skipping = false;
  const handle = async (line: string): Promise<void> => {
    lineNo++;
    if (line.trim() === '') return;
    const result = processLine(kind, line, settings, tagger);
    if (typeof result === 'string') {
      failed++;
      io.err(`-:${lineNo}: ${result}`);
      return;
    }
    documents++;
    if (result.length > 0) await write(result.join('\n') + '\n');
  };
  for await (const chunk of input) {
    pending += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    let newline = pending.indexOf('\n');
    while (newline >= 0) {
      const line = pending.slice(0, newline);
      pending = pending.slice(newline + 1);
      if (skipping) {
        skipping = false;
        lineNo++;
      } else await handle(line);
      newline = pending.indexOf('\n');
    }
    if (pending.length > MAX_JSONL_LINE_BYTES / 2 && !skipping) {
      // UTF-16 units: at most 2 bytes of UTF-8 each for the Arabic that fills such a line.
      failed++;
      io.err(`-:${lineNo + 1}: a line longer than ${MAX_JSONL_LINE_BYTES / 1048576} MB; skipped`);
      skipping = true;
    }
    if (skipping) pending = '';
  }
  pending += decoder.decode();
  if (!skipping && pending !== '') await handle(pending);
  io.err(`${documents} document${documents === 1 ? '' : 's'}${failed > 0 ? `; ${failed} line${failed === 1 ? '' : 's'} not processed` : ''}`);
  return failed > 0 ? ExitCode.badInput : ExitCode.ok;
}

/** The output lines of one input line, or why it cannot be processed. */
function processLine(kind: BatchTask['kind'], line: string, settings: BatchSettings, tagger: EntityTagger | undefined): string[] | string {
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch (e) {
    return `not JSON: ${(e as Error).message}`;
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return 'a document is a JSON object {"id", "text", "date"?}';
  const { id, text, date } = record as Record<string, unknown>;
  if (typeof text !== 'string') return '"text" must be the document\'s text (a string)';
  if (id !== undefined && typeof id !== 'string' && typeof id !== 'number') return '"id" must be a string or a number';
  if (date !== undefined && (typeof date !== 'string' || !DATE.test(date))) return '"date" must be YYYY-MM-DD';
  const shownId = id ?? null;
  const asked = settings.date ?? (date as string | undefined);
  if (kind === 'annotate') {
    const result = preannotateSidecar({
      text,
      textName: id === undefined ? 'document' : String(id),
      annotator: settings.annotator,
      labels: settings.labels,
      ...(asked !== undefined ? { date: asked } : {}),
      ...(tagger ? { tagger } : {}),
    });
    return [JSON.stringify({ id: shownId, ...sidecarInKeyOrder(result.sidecar) })];
  }
  const documentDate = chooseDocumentDate(text, asked, undefined);
  const spans = recognizeDocument(text, { ...(documentDate !== undefined ? { documentDate } : {}), labels: settings.labels, ...(tagger ? { tagger } : {}) });
  const index = new CodePointIndex(text);
  return spans.map((s) => JSON.stringify({ id: shownId, ...spanRecord(index, s) }));
}

/** Writes to a Node stream, waiting for 'drain' when its buffer is full. */
export function streamWriter(stream: NodeJS.WritableStream): StreamWrite {
  return (text) =>
    stream.write(text)
      ? undefined
      : new Promise<void>((resolve) => {
          stream.once('drain', resolve);
        });
}
