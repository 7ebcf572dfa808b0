/**
 * `npm run train:base`: trains the base model on ANERcorp's train part and writes it to
 * models/base/tawsim-ner.bin. The corpus is not in the repository (../shared/data/anercorp, or
 * `--data FILE`); only the derived weights are, under their own licence (models/base/LICENSE.md).
 *
 * Two runs: the first trains on the file less its development slice (the last 12% of sentences)
 * and fits the temperature of the scores on that slice, printing its figures; the second trains
 * on the whole file with the same settings, which were frozen on the slice, and is written.
 *
 *   npx tsx scripts/trainBase.ts [--data FILE] [--out FILE] [--dev-only]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { extractFeatures } from '../src/core/tagger/features';
import { writeModel } from '../src/core/tagger/modelFile';
import { SpanScores, figuresTable } from '../src/core/tagger/spanScores';
import { TAGGER_LABELS, decodeBilou } from '../src/core/tagger/tags';
import { fitTemperature } from '../src/core/tagger/temperature';
import { inputOf, learnedIndexOf } from '../src/core/tagger/trainingSet';
import { trainBaseModel } from '../src/core/tagger/trainBaseModel';
import { option, readAnercorp } from './tagger/anercorp';
import { BASE_SETTINGS } from '../src/core/tagger/baseSettings';

const args = process.argv.slice(2);
const out = option(args, '--out') ?? join(__dirname, '..', 'models', 'base', 'tawsim-ner.bin');
const split = readAnercorp(args);

const t0 = performance.now();
console.error(`${split.file}: ${split.all.length} sentences; development slice: the last ${split.dev.length} (from line ${split.dev[0]?.line})`);
const tuned = trainBaseModel(split.train);
const learned = learnedIndexOf(split.train, TAGGER_LABELS);
const held = split.dev.map((s) => ({ features: extractFeatures(inputOf(s, undefined, learned, tuned.stats), tuned.rowMask), gold: s.gold }));
const temperature = fitTemperature(tuned, held);
const scores = new SpanScores(TAGGER_LABELS);
split.dev.forEach((s, k) => {
  const f = (held[k] as (typeof held)[number]).features;
  scores.add(s.spans, decodeBilou(tuned.viterbi(tuned.emissions(f), f.length).tags));
});
console.log(`Development slice (${split.dev.length} sentences), model trained on the other ${split.train.length}; exact match:`);
console.log(figuresTable(scores.figures()));
console.log(`temperature: ${temperature}`);
const t1 = performance.now();
console.error(`development run: ${((t1 - t0) / 1000).toFixed(1)} s`);

if (!args.includes('--dev-only')) {
  const model = trainBaseModel(split.all);
  model.temperature = temperature;
  model.info = {
    data: 'ANERcorp, CAMeL Lab train part (all sentences); CC BY-SA 4.0',
    sentences: split.all.length,
    epochs: BASE_SETTINGS.epochs,
    devMicroF1: Number(scores.micro().f1.toFixed(4)),
  };
  const bytes = writeModel(model);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, bytes);
  console.error(`base model: ${((performance.now() - t1) / 1000).toFixed(1)} s, ${out} (${(bytes.length / 1e6).toFixed(2)} MB)`);
}
