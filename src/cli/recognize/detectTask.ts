import { CodePointIndex } from '../../core/model/offsets';
import { chooseDocumentDate, learnedFromAnnotations, recognizeDocument } from '../../core/recognize/recognizeDocument';
import { placeSidecarAnnotations } from '../../core/sidecar/documentAnnotations';
import type { Sidecar } from '../../core/sidecar/sidecarTypes';
import type { BatchResult, BatchSettings } from './batchTask';
import { readDocumentText } from './readDocumentText';
import { readSidecarOf } from './recognitionInputs';
import { taggerFor } from '../tagger/modelFiles';
import type { EntityTagger } from '../../core/tagger/entityTagger';
import type { RecognizedSpan } from '../../core/recognize/recognizeTypes';

const VALUED_LABELS = new Set(['DATE', 'TIME']);

/**
 * The recogniser's spans in one text as JSON lines, with code point offsets. The inputs are those
 * `tawsim annotate` would use (the sidecar's date and the document's accepted tags, learned), so
 * detect shows what annotate would suggest before stored annotations are taken out. A sidecar
 * that cannot be read only costs its date and tags: detect writes nothing.
 */
export function detectTask(file: string, settings: BatchSettings): BatchResult {
  let text: string;
  try {
    text = readDocumentText(file);
  } catch (e) {
    return { ok: false, message: (e as Error).message };
  }
  let sidecar: Sidecar | undefined;
  try {
    const found = readSidecarOf(file, settings);
    if (found.parsed?.sidecar && found.parsed.writable) sidecar = found.parsed.sidecar;
  } catch {
    // An unreadable sidecar only costs its date and tags here.
  }
  const date = chooseDocumentDate(text, settings.date, sidecar?.document.date);
  const tagged = sidecar ? placeSidecarAnnotations(sidecar, text).annotations : [];
  let tagger: EntityTagger | undefined;
  try {
    tagger = taggerFor(settings.model, settings.threshold);
  } catch (e) {
    return { ok: false, message: (e as Error).message };
  }
  const spans = recognizeDocument(text, {
    ...(date !== undefined ? { documentDate: date } : {}),
    labels: settings.labels,
    learned: learnedFromAnnotations(tagged),
    ...(tagger ? { tagger } : {}),
  });
  const index = new CodePointIndex(text);
  const lines = spans.map((s) => JSON.stringify({ file, ...spanRecord(index, s) }));
  return { ok: true, lines, spans: spans.length };
}

/** One span as detect writes it (file mode and stream mode alike), offsets in code points. */
export function spanRecord(index: CodePointIndex, span: RecognizedSpan): Record<string, unknown> {
  return {
    start: index.toCodePoint(span.start),
    end: index.toCodePoint(span.end),
    label: span.label,
    text: span.text,
    ...(VALUED_LABELS.has(span.label) && span.value !== undefined ? { value: span.value } : {}),
    source: span.source,
    ...(span.score !== undefined ? { score: Number(span.score.toFixed(3)) } : {}),
  };
}
