import * as vscode from 'vscode';
import type { AnnotationStatus } from '../../core/model/annotation';
import { ANNOTATION_STATUSES } from '../../core/model/annotation';
import type { AnnotationSet, FoundAnnotation } from './workspaceAnnotations';
import { statusName } from '../hover';

/** Which annotations the Annotations view shows; an absent or empty list lets everything through. */
export interface AnnotationFilter {
  readonly labels?: readonly string[];
  /** Annotator names; `GOLD_ANNOTATOR` stands for every gold sidecar. */
  readonly annotators?: readonly string[];
  readonly statuses?: readonly AnnotationStatus[];
}

export type FilterDimension = keyof AnnotationFilter;

/** Stands for the gold sidecars in the annotator filter; no sidecar can name its annotator so (it has a NUL). */
export const GOLD_ANNOTATOR = '\u0000gold';

const STATE_KEY = 'tawsim.annotations.filter';
const CONTEXT_KEY = 'tawsim.annotationsFiltered';

/** The annotator filter's key of a set. */
export function annotatorKey(set: Pick<AnnotationSet, 'gold' | 'annotator'>): string {
  return set.gold ? GOLD_ANNOTATOR : set.annotator;
}

const has = <T>(list: readonly T[] | undefined, value: T): boolean => list === undefined || list.length === 0 || list.includes(value);

export function passes(filter: AnnotationFilter, set: AnnotationSet, annotation: FoundAnnotation): boolean {
  return has(filter.labels, annotation.label) && passesAnnotator(filter, set) && has(filter.statuses, annotation.status);
}

/** Whether a sidecar's annotator passes the filter (its labels and statuses are another matter). */
export function passesAnnotator(filter: AnnotationFilter, set: Pick<AnnotationSet, 'gold' | 'annotator'>): boolean {
  return has(filter.annotators, annotatorKey(set));
}

export function isFiltering(filter: AnnotationFilter): boolean {
  return (filter.labels?.length ?? 0) > 0 || (filter.annotators?.length ?? 0) > 0 || (filter.statuses?.length ?? 0) > 0;
}

export function annotatorName(key: string): string {
  return key === GOLD_ANNOTATOR ? vscode.l10n.t('gold') : key;
}

/** The filter in words, for the view's description: "LOC, PER · salma · accepted". */
export function describeFilter(filter: AnnotationFilter): string {
  return [(filter.labels ?? []).join(', '), (filter.annotators ?? []).map(annotatorName).join(', '), (filter.statuses ?? []).map(statusName).join(', ')]
    .filter(Boolean)
    .join(' · ');
}

/**
 * The view's filter, kept in the workspace's state so it survives a reload, with the context key
 * that shows the view's Clear Filters button while a filter is set.
 */
export class FilterState implements vscode.Disposable {
  private value: AnnotationFilter;
  private readonly changed = new vscode.EventEmitter<AnnotationFilter>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly memento: vscode.Memento) {
    this.value = sanitize(memento.get<unknown>(STATE_KEY));
    void vscode.commands.executeCommand('setContext', CONTEXT_KEY, isFiltering(this.value));
  }

  get current(): AnnotationFilter {
    return this.value;
  }

  async set(dimension: FilterDimension, values: readonly string[]): Promise<void> {
    const next: Record<string, readonly string[]> = { ...this.value };
    if (values.length === 0) delete next[dimension];
    else next[dimension] = [...values];
    await this.replace(sanitize(next));
  }

  async clear(): Promise<void> {
    await this.replace({});
  }

  private async replace(filter: AnnotationFilter): Promise<void> {
    this.value = filter;
    await this.memento.update(STATE_KEY, filter);
    await vscode.commands.executeCommand('setContext', CONTEXT_KEY, isFiltering(filter));
    this.changed.fire(filter);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** State written by another version may hold anything: keep only lists of strings and known statuses. */
function sanitize(value: unknown): AnnotationFilter {
  if (typeof value !== 'object' || value === null) return {};
  const v = value as Record<string, unknown>;
  const strings = (x: unknown): string[] => (Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string') : []);
  const labels = strings(v['labels']);
  const annotators = strings(v['annotators']);
  const statuses = strings(v['statuses']).filter((s): s is AnnotationStatus => (ANNOTATION_STATUSES as readonly string[]).includes(s));
  return {
    ...(labels.length > 0 ? { labels } : {}),
    ...(annotators.length > 0 ? { annotators } : {}),
    ...(statuses.length > 0 ? { statuses } : {}),
  };
}
