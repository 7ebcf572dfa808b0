/**
 * Word clusters from unlabelled text: words that occur between the same neighbours fall into the
 * same cluster, so a name never seen in labelled text still shares a feature with the names it
 * is written like (a rare surname between a given name and a verb of saying, a town after في).
 *
 * Each word is a vector of its left and right neighbours (positive pointwise mutual information
 * over the most frequent words), and the vocabulary is split in two again and again by spherical
 * 2-means, as Brown clustering's tree is read: a word's cluster is its path from the root as bits,
 * and the features use prefixes of several lengths (coarse to fine). Words are kept as their
 * 32-bit hashes (the features' own), so no word of the text is in the model.
 */
export class WordClusters {
  /** Per word's hash: its path, written as the bits below a leading 1 (1 alone is the root). */
  readonly paths = new Map<number, number>();

  /** The path of a word's hash as bits under a leading 1, or 0 for a word that has none. */
  pathOf(word: number): number {
    return this.paths.get(word) ?? 0;
  }
}

export interface ClusterOptions {
  /** Words seen fewer times get no cluster (their neighbours say too little). */
  readonly minCount?: number;
  /** How many of the most frequent words serve as contexts, left and right. */
  readonly contexts?: number;
  /** The deepest path: at most 2^depth clusters. */
  readonly depth?: number;
  /** A set of fewer words is not split. */
  readonly minSize?: number;
  readonly iterations?: number;
}

/**
 * Clusters of the words of sentences, each sentence given as its words' hashes in order (0 for a
 * token that is no word: its place still separates neighbours, but it gets no cluster).
 */
export function clusterWords(sentences: readonly ArrayLike<number>[], options: ClusterOptions = {}): WordClusters {
  const minCount = options.minCount ?? 2;
  const contextCount = options.contexts ?? 300;
  const depth = Math.min(options.depth ?? 12, 15);
  const minSize = options.minSize ?? 6;
  const iterations = options.iterations ?? 8;

  const frequency = new Map<number, number>();
  for (const s of sentences) for (let i = 0; i < s.length; i++) if (s[i] !== 0) frequency.set(s[i] as number, (frequency.get(s[i] as number) ?? 0) + 1);
  const byFrequency = [...frequency].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  // Context ids: 0 the sentence's edge, 1 any other word or mark, then the frequent words.
  const contextId = new Map<number, number>();
  byFrequency.slice(0, contextCount).forEach(([w], k) => contextId.set(w, k + 2));
  const D = contextCount + 2;
  const vocabulary = byFrequency.filter(([, n]) => n >= minCount).map(([w]) => w);
  const index = new Map<number, number>(vocabulary.map((w, k) => [w, k]));

  // Co-occurrence counts: dimension c for a left neighbour, D + c for a right one.
  const counts = vocabulary.map(() => new Map<number, number>());
  const contextTotals = new Float64Array(2 * D);
  let total = 0;
  const ctx = (s: ArrayLike<number>, i: number): number => (i < 0 || i >= s.length ? 0 : (contextId.get(s[i] as number) ?? 1));
  for (const s of sentences) {
    for (let i = 0; i < s.length; i++) {
      const k = index.get(s[i] as number);
      if (k === undefined) continue;
      const row = counts[k] as Map<number, number>;
      const left = ctx(s, i - 1);
      const right = D + ctx(s, i + 1);
      row.set(left, (row.get(left) ?? 0) + 1);
      row.set(right, (row.get(right) ?? 0) + 1);
      contextTotals[left] = (contextTotals[left] as number) + 1;
      contextTotals[right] = (contextTotals[right] as number) + 1;
      total += 2;
    }
  }
  // Sparse unit vectors of positive PMI.
  const dims: Uint16Array[] = [];
  const values: Float32Array[] = [];
  vocabulary.forEach((_, k) => {
    const row = counts[k] as Map<number, number>;
    let rowTotal = 0;
    for (const n of row.values()) rowTotal += n;
    const d: number[] = [];
    const v: number[] = [];
    for (const [c, n] of row) {
      const pmi = Math.log((n * total) / (rowTotal * (contextTotals[c] as number)));
      if (pmi > 0) {
        d.push(c);
        v.push(pmi);
      }
    }
    let norm = 0;
    for (const x of v) norm += x * x;
    norm = Math.sqrt(norm) || 1;
    dims.push(Uint16Array.from(d));
    values.push(Float32Array.from(v, (x) => x / norm));
  });

  const clusters = new WordClusters();
  const centroids = [new Float64Array(2 * D), new Float64Array(2 * D)] as const;
  const dot = (k: number, c: Float64Array): number => {
    const d = dims[k] as Uint16Array;
    const v = values[k] as Float32Array;
    let s = 0;
    for (let j = 0; j < d.length; j++) s += (v[j] as number) * (c[d[j] as number] as number);
    return s;
  };
  const setCentroid = (c: Float64Array, members: readonly number[]): void => {
    c.fill(0);
    for (const k of members) {
      const d = dims[k] as Uint16Array;
      const v = values[k] as Float32Array;
      for (let j = 0; j < d.length; j++) c[d[j] as number] = (c[d[j] as number] as number) + (v[j] as number);
    }
    let norm = 0;
    for (let j = 0; j < c.length; j++) norm += (c[j] as number) ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let j = 0; j < c.length; j++) c[j] = (c[j] as number) / norm;
  };
  // Depth first, each set in vocabulary (frequency) order, so a run is repeatable.
  const stack: Array<{ members: number[]; path: number; level: number }> = [{ members: vocabulary.map((_, k) => k), path: 1, level: 0 }];
  while (stack.length > 0) {
    const { members, path, level } = stack.pop() as { members: number[]; path: number; level: number };
    if (level >= depth || members.length < minSize) {
      for (const k of members) clusters.paths.set(vocabulary[k] as number, path);
      continue;
    }
    // Seeds: the most frequent member, and the member least like it.
    const first = members[0] as number;
    setCentroid(centroids[0], [first]);
    let far = members[1] as number;
    let farDot = Number.POSITIVE_INFINITY;
    for (const k of members) {
      const s = dot(k, centroids[0]);
      if (s < farDot) {
        farDot = s;
        far = k;
      }
    }
    setCentroid(centroids[1], [far]);
    let sides: [number[], number[]] = [[], []];
    for (let it = 0; it < iterations; it++) {
      const next: [number[], number[]] = [[], []];
      for (const k of members) next[dot(k, centroids[0]) >= dot(k, centroids[1]) ? 0 : 1].push(k);
      const moved = next[0].length !== sides[0].length;
      sides = next;
      if (sides[0].length === 0 || sides[1].length === 0) break;
      setCentroid(centroids[0], sides[0]);
      setCentroid(centroids[1], sides[1]);
      if (!moved && it > 0) break;
    }
    if (sides[0].length === 0 || sides[1].length === 0) {
      for (const k of members) clusters.paths.set(vocabulary[k] as number, path);
      continue;
    }
    stack.push({ members: sides[1], path: path * 2 + 1, level: level + 1 });
    stack.push({ members: sides[0], path: path * 2, level: level + 1 });
  }
  return clusters;
}

/** The first `bits` bits of a path (the whole path when it is shorter), still under its leading 1. */
export function pathPrefix(path: number, bits: number): number {
  const length = 31 - Math.clz32(path);
  return length <= bits ? path : path >>> (length - bits);
}
