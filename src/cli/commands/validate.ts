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
import type { LabelDefinition } from '../../core/model/labels';
import { sarifLog } from '../../core/report/sarif';
import type { SarifFinding } from '../../core/report/sarif';
import { findProject } from '../project/findProject';
import { version } from '../../../package.json';
import { problemOf, readRegularFile, readTextFile, shownPath, decodeUtf8 } from '../../node/readRegularFile';

/** One line of the report: `FILE:LINE: severity: problem`, and its parts (for SARIF). */
interface Finding {
  readonly line: string;
  readonly severity: 'error' | 'warning';
  readonly file: string;
  readonly at: number;
  readonly message: string;
}

function finding(file: string, at: number, severity: 'error' | 'warning', message: string): Finding {
  return { line: `${shownPath(file)}:${at}: ${severity}: ${message}`, severity, file, at, message };
}

/**
 * `tawsim validate`: every sidecar against the schema and against its text. Errors (the file is
 * wrong) make the exit code 1; warnings alone (a changed text whose tags re-anchoring places, an
 * orphan, a label outside the set, a link left out) do not.
 */
export const validateCommand: CliCommand = {
  name: 'validate',
  summary: 'check sidecars against the schema and their texts',
  usage: 'tawsim validate [--format text|sarif] [--progress] FILE_OR_FOLDER...',
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseCommandArgs(args, { progress: { type: 'boolean' }, format: { type: 'string' } });
    if (positionals.length === 0) throw new UsageError('name at least one sidecar, text file or folder');
    const format = values['format'] ?? 'text';
    if (format !== 'text' && format !== 'sarif') throw new UsageError('--format is text or sarif');
    // SARIF is one JSON document on stdout, written at the end; the text lines go nowhere then.
    const print = format === 'sarif' ? (): void => undefined : (line: string): void => io.out(line);
    // The labels of the corpus' project file, when it has one, decide which labels are known.
    const project = await findProject(positionals[0] as string);
    for (const w of project?.warnings ?? []) io.err(w);
    const labels = project?.project.labels ?? DEFAULT_LABELS;
    const findings: Finding[] = [];
    const note: WalkNote = (file, problem, severity) => {
      const found = finding(file, 1, severity, problem);
      findings.push(found);
      print(found.line);
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
      for (const found of await validateOne(sidecarFile, labels)) {
        findings.push(found);
        print(found.line);
      }
    }
    const errors = findings.filter((f) => f.severity === 'error').length;
    const warnings = findings.length - errors;
    const counts = findings.length === 0 ? '' : ` (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`;
    if (format === 'sarif') io.out(JSON.stringify(sarifLog(findings.map(sarifFinding), version), null, 2));
    else io.out(`${plural(files, 'sidecar')} checked, ${plural(findings.length, 'problem')}${counts}`);
    return errors > 0 ? ExitCode.badInput : ExitCode.ok;
  },
};

function sarifFinding(f: Finding): SarifFinding {
  return { uri: path.relative(process.cwd(), path.resolve(f.file)).split(path.sep).join('/'), line: f.at, level: f.severity, message: f.message };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

async function validateOne(file: string, labels: readonly LabelDefinition[]): Promise<Finding[]> {
  const error = (line: number, message: string): Finding => finding(file, line, 'error', message);
  let content: string;
  try {
    // Named on the command line, or a link the walk found inside its folder: read where it points.
    const read = await readTextFile(await fs.realpath(file), { maxBytes: MAX_SIDECAR_BYTES });
    if (read === undefined) return [error(1, 'no such file')];
    content = read;
  } catch (e) {
    return [error(1, problemOf(file, e).problem)];
  }
  const parsed = parseSidecar(content, { labels });
  const out: Finding[] = parsed.problems.map((p) => finding(file, p.line ?? 1, p.severity, p.message));
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
    out.push(finding(file, line, p.severity, p.message));
  }
  return out;
}
