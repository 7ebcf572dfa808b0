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
