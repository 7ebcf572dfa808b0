import type { Annotation, AnnotationStatus } from '../model/annotation';
import { compareAnnotations } from '../model/annotation';
import { CodePointIndex } from '../model/offsets';
import type { ExportDocument, ExportWarning, LeftOutAnnotation } from './formatTypes';
import type { Relation } from '../model/relation';
import { compareRelations } from '../model/relation';
import { coveredText } from '../model/fragments';

/** A document prepared once for export: the index converts code points to UTF-16 for slicing. */
export interface PreparedDocument {
  readonly doc: ExportDocument;
  readonly index: CodePointIndex;
  /** Annotations fit to export, sorted; everything else has a warning. */
  readonly annotations: readonly Annotation[];
  /** Relations fit to export: both ends among `annotations`, a status the format holds; empty when the format holds none. */
  readonly relations: readonly Relation[];
  readonly warnings: ExportWarning[];
}

/** What of schema 2 a format can write; what it cannot is left out with a warning. */
export interface SchemaTwoSupport {
  /** Discontinuous spans (brat). */
  readonly fragments?: boolean;
  readonly attributes?: boolean;
  readonly relations?: boolean;
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

/** `r1 member_of t1→t3`, for warnings about relations. */
export function describeRelation(r: Relation): string {
  return `${r.id} ${r.type} ${r.from}→${r.to}`;
}

export function relationWarning(path: string, reason: string, relations: readonly Relation[]): ExportWarning {
  return { path, message: `${path}: ${reason} (${relations.length}): ${relations.map(describeRelation).join('; ')}`, annotations: [] };
}

/**
 * Keeps the annotations a format can write: placed (not orphans), inside the text, still covering
 * their quoted text, and with a status the format holds. Each group left out gets one warning, so
 * nothing disappears from an export without the user being told.
 */
export function prepareDocument(doc: ExportDocument, statuses: readonly AnnotationStatus[], holds: SchemaTwoSupport = {}): PreparedDocument {
  const index = new CodePointIndex(doc.text);
  const warnings: ExportWarning[] = [];
  const kept: Annotation[] = [];
  const orphans: Annotation[] = [];
  const misplaced: Annotation[] = [];
  const byStatus = new Map<AnnotationStatus, Annotation[]>();
  const discontinuous: Annotation[] = [];
  const withAttributes: Annotation[] = [];
  for (const a of [...doc.annotations].sort(compareAnnotations)) {
    if (a.orphan) {
      orphans.push(a);
    } else if (!fitsText(a, index, doc.text)) {
      misplaced.push(a);
    } else if (a.fragments && !holds.fragments) {
      discontinuous.push(a);
    } else if (!statuses.includes(a.status)) {
      const list = byStatus.get(a.status) ?? [];
      list.push(a);
      byStatus.set(a.status, list);
    } else {
      if (a.attributes && !holds.attributes) withAttributes.push(a);
      kept.push(a);
    }
  }
  if (discontinuous.length) warnings.push(leftOutWarning(doc.path, 'discontinuous spans left out (this format holds contiguous spans only)', discontinuous));
  if (withAttributes.length) warnings.push(leftOutWarning(doc.path, 'attributes left out (this format has no place for them); the spans are written', withAttributes));
  const relations = prepareRelations(doc, kept, statuses, holds, warnings);
  if (orphans.length) warnings.push(leftOutWarning(doc.path, 'orphaned annotations (not placed in the current text) left out', orphans));
  if (misplaced.length) warnings.push(leftOutWarning(doc.path, 'annotations whose offsets or text do not match the document left out', misplaced));
  for (const [status, list] of byStatus) {
    warnings.push(leftOutWarning(doc.path, `${status} annotations left out (this format holds only ${statuses.join(' and ')} ones)`, list));
  }
  return { doc, index, annotations: kept, relations, warnings };
}

function prepareRelations(doc: ExportDocument, kept: readonly Annotation[], statuses: readonly AnnotationStatus[], holds: SchemaTwoSupport, warnings: ExportWarning[]): Relation[] {
  const all = [...(doc.relations ?? [])].sort(compareRelations);
  if (all.length === 0) return [];
  if (!holds.relations) {
    warnings.push(relationWarning(doc.path, 'relations left out (this format has no place for them)', all));
    return [];
  }
  const ids = new Set(kept.map((a) => a.id));
  const out: Relation[] = [];
  const endsLeftOut: Relation[] = [];
  const byStatus: Relation[] = [];
  for (const r of all) {
    if (!statuses.includes(r.status)) byStatus.push(r);
    else if (!ids.has(r.from) || !ids.has(r.to)) endsLeftOut.push(r);
    else out.push(r);
  }
  if (byStatus.length) warnings.push(relationWarning(doc.path, `relations left out for their status (this format holds only ${statuses.join(' and ')} ones)`, byStatus));
  if (endsLeftOut.length) warnings.push(relationWarning(doc.path, 'relations left out because an end of theirs was left out', endsLeftOut));
  return out;
}

function fitsText(a: Annotation, index: CodePointIndex, text: string): boolean {
  if (!Number.isInteger(a.start) || !Number.isInteger(a.end) || a.start < 0 || a.end <= a.start || a.end > index.codePointLength) return false;
  if (a.fragments && a.fragments.some(([s, e]) => s < a.start || e > a.end || s >= e)) return false;
  return coveredText(a, (s, e) => text.slice(index.toUtf16(s), index.toUtf16(e))) === a.text;
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
