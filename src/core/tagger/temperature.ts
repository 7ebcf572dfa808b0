import type { SentenceFeatures } from './features';
import type { TaggerModel } from './taggerModel';

/**
 * The temperature that makes the model's marginals most likely on held-out sentences, from a
 * grid: a perceptron's scores have no scale of their own, and the hover's "0.93" and the
 * threshold setting are only meaningful once the scores are turned into honest probabilities.
 */
export function fitTemperature(model: TaggerModel, held: ReadonlyArray<{ readonly features: SentenceFeatures; readonly gold: Uint8Array }>): number {
  const T = model.tags;
  const emissions = held.map((h) => model.emissions(h.features));
  let best = model.temperature;
  let bestLikelihood = Number.NEGATIVE_INFINITY;
  const saved = model.temperature;
  for (let k = -4; k <= 10; k++) {
    const temperature = Math.pow(2, k / 2);
    model.temperature = temperature;
    let likelihood = 0;
    held.forEach((h, n) => {
      const m = model.marginals(emissions[n] as Float32Array, h.features.length);
      for (let i = 0; i < h.features.length; i++) likelihood += Math.log(Math.max(1e-9, m[i * T + (h.gold[i] as number)] as number));
    });
    if (likelihood > bestLikelihood) {
      bestLikelihood = likelihood;
      best = temperature;
    }
  }
  model.temperature = saved;
  return best;
}
