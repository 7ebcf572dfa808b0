/**
 * The tagger's figures on ANERcorp's development slice (the corpus is not in the repository):
 *
 *   npm run eval -- --ner [--data FILE]              model (trained on the train part less the slice) vs rules
 *   npm run eval -- --ner --seeds 1,2,3 [--data FILE]  the same three model columns' micro F1 per training seed, and their mean
 *   npm run eval -- --learning-curve [--data FILE]   an annotator correcting texts in order, from nothing
 *   npm run eval -- --adaptation [--data FILE]       the same, from a base model trained on the first 1,500 sentences
 *
 * --ner scores the recogniser as the editor runs it (each sentence a line; the rules, gazetteers
 * and the training names as the model's features; DATE and TIME left to the rules), exact match.
 * --learning-curve starts from the rules alone (a model that imitates them, no base model), and
 * after each sentence the annotator corrected, the model learns it at once (the editor's online
 * step); after 10, 50, 200 and 1,000 sentences it prints the development slice's F1 of the model
 * learned online, of a full re-fit on those sentences (the editor's background re-fit), and of
 * the rules. As in the editor, the names tagged so far are the learned names: features of the
 * model, and still suggested where the model proposes nothing.
 *
 * --adaptation asks whether the annotator's corrections improve a trained model on unseen text: a
 * base model is trained on the first BASE_SENTENCES (1,500) train sentences, the annotator
 * corrects the following ones in order, and the development slice's F1 is printed for the base
 * alone, for the base learning online, for a re-fit from the base on the corrected sentences, and
 * for one model trained on the base's sentences and the corrected ones together.
 *
 * ANERcorp has no document boundaries, so --ner scores each sentence alone; it also prints the
 * figures with the editor's document pass (linkMentions: a name found anywhere in the document is
 * suggested at its other occurrences) run over each sentence and its neighbours, ±NEIGHBOURS
 * sentences (5 unless the environment says otherwise), as a stand-in for the article around it.
 *
 * The order in which the perceptron sees the sentences (its seed) alone moves the slice's micro F1
 * by about ±0.01, more than most single changes of features or training bring: --seeds trains one
 * model per seed and prints each one's micro F1 and the mean, which is what a change should move.
 */
import { extractFeatures } from '../src/core/tagger/features';
import { scoreRecognizer } from '../src/core/tagger/evaluateRecognizer';
import { figuresTable } from '../src/core/tagger/spanScores';
import { TAGGER_LABELS, tagCount } from '../src/core/tagger/tags';
import { TaggerModel, goldMask } from '../src/core/tagger/taggerModel';
import { inputOf, learnedIndexOf, namesOf } from '../src/core/tagger/trainingSet';
import { trainBaseModel } from '../src/core/tagger/trainBaseModel';
import { refitOnLines } from '../src/core/tagger/refit';
import { BASE_SETTINGS } from '../src/core/tagger/baseSettings';
import type { LearnedEntry } from '../src/core/recognize/recognizeTypes';
import { option, readAnercorp } from './tagger/anercorp';
import { imitateRules } from '../src/core/tagger/rulesPrior';
import { recognize } from '../src/core/recognize/recognize';
import type { RecognizeOptions, RecognizedSpan } from '../src/core/recognize/recognizeTypes';
import { linkMentions } from '../src/core/recognize/consistency';
import { labelText } from '../src/core/tagger/labelledSentence';
import type { LabelledSentence } from '../src/core/tagger/labelledSentence';
import { SpanScores } from '../src/core/tagger/spanScores';

export function taggerEvaluationAsked(args: readonly string[]): boolean {
  return args.includes('--ner') || args.includes('--learning-curve') || args.includes('--adaptation');
}

export function runTaggerEvaluation(args: readonly string[]): void {
  const split = readAnercorp(args);
  const seeds = option(args, '--seeds');
  if (args.includes('--ner')) {
    if (seeds) seedSpread(split, seeds.split(',').map(Number));
    else ner(split);
  }
  if (args.includes('--learning-curve')) learningCurve(split);
  if (args.includes('--adaptation')) adaptation(split);
}

const T = tagCount(TAGGER_LABELS);
const asLearned = (names: ReadonlyArray<{ text: string; label: string }>): LearnedEntry[] => names.map((n) => ({ text: n.text, label: n.label }));

function ner(split: ReturnType<typeof readAnercorp>): void {
  const t0 = performance.now();
  const model = trainBaseModel(split.train);
  const trainedMs = performance.now() - t0;
  const learned = asLearned(namesOf(split.train, TAGGER_LABELS));
  console.log(`ANERcorp development slice: the last ${split.dev.length} sentences of ${split.file} (from line ${split.dev[0]?.line}); exact match, CoNLL style`);
  console.log(`\nModel trained on the other ${split.train.length} sentences (${(trainedMs / 1000).toFixed(1)} s), as a new user meets it: no names tagged yet`);
  console.log(figuresTable(scoreRecognizer(split.dev, TAGGER_LABELS, { tagger: { model } }).figures()));
  console.log(`\nThe same model, with the training sentences' names as the annotator's learned names (features only)`);
  console.log(figuresTable(scoreRecognizer(split.dev, TAGGER_LABELS, { tagger: { model, learnedFallback: false }, learned }).figures()));
  const radius = Number(process.env['NEIGHBOURS'] ?? '5');
  console.log(`\nThe first model, with the editor's document pass over each sentence and its neighbours (±${radius} sentences)`);
  console.log(figuresTable(scoreWithNeighbours(split.dev, TAGGER_LABELS, { tagger: { model } }, radius).figures()));
  console.log('\nRules alone (the recogniser without a model):');
  console.log(figuresTable(scoreRecognizer(split.dev, TAGGER_LABELS).figures()));
}

/** The micro F1 of the three model columns of `ner`, one model per seed, and their mean over the seeds. */
function seedSpread(split: ReturnType<typeof readAnercorp>, seeds: readonly number[]): void {
  const learned = asLearned(namesOf(split.train, TAGGER_LABELS));
  const radius = Number(process.env['NEIGHBOURS'] ?? '5');
  console.log(`ANERcorp development slice (${split.dev.length} sentences), micro F1 (exact) of a model trained with each seed on the other ${split.train.length}`);
  console.log(`seed   no names  learned names  document pass (±${radius})`);
  const sums = [0, 0, 0];
  for (const seed of seeds) {
    const model = trainBaseModel(split.train, seed);
    const f1 = [
      scoreRecognizer(split.dev, TAGGER_LABELS, { tagger: { model } }).micro().f1,
      scoreRecognizer(split.dev, TAGGER_LABELS, { tagger: { model, learnedFallback: false }, learned }).micro().f1,
      scoreWithNeighbours(split.dev, TAGGER_LABELS, { tagger: { model } }, radius).micro().f1,
    ];
    f1.forEach((v, k) => (sums[k] = (sums[k] as number) + v));
    console.log(`${String(seed).padStart(4)}   ${f1.map((v) => v.toFixed(3)).join('     ')}`);
  }
  console.log(`mean   ${sums.map((v) => (v / seeds.length).toFixed(4)).join('    ')}`);
}

function learningCurve(split: ReturnType<typeof readAnercorp>): void {
  const checkpoints = process.env['CHECKPOINTS'] ? process.env['CHECKPOINTS'].split(',').map(Number) : [10, 50, 200, 1000];
  const dev = split.dev;
  const rules = scoreRecognizer(dev, TAGGER_LABELS).micro().f1;
  console.log(`\nLearning curve: an annotator corrects ANERcorp's train sentences in order; F1 (exact, micro) on the development slice (${dev.length} sentences)`);
  console.log('sentences  online  re-fit  rules');
  const online = new TaggerModel({ labels: TAGGER_LABELS, rowBits: BASE_SETTINGS.rowBits, temperature: 8 });
  imitateRules(online, 1);
  let done = 0;
  for (const n of checkpoints) {
    const names = namesOf(split.train.slice(0, done), TAGGER_LABELS);
    for (; done < n; done++) {
      const s = split.train[done];
      if (!s) break;
      // The features see the names tagged before this sentence, as the editor's would.
      const f = extractFeatures(inputOf(s, undefined, learnedIndexOf(split.train.slice(Math.max(0, done - 200), done), TAGGER_LABELS)), online.rowMask);
      online.learn(f, goldMask(s.gold, T));
      names.push(...namesOf([s], TAGGER_LABELS));
    }
    const seen = split.train.slice(0, done);
    const learned = asLearned(namesOf(seen, TAGGER_LABELS));
    const onlineF1 = scoreRecognizer(dev, TAGGER_LABELS, { tagger: { model: online }, learned }).micro().f1;
    const empty = new TaggerModel({ labels: TAGGER_LABELS, rowBits: BASE_SETTINGS.rowBits });
    imitateRules(empty, 1);
    const { model: refitted, report } = refitOnLines(
      empty,
      seen.map((s) => ({ offset: 0, sentence: s, allowed: goldMask(s.gold, T) })),
    );
    const refitTagger = { model: refitted, ...(report.ruleLabels.length > 0 ? { ruleLabels: new Set(report.ruleLabels) } : {}) };
    const refitF1 = scoreRecognizer(dev, TAGGER_LABELS, { tagger: refitTagger, learned }).micro().f1;
    console.log(
      `${String(done).padStart(9)}  ${onlineF1.toFixed(3)}   ${refitF1.toFixed(3)}   ${rules.toFixed(3)}${report.ruleLabels.length > 0 ? `  (the re-fit leaves ${report.ruleLabels.join(', ')} to the rules)` : ''}`,
    );
  }
}

function adaptation(split: ReturnType<typeof readAnercorp>): void {
  const baseSentences = Number(process.env['BASE_SENTENCES'] ?? '1500');
  const base = trainBaseModel(split.train.slice(0, baseSentences));
  const stream = split.train.slice(baseSentences);
  const checkpoints = (process.env['CHECKPOINTS'] ? process.env['CHECKPOINTS'].split(',').map(Number) : [50, 200, 1000]).filter((n) => n <= stream.length);
  const dev = split.dev;
  const f1 = (model: TaggerModel, seen: readonly LabelledSentence[], ruleLabels?: readonly string[]): string =>
    scoreRecognizer(dev, TAGGER_LABELS, {
      tagger: { model, ...(ruleLabels && ruleLabels.length > 0 ? { ruleLabels: new Set(ruleLabels) } : {}) },
      learned: asLearned(namesOf(seen, TAGGER_LABELS)),
    })
      .micro()
      .f1.toFixed(3);
  console.log(
    `\nAdaptation: a base model trained on the first ${baseSentences} train sentences; the annotator corrects the next ones in order; F1 (exact, micro) on the development slice (${dev.length} sentences)`,
  );
  console.log(`base alone: ${f1(base, [])}`);
  console.log('sentences  base+names  online  re-fit  one model on all');
  const online = base.clone();
  let done = 0;
  for (const n of checkpoints) {
    for (; done < n; done++) {
      const s = stream[done] as LabelledSentence;
      const f = extractFeatures(inputOf(s, undefined, learnedIndexOf(stream.slice(Math.max(0, done - 200), done), TAGGER_LABELS), online.stats), online.rowMask);
      online.learn(f, goldMask(s.gold, T));
    }
    const seen = stream.slice(0, done);
    const { model: refitted, report } = refitOnLines(
      base,
      seen.map((s) => ({ offset: 0, sentence: s, allowed: goldMask(s.gold, T) })),
    );
    const joint = trainBaseModel(split.train.slice(0, baseSentences + done));
    console.log(
      `${String(done).padStart(9)}  ${f1(base, seen)}       ${f1(online, seen)}   ${f1(refitted, seen, report.ruleLabels)}   ${f1(joint, seen)}${report.keptBase ? '  (the re-fit kept the base)' : ''}`,
    );
  }
}

/** Each sentence recognised alone, then the editor's document pass over it and its neighbours; scored on the sentence. */
function scoreWithNeighbours(sentences: readonly LabelledSentence[], labels: readonly string[], options: RecognizeOptions, radius: number): SpanScores {
  const found = sentences.map((s) => recognize(s.text, { ...options, labels }));
  const scores = new SpanScores(labels);
  sentences.forEach((s, k) => {
    let text = '';
    let own = 0;
    const spans: RecognizedSpan[] = [];
    for (let j = Math.max(0, k - radius); j < Math.min(sentences.length, k + radius + 1); j++) {
      if (j === k) own = text.length;
      const at = text.length;
      for (const f of found[j] as RecognizedSpan[]) spans.push({ ...f, start: f.start + at, end: f.end + at });
      text += `${(sentences[j] as LabelledSentence).text}\n`;
    }
    const mine = linkMentions(text, spans, { labels })
      .filter((f) => f.start >= own && f.end <= own + s.text.length && labels.includes(f.label))
      .map((f) => ({ ...f, start: f.start - own, end: f.end - own }));
    scores.add(s.spans, labelText(s.text, mine, labels).spans);
  });
  return scores;
}
