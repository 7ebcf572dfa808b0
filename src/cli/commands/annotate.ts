import type { CliCommand, CliIo } from '../cliTypes';
import { parseBatchArgs } from '../recognize/batchArgs';
import { runRecognizeBatch } from '../recognize/batchCommand';

/**
 * `tawsim annotate`: the recogniser's spans written into the texts' sidecars as
 * `status: suggested`, beside every tag, rejection and suggestion already there. Broken sidecars
 * and those of a newer Tawsim are left alone (exit code 1, naming the file and line).
 */
export const annotateCommand: CliCommand = {
  name: 'annotate',
  summary: 'pre-annotate texts: write the recogniser’s suggestions into their sidecars',
  usage:
    "tawsim annotate [--date YYYY-MM-DD] [--labels PER,ORG,LOC,DATE,TIME,MISC] [--model MODEL|none] [--annotator NAME] [--pattern '${file}.ann.yaml'] [--progress] [--workers N] FILE_OR_FOLDER...",
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const parsed = parseBatchArgs(args);
    // The per-file summaries go to stderr: stdout stays free for pipelines.
    return await runRecognizeBatch('annotate', parsed, io, (line) => io.err(line));
  },
};
