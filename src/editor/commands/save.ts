import type { Services } from '../services';
import type { AnnotationTarget } from '../commandIds';
import { resolveTarget } from '../commandTarget';

/** Tawsim: Save Annotations — saves the text if it has changes (which writes the sidecar), else writes the sidecar. */
export async function save(services: Services, args?: AnnotationTarget): Promise<void> {
  const target = await resolveTarget(services, args);
  if (target) await services.stores.save(target.store);
}
