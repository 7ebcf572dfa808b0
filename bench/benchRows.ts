import { seeded } from '../src/core/random';

/** One line of the benchmark table: a measurement, its baseline from the same run, and the target. */
export interface BenchRow {
  readonly name: string;
  readonly value: string;
  readonly baseline: string;
  /** value / baseline, or a rate where a ratio makes no sense. */
  readonly ratio: string;
  readonly target: string;
}

/** Marks the machine-readable line that `bench/run.ts` collects from each program's output. */
export const ROWS_MARKER = 'BENCH_ROWS ';

export function emitRows(rows: readonly BenchRow[]): void {
  console.log(ROWS_MARKER + JSON.stringify(rows));
}

/** Milliseconds of the fastest of `repeat` runs, after one warm-up run. */
export function bestOf(repeat: number, run: () => unknown): number {
  run();
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < repeat; i++) {
    const t0 = performance.now();
    run();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

const PARAGRAPH =
  'وأعلنت وزارة الخارجية المغربية في بيان لها، الثلاثاء 17 يناير 2023، أن الوزير ناصر بوريطة استقبل في الرباط سفير مصر لدى المملكة، وبحث معه سبل تعزيز التعاون بين البلدين في مجالات الطاقة والنقل والتعليم، على أن تعقد اللجنة المشتركة اجتماعها المقبل في القاهرة يومي 5 و6 مارس المقبل. ';

/** About `megabytes` of Arabic news-style text: varied paragraphs, one per line. */
export function arabicCorpus(megabytes: number, r = seeded(7)): string {
  const lines: string[] = [];
  let size = 0;
  while (size < megabytes * 1_000_000) {
    const n = 1 + Math.floor(r() * 3);
    const line = PARAGRAPH.repeat(n).replace(/\d+/g, (d) => String((Number(d) + Math.floor(r() * 20)) % (d.length === 4 ? 2100 : 28) || 1));
    lines.push(line);
    size += Buffer.byteLength(line, 'utf8') + 1;
  }
  return lines.join('\n');
}
