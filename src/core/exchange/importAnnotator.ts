/**
 * The annotator an imported file's annotations are written under when nobody names one. A file
 * holding many documents is usually one person's work named after them (`salma.jsonl`); a brat
 * `.ann` is named after its document, which says nothing about who annotated it.
 */
export function defaultImportAnnotator(fileName: string, manyDocumentsPerFile: boolean): string {
  if (!manyDocumentsPerFile) return 'import';
  const name = fileName.replace(/\\/g, '/').split('/').pop() ?? '';
  const dot = name.indexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  return stem.trim() || 'import';
}
