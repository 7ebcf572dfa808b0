import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { CliCommand, CliIo } from '../cliTypes';
import { ExitCode, UsageError } from '../cliTypes';
import { parseCommandArgs } from '../parseArgs';
import { fileExists, isTextFileName, readText, walkFiles } from '../files';
import { writeTextAtomic } from '../../node/atomicWrite';
import { importFile } from '../../core/formats/importFormat';
import { formatById, importFormatsForFile } from '../../core/formats/formatRegistry';
import type { FormatId, SourceDocument } from '../../core/formats/formatTypes';
import type { Annotation } from '../../core/model/annotation';
import { DEFAULT_LABELS } from '../../core/model/labels';
import { importDocuments } from '../../core/exchange/importDocuments';
import type { ExistingSidecarChoice } from '../../core/exchange/importedSidecar';
import { importedSidecar } from '../../core/exchange/importedSidecar';
import { defaultImportAnnotator } from '../../core/exchange/importAnnotator';
import { parseSidecar } from '../../core/sidecar/parseSidecar';
import { serializeSidecar } from '../../core/sidecar/serializeSidecar';
import { DEFAULT_SIDECAR_PATTERN, sidecarFileName } from '../../core/sidecar/sidecarPath';
import type { Sidecar } from '../../core/sidecar/sidecarTypes';
import { importFormatNames, parseFormat } from '../exchange/cliFormats';
import { pathInFolder, resolveInside } from '../exchange/folderPaths';

/** One text that receives annotations, and from which imported file. */
interface Target {
  readonly text: SourceDocument;
  readonly from: string;
  readonly annotator: string;
  readonly annotations: readonly Annotation[];
  readonly date?: string;
}

/**
 * `tawsim import`: annotations made in another tool become sidecars beside the texts. All or
 * nothing: any error in any file, any sidecar that would be overwritten without `--force` (or
 * merged into with `--merge`), and nothing is written.
 */
export const importCommand: CliCommand = {
  name: 'import',
  summary: 'import brat, CoNLL, doccano, Label Studio or TimeML annotations into sidecars',
  usage: `tawsim import --format ${importFormatNames().join('|')} --into FOLDER [--annotator NAME] [--pattern PATTERN] [--force | --merge] FILE...`,
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseCommandArgs(args, {
      format: { type: 'string' },
      into: { type: 'string' },
      annotator: { type: 'string' },
      pattern: { type: 'string' },
      force: { type: 'boolean' },
      merge: { type: 'boolean' },
    });
    if (positionals.length === 0) throw new UsageError('name at least one file to import');
    if (typeof values['into'] !== 'string') throw new UsageError('--into FOLDER is required: the folder that holds the texts');
    if (values['force'] === true && values['merge'] === true) throw new UsageError('choose either --force (replace) or --merge');
    const format = typeof values['format'] === 'string' ? parseFormat(values['format'], 'import') : inferFormat(positionals);
    const pattern = typeof values['pattern'] === 'string' ? values['pattern'] : DEFAULT_SIDECAR_PATTERN;
    if (!pattern.includes('${file}')) throw new UsageError('--pattern must contain ${file}');
    const choice: ExistingSidecarChoice | undefined = values['force'] === true ? 'replace' : values['merge'] === true ? 'merge' : undefined;
    const into = path.resolve(values['into']);
    if (!(await fs.stat(into).catch(() => undefined))?.isDirectory()) {
      io.err(`tawsim import: ${values['into']} is not a folder`);
      return ExitCode.badInput;
    }

    const errors: string[] = [];
    const texts = await readTexts(into);
    const targets = new Map<string, Target>();
    for (const file of positionals) {
      let content: string;
      try {
        content = await readText(file);
      } catch (e) {
        errors.push(`${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
        continue;
      }
      const inFolder = pathInFolder(into, file);
      const plan = importDocuments(format, { name: file, ...(inFolder !== undefined ? { pathInFolder: inFolder } : {}), content }, texts);
      if ('message' in plan) {
        errors.push(plan.message);
        continue;
      }
      const result = importFile(format, { content, fileName: file, documents: plan.documents, labels: DEFAULT_LABELS });
      errors.push(...result.errors.map((e) => e.message));
      for (const w of result.warnings) io.err(`warning: ${w}`);
      const annotator = typeof values['annotator'] === 'string' ? values['annotator'] : defaultImportAnnotator(file, formatById(format)?.manyDocumentsPerFile ?? true);
      for (const doc of result.documents) {
        const textPath = plan.textPath(doc.path);
        const text = texts.find((t) => t.path === textPath);
        const earlier = targets.get(textPath);
        if (!text) errors.push(`${file}: no text ${textPath} in ${into}`);
        else if (earlier) errors.push(`${textPath} gets annotations from both ${earlier.from} and ${file}; import them one at a time`);
        else targets.set(textPath, { text, from: file, annotator, annotations: doc.annotations, ...(doc.date !== undefined ? { date: doc.date } : {}) });
      }
    }

    const writes: { file: string; content: string; count: number }[] = [];
    for (const target of targets.values()) {
      try {
        const write = await planSidecar(into, target, pattern, choice);
        writes.push(write);
      } catch (e) {
        errors.push((e as Error).message);
      }
    }
    if (errors.length > 0) {
      for (const e of errors) io.err(`tawsim import: ${e}`);
      io.err('tawsim import: nothing was written');
      return ExitCode.badInput;
    }
    for (const w of writes) await writeTextAtomic(w.file, w.content);
    const count = writes.reduce((n, w) => n + w.count, 0);
    for (const w of writes) io.out(`${w.file}: ${w.count} annotation${w.count === 1 ? '' : 's'}`);
    io.out(`${count} annotation${count === 1 ? '' : 's'} imported into ${writes.length} sidecar${writes.length === 1 ? '' : 's'}`);
    return ExitCode.ok;
  },
};

function inferFormat(files: readonly string[]): FormatId {
  const candidates = importFormatsForFile(path.basename(files[0] ?? ''));
  const [only] = candidates;
  if (candidates.length !== 1 || !only) throw new UsageError(`--format is required: the format of ${files[0] ?? 'the file'} cannot be told from its name`);
  return only.id;
}

/** Every text in the folder, relative to it, in path order (the order exports write documents in). */
async function readTexts(folder: string): Promise<SourceDocument[]> {
  const texts: SourceDocument[] = [];
  for await (const file of walkFiles([folder], isTextFileName)) {
    const relative = pathInFolder(folder, file);
    // A text that is not UTF-8 cannot be annotated, so it cannot be an import's target either.
    const text = relative !== undefined ? await readText(file).catch(() => undefined) : undefined;
    if (relative !== undefined && text !== undefined) texts.push({ path: relative, text });
  }
  return texts.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

async function planSidecar(into: string, target: Target, pattern: string, choice: ExistingSidecarChoice | undefined): Promise<{ file: string; content: string; count: number }> {
  const textFile = resolveInside(into, target.text.path);
  const textName = path.basename(textFile);
  const file = path.join(path.dirname(textFile), sidecarFileName(textName, target.annotator, pattern));
  let existing: { sidecar: Sidecar; choice: ExistingSidecarChoice } | undefined;
  if (await fileExists(file)) {
    if (!choice) throw new Error(`${file} already exists; add --force to replace it or --merge to add the imported annotations to it`);
    const parsed = parseSidecar(await readText(file), { labels: DEFAULT_LABELS });
    if (!parsed.sidecar || !parsed.writable) {
      const problem = parsed.problems.find((p) => p.severity === 'error') ?? parsed.problems[0];
      throw new Error(`${file}:${problem?.line ?? 1}: ${problem?.message ?? 'cannot be read'}; it is not replaced or merged into until it is fixed`);
    }
    existing = { sidecar: parsed.sidecar, choice };
  }
  const sidecar = importedSidecar({
    text: target.text.text,
    textName,
    annotator: target.annotator,
    annotations: target.annotations,
    ...(existing ? { existing } : {}),
    ...(target.date !== undefined ? { date: target.date } : {}),
  });
  return { file, content: serializeSidecar(sidecar), count: sidecar.annotations.length };
}
