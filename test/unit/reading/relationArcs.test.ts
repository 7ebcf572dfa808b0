import { strict as assert } from 'node:assert';
import { arcGeometry } from '../../../src/core/reading/relationArcs';

describe('relation arcs in the reading view', () => {
  // In a right-to-left line the source (read first) is at the right: the arc runs leftwards.
  const source = { left: 300, top: 10, width: 60, height: 20 };
  const target = { left: 100, top: 10, width: 40, height: 20 };

  it('runs under the text from the middle of the source box to the middle of the target box, an arrowhead at the target', () => {
    const g = arcGeometry(source, target, false);
    assert.match(g.path, /^M330 32 C330 \d+(\.\d)? 120 \d+(\.\d)? 120 32$/);
    assert.equal(g.arrow, '120,32 116.5,38 123.5,38');
    assert.equal(g.labelX, 225);
    assert.ok(g.labelY > 32, 'the label sits below the text, clear of the chips above it');
  });

  it('goes deeper for ends further apart, within bounds, and draws no arrowhead for a symmetric type', () => {
    const near = arcGeometry(source, { ...target, left: 250 }, true);
    const far = arcGeometry(source, { ...target, left: -2000 }, true);
    assert.equal(near.arrow, undefined);
    assert.ok(near.labelY < far.labelY);
    assert.ok(far.labelY - 32 <= 0.75 * 26 + 0.001, 'the depth is capped');
  });

  it('joins boxes on different visual lines', () => {
    const g = arcGeometry(source, { left: 500, top: 60, width: 40, height: 20 }, false);
    assert.match(g.path, /^M330 32 C330 [\d.]+ 520 [\d.]+ 520 82$/);
  });
});
