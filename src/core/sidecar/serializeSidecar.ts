import { CORE_SCHEMA, dump } from 'js-yaml';
import type { Sidecar } from './sidecarTypes';
import type { Annotation } from '../model/annotation';
import { compareAnnotations } from '../model/annotation';

/**
 * YAML text of a sidecar with a fixed key order and annotations sorted by start, end, label,
 * so that the same content always gives the same bytes and git diffs show only what changed.
 */
export function serializeSidecar(sidecar: Sidecar): string {
  // js-yaml writes large sidecars many times faster than the yaml package. No line folding, no
  // anchors, and the core schema, so that numbers-as-text such as "2020" stay quoted strings;
  // compat mode quotes yes/no/on/off for YAML 1.1 readers such as PyYAML.
  return dump(sidecarInKeyOrder(sidecar), { schema: CORE_SCHEMA, lineWidth: -1, noRefs: true, quotingType: '"', noCompatMode: false });
}

/** The sidecar as a plain object with the keys in the schema's order and annotations sorted (also for JSON). */
export function sidecarInKeyOrder(sidecar: Sidecar): Record<string, unknown> {
  return {
    tawsim: sidecar.tawsim,
    document: {
      path: sidecar.document.path,
      sha256: sidecar.document.sha256,
      length: sidecar.document.length,
      ...(sidecar.document.date !== undefined ? { date: sidecar.document.date } : {}),
    },
    annotator: sidecar.annotator,
    annotations: [...sidecar.annotations].sort(compareAnnotations).map(orderAnnotation),
  };
}

function orderAnnotation(a: Annotation): Record<string, unknown> {
  return {
    id: a.id,
    label: a.label,
    start: a.start,
    end: a.end,
    text: a.text,
    status: a.status,
    source: a.source,
    ...(a.value !== undefined ? { value: a.value } : {}),
    ...(a.note !== undefined ? { note: a.note } : {}),
    ...(a.review !== undefined ? { review: { by: a.review.by, verdict: a.review.verdict, at: a.review.at, ...(a.review.from ? { from: [...a.review.from] } : {}) } } : {}),
    ...(a.orphan ? { orphan: true } : {}),
  };
}
