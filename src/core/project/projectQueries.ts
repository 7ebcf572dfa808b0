import picomatch from 'picomatch/posix';
import type { LabelGuideline, Project } from './projectTypes';

/** Matchers per annotator, compiled once per project (a 10,000-document listing asks each path). */
const matchers = new WeakMap<Project, Map<string, (path: string) => boolean>>();

/**
 * Whether the text at `path` (relative to the project's root, `/` separated) is assigned to
 * `annotator`: a glob (`news/2024/*.txt`, `**\/cairo-*`) or a plain path.
 */
export function isAssignedTo(project: Project, annotator: string, path: string): boolean {
  let perProject = matchers.get(project);
  if (!perProject) matchers.set(project, (perProject = new Map()));
  let match = perProject.get(annotator);
  if (!match) {
    const globs = project.assignments[annotator] ?? [];
    match = globs.length === 0 ? () => false : picomatch([...globs], { dot: false });
    perProject.set(annotator, match);
  }
  return match(path.replace(/^\.\//, ''));
}

/** The annotators a text is assigned to, in the project's order. */
export function assigneesOf(project: Project, path: string): string[] {
  return Object.keys(project.assignments).filter((who) => isAssignedTo(project, who, path));
}

/** A guideline's text in the language asked for, else in the other one. */
export function guidelineText(guidelines: LabelGuideline | undefined, language: string): string | undefined {
  if (!guidelines) return undefined;
  const arabic = language.toLowerCase().startsWith('ar');
  const text = arabic ? (guidelines.ar ?? guidelines.en) : (guidelines.en ?? guidelines.ar);
  return text?.trim() || undefined;
}

/**
 * The guideline's first paragraph as one line without Markdown emphasis or heading marks, cut at a
 * word near `max` characters: what fits in a quick pick's detail line or at the top of a hover.
 */
export function guidelineSummary(guidelines: LabelGuideline | undefined, language: string, max = 160): string | undefined {
  const text = guidelineText(guidelines, language);
  if (!text) return undefined;
  const paragraph = text.split(/\n\s*\n/).find((p) => p.trim() !== '' && !/^#+\s/.test(p.trim())) ?? text;
  const line = paragraph
    .replace(/^#+\s*/gm, '')
    .replace(/[*_`]+/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  if (line.length <= max) return line;
  const cut = line.lastIndexOf(' ', max);
  return `${line.slice(0, cut > max / 2 ? cut : max)}…`;
}

/**
 * Relation types of the project, as written: sidecar schema 2 defines relations and their typed
 * reader; until it does, this is the one place that hands them on, so that reader slots in here.
 */
export function projectRelationTypes(project: Project): unknown {
  return project.relations;
}

/** Attribute definitions of the project, as written (see projectRelationTypes). */
export function projectAttributes(project: Project): unknown {
  return project.attributes;
}
