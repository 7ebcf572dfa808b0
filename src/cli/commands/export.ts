import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { CliCommand, CliIo } from '../cliTypes';
import { ExitCode, UsageError } from '../cliTypes';
import { parseCommandArgs } from '../parseArgs';
import { readText } from '../files';
import { writeTextAtomic } from '../../node/atomicWrite';
import { exportDocuments } from '../../core/formats/exportFormat';
import type { ExportDocument } from '../../core/formats/formatTypes';
import { DEFAULT_LABELS } from '../../core/model/labels';
import { annotationsForExport } from '../../core/exchange/annotationsForExport';
import { spansNamedByWarnings } from '../../core/exchange/exportReport';
import { cliFormatName, exportFormatNames, parseFormat } from '../exchange/cliFormats';
import { findExportSources } from '../exchange/exportSources';
import { EXPORT_OPTION_SPEC, EXPORT_OPTIONS_USAGE, exportOptionsFromArgs } from '../exchange/exchangeOptions';
import { commonFolder, pathInFolder, resolveInside } from '../exchange/folderPaths';

/** `tawsim export`: sidecars and their texts to an interchange format, in a folder of its own. */
export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'export annotations to brat, CoNLL, doccano, Label Studio, CSV, TimeML, JSON, WebAnno TSV or spaCy/Prodigy JSONL',
  usage: `tawsim export --format ${exportFormatNames().join('|')} ${EXPORT_OPTIONS_USAGE} [--annotator NAME] [--out DIR] [--progress] FILE_OR_FOLDER...`,
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseCommandArgs(args, {
      format: { type: 'string' },
      ...EXPORT_OPTION_SPEC,
      annotator: { type: 'string' },
      out: { type: 'string' },
      progress: { type: 'boolean' },
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
        text = await readText(source.textFile);
      } catch (e) {
        io.err(`tawsim export: ${source.sidecarFile}: cannot read its text ${source.textFile}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}; nothing was written`);
        return ExitCode.badInput;
      }
      documents.push({
        path: relativeTo(root, source.textFile),
        text,
        annotations: annotationsForExport(source.sidecar, text),
        annotator: source.sidecar.annotator,
        ...(source.sidecar.document.date !== undefined ? { date: source.sidecar.document.date } : {}),
      });
      if (showProgress) io.err(`${i + 1}/${sources.length}`);
    }

    let result: ReturnType<typeof exportDocuments>;
    let targets: { file: string; content: string }[];
    try {
      result = exportDocuments(format, { documents, labels: DEFAULT_LABELS, options });
      // Every path is checked before the first write, so a bad one leaves nothing half written.
      targets = result.files.map((f) => ({ file: resolveInside(out, f.relativePath), content: f.content }));
      // brat writes each text beside its .ann: exported into the texts' own folder it would overwrite them.
      const texts = new Set(sources.map((s) => path.resolve(s.textFile)));
      const clash = targets.find((t) => texts.has(t.file));
      if (clash) throw new Error(`the export would overwrite the text ${clash.file}; choose another --out folder`);
    } catch (e) {
      io.err(`tawsim export: ${(e as Error).message}; nothing was written`);
      return ExitCode.badInput;
    }
    for (const t of targets) {
      await fs.mkdir(path.dirname(t.file), { recursive: true });
      await writeTextAtomic(t.file, t.content);
    }
    for (const w of result.warnings) io.err(`${w.notice ? 'note' : 'warning'}: ${w.message}`);
    const spans = spansNamedByWarnings(result.warnings);
    if (spans > 0) io.err(`tawsim export: ${spans} span${spans === 1 ? '' : 's'} left out or changed by the ${cliFormatName(format)} format (listed above)`);
    io.out(`${documents.length} document${documents.length === 1 ? '' : 's'} exported to ${out} (${targets.length} file${targets.length === 1 ? '' : 's'})`);
    return ExitCode.ok;
  },
};

function relativeTo(root: string, file: string): string {
  return pathInFolder(root, file) ?? path.basename(file);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
