import type { Annotation } from '../model/annotation';
import { DEFAULT_LABELS } from '../model/labels';
import type { ExportRequest, ExportResult, ExportedFile, ExportWarning } from './formatTypes';
import { leftOutWarning, prepareDocument } from './exportSelection';
import { BRAT_VALUE_ATTRIBUTE, bratAnnotationConf, bratVisualConf } from './bratConf';

/** A value brat can store: one whitespace-free token that also fits the conf's `a|b, …` list. */
const BRAT_VALUE = /^[^\s|,]+$/u;

/**
 * brat standoff: per document `name.txt` (the text, byte for byte) and `name.ann`, plus one
 * annotation.conf and visual.conf at the root (brat looks for them up the folder tree).
 *
 * brat counts offsets in code points of the .txt as Python reads it, which is exactly Tawsim's
 * unit, BOM and CR included. Only accepted spans are written; notes become `#n AnnotatorNotes`
 * lines and values the `Value` attribute (see bratConf.ts).
 */
export function exportBrat(request: ExportRequest): ExportResult {
  const labels = request.labels ?? DEFAULT_LABELS;
  const files: ExportedFile[] = [];
  const warnings: ExportWarning[] = [];
  const usedLabels = new Set<string>();
  const values = new Map<string, Set<string>>();
  for (const doc of request.documents) {
    const prepared = prepareDocument(doc, ['accepted']);
    warnings.push(...prepared.warnings);
    const lines: string[] = [];
    const badValues: Annotation[] = [];
    const foldedNotes: Annotation[] = [];
    let attr = 0;
    let note = 0;
    prepared.annotations.forEach((a, i) => {
      const t = `T${i + 1}`;
      usedLabels.add(a.label);
      // The text field ends at the line end: each line break or tab inside a span is written as one space, keeping its length.
      lines.push(`${t}\t${a.label} ${a.start} ${a.end}\t${flatten(a.text)}`);
      if (a.value !== undefined) {
        if (BRAT_VALUE.test(a.value)) {
          lines.push(`A${++attr}\t${BRAT_VALUE_ATTRIBUTE} ${t} ${a.value}`);
          const set = values.get(a.label) ?? new Set<string>();
          set.add(a.value);
          values.set(a.label, set);
        } else {
          badValues.push(a);
        }
      }
      if (a.note !== undefined) {
        if (/[\r\n\t]/.test(a.note)) foldedNotes.push(a);
        lines.push(`#${++note}\tAnnotatorNotes ${t}\t${flatten(a.note)}`);
      }
    });
    if (badValues.length) warnings.push(leftOutWarning(doc.path, 'values with spaces, | or , cannot be brat attribute values and were left out', badValues));
    if (foldedNotes.length) warnings.push(leftOutWarning(doc.path, 'notes with line breaks or tabs were written on one line', foldedNotes));
    const stem = doc.path.endsWith('.txt') ? doc.path.slice(0, -4) : doc.path;
    files.push({ relativePath: `${stem}.txt`, content: doc.text });
    files.push({ relativePath: `${stem}.ann`, content: lines.map((l) => `${l}\n`).join('') });
  }
  const labelIds = [...labels.map((l) => l.id), ...[...usedLabels].filter((l) => !labels.some((d) => d.id === l)).sort()];
  files.push({ relativePath: 'annotation.conf', content: bratAnnotationConf(labelIds, values) });
  files.push({ relativePath: 'visual.conf', content: bratVisualConf(labelIds, labels, request.options?.brat?.labelLanguage ?? 'ar') });
  return { files, warnings };
}

function flatten(s: string): string {
  return s.replace(/[\r\n\t]/g, ' ');
}
