import type { CliIo } from '../cliTypes';
import { findProject } from '../project/findProject';
import type { BatchArgs } from './batchArgs';
import type { ProjectLabel } from '../../core/project/projectTypes';
import { shownPath } from '../../node/readRegularFile';

/**
 * `detect` and `annotate` with the settings of the corpus' `.tawsim/project.yaml`, found upward
 * from the first input (from the working folder for `--jsonl -`): its sidecar pattern, and its
 * recogniser's model switch and threshold, and its label set, so the command line proposes what the
 * team's editors propose. An option given on the command line wins over the project, but a label
 * the project does not have is never proposed: `--labels` can only narrow the project's set. The project's warnings go to
 * stderr; a project file with errors stops the command (`FILE:LINE: problem`).
 */
export async function withProjectSettings(parsed: BatchArgs, io: CliIo): Promise<BatchArgs> {
  const found = await findProject(parsed.jsonl ? process.cwd() : (parsed.inputs[0] as string));
  if (!found) return parsed;
  for (const w of found.warnings) io.err(w);
  const { sidecarPattern, recognizer, labels: projectLabels } = found.project;
  const pattern = !parsed.given.pattern && sidecarPattern !== undefined ? sidecarPattern : parsed.settings.pattern;
  const model = !parsed.given.model && recognizer.model === false ? 'none' : parsed.settings.model;
  return {
    ...parsed,
    settings: {
      ...parsed.settings,
      pattern,
      labels: projectLabels ? labelsInProject(parsed, projectLabels, shownPath(found.file), io) : parsed.settings.labels,
      ...(model !== undefined ? { model } : {}),
      ...(recognizer.threshold !== undefined ? { threshold: recognizer.threshold } : {}),
    },
  };
}

/**
 * The recogniser's labels the project has (those of `--labels`, or all six): the others are left
 * out, as the editor's Pre-annotate leaves out what the label set lacks.
 */
function labelsInProject(parsed: BatchArgs, projectLabels: readonly ProjectLabel[], projectFile: string, io: CliIo): readonly string[] {
  const ids = new Set(projectLabels.map((l) => l.id));
  const outside = parsed.settings.labels.filter((l) => !ids.has(l));
  if (parsed.given.labels && outside.length > 0)
    io.err(`${projectFile}: warning: --labels ${outside.join(',')}: not in the project's labels (${[...ids].join(', ')}); not proposed`);
  return parsed.settings.labels.filter((l) => ids.has(l));
}
