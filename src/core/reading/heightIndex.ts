/**
 * Heights of a long list of paragraphs, most of them estimated and never drawn: where each one
 * starts, which one lies at a given scroll position, and the total, each in O(log n), with a
 * height changed in O(log n) when a paragraph is drawn and measured (a Fenwick tree). Inserting
 * or removing paragraphs rebuilds it in O(n), which happens only when the text gains or loses lines.
 */
export class HeightIndex {
  private heights: Float64Array;
  private tree: Float64Array;

  constructor(heights: ArrayLike<number> = []) {
    this.heights = Float64Array.from(heights);
    this.tree = buildTree(this.heights);
  }

  get count(): number {
    return this.heights.length;
  }

  get total(): number {
    return this.top(this.heights.length);
  }

  height(i: number): number {
    return this.heights[i] ?? 0;
  }

  set(i: number, height: number): void {
    if (i < 0 || i >= this.heights.length) return;
    const delta = height - (this.heights[i] as number);
    if (delta === 0) return;
    this.heights[i] = height;
    for (let k = i + 1; k <= this.heights.length; k += k & -k) this.tree[k] = (this.tree[k] as number) + delta;
  }

  /** Where paragraph i starts: the heights of 0..i-1. */
  top(i: number): number {
    let sum = 0;
    for (let k = Math.min(i, this.heights.length); k > 0; k -= k & -k) sum += this.tree[k] as number;
    return sum;
  }

  /** The paragraph that covers position y (the first or the last one beyond the ends); -1 when there are none. */
  indexAt(y: number): number {
    const n = this.heights.length;
    if (n === 0) return -1;
    if (y < 0) return 0;
    // Descend the tree: the largest i whose top is <= y.
    let i = 0;
    let rest = y;
    for (let step = highestPowerOfTwo(n); step > 0; step >>= 1) {
      const next = i + step;
      if (next <= n && (this.tree[next] as number) <= rest) {
        i = next;
        rest -= this.tree[next] as number;
      }
    }
    return Math.min(i, n - 1);
  }

  /** Replaces `removed` paragraphs at `at` with paragraphs of the given heights. */
  splice(at: number, removed: number, inserted: readonly number[]): void {
    const next = new Float64Array(this.heights.length - removed + inserted.length);
    next.set(this.heights.subarray(0, at), 0);
    next.set(inserted, at);
    next.set(this.heights.subarray(at + removed), at + inserted.length);
    this.heights = next;
    this.tree = buildTree(next);
  }
}

function buildTree(heights: Float64Array): Float64Array {
  const tree = new Float64Array(heights.length + 1);
  for (let i = 1; i <= heights.length; i++) {
    tree[i] = (tree[i] as number) + (heights[i - 1] as number);
    const parent = i + (i & -i);
    if (parent <= heights.length) tree[parent] = (tree[parent] as number) + (tree[i] as number);
  }
  return tree;
}

function highestPowerOfTwo(n: number): number {
  let p = 1;
  while (p * 2 <= n) p *= 2;
  return p;
}
