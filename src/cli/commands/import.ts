import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { CliCommand, CliIo } from '../cliTypes';
import { ExitCode, UsageError } from '../cliTypes';
import { parseCommandArgs } from '../parseArgs';
import { writeFailure } from '../writeFailure';
import { isTextFileName, readText, walkFiles } from '../files';
import { commitPlan } from '../../node/checkedWrite';
import type { PlannedWrite, WriteResult } from '../../node/checkedWrite';
import { nameTooLong } from '../../node/besideNames';
import { problemOf, readExistingText, readTextFile, shownPath } from '../../node/readRegularFile';
import { importFile } from '../../core/formats/importFormat';
import { formatById, importFormatsForFile } from '../../core/formats/formatRegistry';
import type { FormatId, SourceDocument } from '../../core/formats/formatTypes';
import { DEFAULT_LABELS } from '../../core/model/labels';
import { importDocuments } from '../../core/exchange/importDocuments';
import type { ExistingSidecarChoice } from '../../core/exchange/importedSidecar';
import { importedSidecar } from '../../core/exchange/importedSidecar';
import { defaultImportAnnotator } from '../../core/exchange/importAnnotator';
import type { ImportSet } from '../../core/exchange/importSets';
import { ImportSets, parseAnnotatorChoice } from '../../core/exchange/importSets';
import { MAX_SIDECAR_BYTES, parseSidecar, sidecarTooLarge } from '../../core/sidecar/parseSidecar';
import { serializeSidecar } from '../../core/sidecar/serializeSidecar';
import { DEFAULT_SIDECAR_PATTERN, sidecarFileName } from '../../core/sidecar/sidecarPath';
import type { Sidecar } from '../../core/sidecar/sidecarTypes';
import { importFormatNames, parseFormat } from '../exchange/cliFormats';
import { pathInFolder, resolveInside } from '../exchange/folderPaths';
import { IMPORT_OPTION_SPEC, IMPORT_OPTIONS_USAGE, importOptionsFromArgs } from '../exchange/exchangeOptions';
import { readCompanions } from '../exchange/importCompanions';

/** One sidecar an import writes, with its text. */
interface Target extends ImportSet {
  readonly text: SourceDocument;
  readonly pattern: string;
}

/**
 * `tawsim import`: annotations made in another tool become sidecars beside the texts. All or
 * nothing: any error in any file, any sidecar that would be overwritten without `--force` (or
 * merged into with `--merge`), and nothing is written.
 */
export const importCommand: CliCommand = {
  name: 'import',
  summary: 'import brat, CoNLL, doccano, Label Studio, CSV, Tawsim JSON, WebAnno TSV, spaCy/Prodigy or TimeML annotations into sidecars',
  usage: `tawsim import --format ${importFormatNames().join('|')} --into FOLDER ${IMPORT_OPTIONS_USAGE} [--annotator NAME | --annotator FILE_NAME=NAME,…] [--pattern PATTERN] [--force | --merge] FILE...`,
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseCommandArgs(args, {
      format: { type: 'string' },
      into: { type: 'string' },
      annotator: { type: 'string' },
      pattern: { type: 'string' },
      force: { type: 'boolean' },
      merge: { type: 'boolean' },
      ...IMPORT_OPTION_SPEC,
    });
    if (positionals.length === 0) throw new UsageError('name at least one file to import');
    if (typeof values['into'] !== 'string') throw new UsageError('--into FOLDER is required: the folder that holds the texts');
    if (values['force'] === true && values['merge'] === true) throw new UsageError('choose either --force (replace) or --merge');
    const format = typeof values['format'] === 'string' ? parseFormat(values['format'], 'import') : await inferFormat(positionals);
    const formatOptions = importOptionsFromArgs(format, values);
    const choice = parseAnnotatorChoice(typeof values['annotator'] === 'string' ? values['annotator'] : undefined);
    if ('error' in choice) throw new UsageError(`--annotator: ${choice.error}`);
    const pattern = typeof values['pattern'] === 'string' ? values['pattern'] : DEFAULT_SIDECAR_PATTERN;
    try {
      if (!pattern.includes('${file}')) throw new Error('--pattern must contain ${file}');
      sidecarFileName('x.txt', 'x', pattern);
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    const existingChoice: ExistingSidecarChoice | undefined = values['force'] === true ? 'replace' : values['merge'] === true ? 'merge' : undefined;
    const into = path.resolve(values['into']);
    if (!(await fs.stat(into).catch(() => undefined))?.isDirectory()) {
      io.err(`tawsim import: ${shownPath(values['into'])} is not a folder`);
      return ExitCode.badInput;
    }

    const errors: string[] = [];
    const texts = await readTexts(into, io);
    const sets = new ImportSets(choice);
    for (const file of positionals) {
      let content: string;
      try {
        // Named on the command line: followed if a link, but a regular file within the size limit.
        content = await readExistingText(await fs.realpath(file).catch(() => file));
      } catch (e) {
        errors.push(problemOf(file, e).message);
        continue;
      }
      const inFolder = pathInFolder(into, file);
      const companions = await readCompanions(format, file, formatOptions);
      if (companions.error !== undefined) {
        errors.push(companions.error);
        continue;
      }
      const source = {
        name: file,
        ...(inFolder !== undefined ? { pathInFolder: inFolder } : {}),
        content,
        ...(companions.conllPaths ? { conllPaths: companions.conllPaths } : {}),
      };
      const plan = importDocuments(format, source, texts);
      if ('message' in plan) {
        errors.push(plan.message);
        continue;
      }
      const result = importFile(format, { content, fileName: file, documents: plan.documents, labels: DEFAULT_LABELS, options: companions.options });
      errors.push(...result.errors.map((e) => e.message));
      for (const w of result.warnings) io.err(`warning: ${w}`);
      sets.add(file, result.documents, plan.textPath, defaultImportAnnotator(file, formatById(format)?.manyDocumentsPerFile ?? true));
    }
    errors.push(...sets.errors);
    const targets: Target[] = [];
    for (const set of sets.sets) {
      const text = texts.find((t) => t.path === set.textPath);
      if (!text) errors.push(`${set.from}: no text ${set.textPath} in ${into}`);
      else targets.push({ ...set, text, pattern: sets.patternFor(set, pattern) });
    }

    const planned: PlannedSidecar[] = [];
    for (const target of targets) {
      try {
        planned.push(await planSidecar(into, target, existingChoice));
      } catch (e) {
        errors.push((e as Error).message);
      }
    }
    if (errors.length > 0) {
      for (const e of errors) io.err(`tawsim import: ${e}`);
      io.err('tawsim import: nothing was written');
      return ExitCode.badInput;
    }
    // All or nothing, under the sidecars' locks, each checked again just before it is replaced:
    // another import or annotate run, or the editor, may have written one since it was read.
    let written: WriteResult[];
    try {
      written = await commitPlan(planned.map((p) => p.write));
    } catch (e) {
      io.err(`tawsim import: ${writeFailure(e)}`);
      return ExitCode.badInput;
    }
    const count = planned.reduce((n, p) => n + p.imported, 0);
    planned.forEach((p, i) => {
      const kept = p.kept > 0 ? ` (${p.kept} already there, kept)` : '';
      const meanwhile = written[i]?.outcome === 'merged' ? '; merged with a change made meanwhile' : '';
      io.out(`${p.write.file}: ${plural(p.imported, 'annotation')} imported${kept}${meanwhile}`);
    });
    io.out(`${plural(count, 'annotation')} imported into ${plural(planned.length, 'sidecar')}`);
    return ExitCode.ok;
  },
};

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

async function inferFormat(files: readonly string[]): Promise<FormatId> {
  const first = files[0] ?? '';
  const head = await readText(first).catch(() => undefined);
  const candidates = importFormatsForFile(path.basename(first), head);
  const [only] = candidates;
  if (candidates.length !== 1 || !only) throw new UsageError(`--format is required: the format of ${files[0] ?? 'the file'} cannot be told from its name`);
  return only.id;
}

/** Every text in the folder, relative to it, in path order (the order exports write documents in). */
async function readTexts(folder: string, io: CliIo): Promise<SourceDocument[]> {
  const texts: SourceDocument[] = [];
  const real = await fs.realpath(folder);
  // A link to a file outside the folder is left out (with a note): it is not one of its texts.
  for await (const file of walkFiles([folder], isTextFileName, (f, problem) => io.err(`tawsim import: ${shownPath(f)}: ${problem}`))) {
    const relative = pathInFolder(folder, file);
    // A text that is not UTF-8 cannot be annotated, so it cannot be an import's target either.
    const text = relative !== undefined ? await readTextFile(file, { inside: real }).catch(() => undefined) : undefined;
    if (relative !== undefined && text !== undefined) texts.push({ path: relative, text });
  }
  return texts.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** A sidecar an import writes: the checked write, and how many annotations it imports and keeps. */
interface PlannedSidecar {
  readonly write: PlannedWrite;
  readonly imported: number;
  /** Annotations of the existing sidecar kept by a merge. */
  readonly kept: number;
}

async function planSidecar(into: string, target: Target, choice: ExistingSidecarChoice | undefined): Promise<PlannedSidecar> {
  const textFile = resolveInside(into, target.text.path);
  const textName = path.basename(textFile);
  const file = path.join(path.dirname(textFile), sidecarFileName(textName, target.annotator, target.pattern));
  const shown = shownPath(file);
  const tooLong = nameTooLong(file);
  if (tooLong) throw new Error(`${shown} cannot be written: ${tooLong}`);
  let content: string | undefined;
  try {
    content = await readTextFile(file, { maxBytes: MAX_SIDECAR_BYTES });
  } catch (e) {
    throw new Error(`${problemOf(file, e).message}; it is not replaced or merged into`);
  }
  let existing: { sidecar: Sidecar; choice: ExistingSidecarChoice } | undefined;
  if (content !== undefined) {
    if (!choice) throw new Error(`${shown} already exists; add --force to replace it or --merge to add the imported annotations to it`);
    const parsed = parseSidecar(content, { labels: DEFAULT_LABELS });
    if (!parsed.sidecar || !parsed.writable) {
      const problem = parsed.problems.find((p) => p.severity === 'error') ?? parsed.problems[0];
      throw new Error(`${shown}:${problem?.line ?? 1}: ${problem?.message ?? 'cannot be read'}; it is not replaced or merged into until it is fixed`);
    }
    if (choice === 'merge' && parsed.sidecar.annotator !== target.annotator) {
      throw new Error(
        `${shown} holds ${JSON.stringify(parsed.sidecar.annotator)}'s annotations, not ${JSON.stringify(target.annotator)}'s; merging would credit them to ${JSON.stringify(parsed.sidecar.annotator)} ` +
          `(import with --annotator ${parsed.sidecar.annotator}, or give each annotator a sidecar with --pattern '\${file}.\${annotator}.ann.yaml')`,
      );
    }
    existing = { sidecar: parsed.sidecar, choice };
  }
  const sidecar = importedSidecar({
    text: target.text.text,
    textName,
    annotator: target.annotator,
    annotations: target.annotations,
    ...(target.relations ? { relations: target.relations } : {}),
    ...(target.date !== undefined ? { date: target.date } : {}),
    ...(existing ? { existing } : {}),
  });
  const next = serializeSidecar(sidecar);
  const tooLarge = sidecarTooLarge(next);
  if (tooLarge) throw new Error(`${shown}: ${tooLarge}`);
  const kept = existing?.choice === 'merge' ? existing.sidecar.annotations.length : 0;
  return { write: { file, expected: content, next, onConflict: choice === 'merge' ? 'merge' : 'fail' }, imported: sidecar.annotations.length - kept, kept };
}
