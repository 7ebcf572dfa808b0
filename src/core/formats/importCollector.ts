import type { Annotation, AnnotationStatus } from '../model/annotation';
import { compareAnnotations } from '../model/annotation';
import { CodePointIndex } from '../model/offsets';
import type { ImportError, ImportRequest, ImportResult, ImportedDocument, SourceDocument } from './formatTypes';
import { safeRelativePath } from './safeRelativePath';

export const DEFAULT_MAX_CONTENT_LENGTH = 50_000_000;
export const DEFAULT_MAX_ANNOTATIONS = 500_000;
/** A broken file can produce an error per line; past this many the rest are only counted. */
const MAX_REPORTED_ERRORS = 100;

/** Where in the imported file something is, for error messages. */
export interface Place {
  readonly line?: number;
  readonly where?: string;
}

/** A span as read from a file, before it is checked: offsets still in the file's unit. */
export interface RawSpan {
  readonly start: unknown;
  readonly end: unknown;
  readonly label: unknown;
  /** The covered text as the file states it, checked against the document when present. */
  readonly text?: string;
  /** The stated text has each line break and tab written as a space (brat's one-line text field). */
  readonly textIsFlattened?: boolean;
  readonly status?: AnnotationStatus;
  readonly value?: string;
  readonly note?: string;
}

export interface PendingDocument {
  readonly source: SourceDocument;
  readonly index: CodePointIndex;
  readonly annotations: Omit<Annotation, 'id'>[];
  fields?: Record<string, unknown>;
}

/**
 * Gathers the result of one import: every check reports here, and `result()` returns either all
 * documents or, when anything failed, only the errors, so the caller never writes half a file.
 */
export class ImportCollector {
  private readonly errors: ImportError[] = [];
  private extraErrors = 0;
  private readonly warnings: string[] = [];
  private readonly pending = new Map<string, PendingDocument>();
  private readonly labelIds: ReadonlySet<string>;
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

  /** Registers a document so it appears in the result even when it ends up with no annotations. */
  open(doc: SourceDocument, fields?: Record<string, unknown>): PendingDocument {
    let pending = this.pending.get(doc.path);
    if (!pending) {
      pending = { source: doc, index: new CodePointIndex(doc.text), annotations: [] };
      this.pending.set(doc.path, pending);
    }
    if (fields && Object.keys(fields).length > 0) pending.fields = fields;
    return pending;
  }

  /**
   * Checks one span (whole-number offsets inside the text, start before end, known label, stated
   * text equal to the document's) and keeps it. Offsets are code points unless `utf16` is set.
   */
  addSpan(doc: SourceDocument, raw: RawSpan, place: Place, unit: 'codePoint' | 'utf16' = 'codePoint'): void {
    const pending = this.open(doc);
    const length = unit === 'utf16' ? pending.index.utf16Length : pending.index.codePointLength;
    const { start, end, label } = raw;
    if (typeof label !== 'string' || label === '') {
      this.error(place, 'the label must be a non-empty string');
      return;
    }
    if (!this.labelIds.has(label)) {
      this.error(place, `unknown label ${JSON.stringify(label)} (known: ${[...this.labelIds].join(', ')})`);
      return;
    }
    if (!isOffset(start) || !isOffset(end)) {
      this.error(place, `offsets must be whole numbers of at least 0 (got start ${JSON.stringify(start)}, end ${JSON.stringify(end)})`);
      return;
    }
    if (start >= end) {
      this.error(place, `start ${start} must be less than end ${end}`);
      return;
    }
    if (end > length) {
      this.error(place, `end ${end} is past the end of ${doc.path} (${length} ${unit === 'utf16' ? 'UTF-16 units' : 'code points'})`);
      return;
    }
    if (unit === 'utf16' && (splitsPair(doc.text, start) || splitsPair(doc.text, end))) {
      this.error(place, `offset ${start}-${end} falls inside a surrogate pair of ${doc.path}`);
      return;
    }
    const cpStart = unit === 'utf16' ? pending.index.toCodePoint(start) : start;
    const cpEnd = unit === 'utf16' ? pending.index.toCodePoint(end) : end;
    const covered = doc.text.slice(pending.index.toUtf16(cpStart), pending.index.toUtf16(cpEnd));
    const comparable = raw.textIsFlattened ? covered.replace(/[\r\n\t]/g, ' ') : covered;
    if (raw.text !== undefined && raw.text !== comparable) {
      const at = firstDifference(raw.text, comparable) ?? 0;
      this.error(
        place,
        `the span text ${JSON.stringify(raw.text)} differs from the document ${doc.path} at code point ${cpStart + at} (the document has ${JSON.stringify(covered)})`,
      );
      return;
    }
    if (++this.annotationCount > this.maxAnnotations) {
      if (this.annotationCount === this.maxAnnotations + 1) this.error(place, `too many annotations (the limit is ${this.maxAnnotations})`);
      return;
    }
    pending.annotations.push({
      label,
      start: cpStart,
      end: cpEnd,
      text: covered,
      status: raw.status ?? 'accepted',
      source: 'import',
      ...(raw.value !== undefined && raw.value !== '' ? { value: raw.value } : {}),
      ...(raw.note !== undefined && raw.note !== '' ? { note: raw.note } : {}),
    });
  }

  result(): ImportResult {
    if (this.errors.length > 0) {
      const errors = [...this.errors];
      if (this.extraErrors > 0) errors.push({ file: this.file, message: `${this.file}: ${this.extraErrors} more errors not shown` });
      return { documents: [], errors, warnings: this.warnings };
    }
    const documents: ImportedDocument[] = [];
    for (const p of this.pending.values()) {
      documents.push({ path: p.source.path, annotations: this.finish(p), ...(p.fields ? { fields: p.fields } : {}) });
    }
    return { documents, errors: [], warnings: this.warnings };
  }

  /** Sorts, drops exact repeats (same span, label and status) with a warning, and numbers t1…tN. */
  private finish(p: PendingDocument): Annotation[] {
    const sorted = p.annotations.map((a, i) => ({ ...a, id: `t${i + 1}` })).sort(compareAnnotations);
    const unique: Annotation[] = [];
    const seen = new Set<string>();
    let repeats = 0;
    for (const a of sorted) {
      const key = `${a.start}:${a.end}:${a.label}:${a.status}`;
      if (seen.has(key)) repeats++;
      else {
        seen.add(key);
        unique.push(a);
      }
    }
    if (repeats > 0) this.warn(`${repeats} repeated spans in ${p.source.path} imported once`);
    return unique.map((a, i) => ({ ...a, id: `t${i + 1}` }));
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
