/**
 * What a project allows beyond labels: relation types and attributes. Read from settings now;
 * `projectSchema` is the one door, so a project file can feed the same shape later.
 */

/** A relation type: which labels may stand at each end, and whether it reads both ways. */
export interface RelationTypeDefinition {
  readonly id: string;
  /** Labels allowed at the `from` end; empty means any. */
  readonly from: readonly string[];
  /** Labels allowed at the `to` end; empty means any. */
  readonly to: readonly string[];
  /** `met`: A met B is B met A. Agreement and the editor then ignore direction. */
  readonly symmetric: boolean;
  /** Whether an annotation may be related to itself (no news relation needs it). */
  readonly allowSelf?: boolean;
}

/** An attribute of annotations of one label: a closed set of values, or free text when `values` is absent. */
export interface AttributeDefinition {
  readonly label: string;
  readonly name: string;
  readonly values?: readonly string[];
  readonly default?: string;
}

export interface ProjectSchema {
  readonly relationTypes: readonly RelationTypeDefinition[];
  readonly attributes: readonly AttributeDefinition[];
}

/** Defaults for news: who belongs to which organisation, where things are, who met whom; a person's role and a date's certainty. */
export const DEFAULT_PROJECT_SCHEMA: ProjectSchema = {
  relationTypes: [
    { id: 'member_of', from: ['PER'], to: ['ORG'], symmetric: false },
    { id: 'located_in', from: ['ORG', 'LOC'], to: ['LOC'], symmetric: false },
    { id: 'met', from: ['PER'], to: ['PER'], symmetric: true },
  ],
  attributes: [
    { label: 'PER', name: 'role' },
    { label: 'DATE', name: 'certainty', values: ['certain', 'approximate', 'uncertain'], default: 'certain' },
  ],
};

/** Where definitions come from: settings (or a project file); each part absent means the default. */
export interface ProjectSchemaSources {
  readonly relationTypes?: readonly RelationTypeDefinition[];
  readonly attributes?: readonly AttributeDefinition[];
}

/** The project's relation types and attributes: the given sources over the defaults, part by part. */
export function projectSchema(sources: ProjectSchemaSources = {}): ProjectSchema {
  return {
    relationTypes: sources.relationTypes ?? DEFAULT_PROJECT_SCHEMA.relationTypes,
    attributes: sources.attributes ?? DEFAULT_PROJECT_SCHEMA.attributes,
  };
}

/** Why a relation of this type may not join these labels, or undefined when it may. */
export function relationLabelProblem(type: RelationTypeDefinition, fromLabel: string, toLabel: string): string | undefined {
  const fits = (allowed: readonly string[], label: string): boolean => allowed.length === 0 || allowed.includes(label);
  if (fits(type.from, fromLabel) && fits(type.to, toLabel)) return undefined;
  if (type.symmetric && fits(type.from, toLabel) && fits(type.to, fromLabel)) return undefined;
  return `"${type.id}" joins ${type.from.join('/') || 'any label'} to ${type.to.join('/') || 'any label'}, not ${fromLabel} to ${toLabel}`;
}

/** The attribute definitions that apply to a label. */
export function attributesFor(schema: ProjectSchema, label: string): AttributeDefinition[] {
  return schema.attributes.filter((a) => a.label === label);
}

/**
 * Definitions from untyped values (settings, a project file): each entry that is well formed is
 * kept, the others are dropped and named in `problems`; a part that is absent stays absent (so the
 * default applies). The same reading for settings and for `.tawsim/project.yaml`.
 */
export function readProjectSchemaSources(relationTypes: unknown, attributes: unknown): { sources: ProjectSchemaSources; problems: string[] } {
  const problems: string[] = [];
  const labels = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
  const name = /^[A-Za-z][A-Za-z0-9_-]*$/;
  let types: RelationTypeDefinition[] | undefined;
  if (relationTypes !== undefined && relationTypes !== null) {
    types = [];
    const list: unknown[] = Array.isArray(relationTypes) ? relationTypes : [];
    if (!Array.isArray(relationTypes)) problems.push('relation types must be a list');
    list.forEach((t, i) => {
      const r = t as Record<string, unknown> | null;
      if (typeof r !== 'object' || r === null || typeof r['id'] !== 'string' || !name.test(r['id'])) {
        return void problems.push(`relation type ${i + 1} needs an "id" (a letter, then letters, digits, _ or -)`);
      }
      const from = r['from'] ?? [];
      const to = r['to'] ?? [];
      if (!labels(from) || !labels(to)) return void problems.push(`relation type "${r['id']}": "from" and "to" must be lists of labels`);
      types?.push({ id: r['id'], from, to, symmetric: r['symmetric'] === true, ...(r['allowSelf'] === true ? { allowSelf: true } : {}) });
    });
  }
  let attrs: AttributeDefinition[] | undefined;
  if (attributes !== undefined && attributes !== null) {
    attrs = [];
    const list: unknown[] = Array.isArray(attributes) ? attributes : [];
    if (!Array.isArray(attributes)) problems.push('attributes must be a list');
    list.forEach((a, i) => {
      const r = a as Record<string, unknown> | null;
      if (typeof r !== 'object' || r === null || typeof r['label'] !== 'string' || typeof r['name'] !== 'string' || !name.test(r['name'])) {
        return void problems.push(`attribute ${i + 1} needs a "label" and a "name" (a letter, then letters, digits, _ or -)`);
      }
      const values = r['values'];
      if (values !== undefined && (!labels(values) || values.length === 0)) return void problems.push(`attribute "${r['name']}": "values" must be a list of texts`);
      const fallback = r['default'];
      if (fallback !== undefined && (typeof fallback !== 'string' || (values !== undefined && !values.includes(fallback)))) {
        return void problems.push(`attribute "${r['name']}": "default" must be one of its values`);
      }
      attrs?.push({ label: r['label'], name: r['name'], ...(values !== undefined ? { values } : {}), ...(fallback !== undefined ? { default: fallback } : {}) });
    });
  }
  return { sources: { ...(types ? { relationTypes: types } : {}), ...(attrs ? { attributes: attrs } : {}) }, problems };
}
