import type { SentenceFeatures } from './features';
import { FEATURE_VERSION } from './features';
import type { TokenSpan } from './tags';
import type { WordStats } from './wordStats';
import { OUTSIDE, decodeBilou, labelIndexOf, tagCount, transitionMask } from './tags';

/** One decoded span with its score: the probability of its tags, and the best other reading. */
export interface ScoredSpan extends TokenSpan {
  /** The smallest marginal probability of the span's tags over its tokens (0–1). */
  readonly score: number;
  /** The best other label at the span's first token (-1 for none: O), and its probability. */
  readonly alternative: number;
  readonly alternativeScore: number;
}

export interface Decoded {
  readonly tags: Uint8Array;
  readonly spans: readonly ScoredSpan[];
  /** Marginal probability of each tag at each word (n × T), when scores were asked for. */
  readonly marginals?: Float64Array;
}

export interface TaggerModelInit {
  readonly labels: readonly string[];
  /** log2 of the number of weight rows. */
  readonly rowBits: number;
  readonly weights?: Float32Array;
  readonly transitions?: Float32Array;
  /** Scores are divided by this before probabilities are computed (fitted on held-out text). */
  readonly temperature?: number;
  readonly featureVersion?: number;
  /** Free-form facts about how the model was made (data, sizes, date), kept in its file. */
  readonly info?: Readonly<Record<string, string | number>>;
  /** The word statistics of its training text, which its features read (see WordStats). */
  readonly stats?: WordStats;
}

/**
 * A first-order linear-chain tagger over BILOU tags: weights per (feature row, tag), transition
 * weights between tags (row T is the sentence start, then T end weights). Decoding is Viterbi
 * under the BILOU constraints; scores are marginals from forward-backward on the same scores.
 */
export class TaggerModel {
  readonly labels: readonly string[];
  readonly tags: number;
  readonly rowBits: number;
  readonly rowMask: number;
  readonly weights: Float32Array;
  /** (T + 1) × T transitions, then T end weights. */
  readonly transitions: Float32Array;
  temperature: number;
  readonly featureVersion: number;
  info: Record<string, string | number>;
  /** Shared between a model and its clones: a re-fit keeps the statistics of the text the base model learned from. */
  stats: WordStats | undefined;
  private readonly allowed: Uint8Array;
  private readonly canEnd: Uint8Array;
  /** For each tag t, the tags that may precede it: `predecessors[predecessorStart[t] .. predecessorStart[t + 1])`. */
  private readonly predecessors: Uint8Array;
  private readonly predecessorStart: Uint16Array;
  /** Bumped by every change of the weights, so callers can drop what they cached. */
  version = 0;

  constructor(init: TaggerModelInit) {
    this.labels = [...init.labels];
    this.tags = tagCount(this.labels);
    this.rowBits = init.rowBits;
    this.rowMask = (1 << init.rowBits) - 1;
    const T = this.tags;
    this.weights = init.weights ?? new Float32Array((1 << init.rowBits) * T);
    this.transitions = init.transitions ?? new Float32Array((T + 1) * T + T);
    if (this.weights.length !== (1 << init.rowBits) * T || this.transitions.length !== (T + 1) * T + T) throw new Error('the model’s weight tables do not match its size');
    this.temperature = init.temperature ?? 1;
    this.featureVersion = init.featureVersion ?? FEATURE_VERSION;
    this.info = { ...(init.info ?? {}) };
    this.stats = init.stats;
    const mask = transitionMask(this.labels);
    this.allowed = mask.allowed;
    this.canEnd = mask.canEnd;
    const from: number[] = [];
    this.predecessorStart = new Uint16Array(T + 1);
    for (let t = 0; t < T; t++) {
      this.predecessorStart[t] = from.length;
      for (let p = 0; p < T; p++) if (this.allowed[p * T + t] !== 0) from.push(p);
    }
    this.predecessorStart[T] = from.length;
    this.predecessors = Uint8Array.from(from);
  }

  clone(): TaggerModel {
    return new TaggerModel({
      labels: this.labels,
      rowBits: this.rowBits,
      weights: this.weights.slice(),
      transitions: this.transitions.slice(),
      temperature: this.temperature,
      featureVersion: this.featureVersion,
      info: this.info,
      ...(this.stats ? { stats: this.stats } : {}),
    });
  }

  /** Emission scores, n × T. */
  emissions(f: SentenceFeatures, weights: Float32Array = this.weights): Float32Array {
    const T = this.tags;
    const out = new Float32Array(f.length * T);
    for (let i = 0; i < f.length; i++) {
      const base = i * T;
      for (let k = f.offsets[i] as number; k < (f.offsets[i + 1] as number); k++) {
        const row = (f.rows[k] as number) * T;
        for (let t = 0; t < T; t++) out[base + t] = (out[base + t] as number) + (weights[row + t] as number);
      }
    }
    return out;
  }

  /**
   * The weights as 8-bit integers with one scale, for tagging: a quarter of the float table's
   * memory, so that far fewer of the rows a sentence reads miss the processor's caches. Built
   * only where it is exact (a model read from its file, whose weights are bytes × scale), so
   * tagging gives what the float weights give; rows an online update changed since are read
   * from the float table. `undefined` until first needed, `null` for a model it would not fit.
   */
  private packed: { version: number; scale: number; bytes: Int8Array; rowState: Uint8Array } | null | undefined;

  private packedTable(): { scale: number; bytes: Int8Array; rowState: Uint8Array } | undefined {
    // Weights change in place only by online updates (which keep the table) and by the rules'
    // prior on a new model; a table that did not fit once is not tried again.
    if (this.packed === null) return undefined;
    if (this.packed && this.packed.version === this.version) return this.packed;
    const T = this.tags;
    const W = this.weights;
    let max = 0;
    for (let k = 0; k < W.length; k++) max = Math.max(max, Math.abs(W[k] as number));
    const scale = max === 0 ? 1 : max / 127;
    const bytes = new Int8Array(W.length);
    const rowState = new Uint8Array(W.length / T);
    for (let k = 0; k < W.length; k++) {
      const w = W[k] as number;
      const b = Math.round(w / scale);
      if (Math.abs(b * scale - w) > scale * 1e-4) {
        this.packed = null;
        return undefined;
      }
      bytes[k] = b;
      if (b !== 0) rowState[(k / T) | 0] = PACKED_ROW;
    }
    this.packed = { version: this.version, scale, bytes, rowState };
    return this.packed;
  }

  /** Emission scores for tagging: from the packed table where it exists, into a buffer reused between sentences. */
  private taggingEmissions(f: SentenceFeatures): Float32Array {
    const p = this.packedTable();
    const T = this.tags;
    if (this.scratchEmissions.length < f.length * T) this.scratchEmissions = new Float32Array(Math.max(f.length * T, 2 * this.scratchEmissions.length));
    const out = this.scratchEmissions;
    const W = this.weights;
    if (!p) {
      out.fill(0, 0, f.length * T);
      for (let i = 0; i < f.length; i++) {
        const base = i * T;
        for (let k = f.offsets[i] as number; k < (f.offsets[i + 1] as number); k++) {
          const row = (f.rows[k] as number) * T;
          for (let t = 0; t < T; t++) out[base + t] = (out[base + t] as number) + (W[row + t] as number);
        }
      }
      return out;
    }
    const { scale, bytes, rowState } = p;
    const sums = this.scratchSums;
    const own = this.ownSums(f, p);
    // Most of a sentence's rows are far apart in the table and each costs a trip to memory: the
    // rows of the word alone are added up once per word form, rows without weights are skipped
    // (the row states fit the cache), and the others are touched first, all at once, so that the
    // processor fetches them side by side instead of in turn.
    let touch = 0;
    for (let i = 0; i < f.length; i++) {
      const from = own?.[i] ? ((f.ownEnd as Uint32Array)[i] as number) : (f.offsets[i] as number);
      for (let k = from; k < (f.offsets[i + 1] as number); k++) {
        const r = f.rows[k] as number;
        if (rowState[r] === PACKED_ROW) touch += bytes[r * T] as number;
      }
    }
    this.touched = touch;
    for (let i = 0; i < f.length; i++) {
      const base = i * T;
      const cached = own?.[i];
      for (let t = 0; t < T; t++) {
        sums[t] = cached ? (cached[t] as number) : 0;
        out[base + t] = 0;
      }
      for (let k = cached ? ((f.ownEnd as Uint32Array)[i] as number) : (f.offsets[i] as number); k < (f.offsets[i + 1] as number); k++) {
        const r = f.rows[k] as number;
        const state = rowState[r] as number;
        if (state === 0) continue;
        const row = r * T;
        if (state === PACKED_ROW) for (let t = 0; t < T; t++) sums[t] = (sums[t] as number) + (bytes[row + t] as number);
        else for (let t = 0; t < T; t++) out[base + t] = (out[base + t] as number) + (W[row + t] as number);
      }
      for (let t = 0; t < T; t++) out[base + t] = (out[base + t] as number) + (sums[t] as number) * scale;
    }
    return out;
  }

  /**
   * The packed sums of each token's word-alone rows, per word form, kept until the weights
   * change (integer sums, so adding the rest to them gives exactly the sum of all rows). A word
   * with a row an online update changed is not kept: its rows are read one by one.
   */
  private ownSums(f: SentenceFeatures, p: { bytes: Int8Array; rowState: Uint8Array }): Array<Int32Array | undefined> | undefined {
    const ids = f.wordIds;
    const ends = f.ownEnd;
    if (!ids || !ends) return undefined;
    if (this.ownCacheVersion !== this.version || this.ownCache.size >= OWN_CACHE_WORDS) {
      this.ownCache.clear();
      this.ownCacheVersion = this.version;
    }
    const T = this.tags;
    const out = new Array<Int32Array | undefined>(f.length);
    for (let i = 0; i < f.length; i++) {
      const id = ids[i] as number;
      let sum = this.ownCache.get(id);
      if (sum === undefined) {
        sum = new Int32Array(T);
        for (let k = f.offsets[i] as number; k < (ends[i] as number); k++) {
          const r = f.rows[k] as number;
          const state = p.rowState[r] as number;
          if (state === FLOAT_ROW) {
            sum = null;
            break;
          }
          if (state === 0) continue;
          for (let t = 0; t < T; t++) sum[t] = (sum[t] as number) + (p.bytes[r * T + t] as number);
        }
        this.ownCache.set(id, sum);
      }
      out[i] = sum ?? undefined;
    }
    return out;
  }

  private readonly ownCache = new Map<number, Int32Array | null>();
  private ownCacheVersion = -1;

  /** Keeps the touching pass from being optimised away. */
  private touched = 0;

  private scratchEmissions = new Float32Array(0);
  private scratchScore = new Float64Array(0);
  /** One span's rows of marginals, while it is scored. */
  private scratchSpanRows = new Float64Array(0);
  private scratchBack = new Uint8Array(0);
  /** Forward-backward's working rows (emissions' exponentials, alpha, beta), reused between sentences. */
  private scratchMarginals = new Float64Array(0);
  private readonly scratchSums = new Int32Array(64);

  /**
   * The best tag sequence. `allowedTags` (n × T, optional) restricts each token's tags: partial
   * annotations (a tagged span fixed, a rejected label forbidden) decode under it.
   */
  viterbi(emissions: Float32Array, n: number, allowedTags?: Uint8Array, transitions: Float32Array = this.transitions): { tags: Uint8Array; score: number } {
    const T = this.tags;
    const tags = new Uint8Array(n);
    if (n === 0) return { tags, score: 0 };
    // Working rows reused between sentences: tagging and training decode one sentence after another.
    if (this.scratchScore.length < n * T) {
      this.scratchScore = new Float64Array(Math.max(n * T, 2 * this.scratchScore.length));
      this.scratchBack = new Uint8Array(this.scratchScore.length);
    }
    const score = this.scratchScore.fill(Number.NEGATIVE_INFINITY, 0, n * T);
    const back = this.scratchBack;
    const from = this.predecessors;
    const fromStart = this.predecessorStart;
    for (let t = 0; t < T; t++) {
      if (this.allowed[T * T + t] === 0 || (allowedTags && allowedTags[t] === 0)) continue;
      score[t] = (transitions[T * T + t] as number) + (emissions[t] as number);
    }
    for (let i = 1; i < n; i++) {
      const row = i * T;
      const prevRow = row - T;
      for (let t = 0; t < T; t++) {
        if (allowedTags && allowedTags[row + t] === 0) continue;
        let best = Number.NEGATIVE_INFINITY;
        let arg = -1;
        // Only the tags that may precede t (B-X and I-X only before I-X and L-X): a third of T × T.
        for (let k = fromStart[t] as number, end = fromStart[t + 1] as number; k < end; k++) {
          const p = from[k] as number;
          const s = (score[prevRow + p] as number) + (transitions[p * T + t] as number);
          if (s > best) {
            best = s;
            arg = p;
          }
        }
        if (arg < 0) continue;
        score[row + t] = best + (emissions[row + t] as number);
        back[row + t] = arg;
      }
    }
    let best = Number.NEGATIVE_INFINITY;
    let arg = OUTSIDE;
    const endRow = (T + 1) * T;
    for (let t = 0; t < T; t++) {
      if (this.canEnd[t] === 0) continue;
      const s = (score[(n - 1) * T + t] as number) + (transitions[endRow + t] as number);
      if (s > best) {
        best = s;
        arg = t;
      }
    }
    if (best === Number.NEGATIVE_INFINITY) return { tags, score: best };
    tags[n - 1] = arg;
    for (let i = n - 1; i > 0; i--) tags[i - 1] = back[i * T + (tags[i] as number)] as number;
    return { tags, score: best };
  }

  /** Marginal probability of each tag at each token (n × T), from forward-backward at the model's temperature. */
  marginals(emissions: Float32Array, n: number): Float64Array {
    this.forwardBackward(emissions, n);
    const out = new Float64Array(n * this.tags);
    for (let i = 0; i < n; i++) this.marginalRow(n, i, out, i * this.tags);
    return out;
  }

  /** Forward-backward into the working rows: alpha at `n × T`, beta at `2n × T` (read by marginalRow). */
  private forwardBackward(emissions: Float32Array, n: number): void {
    const T = this.tags;
    const inv = 1 / this.temperature;
    const expTrans = this.expTransitions();
    const endRow = (T + 1) * T;
    const from = this.predecessors;
    const fromStart = this.predecessorStart;
    if (this.scratchMarginals.length < 3 * n * T) this.scratchMarginals = new Float64Array(Math.max(3 * n * T, 2 * this.scratchMarginals.length));
    const scratch = this.scratchMarginals;
    const expEmit = scratch.subarray(0, n * T);
    for (let i = 0; i < n; i++) {
      let max = Number.NEGATIVE_INFINITY;
      for (let t = 0; t < T; t++) max = Math.max(max, emissions[i * T + t] as number);
      for (let t = 0; t < T; t++) expEmit[i * T + t] = Math.exp(((emissions[i * T + t] as number) - max) * inv);
    }
    const alpha = scratch.subarray(n * T, 2 * n * T);
    const beta = scratch.subarray(2 * n * T, 3 * n * T).fill(0);
    for (let t = 0; t < T; t++) alpha[t] = this.allowed[T * T + t] ? (expTrans[T * T + t] as number) * (expEmit[t] as number) : 0;
    normalize(alpha, 0, T);
    for (let i = 1; i < n; i++) {
      for (let t = 0; t < T; t++) {
        let s = 0;
        for (let k = fromStart[t] as number, end = fromStart[t + 1] as number; k < end; k++) {
          const p = from[k] as number;
          s += (alpha[(i - 1) * T + p] as number) * (expTrans[p * T + t] as number);
        }
        alpha[i * T + t] = s * (expEmit[i * T + t] as number);
      }
      normalize(alpha, i * T, T);
    }
    for (let t = 0; t < T; t++) beta[(n - 1) * T + t] = this.canEnd[t] ? (expTrans[endRow + t] as number) : 0;
    normalize(beta, (n - 1) * T, T);
    for (let i = n - 2; i >= 0; i--) {
      // beta[i][p] sums over the tags t that may follow p, walked here as the predecessors of each t.
      for (let t = 0; t < T; t++) {
        const next = (expEmit[(i + 1) * T + t] as number) * (beta[(i + 1) * T + t] as number);
        for (let k = fromStart[t] as number, end = fromStart[t + 1] as number; k < end; k++) {
          const p = from[k] as number;
          beta[i * T + p] = (beta[i * T + p] as number) + (expTrans[p * T + t] as number) * next;
        }
      }
      normalize(beta, i * T, T);
    }
  }

  /** The marginals of token i's tags into `out` from `at`, from the working rows forwardBackward left. */
  private marginalRow(n: number, i: number, out: Float64Array, at: number): void {
    const T = this.tags;
    const w = this.scratchMarginals;
    const a = n * T + i * T;
    const b = 2 * n * T + i * T;
    let z = 0;
    for (let t = 0; t < T; t++) z += (w[a + t] as number) * (w[b + t] as number);
    for (let t = 0; t < T; t++) out[at + t] = z > 0 ? ((w[a + t] as number) * (w[b + t] as number)) / z : t === OUTSIDE ? 1 : 0;
  }

  private expCache: { version: number; temperature: number; values: Float64Array } | undefined;

  /** exp(transition / temperature), computed again only when the weights or the temperature changed. */
  private expTransitions(): Float64Array {
    const c = this.expCache;
    if (c && c.version === this.version && c.temperature === this.temperature) return c.values;
    const inv = 1 / this.temperature;
    const values = new Float64Array(this.transitions.length);
    for (let k = 0; k < values.length; k++) values[k] = Math.exp((this.transitions[k] as number) * inv);
    this.expCache = { version: this.version, temperature: this.temperature, values };
    return values;
  }

  /**
   * Best tags, their spans, and each span's score and runner-up. The forward-backward pass that
   * scores them is skipped where there is nothing to score, unless the caller asks for the
   * marginals themselves (`withMarginals`).
   */
  decode(f: SentenceFeatures, withScores = true, withMarginals = true): Decoded {
    const e = this.taggingEmissions(f);
    const { tags } = this.viterbi(e, f.length);
    const raw = decodeBilou(tags);
    if (!withScores || (raw.length === 0 && !withMarginals)) return { tags, spans: raw.map((s) => ({ ...s, score: 1, alternative: -1, alternativeScore: 0 })) };
    if (withMarginals) {
      const m = this.marginals(e, f.length);
      return { tags, spans: raw.map((s) => scoreSpan(s, tags, m, 0, this.tags)), marginals: m };
    }
    // Scores read the marginals of the spans' own tokens only: those rows alone are worked out.
    this.forwardBackward(e, f.length);
    const T = this.tags;
    const spans = raw.map((s) => {
      const size = (s.last - s.first + 1) * T;
      if (this.scratchSpanRows.length < size) this.scratchSpanRows = new Float64Array(Math.max(size, 2 * this.scratchSpanRows.length));
      for (let i = s.first; i <= s.last; i++) this.marginalRow(f.length, i, this.scratchSpanRows, (i - s.first) * T);
      return scoreSpan(s, tags, this.scratchSpanRows, s.first, T);
    });
    return { tags, spans };
  }

  /**
   * One passive-aggressive step towards `gold` (n × T allowed tags; a fully labelled sentence
   * allows one tag per token): when the best sequence breaks the constraints, move the weights
   * just enough that the best sequence within them wins by a margin of 1. Returns whether the
   * weights changed. Costs two decodes of one sentence: well under a millisecond.
   */
  learn(f: SentenceFeatures, allowedTags: Uint8Array, aggressiveness = 4): boolean {
    const T = this.tags;
    const e = this.emissions(f);
    const predicted = this.viterbi(e, f.length);
    let fits = true;
    for (let i = 0; i < f.length && fits; i++) if (allowedTags[i * T + (predicted.tags[i] as number)] === 0) fits = false;
    if (fits) return false;
    const target = this.viterbi(e, f.length, allowedTags);
    if (target.score === Number.NEGATIVE_INFINITY) return false;
    // The step needs the squared norm of the feature difference: emissions differ only at tokens
    // whose tag differs (each such token's rows count twice, once per tag), transitions wherever
    // a pair of neighbouring tags differs.
    const trans = new Map<number, number>();
    const tbump = (index: number, by: number): void => {
      trans.set(index, (trans.get(index) ?? 0) + by);
    };
    let norm = 0;
    let prevGold = T;
    let prevPred = T;
    for (let i = 0; i < f.length; i++) {
      const g = target.tags[i] as number;
      const p = predicted.tags[i] as number;
      if (g !== p) norm += 2 * ((f.offsets[i + 1] as number) - (f.offsets[i] as number));
      tbump(prevGold * T + g, 1);
      tbump(prevPred * T + p, -1);
      prevGold = g;
      prevPred = p;
    }
    tbump((T + 1) * T + prevGold, 1);
    tbump((T + 1) * T + prevPred, -1);
    for (const v of trans.values()) norm += v * v;
    if (norm === 0) return false;
    const loss = predicted.score - target.score + 1;
    const step = Math.min(aggressiveness, loss / norm);
    const W = this.weights;
    // The packed table stays valid: the rows changed here are read from the float table from now on.
    const packed = this.packed && this.packed.version === this.version ? this.packed : undefined;
    for (let i = 0; i < f.length; i++) {
      const g = target.tags[i] as number;
      const p = predicted.tags[i] as number;
      if (g === p) continue;
      for (let k = f.offsets[i] as number; k < (f.offsets[i + 1] as number); k++) {
        if (packed) packed.rowState[f.rows[k] as number] = FLOAT_ROW;
        const row = (f.rows[k] as number) * T;
        W[row + g] = (W[row + g] as number) + step;
        W[row + p] = (W[row + p] as number) - step;
      }
    }
    for (const [k, v] of trans) if (v !== 0) this.transitions[k] = (this.transitions[k] as number) + step * v;
    this.version++;
    if (packed) packed.version = this.version;
    return true;
  }
}

/** Row states of the packed table: no weights (0), weights in the packed bytes, weights changed since (read from the floats). */
const PACKED_ROW = 1;
/** Word forms whose own rows' sums are kept (about 100 bytes each). */
const OWN_CACHE_WORDS = 50_000;
const FLOAT_ROW = 2;

function normalize(a: Float64Array, from: number, count: number): void {
  let s = 0;
  for (let k = from; k < from + count; k++) s += a[k] as number;
  if (s <= 0) return;
  for (let k = from; k < from + count; k++) a[k] = (a[k] as number) / s;
}

/** A span's score and runner-up from marginals `m`, whose first row is token `base`'s. */
function scoreSpan(s: TokenSpan, tags: Uint8Array, m: Float64Array, base: number, T: number): ScoredSpan {
  let score = 1;
  for (let i = s.first; i <= s.last; i++) score = Math.min(score, m[(i - base) * T + (tags[i] as number)] as number);
  // The runner-up: the most probable reading of the first token with another label (O included).
  // Tags are O then four per label, so each label's probability is summed in tag order and the
  // labels are compared in order, O first: the first of equals wins.
  const first = (s.first - base) * T;
  let alternative = -1;
  let alternativeScore = -1;
  for (let t = 0; t < T;) {
    const label = labelIndexOf(t);
    const end = label < 0 ? t + 1 : t + 4;
    if (label !== s.label) {
      let p = 0;
      for (; t < end; t++) p += m[first + t] as number;
      if (p > alternativeScore) {
        alternative = label;
        alternativeScore = p;
      }
    }
    t = end;
  }
  return { first: s.first, last: s.last, label: s.label, score, alternative, alternativeScore: Math.max(0, alternativeScore) };
}

/** Allowed tags (n × T) that fix every token to its gold tag. */
export function goldMask(gold: Uint8Array, T: number): Uint8Array {
  const mask = new Uint8Array(gold.length * T);
  for (let i = 0; i < gold.length; i++) mask[i * T + (gold[i] as number)] = 1;
  return mask;
}
