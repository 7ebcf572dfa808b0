/**
 * A reader for exactly the YAML that `serializeSidecar` writes: block mappings and sequences
 * indented with spaces, plain scalars, double- and single-quoted scalars on one line, `|` and `|-`
 * literal blocks, and the empty flow collections `[]` and `{}`. It builds the same object as a
 * full YAML 1.2 core-schema parser, many times faster, because a sidecar with 100,000 annotations
 * is read on every open.
 *
 * Anything it is not certain about (comments, anchors, tags, flow collections, folded or multi-line
 * scalars, blank lines, tabs, control characters, duplicate keys, numbers other than plain decimal
 * integers) makes it answer `undefined`, and the caller reads the file with the full parser, which
 * accepts every valid file and places every problem on its line.
 */
export function readSidecarSubset(text: string): { readonly value: unknown } | undefined {
  if (text.length === 0 || UNSAFE_CHARACTERS.test(text)) return undefined;
  const lines = text.split('\n');
  const crlf = text.includes('\r');
  if (crlf) {
    for (let k = 0; k < lines.length; k++) {
      const line = lines[k] as string;
      // A lone carriage return is a line break to YAML too; only CRLF pairs are taken here.
      const cr = line.indexOf('\r');
      if (cr === -1) {
        if (k < lines.length - 1) return undefined;
        continue;
      }
      if (cr !== line.length - 1 || k === lines.length - 1) return undefined;
      lines[k] = line.slice(0, -1);
    }
  }
  // The text ends with one line break, or none; nothing else may be blank.
  if (lines[lines.length - 1] === '') lines.pop();
  const reader = new SubsetReader(lines);
  try {
    const first = lines[0] as string;
    if (indentOf(first) !== 0) return undefined;
    const value = reader.block(0, 0);
    if (reader.i !== lines.length) return undefined;
    return { value };
  } catch (e) {
    if (e === OUTSIDE) return undefined;
    throw e;
  }
}

/** Tabs, C0/C1 controls (NEL among them), DEL and byte-order marks: YAML treats them specially or refuses them. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE_CHARACTERS = /[\x00-\x08\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff]/;

/** Thrown (never escaping this file) when the text leaves the subset. */
const OUTSIDE: unique symbol = Symbol('outside the sidecar subset');

/** What js-yaml or the yaml package would read as a number (int or float, any base), not a string. */
const NUMBER_LIKE = /^[-+]?(?:[0-9][0-9_]*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|\.[0-9_]+(?:[eE][-+]?[0-9]+)?|0[box][0-9a-fA-F_]+|\.(?:inf|Inf|INF|nan|NaN|NAN))$/;
const PLAIN_INTEGER = /^(?:0|-?[1-9][0-9]{0,14})$/;
/** Keys the subset takes: words of letters, marks, digits and underscores (schema keys, attribute names in any script). */
const PLAIN_KEY = /^[\p{L}\p{M}_][\p{L}\p{M}\p{N}_]*$/u;
const MAX_KEYS_OF_A_LENGTH = 16;
const KEYWORDS = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE']);

function indentOf(line: string): number {
  let n = 0;
  while (line.charCodeAt(n) === 32) n++;
  return n;
}

function isSequenceItem(line: string, col: number): boolean {
  return line.charCodeAt(col) === 45 /* - */ && (col + 1 === line.length || line.charCodeAt(col + 1) === 32);
}

class SubsetReader {
  /** The line being read. */
  i = 0;
  /** Keys already read, by length: a key is found in the line without cutting it out, and the same string is used every time. */
  private readonly keysByLength = new Map<number, string[]>();
  /** The key `keyEnd` found last. */
  private key = '';

  constructor(private readonly lines: string[]) {}

  /**
   * The node whose first line is line `i`, its content starting at column `col`, in a collection
   * indented `indent` (from which a literal block's lines and indentation indicator count).
   */
  block(indent: number, col: number): unknown {
    const line = this.lines[this.i] as string;
    if (isSequenceItem(line, col)) return this.sequence(col);
    if (this.keyEnd(line, col) !== -1) return this.mapping(col);
    return this.scalar(line, col, indent);
  }

  private sequence(indent: number): unknown[] {
    const items: unknown[] = [];
    let col = indent;
    for (;;) {
      const line = this.lines[this.i] as string;
      if (col + 1 === line.length) {
        // "-" alone: the item is the block on the following lines.
        this.i++;
        const next = this.lines[this.i];
        if (next === undefined) throw OUTSIDE;
        const inner = indentOf(next);
        if (inner <= indent) throw OUTSIDE;
        items.push(this.block(indent, inner));
      } else {
        const at = col + 2;
        if (line.charCodeAt(at) === 32) throw OUTSIDE;
        items.push(this.block(indent, at));
      }
      const next = this.lines[this.i];
      if (next === undefined) return items;
      const n = indentOf(next);
      if (n > indent) throw OUTSIDE;
      if (n < indent || !isSequenceItem(next, n)) return items;
      col = indent;
    }
  }

  private mapping(indent: number): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    let col = indent;
    for (;;) {
      const line = this.lines[this.i] as string;
      const end = this.keyEnd(line, col);
      if (end === -1) throw OUTSIDE;
      const key = this.key;
      if (Object.prototype.hasOwnProperty.call(map, key)) throw OUTSIDE;
      if (end + 1 === line.length) {
        // "key:" alone: the value is the block on the following lines (a sequence may sit at the key's own indent).
        this.i++;
        const next = this.lines[this.i];
        if (next === undefined) throw OUTSIDE;
        const n = indentOf(next);
        if (n > indent || (n === indent && isSequenceItem(next, n))) map[key] = this.block(indent, n);
        else throw OUTSIDE;
      } else {
        map[key] = this.scalar(line, end + 2, indent);
      }
      const next = this.lines[this.i];
      if (next === undefined) return map;
      const n = indentOf(next);
      if (n > indent) throw OUTSIDE;
      if (n < indent) return map;
      if (isSequenceItem(next, n)) return map;
      col = indent;
    }
  }

  /** Column of the colon ending a plain key that starts at `col`, or -1 when the line has no such key. */
  private keyEnd(line: string, col: number): number {
    let end = line.indexOf(': ', col);
    if (end === -1) {
      if (line.charCodeAt(line.length - 1) !== 58 /* : */) return -1;
      end = line.length - 1;
    }
    const known = this.keysByLength.get(end - col);
    if (known) {
      for (const key of known) {
        if (line.startsWith(key, col)) {
          this.key = key;
          return end;
        }
      }
    }
    const key = line.slice(col, end);
    if (PLAIN_KEY.test(key) && !KEYWORDS.has(key) && key !== '__proto__') {
      // A few keys of each length: a file of many different keys (attribute names) is read as before, key by key.
      if (!known) this.keysByLength.set(key.length, [key]);
      else if (known.length < MAX_KEYS_OF_A_LENGTH) known.push(key);
      this.key = key;
      return end;
    }
    // A quoted scalar holding ": " is not a key; anything else that looks like one is outside the subset.
    const first = line.charCodeAt(col);
    if (first === 34 /* " */ || first === 39 /* ' */) return -1;
    throw OUTSIDE;
  }

  /** The scalar (or empty collection) from `col` to the end of the line; literal blocks take the lines after. */
  private scalar(line: string, col: number, indent: number): unknown {
    const first = line.charCodeAt(col);
    this.i++;
    switch (first) {
      case 34 /* " */:
        return doubleQuoted(line, col);
      case 39 /* ' */:
        return singleQuoted(line, col);
      case 124 /* | */:
        return this.literal(line.slice(col), indent);
      case 91 /* [ */:
        if (line.length === col + 2 && line.charCodeAt(col + 1) === 93) return [];
        throw OUTSIDE;
      case 123 /* { */:
        if (line.length === col + 2 && line.charCodeAt(col + 1) === 125) return {};
        throw OUTSIDE;
      case 45 /* - */:
      case 43 /* + */:
      case 46 /* . */:
      case 48:
      case 49:
      case 50:
      case 51:
      case 52:
      case 53:
      case 54:
      case 55:
      case 56:
      case 57: {
        const s = line.slice(col);
        if (PLAIN_INTEGER.test(s)) return Number(s);
        if (NUMBER_LIKE.test(s)) throw OUTSIDE;
        return plain(s);
      }
      default:
        return plain(line.slice(col));
    }
  }

  /**
   * A literal block (`|`, with an optional indentation indicator and chomping indicator) whose lines
   * follow. `indent` is the enclosing mapping's or sequence's indentation, from which an indicator counts.
   */
  private literal(header: string, indent: number): string {
    const m = LITERAL_HEADER.exec(header);
    if (!m) throw OUTSIDE;
    const indicator = m[1] ?? m[4];
    const chomp = m[2] ?? m[3] ?? '';
    const firstLine = this.lines[this.i];
    if (firstLine === undefined) throw OUTSIDE;
    let at: number;
    if (indicator !== undefined) at = indent + Number(indicator);
    else {
      // Without an indicator the first non-blank line sets the indentation; blank lines before it may not be longer.
      let k = this.i;
      let longestBlank = 0;
      for (;;) {
        const line = this.lines[k];
        const n = line === undefined ? 0 : indentOf(line);
        if (line === undefined || n < line.length) {
          // Only blank lines before the next key (or the end): the block holds nothing but line breaks.
          at = n > indent ? n : indent + 1;
          break;
        }
        longestBlank = Math.max(longestBlank, n);
        k++;
      }
      if (longestBlank > at) throw OUTSIDE;
    }
    if (at <= indent) throw OUTSIDE;
    const parts: string[] = [];
    for (;;) {
      const line = this.lines[this.i];
      if (line === undefined) break;
      const n = indentOf(line);
      if (n >= at) parts.push(line.slice(at));
      else if (n === line.length) parts.push('');
      else break;
      this.i++;
    }
    if (chomp === '+') return parts.map((p) => p + '\n').join('');
    let last = parts.length;
    while (last > 0 && parts[last - 1] === '') last--;
    const body = parts.slice(0, last).join('\n');
    return chomp === '-' || last === 0 ? body : body + '\n';
  }
}

/** `|`, then an indentation indicator and a chomping indicator in either order. */
const LITERAL_HEADER = /^\|(?:([1-9])([-+])?|([-+])([1-9])?)?$/;

/** A plain scalar as the core schema reads it: null, a boolean, or the string itself. */
function plain(s: string): unknown {
  const c = s.charCodeAt(0);
  // Indicators that start something other than a plain scalar, or that YAML forbids there.
  if (c === 32 || '-?:,[]{}#&*!|>\'"%@`'.includes(s[0] as string)) throw OUTSIDE;
  if (s.charCodeAt(s.length - 1) === 32 || s.includes(' #') || s.includes(': ') || s.charCodeAt(s.length - 1) === 58) throw OUTSIDE;
  if (s.length <= 5) {
    if (s === 'true' || s === 'True' || s === 'TRUE') return true;
    if (s === 'false' || s === 'False' || s === 'FALSE') return false;
    if (s === '~' || s === 'null' || s === 'Null' || s === 'NULL') return null;
  }
  return s;
}

function singleQuoted(line: string, col: number): string {
  let out = '';
  let from = col + 1;
  for (;;) {
    const q = line.indexOf("'", from);
    if (q === -1) throw OUTSIDE;
    out += line.slice(from, q);
    if (line.charCodeAt(q + 1) === 39) {
      out += "'";
      from = q + 2;
      continue;
    }
    if (q + 1 !== line.length) throw OUTSIDE;
    return out;
  }
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\x85',
  _: '\xa0',
  L: '\u2028',
  P: '\u2029',
};
const HEX_LENGTH: Record<string, number> = { x: 2, u: 4, U: 8 };

function doubleQuoted(line: string, col: number): string {
  const close = line.length - 1;
  if (close <= col || line.charCodeAt(close) !== 34) throw OUTSIDE;
  const body = line.slice(col + 1, close);
  if (!body.includes('\\')) {
    if (body.includes('"')) throw OUTSIDE;
    return body;
  }
  let out = '';
  let k = 0;
  while (k < body.length) {
    const slash = body.indexOf('\\', k);
    const quote = body.indexOf('"', k);
    if (quote !== -1 && (slash === -1 || quote < slash)) throw OUTSIDE;
    if (slash === -1) {
      out += body.slice(k);
      break;
    }
    out += body.slice(k, slash);
    const e = body[slash + 1];
    if (e === undefined) throw OUTSIDE;
    const simple = SIMPLE_ESCAPES[e];
    if (simple !== undefined) {
      out += simple;
      k = slash + 2;
      continue;
    }
    const width = HEX_LENGTH[e];
    if (width === undefined) throw OUTSIDE;
    const hex = body.slice(slash + 2, slash + 2 + width);
    if (hex.length !== width || !/^[0-9a-fA-F]+$/.test(hex)) throw OUTSIDE;
    const code = parseInt(hex, 16);
    if (code > 0x10ffff) throw OUTSIDE;
    out += String.fromCodePoint(code);
    k = slash + 2 + width;
  }
  return out;
}
