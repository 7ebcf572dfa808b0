import { foldArabic } from '../recognize/normalize';

/**
 * Search over annotations that ignores how carefully Arabic was written: the query and the fields
 * are folded the way the recogniser folds text (alef variants to ا, ى to ي, ة to ه, harakat and
 * tatweel removed), Latin letters compared case-insensitively, runs of spaces made one. So
 * «اسرائيل» finds «إسرائيل» and «غزه» finds «غزّة». VS Code's quick pick matches without this
 * folding, which is why Find filters its items itself.
 */
export function searchKey(text: string): string {
  return foldArabic(text).toLowerCase().replace(/\s+/g, ' ').trim();
}

/** What a search looks at, in order of weight: the covered text first, then label and note. */
export interface SearchFields {
  readonly text: string;
  /** Label id and its names in both languages. */
  readonly label: readonly string[];
  readonly note?: string;
  /** Anything else worth finding by (annotator, document name); weighs least. */
  readonly other?: readonly string[];
}

/** Folded fields, computed once per annotation rather than once per keystroke. */
export interface SearchIndexEntry<T> {
  readonly item: T;
  readonly text: string;
  readonly rest: string;
}

/** The folded keys of every item, computed once rather than once per keystroke. */
export function indexForSearch<T>(items: readonly T[], fields: (item: T) => SearchFields): SearchIndexEntry<T>[] {
  return items.map((item) => ({ item, ...foldedKeys(fields(item)) }));
}

/** An item's folded keys: its text, and the rest (label names, note, other fields) as one string. */
export function foldedKeys(f: SearchFields): { text: string; rest: string } {
  return { text: searchKey(f.text), rest: restKey(f) };
}

/**
 * The items matching every word of the query (in the text, the label, the note or the other
 * fields), best first: the text equal to the query, then starting with it, then containing it,
 * then the rest; ties keep their order. An empty query matches everything.
 */
export function searchIndex<T>(index: readonly SearchIndexEntry<T>[], query: string): T[] {
  const matched = searchKeys(
    index.length,
    (i) => (index[i] as SearchIndexEntry<T>).text,
    (i) => (index[i] as SearchIndexEntry<T>).rest,
    query,
  );
  return matched.map((i) => (index[i] as SearchIndexEntry<T>).item);
}

/** The folded key of every field but the text. */
export function restKey(f: SearchFields): string {
  return [...f.label, f.note ?? '', ...(f.other ?? [])].map(searchKey).join('\n');
}

/**
 * `searchIndex` over folded keys held in columns (item `i` has `text(i)` and `rest(i)`), for
 * whatever holds so many items that an object per item counts: the positions of the matches,
 * best first.
 */
export function searchKeys(count: number, text: (i: number) => string, rest: (i: number) => string, query: string): number[] {
  const q = searchKey(query);
  if (q === '') return Array.from({ length: count }, (_, i) => i);
  const words = q.split(' ');
  const scored: { at: number; score: number }[] = [];
  for (let at = 0; at < count; at++) {
    const t = text(at);
    const r = rest(at);
    if (!words.every((w) => t.includes(w) || r.includes(w))) continue;
    const score = t === q ? 0 : t.startsWith(q) ? 1 : t.includes(q) ? 2 : words.every((w) => t.includes(w)) ? 3 : 4;
    scored.push({ at, score });
  }
  return scored.sort((a, b) => a.score - b.score || a.at - b.at).map((s) => s.at);
}

/** One-off form of `indexForSearch` + `searchIndex`. */
export function searchAnnotations<T>(items: readonly T[], query: string, fields: (item: T) => SearchFields): T[] {
  return searchIndex(indexForSearch(items, fields), query);
}
