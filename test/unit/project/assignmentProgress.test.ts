import { strict as assert } from 'node:assert';
import { assignmentProgress } from '../../../src/core/project/assignmentProgress';
import { parseProject } from '../../../src/core/project/parseProject';
import type { DocumentStatus } from '../../../src/core/sidecar/sidecarTypes';

describe('progress per annotator against the assignments', () => {
  const { project } = parseProject('tawsim-project: 1\nassignments:\n  salma: ["news/*.txt"]\n  omar: ["sport/*.txt", "news/a.txt"]\n');
  const paths = ['news/a.txt', 'news/b.txt', 'sport/c.txt', 'other/d.txt'];
  const states: Record<string, DocumentStatus> = { 'salma news/a.txt': 'done', 'salma news/b.txt': 'in-progress', 'omar news/a.txt': 'in-progress', 'omar other/d.txt': 'done' };

  it('counts each annotator’s own sidecars among the texts assigned to them, and nothing else', () => {
    assert.ok(project);
    assert.deepEqual(
      assignmentProgress(paths, project, (who, path) => states[`${who} ${path}`]),
      [
        { annotator: 'omar', assigned: 2, done: 0, inProgress: 1 },
        { annotator: 'salma', assigned: 2, done: 1, inProgress: 1 },
      ],
    );
  });

  it('gives nothing without a project', () => {
    assert.deepEqual(
      assignmentProgress(paths, undefined, () => 'done'),
      [],
    );
  });
});
