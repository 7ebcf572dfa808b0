import { mergeAnnotations } from '../core/sidecar/mergeAnnotations';
import { parseSidecar } from '../core/sidecar/parseSidecar';
import { serializeSidecar } from '../core/sidecar/serializeSidecar';

/**
 * The merge of a sidecar we are about to write (`mine`) with the version another program wrote
 * meanwhile (`theirs`): both must be sidecars of the same annotator for the same text (same
 * sha256), and theirs must be one this version reads and writes. The union keeps every annotation
 * of each (mergeAnnotations: the same span and label is one, mine wins), under my header. Returns
 * the reason instead when they cannot be merged.
 */
export function mergeSidecars(mine: string, theirs: string): { merged: string } | { reason: string } {
  const ours = parseSidecar(mine);
  if (!ours.sidecar) return { reason: `the sidecar to write is not valid: ${ours.problems[0]?.message ?? 'unknown problem'}` };
  const other = parseSidecar(theirs);
  if (!other.sidecar || !other.writable) {
    const problem = other.problems.find((p) => p.severity === 'error') ?? other.problems[0];
    return { reason: `theirs is not a sidecar this version can write (line ${problem?.line ?? 1}: ${problem?.message ?? 'unreadable'})` };
  }
  if (other.sidecar.document.sha256 !== ours.sidecar.document.sha256) {
    return { reason: `theirs is for a different version of ${ours.sidecar.document.path} (sha256 differs)` };
  }
  if (other.sidecar.annotator !== ours.sidecar.annotator) {
    return { reason: `theirs is ${JSON.stringify(other.sidecar.annotator)}'s, not ${JSON.stringify(ours.sidecar.annotator)}'s` };
  }
  return { merged: serializeSidecar({ ...ours.sidecar, annotations: mergeAnnotations(ours.sidecar.annotations, other.sidecar.annotations) }) };
}
