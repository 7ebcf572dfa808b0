/*
 * WebAnno TSV 3.3, INCEpTION's and WebAnno's exchange format, as its documentation
 * (webannotsv.adoc) and its reader and writer (Tsv3XDeserializer, Tsv3XSerializer, Escaping) define
 * it. Shared by the export and the import.
 */

export const WEBANNO_FORMAT_LINE = '#FORMAT=WebAnno TSV 3.3';
/** INCEpTION's named-entity layer, with the two features its built-in layer has. */
export const WEBANNO_NE_LAYER = 'de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity';
export const WEBANNO_NE_HEADER = `#T_SP=${WEBANNO_NE_LAYER}|identifier|value`;
/**
 * Tawsim's relations as a custom relation layer over the named entities: one feature, `label`,
 * holding the relation type, then the base-type column (`BT_` and the span layer), as relation
 * layers are declared last in the header. In INCEpTION: a relation layer "Relation" attached to
 * Named entity, with a string feature `label`.
 */
export const WEBANNO_RELATION_LAYER = 'webanno.custom.Relation';
export const WEBANNO_RELATION_HEADER = `#T_RL=${WEBANNO_RELATION_LAYER}|label|BT_${WEBANNO_NE_LAYER}`;

/**
 * `#Text=` lines escape backslash, tab, CR, form feed, backspace by name and put a backslash before
 * the other control characters below U+0020 except LF (which splits the line) and VT (kept as it is).
 */
export function escapeWebannoText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000c-\u001f\\]/g, (ch) => NAMED_TEXT_ESCAPES[ch] ?? `\\${ch}`);
}

const NAMED_TEXT_ESCAPES: Readonly<Record<string, string>> = { '\t': '\\t', '\n': '\\n', '\f': '\\f', '\r': '\\r', '\b': '\\b', '\\': '\\\\' };
const NAMED_TEXT_UNESCAPES: Readonly<Record<string, string>> = { t: '\t', n: '\n', f: '\f', r: '\r', b: '\b', '\\': '\\' };

export function unescapeWebannoText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\\([tnfrb\\]|[\u0000-\u0007\u000e-\u001f])/g, (_, ch: string) => NAMED_TEXT_UNESCAPES[ch] ?? ch);
}

/** Feature values escape the format's reserved characters: \ [ ] | _ -> ; tab LF *. */
export function escapeWebannoValue(value: string): string {
  return value.replace(/->|[\\[\]|_;*\t\n]/g, (m) => (m === '\t' ? '\\t' : m === '\n' ? '\\n' : `\\${m}`));
}

export function unescapeWebannoValue(value: string): string {
  return value.replace(/\\(->|[\\[\]|_;*tn])/g, (_, m: string) => (m === 't' ? '\t' : m === 'n' ? '\n' : m));
}
