import type { ExportRequest, ExportResult, FormatId, SingleExportRequest } from './formatTypes';
import { exportBrat } from './bratExport';
import { exportConll } from './conllExport';
import { exportDoccano } from './doccano';
import { exportLabelStudio } from './labelStudio';
import { exportCsv } from './csv';
import { exportTimeml } from './timeml';
import { exportTawsimJson } from './tawsimJson';
import { exportWebanno } from './webannoExport';
import { exportSpacy } from './spacyJsonl';
import { safeRelativePath } from './safeRelativePath';

const EXPORTERS: Readonly<Record<FormatId, (request: ExportRequest) => ExportResult>> = {
  brat: exportBrat,
  conll: exportConll,
  doccano: exportDoccano,
  labelstudio: exportLabelStudio,
  csv: exportCsv,
  timeml: exportTimeml,
  'tawsim-json': exportTawsimJson,
  webanno: exportWebanno,
  spacy: exportSpacy,
};

/**
 * Exports documents to one format. Strings in, strings out: the caller writes `files` under the
 * export folder and shows `warnings`, each naming what the format could not carry. Throws only
 * for caller errors: an unknown format, a document path that would leave the folder, or the same
 * path twice.
 */
export function exportDocuments(format: FormatId, request: ExportRequest): ExportResult {
  const exporter = EXPORTERS[format] as ((request: ExportRequest) => ExportResult) | undefined;
  if (!exporter) throw new Error(`Unknown export format ${JSON.stringify(format)}`);
  const seen = new Set<string>();
  const documents = request.documents.map((d) => {
    const safe = safeRelativePath(d.path);
    if (!safe.ok) throw new Error(`Cannot export ${JSON.stringify(d.path)}: ${safe.reason}`);
    // Per-document files are named after the path; two documents with one path would overwrite each other.
    if (seen.has(safe.path)) throw new Error(`Cannot export ${JSON.stringify(d.path)} twice in one export`);
    seen.add(safe.path);
    return { ...d, path: safe.path };
  });
  return exporter({ ...request, documents });
}

/** One document: the common case of the editor's export command. */
export function exportDocument(format: FormatId, request: SingleExportRequest): ExportResult {
  const { labels, options, schema, ...doc } = request;
  return exportDocuments(format, { documents: [doc], ...(labels ? { labels } : {}), ...(schema ? { schema } : {}), ...(options ? { options } : {}) });
}
