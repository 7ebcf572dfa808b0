import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LabelledSentence } from '../../src/core/tagger/labelledSentence';
import { readConll } from '../../src/core/tagger/labelledSentence';
import { TAGGER_LABELS } from '../../src/core/tagger/tags';

/** Where the corpus lives on a developer's machine; `--data FILE` names another copy. */
export const DEFAULT_ANERCORP = join(__dirname, '..', '..', '..', 'shared', 'data', 'anercorp', 'train.txt');

/** The development slice: the last 12% of the train file's sentences, in document order. Fixed; tune only on it. */
export const DEV_SHARE = 0.12;

export interface AnercorpSplit {
  readonly file: string;
  readonly all: readonly LabelledSentence[];
  readonly train: readonly LabelledSentence[];
  readonly dev: readonly LabelledSentence[];
}

export function option(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

export function readAnercorp(args: readonly string[]): AnercorpSplit {
  const file = option(args, '--data') ?? DEFAULT_ANERCORP;
  if (!existsSync(file)) {
    console.error(`${file}: not found. The ANERcorp train part is not part of the repository; name a copy with --data FILE.`);
    process.exit(1);
  }
  const all = readConll(readFileSync(file, 'utf8'), file, TAGGER_LABELS);
  const devStart = Math.floor(all.length * (1 - DEV_SHARE));
  return { file, all, train: all.slice(0, devStart), dev: all.slice(devStart) };
}
