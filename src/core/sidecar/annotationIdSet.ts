/**
 * The annotation ids of one sidecar, to find a repeated one. Tawsim numbers its ids `t1`, `t2`, …,
 * and a sidecar holds up to 100,000 of them: hashing each fresh id string into a Set cost more than
 * reading the file, so numbered ids take one bit each, and only other ids go to a Set.
 */
export class AnnotationIdSet {
  private bits = new Uint32Array(0);
  private readonly others = new Set<string>();

  /** Adds `id`; false when it was there already. */
  add(id: string): boolean {
    const n = idNumber(id);
    if (n === -1) {
      if (this.others.has(id)) return false;
      this.others.add(id);
      return true;
    }
    const word = n >>> 5;
    if (word >= this.bits.length) this.grow(word);
    const bit = 1 << (n & 31);
    if ((this.bits[word] as number) & bit) return false;
    this.bits[word] = (this.bits[word] as number) | bit;
    return true;
  }

  private grow(word: number): void {
    const grown = new Uint32Array(Math.max(64, 2 * word));
    grown.set(this.bits);
    this.bits = grown;
  }
}

/** Numbers up to this take a bit (256 KB at most); larger ones are rare enough for the Set. */
const MAX_BIT = 1 << 21;

/** n for an id `t<n>` written without leading zeros, n < MAX_BIT; -1 for any other id. */
function idNumber(id: string): number {
  if (id.length < 2 || id.length > 8 || id.charCodeAt(0) !== 116 /* t */) return -1;
  let n = 0;
  for (let k = 1; k < id.length; k++) {
    const d = id.charCodeAt(k) - 48;
    if (d < 0 || d > 9 || (d === 0 && k === 1)) return -1;
    n = n * 10 + d;
  }
  return n < MAX_BIT ? n : -1;
}
