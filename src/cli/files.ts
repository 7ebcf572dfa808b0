import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { isSidecarFileName } from '../core/sidecar/sidecarPath';

/**
 * Reads a UTF-8 file strictly (invalid UTF-8 is an error naming the file), without a BOM. With
 * `maxBytes`, a larger file is refused before it is read, so a huge file costs no memory.
 */
export async function readText(file: string, maxBytes = Number.POSITIVE_INFINITY): Promise<string> {
  if (Number.isFinite(maxBytes)) {
    const { size } = await fs.stat(file);
    if (size > maxBytes) throw new Error(`${file}: the file is ${Math.round(size / 1048576)} MB, larger than ${Math.round(maxBytes / 1048576)} MB; not read`);
  }
  const bytes = await fs.readFile(file);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error(`${file}: not valid UTF-8 text`);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export async function fileExists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}

/**
 * Expands files and folders into files, walking folders depth first in name order (skipping
 * dot-folders and node_modules), keeping only names accepted by `keep`.
 */
export async function* walkFiles(inputs: readonly string[], keep: (name: string) => boolean): AsyncGenerator<string> {
  for (const input of inputs) {
    const stat = await fs.stat(input);
    if (stat.isDirectory()) yield* walkFolder(input, keep);
    else yield input;
  }
}

async function* walkFolder(folder: string, keep: (name: string) => boolean): AsyncGenerator<string> {
  const entries = (await fs.readdir(folder, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) yield* walkFolder(full, keep);
    else if (entry.isFile() && keep(entry.name)) yield full;
  }
}

/** Text files Tawsim annotates by default (the `tawsim.files` default). */
export function isTextFileName(name: string): boolean {
  return (name.endsWith('.txt') || name.endsWith('.md')) && !isSidecarFileName(name);
}
