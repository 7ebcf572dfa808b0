import { writeFileSync } from 'node:fs';
import type { CliCommand, CliIo } from '../cliTypes';
import { ExitCode, UsageError } from '../cliTypes';
import { parseCommandArgs } from '../parseArgs';
import { TAGGER_LABELS, tagCount } from '../../core/tagger/tags';
import { TaggerModel } from '../../core/tagger/taggerModel';
import { writeModel } from '../../core/tagger/modelFile';
import { refitOnLines } from '../../core/tagger/refit';
import { figuresTable } from '../../core/tagger/spanScores';
import { BASE_SETTINGS } from '../../core/tagger/baseSettings';
import { baseModelFile, loadModelFile } from '../tagger/modelFiles';
import { conllLines, sidecarLines } from '../tagger/trainingData';

/**
 * `tawsim train`: a model from CoNLL files and annotated sidecars. With CoNLL files it starts
 * from nothing (a new model); from sidecars alone it starts from the base model and adapts it,
 * as the editor's re-fit does. `--from MODEL|none` chooses.
 */
export const trainCommand: CliCommand = {
  name: 'train',
  summary: 'train a PER/ORG/LOC/MISC model from CoNLL files and annotated sidecars',
  usage: 'tawsim train [--conll FILE]... [--sidecars FOLDER]... --out MODEL [--from MODEL|none] [--epochs N]',
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseCommandArgs(args, {
      conll: { type: 'string', multiple: true },
      sidecars: { type: 'string', multiple: true },
      out: { type: 'string' },
      from: { type: 'string' },
      epochs: { type: 'string' },
    });
    const conll = (values['conll'] as string[] | undefined) ?? [];
    const sidecars = (values['sidecars'] as string[] | undefined) ?? [];
    if (positionals.length > 0) throw new UsageError(`unexpected ${positionals.join(' ')}: name training files with --conll and --sidecars`);
    if (conll.length + sidecars.length === 0) throw new UsageError('give at least one --conll FILE or --sidecars FOLDER');
    const out = values['out'];
    if (typeof out !== 'string' || out === '') throw new UsageError('--out MODEL is required');
    const epochs = values['epochs'] === undefined ? (conll.length > 0 ? BASE_SETTINGS.epochs : undefined) : Number(values['epochs']);
    if (epochs !== undefined && (!Number.isInteger(epochs) || epochs < 1 || epochs > 100))
      throw new UsageError(`--epochs must be a whole number from 1 to 100, not "${values['epochs']}"`);
    const from = typeof values['from'] === 'string' ? values['from'] : conll.length > 0 ? 'none' : undefined;
    let start: TaggerModel;
    if (from === 'none') start = new TaggerModel({ labels: TAGGER_LABELS, rowBits: BASE_SETTINGS.rowBits });
    else {
      const file = from ?? baseModelFile();
      if (file === undefined) throw new Error('the base model is missing from this installation; give --from none to start from nothing');
      start = loadModelFile(file);
    }
    const T = tagCount(start.labels);
    const t0 = Date.now();
    const lines = [...(await conllLines(conll, start.labels, T)), ...(await sidecarLines(sidecars, start.labels, T, (m) => io.err(m)))];
    if (lines.length === 0) {
      io.err('tawsim train: no annotated line found (a sidecar line teaches only when it holds an accepted tag or a rejection)');
      return ExitCode.badInput;
    }
    const { model, report } = refitOnLines(start, lines, epochs !== undefined ? { epochs } : {});
    model.info = { ...model.info, trainedOn: `${lines.length} lines`, trainedFrom: from ?? 'base', trained: new Date().toISOString().slice(0, 10) };
    writeFileSync(out, writeModel(model));
    io.err(`${lines.length} lines; held out ${report.heldOutLines} (every fifth) for the figures below; ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    io.out(`Model on the held-out lines (trained on the other ${report.trainLines}):`);
    io.out(figuresTable(report.model));
    io.out('Rules on the same lines:');
    io.out(figuresTable(report.rules));
    io.out(`Written: ${out}`);
    return ExitCode.ok;
  },
};
