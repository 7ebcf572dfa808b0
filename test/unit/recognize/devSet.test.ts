import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseMarkedFile } from '../../../scripts/markedText';
import type { MarkedSpan } from '../../../scripts/markedText';
import { CodePointIndex } from '../../../src/core/model/offsets';
import { recognize } from '../../../src/core/recognize/recognize';
import { chooseDocumentDate } from '../../../src/core/recognize/recognizeDocument';

/**
 * The development set of date and time expressions (test/fixtures/eval-dates-dev) stays read as its
 * conventions say: a regression guard, not a measure (the rules were tuned on it; `npm run eval`
 * scores held-out text).
 */
describe('date and time development set', () => {
  it('keeps DATE overlap-F1 and the value accuracy of DATE and TIME at their targets', () => {
    const file = join(__dirname, '..', '..', 'fixtures', 'eval-dates-dev', 'dev.marked.txt');
    const texts = parseMarkedFile(readFileSync(file, 'utf8'), file);
    assert.ok(texts.length >= 20);
    let gold = 0;
    let system = 0;
    let matched = 0;
    let valued = 0;
    let right = 0;
    const wrong: string[] = [];
    for (const t of texts) {
      const index = new CodePointIndex(t.text);
      const date = chooseDocumentDate(t.text, undefined, t.date);
      const found = recognize(t.text, { labels: ['DATE', 'TIME'], ...(date ? { documentDate: date } : {}) }).map((s) => ({
        label: s.label,
        start: index.toCodePoint(s.start),
        end: index.toCodePoint(s.end),
        value: s.value,
      }));
      const g = t.spans.filter((s) => s.label === 'DATE' || s.label === 'TIME');
      gold += g.filter((s) => s.label === 'DATE').length;
      system += found.filter((s) => s.label === 'DATE').length;
      const used = new Set<number>();
      for (const a of g as MarkedSpan[]) {
        const k = found.findIndex((b, i) => !used.has(i) && b.label === a.label && Math.min(a.end, b.end) > Math.max(a.start, b.start));
        if (k < 0) {
          wrong.push(`${t.slug}: missed «${a.text}»`);
          continue;
        }
        used.add(k);
        if (a.label === 'DATE') matched++;
        valued++;
        if (found[k]?.value === a.value) right++;
        else wrong.push(`${t.slug}: «${a.text}» ${found[k]?.value} ≠ ${a.value}`);
      }
    }
    const precision = matched / system;
    const recall = matched / gold;
    const f1 = (2 * precision * recall) / (precision + recall);
    assert.ok(f1 >= 0.97, `DATE overlap-F1 ${f1.toFixed(3)}\n${wrong.join('\n')}`);
    assert.ok(right / valued >= 0.95, `value accuracy ${(right / valued).toFixed(3)}\n${wrong.join('\n')}`);
    assert.ok(valued >= 100, `${valued} valued spans`);
  });
});
