/**
 * A reader for exactly the YAML that `serializeSidecar` writes: block mappings and sequences
 * indented with spaces, plain scalars, double- and single-quoted scalars on one line, `|` and `|-`
 * literal blocks, and the empty flow collections `[]` and `{}`. It builds the same object as a
 * full YAML 1.2 core-schema parser, many times faster, because a sidecar with 100,000 annotations
 * is read on every open.
 *
 * Anything it is not certain about (comments, anchors, tags, flow collections, folded or multi-line
 * scalars, blank lines, empty values, tabs, control characters, duplicate keys, numbers other than
 * plain decimal integers) makes it answer `undefined`, and the caller reads the file with the full
 * parser, which accepts every valid file and places every problem on its line.
 *
 * It walks offsets in the one string and cuts out only values: splitting a large sidecar into lines
 * made a string per line and kept the collector busy for longer than the reading itself.
 */
export function readSidecarSubset(text: string): SubsetRead | undefined {
  if (text.length === 0 || UNSAFE_CHARACTERS.test(text)) return undefined;
  if (text.includes('\r')) {
    // A lone carriage return is a line break to YAML too; only CRLF pairs, at every line end, are taken here.
    if (LONE_CR.test(text) || LONE_LF.test(text)) return undefined;
    text = text.replace(CRLF, '\n');
  }
  const reader = new SubsetReader(text);
  // The text ends with one line break, or none; nothing else may be blank.
  if (reader.atEnd() || reader.indentHere() !== 0) return undefined;
  try {
    const value = reader.block(0, 0);
    if (!reader.atEnd()) return undefined;
    return { value, plainAnnotations: reader.plainAnnotations };
  } catch (e) {
    if (e === OUTSIDE) return undefined;
    throw e;
  }
}

export interface SubsetRead {
  readonly value: unknown;
  /**
   * Entry i is 1 when `annotations[i]` holds nothing but the keys id, label, start, end, text,
   * status and source, then value and note when present, in that order: the shape `toAnnotation`
   * would build, so the validator can skip looking for unknown keys and keep the object itself.
   * Their values are as the YAML reads them, not yet checked.
   */
  readonly plainAnnotations: Uint8Array;
}

/** The keys of a plain annotation, in the order Tawsim writes them; those after `source` are optional. */
const PLAIN_ANNOTATION_KEYS = ['id', 'label', 'start', 'end', 'text', 'status', 'source', 'value', 'note'] as const;
const REQUIRED_ANNOTATION_KEYS = 7;

/** Tabs, C0/C1 controls (NEL among them), DEL and byte-order marks: YAML treats them specially or refuses them. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE_CHARACTERS = /[\x00-\x08\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff]/;
const LONE_CR = /\r(?!\n)/;
const LONE_LF = /(?<!\r)\n/;
const CRLF = /\r\n/g;

/** Thrown (never escaping this file) when the text leaves the subset. */
const OUTSIDE: unique symbol = Symbol('outside the sidecar subset');

/** What js-yaml or the yaml package would read as a number (int or float, any base), not a string. */
const NUMBER_LIKE = /^[-+]?(?:[0-9][0-9_]*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|\.[0-9_]+(?:[eE][-+]?[0-9]+)?|0[box][0-9a-fA-F_]+|\.(?:inf|Inf|INF|nan|NaN|NAN))$/;
const PLAIN_INTEGER = /^(?:0|-?[1-9][0-9]{0,14})$/;
/** Keys the subset takes: words of letters, marks, digits and underscores (schema keys, attribute names in any script). */
const PLAIN_KEY = /^[\p{L}\p{M}_][\p{L}\p{M}\p{N}_]*$/u;
const KEYWORDS = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE']);
/** Keys remembered so that each is one string however often it occurs; a file of ever new keys is read key by key beyond this. */
const MAX_REMEMBERED_KEYS = 256;

/** Values up to this length are shared (JSON.parse shares up to 10 characters). */
const MAX_SHARED_VALUE_LENGTH = 10;
const SHARED_VALUE_SLOTS = 1024;

const SPACE = 32;
const LINE_FEED = 10;
const COLON = 58;
const DASH = 45;
const DIGIT_0 = 48;
const DIGIT_9 = 57;

/** `A`–`Z`, `a`–`z`, `_`: the first character of a key found without cutting it out. */
function isAsciiKeyStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}

function isAsciiKeyPart(c: number): boolean {
  return isAsciiKeyStart(c) || (c >= DIGIT_0 && c <= DIGIT_9);
}

/**
 * The cursor is one line of `t`: from `p` to `e` (its line feed, or the end of the content). Columns
 * (`indent`) count from the start of a line; positions (`col`, `end`) are offsets in `t`.
 */
class SubsetReader {
  /** Start of the current line; past `n` once every line is read. */
  private p = 0;
  /** End of the current line. */
  private e: number;
  /** End of the content: the text without its final line feed. */
  private readonly n: number;
  /** ASCII keys by a hash of their characters, compared in place before one is cut out. */
  private readonly keysByHash = new Map<number, string>();
  /** Other keys (attribute names in Arabic), the same string for each occurrence. */
  private readonly otherKeys = new Map<string, string>();
  /** Short plain values by a hash of their characters; a value of another hash in the slot replaces it. */
  private readonly sharedValues: (string | undefined)[] = new Array<string | undefined>(SHARED_VALUE_SLOTS).fill(undefined);
  /** The key `keyEnd` found last. */
  private key = '';
  /** See `SubsetRead.plainAnnotations`; grown as the top-level `annotations` list is read. */
  plainAnnotations = new Uint8Array(0);
  /** Values of one annotation's keys by their place in PLAIN_ANNOTATION_KEYS, reused from item to item. */
  private readonly annotationValues: unknown[] = new Array<unknown>(PLAIN_ANNOTATION_KEYS.length).fill(undefined);

  constructor(private readonly t: string) {
    this.n = t.charCodeAt(t.length - 1) === LINE_FEED ? t.length - 1 : t.length;
    this.e = this.lineEnd(0);
  }

  atEnd(): boolean {
    return this.p > this.n;
  }

  /** Spaces at the start of the current line. */
  indentHere(): number {
    let k = this.p;
    while (this.t.charCodeAt(k) === SPACE) k++;
    return k - this.p;
  }

  private lineEnd(from: number): number {
    const lf = this.t.indexOf('\n', from);
    return lf === -1 ? this.n : lf;
  }

  private nextLine(): void {
    this.p = this.e + 1;
    if (this.p <= this.n) this.e = this.lineEnd(this.p);
  }

  private isSequenceItem(col: number): boolean {
    return this.t.charCodeAt(col) === DASH && (col + 1 === this.e || this.t.charCodeAt(col + 1) === SPACE);
  }

  /**
   * The node whose first line is the current one, its content starting at position `col`, in a
   * collection indented `indent` (from which a literal block's lines and indentation indicator count).
   */
  block(indent: number, col: number, annotations = false): unknown {
    if (this.isSequenceItem(col)) return this.sequence(col - this.p, annotations);
    const end = this.keyEnd(col);
    if (end !== -1) return this.mapping(col - this.p, end);
    return this.scalar(col, indent);
  }

  /** A sequence; with `annotations`, the top-level list, whose items are read by `annotation`. */
  private sequence(indent: number, annotations = false): unknown[] {
    const items: unknown[] = [];
    for (;;) {
      const col = this.p + indent;
      if (col + 1 === this.e) {
        // "-" alone: the item is the block on the following lines.
        this.nextLine();
        if (this.atEnd()) throw OUTSIDE;
        const inner = this.indentHere();
        if (inner <= indent) throw OUTSIDE;
        items.push(this.block(indent, this.p + inner));
      } else {
        const at = col + 2;
        if (this.t.charCodeAt(at) === SPACE) throw OUTSIDE;
        items.push(annotations ? this.annotation(indent, at, items.length) : this.block(indent, at));
      }
      if (this.atEnd()) return items;
      const n = this.indentHere();
      if (n > indent) throw OUTSIDE;
      if (n < indent || !this.isSequenceItem(this.p + n)) return items;
    }
  }

  /**
   * An item of the top-level annotation list, its first line holding content at `col`. Items of the
   * shape Tawsim writes for an ordinary annotation are built as one object literal and marked in
   * `plainAnnotations`; any other key, or a value on the following lines, and the rest of the item
   * is read as any mapping, into the same object the general path would build.
   */
  private annotation(sequenceIndent: number, col: number, index: number): unknown {
    if (this.isSequenceItem(col)) return this.block(sequenceIndent, col);
    let end = this.keyEnd(col);
    if (end === -1) return this.scalar(col, sequenceIndent);
    const indent = col - this.p;
    const values = this.annotationValues;
    for (let k = 0; k < values.length; k++) values[k] = undefined;
    let next = 0;
    let ended = false;
    while (end + 1 !== this.e) {
      const slot = plainAnnotationSlot(this.key, next);
      if (slot === -1) break;
      values[slot] = this.scalar(end + 2, indent);
      next = slot + 1;
      end = this.followingKey(indent);
      if (end === -1) {
        ended = true;
        break;
      }
    }
    if (!ended || next < REQUIRED_ANNOTATION_KEYS) {
      const map: Record<string, unknown> = {};
      for (let k = 0; k < next; k++) if (values[k] !== undefined) map[PLAIN_ANNOTATION_KEYS[k] as string] = values[k];
      return ended ? map : this.mapping(indent, end, map);
    }
    const item: Record<string, unknown> = { id: values[0], label: values[1], start: values[2], end: values[3], text: values[4], status: values[5], source: values[6] };
    if (values[7] !== undefined) item['value'] = values[7];
    if (values[8] !== undefined) item['note'] = values[8];
    if (index >= this.plainAnnotations.length) {
      const grown = new Uint8Array(Math.max(1024, 2 * index));
      grown.set(this.plainAnnotations);
      this.plainAnnotations = grown;
    }
    this.plainAnnotations[index] = 1;
    return item;
  }

  /** The end of the key on the current line when it continues the mapping at `indent`, or -1 when the mapping ended. */
  private followingKey(indent: number): number {
    if (this.atEnd()) return -1;
    const n = this.indentHere();
    if (n > indent) throw OUTSIDE;
    if (n < indent || this.isSequenceItem(this.p + n)) return -1;
    const end = this.keyEnd(this.p + indent);
    if (end === -1) throw OUTSIDE;
    return end;
  }

  /** A mapping whose first key, on the current line, ends at `end`; `map` holds what an item's first lines gave. */
  private mapping(indent: number, end: number, map: Record<string, unknown> = {}): Record<string, unknown> {
    for (;;) {
      const key = this.key;
      if (Object.prototype.hasOwnProperty.call(map, key)) throw OUTSIDE;
      if (end + 1 === this.e) {
        // "key:" alone: the value is the block on the following lines (a sequence may sit at the key's own indent).
        this.nextLine();
        if (this.atEnd()) throw OUTSIDE;
        const n = this.indentHere();
        if (n > indent || (n === indent && this.isSequenceItem(this.p + n))) map[key] = this.block(indent, this.p + n, indent === 0 && key === 'annotations');
        else throw OUTSIDE;
      } else {
        map[key] = this.scalar(end + 2, indent);
      }
      end = this.followingKey(indent);
      if (end === -1) return map;
    }
  }

  /** Position of the colon ending a plain key that starts at `col`, or -1 when the line has no such key. */
  private keyEnd(col: number): number {
    const t = this.t;
    let c = t.charCodeAt(col);
    if (isAsciiKeyStart(c)) {
      let k = col;
      let hash = 0;
      do {
        hash = (Math.imul(hash, 31) + c) | 0;
        c = t.charCodeAt(++k);
      } while (isAsciiKeyPart(c));
      if (c === COLON && (k + 1 === this.e || t.charCodeAt(k + 1) === SPACE)) {
        const known = this.keysByHash.get(hash);
        if (known !== undefined && known.length === k - col && t.startsWith(known, col)) {
          this.key = known;
          return k;
        }
        const key = t.slice(col, k);
        if (KEYWORDS.has(key) || key === '__proto__') throw OUTSIDE;
        if (known === undefined && this.keysByHash.size < MAX_REMEMBERED_KEYS) this.keysByHash.set(hash, key);
        this.key = key;
        return k;
      }
    }
    return this.otherKeyEnd(col);
  }

  /** `keyEnd` for keys beyond ASCII words, and for lines that hold none: the first ": " (or a colon ending the line) decides. */
  private otherKeyEnd(col: number): number {
    const t = this.t;
    let end = -1;
    for (let k = t.indexOf(':', col); k !== -1 && k < this.e; k = t.indexOf(':', k + 1)) {
      if (k + 1 === this.e || t.charCodeAt(k + 1) === SPACE) {
        end = k;
        break;
      }
    }
    if (end === -1) return -1;
    const key = t.slice(col, end);
    if (PLAIN_KEY.test(key) && !KEYWORDS.has(key) && key !== '__proto__') {
      const known = this.otherKeys.get(key);
      if (known !== undefined) this.key = known;
      else {
        if (this.otherKeys.size < MAX_REMEMBERED_KEYS) this.otherKeys.set(key, key);
        this.key = key;
      }
      return end;
    }
    // A quoted scalar holding ": " is not a key; anything else that looks like one is outside the subset.
    const first = t.charCodeAt(col);
    if (first === 34 /* " */ || first === 39 /* ' */) return -1;
    throw OUTSIDE;
  }

  /** The scalar (or empty collection) from `col` to the end of the line; literal blocks take the lines after. */
  private scalar(col: number, indent: number): unknown {
    const t = this.t;
    const end = this.e;
    const first = t.charCodeAt(col);
    this.nextLine();
    switch (first) {
      case 34 /* " */:
        return doubleQuoted(t, col, end);
      case 39 /* ' */:
        return singleQuoted(t.slice(col, end));
      case 124 /* | */:
        return this.literal(t.slice(col, end), indent);
      case 91 /* [ */:
        if (end === col + 2 && t.charCodeAt(col + 1) === 93) return [];
        throw OUTSIDE;
      case 123 /* { */:
        if (end === col + 2 && t.charCodeAt(col + 1) === 125) return {};
        throw OUTSIDE;
      case 45 /* - */:
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
        const integer = plainInteger(t, col, end);
        if (integer !== undefined) return integer;
        return numberOrPlain(t.slice(col, end));
      }
      case 43 /* + */:
      case 46 /* . */:
        return numberOrPlain(t.slice(col, end));
      default:
        return end - col <= MAX_SHARED_VALUE_LENGTH ? this.sharedPlain(col, end) : plain(t.slice(col, end));
    }
  }

  /**
   * A short plain scalar, the same string as the last one of the same characters in its slot: labels,
   * statuses and sources repeat on every annotation, and one string each is less for the collector to copy.
   */
  private sharedPlain(col: number, end: number): unknown {
    const t = this.t;
    let hash = end - col;
    for (let k = col; k < end; k++) hash = (Math.imul(hash, 31) + t.charCodeAt(k)) | 0;
    const slot = hash & (SHARED_VALUE_SLOTS - 1);
    const known = this.sharedValues[slot];
    if (known !== undefined && known.length === end - col && t.startsWith(known, col)) return known;
    const value = plain(t.slice(col, end));
    if (typeof value === 'string') this.sharedValues[slot] = value;
    return value;
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
    if (this.atEnd()) throw OUTSIDE;
    const t = this.t;
    let at: number;
    if (indicator !== undefined) at = indent + Number(indicator);
    else {
      // Without an indicator the first non-blank line sets the indentation; blank lines before it may not be longer.
      let q = this.p;
      let longestBlank = 0;
      for (;;) {
        if (q > this.n) {
          // Only blank lines before the end: the block holds nothing but line breaks.
          at = indent + 1;
          break;
        }
        const qe = this.lineEnd(q);
        let k = q;
        while (t.charCodeAt(k) === SPACE) k++;
        const n = k - q;
        if (k < qe) {
          at = n > indent ? n : indent + 1;
          break;
        }
        longestBlank = Math.max(longestBlank, n);
        q = qe + 1;
      }
      if (longestBlank > at) throw OUTSIDE;
    }
    if (at <= indent) throw OUTSIDE;
    const parts: string[] = [];
    while (!this.atEnd()) {
      const n = this.indentHere();
      if (n >= at) parts.push(t.slice(this.p + at, this.e));
      else if (this.p + n === this.e) parts.push('');
      else break;
      this.nextLine();
    }
    if (chomp === '+') return parts.map((s) => s + '\n').join('');
    let last = parts.length;
    while (last > 0 && parts[last - 1] === '') last--;
    const body = parts.slice(0, last).join('\n');
    return chomp === '-' || last === 0 ? body : body + '\n';
  }
}

/** Where `key` goes among PLAIN_ANNOTATION_KEYS when the keys before `next` are read, or -1 when it does not fit that shape. */
function plainAnnotationSlot(key: string, next: number): number {
  if (next < REQUIRED_ANNOTATION_KEYS) return PLAIN_ANNOTATION_KEYS[next] === key ? next : -1;
  for (let slot = next; slot < PLAIN_ANNOTATION_KEYS.length; slot++) if (PLAIN_ANNOTATION_KEYS[slot] === key) return slot;
  return -1;
}

/** `|`, then an indentation indicator and a chomping indicator in either order. */
const LITERAL_HEADER = /^\|(?:([1-9])([-+])?|([-+])([1-9])?)?$/;

/** The integer `PLAIN_INTEGER` takes, read in place; `undefined` for anything else. */
function plainInteger(t: string, col: number, end: number): number | undefined {
  let k = col;
  const negative = t.charCodeAt(k) === DASH;
  if (negative) k++;
  const d = t.charCodeAt(k) - DIGIT_0;
  if (d === 0) return !negative && k + 1 === end ? 0 : undefined;
  if (!(d >= 1 && d <= 9) || end - k > 15) return undefined;
  let value = d;
  for (k++; k < end; k++) {
    const c = t.charCodeAt(k);
    if (c < DIGIT_0 || c > DIGIT_9) return undefined;
    value = value * 10 + (c - DIGIT_0);
  }
  return negative ? -value : value;
}

/** A scalar starting like a number: the integers the subset takes, a string, or outside the subset. */
function numberOrPlain(s: string): unknown {
  if (PLAIN_INTEGER.test(s)) return Number(s);
  if (NUMBER_LIKE.test(s)) throw OUTSIDE;
  return plain(s);
}

/** A plain scalar as the core schema reads it: null, a boolean, or the string itself. */
function plain(s: string): unknown {
  // An empty value is null to YAML; Tawsim never writes one.
  if (s.length === 0) throw OUTSIDE;
  const c = s.charCodeAt(0);
  // Indicators that start something other than a plain scalar, or that YAML forbids there.
  if (c === SPACE || '-?:,[]{}#&*!|>\'"%@`'.includes(s[0] as string)) throw OUTSIDE;
  if (s.charCodeAt(s.length - 1) === SPACE || s.includes(' #') || s.includes(': ') || s.charCodeAt(s.length - 1) === COLON) throw OUTSIDE;
  if (s.length <= 5) {
    if (s === 'true' || s === 'True' || s === 'TRUE') return true;
    if (s === 'false' || s === 'False' || s === 'FALSE') return false;
    if (s === '~' || s === 'null' || s === 'Null' || s === 'NULL') return null;
  }
  return s;
}

/** A single-quoted scalar that is the whole of `s`. */
function singleQuoted(s: string): string {
  let out = '';
  let from = 1;
  for (;;) {
    const q = s.indexOf("'", from);
    if (q === -1) throw OUTSIDE;
    out += s.slice(from, q);
    if (s.charCodeAt(q + 1) === 39) {
      out += "'";
      from = q + 2;
      continue;
    }
    if (q + 1 !== s.length) throw OUTSIDE;
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

/** A double-quoted scalar from `col` to `end`, the end of its line. */
function doubleQuoted(t: string, col: number, end: number): string {
  const close = end - 1;
  if (close <= col || t.charCodeAt(close) !== 34) throw OUTSIDE;
  const body = t.slice(col + 1, close);
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
