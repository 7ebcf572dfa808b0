import type { CliCommand, CliIo } from '../cliTypes';
import { ExitCode, UsageError } from '../cliTypes';
import { parseCommandArgs } from '../parseArgs';
import { readConll } from '../../core/tagger/labelledSentence';
import { TAGGER_LABELS } from '../../core/tagger/tags';
import { scoreRecognizer } from '../../core/tagger/evaluateRecognizer';
import { figuresTable } from '../../core/tagger/spanScores';
import { readText } from '../files';
import { taggerFor } from '../tagger/modelFiles';

/**
 * `tawsim eval`: CoNLL-style exact-match precision, recall and F1 per label and micro-averaged,
 * of the recogniser with a model (the base model by default, `none` for the rules alone) on
 * labelled CoNLL files. Each sentence is recognised as one line of the editor.
 */
export const evalCommand: CliCommand = {
  name: 'eval',
  summary: 'score the recogniser on CoNLL files: exact precision, recall and F1 per label',
  usage: 'tawsim eval --conll FILE [--conll FILE]... [--model MODEL|none]',
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseCommandArgs(args, { conll: { type: 'string', multiple: true }, model: { type: 'string' } });
    const files = [...((values['conll'] as string[] | undefined) ?? []), ...positionals];
    if (files.length === 0) throw new UsageError('give at least one --conll FILE');
    const model = typeof values['model'] === 'string' ? values['model'] : undefined;
    const tagger = taggerFor(model);
    const labels = tagger ? tagger.model.labels : TAGGER_LABELS;
    const sentences = [];
    for (const file of files) sentences.push(...readConll(await readText(file), file, labels));
    const scores = scoreRecognizer(sentences, labels, tagger ? { tagger } : {});
    io.out(`${sentences.length} sentences; ${tagger ? `model ${model ?? 'base'}` : 'rules alone'}; exact match`);
    io.out(figuresTable(scores.figures()));
    return ExitCode.ok;
  },
};
