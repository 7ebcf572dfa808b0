import type { Annotation } from '../model/annotation';
import { restFields, restKey, searchKey, searchKeys } from './annotationSearch';
import type { SearchFields } from './annotationSearch';

/** What Find shows and reveals of an annotation. */
export type FindableAnnotation = Pick<Annotation, 'id' | 'label' | 'start' | 'end' | 'text' | 'status' | 'source' | 'note'>;

/** One found annotation: the position of its set (as the caller numbered them) and the annotation. */
export interface FoundRecord {
  readonly set: number;
  readonly annotation: FindableAnnotation;
}

/**
 * Every annotation a Find has read, in columns of numbers: a workspace of 300,000 annotations
 * repeats a few thousand distinct quotes, ids and label-status-source triples, so each is kept once
 * in a table and every annotation holds its codes. An object per annotation (and the parsed
 * sidecar behind it) would cost the extension host tens of megabytes more for the same search.
 * Notes are rare and mostly unique: kept apart, by position.
 */
export class FindColumns {
  private count = 0;
  // Fixed chunks rather than one array doubled as it fills: no copy, and at most one chunk unused.
  private readonly chunks: Int32Array[] = [];
  private readonly quotes = new Codes<{ quote: string; folded: string }>();
  private readonly rests = new Codes<string>();
  private readonly ids = new Codes<string>();
  private readonly kinds = new Codes<{ label: string; status: Annotation['status']; source: Annotation['source'] }>();
  private readonly notes = new Map<number, string>();

  get length(): number {
    return this.count;
  }

  /** Adds an annotation of the set numbered `set`, found by `fields` (whose `text` is the annotation's). */
  add(set: number, a: FindableAnnotation, fields: SearchFields): void {
    if (this.count % CHUNK === 0) this.chunks.push(new Int32Array(CHUNK * FIELDS));
    const n = this.chunks[this.chunks.length - 1] as Int32Array;
    const at = (this.count % CHUNK) * FIELDS;
    n[at] = set;
    n[at + 1] = a.start;
    n[at + 2] = a.end;
    // Folding is done once per distinct value, not once per annotation.
    n[at + 3] = this.quotes.code(fields.text, (quote) => ({ quote, folded: searchKey(quote) }));
    n[at + 4] = this.rests.code(restFields(fields).join('\u0000'), () => restKey(fields));
    n[at + 5] = this.ids.code(a.id, (id) => id);
    n[at + 6] = this.kinds.code(`${a.label}\u0000${a.status}\u0000${a.source}`, () => ({ label: flat(a.label), status: a.status, source: a.source }));
    if (a.note !== undefined) this.notes.set(this.count, flat(a.note));
    this.count++;
  }

  /** The positions of the annotations matching `query`, best first (as `searchIndex` orders them). */
  matches(query: string): number[] {
    return searchKeys(
      this.count,
      (i) => this.quotes.value(this.number(i, 3)).folded,
      (i) => this.rests.value(this.number(i, 4)),
      query,
    );
  }

  /** The annotation at `position`, as it was added. */
  record(position: number): FoundRecord {
    if (position < 0 || position >= this.count) throw new RangeError(`no annotation at ${position} of ${this.count}`);
    const kind = this.kinds.value(this.number(position, 6));
    const note = this.notes.get(position);
    return {
      set: this.number(position, 0),
      annotation: {
        id: this.ids.value(this.number(position, 5)),
        label: kind.label,
        start: this.number(position, 1),
        end: this.number(position, 2),
        text: this.quotes.value(this.number(position, 3)).quote,
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
}

/** Numbers per annotation: set, start, end, quote, rest, id, label-status-source. */
const FIELDS = 7;
/** Annotations per chunk of numbers (a power of two: positions split by shift and mask). */
const CHUNK_BITS = 14;
const CHUNK = 1 << CHUNK_BITS;

/** A table of distinct values, each with its number. */
class Codes<T> {
  private readonly byKey = new Map<string, number>();
  private readonly values: T[] = [];

  /** The number of the value under `key`, made from a flat copy of the key the first time. */
  code(key: string, make: (flatKey: string) => T): number {
    let code = this.byKey.get(key);
    if (code === undefined) {
      code = this.values.length;
      const own = flat(key);
      this.values.push(make(own));
      this.byKey.set(own, code);
    }
    return code;
  }

  value(code: number): T {
    return this.values[code] as T;
  }
}

/** A copy of its own: a string cut from a parsed file would keep the whole file's text alive. */
function flat(text: string): string {
  return text.length > 0 ? (' ' + text).slice(1) : text;
}
