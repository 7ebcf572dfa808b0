import type { SentenceFeatures } from './features';
import type { TaggerModel } from './taggerModel';
import { seeded } from '../random';

/** A sentence to learn from: its features and, per token, the tags it may take (n × T). */
export interface TrainingExample {
  readonly features: SentenceFeatures;
  /** One allowed tag per token for a fully labelled sentence; several where the label is unknown. */
  readonly allowed: Uint8Array;
}

export interface TrainOptions {
  readonly epochs: number;
  /** Examples are shuffled with this seed each epoch, so a run is repeatable. */
  readonly seed?: number;
  readonly onEpoch?: (epoch: number, mistakes: number) => void;
  /** Checked between examples; a true answer ends training with the average so far. */
  readonly shouldStop?: () => boolean;
}

/**
 * The averaged structured perceptron (Collins 2002): decode each sentence, and when the best
 * sequence breaks its allowed tags, add the features of the best sequence within them and
 * subtract those of the prediction. The result is the average of the weights over every step,
 * which generalises far better than the last weights. Training starts from the given model's
 * weights (zeros for a new model, the base model's when re-fitting on a workspace), and the
 * average includes them, so a short re-fit moves away from the base only as far as the data asks.
 */
export function trainPerceptron(start: TaggerModel, examples: readonly TrainingExample[], options: TrainOptions): TaggerModel {
  const model = start.clone();
  const T = model.tags;
  const W = model.weights;
  const X = model.transitions;
  // Daumé's trick: keep c × each update beside the weights; the average is W - acc / c.
  const accW = new Float64Array(W.length);
  const accX = new Float64Array(X.length);
  // Rows touched by an update: only they need averaging (a re-fit on a few lines touches few).
  const touched = new Uint8Array(W.length / T);
  const touchedRows: number[] = [];
  let c = 1;
  const random = seeded(options.seed ?? 1);
  const order = examples.map((_, i) => i);
  training: for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffle(order, random);
    let mistakes = 0;
    for (const index of order) {
      if (options.shouldStop?.()) break training;
      const ex = examples[index] as TrainingExample;
      const f = ex.features;
      const n = f.length;
      if (n === 0) continue;
      const e = model.emissions(f);
      const predicted = model.viterbi(e, n);
      let fits = true;
      for (let i = 0; i < n && fits; i++) if (ex.allowed[i * T + (predicted.tags[i] as number)] === 0) fits = false;
      if (!fits) {
        const target = model.viterbi(e, n, ex.allowed);
        if (target.score > Number.NEGATIVE_INFINITY) {
          mistakes++;
          update(f, target.tags, 1);
          update(f, predicted.tags, -1);
        }
      }
      c++;
    }
    options.onEpoch?.(epoch + 1, mistakes);
  }
  for (const row of touchedRows) for (let k = row * T; k < row * T + T; k++) W[k] = (W[k] as number) - (accW[k] as number) / c;
  for (let k = 0; k < X.length; k++) X[k] = (X[k] as number) - (accX[k] as number) / c;
  model.version++;
  return model;

  function update(f: SentenceFeatures, tags: Uint8Array, sign: number): void {
    let prev = T;
    const by = sign * c;
    for (let i = 0; i < f.length; i++) {
      const t = tags[i] as number;
      for (let k = f.offsets[i] as number; k < (f.offsets[i + 1] as number); k++) {
        const row = f.rows[k] as number;
        if (touched[row] === 0) {
          touched[row] = 1;
          touchedRows.push(row);
        }
        const w = row * T + t;
        W[w] = (W[w] as number) + sign;
        accW[w] = (accW[w] as number) + by;
      }
      const x = prev * T + t;
      X[x] = (X[x] as number) + sign;
      accX[x] = (accX[x] as number) + by;
      prev = t;
    }
    const end = (T + 1) * T + prev;
    X[end] = (X[end] as number) + sign;
    accX[end] = (accX[end] as number) + by;
  }
}

/** Fisher–Yates with a seeded generator (mulberry32). */
function shuffle(a: number[], random: () => number): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = a[i] as number;
    a[i] = a[j] as number;
    a[j] = t;
  }
}
