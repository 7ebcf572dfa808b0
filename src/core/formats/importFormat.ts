import type { FormatId, ImportRequest, ImportResult } from './formatTypes';
import { importBrat } from './bratImport';
import { importConll } from './conllImport';
import { importDoccano } from './doccano';
import { importLabelStudio } from './labelStudio';
import { importTimeml } from './timemlImport';

const IMPORTERS: Partial<Readonly<Record<FormatId, (request: ImportRequest) => ImportResult>>> = {
  brat: importBrat,
  conll: importConll,
  doccano: importDoccano,
  labelstudio: importLabelStudio,
  timeml: importTimeml,
};

/**
 * Imports one file. Either every document's annotations (sorted, ids t1…tN, `source: 'import'`,
 * accepted, or suggested for predictions) or, if anything is wrong, only errors naming the file,
 * line and problem: the caller writes nothing in that case.
 */
export function importFile(format: FormatId, request: ImportRequest): ImportResult {
  const importer = IMPORTERS[format];
  if (!importer) {
    return { documents: [], errors: [{ file: request.fileName, message: `${request.fileName}: the format ${format} cannot be imported` }], warnings: [] };
  }
  try {
    return importer(request);
  } catch (e) {
    // Hostile input must end in an error report, never in an exception the caller did not expect.
    const message = e instanceof Error ? e.message : String(e);
    return { documents: [], errors: [{ file: request.fileName, message: `${request.fileName}: could not be read (${message})` }], warnings: [] };
  }
}
