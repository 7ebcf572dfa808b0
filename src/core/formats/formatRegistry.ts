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
    capabilities: { canHoldOverlaps: true, canHoldNotes: true, canHoldValues: true, canHoldStatuses: true, canImport: true },
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
    capabilities: { canHoldOverlaps: true, canHoldNotes: true, canHoldValues: true, canHoldStatuses: true, canImport: true },
  },
  {
    id: 'webanno',
    displayName: 'WebAnno TSV 3.3 (INCEpTION)',
    extensions: ['.tsv'],
    manyDocumentsPerFile: false,
    capabilities: { canHoldOverlaps: true, canHoldNotes: false, canHoldValues: false, canHoldStatuses: false, canImport: true },
  },
  {
    id: 'spacy',
    displayName: 'spaCy / Prodigy JSONL',
    extensions: ['.jsonl'],
    manyDocumentsPerFile: true,
    capabilities: { canHoldOverlaps: true, canHoldNotes: true, canHoldValues: true, canHoldStatuses: false, canImport: true },
  },
];

export function formatById(id: string): FormatDefinition | undefined {
  return FORMATS.find((f) => f.id === id);
}

/**
 * Importable formats a file name points to: those with the longest extension that ends it (so
 * `a.txt.tawsim.json` is Tawsim JSON, not Label Studio). With the file's content, formats that
 * share an extension are told apart by it: a JSONL line with `spans`, `ents` or `tokens` and no
 * doccano `label` or `entities` is spaCy / Prodigy.
 */
export function importFormatsForFile(fileName: string, content?: string): FormatDefinition[] {
  const lower = fileName.toLowerCase();
  const matches = FORMATS.filter((f) => f.capabilities.canImport).map((f) => ({ f, length: Math.max(0, ...f.extensions.filter((e) => lower.endsWith(e)).map((e) => e.length)) }));
  const longest = Math.max(0, ...matches.map((m) => m.length));
  const found = longest === 0 ? [] : matches.filter((m) => m.length === longest).map((m) => m.f);
  if (content === undefined || found.length < 2 || !found.some((f) => f.id === 'spacy')) return found;
  return found.filter((f) => (f.id === 'spacy') === looksLikeSpacy(content));
}

function looksLikeSpacy(content: string): boolean {
  const first =
    content
      .replace(/^\ufeff/, '')
      .split('\n')
      .find((l) => l.trim() !== '') ?? '';
  try {
    const record = JSON.parse(first) as Record<string, unknown>;
    return ('spans' in record || 'ents' in record || 'tokens' in record) && !('label' in record) && !('entities' in record);
  } catch {
    return false;
  }
}
