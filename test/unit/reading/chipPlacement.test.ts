import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { placeChips } from '../../../src/core/reading/chipPlacement';

describe('label chips', () => {
  it('right to left: a chip sits with its right edge on its span start', () => {
    assert.deepEqual(placeChips([{ anchor: 300, width: 40 }], 500, 'rtl'), [{ left: 260, tier: 0 }]);
  });

  it('right to left: the next chip gives way leftwards, in the reading direction', () => {
    const places = placeChips(
      [
        { anchor: 290, width: 40 },
        { anchor: 300, width: 40 },
      ],
      500,
      'rtl',
    );
    assert.deepEqual(places[1], { left: 260, tier: 0 });
    assert.deepEqual(places[0], { left: 218, tier: 0 });
  });

  it('left to right mirrors it', () => {
    const places = placeChips(
      [
        { anchor: 10, width: 40 },
        { anchor: 20, width: 40 },
      ],
      500,
      'ltr',
    );
    assert.deepEqual(places, [
      { left: 10, tier: 0 },
      { left: 52, tier: 0 },
    ]);
  });

  it('a chip pushed past the far edge climbs one tier; one at the edge by itself stays inside the line', () => {
    const places = placeChips(
      [
        { anchor: 60, width: 50 },
        { anchor: 30, width: 50 },
      ],
      500,
      'rtl',
    );
    assert.deepEqual(places[0], { left: 10, tier: 0 });
    assert.deepEqual(places[1], { left: 0, tier: 1 });
  });

  it('never lets two chips of one tier overlap while they fit, and keeps every chip inside the line', () => {
    const request = fc.record({ anchor: fc.nat(400), width: fc.integer({ min: 10, max: 60 }) });
    fc.assert(
      fc.property(fc.array(request, { maxLength: 5 }), fc.constantFrom<'rtl' | 'ltr'>('rtl', 'ltr'), (requests, direction) => {
        const places = placeChips(requests, 400, direction);
        places.forEach((p, i) => {
          const w = (requests[i] as { width: number }).width;
          assert.ok(p.left >= 0 && p.left + w <= 400 + 1e-9, 'inside the line');
        });
        for (let i = 0; i < places.length; i++)
          for (let j = i + 1; j < places.length; j++) {
            const a = places[i] as { left: number; tier: number };
            const b = places[j] as { left: number; tier: number };
            if (a.tier !== b.tier || a.tier === 2) continue;
            const wa = (requests[i] as { width: number }).width;
            const wb = (requests[j] as { width: number }).width;
            assert.ok(a.left + wa <= b.left + 1e-9 || b.left + wb <= a.left + 1e-9, `chips ${i} and ${j} overlap`);
          }
      }),
    );
  });
});
