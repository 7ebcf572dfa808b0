import { codePointLength } from '../model/offsets';
import { sha256Hex } from '../sidecar/hash';
import { SIDECAR_BASE_VERSION } from '../sidecar/sidecarTypes';
import type { Sidecar } from '../sidecar/sidecarTypes';
import { sidecarInKeyOrder } from '../sidecar/serializeSidecar';
import type { ExportRequest, ExportResult, ExportedFile } from './formatTypes';

/**
 * The sidecar's content as JSON, one `<path>.tawsim.json` per document, for tools that read JSON
 * but not YAML. Same keys in the same order and the same sorting as the YAML sidecar, every
 * annotation kept (all statuses, orphans, reviews), so nothing is left out and nothing is warned.
 */
export function exportTawsimJson(request: ExportRequest): ExportResult {
  const files: ExportedFile[] = request.documents.map((doc) => {
    const sidecar: Sidecar = {
      tawsim: SIDECAR_BASE_VERSION,
      document: {
        path: doc.path.slice(doc.path.lastIndexOf('/') + 1),
        sha256: sha256Hex(doc.text),
        length: codePointLength(doc.text),
        ...(doc.date !== undefined ? { date: doc.date } : {}),
      },
      annotator: doc.annotator ?? '',
      annotations: doc.annotations,
    };
    return { relativePath: `${doc.path}.tawsim.json`, content: `${JSON.stringify(sidecarInKeyOrder(sidecar), null, 2)}\n` };
  });
  return { files, warnings: [] };
}
