import type { AnnotationsTree } from '../explorer/annotationsTree';
import type { WorkspaceAnnotations } from '../explorer/workspaceAnnotations';

/** Tawsim: Refresh Annotations — reads the workspace's sidecars again and rebuilds the Annotations view. */
export async function refreshAnnotations(annotations: WorkspaceAnnotations, tree: AnnotationsTree): Promise<void> {
  await annotations.refresh();
  await tree.rebuild();
}
