import type { Annotation } from '../model/annotation';
import { DEFAULT_LABELS, LABEL_ID_PATTERN } from '../model/labels';
import type { ExportRequest, ExportResult, ExportWarning, ImportRequest, ImportResult } from './formatTypes';
import { bundleName, prepareDocument, relationWarning } from './exportSelection';
import { ImportCollector } from './importCollector';
import type { PendingDocument, Place, SetOwner } from './importCollector';
import { isRecord, otherFields, parseJsonSafely } from './safeJson';
import { labelStudioConfig, LS_ATTRIBUTE_PREFIX, LS_LABEL_FROM, LS_NOTE_FROM, LS_TEXT_TO, LS_VALUE_FROM } from './labelStudioConfig';
import type { Relation } from '../model/relation';
import type { ProjectSchema } from '../model/projectSchema';
import { DEFAULT_PROJECT_SCHEMA } from '../model/projectSchema';

/*
 * Offsets. Label Studio's documentation does not name the unit of `value.start`/`value.end` for
 * Text. Early versions counted JavaScript string indices (UTF-16), which broke after emoji
 * (label-studio issues #539, #1008, #1347); the frontend was changed to store code points
 * (label-studio PR #1559, merged through label-studio-frontend PR #308), and later reports show
 * exported offsets agreeing with Python's string indices while only the on-screen highlight was
 * off (issue #4988, version 1.9). So Tawsim writes and reads code points, like every other
 * format here, and offers `offsetUnit: 'utf16'` for files from old versions; the `text` stored
 * with each region is checked either way, so a wrong unit is an error, never a shifted span.
 */

/**
 * Label Studio JSON tasks: `[{id, data: {text, path}, annotations: [{result}], predictions: [{result}]}]`.
 * Accepted spans are the annotation, suggested spans the prediction (pre-annotation); rejected
 * spans have no place and are reported. Each span is a `labels` result; its value and note are
 * per-region `textarea` results with the same id, as label_config.xml (also written) declares,
 * with every label the tasks use (Label Studio refuses a task whose labels its configuration
 * lacks). Every task has an `id` and an `annotations` list, which label-studio-converter needs.
 *
 * Schema 2: relations are `relation` results between region ids (`from_id`, `to_id`, `labels`:
 * the type, `direction`: "bi" for a symmetric type, else "right"), in the same result list as
 * their ends; attributes are per-region results named `attr_<name>`: `choices` for attributes
 * with a closed set of values, `textarea` for free text. The configuration declares them all.
 */
export function exportLabelStudio(request: ExportRequest): ExportResult {
  const warnings: ExportWarning[] = [];
  const used = new Set<string>();
  const schema = request.schema ?? DEFAULT_PROJECT_SCHEMA;
  const relationTypes = new Set<string>();
  const attributes = new Map<string, Set<string> | undefined>();
  const tasks = request.documents.map((doc, i) => {
    const prepared = prepareDocument(doc, ['accepted', 'suggested'], { attributes: true, relations: true });
    warnings.push(...prepared.warnings);
    for (const a of prepared.annotations) used.add(a.label);
    const items = (list: readonly Annotation[]): Record<string, unknown>[] => list.flatMap((a) => resultItems(a, schema, attributes));
    const accepted = prepared.annotations.filter((a) => a.status === 'accepted');
    const suggested = prepared.annotations.filter((a) => a.status === 'suggested');
    // A relation lives in the result list holding both its ends: the annotation (all accepted) or the prediction (ends suggested).
    const status = new Map(prepared.annotations.map((a) => [a.id, a.status]));
    const inList = (r: Relation): 'accepted' | 'suggested' | undefined => {
      const [from, to] = [status.get(r.from), status.get(r.to)];
      if (from === 'accepted' && to === 'accepted') return r.status === 'accepted' ? 'accepted' : undefined;
      return from === 'suggested' && to === 'suggested' ? 'suggested' : undefined;
    };
    const links = (wanted: 'accepted' | 'suggested'): Record<string, unknown>[] =>
      prepared.relations
        .filter((r) => inList(r) === wanted)
        .map((r) => {
          relationTypes.add(r.type);
          return relationItem(r, schema);
        });
    const apart = prepared.relations.filter((r) => inList(r) === undefined);
    if (apart.length)
      warnings.push(
        relationWarning(
          doc.path,
          'relations left out: Label Studio keeps a relation in the result list of its ends, and these join an accepted and a suggested span, or are suggested between accepted ones',
          apart,
        ),
      );
    const acceptedResult = [...items(accepted), ...links('accepted')];
    const suggestedResult = [...items(suggested), ...links('suggested')];
    return {
      id: i + 1,
      data: { text: doc.text, path: doc.path },
      annotations: acceptedResult.length ? [{ result: acceptedResult }] : [],
      ...(suggestedResult.length ? { predictions: [{ model_version: 'tawsim', result: suggestedResult }] } : {}),
    };
  });
  const labels = request.labels ?? DEFAULT_LABELS;
  const outside = [...used].filter((l) => !labels.some((d) => d.id === l)).sort();
  const declared = [...attributes].map(([name, values]) => ({ name, ...(values ? { values: [...values].sort() } : {}) }));
  return {
    files: [
      { relativePath: bundleName(request.documents, request.options?.fileName, '.json'), content: `${JSON.stringify(tasks, null, 2)}\n` },
      { relativePath: 'label_config.xml', content: labelStudioConfig(labels, outside, { relations: [...relationTypes].sort(), attributes: declared }) },
    ],
    warnings,
  };
}

function resultItems(a: Annotation, schema: ProjectSchema, attributes: Map<string, Set<string> | undefined>): Record<string, unknown>[] {
  const region = { start: a.start, end: a.end };
  const items: Record<string, unknown>[] = [{ id: a.id, from_name: LS_LABEL_FROM, to_name: LS_TEXT_TO, type: 'labels', value: { ...region, text: a.text, labels: [a.label] } }];
  if (a.value !== undefined) items.push({ id: a.id, from_name: LS_VALUE_FROM, to_name: LS_TEXT_TO, type: 'textarea', value: { ...region, text: [a.value] } });
  if (a.note !== undefined) items.push({ id: a.id, from_name: LS_NOTE_FROM, to_name: LS_TEXT_TO, type: 'textarea', value: { ...region, text: [a.note] } });
  for (const [name, v] of Object.entries(a.attributes ?? {}).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) {
    // One control per attribute name: choices when every label declaring it gives a closed set.
    const definitions = schema.attributes.filter((d) => d.name === name);
    const closed = definitions.length > 0 && definitions.every((d) => d.values !== undefined);
    if (!attributes.has(name)) attributes.set(name, closed ? new Set(definitions.flatMap((d) => d.values ?? [])) : undefined);
    const known = attributes.get(name);
    if (known) known.add(v);
    const from = `${LS_ATTRIBUTE_PREFIX}${name}`;
    items.push(
      known
        ? { id: a.id, from_name: from, to_name: LS_TEXT_TO, type: 'choices', value: { ...region, choices: [v] } }
        : { id: a.id, from_name: from, to_name: LS_TEXT_TO, type: 'textarea', value: { ...region, text: [v] } },
    );
  }
  return items;
}

/** A `relation` result between two regions, as Label Studio stores it. */
function relationItem(r: Relation, schema: ProjectSchema): Record<string, unknown> {
  const symmetric = schema.relationTypes.find((t) => t.id === r.type)?.symmetric === true;
  return { from_id: r.from, to_id: r.to, type: 'relation', direction: symmetric ? 'bi' : 'right', labels: [r.type] };
}

/** The name an annotation's `completed_by` gives: an email, else a user id; undefined when absent. */
function completedBy(entry: Record<string, unknown>): string | undefined {
  const who = entry['completed_by'];
  if (typeof who === 'string' && who.trim() !== '') return who.trim();
  if (typeof who === 'number' && Number.isFinite(who)) return String(who);
  if (isRecord(who)) {
    if (typeof who['email'] === 'string' && who['email'] !== '') return who['email'];
    if (typeof who['id'] === 'number' || typeof who['id'] === 'string') return String(who['id']);
  }
  return undefined;
}

/**
 * Reads Label Studio JSON (a list of tasks, or one task), one set of annotations per annotator:
 * each entry of `annotations` (or the older `completions`) is one person's work, named by its
 * `completed_by` (email, else user id); `ground_truth` entries form the gold set. Cancelled
 * (skipped) entries and the task's `drafts` are unfinished work: listed and left out. Results of
 * `predictions` import as suggested, beside the task's only annotator when it has one, else as a
 * set of their own; per-region text areas named `value` and `note` fill those fields.
 */
export function importLabelStudio(request: ImportRequest): ImportResult {
  const c = new ImportCollector(request);
  if (!c.checkSize()) return c.result();
  const parsed = parseJsonSafely(request.content.replace(/^\ufeff/, ''));
  if (!parsed.ok) {
    c.error(parsed.line !== undefined ? { line: parsed.line } : {}, parsed.message);
    return c.result();
  }
  const tasks = Array.isArray(parsed.value) ? parsed.value : [parsed.value];
  const unit = request.options?.labelStudio?.offsetUnit ?? 'codePoint';
  const ignored = new Map<string, number>();
  const unfinished: string[] = [];
  tasks.forEach((task: unknown, i) => {
    const where = Array.isArray(parsed.value) ? `[${i}]` : '';
    const data = isRecord(task) ? task['data'] : undefined;
    if (!isRecord(task) || !isRecord(data) || typeof data['text'] !== 'string') {
      c.error({ where: where || 'task' }, 'a task must be an object with data.text, a string');
      return;
    }
    const path = data['path'];
    if (path !== undefined && typeof path !== 'string') {
      c.error({ where: `${where}.data.path` }, 'data.path must be a string');
      return;
    }
    const doc = c.documentForRecord(data['text'], path, { where: `${where}.data.text` });
    if (!doc) return;
    const fields = otherFields(task, ['data', 'annotations', 'completions', 'predictions', 'drafts']);
    const taskName = `task ${typeof task['id'] === 'number' || typeof task['id'] === 'string' ? task['id'] : i + 1} (${doc.path})`;
    const drafts = task['drafts'];
    if (Array.isArray(drafts) && drafts.length > 0) unfinished.push(`${taskName}: ${drafts.length} draft${drafts.length === 1 ? '' : 's'}`);
    const owners: SetOwner[] = [];
    for (const key of ['annotations', 'completions'] as const) {
      const list = task[key];
      if (list === undefined) continue;
      if (!Array.isArray(list)) {
        c.error({ where: `${where}.${key}` }, `${key} must be a list`);
        continue;
      }
      list.forEach((entry: unknown, j) => {
        const at = `${where}.${key}[${j}]`;
        if (!isRecord(entry) || !Array.isArray(entry['result'])) {
          c.error({ where: at }, 'each entry must be an object with a "result" list');
          return;
        }
        const annotator = completedBy(entry);
        if (entry['was_cancelled'] === true || entry['skipped'] === true) {
          unfinished.push(
            `${taskName}: ${key.slice(0, -1)} ${typeof entry['id'] === 'number' ? entry['id'] : j + 1}${annotator !== undefined ? ` by ${annotator}` : ''} was cancelled`,
          );
          return;
        }
        const owner: SetOwner = { ...(annotator !== undefined ? { annotator } : {}), ...(entry['ground_truth'] === true ? { gold: true } : {}) };
        owners.push(owner);
        readResult(c, c.open(doc, { ...owner, fields }), entry['result'], at, 'accepted', unit, ignored);
      });
    }
    const predictions = task['predictions'];
    if (predictions === undefined) {
      if (owners.length === 0) c.open(doc, { fields });
      return;
    }
    if (!Array.isArray(predictions)) {
      c.error({ where: `${where}.predictions` }, 'predictions must be a list');
      return;
    }
    const people = owners.filter((o) => !o.gold);
    const only = people.length > 0 && people.every((o) => o.annotator === people[0]?.annotator) ? people[0] : undefined;
    const target = c.open(doc, { ...(only ?? {}), fields });
    predictions.forEach((entry: unknown, j) => {
      const at = `${where}.predictions[${j}]`;
      if (!isRecord(entry) || !Array.isArray(entry['result'])) {
        c.error({ where: at }, 'each entry must be an object with a "result" list');
        return;
      }
      readResult(c, target, entry['result'], at, 'suggested', unit, ignored);
    });
  });
  for (const [what, n] of ignored) c.warn(`${n} ${what} not imported`);
  if (unfinished.length) c.warn(`unfinished work left out (${unfinished.length}): ${unfinished.join('; ')}`);
  return c.result();
}

function readResult(
  c: ImportCollector,
  target: PendingDocument,
  result: unknown[],
  at: string,
  status: 'accepted' | 'suggested',
  unit: 'codePoint' | 'utf16',
  ignored: Map<string, number>,
): void {
  const extras = new Map<string, { value?: string; note?: string; attributes?: Record<string, string> }>();
  // Per-region results first: a region's value, note and attributes may come before or after the region itself.
  result.forEach((item: unknown) => {
    if (!isRecord(item) || (item['type'] !== 'textarea' && item['type'] !== 'choices') || !isRecord(item['value'])) return;
    const name = item['from_name'];
    const text = item['type'] === 'choices' ? item['value']['choices'] : item['value']['text'];
    const joined = Array.isArray(text) && text.every((t) => typeof t === 'string') ? text.join(item['type'] === 'choices' ? ',' : '\n') : undefined;
    const attribute =
      typeof name === 'string' && name.startsWith(LS_ATTRIBUTE_PREFIX) && name.length > LS_ATTRIBUTE_PREFIX.length ? name.slice(LS_ATTRIBUTE_PREFIX.length) : undefined;
    const known = attribute !== undefined || (item['type'] === 'textarea' && (name === LS_VALUE_FROM || name === LS_NOTE_FROM));
    if (!known || typeof item['id'] !== 'string' || joined === undefined) {
      const what = item['type'] === 'choices' ? 'choices results' : 'text area results';
      ignored.set(what, (ignored.get(what) ?? 0) + 1);
      return;
    }
    const entry = extras.get(item['id']) ?? {};
    if (attribute !== undefined) (entry.attributes ??= {})[attribute] = joined;
    else if (name === LS_VALUE_FROM) entry.value = joined;
    else entry.note = joined;
    extras.set(item['id'], entry);
  });
  /** Region id → index of its (first) span, for relations. */
  const regions = new Map<string, number>();
  const relations: { item: Record<string, unknown>; place: Place }[] = [];
  result.forEach((item: unknown, k) => {
    const place: Place = { where: `${at}.result[${k}]` };
    if (!isRecord(item)) {
      c.error(place, 'a result must be an object');
      return;
    }
    if (item['type'] === 'textarea' || item['type'] === 'choices') return;
    if (item['type'] === 'relation') {
      relations.push({ item, place });
      return;
    }
    if (item['type'] !== 'labels') {
      const type = typeof item['type'] === 'string' ? item['type'] : 'untyped';
      ignored.set(`${type} results`, (ignored.get(`${type} results`) ?? 0) + 1);
      return;
    }
    const value = item['value'];
    if (!isRecord(value) || !Array.isArray(value['labels']) || value['labels'].length === 0) {
      c.error(place, 'a labels result needs value.start, value.end and value.labels');
      return;
    }
    const text = value['text'];
    if (text !== undefined && typeof text !== 'string') {
      c.error(place, 'value.text must be a string');
      return;
    }
    const extra = typeof item['id'] === 'string' ? extras.get(item['id']) : undefined;
    for (const label of value['labels'] as unknown[]) {
      const index = c.addSpan(
        target,
        {
          start: value['start'],
          end: value['end'],
          label,
          status,
          ...(text !== undefined ? { text } : {}),
          ...(extra?.value !== undefined ? { value: extra.value } : {}),
          ...(extra?.note !== undefined ? { note: extra.note } : {}),
          ...(extra?.attributes !== undefined ? { attributes: extra.attributes } : {}),
        },
        place,
        unit,
      );
      if (index !== undefined && typeof item['id'] === 'string' && !regions.has(item['id'])) regions.set(item['id'], index);
    }
  });
  for (const { item, place } of relations) {
    const { from_id: from, to_id: to, direction, labels } = item;
    const fromIndex = typeof from === 'string' ? regions.get(from) : undefined;
    const toIndex = typeof to === 'string' ? regions.get(to) : undefined;
    if (fromIndex === undefined || toIndex === undefined) {
      c.error(place, `a relation result needs from_id and to_id naming labelled regions of the same result list (got ${JSON.stringify(from)} → ${JSON.stringify(to)})`);
      continue;
    }
    const types = Array.isArray(labels) && labels.length > 0 ? labels : [UNLABELLED_RELATION];
    for (const type of types) {
      if (typeof type !== 'string' || !LABEL_ID_PATTERN.test(type)) {
        c.error(place, `the relation label ${JSON.stringify(type)} cannot be a Tawsim relation type (a letter, then letters, digits, _ or -)`);
        continue;
      }
      // "left" points from to_id to from_id; "bi" and "right" read from from_id.
      const [a, b] = direction === 'left' ? [toIndex, fromIndex] : [fromIndex, toIndex];
      c.relate(target, { type, from: a, to: b, status });
    }
  }
}

/** The type of a Label Studio relation drawn without a label. */
export const UNLABELLED_RELATION = 'related';
