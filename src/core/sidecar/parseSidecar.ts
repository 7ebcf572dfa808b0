import { LineCounter, parseDocument } from 'yaml';
import type { Document } from 'yaml';
import { CORE_SCHEMA, load, YAMLException } from 'js-yaml';
import type { Sidecar, SidecarProblem } from './sidecarTypes';
import { validateSidecarObject } from './validateSidecar';
import { readSidecarSubset } from './readSidecarSubset';
import type { LabelDefinition } from '../model/labels';
import type { ProjectSchema } from '../model/projectSchema';

/** Sidecars beyond this size are refused before parsing, so a hostile file cannot exhaust memory. */
export const MAX_SIDECAR_BYTES = 64 * 1024 * 1024;
/** Aliases are legal YAML but no sidecar needs many; the cap defeats "billion laughs" expansion. */
const MAX_ALIAS_COUNT = 50;

export interface ParsedSidecar {
  /** Present when the file parsed and has no errors (warnings allowed). */
  readonly sidecar?: Sidecar;
  readonly problems: readonly SidecarProblem[];
  /**
   * False when writing back would lose something: syntax errors, invalid values, unknown keys, or
   * a schema newer than this build. The editor then leaves the file alone.
   */
  readonly writable: boolean;
}

export interface ParseOptions {
  /** Labels unknown to this set are reported as warnings, and kept. */
  readonly labels?: readonly LabelDefinition[];
  /** Relation types and attributes to check against (as warnings); without it only the structure is checked. */
  readonly schema?: ProjectSchema;
}

export function parseSidecar(text: string, options: ParseOptions = {}): ParsedSidecar {
  // The limit is on UTF-8 bytes: Arabic takes two bytes a character, so counting UTF-16 units
  // let a 100 MB Arabic file through (and parsing it took gigabytes).
  // No UTF-16 unit takes more than three bytes, so a text of a third of the limit needs no counting.
  if (text.length * 3 > MAX_SIDECAR_BYTES && utf8Length(text, MAX_SIDECAR_BYTES) > MAX_SIDECAR_BYTES) {
    return refuse({
      message: `The file is larger than ${MAX_SIDECAR_BYTES / 1048576} MB (${Math.round(text.length / 1048576)} million characters); sidecars that large are not read`,
      line: 1,
      severity: 'error',
    });
  }
  // Fastest path: the YAML Tawsim writes is read by a reader made for it; it declines anything else.
  const subset = readSidecarSubset(text);
  if (subset !== undefined) {
    const fast = validateSidecarObject(subset.value, options.labels, options.schema, subset.plainAnnotations);
    if (fast.problems.length === 0) return { sidecar: fast.sidecar, problems: [], writable: !fast.newerVersion };
    return parseWithPositions(text, options);
  }
  // Fast path: js-yaml reads large sidecars many times faster than the yaml package. Files with
  // anchors or aliases (Tawsim never writes them) take the yaml package's path, which caps alias
  // expansion; so does any file with a problem, to place the problem on its line.
  if (!ANCHOR_OR_ALIAS.test(text)) {
    let value: unknown;
    try {
      value = load(text, { schema: CORE_SCHEMA, json: false });
    } catch (e) {
      // Some js-yaml errors carry no position (several documents in one file): the yaml package
      // below places those on their line.
      if (e instanceof YAMLException && e.mark) {
        return refuse({ message: firstLine(e.reason || e.message), line: e.mark.line + 1, column: e.mark.column + 1, severity: 'error' });
      }
      if (!(e instanceof YAMLException)) return refuse({ message: `YAML could not be parsed: ${firstLine((e as Error).message)}`, line: 1, severity: 'error' });
      return parseWithPositions(text, options);
    }
    const fast = validateSidecarObject(value, options.labels, options.schema);
    if (fast.problems.length === 0) return { sidecar: fast.sidecar, problems: [], writable: !fast.newerVersion };
  }
  return parseWithPositions(text, options);
}

const ANCHOR_OR_ALIAS = /(?:^|[\s[{,:-])[&*][^\s,\]}]/m;

/** The yaml package's path: alias limits, and problems placed on their lines. */
function parseWithPositions(text: string, options: ParseOptions): ParsedSidecar {
  const lineCounter = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  } catch (e) {
    return refuse({ message: `YAML could not be parsed: ${(e as Error).message}`, line: 1, severity: 'error' });
  }
  const syntax = doc.errors.map((err): SidecarProblem => {
    const pos = lineCounter.linePos(err.pos[0]);
    if (err.code === 'MULTIPLE_DOCS') {
      return {
        message: `A second YAML document begins at line ${pos.line}; a sidecar is one document (remove the --- line and what follows, or split the file)`,
        line: pos.line,
        column: pos.col,
        severity: 'error',
      };
    }
    return { message: firstLine(err.message), line: pos.line, column: pos.col, severity: 'error' };
  });
  if (syntax.length > 0) return { problems: syntax, writable: false };

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    return refuse({ message: `YAML could not be expanded: ${firstLine((e as Error).message)}`, line: 1, severity: 'error' });
  }
  const { sidecar, problems, newerVersion } = validateSidecarObject(value, options.labels, options.schema);
  const placed = problems.map((p) => placeProblem(p, doc, lineCounter));
  const hasError = placed.some((p) => p.severity === 'error');
  return {
    sidecar: hasError ? undefined : sidecar,
    problems: placed,
    writable: !hasError && !newerVersion,
  };
}

/**
 * Why a sidecar's content must not be written, or undefined when it may: every reader refuses a
 * sidecar over MAX_SIDECAR_BYTES, so a writer that wrote one would lock everyone out of it.
 */
export function sidecarTooLarge(content: string): string | undefined {
  if (content.length * 3 <= MAX_SIDECAR_BYTES || utf8Length(content, MAX_SIDECAR_BYTES) <= MAX_SIDECAR_BYTES) return undefined;
  return `the sidecar would be larger than ${MAX_SIDECAR_BYTES / 1048576} MB, the most any reader accepts; it is not written (split the text, or remove suggestions)`;
}

/** UTF-8 length of a string, counting no further than just past `limit`. */
export function utf8Length(text: string, limit = Number.POSITIVE_INFINITY): number {
  if (text.length > limit) return text.length;
  let n = 0;
  for (let i = 0; i < text.length && n <= limit; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

function refuse(problem: SidecarProblem): ParsedSidecar {
  return { problems: [problem], writable: false };
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

/** Turns a problem's key path into a line and column by finding its node in the parsed document. */
function placeProblem(problem: SidecarProblem, doc: Document, lineCounter: LineCounter): SidecarProblem {
  if (problem.line !== undefined || problem.path === undefined) return problem;
  const keys = pathKeys(problem.path);
  for (let n = keys.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(keys.slice(0, n), true);
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    if (range) {
      const pos = lineCounter.linePos(n === keys.length ? range[0] : range[0]);
      return { ...problem, line: pos.line, column: pos.col };
    }
  }
  return { ...problem, line: 1 };
}

function pathKeys(path: string): (string | number)[] {
  const keys: (string | number)[] = [];
  for (const part of path.split('.')) {
    const m = /^([^[]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) {
      keys.push(part);
      continue;
    }
    if (m[1]) keys.push(m[1]);
    for (const idx of (m[2] ?? '').matchAll(/\[(\d+)\]/g)) keys.push(Number(idx[1]));
  }
  return keys;
}
