import type { Annotation, AnnotationStatus } from '../model/annotation';
import { compareAnnotations } from '../model/annotation';
import { CodePointIndex } from '../model/offsets';
import type { ExportDocument, ExportWarning, LeftOutAnnotation } from './formatTypes';

/** A document prepared once for export: the index converts code points to UTF-16 for slicing. */
export interface PreparedDocument {
  readonly doc: ExportDocument;
  readonly index: CodePointIndex;
  /** Annotations fit to export, sorted; everything else has a warning. */
  readonly annotations: readonly Annotation[];
  readonly warnings: ExportWarning[];
}

export function leftOut(a: Annotation): LeftOutAnnotation {
  return { id: a.id, label: a.label, start: a.start, end: a.end, text: a.text };
}

/** `t3 LOC 11–17 «المغرب»`: enough to find the span again in the editor or the sidecar. */
export function describeAnnotation(a: LeftOutAnnotation): string {
  return `${a.id} ${a.label} ${a.start}-${a.end} «${a.text}»`;
}

export function leftOutWarning(path: string, reason: string, annotations: readonly Annotation[]): ExportWarning {
  const items = annotations.map(leftOut);
  return { path, message: `${path}: ${reason} (${items.length}): ${items.map(describeAnnotation).join('; ')}`, annotations: items };
}

/** A warning about spans written as they are, which the receiving tool must be set up to read. */
export function noticeWarning(path: string, reason: string, annotations: readonly Annotation[] = []): ExportWarning {
  const items = annotations.map(leftOut);
  const listed = items.length ? ` (${items.length}): ${items.map(describeAnnotation).join('; ')}` : '';
  return { path, message: `${path}: ${reason}${listed}`, annotations: items, notice: true };
}

/**
 * Keeps the annotations a format can write: placed (not orphans), inside the text, still covering
 * their quoted text, and with a status the format holds. Each group left out gets one warning, so
 * nothing disappears from an export without the user being told.
 */
export function prepareDocument(doc: ExportDocument, statuses: readonly AnnotationStatus[]): PreparedDocument {
  const index = new CodePointIndex(doc.text);
  const warnings: ExportWarning[] = [];
  const kept: Annotation[] = [];
  const orphans: Annotation[] = [];
  const misplaced: Annotation[] = [];
  const byStatus = new Map<AnnotationStatus, Annotation[]>();
  for (const a of [...doc.annotations].sort(compareAnnotations)) {
    if (a.orphan) {
      orphans.push(a);
    } else if (!fitsText(a, index, doc.text)) {
      misplaced.push(a);
    } else if (!statuses.includes(a.status)) {
      const list = byStatus.get(a.status) ?? [];
      list.push(a);
      byStatus.set(a.status, list);
    } else {
      kept.push(a);
    }
  }
  if (orphans.length) warnings.push(leftOutWarning(doc.path, 'orphaned annotations (not placed in the current text) left out', orphans));
  if (misplaced.length) warnings.push(leftOutWarning(doc.path, 'annotations whose offsets or text do not match the document left out', misplaced));
  for (const [status, list] of byStatus) {
    warnings.push(leftOutWarning(doc.path, `${status} annotations left out (this format holds only ${statuses.join(' and ')} ones)`, list));
  }
  return { doc, index, annotations: kept, warnings };
}

function fitsText(a: Annotation, index: CodePointIndex, text: string): boolean {
  if (!Number.isInteger(a.start) || !Number.isInteger(a.end) || a.start < 0 || a.end <= a.start || a.end > index.codePointLength) return false;
  return text.slice(index.toUtf16(a.start), index.toUtf16(a.end)) === a.text;
}

/**
 * A non-overlapping subset for formats with flat spans: earliest start first, the longer span on
 * a tie, so an outer entity wins over the entities nested in it. Returns what was dropped.
 */
export function withoutOverlaps<T extends { readonly start: number; readonly end: number }>(spans: readonly T[]): { kept: T[]; dropped: T[] } {
  const ordered = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: T[] = [];
  const dropped: T[] = [];
  let reach = -Infinity;
  for (const s of ordered) {
    if (s.start >= reach) {
      kept.push(s);
      reach = s.end;
    } else {
      dropped.push(s);
    }
  }
  return { kept, dropped };
}

/** Base name of a path without folders and without its last extension: `news/a.txt` → `a`. */
export function baseName(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/** The single output file name of a format that writes all documents into one file. */
export function bundleName(documents: readonly ExportDocument[], fileName: string | undefined, extension: string): string {
  const first = documents[0];
  const base = fileName ?? (documents.length === 1 && first ? baseName(first.path) : 'tawsim-export');
  return `${base}${extension}`;
}
