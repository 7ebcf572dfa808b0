import * as path from 'node:path';
import type { CliCommand, CliIo } from '../cliTypes';
import { ExitCode, UsageError } from '../cliTypes';
import { parseCommandArgs } from '../parseArgs';
import { writeFailure } from '../writeFailure';
import { commitPlan } from '../../node/checkedWrite';
import type { WriteResult } from '../../node/checkedWrite';
import { problemOf, readExistingText, shownPath } from '../../node/readRegularFile';
import { exportDocuments } from '../../core/formats/exportFormat';
import type { ExportDocument } from '../../core/formats/formatTypes';
import { DEFAULT_LABELS } from '../../core/model/labels';
import { annotationsForExport } from '../../core/exchange/annotationsForExport';
import { spansNamedByWarnings } from '../../core/exchange/exportReport';
import { cliFormatName, exportFormatNames, parseFormat } from '../exchange/cliFormats';
import { findExportSources } from '../exchange/exportSources';
import { EXPORT_OPTION_SPEC, EXPORT_OPTIONS_USAGE, exportOptionsFromArgs } from '../exchange/exchangeOptions';
import { commonFolder, pathInFolder } from '../exchange/folderPaths';
import { EXPORT_MANIFEST, planExport } from '../exchange/exportPlan';

/** `tawsim export`: sidecars and their texts to an interchange format, in a folder of its own. */
export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'export annotations to brat, CoNLL, doccano, Label Studio, CSV, TimeML, JSON, WebAnno TSV or spaCy/Prodigy JSONL',
  usage: `tawsim export --format ${exportFormatNames().join('|')} ${EXPORT_OPTIONS_USAGE} [--annotator NAME] [--out DIR] [--force] [--progress] FILE_OR_FOLDER...`,
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseCommandArgs(args, {
      format: { type: 'string' },
      ...EXPORT_OPTION_SPEC,
      annotator: { type: 'string' },
      out: { type: 'string' },
      progress: { type: 'boolean' },
      force: { type: 'boolean' },
    });
    if (typeof values['format'] !== 'string') throw new UsageError('--format is required');
    const format = parseFormat(values['format'], 'export');
    const options = exportOptionsFromArgs(format, values);
    if (positionals.length === 0) throw new UsageError('name at least one text, sidecar or folder');
    const out = path.resolve(typeof values['out'] === 'string' ? values['out'] : `export-${cliFormatName(format)}`);
    const annotator = typeof values['annotator'] === 'string' ? values['annotator'] : undefined;

    const found = await findExportSources(positionals, annotator);
    if (found.problems.length > 0) {
      for (const p of found.problems) io.err(`tawsim export: ${p}`);
      io.err('tawsim export: nothing was written');
      return ExitCode.badInput;
    }
    if (found.sources.length === 0) {
      io.err(`tawsim export: no sidecars found in ${positionals.join(', ')}${annotator !== undefined ? ` for annotator ${annotator}` : ''}; nothing was written`);
      return ExitCode.badInput;
    }
    // Paths inside the export are relative to the folder that holds every input, so two texts of
    // one name in different folders keep apart, and CoNLL documents follow path order.
    const root = commonFolder(found.folders);
    const showProgress = found.walked && (values['progress'] === true || process.stderr.isTTY === true);
    const documents: ExportDocument[] = [];
    const sources = [...found.sources].sort((a, b) => compare(relativeTo(root, a.textFile), relativeTo(root, b.textFile)));
    for (const [i, source] of sources.entries()) {
      let text: string;
      try {
        // A regular file inside the sidecar's real folder: a link to a file elsewhere is not exported.
        text = await readExistingText(source.textFile, { inside: source.folderReal });
      } catch (e) {
        io.err(`tawsim export: ${shownPath(source.sidecarFile)}: cannot read its text: ${problemOf(source.textFile, e).message}; nothing was written`);
        return ExitCode.badInput;
      }
      documents.push({
        path: relativeTo(root, source.textFile),
        text,
        annotations: annotationsForExport(source.sidecar, text),
        ...(source.sidecar.relations?.length ? { relations: source.sidecar.relations } : {}),
        annotator: source.sidecar.annotator,
        ...(source.sidecar.document.date !== undefined ? { date: source.sidecar.document.date } : {}),
      });
      if (showProgress) io.err(`${i + 1}/${sources.length}`);
    }

    let result: ReturnType<typeof exportDocuments>;
    let written: WriteResult[];
    try {
      result = exportDocuments(format, { documents, labels: DEFAULT_LABELS, options });
      // Every path and every file in the way is checked before the first write, and the files are
      // written all or nothing: a problem anywhere leaves nothing half written.
      const inputs = new Map<string, 'text' | 'sidecar'>();
      for (const s of sources) inputs.set(path.resolve(s.textFile), 'text').set(path.resolve(s.sidecarFile), 'sidecar');
      const filesOf = (document: string): string[] =>
        exportDocuments(format, { documents: documents.filter((d) => d.path === document), labels: DEFAULT_LABELS, options }).files.map((f) => f.relativePath);
      const plan = await planExport({ out, targets: result.files, documents: documents.map((d) => d.path), filesOf, inputs, force: values['force'] === true });
      if (plan.problems.length > 0) {
        for (const p of plan.problems) io.err(`tawsim export: ${p}`);
        io.err('tawsim export: nothing was written');
        return ExitCode.badInput;
      }
      written = await commitPlan(plan.writes);
    } catch (e) {
      io.err(`tawsim export: ${writeFailure(e)}`);
      return ExitCode.badInput;
    }
    for (const w of result.warnings) io.err(`${w.notice ? 'note' : 'warning'}: ${w.message}`);
    const spans = spansNamedByWarnings(result.warnings);
    if (spans > 0) io.err(`tawsim export: ${spans} span${spans === 1 ? '' : 's'} left out or changed by the ${cliFormatName(format)} format (listed above)`);
    const files = written.filter((w) => path.basename(w.file) !== EXPORT_MANIFEST);
    const unchanged = files.filter((w) => w.outcome === 'unchanged').length;
    io.out(
      `${documents.length} document${documents.length === 1 ? '' : 's'} exported to ${out} (${files.length} file${files.length === 1 ? '' : 's'}${unchanged > 0 ? `, ${unchanged} unchanged` : ''})`,
    );
    return ExitCode.ok;
  },
};

function relativeTo(root: string, file: string): string {
  return pathInFolder(root, file) ?? path.basename(file);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
