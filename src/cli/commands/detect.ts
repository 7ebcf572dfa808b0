import type { CliCommand, CliIo } from '../cliTypes';
import { parseBatchArgs } from '../recognize/batchArgs';
import { withProjectSettings } from '../recognize/projectBatchArgs';
import { runRecognizeBatch } from '../recognize/batchCommand';
import { streamJsonl, streamWriter } from '../recognize/jsonlStream';

/**
 * `tawsim detect`: the recogniser's spans as JSON lines on stdout, one per span, with code point
 * offsets (what Python and the other tools count). Nothing is written.
 */
export const detectCommand: CliCommand = {
  name: 'detect',
  summary: 'print the recogniser’s PER, ORG, LOC, DATE and TIME spans as JSON lines',
  usage:
    'tawsim detect [--date YYYY-MM-DD] [--labels PER,ORG,LOC,DATE,TIME,MISC] [--model MODEL|none] [--annotator NAME] [--pattern PATTERN] [--progress] [--workers N] FILE_OR_FOLDER...\n       tawsim detect [--date …] [--labels …] [--model …] --jsonl -   (JSON lines {"id", "text", "date"?} in, one span per line out)',
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const parsed = await withProjectSettings(parseBatchArgs(args), io);
    if (parsed.jsonl) return await streamJsonl('detect', process.stdin, streamWriter(process.stdout), io, parsed.settings);
    return await runRecognizeBatch('detect', parsed, io, (line) => io.out(line));
  },
};
