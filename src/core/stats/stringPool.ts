/**
 * One copy of each equal string. A corpus repeats its labels, statuses, annotators and most of its
 * names thousands of times; strings taken from a parsed file are each their own copy (and may keep
 * the whole file's text alive), so whatever holds many annotations at once keeps pooled ones.
 */
export class StringPool {
  private readonly pool = new Map<string, string>();

  get size(): number {
    return this.pool.size;
  }

  /** The pooled copy of `text`. */
  intern(text: string): string {
    const pooled = this.pool.get(text);
    if (pooled !== undefined) return pooled;
    // A flat copy: a slice of a larger string would keep that string alive.
    const flat = text.length > 0 ? (' ' + text).slice(1) : text;
    this.pool.set(flat, flat);
    return flat;
  }
}
