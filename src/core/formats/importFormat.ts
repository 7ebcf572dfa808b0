import type { FormatId, ImportRequest, ImportResult } from './formatTypes';
import { importBrat } from './bratImport';
import { importConll } from './conllImport';
import { importDoccano } from './doccano';
import { importLabelStudio } from './labelStudio';
import { importCsv } from './csvImport';
import { importTawsimJson } from './tawsimJsonImport';
import { importWebanno } from './webannoImport';
import { importSpacy } from './spacyJsonl';
import { importTimeml } from './timemlImport';

const IMPORTERS: Partial<Readonly<Record<FormatId, (request: ImportRequest) => ImportResult>>> = {
  brat: importBrat,
  conll: importConll,
  doccano: importDoccano,
  labelstudio: importLabelStudio,
  csv: importCsv,
  'tawsim-json': importTawsimJson,
  webanno: importWebanno,
  spacy: importSpacy,
  timeml: importTimeml,
};

/**
 * Imports one file. Either every document's annotations (sorted, ids t1…tN, `source: 'import'`,
 * with the status the file gives; Tawsim JSON keeps everything as it was), one entry per document
 * and annotator, or, if anything is wrong, only errors naming the file, line and problem: the
 * caller writes nothing in that case.
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
