import type { Annotation } from '../model/annotation';
import { DEFAULT_LABELS } from '../model/labels';
import type { ExportRequest, ExportResult, ExportedFile, ExportWarning } from './formatTypes';
import type { PreparedDocument } from './exportSelection';
import { leftOutWarning, noticeWarning, prepareDocument } from './exportSelection';
import { BRAT_VALUE_ATTRIBUTE, bratAnnotationConf, bratAttributeDeclaration, bratRelationDeclaration, bratVisualConf } from './bratConf';
import { relationWarning } from './exportSelection';
import type { Relation } from '../model/relation';
import { DEFAULT_PROJECT_SCHEMA } from '../model/projectSchema';
import { PYTHON_LINE_BREAKS, PYTHON_SPACE } from './pythonText';

/** A value brat can store: one token without white space (as Python splits), `|` or `,`, so it also fits the conf's `a|b, …` list. */
function isBratValue(value: string): boolean {
  return value !== '' && !/[|,]/.test(value) && !PYTHON_SPACE.test(value);
}

/** brat joins the texts of a span's fragments with one space on its T line (DISCONT_SEP). */
export const BRAT_FRAGMENT_SEPARATOR = ' ';

/** A brat binary attribute (`A1<TAB>Negated T1`, no value) is the value "true" in a sidecar, and back. */
export const BRAT_BINARY_VALUE = 'true';

/** Relation types written as brat equivalences (`*<TAB>Equiv T1 T2 T3`) unless the options name others: brat's own name for them. */
export const BRAT_EQUIVALENCE_TYPES: readonly string[] = ['Equiv'];

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
 *
 * Schema 2: a discontinuous span is one T line with its fragments joined by `;` (each split at line
 * ends too); attributes are `A` lines (binary when the value is "true"); relations are `R` lines
 * (`R1<TAB>member_of Arg1:T1 Arg2:T2`), except equivalence types, written as brat writes them, one
 * `*` line per group of annotations they join. annotation.conf declares every relation type and
 * attribute used, with the labels found at their ends.
 */
export function exportBrat(request: ExportRequest): ExportResult {
  const labels = request.labels ?? DEFAULT_LABELS;
  const files: ExportedFile[] = [];
  const warnings: ExportWarning[] = [];
  const usedLabels = new Set<string>();
  const values = new Map<string, Set<string>>();
  const schema = request.schema ?? DEFAULT_PROJECT_SCHEMA;
  const equivalences = new Set(request.options?.brat?.equivalenceTypes ?? BRAT_EQUIVALENCE_TYPES);
  /** Relation types used, with the labels found at each end. */
  const relationTypes = new Map<string, { from: Set<string>; to: Set<string> }>();
  /** Attributes used: name → labels and values (empty set of values: binary). */
  const attributes = new Map<string, { labels: Set<string>; values: Set<string>; binary: boolean }>();
  for (const doc of request.documents) {
    const prepared = prepareDocument(doc, ['accepted'], { fragments: true, attributes: true, relations: true });
    warnings.push(...prepared.warnings);
    const lines: string[] = [];
    const badValues: Annotation[] = [];
    const foldedNotes: Annotation[] = [];
    const fragmented: Annotation[] = [];
    const onlyBreaks: Annotation[] = [];
    const trimmed: Annotation[] = [];
    const repeated: Annotation[] = [];
    const written = new Set<string>();
    const badAttributes: Annotation[] = [];
    /** Annotation id → its T id, for relations. */
    const tIds = new Map<string, string>();
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
      if (fragments.length > (a.fragments?.length ?? 1)) fragmented.push(a);
      if (fragments[0]?.start !== a.start || fragments[fragments.length - 1]?.end !== a.end) trimmed.push(a);
      const id = `T${++t}`;
      tIds.set(a.id, id);
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
      for (const [name, value] of Object.entries(a.attributes ?? {})) {
        // An attribute brat's conf could not declare (a name that is not one token, or the date value's own name) is left out.
        if (!isBratValue(name) || name === BRAT_VALUE_ATTRIBUTE || (value !== BRAT_BINARY_VALUE && !isBratValue(value))) {
          badAttributes.push(a);
          continue;
        }
        const used = attributes.get(name) ?? { labels: new Set<string>(), values: new Set<string>(), binary: false };
        used.labels.add(a.label);
        if (value === BRAT_BINARY_VALUE) used.binary = true;
        else used.values.add(value);
        attributes.set(name, used);
        lines.push(`A${++attr}\t${name} ${id}${value === BRAT_BINARY_VALUE ? '' : ` ${value}`}`);
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
    if (badAttributes.length)
      warnings.push(leftOutWarning(doc.path, 'attributes whose name or value has white space, | or , (or is named Value) left out; the spans are written', badAttributes));
    lines.push(...bratRelationLines(prepared.relations, tIds, equivalences, prepared.annotations, relationTypes, warnings, doc.path));
    if (badValues.length) warnings.push(leftOutWarning(doc.path, 'values with white space, | or , cannot be brat attribute values and were left out', badValues));
    if (foldedNotes.length) warnings.push(leftOutWarning(doc.path, 'notes with line ends were written on one line (each line end as a space)', foldedNotes));
    const stem = doc.path.endsWith('.txt') ? doc.path.slice(0, -4) : doc.path;
    files.push({ relativePath: `${stem}.txt`, content: doc.text });
    files.push({ relativePath: `${stem}.ann`, content: lines.map((l) => `${l}\n`).join('') });
  }
  const labelIds = [...labels.map((l) => l.id), ...[...usedLabels].filter((l) => !labels.some((d) => d.id === l)).sort()];
  // A value attribute and an attribute of the same name cannot both be declared; the value one is the older contract.
  const relationLines = [...relationTypes].map(([type, ends]) => {
    const definition = schema.relationTypes.find((d) => d.id === type);
    const kind = equivalences.has(type) ? 'symmetric-transitive' : definition?.symmetric ? 'symmetric' : undefined;
    return bratRelationDeclaration(type, [...ends.from], [...ends.to], kind);
  });
  const attributeLines = [...attributes].map(([name, used]) => {
    // brat has one kind per attribute: binary, or valued; a valued one whose value is "true" keeps the word.
    const vals = used.values.size > 0 && used.binary ? [...used.values, BRAT_BINARY_VALUE] : [...used.values];
    return bratAttributeDeclaration(name, [...used.labels], vals);
  });
  files.push({ relativePath: 'annotation.conf', content: bratAnnotationConf(labelIds, values, { relations: relationLines, attributes: attributeLines }) });
  files.push({ relativePath: 'visual.conf', content: bratVisualConf(labelIds, labels, request.options?.brat?.labelLanguage ?? 'ar') });
  return { files, warnings };
}

/**
 * R lines for directed and symmetric types, `*` lines for equivalence types (one per connected
 * group, members in T order, as brat lists them). Records the types used and the labels at their ends.
 */
function bratRelationLines(
  relations: readonly Relation[],
  tIds: ReadonlyMap<string, string>,
  equivalences: ReadonlySet<string>,
  annotations: readonly Annotation[],
  used: Map<string, { from: Set<string>; to: Set<string> }>,
  warnings: ExportWarning[],
  path: string,
): string[] {
  const labelOf = new Map(annotations.map((a) => [a.id, a.label]));
  const lines: string[] = [];
  const unwritten: Relation[] = [];
  const selfLinks: Relation[] = [];
  /** Equivalence links by type: T id → the T ids it is linked to. */
  const links = new Map<string, Map<string, Set<string>>>();
  let r = 0;
  for (const rel of relations) {
    const from = tIds.get(rel.from);
    const to = tIds.get(rel.to);
    if (!from || !to || !isBratValue(rel.type)) {
      unwritten.push(rel);
      continue;
    }
    // brat refuses a relation whose two arguments are one annotation.
    if (from === to) {
      selfLinks.push(rel);
      continue;
    }
    const equivalence = equivalences.has(rel.type);
    const ends = used.get(rel.type) ?? { from: new Set<string>(), to: new Set<string>() };
    ends.from.add(labelOf.get(rel.from) as string);
    ends.to.add(labelOf.get(rel.to) as string);
    used.set(rel.type, ends);
    if (!equivalence) {
      lines.push(`R${++r}\t${rel.type} Arg1:${from} Arg2:${to}\t`);
      continue;
    }
    ends.from.add(labelOf.get(rel.to) as string);
    ends.to.add(labelOf.get(rel.from) as string);
    const graph = links.get(rel.type) ?? new Map<string, Set<string>>();
    links.set(rel.type, graph);
    for (const [x, y] of [
      [from, to],
      [to, from],
    ] as const) {
      graph.set(x, (graph.get(x) ?? new Set<string>()).add(y));
    }
  }
  for (const [type, graph] of links) {
    const seen = new Set<string>();
    for (const start of [...graph.keys()].sort((p, q) => tNumber(p) - tNumber(q))) {
      if (seen.has(start)) continue;
      const group: string[] = [];
      const queue = [start];
      seen.add(start);
      while (queue.length > 0) {
        const x = queue.pop() as string;
        group.push(x);
        for (const y of graph.get(x) ?? []) {
          if (seen.has(y)) continue;
          seen.add(y);
          queue.push(y);
        }
      }
      lines.push(`*\t${type} ${group.sort((p, q) => tNumber(p) - tNumber(q)).join(' ')}`);
    }
  }
  if (unwritten.length) warnings.push(relationWarning(path, 'relations left out: an end was not written, or the type is not one brat token', unwritten));
  if (selfLinks.length) warnings.push(relationWarning(path, 'relations of an annotation to itself left out (brat refuses them)', selfLinks));
  return lines;
}

function tNumber(id: string): number {
  return Number(id.slice(1));
}

interface Fragment {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** The pieces of a span (of each of its fragments) between line ends, in code points; empty pieces are dropped. */
function bratFragments(prepared: PreparedDocument, a: Annotation): Fragment[] {
  if (a.fragments) return a.fragments.flatMap(([start, end]) => bratFragments(prepared, { ...a, start, end, fragments: undefined } as Annotation));
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
