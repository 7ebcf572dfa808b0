import { strict as assert } from 'node:assert';
import { recognize } from '../../../src/core/recognize/recognize';
import type { LearnedEntry } from '../../../src/core/recognize/recognizeTypes';

describe('learned spans and rejections', () => {
  const learned: LearnedEntry[] = [
    { text: 'مجموعة العمل المالي', label: 'ORG' },
    { text: 'أبو ظبي', label: 'LOC' },
  ];

  it('suggests other occurrences of tagged spans, with proclitics and spelling variants', () => {
    const text = 'أكدت مجموعة العمل المالي، ثم قالت لمجموعة العمل المالى إن ابو ظبي';
    const spans = recognize(text, { learned }).filter((s) => s.source === 'learned');
    assert.deepEqual(
      spans.map((s) => [s.text, s.label, s.reason]),
      [
        ['مجموعة العمل المالي', 'ORG', 'learned: مجموعة العمل المالي'],
        ['مجموعة العمل المالى', 'ORG', 'learned: مجموعة العمل المالي'],
        ['ابو ظبي', 'LOC', 'learned: أبو ظبي'],
      ],
    );
  });

  it('drops a rejected span at its position, and learned spans of the same text everywhere', () => {
    const text = 'زار الرباط ثم عاد إلى الرباط';
    const all = recognize(text).filter((s) => s.label === 'LOC');
    assert.equal(all.length, 2);
    const second = all[1] as (typeof all)[number];
    const kept = recognize(text, { rejections: [{ text: 'الرباط', label: 'LOC', start: second.start, end: second.end }] }).filter((s) => s.label === 'LOC');
    assert.deepEqual(
      kept.map((s) => s.start),
      [all[0]?.start],
    );
    // The same rejection given in document coordinates while recognising the line alone.
    const line = 'ثم عاد إلى الرباط';
    const offset = text.indexOf(line);
    const inLine = recognize(line, { offset, rejections: [{ text: 'الرباط', label: 'LOC', start: second.start, end: second.end }] });
    assert.deepEqual(
      inLine.filter((s) => s.label === 'LOC'),
      [],
    );

    const text2 = 'أكدت مجموعة العمل المالي ثم مجموعة العمل المالي';
    const spans = recognize(text2, { learned, rejections: [{ text: 'مجموعة العمل المالي', label: 'ORG', start: 5, end: 24 }] });
    assert.deepEqual(
      spans.filter((s) => s.source === 'learned'),
      [],
    );
  });

  it('drops a rejection without a position everywhere', () => {
    const spans = recognize('زار الرباط ثم الرباط', { rejections: [{ text: 'الرباط', label: 'LOC' }] });
    assert.deepEqual(
      spans.filter((s) => s.label === 'LOC'),
      [],
    );
  });
});
