import { DEFAULT_RECOGNIZED_LABELS } from './recognizeTypes';

/** The recogniser's labels that a label set has: a project without ORG, say, is never offered ORG. */
export function recognizedLabelsIn(labels: ReadonlyArray<{ readonly id: string }>): readonly string[] {
  return DEFAULT_RECOGNIZED_LABELS.filter((l) => labels.some((d) => d.id === l));
}
