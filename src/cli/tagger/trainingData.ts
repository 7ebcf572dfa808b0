import * as path from 'node:path';
import type { LabelledSentence } from '../../core/tagger/labelledSentence';
import { readConll } from '../../core/tagger/labelledSentence';
import type { AnnotatedLine } from '../../core/tagger/annotatedLines';
import { annotatedLines } from '../../core/tagger/annotatedLines';
import { goldMask } from '../../core/tagger/taggerModel';
import { parseSidecar } from '../../core/sidecar/parseSidecar';
import { placeSidecarAnnotations } from '../../core/sidecar/documentAnnotations';
import { isSidecarFileName } from '../../core/sidecar/sidecarPath';
import { DEFAULT_LABELS } from '../../core/model/labels';
import { readText, walkFiles } from '../files';

/** CoNLL files as training lines: every token labelled. */
export async function conllLines(files: readonly string[], labels: readonly string[], T: number): Promise<AnnotatedLine[]> {
  const out: AnnotatedLine[] = [];
  for (const file of files) {
    const sentences: LabelledSentence[] = readConll(await readText(file), file, labels);
    for (const sentence of sentences) out.push({ offset: 0, sentence, allowed: goldMask(sentence.gold, T) });
  }
  return out;
}

/**
 * The annotated lines of every sidecar under the folders (see `annotatedLines`). A sidecar that
 * does not parse, or whose text is missing, is reported through `problem` and skipped.
 */
export async function sidecarLines(folders: readonly string[], labels: readonly string[], T: number, problem: (message: string) => void): Promise<AnnotatedLine[]> {
  const out: AnnotatedLine[] = [];
  for await (const file of walkFiles(folders, isSidecarFileName)) {
    try {
      const parsed = parseSidecar(await readText(file), { labels: DEFAULT_LABELS });
      const sidecar = parsed.sidecar;
      if (!sidecar) {
        const p = parsed.problems[0];
        problem(`${file}:${p?.line ?? 1}: ${p?.message ?? 'the sidecar cannot be read'}; skipped`);
        continue;
      }
      const text = await readText(path.join(path.dirname(file), sidecar.document.path));
      out.push(...annotatedLines(text, placeSidecarAnnotations(sidecar, text).annotations, labels, T));
    } catch (e) {
      problem(`${(e as Error).message}; skipped`);
    }
  }
  return out;
}
