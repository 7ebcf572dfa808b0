/**
 * Features are a template and one or two values (`w-1=وزير`, `w-2|w-1=…`) hashed into a fixed
 * number of rows, so the model needs no dictionary and learns words it has never seen in the
 * editor as readily as those of its training text. Each word's text is hashed once (FNV-1a over
 * its UTF-16 code units, cached with the word's other parts); a feature then costs a few integer
 * multiplications (murmur3's mixing of the template's hash and the values' hashes), never a string.
 */
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** The 32-bit hash of a string: of a word, or of a template's name. */
export function hashText(text: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return hashFinish(h);
}

/** Folds a value's hash into a feature's hash (murmur3's block step), so `a|b` and `b|a` differ. */
export function hashMix(h: number, value: number): number {
  let k = Math.imul(value, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** The final mix (murmur3's), so that masking to a power of two keeps the high bits' entropy. */
export function hashFinish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The row of a feature with one value. */
export function feature1(template: number, a: number): number {
  return hashFinish(hashMix(template, a));
}

/** The row of a feature with two values. */
export function feature2(template: number, a: number, b: number): number {
  return hashFinish(hashMix(hashMix(template, a), b));
}
