import type { Services } from '../services';
import type { AnnotationTarget } from '../commandIds';
import { resolveTarget } from '../commandTarget';

/** Tawsim: Annotate This File — for files outside `tawsim.files` that have no sidecar yet. */
export async function annotateFile(services: Services, args?: AnnotationTarget): Promise<boolean> {
  return (await resolveTarget(services, args)) !== undefined;
}
