import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { FormatId, ImportOptions } from '../../core/formats/formatTypes';
import { conllPathsFileName } from '../../core/formats/conllExport';
import { parseConllPaths } from '../../core/exchange/importDocuments';

/** What the files beside an imported file add: brat's .txt starting with a byte order mark, a CoNLL export's list of paths. */
export interface Companions {
  readonly options: ImportOptions;
  readonly conllPaths?: readonly string[];
  readonly error?: string;
}

/**
 * brat counts a byte order mark at the start of its .txt as a character, so whether the .txt beside
 * the .ann has one decides its offsets; a CoNLL export names its documents in `<file>.paths`.
 */
export async function readCompanions(format: FormatId, file: string, options: ImportOptions): Promise<Companions> {
  if (format === 'brat') {
    const txt = `${file.replace(/\.ann$/i, '')}.txt`;
    const head = await readHead(txt);
    if (head && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { options: { ...options, brat: { ...options.brat, textStartsWithBom: true } } };
  }
  if (format === 'conll') {
    const pathsFile = conllPathsFileName(file);
    const content = await fs.readFile(pathsFile, 'utf8').catch(() => undefined);
    if (content !== undefined) {
      const paths = parseConllPaths(content, pathsFile);
      if ('message' in paths) return { options, error: paths.message };
      return { options, conllPaths: paths };
    }
  }
  return { options };
}

async function readHead(file: string): Promise<Uint8Array | undefined> {
  const handle = await fs.open(path.resolve(file), 'r').catch(() => undefined);
  if (!handle) return undefined;
  try {
    const buffer = new Uint8Array(3);
    const { bytesRead } = await handle.read(buffer, 0, 3, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
