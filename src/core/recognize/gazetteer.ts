import { LineCounter, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Node } from 'yaml';

/**
 * Gazetteers are word lists the recogniser matches: the built-in ones ship as JSON beside this
 * file, and users add their own as YAML files of the same shape:
 *
 * ```yaml
 * name: moroccan-towns        # shown in hovers as "gazetteer: moroccan-towns"; defaults to the file name
 * kind: entities              # entities | given-names | titles | organisation-heads | place-words
 * label: LOC                  # label of plain entries (kind entities only)
 * entries:
 *   - الرباط
 *   - text: الدار البيضاء
 *   - text: المكتب الشريف للفوسفاط
 *     label: ORG
 * ```
 *
 * - `entities`: complete names, tagged where found.
 * - `given-names`: first names; a name found here starts a person's name.
 * - `titles`: words before a person's name (الرئيس، رئيس أركان).
 * - `organisation-heads`: first words of organisation names (وزارة، القيادة العامة).
 * - `place-words`: words before a place name (مدينة، محافظة).
 */
export type GazetteerKind = 'entities' | 'given-names' | 'titles' | 'organisation-heads' | 'place-words';

export const GAZETTEER_KINDS: readonly GazetteerKind[] = ['entities', 'given-names', 'titles', 'organisation-heads', 'place-words'];

export interface GazetteerEntry {
  readonly text: string;
  /** Label of an entity entry; defaults to the gazetteer's label. */
  readonly label?: string;
}

export interface Gazetteer {
  readonly name: string;
  readonly kind: GazetteerKind;
  readonly label?: string;
  readonly entries: readonly GazetteerEntry[];
}

/** A gazetteer file that cannot be used, with the file and 1-based line of the problem. */
export class GazetteerError extends Error {
  constructor(
    readonly fileName: string,
    readonly line: number | undefined,
    readonly problem: string,
  ) {
    super(line === undefined ? `${fileName}: ${problem}` : `${fileName}:${line}: ${problem}`);
    this.name = 'GazetteerError';
  }
}

const LABEL_ID = /^[A-Za-z][A-Za-z0-9_-]*$/;

/** Reads a user's gazetteer file. Throws GazetteerError naming the file and line of the first problem. */
export function parseGazetteer(yamlText: string, fileName: string): Gazetteer {
  const lines = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: lines, prettyErrors: false });
  const lineOf = (node: Node | null | undefined): number | undefined => {
    const offset = node?.range?.[0];
    return offset === undefined ? undefined : lines.linePos(offset).line;
  };
  const firstError = doc.errors[0];
  if (firstError) {
    const offset = firstError.pos[0];
    throw new GazetteerError(fileName, lines.linePos(offset).line, firstError.message.split('\n')[0] ?? 'invalid YAML');
  }
  const root = doc.contents;
  if (!isMap(root)) throw new GazetteerError(fileName, lineOf(root as Node | null) ?? 1, 'expected a mapping with "entries"');

  const scalarField = (key: string): { value: string | undefined; line: number | undefined } => {
    const node = root.get(key, true) as Node | undefined;
    if (node === undefined || node === null) return { value: undefined, line: undefined };
    if (!isScalar(node) || typeof node.value !== 'string') throw new GazetteerError(fileName, lineOf(node), `"${key}" must be text`);
    return { value: node.value, line: lineOf(node) };
  };

  const kindField = scalarField('kind');
  const kind = (kindField.value ?? 'entities') as GazetteerKind;
  if (!GAZETTEER_KINDS.includes(kind)) {
    throw new GazetteerError(fileName, kindField.line, `unknown kind "${kindField.value}"; expected one of ${GAZETTEER_KINDS.join(', ')}`);
  }
  const labelField = scalarField('label');
  if (labelField.value !== undefined && !LABEL_ID.test(labelField.value)) {
    throw new GazetteerError(fileName, labelField.line, `label "${labelField.value}" is not a label id (letters, digits, _ and -)`);
  }
  const name = scalarField('name').value ?? baseName(fileName);

  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!['name', 'kind', 'label', 'entries'].includes(key)) {
      throw new GazetteerError(fileName, lineOf(pair.key as Node), `unknown key "${key}"; expected name, kind, label, entries`);
    }
  }

  const entriesNode = root.get('entries', true) as Node | undefined;
  if (!isSeq(entriesNode)) throw new GazetteerError(fileName, lineOf(entriesNode) ?? 1, '"entries" must be a list');
  const entries: GazetteerEntry[] = [];
  entriesNode.items.forEach((item, index) => {
    const node = item as Node;
    const where = `entry ${index + 1}`;
    let text: unknown;
    let label: string | undefined;
    if (isScalar(node)) text = node.value;
    else if (isMap(node)) {
      text = (node.get('text', true) as Node | undefined) && isScalar(node.get('text', true)) ? (node.get('text', true) as { value: unknown }).value : undefined;
      const l = node.get('label');
      if (l !== undefined) {
        if (typeof l !== 'string' || !LABEL_ID.test(l)) throw new GazetteerError(fileName, lineOf(node), `${where}: label must be a label id`);
        label = l;
      }
      for (const pair of node.items) {
        const k = isScalar(pair.key) ? String(pair.key.value) : '';
        if (k !== 'text' && k !== 'label') throw new GazetteerError(fileName, lineOf(pair.key as Node), `${where}: unknown key "${k}"; expected text, label`);
      }
    } else throw new GazetteerError(fileName, lineOf(node), `${where}: expected text or a mapping with "text"`);
    if (typeof text !== 'string' || text.trim() === '') throw new GazetteerError(fileName, lineOf(node), `${where}: has no text`);
    if (kind !== 'entities' && label !== undefined) throw new GazetteerError(fileName, lineOf(node), `${where}: only entities entries take a label`);
    if (kind === 'entities' && label === undefined && labelField.value === undefined) {
      throw new GazetteerError(fileName, lineOf(node), `${where}: no label (give "label" at the top or on the entry)`);
    }
    entries.push(label === undefined ? { text: text.trim() } : { text: text.trim(), label });
  });
  return labelField.value === undefined ? { name, kind, entries } : { name, kind, label: labelField.value, entries };
}

/** Several gazetteers as one list, for example the user's files after the built-in ones. */
export function mergeGazetteers(...lists: ReadonlyArray<readonly Gazetteer[]>): Gazetteer[] {
  return lists.flat();
}

function baseName(fileName: string): string {
  const last = fileName.split(/[\\/]/).pop() ?? fileName;
  return last.replace(/\.(ya?ml|json)$/i, '');
}
