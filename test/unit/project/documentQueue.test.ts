import { strict as assert } from 'node:assert';
import { annotatorQueue, nextNotDone } from '../../../src/core/project/documentQueue';
import { parseProject } from '../../../src/core/project/parseProject';
import type { Project } from '../../../src/core/project/projectTypes';
import type { DocumentStatus } from '../../../src/core/sidecar/sidecarTypes';

const TEXTS = ['news/b.txt', 'news/a.txt', 'sport/c.txt', 'news/2024/d.txt'];

/** A project file of our own, read by the real reader. */
function projectAssigning(assignments: Record<string, string[]>): Project {
  const lines = Object.entries(assignments).map(([who, globs]) => `  ${who}: ${JSON.stringify(globs)}\n`);
  const { project, problems } = parseProject(`tawsim-project: 1\n${lines.length > 0 ? `assignments:\n${lines.join('')}` : ''}`);
  assert.ok(project, problems.map((p) => p.message).join('\n'));
  return project;
}

describe('the annotator queue', () => {
  it('lists every text in path order without a project, or when the project assigns nothing', () => {
    assert.deepEqual(annotatorQueue(TEXTS, 'salma', undefined), ['news/2024/d.txt', 'news/a.txt', 'news/b.txt', 'sport/c.txt']);
    assert.deepEqual(annotatorQueue(TEXTS, 'salma', projectAssigning({})), ['news/2024/d.txt', 'news/a.txt', 'news/b.txt', 'sport/c.txt']);
  });

  it('keeps only the texts the project assigns to the annotator, by glob or plain path', () => {
    const project = projectAssigning({ salma: ['news/*.txt', 'sport/c.txt'], omar: ['news/2024/**'] });
    assert.deepEqual(annotatorQueue(TEXTS, 'salma', project), ['news/a.txt', 'news/b.txt', 'sport/c.txt']);
    assert.deepEqual(annotatorQueue(TEXTS, 'omar', project), ['news/2024/d.txt']);
    assert.deepEqual(annotatorQueue(TEXTS, 'huda', project), []);
  });

  const statuses: Record<string, DocumentStatus | undefined> = { 'a.txt': 'done', 'b.txt': 'in-progress', 'c.txt': undefined, 'd.txt': 'done', 'e.txt': 'not-started' };
  const queue = Object.keys(statuses);
  const statusOf = (path: string): Promise<DocumentStatus | undefined> => Promise.resolve(statuses[path]);

  it('gives the first text after the current one that is not done, skipping done ones', async () => {
    assert.equal(await nextNotDone(queue, undefined, statusOf), 'b.txt');
    assert.equal(await nextNotDone(queue, 'b.txt', statusOf), 'c.txt');
    assert.equal(await nextNotDone(queue, 'c.txt', statusOf), 'e.txt');
  });

  it('wraps round to the start, offers the current text last, and gives nothing when all are done', async () => {
    assert.equal(await nextNotDone(queue, 'e.txt', statusOf), 'b.txt');
    assert.equal(await nextNotDone(['b.txt'], 'b.txt', statusOf), 'b.txt');
    assert.equal(await nextNotDone(['a.txt', 'd.txt'], 'a.txt', statusOf), undefined);
    assert.equal(await nextNotDone([], undefined, statusOf), undefined);
  });

  it('starts after where the current text would sort when it is not in the queue', async () => {
    assert.equal(await nextNotDone(queue, 'bb.txt', statusOf), 'c.txt');
    assert.equal(await nextNotDone(queue, 'zz.txt', statusOf), 'b.txt');
  });

  it('reads statuses only up to the text it returns', async () => {
    const asked: string[] = [];
    await nextNotDone(queue, undefined, (p) => {
      asked.push(p);
      return statusOf(p);
    });
    assert.deepEqual(asked, ['a.txt', 'b.txt']);
  });
});
