import type { Annotation, AnnotationStatus } from '../model/annotation';
import { compareAnnotations } from '../model/annotation';
import type { Relation } from '../model/relation';
import { LABEL_ID_PATTERN } from '../model/labels';
import type { ImportError, ImportRequest, ImportResult, ImportedDocument, SourceDocument } from './formatTypes';
import type { OffsetUnit } from './offsetUnits';
import { OFFSET_UNIT_NAMES, OffsetConverter } from './offsetUnits';
import { safeRelativePath } from './safeRelativePath';

export const DEFAULT_MAX_CONTENT_LENGTH = 50_000_000;
export const DEFAULT_MAX_ANNOTATIONS = 500_000;
/** A broken file can produce an error per line; past this many the rest are only counted. */
const MAX_REPORTED_ERRORS = 100;

/** Where in the imported file something is, for error messages. */
export interface Place {
  readonly line?: number;
  readonly where?: string;
  /** Set on errors an option of the import can resolve, so a caller can offer it. */
  readonly code?: ImportError['code'];
}

/** A span as read from a file, before it is checked: offsets still in the file's unit. */
export interface RawSpan {
  readonly start: unknown;
  readonly end: unknown;
  readonly label: unknown;
  /** The covered text as the file states it, checked against the document when present. */
  readonly text?: string;
  readonly status?: AnnotationStatus;
  readonly value?: string;
  readonly note?: string;
  /** Attribute values by name (Label Studio per-region choices, brat attributes). */
  readonly attributes?: Readonly<Record<string, string>>;
}

/** A relation as read, its ends the indices `keep`/`addSpan` returned for them in the same set. */
export interface PendingRelation {
  readonly type: string;
  readonly from: number;
  readonly to: number;
  readonly status?: Annotation['status'];
  readonly note?: string;
}

/** Whose annotations a document's set is, when the file says (Label Studio, CSV, Tawsim JSON). */
export interface SetOwner {
  readonly annotator?: string;
  /** The adjudicated set: Label Studio's ground truth, written to the gold sidecar. */
  readonly gold?: boolean;
}

export interface PendingDocument {
  readonly source: SourceDocument;
  readonly owner: SetOwner;
  readonly annotations: Omit<Annotation, 'id'>[];
  /** Relations between annotations of this set, by their index in `annotations`. */
  relations?: PendingRelation[];
  fields?: Record<string, unknown>;
  date?: string;
  /** The file's own ids are kept (Tawsim JSON); other formats are numbered t1…tN. */
  keepIds?: boolean;
}

/**
 * Gathers the result of one import: every check reports here, and `result()` returns either all
 * documents or, when anything failed, only the errors, so the caller never writes half a file.
 * One document of the file may give several sets (one per annotator, and a gold one); each is
 * its own entry of the result.
 */
export class ImportCollector {
  private readonly errors: ImportError[] = [];
  private extraErrors = 0;
  private readonly warnings: string[] = [];
  private readonly pending = new Map<string, PendingDocument>();
  private readonly converters = new Map<string, OffsetConverter>();
  private readonly labelIds: ReadonlySet<string>;
  private readonly outsideLabels = new Map<string, number>();
  private annotationCount = 0;
  readonly maxAnnotations: number;

  constructor(readonly request: ImportRequest) {
    this.labelIds = new Set(request.labels.map((l) => l.id));
    this.maxAnnotations = request.options?.maxAnnotations ?? DEFAULT_MAX_ANNOTATIONS;
  }

  get file(): string {
    return this.request.fileName;
  }

  get failed(): boolean {
    return this.errors.length > 0;
  }

  /** Refuses content over the size limit before any parsing work is done. */
  checkSize(): boolean {
    const max = this.request.options?.maxContentLength ?? DEFAULT_MAX_CONTENT_LENGTH;
    if (this.request.content.length > max) {
      this.error({}, `the file is too large to import (${this.request.content.length} characters; the limit is ${max})`);
      return false;
    }
    return true;
  }

  error(place: Place, message: string): void {
    if (this.errors.length >= MAX_REPORTED_ERRORS) {
      this.extraErrors++;
      return;
    }
    const where = place.line !== undefined ? `, line ${place.line}` : place.where !== undefined ? ` ${place.where}` : '';
    this.errors.push({
      file: this.file,
      ...(place.line !== undefined ? { line: place.line } : {}),
      ...(place.where !== undefined ? { where: place.where } : {}),
      ...(place.code !== undefined ? { code: place.code } : {}),
      message: `${this.file}${where}: ${message}`,
    });
  }

  warn(message: string): void {
    this.warnings.push(`${this.file}: ${message}`);
  }

  /** Checks a path named inside the file and finds its document; reports and returns undefined when it cannot. */
  documentByPath(path: string, place: Place): SourceDocument | undefined {
    const safe = safeRelativePath(path);
    if (!safe.ok) {
      this.error(place, `the document path ${JSON.stringify(path)} is not allowed: ${safe.reason}`);
      return undefined;
    }
    const doc = this.request.documents.find((d) => d.path === safe.path);
    if (!doc) this.error(place, `no document ${JSON.stringify(safe.path)} to attach annotations to`);
    return doc;
  }

  /**
   * The document for a record that carries its own copy of the text: by path when it names one,
   * else the document with the same text, else the only document. The text must then match.
   */
  documentForRecord(text: string, path: string | undefined, place: Place): SourceDocument | undefined {
    let doc: SourceDocument | undefined;
    if (path !== undefined) {
      doc = this.documentByPath(path, place);
      if (!doc) return undefined;
    } else {
      doc = this.request.documents.find((d) => d.text === text) ?? (this.request.documents.length === 1 ? this.request.documents[0] : undefined);
      if (!doc) {
        this.error(place, 'the record names no document path and its text matches none of the documents');
        return undefined;
      }
    }
    const differs = firstDifference(text, doc.text);
    if (differs !== undefined) {
      this.error(place, `the text differs from the document ${doc.path} at code point ${differs}`);
      return undefined;
    }
    return doc;
  }

  /**
   * The set of annotations one owner gives a document, registered so it appears in the result even
   * when it ends up empty. Asking again for the same document and owner returns the same set.
   */
  open(doc: SourceDocument, options: SetOwner & { readonly fields?: Record<string, unknown>; readonly date?: string } = {}): PendingDocument {
    const owner: SetOwner = { ...(options.annotator !== undefined ? { annotator: options.annotator } : {}), ...(options.gold ? { gold: true } : {}) };
    const key = `${doc.path}\u0000${owner.annotator ?? ''}\u0000${owner.gold ? 'gold' : ''}`;
    let pending = this.pending.get(key);
    if (!pending) {
      pending = { source: doc, owner, annotations: [] };
      this.pending.set(key, pending);
    }
    if (options.fields && Object.keys(options.fields).length > 0) pending.fields = options.fields;
    if (options.date !== undefined) pending.date = options.date;
    return pending;
  }

  /** The converter between a unit and UTF-16 for a document, made once per document and unit. */
  converter(doc: SourceDocument, unit: OffsetUnit): OffsetConverter {
    const key = `${doc.path}\u0000${unit}`;
    let converter = this.converters.get(key);
    if (!converter) {
      converter = new OffsetConverter(doc.text, unit);
      this.converters.set(key, converter);
    }
    return converter;
  }

  /**
   * Checks a label: a non-empty string that can be a sidecar label id. A label outside the label
   * set is kept (sidecars keep such labels, and the editor shows them) and named in a warning.
   */
  checkLabel(label: unknown, place: Place): label is string {
    if (typeof label !== 'string' || label === '') {
      this.error(place, 'the label must be a non-empty string');
      return false;
    }
    if (!LABEL_ID_PATTERN.test(label)) {
      this.error(place, `the label ${JSON.stringify(label)} cannot be a Tawsim label id (a letter, then letters, digits, _ or -)`);
      return false;
    }
    if (!this.labelIds.has(label)) this.outsideLabels.set(label, (this.outsideLabels.get(label) ?? 0) + 1);
    return true;
  }

  /**
   * Checks one span (whole-number offsets inside the text, start before end, a usable label,
   * stated text equal to the document's) and keeps it. Offsets are in `unit`, code points unless said.
   */
  addSpan(target: PendingDocument, raw: RawSpan, place: Place, unit: OffsetUnit = 'codePoint'): number | undefined {
    const doc = target.source;
    const { start, end, label } = raw;
    if (!this.checkLabel(label, place)) return;
    if (!isOffset(start) || !isOffset(end)) {
      this.error(place, `offsets must be whole numbers of at least 0 (got start ${JSON.stringify(start)}, end ${JSON.stringify(end)})`);
      return;
    }
    if (start >= end) {
      this.error(place, `start ${start} must be less than end ${end}`);
      return;
    }
    const units = this.converter(doc, unit);
    if (end > units.length) {
      this.error(place, `end ${end} is past the end of ${doc.path} (${units.length} ${OFFSET_UNIT_NAMES[unit]})`);
      return;
    }
    const from = units.toUtf16(start);
    const to = units.toUtf16(end);
    if (unit === 'utf16' && (splitsPair(doc.text, from) || splitsPair(doc.text, to))) {
      this.error(place, `offset ${start}-${end} falls inside a surrogate pair of ${doc.path}`);
      return;
    }
    const points = this.converter(doc, 'codePoint');
    const covered = doc.text.slice(from, to);
    const cpStart = points.fromUtf16(from) as number;
    if (raw.text !== undefined && raw.text !== covered) {
      const at = firstDifference(raw.text, covered) ?? 0;
      this.error(
        place,
        `the span text ${JSON.stringify(raw.text)} differs from the document ${doc.path} at code point ${cpStart + at} (the document has ${JSON.stringify(covered)})`,
      );
      return;
    }
    return this.keep(target, {
      label,
      start: cpStart,
      end: points.fromUtf16(to) as number,
      text: covered,
      status: raw.status ?? 'accepted',
      source: 'import',
      ...(raw.value !== undefined && raw.value !== '' ? { value: raw.value } : {}),
      ...(raw.note !== undefined && raw.note !== '' ? { note: raw.note } : {}),
      ...(raw.attributes !== undefined && Object.keys(raw.attributes).length > 0 ? { attributes: raw.attributes } : {}),
    });
  }

  /** Keeps an annotation that was already checked against its document (code points); returns its index for relations. */
  keep(target: PendingDocument, annotation: Omit<Annotation, 'id'>): number | undefined {
    if (++this.annotationCount > this.maxAnnotations) {
      if (this.annotationCount === this.maxAnnotations + 1) this.error({}, `too many annotations (the limit is ${this.maxAnnotations})`);
      return undefined;
    }
    target.annotations.push(annotation);
    return target.annotations.length - 1;
  }

  /** Keeps a relation between two annotations kept in the same set. */
  relate(target: PendingDocument, relation: PendingRelation): void {
    (target.relations ??= []).push(relation);
  }

  result(): ImportResult {
    if (this.errors.length > 0) {
      const errors = [...this.errors];
      if (this.extraErrors > 0) errors.push({ file: this.file, message: `${this.file}: ${this.extraErrors} more errors not shown` });
      return { documents: [], errors, warnings: this.warnings };
    }
    if (this.outsideLabels.size > 0) {
      const list = [...this.outsideLabels].map(([label, n]) => `${label} (${n})`).join(', ');
      this.warn(`labels outside the label set, imported as they are (sidecars keep them): ${list}`);
    }
    const documents: ImportedDocument[] = [];
    for (const p of this.pending.values()) {
      const { annotations, relations } = this.finish(p);
      documents.push({
        path: p.source.path,
        annotations,
        ...(relations.length > 0 ? { relations } : {}),
        ...(p.fields ? { fields: p.fields } : {}),
        ...(p.owner.annotator !== undefined ? { annotator: p.owner.annotator } : {}),
        ...(p.owner.gold ? { gold: true } : {}),
        ...(p.date !== undefined ? { date: p.date } : {}),
      });
    }
    return { documents, errors: [], warnings: this.warnings };
  }

  /**
   * Sorts, drops exact repeats (same span, label and status) with a warning, and numbers t1…tN;
   * relations follow their ends (a repeat's relations go to the copy kept) and are numbered r1…rN.
   */
  private finish(p: PendingDocument): { annotations: Annotation[]; relations: Relation[] } {
    if (p.keepIds) return { annotations: [...(p.annotations as Annotation[])].sort(compareAnnotations), relations: [] };
    const sorted = p.annotations.map((a, i) => ({ ...a, id: `t${i + 1}`, index: i })).sort(compareAnnotations);
    const unique: (Annotation & { index: number })[] = [];
    /** Pending index → index in `unique`. */
    const placeOf = new Map<number, number>();
    const seen = new Map<string, number>();
    let repeats = 0;
    for (const a of sorted) {
      const key = `${a.start}:${a.end}:${a.label}:${a.status}:${JSON.stringify(a.fragments ?? [])}`;
      const first = seen.get(key);
      if (first !== undefined) {
        repeats++;
        placeOf.set(a.index, first);
      } else {
        seen.set(key, unique.length);
        placeOf.set(a.index, unique.length);
        unique.push(a);
      }
    }
    if (repeats > 0) this.warn(`${repeats} repeated spans in ${p.source.path} imported once`);
    const annotations = unique.map(({ index: _index, ...a }, i) => ({ ...a, id: `t${i + 1}` }));
    const relations: Relation[] = [];
    const relationKeys = new Set<string>();
    for (const r of p.relations ?? []) {
      const from = placeOf.get(r.from);
      const to = placeOf.get(r.to);
      if (from === undefined || to === undefined) continue;
      const key = `${r.type}\u0000${from}\u0000${to}`;
      if (relationKeys.has(key)) continue;
      relationKeys.add(key);
      relations.push({
        id: `r${relations.length + 1}`,
        type: r.type,
        from: `t${from + 1}`,
        to: `t${to + 1}`,
        status: r.status ?? 'accepted',
        source: 'import',
        ...(r.note !== undefined && r.note !== '' ? { note: r.note } : {}),
      });
    }
    return { annotations, relations };
  }
}

function isOffset(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 0;
}

function splitsPair(text: string, utf16: number): boolean {
  const c = text.charCodeAt(utf16);
  return utf16 > 0 && utf16 < text.length && c >= 0xdc00 && c <= 0xdfff && /[\ud800-\udbff]/.test(text[utf16 - 1] ?? '');
}

/** Code point offset of the first difference between two texts, or undefined when equal. */
export function firstDifference(a: string, b: string): number | undefined {
  if (a === b) return undefined;
  const ca = Array.from(a);
  const cb = Array.from(b);
  const n = Math.min(ca.length, cb.length);
  for (let i = 0; i < n; i++) if (ca[i] !== cb[i]) return i;
  return n;
}
