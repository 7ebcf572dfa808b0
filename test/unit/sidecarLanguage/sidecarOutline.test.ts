import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { entryAtLine, readSidecarOutline } from '../../../src/editor/sidecarLanguage/sidecarOutline';
import { parseSidecar } from '../../../src/core/sidecar/parseSidecar';
import { serializeSidecar } from '../../../src/core/sidecar/serializeSidecar';

const root = path.resolve(__dirname, '..', '..', '..');

describe('sidecar outline', () => {
  it('finds every annotation of a written sidecar, with its line and values', () => {
    const text = fs.readFileSync(path.join(root, 'samples', 'rabat-water-summit.txt.ann.yaml'), 'utf8');
    const sidecar = parseSidecar(text).sidecar;
    assert.ok(sidecar);
    // The outline reads the bytes serializeSidecar writes.
    const written = serializeSidecar(sidecar);
    const outline = readSidecarOutline(written);
    const lines = written.split('\n');
    assert.equal(outline.documentPath, sidecar.document.path);
    assert.equal(lines[outline.documentPathLine ?? -1]?.trim(), `path: ${sidecar.document.path}`);
    assert.equal(outline.entries.length, sidecar.annotations.length);
    outline.entries.forEach((e, i) => {
      const a = sidecar.annotations[i];
      assert.ok(a);
      assert.deepEqual([e.id, e.label, e.start, e.end, e.text, e.status, e.source, e.value], [a.id, a.label, a.start, a.end, a.text, a.status, a.source, a.value]);
      assert.match(lines[e.line] ?? '', new RegExp(`^\\s*- id: ${a.id}$`));
      assert.match(lines[e.textLine ?? -1] ?? '', /^\s+text: /);
      assert.equal(entryAtLine(outline, e.line), e);
      assert.equal(entryAtLine(outline, e.endLine), e);
    });
    assert.equal(entryAtLine(outline, 0), undefined, 'the header is no entry');
  });

  it('reads quoted values, comments, block scalars and review records without mistaking their lines for keys', () => {
    const text = [
      'tawsim: 1',
      'document:',
      '  path: "dir/a b.txt" # quoted',
      'annotations:',
      '- id: "t#1"',
      "  label: 'DATE'",
      '  start: 3',
      '  end: 7',
      '  text: "2020"',
      '  note: |-',
      '    label: PER',
      '    start: 99',
      '  review:',
      '    by: hind',
      '    at: "2024-05-01"',
      '',
      '  # between entries',
      '- label: LOC',
      '  id: t2',
      '  start: x',
      '  text: 2021 # an unquoted number',
      'annotator: salma',
      '  - id: not-an-entry',
    ].join('\n');
    const outline = readSidecarOutline(text);
    assert.equal(outline.documentPath, 'dir/a b.txt');
    assert.equal(outline.entries.length, 2);
    const [first, second] = outline.entries;
    assert.deepEqual([first?.id, first?.label, first?.start, first?.end, first?.text, first?.line, first?.endLine], ['t#1', 'DATE', 3, 7, '2020', 4, 14]);
    assert.deepEqual([second?.id, second?.label, second?.start, second?.text, second?.line], ['t2', 'LOC', undefined, '2021', 17]);
    assert.equal(entryAtLine(outline, 10), first, 'a block scalar line belongs to its entry');
    assert.equal(entryAtLine(outline, 16), undefined, 'a comment between entries belongs to none');
  });

  it('reads what it can of a file that does not parse', () => {
    const outline = readSidecarOutline('annotations:\n  - id: t1\n    label: [PER\n    start: 1\n    end: 2\n');
    assert.deepEqual(
      outline.entries.map((e) => [e.id, e.start, e.end, e.label]),
      [['t1', 1, 2, undefined]],
    );
  });
});
