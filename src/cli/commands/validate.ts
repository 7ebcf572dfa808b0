import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { CliCommand, CliIo } from '../cliTypes';
import { ExitCode, UsageError } from '../cliTypes';
import { parseCommandArgs } from '../parseArgs';
import { walkFiles } from '../files';
import type { WalkNote } from '../files';
import { progressLine } from '../recognize/progressLine';
import { isSidecarFileName } from '../../core/sidecar/sidecarPath';
import { MAX_SIDECAR_BYTES, parseSidecar } from '../../core/sidecar/parseSidecar';
import { annotationIdLines, checkSidecarText } from '../../core/sidecar/checkSidecarText';
import { DEFAULT_LABELS } from '../../core/model/labels';
import { problemOf, readRegularFile, readTextFile, shownPath, decodeUtf8 } from '../../node/readRegularFile';

/** One line of the report: `FILE:LINE: severity: problem`. */
interface Finding {
  readonly line: string;
  readonly severity: 'error' | 'warning';
}

/**
 * `tawsim validate`: every sidecar against the schema and against its text. Errors (the file is
 * wrong) make the exit code 1; warnings alone (a changed text whose tags re-anchoring places, an
 * orphan, a label outside the set, a link left out) do not.
 */
export const validateCommand: CliCommand = {
  name: 'validate',
  summary: 'check sidecars against the schema and their texts',
  usage: 'tawsim validate [--progress] FILE_OR_FOLDER...',
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseCommandArgs(args, { progress: { type: 'boolean' } });
    if (positionals.length === 0) throw new UsageError('name at least one sidecar, text file or folder');
    const findings: Finding[] = [];
    const note: WalkNote = (file, problem, severity) => {
      const finding = { line: `${shownPath(file)}:1: ${severity}: ${problem}`, severity };
      findings.push(finding);
      io.out(finding.line);
    };
    // As the other batch commands: progress on a terminal, or when asked for. Counting first is a
    // second walk of the folders, but reads no file.
    const showProgress = values['progress'] === true || process.stderr.isTTY === true;
    let total = 0;
    if (showProgress) for await (const _file of walkFiles(positionals, isSidecarFileName, () => undefined)) total++;
    const progress = showProgress ? progressLine(io, total) : undefined;
    let walked = 0;
    let files = 0;
    for await (const file of walkFiles(positionals, isSidecarFileName, note)) {
      progress?.(++walked);
      const sidecarFile = isSidecarFileName(path.basename(file)) ? file : `${file}.ann.yaml`;
      if (!isSidecarFileName(path.basename(file)) && !(await fs.lstat(sidecarFile).catch(() => undefined))) continue;
      files++;
      for (const finding of await validateOne(sidecarFile)) {
        findings.push(finding);
        io.out(finding.line);
      }
    }
    const errors = findings.filter((f) => f.severity === 'error').length;
    const warnings = findings.length - errors;
    const counts = findings.length === 0 ? '' : ` (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`;
    io.out(`${plural(files, 'sidecar')} checked, ${plural(findings.length, 'problem')}${counts}`);
    return errors > 0 ? ExitCode.badInput : ExitCode.ok;
  },
};

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

async function validateOne(file: string): Promise<Finding[]> {
  const shown = shownPath(file);
  const error = (line: number, message: string): Finding => ({ line: `${shown}:${line}: error: ${message}`, severity: 'error' });
  let content: string;
  try {
    // Named on the command line, or a link the walk found inside its folder: read where it points.
    const read = await readTextFile(await fs.realpath(file), { maxBytes: MAX_SIDECAR_BYTES });
    if (read === undefined) return [error(1, 'no such file')];
    content = read;
  } catch (e) {
    return [error(1, problemOf(file, e).problem)];
  }
  const parsed = parseSidecar(content, { labels: DEFAULT_LABELS });
  const out: Finding[] = parsed.problems.map((p) => ({ line: `${shown}:${p.line ?? 1}: ${p.severity}: ${p.message}`, severity: p.severity }));
  const sidecar = parsed.sidecar;
  if (!sidecar) return out;
  const folder = path.dirname(file);
  const docPath = path.resolve(folder, sidecar.document.path);
  if (path.relative(folder, docPath).startsWith('..') || path.isAbsolute(path.relative(folder, docPath))) {
    return [...out, error(1, `document.path "${sidecar.document.path}" points outside the sidecar's folder`)];
  }
  let text: string;
  try {
    // The text must be a regular file whose real path is in the sidecar's real folder: a link
    // there to a file elsewhere, a device or a FIFO is refused, not read.
    const read = await readRegularFile(docPath, { inside: await fs.realpath(folder) });
    if (!read) return [...out, error(1, `cannot read the text ${sidecar.document.path}: no such file`)];
    text = decodeUtf8(read.bytes, docPath);
  } catch (e) {
    return [...out, error(1, `cannot read the text ${sidecar.document.path}: ${problemOf(docPath, e).problem}`)];
  }
  const idLines = annotationIdLines(content);
  const keyLine = (key: string): number => Math.max(1, content.split('\n').findIndex((l) => new RegExp(`^\\s+${key}\\s*:`).test(l)) + 1);
  for (const p of checkSidecarText(sidecar, text)) {
    const line = p.kind === 'textChanged' ? keyLine('sha256') : p.kind === 'lengthDiffers' ? keyLine('length') : (idLines.get(p.id) ?? 1);
    out.push({ line: `${shown}:${line}: ${p.severity}: ${p.message}`, severity: p.severity });
  }
  return out;
}
