import * as path from 'node:path';
import { sha256Hex } from '../../core/sidecar/hash';
import type { PlannedWrite } from '../../node/checkedWrite';
import { decodeUtf8, problemOf, readRegularFile, shownPath } from '../../node/readRegularFile';
import { resolveInside } from './folderPaths';

/**
 * The record an export keeps in its folder of the files it wrote and their sha256, so that the
 * next export into the folder replaces its own files, and only those still as it wrote them: a
 * file edited since (brat work in progress), or one it never wrote (another article, someone
 * else's file), is not overwritten without `--force`.
 */
export const EXPORT_MANIFEST = '.tawsim-export.json';

/** One output file of a format, relative to the export folder. */
export interface ExportTarget {
  readonly relativePath: string;
  readonly content: string;
}

export interface ExportPlan {
  readonly writes: readonly PlannedWrite[];
  /** One sentence per problem, naming the file; nothing is written when there are any. */
  readonly problems: readonly string[];
}

export interface ExportPlanInput {
  readonly out: string;
  readonly targets: readonly ExportTarget[];
  /** Documents exported (relative paths), and the files each gives alone: to name those that would write one file twice. */
  readonly documents: readonly string[];
  readonly filesOf: (document: string) => readonly string[];
  /** Files that must never be written: the inputs' texts and sidecars. */
  readonly inputs: ReadonlyMap<string, 'text' | 'sidecar'>;
  /** `--force`: replace files the previous export did not write, or that were edited since. */
  readonly force: boolean;
}

/**
 * Plans an export's writes: every output path inside the folder, no two documents onto one file,
 * no input overwritten, and no file replaced that this tool's previous export did not leave there
 * unchanged (unless forced). Each write carries what was on disk, so the commit stops if another
 * program changes a file in the meantime.
 */
export async function planExport(input: ExportPlanInput): Promise<ExportPlan> {
  const problems: string[] = [];
  const byFile = new Map<string, ExportTarget>();
  const twice = new Set<string>();
  for (const t of input.targets) {
    let file: string;
    try {
      file = resolveInside(input.out, t.relativePath);
    } catch (e) {
      problems.push((e as Error).message);
      continue;
    }
    if (byFile.has(file)) twice.add(t.relativePath);
    else byFile.set(file, t);
  }
  if (twice.size > 0) {
    // Which documents collide: each exported alone (only on this error path) says which files it gives.
    const owners = new Map<string, string[]>();
    for (const d of input.documents) for (const rel of input.filesOf(d)) if (twice.has(rel)) owners.set(rel, [...(owners.get(rel) ?? []), d]);
    const byOwners = new Map<string, string[]>();
    for (const [rel, who] of owners) byOwners.set(who.join(', '), [...(byOwners.get(who.join(', ')) ?? []), shownPath(path.join(input.out, rel))]);
    for (const [who, files] of byOwners) {
      problems.push(`two documents (${who}) would be exported to the same file${files.length === 1 ? '' : 's'} ${files.join(', ')}; rename one, or export them apart`);
    }
  }
  const manifestFile = path.join(input.out, EXPORT_MANIFEST);
  const manifest = await readManifest(manifestFile, problems);
  const writes: PlannedWrite[] = [];
  for (const [file, t] of byFile) {
    const kind = input.inputs.get(file);
    if (kind) {
      problems.push(`the export would overwrite the ${kind} ${shownPath(file)}, one of its own inputs; choose another --out folder`);
      continue;
    }
    let current: string | undefined;
    try {
      const read = await readRegularFile(file);
      current = read === undefined ? undefined : decodeUtf8(read.bytes, file);
    } catch (e) {
      problems.push(`${problemOf(file, e).message}; the export does not replace it`);
      continue;
    }
    if (current !== undefined && current !== t.content && !input.force && manifest.files.get(t.relativePath) !== sha256Hex(current)) {
      const why = manifest.files.has(t.relativePath) ? 'was changed since the last export wrote it' : 'was not written by an earlier export';
      problems.push(`${shownPath(file)} already exists and ${why}; it is not overwritten (add --force to replace it, or choose another --out folder)`);
      continue;
    }
    writes.push({ file, expected: current, next: t.content, onConflict: 'fail' });
  }
  if (problems.length > 0) return { writes: [], problems };
  const files = new Map(manifest.files);
  for (const t of byFile.values()) files.set(t.relativePath, sha256Hex(t.content));
  const next = `${JSON.stringify({ 'tawsim-export': 1, files: Object.fromEntries([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) }, null, 1)}\n`;
  writes.push({ file: manifestFile, expected: manifest.content, next, onConflict: 'fail' });
  return { writes, problems };
}

async function readManifest(file: string, problems: string[]): Promise<{ content: string | undefined; files: Map<string, string> }> {
  let content: string | undefined;
  try {
    const read = await readRegularFile(file);
    content = read === undefined ? undefined : decodeUtf8(read.bytes, file);
  } catch (e) {
    problems.push(`${problemOf(file, e).message}; remove it to export into this folder`);
    return { content: undefined, files: new Map() };
  }
  const files = new Map<string, string>();
  if (content === undefined) return { content, files };
  try {
    const value = JSON.parse(content) as { files?: Record<string, unknown> };
    for (const [rel, sha] of Object.entries(value.files ?? {})) if (typeof sha === 'string') files.set(rel, sha);
  } catch {
    // An unreadable record vouches for no file: existing files then need --force, as if it were absent.
  }
  return { content, files };
}
