/**
 * Features are strings (a template and a value, `w-1=وزير`) hashed into a fixed number of rows, so
 * the model needs no dictionary and learns words it has never seen in the editor as readily as
 * those of its training text. FNV-1a over UTF-16 code units, continued without building strings.
 */
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

export function hashStart(template: string): number {
  return hashMore(FNV_OFFSET, template);
}

export function hashMore(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h;
}

/** A separator between the parts of a feature, so `ab|c` and `a|bc` differ. */
export function hashSeparator(h: number): number {
  return Math.imul(h ^ 0x1f, FNV_PRIME);
}

/** The final mix (murmur's), so that masking to a power of two keeps the high bits' entropy. */
export function hashFinish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
