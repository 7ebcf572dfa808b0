import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Document, Node, YAMLMap } from 'yaml';
import { LABEL_ID_PATTERN } from '../model/labels';
import { sidecarFileName } from '../sidecar/sidecarPath';
import type { LabelGuideline, Project, ProjectAnnotator, ProjectLabel, ProjectProblem, ProjectRecognizer } from './projectTypes';
import { PROJECT_VERSION } from './projectTypes';

export interface ParsedProject {
  /** Present unless the file has errors; warnings (a key this build does not know) leave it usable. */
  readonly project?: Project;
  readonly problems: readonly ProjectProblem[];
}

const TOP_KEYS = ['tawsim-project', 'labels', 'annotators', 'assignments', 'sidecar', 'recognizer', 'relations', 'attributes'];
const LABEL_KEYS = ['id', 'en', 'ar', 'color', 'key', 'guidelines'];
const COLOR = /^#(?:[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/;

/**
 * Reads `.tawsim/project.yaml`. Every problem names its line and column; the JSON schema the
 * editor contributes (`schemas/project.schema.json`) says the same things while the file is edited.
 * Unknown keys are warnings, so a file written for a newer build still gives its labels.
 */
export function parseProject(text: string): ParsedProject {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const problems: ProjectProblem[] = [];
  const at = (node: Node | undefined | null, message: string, severity: 'error' | 'warning' = 'error'): void => {
    const offset = node?.range?.[0] ?? 0;
    const pos = lineCounter.linePos(offset);
    problems.push({ message, line: pos.line, column: pos.col, severity });
  };
  for (const e of doc.errors) {
    const pos = lineCounter.linePos(e.pos[0]);
    problems.push({ message: e.message.split('\n')[0] ?? e.message, line: pos.line, column: pos.col, severity: 'error' });
  }
  if (problems.length > 0) return { problems };
  const root = doc.contents;
  if (!isMap(root)) {
    at(root, 'A project file is a YAML mapping starting with "tawsim-project: 1"');
    return { problems };
  }
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!TOP_KEYS.includes(key)) at(pair.key as Node, `Unknown key "${key}"; known here: ${TOP_KEYS.join(', ')}`, 'warning');
  }
  const version = scalar(root, 'tawsim-project');
  if (version === undefined) at(root, '"tawsim-project: 1" is missing: it says which version of the project format the file uses');
  else if (!Number.isInteger(version) || (version as number) < 1) at(root.get('tawsim-project', true) as Node, '"tawsim-project" must be a whole number such as 1');
  else if ((version as number) > PROJECT_VERSION)
    at(root.get('tawsim-project', true) as Node, `This project file has version ${String(version)}, newer than this version of Tawsim reads (${PROJECT_VERSION}); update Tawsim`);

  const labels = readLabels(root, at);
  const annotators = readAnnotators(root, at);
  const assignments = readAssignments(root, at, annotators);
  const sidecarPattern = readSidecarPattern(root, at);
  const recognizer = readRecognizer(root, at);
  if (problems.some((p) => p.severity === 'error')) return { problems };
  const relations = root.get('relations');
  const attributes = root.get('attributes');
  const toJs = (v: unknown): unknown => (v !== null && typeof v === 'object' && 'toJSON' in v ? (v as { toJSON(): unknown }).toJSON() : v);
  return {
    problems,
    project: {
      version: version as number,
      ...(labels ? { labels } : {}),
      annotators,
      assignments,
      ...(sidecarPattern !== undefined ? { sidecarPattern } : {}),
      recognizer,
      ...(relations !== undefined ? { relations: toJs(relations) } : {}),
      ...(attributes !== undefined ? { attributes: toJs(attributes) } : {}),
    },
  };
}

type At = (node: Node | undefined | null, message: string, severity?: 'error' | 'warning') => void;

function scalar(map: YAMLMap, key: string): unknown {
  const node = map.get(key, true) as Node | undefined;
  return isScalar(node) ? node.value : node === undefined ? undefined : node;
}

function readLabels(root: YAMLMap, at: At): ProjectLabel[] | undefined {
  const node = root.get('labels', true) as Node | undefined;
  if (node === undefined) return undefined;
  if (!isSeq(node)) {
    at(node, '"labels" must be a list of labels (id, en, ar, color, key, guidelines)');
    return undefined;
  }
  const labels: ProjectLabel[] = [];
  const ids = new Set<string>();
  for (const item of node.items as Node[]) {
    if (!isMap(item)) {
      at(item, 'A label is a mapping with id, en, ar and color');
      continue;
    }
    for (const pair of item.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!LABEL_KEYS.includes(key)) at(pair.key as Node, `Unknown key "${key}" in a label; known here: ${LABEL_KEYS.join(', ')}`, 'warning');
    }
    const id = scalar(item, 'id');
    if (typeof id !== 'string' || !LABEL_ID_PATTERN.test(id)) {
      at((item.get('id', true) as Node | undefined) ?? item, '"id" must be a label id such as PER (a letter, then letters, digits, _ or -)');
      continue;
    }
    if (ids.has(id)) at(item.get('id', true) as Node, `The label "${id}" is defined twice`);
    ids.add(id);
    const text = (key: string, fallback: string): string => {
      const v = scalar(item, key);
      if (v === undefined) return fallback;
      if (typeof v !== 'string') at(item.get(key, true) as Node, `"${key}" of ${id} must be text`);
      return String(v);
    };
    const color = text('color', '#8a8f98');
    if (!COLOR.test(color)) at(item.get('color', true) as Node, `"color" of ${id} must be #rrggbb or #rrggbbaa`);
    const key = scalar(item, 'key');
    if (key !== undefined && !(typeof key === 'string' || typeof key === 'number')) at(item.get('key', true) as Node, `"key" of ${id} must be one digit or letter`);
    else if (key !== undefined && !/^[0-9a-z]$/i.test(String(key))) at(item.get('key', true) as Node, `"key" of ${id} must be one digit or letter`);
    const guidelines = readGuidelines(item, id, at);
    labels.push({
      id,
      en: text('en', id),
      ar: text('ar', id),
      color,
      ...(key !== undefined ? { key: String(key) } : {}),
      ...(guidelines ? { guidelines } : {}),
    });
  }
  return labels;
}

function readGuidelines(label: YAMLMap, id: string, at: At): LabelGuideline | undefined {
  const node = label.get('guidelines', true) as Node | undefined;
  if (node === undefined) return undefined;
  if (isScalar(node) && typeof node.value === 'string') return { en: node.value };
  if (!isMap(node)) {
    at(node, `"guidelines" of ${id} is Markdown text, or a mapping with en and ar`);
    return undefined;
  }
  const out: { en?: string; ar?: string } = {};
  for (const pair of node.items) {
    const lang = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value as Node | null;
    if (lang !== 'en' && lang !== 'ar') at(pair.key as Node, `Guidelines are given in en and ar; "${lang}" is not read`, 'warning');
    else if (!isScalar(value) || typeof value.value !== 'string') at(value ?? (pair.key as Node), `"guidelines.${lang}" of ${id} must be Markdown text`);
    else out[lang] = value.value;
  }
  return out;
}

function readAnnotators(root: YAMLMap, at: At): ProjectAnnotator[] {
  const node = root.get('annotators', true) as Node | undefined;
  if (node === undefined) return [];
  if (!isSeq(node)) {
    at(node, '"annotators" must be a list of names, or of mappings with id and name');
    return [];
  }
  const out: ProjectAnnotator[] = [];
  for (const item of node.items as Node[]) {
    if (isScalar(item) && typeof item.value === 'string' && item.value.trim() !== '') out.push({ id: item.value.trim() });
    else if (isMap(item) && typeof scalar(item, 'id') === 'string') {
      const name = scalar(item, 'name');
      out.push({ id: String(scalar(item, 'id')), ...(typeof name === 'string' ? { name } : {}) });
    } else at(item, 'An annotator is a name, or a mapping with id (the name in their sidecars) and name');
  }
  return out;
}

function readAssignments(root: YAMLMap, at: At, annotators: readonly ProjectAnnotator[]): Record<string, string[]> {
  const node = root.get('assignments', true) as Node | undefined;
  const out: Record<string, string[]> = {};
  if (node === undefined) return out;
  if (!isMap(node)) {
    at(node, '"assignments" maps each annotator to a list of globs or paths, such as "layla: [news/2024/*.txt]"');
    return out;
  }
  const known = new Set(annotators.map((a) => a.id));
  for (const pair of node.items) {
    const who = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value as Node | null;
    if (annotators.length > 0 && !known.has(who)) at(pair.key as Node, `"${who}" is not among the annotators`, 'warning');
    const globs =
      isScalar(value) && typeof value.value === 'string' ? [value.value] : isSeq(value) ? (value.items as Node[]).map((n) => (isScalar(n) ? n.value : undefined)) : undefined;
    if (!globs || globs.some((g) => typeof g !== 'string' || g === '')) {
      at(value ?? (pair.key as Node), `The documents of "${who}" are a list of globs or paths (text, relative to the project's folder)`);
      continue;
    }
    out[who] = globs as string[];
  }
  return out;
}

function readSidecarPattern(root: YAMLMap, at: At): string | undefined {
  const node = root.get('sidecar', true) as Node | undefined;
  if (node === undefined) return undefined;
  const pattern = isMap(node) ? node.get('pattern', true) : undefined;
  if (!isMap(node) || !isScalar(pattern) || typeof pattern.value !== 'string') {
    at(node, '"sidecar" is a mapping with pattern, such as "pattern: ${file}.${annotator}.ann.yaml"');
    return undefined;
  }
  try {
    sidecarFileName('a.txt', 'someone', pattern.value);
  } catch (e) {
    at(pattern, (e as Error).message);
    return undefined;
  }
  return pattern.value;
}

function readRecognizer(root: YAMLMap, at: At): ProjectRecognizer {
  const node = root.get('recognizer', true) as Node | undefined;
  if (node === undefined) return {};
  if (!isMap(node)) {
    at(node, '"recognizer" is a mapping with suggestions, model and threshold');
    return {};
  }
  const out: { suggestions?: boolean; model?: boolean; threshold?: number } = {};
  for (const key of ['suggestions', 'model'] as const) {
    const v = scalar(node, key);
    if (v === undefined) continue;
    if (typeof v !== 'boolean') at(node.get(key, true) as Node, `"recognizer.${key}" must be true or false`);
    else out[key] = v;
  }
  const threshold = scalar(node, 'threshold');
  if (threshold !== undefined) {
    if (typeof threshold !== 'number' || threshold < 0 || threshold > 1) at(node.get('threshold', true) as Node, '"recognizer.threshold" must be a number from 0 to 1');
    else out.threshold = threshold;
  }
  return out;
}
