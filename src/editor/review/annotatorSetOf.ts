import * as vscode from 'vscode';
import type { Annotation } from '../../core/model/annotation';
import type { Relation } from '../../core/model/relation';
import { mapOffsets } from '../../core/model/fragments';
import type { LabelDefinition } from '../../core/model/labels';
import type { CodePointIndex } from '../../core/model/offsets';
import { parseSidecar } from '../../core/sidecar/parseSidecar';
import { placeForComparison } from '../../core/review/placeForComparison';
import type { Sidecar } from '../../core/sidecar/sidecarTypes';
import type { FoundSidecar } from './annotatorSidecars';
import type { ReviewSet, SidecarFailure } from './reviewTypes';

export type SetOrFailure = { readonly set: ReviewSet } | { readonly failure: SidecarFailure };

/**
 * An annotator's sidecar as a set to compare, in code points of `text`. A sidecar saved for another
 * version of the text is re-anchored by its quotes (`placeSidecarAnnotations`); when some quotes are
 * gone the set is marked stale, with the reason, so it is shown but never compared on wrong offsets.
 */
export function annotatorSetOf(found: FoundSidecar, content: string, text: string, textSha256: string, labels: readonly LabelDefinition[]): SetOrFailure {
  const parsed = parseSidecar(content, { labels });
  const name = found.annotatorHint ?? found.fileName;
  if (!parsed.sidecar) {
    const first = parsed.problems.find((p) => p.severity === 'error') ?? parsed.problems[0];
    const failure: SidecarFailure = {
      uri: found.uri,
      fileName: found.fileName,
      annotator: name,
      reason: first?.message ?? vscode.l10n.t('the file could not be read'),
      ...(first?.line !== undefined ? { line: first.line } : {}),
    };
    return { failure };
  }
  return { set: setOfSidecar(found, parsed.sidecar, text, textSha256) };
}

function setOfSidecar(found: FoundSidecar, sidecar: Sidecar, text: string, textSha256: string): ReviewSet {
  const placed = placeForComparison(sidecar, text, textSha256);
  const { annotations, stale } = placed;
  return {
    annotator: sidecar.annotator.trim() || found.annotatorHint || found.fileName,
    annotations,
    // Ids stay as written: re-anchoring moves spans, never renames them, so relations still find their ends.
    ...(sidecar.relations !== undefined ? { relations: sidecar.relations } : {}),
    uri: found.uri,
    fileName: found.fileName,
    reanchored: placed.textChanged && !stale,
    orphans: placed.orphans,
    live: false,
    ...(sidecar.document.date !== undefined ? { date: sidecar.document.date } : {}),
    ...(stale
      ? {
          stale: true,
          staleReason: vscode.l10n.t('saved for another version of the text (sha256 differs); {0} of its tags could not be placed in the current text', placed.orphans),
        }
      : {}),
  };
}

/** The reviewer's own open annotations (UTF-16, unsaved changes included) as a set. */
export function liveSet(found: FoundSidecar, annotator: string, live: readonly Annotation[], index: CodePointIndex, date?: string, relations: readonly Relation[] = []): ReviewSet {
  return {
    annotator,
    annotations: live.map((a) => toCodePoints(a, index)),
    relations,
    uri: found.uri,
    fileName: found.fileName,
    reanchored: false,
    orphans: 0,
    live: true,
    ...(date !== undefined ? { date } : {}),
  };
}

export function toCodePoints(a: Annotation, index: CodePointIndex): Annotation {
  return mapOffsets(a, (o) => index.toCodePoint(o));
}

export function failureOf(found: FoundSidecar, error: unknown): SidecarFailure {
  return { uri: found.uri, fileName: found.fileName, annotator: found.annotatorHint ?? found.fileName, reason: (error as Error).message ?? String(error) };
}
