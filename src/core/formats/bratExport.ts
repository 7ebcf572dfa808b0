import type { Annotation } from '../model/annotation';
import { DEFAULT_LABELS } from '../model/labels';
import type { ExportRequest, ExportResult, ExportedFile, ExportWarning } from './formatTypes';
import type { PreparedDocument } from './exportSelection';
import { leftOutWarning, noticeWarning, prepareDocument } from './exportSelection';
import { BRAT_VALUE_ATTRIBUTE, bratAnnotationConf, bratVisualConf } from './bratConf';
import { PYTHON_LINE_BREAKS, PYTHON_SPACE } from './pythonText';

/** A value brat can store: one token without white space (as Python splits), `|` or `,`, so it also fits the conf's `a|b, …` list. */
function isBratValue(value: string): boolean {
  return value !== '' && !/[|,]/.test(value) && !PYTHON_SPACE.test(value);
}

/** brat joins the texts of a span's fragments with one space on its T line (DISCONT_SEP). */
export const BRAT_FRAGMENT_SEPARATOR = ' ';

/**
 * brat standoff: per document `name.txt` (the text, byte for byte) and `name.ann`, plus one
 * annotation.conf and visual.conf at the root (brat looks for them up the folder tree).
 *
 * brat counts offsets in code points of the .txt as Python reads it, which is exactly Tawsim's
 * unit, CR included. brat reads the .ann with Python's `splitlines()`, so a T line's text may hold
 * no line end of any kind (\n, \r, \v, \f, \x1c–\x1e, \x85, U+2028, U+2029): a span across one is
 * written as brat itself stores it, as fragments split at each line end (`T1 ORG 0 14;16 24`),
 * which Tawsim reads back as one span. Tabs need nothing. Only accepted spans are written; notes
 * become `#n AnnotatorNotes` lines (line ends replaced by spaces) and values the `Value` attribute.
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
    const fragmented: Annotation[] = [];
    const onlyBreaks: Annotation[] = [];
    const trimmed: Annotation[] = [];
    const repeated: Annotation[] = [];
    const written = new Set<string>();
    let t = 0;
    let attr = 0;
    let note = 0;
    for (const a of prepared.annotations) {
      const fragments = bratFragments(prepared, a);
      // brat reads a T line whose text is all white space as a line without text.
      if (fragments.every((f) => [...f.text].every((ch) => PYTHON_SPACE.test(ch)))) {
        onlyBreaks.push(a);
        continue;
      }
      const offsets = fragments.map((f) => `${f.start} ${f.end}`).join(';');
      // Without its line ends a span can become another span of the same label: brat would hold it twice.
      if (written.has(`${a.label} ${offsets}`)) {
        repeated.push(a);
        continue;
      }
      written.add(`${a.label} ${offsets}`);
      if (fragments.length > 1) fragmented.push(a);
      if (fragments[0]?.start !== a.start || fragments[fragments.length - 1]?.end !== a.end) trimmed.push(a);
      const id = `T${++t}`;
      usedLabels.add(a.label);
      lines.push(`${id}\t${a.label} ${offsets}\t${fragments.map((f) => f.text).join(BRAT_FRAGMENT_SEPARATOR)}`);
      if (a.value !== undefined) {
        if (isBratValue(a.value)) {
          lines.push(`A${++attr}\t${BRAT_VALUE_ATTRIBUTE} ${id} ${a.value}`);
          const set = values.get(a.label) ?? new Set<string>();
          set.add(a.value);
          values.set(a.label, set);
        } else {
          badValues.push(a);
        }
      }
      if (a.note !== undefined) {
        const oneLine = a.note.replace(PYTHON_LINE_BREAKS, ' ');
        if (oneLine !== a.note) foldedNotes.push(a);
        lines.push(`#${++note}\tAnnotatorNotes ${id}\t${oneLine}`);
      }
    }
    if (onlyBreaks.length) warnings.push(leftOutWarning(doc.path, 'spans of nothing but white space left out (brat reads such a span as one without text)', onlyBreaks));
    if (repeated.length) warnings.push(leftOutWarning(doc.path, 'spans left out: without their line ends they are another span of the same label', repeated));
    if (trimmed.length) warnings.push(leftOutWarning(doc.path, 'line ends at the start or end of spans left out of them (brat cannot mark a line end)', trimmed));
    if (fragmented.length) warnings.push(noticeWarning(doc.path, 'spans across line ends written as fragments split at each line end, as brat stores them', fragmented));
    if (badValues.length) warnings.push(leftOutWarning(doc.path, 'values with white space, | or , cannot be brat attribute values and were left out', badValues));
    if (foldedNotes.length) warnings.push(leftOutWarning(doc.path, 'notes with line ends were written on one line (each line end as a space)', foldedNotes));
    const stem = doc.path.endsWith('.txt') ? doc.path.slice(0, -4) : doc.path;
    files.push({ relativePath: `${stem}.txt`, content: doc.text });
    files.push({ relativePath: `${stem}.ann`, content: lines.map((l) => `${l}\n`).join('') });
  }
  const labelIds = [...labels.map((l) => l.id), ...[...usedLabels].filter((l) => !labels.some((d) => d.id === l)).sort()];
  files.push({ relativePath: 'annotation.conf', content: bratAnnotationConf(labelIds, values) });
  files.push({ relativePath: 'visual.conf', content: bratVisualConf(labelIds, labels, request.options?.brat?.labelLanguage ?? 'ar') });
  return { files, warnings };
}

interface Fragment {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** The pieces of a span between line ends, in code points; empty pieces are dropped. */
function bratFragments(prepared: PreparedDocument, a: Annotation): Fragment[] {
  const from = prepared.index.toUtf16(a.start);
  const text = prepared.doc.text.slice(from, prepared.index.toUtf16(a.end));
  const fragments: Fragment[] = [];
  const breaks = new RegExp(PYTHON_LINE_BREAKS.source, 'gu');
  let at = 0;
  const push = (end: number): void => {
    if (end > at) fragments.push({ start: prepared.index.toCodePoint(from + at), end: prepared.index.toCodePoint(from + end), text: text.slice(at, end) });
  };
  for (let m = breaks.exec(text); m !== null; m = breaks.exec(text)) {
    push(m.index);
    at = m.index + m[0].length;
  }
  push(text.length);
  return fragments;
}
