import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parseProject } from '../../core/project/parseProject';
import type { Project } from '../../core/project/projectTypes';
import { PROJECT_FILE } from '../../core/project/projectTypes';
import { readTextFile, shownPath } from '../../node/readRegularFile';

/** A project file found for an input, and the folder its paths are relative to. */
export interface FoundProject {
  readonly file: string;
  readonly root: string;
  readonly project: Project;
  /** Warnings of the file (`FILE:LINE: warning: …`), to print. */
  readonly warnings: readonly string[];
}

/**
 * The `.tawsim/project.yaml` of the corpus an input belongs to: in the input's folder or the
 * nearest one above it, as git finds `.git`. A project file with errors stops the command with
 * `FILE:LINE: problem`, rather than running with another label set than the team's.
 */
export async function findProject(input: string): Promise<FoundProject | undefined> {
  const stat = await fs.stat(input).catch(() => undefined);
  let folder = path.resolve(stat?.isDirectory() ? input : path.dirname(input));
  for (;;) {
    const file = path.join(folder, PROJECT_FILE);
    const text = await readTextFile(file).catch((e: unknown) => {
      if ((e as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
      throw e;
    });
    if (text !== undefined) {
      const { project, problems } = parseProject(text);
      const shown = shownPath(file);
      const error = problems.find((p) => p.severity === 'error');
      if (!project || error) throw new Error(`${shown}:${error?.line ?? 1}: ${error?.message ?? 'not a project file'}`);
      return { file, root: folder, project, warnings: problems.map((p) => `${shown}:${p.line}: warning: ${p.message}`) };
    }
    const parent = path.dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
}
