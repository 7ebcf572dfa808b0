import type { FormatDefinition } from './formatTypes';

/**
 * Every interchange format with what it can carry. Commands and the CLI build their pickers and
 * "this export will leave out …" hints from this table; exportFormat.ts and importFormat.ts
 * dispatch on the same ids.
 */
export const FORMATS: readonly FormatDefinition[] = [
  {
    id: 'brat',
    displayName: 'brat standoff (.txt + .ann)',
    extensions: ['.ann'],
    manyDocumentsPerFile: false,
    capabilities: { canHoldOverlaps: true, canHoldNotes: true, canHoldValues: true, canHoldStatuses: false, canImport: true },
  },
  {
    id: 'conll',
    displayName: 'CoNLL 2003 (token and tag)',
    extensions: ['.conll', '.iob', '.bio'],
    manyDocumentsPerFile: true,
    capabilities: { canHoldOverlaps: false, canHoldNotes: false, canHoldValues: false, canHoldStatuses: false, canImport: true },
  },
  {
    id: 'doccano',
    displayName: 'doccano JSONL',
    extensions: ['.jsonl'],
    manyDocumentsPerFile: true,
    capabilities: { canHoldOverlaps: true, canHoldNotes: false, canHoldValues: false, canHoldStatuses: false, canImport: true },
  },
  {
    id: 'labelstudio',
    displayName: 'Label Studio JSON tasks',
    extensions: ['.json'],
    manyDocumentsPerFile: true,
    capabilities: { canHoldOverlaps: true, canHoldNotes: true, canHoldValues: true, canHoldStatuses: true, canImport: true },
  },
  {
    id: 'csv',
    displayName: 'CSV (one row per annotation)',
    extensions: ['.csv'],
    manyDocumentsPerFile: true,
    capabilities: { canHoldOverlaps: true, canHoldNotes: true, canHoldValues: true, canHoldStatuses: true, canImport: false },
  },
  {
    id: 'timeml',
    displayName: 'TimeML (TIMEX3 dates and times)',
    extensions: ['.tml'],
    manyDocumentsPerFile: false,
    capabilities: { canHoldOverlaps: false, canHoldNotes: false, canHoldValues: true, canHoldStatuses: false, canImport: true },
  },
  {
    id: 'tawsim-json',
    displayName: 'Tawsim JSON (sidecar content)',
    extensions: ['.tawsim.json'],
    manyDocumentsPerFile: false,
    capabilities: { canHoldOverlaps: true, canHoldNotes: true, canHoldValues: true, canHoldStatuses: true, canImport: false },
  },
];

export function formatById(id: string): FormatDefinition | undefined {
  return FORMATS.find((f) => f.id === id);
}

/** Importable formats whose extension ends the file name, most specific extension first. */
export function importFormatsForFile(fileName: string): FormatDefinition[] {
  const lower = fileName.toLowerCase();
  return FORMATS.filter((f) => f.capabilities.canImport && f.extensions.some((e) => lower.endsWith(e)));
}
