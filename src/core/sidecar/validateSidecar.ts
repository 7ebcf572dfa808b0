import type { Sidecar, SidecarProblem } from './sidecarTypes';
import { SIDECAR_VERSION } from './sidecarTypes';
import type { Annotation, ReviewRecord } from '../model/annotation';
import { ANNOTATION_SOURCES, ANNOTATION_STATUSES } from '../model/annotation';
import type { LabelDefinition } from '../model/labels';
import { LABEL_ID_PATTERN } from '../model/labels';

export interface ValidationResult {
  readonly sidecar?: Sidecar;
  readonly problems: SidecarProblem[];
  readonly newerVersion: boolean;
}

const TOP_KEYS = ['tawsim', 'document', 'annotator', 'annotations'];
const DOCUMENT_KEYS = ['path', 'sha256', 'length', 'date'];
const ANNOTATION_KEYS = ['id', 'label', 'start', 'end', 'text', 'status', 'source', 'value', 'note', 'review', 'orphan'];
const REVIEW_KEYS = ['by', 'verdict', 'at', 'from'];
const VERDICTS = ['accepted', 'rejected', 'relabelled', 'reboundaried', 'added'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Checks a parsed YAML value against sidecar schema v1; problems carry key paths, not lines. */
export function validateSidecarObject(value: unknown, labels?: readonly LabelDefinition[]): ValidationResult {
  const problems: SidecarProblem[] = [];
  const error = (path: string, message: string): void => void problems.push({ path, message, severity: 'error' });
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
  }
  if (typeof value['annotator'] !== 'string') error('annotator', '"annotator" must be a name');

  const list = value['annotations'] ?? [];
  const annotations: Annotation[] = [];
  if (!Array.isArray(list)) error('annotations', '"annotations" must be a list');
  else {
    const ids = new Set<string>();
    /** Placed spans by span and label, to find the same tag twice (which one span never carries). */
    const spans = new Map<string, string>();
    const known = labels ? new Set(labels.map((l) => l.id)) : undefined;
    list.forEach((item: unknown, i: number) => {
      const at = `annotations[${i}]`;
      const before = problems.length;
      if (!isRecord(item)) {
        error(at, `Annotation ${i + 1} must be a mapping`);
        return;
      }
      unknownKeys(item, ANNOTATION_KEYS, `${at}.`, error);
      const id = item['id'];
      if (typeof id !== 'string' || id === '') error(`${at}.id`, `Annotation ${i + 1} needs an "id"`);
      else if (ids.has(id)) error(`${at}.id`, `Duplicate id "${id}"`);
      else ids.add(id);
      const label = item['label'];
      if (typeof label !== 'string' || !LABEL_ID_PATTERN.test(label)) error(`${at}.label`, `"label" must be a label id such as PER`);
      else if (known && !known.has(label)) warn(`${at}.label`, `Label "${label}" is not in the label set; the annotation is kept and shown`);
      const { start, end } = item;
      if (!isCount(start)) error(`${at}.start`, '"start" must be a whole number ≥ 0 (code points)');
      if (!isCount(end)) error(`${at}.end`, '"end" must be a whole number ≥ 0 (code points)');
      if (isCount(start) && isCount(end)) {
        if ((start as number) > (end as number)) error(`${at}.end`, `"end" (${end}) is before "start" (${start})`);
        else if ((end as number) > length) error(`${at}.end`, `"end" (${end}) is past the end of the text (${length} code points)`);
      }
      if (typeof item['text'] !== 'string') error(`${at}.text`, '"text" must be the covered text');
      if (!ANNOTATION_STATUSES.includes(item['status'] as never)) error(`${at}.status`, `"status" must be one of ${ANNOTATION_STATUSES.join(', ')}`);
      if (!ANNOTATION_SOURCES.includes(item['source'] as never)) error(`${at}.source`, `"source" must be one of ${ANNOTATION_SOURCES.join(', ')}`);
      for (const key of ['value', 'note'] as const) {
        if (item[key] !== undefined && typeof item[key] !== 'string') error(`${at}.${key}`, `"${key}" must be text`);
      }
      if (item['orphan'] !== undefined && typeof item['orphan'] !== 'boolean') error(`${at}.orphan`, '"orphan" must be true or false');
      const review = item['review'];
      if (review !== undefined) validateReview(review, `${at}.review`, error);
      if (problems.slice(before).some((p) => p.severity === 'error')) return;
      const annotation = toAnnotation(item);
      if (!annotation.orphan) {
        const key = `${annotation.start}:${annotation.end}:${annotation.label}`;
        const first = spans.get(key);
        if (first !== undefined) {
          warn(
            `${at}.id`,
            `"${annotation.id}" is the same span and label as "${first}" (${annotation.label} ${annotation.start}-${annotation.end}); a span carries a label once: remove one of them`,
          );
        } else spans.set(key, annotation.id);
      }
      annotations.push(annotation);
    });
  }
  if (problems.some((p) => p.severity === 'error')) return { problems, newerVersion: false };
  const d = doc as Record<string, unknown>;
  const sidecar: Sidecar = {
    tawsim: version as number,
    document: {
      path: d['path'] as string,
      sha256: d['sha256'] as string,
      length: d['length'] as number,
      ...(d['date'] !== undefined ? { date: d['date'] as string } : {}),
    },
    annotator: value['annotator'] as string,
    annotations,
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

function toAnnotation(item: Record<string, unknown>): Annotation {
  const review = item['review'] as ReviewRecord | undefined;
  return {
    id: item['id'] as string,
    label: item['label'] as string,
    start: item['start'] as number,
    end: item['end'] as number,
    text: item['text'] as string,
    status: item['status'] as Annotation['status'],
    source: item['source'] as Annotation['source'],
    ...(item['value'] !== undefined ? { value: item['value'] as string } : {}),
    ...(item['note'] !== undefined ? { note: item['note'] as string } : {}),
    ...(review !== undefined ? { review } : {}),
    ...(item['orphan'] === true ? { orphan: true } : {}),
  };
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
