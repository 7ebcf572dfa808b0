import type { SidecarSummary } from './sidecarSummary';

/**
 * One `[text, label]` pair per distinct accepted name across the index. Every sidecar's summary
 * lists the names it accepted, and a corpus names the same people and places in thousands of
 * files: with a pair (two strings and an array) per sidecar and name, 10,000 summaries held
 * 300,000 of them. Summaries share the pairs instead.
 */
export class LearnedPairs {
  private readonly pairs = new Map<string, readonly [string, string]>();

  get size(): number {
    return this.pairs.size;
  }

  /** The summary with its learned pairs replaced by the shared ones (the same summary when it has none). */
  share(summary: SidecarSummary): SidecarSummary {
    if (summary.learned.length === 0) return summary;
    return { ...summary, learned: summary.learned.map((pair) => this.pair(pair)) };
  }

  private pair(pair: readonly [string, string]): readonly [string, string] {
    const key = `${pair[0]}\u0000${pair[1]}`;
    let shared = this.pairs.get(key);
    if (!shared) {
      shared = Object.freeze([pair[0], pair[1]] as const);
      this.pairs.set(key, shared);
    }
    return shared;
  }
}
