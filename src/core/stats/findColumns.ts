import type { Annotation } from '../model/annotation';
import { restKey, searchKey, searchKeys } from './annotationSearch';
import type { SearchFields } from './annotationSearch';

/** What Find shows and reveals of an annotation. */
export type FindableAnnotation = Pick<Annotation, 'id' | 'label' | 'start' | 'end' | 'text' | 'status' | 'source' | 'note'>;

/** What Find searches of one annotation; it must depend on nothing but the annotator and the annotation's text, label, value and note. */
export type FindFields = (annotation: FindableAnnotation & Pick<Annotation, 'value'>, annotator: string) => SearchFields;

/** One found annotation: the position of its set (as the caller numbered them) and the annotation. */
export interface FoundRecord {
  readonly set: number;
  readonly annotation: FindableAnnotation;
}

/**
 * Every annotation a Find has read, in columns of numbers: a workspace of 300,000 annotations
 * repeats a few thousand distinct quotes, ids, label-status-source triples and search keys, so
 * each is kept once in a table and every annotation holds its codes. Adding an annotation looks
 * its values up in maps of maps and allocates nothing unless a value is new: Find reads every
 * sidecar of the workspace, and garbage made per annotation outlived the young generation and
 * made V8 grow the extension host's heap by a hundred megabytes before it collected.
 * Notes are rare and mostly unique: kept apart, by position.
 */
export class FindColumns {
  private count = 0;
  // Fixed chunks rather than one array doubled as it fills: no copy, and at most one chunk unused.
  private readonly chunks: Int32Array[] = [];
  private readonly quotes = new StringTable();
  /** The folded key of each distinct quote, by its code. */
  private readonly folded: string[] = [];
  private readonly ids = new StringTable();
  /** label → status → source → code. */
  private readonly kindCodes = new Map<string, Map<string, Map<string, number>>>();
  private readonly kinds: Pick<Annotation, 'label' | 'status' | 'source'>[] = [];
  /** annotator → label → value → note → code. */
  private readonly restCodes = new Map<string, Map<string, Map<string, Map<string, number>>>>();
  private readonly rests: string[] = [];
  private readonly notes = new Map<number, string>();

  constructor(private readonly fieldsOf: FindFields) {}

  get length(): number {
    return this.count;
  }

  /** Adds `annotator`'s annotation, of the set numbered `set`. */
  add(set: number, a: FindableAnnotation & Pick<Annotation, 'value'>, annotator: string): void {
    if (this.count % CHUNK === 0) this.chunks.push(new Int32Array(CHUNK * FIELDS));
    const n = this.chunks[this.chunks.length - 1] as Int32Array;
    const at = (this.count % CHUNK) * FIELDS;
    n[at] = set;
    n[at + 1] = a.start;
    n[at + 2] = a.end;
    n[at + 3] = this.quoteCode(a.text);
    n[at + 4] = this.restCode(a, annotator);
    n[at + 5] = this.ids.code(a.id);
    n[at + 6] = this.kindCode(a);
    if (a.note !== undefined) this.notes.set(this.count, flat(a.note));
    this.count++;
  }

  /** The positions of the annotations matching `query`, best first (as `searchIndex` orders them). */
  matches(query: string): number[] {
    return searchKeys(
      this.count,
      (i) => this.folded[this.number(i, 3)] as string,
      (i) => this.rests[this.number(i, 4)] as string,
      query,
    );
  }

  /** The annotation at `position`, as it was added. */
  record(position: number): FoundRecord {
    if (position < 0 || position >= this.count) throw new RangeError(`no annotation at ${position} of ${this.count}`);
    const kind = this.kinds[this.number(position, 6)] as Pick<Annotation, 'label' | 'status' | 'source'>;
    const note = this.notes.get(position);
    return {
      set: this.number(position, 0),
      annotation: {
        id: this.ids.value(this.number(position, 5)),
        label: kind.label,
        start: this.number(position, 1),
        end: this.number(position, 2),
        text: this.quotes.value(this.number(position, 3)),
        status: kind.status,
        source: kind.source,
        ...(note !== undefined ? { note } : {}),
      },
    };
  }

  /** Field `field` of the annotation at `position`. */
  private number(position: number, field: number): number {
    return (this.chunks[position >> CHUNK_BITS] as Int32Array)[(position & (CHUNK - 1)) * FIELDS + field] as number;
  }

  private quoteCode(text: string): number {
    const code = this.quotes.code(text);
    // Folded once per distinct quote, not once per annotation.
    if (code === this.folded.length) this.folded.push(searchKey(this.quotes.value(code)));
    return code;
  }

  private kindCode(a: FindableAnnotation): number {
    const bySource = branch(branch(this.kindCodes, a.label), a.status);
    let code = bySource.get(a.source);
    if (code === undefined) {
      code = this.kinds.length;
      this.kinds.push({ label: flat(a.label), status: a.status, source: a.source });
      bySource.set(a.source, code);
    }
    return code;
  }

  private restCode(a: FindableAnnotation & Pick<Annotation, 'value'>, annotator: string): number {
    const byNote = branch(branch(branch(this.restCodes, annotator), a.label), a.value ?? '');
    const note = a.note ?? '';
    let code = byNote.get(note);
    if (code === undefined) {
      code = this.rests.length;
      this.rests.push(restKey(this.fieldsOf(a, annotator)));
      byNote.set(flat(note), code);
    }
    return code;
  }
}

/** Numbers per annotation: set, start, end, quote, rest, id, label-status-source. */
const FIELDS = 7;
/** Annotations per chunk of numbers (a power of two: positions split by shift and mask). */
const CHUNK_BITS = 14;
const CHUNK = 1 << CHUNK_BITS;

/** Distinct strings, each with its number in the order first seen; each kept as a copy of its own. */
class StringTable {
  private readonly codes = new Map<string, number>();
  private readonly values: string[] = [];

  code(text: string): number {
    let code = this.codes.get(text);
    if (code === undefined) {
      code = this.values.length;
      const own = flat(text);
      this.values.push(own);
      this.codes.set(own, code);
    }
    return code;
  }

  value(code: number): string {
    return this.values[code] as string;
  }
}

/** The map under `key`, made the first time. */
function branch<V>(map: Map<string, Map<string, V>>, key: string): Map<string, V> {
  let next = map.get(key);
  if (next === undefined) {
    next = new Map();
    map.set(flat(key), next);
  }
  return next;
}

/** A copy of its own: a string cut from a parsed file would keep the whole file's text alive. */
function flat(text: string): string {
  return text.length > 0 ? (' ' + text).slice(1) : text;
}
