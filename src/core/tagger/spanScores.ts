import type { TokenSpan } from './tags';

/** Counts of one label: gold spans, predicted spans, and predicted spans that match a gold one exactly. */
export interface LabelCounts {
  gold: number;
  predicted: number;
  correct: number;
}

export interface LabelFigures extends LabelCounts {
  readonly label: string;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

/** Exact-match counts per label, as CoNLL's conlleval counts them: a span is right only with both ends and the label. */
export class SpanScores {
  readonly counts = new Map<string, LabelCounts>();

  constructor(readonly labels: readonly string[]) {
    for (const l of labels) this.counts.set(l, { gold: 0, predicted: 0, correct: 0 });
  }

  add(gold: readonly TokenSpan[], predicted: readonly TokenSpan[]): void {
    const key = (s: TokenSpan): string => `${s.first}:${s.last}:${s.label}`;
    const goldKeys = new Set(gold.map(key));
    for (const s of gold) this.countOf(s.label).gold++;
    for (const s of predicted) {
      const c = this.countOf(s.label);
      c.predicted++;
      if (goldKeys.has(key(s))) c.correct++;
    }
  }

  private countOf(label: number): LabelCounts {
    return this.counts.get(this.labels[label] as string) as LabelCounts;
  }

  /** Per-label figures, then `micro` summed over every label. */
  figures(): LabelFigures[] {
    const rows = this.labels.map((l) => figuresOf(l, this.counts.get(l) as LabelCounts));
    const total: LabelCounts = { gold: 0, predicted: 0, correct: 0 };
    for (const c of this.counts.values()) {
      total.gold += c.gold;
      total.predicted += c.predicted;
      total.correct += c.correct;
    }
    return [...rows, figuresOf('micro', total)];
  }

  micro(): LabelFigures {
    return this.figures().at(-1) as LabelFigures;
  }
}

export function figuresOf(label: string, c: LabelCounts): LabelFigures {
  const precision = c.predicted === 0 ? 0 : c.correct / c.predicted;
  const recall = c.gold === 0 ? 0 : c.correct / c.gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { label, ...c, precision, recall, f1 };
}

/** A fixed-width table of figures, as `tawsim eval` and `npm run eval` print it. */
export function figuresTable(rows: readonly LabelFigures[]): string {
  const lines = ['label  gold   found  right  precision  recall  F1'];
  for (const r of rows) {
    lines.push(
      `${r.label.padEnd(6)} ${String(r.gold).padStart(5)}  ${String(r.predicted).padStart(5)}  ${String(r.correct).padStart(5)}  ${r.precision.toFixed(3).padStart(9)}  ${r.recall.toFixed(3).padStart(6)}  ${r.f1.toFixed(3)}`,
    );
  }
  return lines.join('\n');
}
