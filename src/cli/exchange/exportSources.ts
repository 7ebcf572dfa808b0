import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { isSidecarFileName, textOfSidecar } from '../../core/sidecar/sidecarPath';
import { MAX_SIDECAR_BYTES, parseSidecar } from '../../core/sidecar/parseSidecar';
import type { Sidecar } from '../../core/sidecar/sidecarTypes';
import { DEFAULT_LABELS } from '../../core/model/labels';
import { walkFiles } from '../files';
import type { WalkNote } from '../files';
import { FileProblem, problemOf, readExistingText, shownPath } from '../../node/readRegularFile';
import { pathInFolder } from './folderPaths';

/** A sidecar found for export, with the absolute path of its text. */
export interface ExportSource {
  readonly sidecarFile: string;
  readonly sidecar: Sidecar;
  readonly textFile: string;
  /** The real path of the sidecar's folder: the text must be a regular file inside it. */
  readonly folderReal: string;
}

export interface ExportSources {
  readonly sources: readonly ExportSource[];
  /** The folders the inputs name (a file's own folder), from which export paths are made relative. */
  readonly folders: readonly string[];
  /** True when a folder was walked, so progress is worth showing. */
  readonly walked: boolean;
  /** One complete sentence per problem, naming the file; nothing is exported when there are any. */
  readonly problems: readonly string[];
}

/** Recovery files sit beside broken sidecars; they are someone's rescue copy, not the annotations. */
const RECOVERED = /\.recovered\.ann\.yaml$/;

/**
 * The sidecars to export for files and folders on the command line. A text names its sidecars
 * (`a.txt.ann.yaml`, `a.txt.salma.ann.yaml`); a folder gives every sidecar under it. When a text has
 * several sidecars, `annotator` chooses; without it that is a problem, since an export holds one
 * set of annotations per text.
 */
export async function findExportSources(inputs: readonly string[], annotator: string | undefined): Promise<ExportSources> {
  const problems: string[] = [];
  const sidecarFiles: string[] = [];
  const folders: string[] = [];
  let walked = false;
  for (const input of inputs) {
    const stat = await fs.stat(input).catch((e: unknown) => problemOf(input, e));
    if (stat instanceof FileProblem) {
      problems.push(stat.message);
      continue;
    }
    if (stat.isDirectory()) {
      walked = true;
      folders.push(input);
      const note: WalkNote = (file, problem) => problems.push(`${shownPath(file)}: ${problem}`);
      for await (const file of walkFiles([input], (name) => isSidecarFileName(name) && !RECOVERED.test(name), note)) sidecarFiles.push(file);
    } else if (isSidecarFileName(path.basename(input))) {
      folders.push(path.dirname(input));
      sidecarFiles.push(input);
    } else {
      folders.push(path.dirname(input));
      const found = await sidecarsOfText(input);
      if (found.length === 0) problems.push(`${shownPath(input)}: has no sidecar (${path.basename(input)}.ann.yaml) to export`);
      sidecarFiles.push(...found);
    }
  }
  const byText = new Map<string, ExportSource[]>();
  for (const file of [...new Set(sidecarFiles.map((f) => path.resolve(f)))]) {
    const source = await readSource(file, problems);
    if (!source || (annotator !== undefined && source.sidecar.annotator !== annotator)) continue;
    byText.set(source.textFile, [...(byText.get(source.textFile) ?? []), source]);
  }
  const sources: ExportSource[] = [];
  for (const [textFile, list] of byText) {
    if (list.length > 1) {
      const who = list.map((s) => `${path.basename(s.sidecarFile)} (${s.sidecar.annotator})`).join(', ');
      problems.push(`${shownPath(textFile)}: has several sidecars (${who}); choose one with --annotator NAME`);
    } else if (list[0]) {
      sources.push(list[0]);
    }
  }
  return { sources, folders, walked, problems };
}

async function sidecarsOfText(textFile: string): Promise<string[]> {
  const folder = path.dirname(textFile);
  const name = path.basename(textFile);
  const entries = await fs.readdir(folder);
  return entries
    .filter((e) => !RECOVERED.test(e) && textOfSidecar(e, new Set([name]))?.text === name)
    .sort()
    .map((e) => path.join(folder, e));
}

async function readSource(sidecarFile: string, problems: string[]): Promise<ExportSource | undefined> {
  let content: string;
  try {
    // A sidecar the walk found through a link inside its folder, or one named: read where it points.
    content = await readExistingText(await fs.realpath(sidecarFile), { maxBytes: MAX_SIDECAR_BYTES });
  } catch (e) {
    // The message names the file once (a problem of reading it already starts with its name).
    problems.push(`${shownPath(sidecarFile)}: ${problemOf(sidecarFile, e).problem}`);
    return undefined;
  }
  const parsed = parseSidecar(content, { labels: DEFAULT_LABELS });
  if (!parsed.sidecar) {
    for (const p of parsed.problems.filter((q) => q.severity === 'error')) problems.push(`${shownPath(sidecarFile)}:${p.line ?? 1}: ${p.message}`);
    return undefined;
  }
  const folder = path.dirname(sidecarFile);
  const textFile = path.resolve(folder, parsed.sidecar.document.path);
  if (pathInFolder(folder, textFile) === undefined) {
    problems.push(`${shownPath(sidecarFile)}: document.path ${JSON.stringify(parsed.sidecar.document.path)} points outside the sidecar's folder`);
    return undefined;
  }
  return { sidecarFile, sidecar: parsed.sidecar, textFile, folderReal: await fs.realpath(folder) };
}
