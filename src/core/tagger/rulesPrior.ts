import { RULE_KINDS, ruleFeatureRow } from './features';
import type { TaggerModel } from './taggerModel';
import { tagName } from './tags';

/**
 * Sets a new model's weights so that it proposes exactly what the rules propose: each rule
 * feature votes `strength` for the tag the rules gave. A model that learns from the annotator
 * with nothing else to start from (no base model) then begins as good as the rules, and every
 * correction moves it from there, as the learning curve's "starting from the rules" asks.
 */
export function imitateRules(model: TaggerModel, strength = 1): void {
  const T = model.tags;
  for (let tag = 1; tag < T; tag++) {
    const name = tagName(tag, model.labels);
    for (const kind of RULE_KINDS) {
      const row = ruleFeatureRow(name, kind, model.rowMask);
      model.weights[row * T + tag] = (model.weights[row * T + tag] as number) + strength;
    }
  }
  model.version++;
}
