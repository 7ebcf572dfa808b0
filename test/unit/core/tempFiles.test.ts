import { strict as assert } from 'node:assert';
import { isCompleteTemp, isTempFor, tempNameFor } from '../../../src/core/sidecar/tempFiles';

const bytes = (s: string): number => new TextEncoder().encode(s).length;

describe('temporary file names', () => {
  it('names a temporary file after its target and its content, hidden and ending in .tmp', () => {
    const name = tempNameFor('article.txt.ann.yaml', 'tawsim: 1\n', 'abc123');
    assert.match(name, /^\.article\.txt\.ann\.yaml\.[0-9a-f]{12}\.abc123\.tmp$/);
    assert.ok(isTempFor(name, 'article.txt.ann.yaml'));
    assert.ok(!isTempFor(name, 'other.txt.ann.yaml'));
    assert.ok(!isTempFor('.article.txt.ann.yaml.lock', 'article.txt.ann.yaml'));
  });

  it('tells a complete temporary file from a partial one by the content hash in its name', () => {
    const content = 'tawsim: 1\nannotations:\n  - id: t1\n';
    const name = tempNameFor('a.txt.ann.yaml', content);
    assert.ok(isCompleteTemp(name, content));
    assert.ok(!isCompleteTemp(name, content.slice(0, -5)), 'a truncated write is not complete');
    assert.ok(!isCompleteTemp('.a.txt.ann.yaml.tmp', content));
  });

  it('gives two writes of the same content different names', () => {
    const names = new Set(Array.from({ length: 50 }, () => tempNameFor('a.txt.ann.yaml', 'same')));
    assert.ok(names.size > 45, `${names.size} distinct names of 50`);
  });

  it('keeps names within 255 bytes for the longest Arabic file names', () => {
    const target = `${'تقرير'.repeat(23)}.txt.ann.yaml`;
    assert.ok(bytes(target) > 230 && bytes(target) <= 255, `target is ${bytes(target)} bytes`);
    const name = tempNameFor(target, 'x');
    assert.ok(bytes(name) <= 255, `${bytes(name)} bytes`);
    assert.ok(isTempFor(name, target));
    assert.ok(!isTempFor(name, `${'تقرير'.repeat(23)}.md.ann.yaml`), 'a cut name still belongs to one target');
  });
});
