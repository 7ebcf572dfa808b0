import { CORE_SCHEMA, dump, Type } from 'js-yaml';
import type { Sidecar } from './sidecarTypes';
import { requiredSidecarVersion } from './sidecarTypes';
import type { Relation } from '../model/relation';
import { compareRelations } from '../model/relation';
import type { Annotation } from '../model/annotation';
import { compareAnnotations } from '../model/annotation';

/**
 * Plain scalars that a YAML 1.1 reader resolves to something other than a string: PyYAML's
 * implicit resolvers (yaml/resolver.py: bool, float, int, merge, null, timestamp, value), plus the
 * y/n booleans of the YAML 1.1 type repository that PyYAML leaves out but other 1.1 readers use.
 * Sidecars are read as YAML 1.2 core here, where `<<`, `1_000` or `2023-01-18` are strings; written
 * plain, PyYAML refuses `<<` and reads the others as numbers and dates.
 */
const YAML11_NOT_STRING = new RegExp(
  '^(?:' +
    [
      // bool
      'yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|y|Y|n|N',
      // float
      '[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?',
      '\\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?',
      '[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*',
      '[-+]?\\.(?:inf|Inf|INF)',
      '\\.(?:nan|NaN|NAN)',
      // int: binary, octal, decimal, hexadecimal, sexagesimal
      '[-+]?0b[0-1_]+',
      '[-+]?0[0-7_]+',
      '[-+]?(?:0|[1-9][0-9_]*)',
      '[-+]?0x[0-9a-fA-F_]+',
      '[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+',
      // merge, null, value
      '<<',
      '~|null|Null|NULL|',
      '=',
      // timestamp: a date, or a date and time with an optional fraction and zone
      '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]',
      '[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \\t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\\.[0-9]*)?(?:[ \\t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?',
    ].join('|') +
    ')$',
);

/**
 * A type that never represents a value but claims every string YAML 1.1 would not read as one:
 * js-yaml quotes a string whenever an implicit type of the schema resolves it.
 */
const yaml11Scalars = new Type('tag:yaml.org,2002:yaml11-scalar', {
  kind: 'scalar',
  resolve: (data: string | null) => data !== null && YAML11_NOT_STRING.test(data),
  construct: (data: string) => data,
});

const WRITE_SCHEMA = CORE_SCHEMA.extend({ implicit: [yaml11Scalars] });

/**
 * YAML text of a sidecar with a fixed key order and annotations sorted by start, end, label,
 * so that the same content always gives the same bytes and git diffs show only what changed.
 */
export function serializeSidecar(sidecar: Sidecar): string {
  // js-yaml writes large sidecars many times faster than the yaml package. No line folding, no
  // anchors; strings that YAML 1.2 core or YAML 1.1 would read as anything else are quoted, so
  // that both kinds of reader (this one, PyYAML) read back exactly the strings written.
  return dump(sidecarInKeyOrder(sidecar), { schema: WRITE_SCHEMA, lineWidth: -1, noRefs: true, quotingType: '"', noCompatMode: false });
}
/** The sidecar as a plain object with the keys in the schema's order and annotations sorted (also for JSON). */
export function sidecarInKeyOrder(sidecar: Sidecar): Record<string, unknown> {
  return {
    tawsim: requiredSidecarVersion(sidecar),
    document: {
      path: sidecar.document.path,
      sha256: sidecar.document.sha256,
      length: sidecar.document.length,
      ...(sidecar.document.date !== undefined ? { date: sidecar.document.date } : {}),
      ...(sidecar.document.status !== undefined ? { status: sidecar.document.status } : {}),
    },
    annotator: sidecar.annotator,
    annotations: [...sidecar.annotations].sort(compareAnnotations).map(orderAnnotation),
    ...(sidecar.relations && sidecar.relations.length > 0 ? { relations: [...sidecar.relations].sort(compareRelations).map(orderRelation) } : {}),
  };
}

function orderRelation(r: Relation): Record<string, unknown> {
  return { id: r.id, type: r.type, from: r.from, to: r.to, status: r.status, source: r.source, ...(r.note !== undefined ? { note: r.note } : {}) };
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
    ...(a.fragments !== undefined ? { fragments: a.fragments.map((f) => [f[0], f[1]]) } : {}),
    ...(a.attributes !== undefined
      ? {
          attributes: Object.fromEntries(
            Object.keys(a.attributes)
              .sort()
              .map((k) => [k, a.attributes?.[k]]),
          ),
        }
      : {}),
  };
}
