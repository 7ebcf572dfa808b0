import * as path from 'node:path';
import { preannotateSidecar } from '../../core/recognize/preannotate';
import { serializeSidecar } from '../../core/sidecar/serializeSidecar';
import { writeChecked } from '../../node/checkedWrite';
import type { BatchResult, BatchSettings } from './batchTask';
import { readDocumentText } from './readDocumentText';
import { readSidecarOf, unwritableReason } from './recognitionInputs';
import { taggerFor } from '../tagger/modelFiles';

/**
 * Writes the recogniser's suggestions for one text into its sidecar (`status: suggested`), keeping
 * every stored annotation, creating the sidecar when there is none. A broken sidecar, or one from
 * a newer Tawsim, is never written; a sidecar another program changed meanwhile is merged with.
 * The result's one line is the file's summary.
 */
export async function annotateTask(file: string, settings: BatchSettings): Promise<BatchResult> {
  try {
    const text = readDocumentText(file);
    const found = readSidecarOf(file, settings);
    const refused = unwritableReason(found);
    if (refused !== undefined) return { ok: false, message: `${refused}; not written until it is fixed` };
    const existing = found.parsed?.sidecar;
    const tagger = taggerFor(settings.model, settings.threshold);
    const result = preannotateSidecar({
      text,
      textName: path.basename(file),
      annotator: settings.annotator,
      labels: settings.labels,
      ...(existing ? { existing } : {}),
      ...(settings.date !== undefined ? { date: settings.date } : {}),
      ...(tagger ? { tagger } : {}),
    });
    const count = `${result.added} suggestion${result.added === 1 ? '' : 's'} added`;
    if (found.content === undefined && result.sidecar.annotations.length === 0) {
      // Nothing to keep and no file yet: like the editor, do not litter the folder with empty sidecars.
      return { ok: true, lines: [`${file}: nothing found; no sidecar written`], spans: 0 };
    }
    const written = await writeChecked(found.file, found.content, serializeSidecar(result.sidecar), 'merge');
    const what =
      written.outcome === 'merged' ? 'merged with a change made meanwhile' : written.outcome === 'unchanged' ? 'unchanged' : found.content === undefined ? 'created' : 'updated';
    return { ok: true, lines: [`${file}: ${count}; ${path.basename(found.file)} ${what}`], spans: result.added };
  } catch (e) {
    return { ok: false, message: (e as Error).message };
  }
}
