import * as path from 'node:path';
import { MAX_SIDECAR_BYTES, parseSidecar } from '../../core/sidecar/parseSidecar';
import type { ParsedSidecar } from '../../core/sidecar/parseSidecar';
import { sidecarFileName } from '../../core/sidecar/sidecarPath';
import { DEFAULT_LABELS } from '../../core/model/labels';
import type { BatchSettings } from './batchTask';
import { readBytesIfExists } from './readDocumentText';
import { decodeUtf8, problemOf, shownPath } from '../../node/readRegularFile';

/** A text's sidecar as found on disk: where it is, its content, and what parsing it gave. */
export interface SidecarOnDisk {
  readonly file: string;
  /** Undefined when there is no sidecar yet. */
  readonly content?: string;
  readonly parsed?: ParsedSidecar;
}

/** The sidecar of a text under the run's pattern and annotator. A file that cannot be read throws `FILE:1: problem`. */
export function readSidecarOf(textFile: string, settings: BatchSettings): SidecarOnDisk {
  const file = path.join(path.dirname(textFile), sidecarFileName(path.basename(textFile), settings.annotator, settings.pattern));
  let content: string | undefined;
  try {
    const bytes = readBytesIfExists(file, MAX_SIDECAR_BYTES, { noFollow: true });
    content = bytes === undefined ? undefined : decodeUtf8(bytes, file);
  } catch (e) {
    throw new Error(`${shownPath(file)}:1: ${problemOf(file, e).problem}`);
  }
  if (content === undefined) return { file };
  return { file, content, parsed: parseSidecar(content, { labels: DEFAULT_LABELS }) };
}

/** `FILE:LINE: problem` for a sidecar that must not be written: broken, invalid or from a newer Tawsim. */
export function unwritableReason(found: SidecarOnDisk): string | undefined {
  const parsed = found.parsed;
  if (!parsed || (parsed.sidecar && parsed.writable)) return undefined;
  const problem = parsed.problems.find((p) => p.severity === 'error') ?? parsed.problems[0];
  return `${shownPath(found.file)}:${problem?.line ?? 1}: ${problem?.message ?? 'the sidecar cannot be read'}`;
}
