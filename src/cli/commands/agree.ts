import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { CliCommand, CliIo } from '../cliTypes';
import { ExitCode, UsageError } from '../cliTypes';
import { parseCommandArgs } from '../parseArgs';
import { walkFiles } from '../files';
import type { WalkNote } from '../files';
import { FileProblem, problemOf, readExistingText, shownPath } from '../../node/readRegularFile';
import { isSidecarFileName, textOfSidecar } from '../../core/sidecar/sidecarPath';
import { MAX_SIDECAR_BYTES, parseSidecar } from '../../core/sidecar/parseSidecar';
import { placeForComparison } from '../../core/review/placeForComparison';
import { sha256Hex } from '../../core/sidecar/hash';
import type { Sidecar } from '../../core/sidecar/sidecarTypes';
import { DEFAULT_LABELS } from '../../core/model/labels';
import { STALE_REASON } from '../../core/review/annotatorSet';
import type { AnnotatorSet } from '../../core/review/annotatorSet';
import type { DocumentInput } from '../../core/review/agreementCounts';
import { measureAgreement } from '../../core/review/measureAgreement';
import { formatAgreementTable } from '../../core/review/agreementTable';
import { agreementToJson } from '../../core/review/agreementJson';
import { agreementToCsv } from '../../core/review/agreementCsv';
import { agreementGate } from '../../core/review/agreementGate';

/** Adjudicated and recovery files are not an annotator's work; folders are read without them. */
const NOT_ANNOTATORS = /\.(gold|recovered)\.ann\.yaml$/;

interface SidecarInput {
  readonly file: string;
  /** The folder it was found under (or its own folder), which document names are relative to. */
  readonly base: string;
}

interface Group {
  readonly name: string;
  readonly text: string;
  /** Hashed once for every sidecar of this text. */
  readonly sha256: string;
  readonly sets: AnnotatorSet[];
}

/** `tawsim agree`: agreement figures over annotators' sidecars, grouped by the text they annotate. */
export const agreeCommand: CliCommand = {
  name: 'agree',
  summary: "agreement between annotators: P/R/F1, Cohen's κ, Krippendorff's α, Fleiss' κ",
  usage:
    'tawsim agree [--by label] [--json | --csv] [--fail-under KAPPA] SIDECAR_OR_FOLDER...\n' +
    '  Sidecars of the same text are compared with each other; folders are searched for sidecars\n' +
    '  (*.gold.ann.yaml and *.recovered.ann.yaml left out unless named). --by label adds a row per label.\n' +
    "  --fail-under KAPPA: exit 1 when a pair's Cohen's κ (or Fleiss' κ, three annotators or more) is below it.",
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseCommandArgs(args, { by: { type: 'string' }, json: { type: 'boolean' }, csv: { type: 'boolean' }, 'fail-under': { type: 'string' } });
    if (positionals.length === 0) throw new UsageError('name at least one sidecar or folder');
    if (values['by'] !== undefined && values['by'] !== 'label') throw new UsageError(`--by takes "label", not "${String(values['by'])}"`);
    if (values['json'] === true && values['csv'] === true) throw new UsageError('choose one of --json and --csv');
    const failUnder = values['fail-under'] === undefined ? undefined : Number(values['fail-under']);
    if (failUnder !== undefined && !(Number.isFinite(failUnder) && failUnder >= -1 && failUnder <= 1)) {
      throw new UsageError(`--fail-under takes a κ from -1 to 1, such as 0.7, not "${String(values['fail-under'])}"`);
    }

    let bad = false;
    const complain = (line: string): void => {
      bad = true;
      io.err(line);
    };
    const inputs = await collectSidecars(positionals, complain, io);
    const groups = await groupByText(inputs, complain);
    const documents: DocumentInput[] = [];
    for (const g of groups.values()) {
      if (g.sets.length < 2) {
        io.err(`${g.name}: skipped, only one annotator's sidecar`);
        continue;
      }
      documents.push({ document: g.name, text: g.text, sets: g.sets });
    }
    if (documents.length === 0) {
      io.err('no text has sidecars of two or more annotators');
      return ExitCode.badInput;
    }
    const report = measureAgreement(documents, { labels: DEFAULT_LABELS });
    const output =
      values['json'] === true
        ? agreementToJson(report)
        : values['csv'] === true
          ? agreementToCsv(report)
          : formatAgreementTable(report, { byLabel: values['by'] === 'label', perDocument: documents.length > 1 });
    io.out(output.replace(/\r?\n$/, ''));
    if (failUnder !== undefined) {
      // On stderr, so --json and --csv output stays one document.
      const gate = agreementGate(report, failUnder);
      for (const c of gate.checks) io.err(`${c.passed ? 'passed' : 'FAILED'}: ${c.what} = ${c.value === null ? 'undefined' : c.value.toFixed(3)} (at least ${failUnder})`);
      if (!gate.passed) return ExitCode.badInput;
    }
    return bad ? ExitCode.badInput : ExitCode.ok;
  },
};

async function collectSidecars(inputs: readonly string[], complain: (line: string) => void, io: CliIo): Promise<SidecarInput[]> {
  const found: SidecarInput[] = [];
  for (const input of inputs) {
    let isFolder: boolean;
    try {
      isFolder = (await fs.stat(input)).isDirectory();
    } catch (e) {
      complain(problemOf(input, e).message);
      continue;
    }
    if (!isFolder) {
      if (isSidecarFileName(path.basename(input))) found.push({ file: input, base: path.dirname(input) });
      else complain(`${input}: not a sidecar (*.ann.yaml)`);
      continue;
    }
    const note: WalkNote = (file, problem, severity) => (severity === 'error' ? complain(`${shownPath(file)}: ${problem}`) : io.err(`${shownPath(file)}: ${problem}`));
    for await (const file of walkFiles([input], (name) => isSidecarFileName(name) && !NOT_ANNOTATORS.test(name), note)) found.push({ file, base: input });
  }
  return found;
}

/**
 * Reads each sidecar and its text, and groups the sidecars by text. A sidecar saved for another
 * version of the text is re-anchored by its quotes; when some quotes are gone it is kept as a stale
 * set, so the figures list it as excluded with the reason instead of comparing wrong offsets.
 */
async function groupByText(inputs: readonly SidecarInput[], complain: (line: string) => void): Promise<Map<string, Group>> {
  const groups = new Map<string, Group>();
  const texts = new Map<string, string | Error>();
  for (const { file, base } of inputs) {
    let content: string;
    try {
      content = await readExistingText(await fs.realpath(file), { maxBytes: MAX_SIDECAR_BYTES });
    } catch (e) {
      complain(`${shownPath(file)}: error: ${problemOf(file, e).problem}; left out`);
      continue;
    }
    const parsed = parseSidecar(content, { labels: DEFAULT_LABELS });
    if (!parsed.sidecar) {
      const first = parsed.problems.find((p) => p.severity === 'error');
      complain(`${shownPath(file)}:${first?.line ?? 1}: error: ${first?.message ?? 'not a sidecar'}; left out`);
      continue;
    }
    const sidecar = parsed.sidecar;
    const folder = path.dirname(file);
    const textFile = path.resolve(folder, sidecar.document.path);
    if (path.relative(folder, textFile).startsWith('..') || path.isAbsolute(path.relative(folder, textFile))) {
      complain(`${shownPath(file)}: error: document.path "${sidecar.document.path}" points outside the sidecar's folder; left out`);
      continue;
    }
    if (!texts.has(textFile)) texts.set(textFile, await readTextInside(textFile, folder));
    const text = texts.get(textFile);
    if (text === undefined || text instanceof Error) {
      complain(`${shownPath(file)}: error: cannot read the text ${sidecar.document.path}: ${text instanceof FileProblem ? text.problem : (text?.message ?? '')}; left out`);
      continue;
    }
    let group = groups.get(textFile);
    if (!group) {
      group = { name: path.relative(base, textFile).split(path.sep).join('/') || path.basename(textFile), text, sha256: sha256Hex(text), sets: [] };
      groups.set(textFile, group);
    }
    group.sets.push(annotatorSet(file, path.basename(textFile), sidecar, group));
  }
  return groups;
}

/** A sidecar's text: a regular file whose real path is in the sidecar's real folder, or why it cannot be read. */
async function readTextInside(textFile: string, folder: string): Promise<string | Error> {
  try {
    return await readExistingText(textFile, { inside: await fs.realpath(folder) });
  } catch (e) {
    return problemOf(textFile, e);
  }
}

function annotatorSet(file: string, textName: string, sidecar: Sidecar, group: Group): AnnotatorSet {
  // An empty annotator field: the name's `${annotator}` part, else the file name, keeps sets apart.
  const hint = textOfSidecar(path.basename(file), new Set([textName]))?.annotator;
  const name = sidecar.annotator.trim() || hint || path.basename(file);
  const placed = placeForComparison(sidecar, group.text, group.sha256);
  if (!placed.stale) return { annotator: name, annotations: placed.annotations, ...(sidecar.relations?.length ? { relations: sidecar.relations } : {}) };
  return { annotator: name, annotations: [], stale: true, staleReason: `${STALE_REASON}; ${placed.orphans} of its tags could not be placed in the current text` };
}
