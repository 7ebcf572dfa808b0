import * as path from 'node:path';
import type { CliCommand, CliIo } from '../cliTypes';
import { ExitCode, UsageError } from '../cliTypes';
import { parseCommandArgs } from '../parseArgs';
import { fileExists, readText, walkFiles } from '../files';
import { progressLine } from '../recognize/progressLine';
import { isSidecarFileName } from '../../core/sidecar/sidecarPath';
import { MAX_SIDECAR_BYTES, parseSidecar } from '../../core/sidecar/parseSidecar';
import { sha256Hex } from '../../core/sidecar/hash';
import { CodePointIndex } from '../../core/model/offsets';
import { DEFAULT_LABELS } from '../../core/model/labels';

/** `tawsim validate`: every sidecar against the schema and against its text. */
export const validateCommand: CliCommand = {
  name: 'validate',
  summary: 'check sidecars against the schema and their texts',
  usage: 'tawsim validate [--progress] FILE_OR_FOLDER...',
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseCommandArgs(args, { progress: { type: 'boolean' } });
    if (positionals.length === 0) throw new UsageError('name at least one sidecar, text file or folder');
    // As the other batch commands: progress on a terminal, or when asked for. Counting first is a
    // second walk of the folders, but reads no file.
    const showProgress = values['progress'] === true || process.stderr.isTTY === true;
    let total = 0;
    if (showProgress) for await (const _file of walkFiles(positionals, isSidecarFileName)) total++;
    const progress = showProgress ? progressLine(io, total) : undefined;
    let walked = 0;
    let files = 0;
    let problems = 0;
    for await (const file of walkFiles(positionals, isSidecarFileName)) {
      progress?.(++walked);
      const sidecarFile = isSidecarFileName(path.basename(file)) ? file : `${file}.ann.yaml`;
      if (!isSidecarFileName(path.basename(file)) && !(await fileExists(sidecarFile))) continue;
      files++;
      const found = await validateOne(sidecarFile);
      for (const line of found) io.out(line);
      problems += found.length;
    }
    io.out(`${files} sidecar${files === 1 ? '' : 's'} checked, ${problems} problem${problems === 1 ? '' : 's'}`);
    return problems > 0 ? ExitCode.badInput : ExitCode.ok;
  },
};

async function validateOne(file: string): Promise<string[]> {
  let content: string;
  try {
    content = await readText(file, MAX_SIDECAR_BYTES);
  } catch (e) {
    return [`${file}:1: error: ${(e as Error).message}`];
  }
  const parsed = parseSidecar(content, { labels: DEFAULT_LABELS });
  const out = parsed.problems.map((p) => `${file}:${p.line ?? 1}: ${p.severity}: ${p.message}`);
  const sidecar = parsed.sidecar;
  if (!sidecar) return out;
  const docPath = path.resolve(path.dirname(file), sidecar.document.path);
  if (path.relative(path.dirname(file), docPath).startsWith('..')) {
    return [...out, `${file}: error: document.path "${sidecar.document.path}" points outside the sidecar's folder`];
  }
  let text: string;
  try {
    text = await readText(docPath);
  } catch (e) {
    return [...out, `${file}: error: cannot read the text ${sidecar.document.path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`];
  }
  const index = new CodePointIndex(text);
  if (sidecar.document.sha256 !== sha256Hex(text))
    out.push(`${file}: warning: ${sidecar.document.path} changed since the sidecar was saved (sha256 differs); offsets are checked by their quotes`);
  for (const a of sidecar.annotations) {
    if (a.orphan) {
      out.push(`${file}: warning: ${a.id} (${a.label} «${a.text}») is an orphan: its text is not in the document`);
      continue;
    }
    if (a.end > index.codePointLength) {
      out.push(`${file}: error: ${a.id} ends at ${a.end}, past the end of ${sidecar.document.path} (${index.codePointLength} code points)`);
      continue;
    }
    const covered = text.slice(index.toUtf16(a.start), index.toUtf16(a.end));
    if (covered !== a.text) out.push(`${file}: error: ${a.id} at ${a.start}-${a.end} covers «${covered}», not «${a.text}»`);
  }
  return out;
}
