import type { ReadingStringKey, ReadingStrings } from '../../../core/reading/readingProtocol';

/** Fills `{0}`, `{1}` … of a localised string. */
export function fill(template: string, ...args: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (m, i: string) => (args[Number(i)] !== undefined ? String(args[Number(i)]) : m));
}

/** The page's strings, as the extension sent them; before that, the key itself. */
export class Strings {
  private table: Partial<ReadingStrings> = {};

  set(table: ReadingStrings): void {
    this.table = table;
  }

  t(key: ReadingStringKey, ...args: (string | number)[]): string {
    return fill(this.table[key] ?? key, ...args);
  }

  /**
   * Items joined the way the display language joins them («أ، ب» or "a, b"). Not Intl.ListFormat:
   * loading its data takes a quarter of a second, on the path of opening the view.
   */
  list(items: readonly string[]): string {
    return items.length === 0 ? '' : items.reduce((joined, item) => this.t('listPair', joined, item));
  }
}

/** An element with text content only: text from documents and sidecars is never parsed as HTML. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}
