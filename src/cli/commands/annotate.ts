import type { CliCommand, CliIo } from '../cliTypes';
import { parseBatchArgs } from '../recognize/batchArgs';
import { withProjectSettings } from '../recognize/projectBatchArgs';
import { runRecognizeBatch } from '../recognize/batchCommand';
import { streamJsonl, streamWriter } from '../recognize/jsonlStream';

/**
 * `tawsim annotate`: the recogniser's spans written into the texts' sidecars as
 * `status: suggested`, beside every tag, rejection and suggestion already there. Broken sidecars
 * and those of a newer Tawsim are left alone (exit code 1, naming the file and line).
 */
export const annotateCommand: CliCommand = {
  name: 'annotate',
  summary: 'pre-annotate texts: write the recogniser’s suggestions into their sidecars',
  usage:
    'tawsim annotate [--date YYYY-MM-DD] [--labels PER,ORG,LOC,DATE,TIME,MISC] [--model MODEL|none] [--annotator NAME] [--pattern \'${file}.ann.yaml\'] [--progress] [--workers N] FILE_OR_FOLDER...\n       tawsim annotate [--date …] [--labels …] [--model …] [--annotator NAME] --jsonl -   (JSON lines {"id", "text", "date"?} in, one sidecar as JSON per line out)',
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const parsed = await withProjectSettings(parseBatchArgs(args), io);
    if (parsed.jsonl) return await streamJsonl('annotate', process.stdin, streamWriter(process.stdout), io, parsed.settings);
    // The per-file summaries go to stderr: stdout stays free for pipelines.
    return await runRecognizeBatch('annotate', parsed, io, (line) => io.err(line));
  },
};
