import type { DocumentStatus, Sidecar, SidecarProblem } from './sidecarTypes';
import { DOCUMENT_STATUSES, SIDECAR_VERSION } from './sidecarTypes';
import type { Annotation, ReviewRecord } from '../model/annotation';
import { ANNOTATION_SOURCES, ANNOTATION_STATUSES } from '../model/annotation';
import type { LabelDefinition } from '../model/labels';
import { LABEL_ID_PATTERN } from '../model/labels';
import type { Relation } from '../model/relation';
import type { ProjectSchema } from '../model/projectSchema';
import { relationLabelProblem } from '../model/projectSchema';
import { fragmentProblem } from '../model/fragments';
import { AnnotationIdSet } from './annotationIdSet';

export interface ValidationResult {
  readonly sidecar?: Sidecar;
  readonly problems: SidecarProblem[];
  readonly newerVersion: boolean;
}

const TOP_KEYS = ['tawsim', 'document', 'annotator', 'annotations', 'relations'];
const DOCUMENT_KEYS = ['path', 'sha256', 'length', 'date', 'status'];
const ANNOTATION_KEYS = ['id', 'label', 'start', 'end', 'text', 'status', 'source', 'value', 'note', 'review', 'orphan', 'fragments', 'attributes'];
const ANNOTATION_KEY_SET: ReadonlySet<string> = new Set(ANNOTATION_KEYS);
const ANNOTATION_STATUS_SET: ReadonlySet<unknown> = new Set(ANNOTATION_STATUSES);
const ANNOTATION_SOURCE_SET: ReadonlySet<unknown> = new Set(ANNOTATION_SOURCES);
const RELATION_KEYS = ['id', 'type', 'from', 'to', 'status', 'source', 'note'];

const REVIEW_KEYS = ['by', 'verdict', 'at', 'from'];
const VERDICTS = ['accepted', 'rejected', 'relabelled', 'reboundaried', 'added'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Checks a parsed YAML value against the sidecar schema (versions 1 and 2); problems carry key
 * paths, not lines. With a project schema, relation types, their ends and attribute values are
 * checked against it too: those are warnings (the settings may be what changed; nothing is lost).
 */
export function validateSidecarObject(
  value: unknown,
  labels?: readonly LabelDefinition[],
  schema?: ProjectSchema,
  /**
   * From `readSidecarSubset` (`SubsetRead.plainAnnotations`), for a value nobody else holds: the
   * marked annotations have only known keys, and are kept as they are instead of copied.
   */
  plainAnnotations?: Uint8Array,
): ValidationResult {
  const problems: SidecarProblem[] = [];
  let errors = 0;
  const error = (path: string, message: string): void => {
    errors++;
    problems.push({ path, message, severity: 'error' });
  };
  const warn = (path: string, message: string): void => void problems.push({ path, message, severity: 'warning' });

  if (!isRecord(value)) {
    error('', 'A sidecar must be a YAML mapping with the keys tawsim, document, annotator and annotations');
    return { problems, newerVersion: false };
  }
  const version = value['tawsim'];
  if (!Number.isInteger(version) || (version as number) < 1) {
    error('tawsim', '"tawsim" must be the schema version, a whole number such as 1');
    return { problems, newerVersion: false };
  }
  if ((version as number) > SIDECAR_VERSION) {
    error('tawsim', `This sidecar uses schema version ${version}, newer than this version of Tawsim reads (${SIDECAR_VERSION}); update Tawsim. The file is left untouched.`);
    return { problems, newerVersion: true };
  }
  unknownKeys(value, TOP_KEYS, '', error);
  const v1 = version === 1;
  const needsTwo = (path: string, key: string): void => error(path, `"${key}" belongs to sidecar schema 2; this file says "tawsim: 1" (write "tawsim: 2" to use it)`);
  if (v1 && value['relations'] !== undefined) needsTwo('relations', 'relations');

  const doc = value['document'];
  let length = Number.POSITIVE_INFINITY;
  if (!isRecord(doc)) error('document', '"document" must be a mapping with path, sha256 and length');
  else {
    unknownKeys(doc, DOCUMENT_KEYS, 'document.', error);
    if (typeof doc['path'] !== 'string' || doc['path'] === '') error('document.path', '"document.path" must be the text file\'s path');
    if (typeof doc['sha256'] !== 'string' || !/^[0-9a-f]{64}$/.test(doc['sha256'])) error('document.sha256', '"document.sha256" must be 64 lowercase hex digits');
    if (!isCount(doc['length'])) error('document.length', '"document.length" must be a whole number ≥ 0 (code points)');
    else length = doc['length'] as number;
    if (doc['date'] !== undefined && (typeof doc['date'] !== 'string' || !isCalendarDate(doc['date']))) {
      error(
        'document.date',
        `"document.date" must be a calendar date written YYYY-MM-DD${typeof doc['date'] === 'string' && DATE.test(doc['date']) ? `; ${doc['date']} is not a day of the calendar` : ''}`,
      );
    }
    if (doc['status'] !== undefined && !isDocumentStatus(doc['status'])) {
      error('document.status', `"document.status" must be one of ${DOCUMENT_STATUSES.join(', ')}`);
    }
  }
  if (typeof value['annotator'] !== 'string') error('annotator', '"annotator" must be a name');

  const list = value['annotations'] ?? [];
  const annotations: Annotation[] = [];
  if (!Array.isArray(list)) error('annotations', '"annotations" must be a list');
  else {
    const ids = new AnnotationIdSet();
    const spans = new SpanLabels(annotations);
    const known = labels ? new Set(labels.map((l) => l.id)) : undefined;
    /** Label ids seen in this file and whether they are well formed: a file uses a handful, 100,000 times. */
    const labelShapes = new Map<string, boolean>();
    // A plain loop with paths built only for a problem: this runs once per annotation, and a sidecar has 100,000.
    for (let i = 0; i < list.length; i++) {
      const item: unknown = list[i];
      const errorsBefore = errors;
      if (!isRecord(item)) {
        error(`annotations[${i}]`, `Annotation ${i + 1} must be a mapping`);
        continue;
      }
      const plain = plainAnnotations?.[i] === 1;
      if (!plain) for (const key in item) if (!ANNOTATION_KEY_SET.has(key)) unknownKey(`annotations[${i}].`, key, ANNOTATION_KEYS, error);
      const id = item['id'];
      if (typeof id !== 'string' || id === '') error(`annotations[${i}].id`, `Annotation ${i + 1} needs an "id"`);
      else if (!ids.add(id)) error(`annotations[${i}].id`, `Duplicate id "${id}"`);
      const label = item['label'];
      let wellFormed = typeof label === 'string' ? labelShapes.get(label) : false;
      if (wellFormed === undefined) {
        wellFormed = LABEL_ID_PATTERN.test(label as string);
        labelShapes.set(label as string, wellFormed);
      }
      if (!wellFormed) error(`annotations[${i}].label`, `"label" must be a label id such as PER`);
      else if (known && !known.has(label as string)) warn(`annotations[${i}].label`, `Label "${label as string}" is not in the label set; the annotation is kept and shown`);
      const start = item['start'];
      const end = item['end'];
      const startOk = isCount(start);
      const endOk = isCount(end);
      if (!startOk) error(`annotations[${i}].start`, '"start" must be a whole number ≥ 0 (code points)');
      if (!endOk) error(`annotations[${i}].end`, '"end" must be a whole number ≥ 0 (code points)');
      if (startOk && endOk) {
        if ((start as number) > (end as number)) error(`annotations[${i}].end`, `"end" (${end as number}) is before "start" (${start as number})`);
        else if ((end as number) > length) error(`annotations[${i}].end`, `"end" (${end as number}) is past the end of the text (${length} code points)`);
      }
      if (typeof item['text'] !== 'string') error(`annotations[${i}].text`, '"text" must be the covered text');
      if (!ANNOTATION_STATUS_SET.has(item['status'])) error(`annotations[${i}].status`, `"status" must be one of ${ANNOTATION_STATUSES.join(', ')}`);
      if (!ANNOTATION_SOURCE_SET.has(item['source'])) error(`annotations[${i}].source`, `"source" must be one of ${ANNOTATION_SOURCES.join(', ')}`);
      if (item['value'] !== undefined && typeof item['value'] !== 'string') error(`annotations[${i}].value`, `"value" must be text`);
      if (item['note'] !== undefined && typeof item['note'] !== 'string') error(`annotations[${i}].note`, `"note" must be text`);
      if (item['orphan'] !== undefined && typeof item['orphan'] !== 'boolean') error(`annotations[${i}].orphan`, '"orphan" must be true or false');
      if (v1 && item['fragments'] !== undefined) needsTwo(`annotations[${i}].fragments`, 'fragments');
      if (v1 && item['attributes'] !== undefined) needsTwo(`annotations[${i}].attributes`, 'attributes');
      if (item['fragments'] !== undefined) validateFragments(item['fragments'], item, `annotations[${i}].fragments`, length, error);
      if (item['attributes'] !== undefined) validateAttributes(item['attributes'], item['label'], `annotations[${i}].attributes`, schema, error, warn);
      const review = item['review'];
      if (review !== undefined) validateReview(review, `annotations[${i}].review`, error);
      if (errors > errorsBefore) continue;
      // A plain item has no key toAnnotation would drop or copy deeper: it is the annotation already.
      const annotation = plain ? (item as unknown as Annotation) : toAnnotation(item);
      if (!annotation.orphan) {
        const first = spans.firstWith(annotation);
        if (first !== undefined) {
          warn(
            `annotations[${i}].id`,
            `"${annotation.id}" is the same span and label as "${first}" (${annotation.label} ${annotation.start}-${annotation.end}); a span carries a label once: remove one of them`,
          );
        }
      }
      annotations.push(annotation);
    }
  }
  const relations = validateRelations(value['relations'], annotations, schema, error, warn);
  if (errors > 0) return { problems, newerVersion: false };
  const d = doc as Record<string, unknown>;
  const sidecar: Sidecar = {
    tawsim: version as number,
    document: {
      path: d['path'] as string,
      sha256: d['sha256'] as string,
      length: d['length'] as number,
      ...(d['date'] !== undefined ? { date: d['date'] as string } : {}),
      ...(d['status'] !== undefined ? { status: d['status'] as DocumentStatus } : {}),
    },
    annotator: value['annotator'] as string,
    annotations,
    ...(value['relations'] !== undefined ? { relations } : {}),
  };
  return { sidecar, problems, newerVersion: false };
}

function validateReview(review: unknown, at: string, error: (p: string, m: string) => void): void {
  if (!isRecord(review)) return error(at, '"review" must be a mapping with by, verdict and at');
  unknownKeys(review, REVIEW_KEYS, `${at}.`, error);
  if (typeof review['by'] !== 'string') error(`${at}.by`, '"review.by" must be the reviewer\'s name');
  if (!VERDICTS.includes(review['verdict'] as string)) error(`${at}.verdict`, `"review.verdict" must be one of ${VERDICTS.join(', ')}`);
  if (typeof review['at'] !== 'string') error(`${at}.at`, '"review.at" must be a timestamp');
  const from = review['from'];
  if (from !== undefined && (!Array.isArray(from) || from.some((f) => typeof f !== 'string'))) error(`${at}.from`, '"review.from" must be a list of names');
}

function validateFragments(fragments: unknown, item: Record<string, unknown>, at: string, length: number, error: (p: string, m: string) => void): void {
  const pairs = Array.isArray(fragments) && fragments.every((f) => Array.isArray(f) && f.length === 2 && f.every(isCount));
  if (!pairs || (fragments as unknown[]).length < 2) {
    return error(at, '"fragments" must list two or more [start, end] pairs of whole numbers (code points)');
  }
  const list = fragments as [number, number][];
  // An orphan's offsets are where it used to be, in a longer text perhaps: only their order is checked.
  const orphan = item['orphan'] === true;
  const problem = fragmentProblem(list, orphan ? Number.POSITIVE_INFINITY : length);
  if (problem) return error(at, `"fragments": ${problem}`);
  if (orphan) return;
  const first = list[0] as [number, number];
  const last = list[list.length - 1] as [number, number];
  if (item['start'] !== first[0] || item['end'] !== last[1]) {
    error(at, `"start" and "end" (${String(item['start'])}-${String(item['end'])}) must cover the fragments exactly (${first[0]}-${last[1]})`);
  }
}

function validateAttributes(
  attributes: unknown,
  label: unknown,
  at: string,
  schema: ProjectSchema | undefined,
  error: (p: string, m: string) => void,
  warn: (p: string, m: string) => void,
): void {
  if (!isRecord(attributes) || Object.keys(attributes).length === 0) return error(at, '"attributes" must be a mapping of names to values, with at least one');
  for (const [name, v] of Object.entries(attributes)) {
    if (typeof v !== 'string') {
      error(`${at}.${name}`, `Attribute "${name}" must have a text value`);
      continue;
    }
    if (!schema) continue;
    const definition = schema.attributes.find((d) => d.label === label && d.name === name);
    if (!definition) warn(`${at}.${name}`, `Attribute "${name}" is not defined for label ${String(label)}; it is kept`);
    else if (definition.values && !definition.values.includes(v)) warn(`${at}.${name}`, `"${v}" is not a value of "${name}" (${definition.values.join(', ')}); it is kept`);
  }
}

/** Relations: well formed, unique ids, both ends among the annotations; with a schema, types and their ends. */
function validateRelations(
  list: unknown,
  annotations: readonly Annotation[],
  schema: ProjectSchema | undefined,
  error: (p: string, m: string) => void,
  warn: (p: string, m: string) => void,
): Relation[] {
  if (list === undefined) return [];
  if (!Array.isArray(list)) {
    error('relations', '"relations" must be a list');
    return [];
  }
  const labelOf = new Map(annotations.map((a) => [a.id, a.label]));
  const ids = new Set<string>();
  const relations: Relation[] = [];
  list.forEach((item: unknown, i: number) => {
    const at = `relations[${i}]`;
    if (!isRecord(item)) return error(at, `Relation ${i + 1} must be a mapping with id, type, from, to, status and source`);
    let bad = false;
    const fail = (path: string, message: string): void => {
      bad = true;
      error(path, message);
    };
    unknownKeys(item, RELATION_KEYS, `${at}.`, fail);
    const id = item['id'];
    if (typeof id !== 'string' || id === '') fail(`${at}.id`, `Relation ${i + 1} needs an "id"`);
    else if (ids.has(id)) fail(`${at}.id`, `Duplicate relation id "${id}"`);
    else ids.add(id);
    const type = item['type'];
    if (typeof type !== 'string' || !LABEL_ID_PATTERN.test(type)) fail(`${at}.type`, '"type" must be a relation type such as member_of');
    for (const end of ['from', 'to'] as const) {
      const ref = item[end];
      if (typeof ref !== 'string') fail(`${at}.${end}`, `"${end}" must be an annotation id`);
      else if (!labelOf.has(ref)) fail(`${at}.${end}`, `"${end}" names "${ref}", which is no annotation of this file`);
    }
    if (!ANNOTATION_STATUSES.includes(item['status'] as never)) fail(`${at}.status`, `"status" must be one of ${ANNOTATION_STATUSES.join(', ')}`);
    if (!ANNOTATION_SOURCES.includes(item['source'] as never)) fail(`${at}.source`, `"source" must be one of ${ANNOTATION_SOURCES.join(', ')}`);
    if (item['note'] !== undefined && typeof item['note'] !== 'string') fail(`${at}.note`, '"note" must be text');
    if (bad) return;
    const relation: Relation = {
      id: id as string,
      type: type as string,
      from: item['from'] as string,
      to: item['to'] as string,
      status: item['status'] as Relation['status'],
      source: item['source'] as Relation['source'],
      ...(item['note'] !== undefined ? { note: item['note'] as string } : {}),
    };
    const definition = schema?.relationTypes.find((t) => t.id === relation.type);
    if (schema && !definition) warn(`${at}.type`, `Relation type "${relation.type}" is not defined in this project; it is kept`);
    if (definition && relation.from === relation.to && !definition.allowSelf) warn(`${at}.to`, `"${relation.type}" does not relate an annotation to itself ("${relation.from}")`);
    else if (definition) {
      const problem = relationLabelProblem(definition, labelOf.get(relation.from) as string, labelOf.get(relation.to) as string);
      if (problem) warn(`${at}.type`, `${problem}; it is kept`);
    }
    relations.push(relation);
  });
  return relations;
}

function toAnnotation(item: Record<string, unknown>): Annotation {
  // Assigned one by one, not spread: spreading conditional objects allocates one each, 100,000 times.
  const annotation: Mutable<Annotation> = {
    id: item['id'] as string,
    label: item['label'] as string,
    start: item['start'] as number,
    end: item['end'] as number,
    text: item['text'] as string,
    status: item['status'] as Annotation['status'],
    source: item['source'] as Annotation['source'],
  };
  if (item['value'] !== undefined) annotation.value = item['value'] as string;
  if (item['note'] !== undefined) annotation.note = item['note'] as string;
  if (item['review'] !== undefined) annotation.review = item['review'] as ReviewRecord;
  if (item['orphan'] === true) annotation.orphan = true;
  if (item['fragments'] !== undefined) annotation.fragments = (item['fragments'] as [number, number][]).map((f) => [f[0], f[1]] as const);
  if (item['attributes'] !== undefined) annotation.attributes = { ...(item['attributes'] as Record<string, string>) };
  return annotation;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * The first annotation id of each span and label, to find the same tag twice (which one span never
 * carries). Files Tawsim writes are sorted by start, end and label, so a repeat is the one before:
 * while the order holds, only the run's first id is kept; the first annotation out of order turns
 * to a map of everything seen.
 */
class SpanLabels {
  /** The first annotation of the last run of one span and label. */
  private last: Annotation | undefined;
  private seen: Map<string, string> | undefined;

  /** `kept`: the annotations kept so far, those before the one asked about (orphans among them are left out here). */
  constructor(private readonly kept: readonly Annotation[]) {}

  /** The id of an earlier annotation with this span and label, or undefined (and this one is remembered). */
  firstWith(a: Annotation): string | undefined {
    if (this.seen) return this.lookUp(a);
    const last = this.last;
    if (last && last.start === a.start && last.end === a.end && last.label === a.label) return last.id;
    if (!last || last.start < a.start || (last.start === a.start && (last.end < a.end || (last.end === a.end && last.label < a.label)))) {
      this.last = a;
      return undefined;
    }
    this.seen = new Map();
    for (const b of this.kept) if (!b.orphan && !this.seen.has(keyOf(b))) this.seen.set(keyOf(b), b.id);
    return this.lookUp(a);
  }

  private lookUp(a: Annotation): string | undefined {
    const map = this.seen as Map<string, string>;
    const key = keyOf(a);
    const first = map.get(key);
    if (first === undefined) map.set(key, a.id);
    return first;
  }
}

function keyOf(a: Annotation): string {
  return `${a.start}:${a.end}:${a.label}`;
}

function unknownKey(prefix: string, key: string, allowed: readonly string[], error: (p: string, m: string) => void): void {
  error(`${prefix}${key}`, `Unknown key "${key}"; allowed here: ${allowed.join(', ')}`);
}

function unknownKeys(obj: Record<string, unknown>, allowed: readonly string[], prefix: string, error: (p: string, m: string) => void): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) error(`${prefix}${key}`, `Unknown key "${key}"; allowed here: ${allowed.join(', ')}`);
  }
}

/** YYYY-MM-DD naming a real day of the proleptic Gregorian calendar (no 2023-02-30). */
function isCalendarDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(value.slice(0, 4)), Number(value.slice(5, 7)), Number(value.slice(8, 10))];
  const day = new Date(0);
  day.setUTCFullYear(y, mo - 1, d);
  return day.getUTCFullYear() === y && day.getUTCMonth() === mo - 1 && day.getUTCDate() === d;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isCount(v: unknown): boolean {
  return Number.isSafeInteger(v) && (v as number) >= 0;
}

function isDocumentStatus(value: unknown): value is DocumentStatus {
  return typeof value === 'string' && (DOCUMENT_STATUSES as readonly string[]).includes(value);
}
