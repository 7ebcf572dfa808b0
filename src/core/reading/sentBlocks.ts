import type { LineSplice } from './lineSplice';
import type { ParagraphBlock } from './readingProtocol';

/** What changed in the page's window: whole paragraphs, and paragraphs that only start elsewhere in code points. */
export interface WindowChanges {
  readonly blocks: ParagraphBlock[];
  /** [line, start, cpStart] of held paragraphs whose content is unchanged but which start elsewhere in the document. */
  readonly starts: [number, number, number][];
}

interface Sent {
  /** The paragraph's text and spans: what it looks like wherever it is. */
  readonly key: string;
  readonly start: number;
  readonly cpStart: number;
}

/**
 * What the page holds: the paragraphs of its window as last sent. After any change, the window's
 * blocks are built again and only those that differ from what was sent go out, so an edit, a tag or
 * a review decision costs the paragraphs it changed, whatever the document's size. A paragraph that
 * only moved (lines inserted above it, text typed before it) is not sent again: the page moves its
 * copy with the same splice and gets its new start alone.
 */
export class SentBlocks {
  private sent = new Map<number, Sent>();
  private first = 0;
  private last = -1;

  /** The page's window (inclusive), as it last said. */
  get window(): { readonly first: number; readonly last: number } {
    return { first: this.first, last: this.last };
  }

  /** The page now holds first..last and has forgotten the rest. */
  setWindow(first: number, last: number): void {
    this.first = Math.max(0, first);
    this.last = Math.max(this.first - 1, last);
    for (const line of [...this.sent.keys()]) if (line < this.first || line > this.last) this.sent.delete(line);
  }

  /**
   * Lines were replaced or inserted: those replaced are no longer held, those after them moved by
   * the difference. The page applies the same splice to its own copy.
   */
  splice(splice: LineSplice): void {
    const delta = splice.inserted - splice.removed;
    const next = new Map<number, Sent>();
    for (const [line, key] of this.sent) {
      if (line < splice.at) next.set(line, key);
      else if (line >= splice.at + splice.removed) next.set(line + delta, key);
    }
    this.sent = next;
    if (this.last >= splice.at + splice.removed) this.last += delta;
    else if (this.last >= splice.at) this.last = Math.max(this.last, splice.at + splice.inserted - 1);
    if (this.first >= splice.at + splice.removed) this.first += delta;
  }

  /** The window's blocks that are new or differ from what was sent (marked as sent), for lines below `lineCount`. */
  changed(lineCount: number, build: (line: number) => ParagraphBlock): WindowChanges {
    const blocks: ParagraphBlock[] = [];
    const starts: [number, number, number][] = [];
    const last = Math.min(this.last, lineCount - 1);
    for (let line = this.first; line <= last; line++) {
      const block = build(line);
      const key = JSON.stringify([block.text, block.spans, block.arcs ?? []]);
      const before = this.sent.get(line);
      if (before?.key === key) {
        if (before.start !== block.start || before.cpStart !== block.cpStart) starts.push([line, block.start, block.cpStart]);
      } else blocks.push(block);
      this.sent.set(line, { key, start: block.start, cpStart: block.cpStart });
    }
    for (const line of [...this.sent.keys()]) if (line >= lineCount) this.sent.delete(line);
    return { blocks, starts };
  }

  /** Forget everything sent (the page reloaded). */
  clear(): void {
    this.sent.clear();
  }
}
