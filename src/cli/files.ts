import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { isSidecarFileName } from '../core/sidecar/sidecarPath';
import { FileProblem, MAX_READ_BYTES, problemOf, readExistingText } from '../node/readRegularFile';

/**
 * Reads a UTF-8 file strictly (invalid UTF-8 is an error naming the file), without a BOM: a regular
 * file only, refused beyond `maxBytes` (64 MB unless told) before it is read. The error names the
 * file once and says why.
 */
export async function readText(file: string, maxBytes = MAX_READ_BYTES): Promise<string> {
  return readExistingText(file, { maxBytes });
}

/** What a walk leaves out and why (a link leading outside its folder, an input that does not exist). */
export type WalkNote = (file: string, problem: string, severity: 'error' | 'warning') => void;

/**
 * Expands files and folders into files, walking folders depth first in name order (skipping
 * dot-folders and node_modules), keeping only names accepted by `keep`. A file is given once
 * however often it is named (by its real path). In folders:
 * - a symbolic link to a file is followed only when the file's real path is inside the folder
 *   walked; otherwise it is left out with a note (a link must not bring in a file from elsewhere);
 * - links to folders are not followed (a note), nor is anything but regular files given.
 * A file named on the command line is taken as named. An input that does not exist is a note
 * (`error`), and the walk goes on; without `note` it throws.
 */
export async function* walkFiles(inputs: readonly string[], keep: (name: string) => boolean, note?: WalkNote): AsyncGenerator<string> {
  const seen = new Set<string>();
  const report: WalkNote =
    note ??
    ((file, problem) => {
      throw new FileProblem(file, problem);
    });
  for (const input of inputs) {
    let stat;
    try {
      stat = await fs.stat(input);
    } catch (e) {
      report(input, problemOf(input, e).problem, 'error');
      continue;
    }
    const real = await fs.realpath(input);
    if (!stat.isDirectory()) {
      if (!seen.has(real)) yield input;
      seen.add(real);
      continue;
    }
    yield* walkFolder(input, { input, real }, keep, seen, report);
  }
}

/** The folder a walk started from, as named and as its real path. */
interface WalkRoot {
  readonly input: string;
  readonly real: string;
}

async function* walkFolder(folder: string, root: WalkRoot, keep: (name: string) => boolean, seen: Set<string>, note: WalkNote): AsyncGenerator<string> {
  const entries = (await fs.readdir(folder, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      yield* walkFolder(full, root, keep, seen, note);
      continue;
    }
    if (!keep(entry.name)) continue;
    let real = full;
    if (entry.isSymbolicLink()) {
      const target = await fs.realpath(full).catch(() => undefined);
      const stat = target !== undefined ? await fs.stat(target).catch(() => undefined) : undefined;
      if (target === undefined || !stat) {
        note(full, 'is a symbolic link to nothing; left out', 'warning');
        continue;
      }
      if (stat.isDirectory()) {
        note(full, 'is a symbolic link to a folder; not followed', 'warning');
        continue;
      }
      const relative = path.relative(root.real, target);
      if (relative.startsWith('..') || path.isAbsolute(relative)) {
        note(full, `is a symbolic link to ${target}, outside ${root.input}; not read`, 'warning');
        continue;
      }
      if (!stat.isFile()) continue;
      real = target;
    } else if (!entry.isFile()) continue;
    // Only real folders are walked, so below the root's real path nothing is a link.
    else real = path.join(root.real, path.relative(root.input, full));
    if (seen.has(real)) continue;
    seen.add(real);
    yield full;
  }
}

/** Text files Tawsim annotates by default (the `tawsim.files` default). */
export function isTextFileName(name: string): boolean {
  return (name.endsWith('.txt') || name.endsWith('.md')) && !isSidecarFileName(name);
}
