import type { CliIo } from '../cliTypes';
import { findProject } from '../project/findProject';
import type { BatchArgs } from './batchArgs';

/**
 * `detect` and `annotate` with the settings of the corpus' `.tawsim/project.yaml`, found upward
 * from the first input (from the working folder for `--jsonl -`): its sidecar pattern, and its
 * recogniser's model switch and threshold, so the command line proposes what the team's editors
 * propose. An option given on the command line wins over the project. The project's warnings go to
 * stderr; a project file with errors stops the command (`FILE:LINE: problem`).
 */
export async function withProjectSettings(parsed: BatchArgs, io: CliIo): Promise<BatchArgs> {
  const found = await findProject(parsed.jsonl ? process.cwd() : (parsed.inputs[0] as string));
  if (!found) return parsed;
  for (const w of found.warnings) io.err(w);
  const { sidecarPattern, recognizer } = found.project;
  const pattern = !parsed.given.pattern && sidecarPattern !== undefined ? sidecarPattern : parsed.settings.pattern;
  const model = !parsed.given.model && recognizer.model === false ? 'none' : parsed.settings.model;
  return {
    ...parsed,
    settings: {
      ...parsed.settings,
      pattern,
      ...(model !== undefined ? { model } : {}),
      ...(recognizer.threshold !== undefined ? { threshold: recognizer.threshold } : {}),
    },
  };
}
