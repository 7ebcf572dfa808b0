import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Annotation } from '../src/core/model/annotation';
import { buildSidecar } from '../src/core/sidecar/documentAnnotations';
import { serializeSidecar } from '../src/core/sidecar/serializeSidecar';
import { seeded } from '../src/core/random';

/** Words of the generated texts (names and common words of news, no corpus sentences). */
export const CORPUS_WORDS = ['المغرب', 'الرباط', 'ناصر', 'بوريطة', 'القاهرة', 'مصر', 'وزارة', 'الخارجية', 'الطاقة', 'يناير', 'السفير', 'الأردن', 'عمان', 'اللجنة', 'المشتركة'];
const LABELS = ['PER', 'ORG', 'LOC', 'DATE'];
const WORDS_PER_TEXT = 120;

/**
 * Writes a corpus of `documents` texts of 120 random words under `root` (500 per folder), each with
 * salma's sidecar holding `perDocument` annotations (every fifth suggested, the rest accepted).
 * Returns the sidecars' paths. The same seed gives the same corpus on every machine.
 */
export function writeCorpus(root: string, documents: number, perDocument: number): string[] {
  const r = seeded(18);
  const sidecars: string[] = [];
  for (let d = 0; d < documents; d++) {
    const folder = path.join(root, `batch-${Math.floor(d / 500)}`);
    if (d % 500 === 0) fs.mkdirSync(folder, { recursive: true });
    const words = Array.from({ length: WORDS_PER_TEXT }, () => CORPUS_WORDS[Math.floor(r() * CORPUS_WORDS.length)] as string);
    const text = words.join(' ');
    const starts: number[] = [];
    for (let i = 0, at = 0; i < words.length; at += (words[i] as string).length + 1, i++) starts.push(at);
    const annotations: Annotation[] = [];
    for (let i = 0; i < perDocument; i++) {
      const w = i * 4;
      const start = starts[w] as number;
      const end = start + (words[w] as string).length;
      annotations.push({
        id: `t${i + 1}`,
        label: LABELS[i % 4] as string,
        start,
        end,
        text: text.slice(start, end),
        status: i % 5 === 0 ? 'suggested' : 'accepted',
        source: 'manual',
      });
    }
    const name = `news-${d}.txt`;
    fs.writeFileSync(path.join(folder, name), text);
    const file = path.join(folder, `${name}.ann.yaml`);
    fs.writeFileSync(file, serializeSidecar(buildSidecar({ path: name, annotator: 'salma' }, text, annotations, [])));
    sidecars.push(file);
  }
  return sidecars;
}
