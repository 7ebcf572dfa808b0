import { CORE_SCHEMA, load } from 'js-yaml';

/** One item of a sidecar's `annotations` list, as written, with where it sits in the file. */
export interface OutlineEntry {
  /** Position in the list, from 0. */
  readonly index: number;
  readonly id?: string;
  readonly label?: string;
  /** Code points, as in the file; absent when not a whole number. */
  readonly start?: number;
  readonly end?: number;
  readonly text?: string;
  readonly status?: string;
  readonly source?: string;
  readonly value?: string;
  /** Lines and columns from 0, as the editor counts them: where the item's `-` is. */
  readonly line: number;
  readonly column: number;
  /** Last line of the item that holds something (not blank, not a comment). */
  readonly endLine: number;
  /** Line of the `text:` key, where a mismatch with the document is reported. */
  readonly textLine?: number;
}

export interface SidecarOutline {
  /** `document.path`: the text, relative to the sidecar's folder. */
  readonly documentPath?: string;
  /** Line of `document.path` (from 0). */
  readonly documentPathLine?: number;
  readonly entries: readonly OutlineEntry[];
}

interface MutableEntry {
  index: number;
  line: number;
  column: number;
  endLine: number;
  fields: Map<string, unknown>;
  textLine?: number;
}

const KEY_LINE = /^( *)(- +)?([A-Za-z_][A-Za-z0-9_]*) *:(?: +(.*))?$/;
const BLANK_OR_COMMENT = /^\s*(#.*)?$/;

/**
 * Where each annotation of a sidecar is, from a scan of its lines. It reads block-style YAML as
 * Tawsim and hand edits write it, and as much as it can of a file that does not parse or
 * validate, so a lens or a reveal still works while the user fixes it; validation stays
 * parseSidecar's job. A line scan, because composing a YAML document with positions took seconds
 * for a sidecar of 20,000 annotations, and this runs as the user types.
 */
export function readSidecarOutline(text: string): SidecarOutline {
  const lines = text.split(/\r?\n/);
  let documentPath: string | undefined;
  let documentPathLine: number | undefined;
  const entries: MutableEntry[] = [];
  let section: string | undefined;
  let itemIndent = -1;
  let current: MutableEntry | undefined;

  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).replace(/^\uFEFF/, '');
    if (BLANK_OR_COMMENT.test(line)) continue;
    const indent = line.length - line.trimStart().length;
    if (indent === 0 && !line.startsWith('-')) {
      // A top-level key starts a section and ends any list item.
      current = undefined;
      itemIndent = -1;
      const m = KEY_LINE.exec(line);
      section = m?.[3];
      continue;
    }
    if (section === 'document') {
      const m = KEY_LINE.exec(line);
      if (m && !m[2] && m[3] === 'path' && m[4] !== undefined) {
        const v = scalar(m[4]);
        if (typeof v === 'string') {
          documentPath = v;
          documentPathLine = i;
        }
      }
      continue;
    }
    if (section !== 'annotations') continue;
    const m = KEY_LINE.exec(line);
    if (m?.[2] !== undefined && (itemIndent < 0 || indent === itemIndent)) {
      itemIndent = indent;
      current = { index: entries.length, line: i, column: indent, endLine: i, fields: new Map() };
      entries.push(current);
      if (m[4] !== undefined) current.fields.set(m[3] as string, scalar(m[4]));
      continue;
    }
    if (!current) continue;
    if (indent <= itemIndent) {
      // A `-` at the item's indent with no key (`- ` then a newline) still starts an item.
      if (line.trimStart().startsWith('-') && indent === itemIndent) {
        current = { index: entries.length, line: i, column: indent, endLine: i, fields: new Map() };
        entries.push(current);
      } else current = undefined;
      continue;
    }
    current.endLine = i;
    const keyIndent = current.fields.size === 0 && current.line === i ? -1 : firstKeyIndent(lines, current, itemIndent);
    // Only the item's own keys; deeper lines are a review record or a block scalar's text.
    if (m && !m[2] && indent === keyIndent) {
      const key = m[3] as string;
      if (m[4] !== undefined) current.fields.set(key, scalar(m[4]));
      if (key === 'text') current.textLine = i;
    }
  }

  return {
    ...(documentPath !== undefined ? { documentPath } : {}),
    ...(documentPathLine !== undefined ? { documentPathLine } : {}),
    entries: entries.map(toEntry),
  };
}

/** The entry whose lines cover a line (from 0), if any. */
export function entryAtLine(outline: SidecarOutline, line: number): OutlineEntry | undefined {
  // Entries are in file order: a binary search finds the last one starting at or before the line.
  let lo = 0;
  let hi = outline.entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((outline.entries[mid] as OutlineEntry).line <= line) lo = mid + 1;
    else hi = mid;
  }
  const entry = outline.entries[lo - 1];
  return entry && line <= entry.endLine ? entry : undefined;
}

/** Keys of an item line up with the key after its `- ` (`  - id: t1` then `    label: …`). */
function firstKeyIndent(lines: readonly string[], entry: MutableEntry, itemIndent: number): number {
  const first = lines[entry.line] as string;
  const afterDash = /^ *- +/.exec(first);
  return afterDash && afterDash[0].length < first.trimEnd().length ? afterDash[0].length : itemIndent + 2;
}

/** A one-line YAML scalar as the sidecar reader would see it; block scalars and collections are left out. */
function scalar(raw: string): unknown {
  const value = stripComment(raw).trim();
  if (value === '' || /^[|>[{&*!]/.test(value)) return undefined;
  if (/^\d+$/.test(value)) return Number(value);
  if (value.startsWith('"') || value.startsWith("'")) {
    try {
      return load(value, { schema: CORE_SCHEMA });
    } catch {
      return undefined;
    }
  }
  return value;
}

/** Removes a trailing ` # comment` from a plain or quoted scalar. */
function stripComment(raw: string): string {
  const quote = raw.startsWith('"') ? '"' : raw.startsWith("'") ? "'" : undefined;
  if (quote) {
    for (let i = 1; i < raw.length; i++) {
      if (quote === '"' && raw[i] === '\\') i++;
      else if (raw[i] === quote) {
        if (quote === "'" && raw[i + 1] === "'") i++;
        else return raw.slice(0, i + 1);
      }
    }
    return raw;
  }
  const hash = raw.search(/\s#/);
  return hash < 0 ? raw : raw.slice(0, hash);
}

function toEntry(e: MutableEntry): OutlineEntry {
  const str = (key: string): string | undefined => {
    const v = e.fields.get(key);
    // An unquoted number (`text: 2020`) is still the covered text.
    return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
  };
  const count = (key: string): number | undefined => {
    const v = e.fields.get(key);
    return typeof v === 'number' && Number.isSafeInteger(v) ? v : undefined;
  };
  const fields = {
    id: str('id'),
    label: str('label'),
    start: count('start'),
    end: count('end'),
    text: str('text'),
    status: str('status'),
    source: str('source'),
    value: str('value'),
    textLine: e.textLine,
  };
  const present = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<typeof fields>;
  return { index: e.index, line: e.line, column: e.column, endLine: e.endLine, ...present } as OutlineEntry;
}
