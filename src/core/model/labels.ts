/** One entry of a label set: id as written in sidecars, names for both UI languages, colour, key. */
export interface LabelDefinition {
  readonly id: string;
  readonly en: string;
  readonly ar: string;
  /** CSS colour (#rrggbb or #rrggbbaa) used when the theme does not override `tawsim.label.<id>`. */
  readonly color: string;
  /** Digit or letter shown in the quick pick and bound to ctrl+alt+<key> by default. */
  readonly key?: string;
}

export const DEFAULT_LABELS: readonly LabelDefinition[] = [
  { id: 'PER', en: 'Person', ar: 'شخص', color: '#e8a33d', key: '1' },
  { id: 'ORG', en: 'Organisation', ar: 'منظمة', color: '#4f8fe0', key: '2' },
  { id: 'LOC', en: 'Place', ar: 'مكان', color: '#3dba6f', key: '3' },
  { id: 'DATE', en: 'Date', ar: 'تاريخ', color: '#c65bd6', key: '4' },
  { id: 'TIME', en: 'Time', ar: 'وقت', color: '#d65b7a', key: '5' },
  { id: 'MISC', en: 'Miscellaneous', ar: 'متنوع', color: '#8a8f98', key: '6' },
];

/** Labels whose spans carry a normalised temporal `value`. */
export const TEMPORAL_LABELS: ReadonlySet<string> = new Set(['DATE', 'TIME']);

export function findLabel(labels: readonly LabelDefinition[], id: string): LabelDefinition | undefined {
  return labels.find((l) => l.id === id);
}

/** A label id must be safe as a brat type, a CoNLL tag suffix and a theme colour id. */
export const LABEL_ID_PATTERN = /^[A-Za-z][A-Za-z0-9_-]*$/;
