import type { Gazetteer } from '../recognize/gazetteer';
import { buildMentionIndex } from '../recognize/mentions';
import { recognize } from '../recognize/recognize';
import type { AnnotatedLine } from './annotatedLines';
import { extractFeatures } from './features';
import type { LabelFigures } from './spanScores';
import { SpanScores } from './spanScores';
import { decodeBilou } from './tags';
import type { TokenSpan } from './tags';
import type { TaggerModel } from './taggerModel';
import { inputOf, namesOf } from './trainingSet';
import type { TrainingExample } from './trainPerceptron';
import { trainPerceptron } from './trainPerceptron';
import { labelText } from './labelledSentence';

/** What a re-fit reports: the held-out figures of the model and of the rules, per label, and the labels left to the rules. */
export interface RefitReport {
  /** Lines trained on for the held-out figures, and lines held out. */
  readonly trainLines: number;
  readonly heldOutLines: number;
  readonly model: readonly LabelFigures[];
  readonly rules: readonly LabelFigures[];
  /** Labels for which the rules did better on the held-out lines: they keep proposing them. */
  readonly ruleLabels: readonly string[];
  /** The held-out figures of the model the re-fit started from (the base model, for the workspace). */
  readonly base: readonly LabelFigures[];
  /**
   * Whether the model the re-fit started from was kept: it scored a higher micro F1 on the
   * held-out lines than the model trained on the others, so training on these lines made
   * suggestions worse (few lines moving a model trained on thousands).
   */
  readonly keptBase: boolean;
  readonly milliseconds: number;
}

export interface RefitOptions {
  readonly epochs?: number;
  readonly gazetteers?: readonly Gazetteer[];
  readonly shouldStop?: () => boolean;
}

export const REFIT_EPOCHS = 5;

/** Held-out spans of a label needed before the rules can take it over from the model. */
export const MIN_EVIDENCE = 5;

/** Folds of the lines for their learned names, as the base model's training has them. */
const NAME_FOLDS = 5;

/**
 * Examples from annotated lines; each line's learned names come from the lines of the other folds
 * (jackknifed, as for the base model). With a line's own names among them, the learned-name
 * feature is right on every training name, the model leans on it, and it misses the names of new
 * text that nobody tagged yet: a re-fit on 1,000 news sentences then scored below the base model
 * it started from on the development slice.
 */
function examplesOf(lines: readonly AnnotatedLine[], model: TaggerModel, options: RefitOptions): TrainingExample[] {
  const folds = Math.min(NAME_FOLDS, lines.length);
  const size = Math.ceil(lines.length / Math.max(1, folds));
  const out: TrainingExample[] = [];
  for (let from = 0; from < lines.length; from += size) {
    const to = Math.min(lines.length, from + size);
    const others = [...lines.slice(0, from), ...lines.slice(to)].map((l) => l.sentence);
    const learned = others.length > 0 ? buildMentionIndex(namesOf(others, model.labels)) : undefined;
    for (const l of lines.slice(from, to))
      out.push({ features: extractFeatures(inputOf(l.sentence, options.gazetteers, learned, model.stats), model.rowMask), allowed: l.allowed });
  }
  return out;
}

/**
 * A full re-fit on the annotator's lines, as INCEpTION evaluates its recommenders: every fifth
 * line is held out, a model trained on the others from `base` is scored against the rules on
 * them, then the model that is kept is trained on every line. Labels where the rules scored
 * better are left to the rules.
 */
export function refitOnLines(base: TaggerModel, lines: readonly AnnotatedLine[], options: RefitOptions = {}): { model: TaggerModel; report: RefitReport } {
  const t0 = Date.now();
  const epochs = options.epochs ?? REFIT_EPOCHS;
  const held = lines.filter((_, i) => i % 5 === 4);
  const rest = lines.filter((_, i) => i % 5 !== 4);
  const labels = base.labels;
  const modelScores = new SpanScores(labels);
  const ruleScores = new SpanScores(labels);
  const baseScores = new SpanScores(labels);
  if (held.length > 0 && rest.length > 0) {
    const learned = buildMentionIndex(
      namesOf(
        rest.map((l) => l.sentence),
        labels,
      ),
    );
    const trial = trainPerceptron(base, examplesOf(rest, base, options), { epochs, ...(options.shouldStop ? { shouldStop: options.shouldStop } : {}) });
    for (const l of held) {
      const f = extractFeatures(inputOf(l.sentence, options.gazetteers, learned, trial.stats), trial.rowMask);
      const gold = l.sentence.spans;
      modelScores.add(gold, decodeBilou(trial.viterbi(trial.emissions(f), f.length).tags));
      const fromBase = extractFeatures(inputOf(l.sentence, options.gazetteers, learned, base.stats), base.rowMask);
      baseScores.add(gold, decodeBilou(base.viterbi(base.emissions(fromBase), fromBase.length).tags));
      ruleScores.add(gold, rulesSpans(l, labels, options.gazetteers));
    }
  }
  const keptBase = modelScores.micro().gold >= MIN_EVIDENCE && baseScores.micro().f1 > modelScores.micro().f1;
  const model = keptBase ? base.clone() : trainPerceptron(base, examplesOf(lines, base, options), { epochs, ...(options.shouldStop ? { shouldStop: options.shouldStop } : {}) });
  // The kept model's figures are the ones reported and weighed against the rules.
  const modelFigures = keptBase ? baseScores.figures() : modelScores.figures();
  const ruleFigures = ruleScores.figures();
  const ruleLabels = labels.filter((label, i) => {
    const m = modelFigures[i] as LabelFigures;
    const r = ruleFigures[i] as LabelFigures;
    // Only with evidence: a label tagged fewer than MIN_EVIDENCE times in the held-out lines stays with the model.
    return m.gold >= MIN_EVIDENCE && r.f1 > m.f1;
  });
  return {
    model,
    report: {
      trainLines: rest.length,
      heldOutLines: held.length,
      model: modelFigures,
      rules: ruleFigures,
      base: baseScores.figures(),
      keptBase,
      ruleLabels,
      milliseconds: Date.now() - t0,
    },
  };
}

/** The rules' spans in a line, in the tagger's words. */
function rulesSpans(l: AnnotatedLine, labels: readonly string[], gazetteers: readonly Gazetteer[] | undefined): TokenSpan[] {
  const found = recognize(l.sentence.text, { labels, ...(gazetteers ? { gazetteers } : {}) });
  return [...labelText(l.sentence.text, found, labels).spans];
}
