import { HeightIndex } from '../../../core/reading/heightIndex';
import { spliceLines } from '../../../core/reading/lineSplice';
import { clusterEnd, snapToClusters } from '../../../core/reading/readingOffsets';
import type { PagePosition, ParagraphBlock } from '../../../core/reading/readingProtocol';
import type { DrawContext, SpanHit } from './paragraphView';
import { ParagraphView } from './paragraphView';

/** The paragraphs drawn beyond the visible part, above and below, in screens. */
const RENDER_MARGIN = 1;
/** The paragraphs asked for beyond the visible part, in screens: scrolling finds them ready. */
const REQUEST_MARGIN = 3;
/** The most paragraphs the page holds at once, whatever their size. */
const MAX_HELD = 600;

export interface ListEvents {
  /** The page now wants paragraphs first..last (inclusive) and has forgotten the others. */
  window(first: number, last: number): void;
  /** Paragraphs were drawn (for the caret and the tag bar to follow). */
  drawn(): void;
}

/**
 * The document as a virtual list of paragraphs: every paragraph has a height (estimated from its
 * length until it is drawn and measured), the scroll area is as tall as all of them, and only the
 * paragraphs around the visible part exist in the DOM. Blocks (text and spans) come from the
 * extension for a window around what is shown; the list asks for a new window when scrolling
 * leaves the old one. When a paragraph drawn above the visible part turns out taller or shorter
 * than estimated, the scroll position is corrected so that the text on screen stays put.
 */
export class ParagraphList {
  private lengths: number[] = [];
  private heights = new HeightIndex();
  private measured: boolean[] = [];
  private blocks = new Map<number, ParagraphBlock>();
  private views = new Map<number, ParagraphView>();
  private requested = { first: 0, last: -1 };
  private charWidth = 10;
  private linePx = 40;
  private gapPx = 10;
  private width = 600;
  private frame = 0;
  /** Until when scroll events are our own (a correction, following the editor). */
  programmaticUntil = 0;

  constructor(
    readonly scroller: HTMLElement,
    private readonly sizer: HTMLElement,
    private readonly ctx: DrawContext,
    private readonly events: ListEvents,
  ) {}

  get lineCount(): number {
    return this.lengths.length;
  }

  block(line: number): ParagraphBlock | undefined {
    return this.blocks.get(line);
  }

  view(line: number): ParagraphView | undefined {
    return this.views.get(line);
  }

  renderedViews(): ParagraphView[] {
    return [...this.views.values()].sort((a, b) => a.line - b.line);
  }

  /** A new document (or the page's first): every paragraph estimated, the blocks of `window` held, `top` shown. */
  reset(lengths: readonly number[], window: { readonly first: number; readonly last: number }, blocks: readonly ParagraphBlock[], top: PagePosition): void {
    for (const v of this.views.values()) v.element.remove();
    this.views.clear();
    this.blocks = new Map(blocks.map((b) => [b.line, b]));
    this.requested = { first: window.first, last: window.last };
    this.lengths = [...lengths];
    this.measureStyle();
    this.heights = new HeightIndex(this.lengths.map((n) => this.estimate(n)));
    this.measured = this.lengths.map(() => false);
    this.sizer.style.height = `${Math.ceil(this.heights.total)}px`;
    this.scrollTo(top);
  }

  /** The font, size or width changed: estimates and drawings are redone. */
  restyle(): void {
    this.measureStyle();
    this.heights = new HeightIndex(this.lengths.map((n) => this.estimate(n)));
    this.measured = this.lengths.map(() => false);
    for (const v of this.views.values()) v.dirty = true;
    this.refresh();
  }

  /**
   * Lines at..at+removed-1 became as many lines as `lengths` has (the extension did the same on its
   * side). The new lines' blocks come with the splice and are given to `setBlocks` right after, which
   * draws: the edited paragraph never shows empty in between.
   */
  splice(at: number, removed: number, lengths: readonly number[]): void {
    const splice = { at, removed, inserted: lengths.length };
    const delta = lengths.length - removed;
    this.lengths = spliceLines(this.lengths, splice, lengths);
    this.measured = spliceLines(
      this.measured,
      splice,
      lengths.map(() => false),
    );
    this.heights.splice(
      at,
      removed,
      lengths.map((n) => this.estimate(n)),
    );
    const moveKeys = <T>(map: Map<number, T>, move: (value: T, line: number) => T, drop: (value: T) => void): Map<number, T> => {
      const next = new Map<number, T>();
      for (const [line, value] of map) {
        if (line < at) next.set(line, value);
        else if (line >= at + removed) next.set(line + delta, move(value, line + delta));
        else drop(value);
      }
      return next;
    };
    this.blocks = moveKeys(
      this.blocks,
      (b, line) => ({ ...b, line }),
      () => undefined,
    );
    this.views = moveKeys(
      this.views,
      (v, line) => {
        v.setLine(line);
        return v;
      },
      (v) => v.element.remove(),
    );
    // The extension moved its window the same way.
    if (this.requested.last >= at + removed) this.requested.last += delta;
    else if (this.requested.last >= at) this.requested.last = Math.max(this.requested.last, at + lengths.length - 1);
    if (this.requested.first >= at + removed) this.requested.first += delta;
  }

  /** New or changed blocks, and held blocks that only start elsewhere. */
  setBlocks(blocks: readonly ParagraphBlock[], starts: readonly (readonly [number, number, number])[]): void {
    for (const [line, start, cpStart] of starts) {
      const b = this.blocks.get(line);
      if (b) this.blocks.set(line, { ...b, start, cpStart });
    }
    for (const b of blocks) {
      if (b.line < this.requested.first || b.line > this.requested.last || b.line >= this.lengths.length) continue;
      this.blocks.set(b.line, b);
      if (this.lengths[b.line] !== b.text.length) {
        this.lengths[b.line] = b.text.length;
        if (!this.measured[b.line]) this.heights.set(b.line, this.estimate(b.text.length));
      }
      const view = this.views.get(b.line);
      if (view) view.setBlock(b);
    }
    // Starts changed: spans' command arguments are rebuilt with them.
    for (const [line] of starts) {
      const view = this.views.get(line);
      const b = this.blocks.get(line);
      if (view && b) view.setBlock(b);
    }
    this.refresh();
  }

  /** Draws on the next frame (scrolling calls it on every event). */
  schedule(): void {
    if (this.frame !== 0) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.refresh();
    });
  }

  /** Puts the paragraphs around the visible part in the DOM, draws what changed, and asks for a new window when needed. */
  refresh(): void {
    if (this.frame !== 0) {
      cancelAnimationFrame(this.frame);
      this.frame = 0;
    }
    const count = this.lengths.length;
    const viewport = Math.max(1, this.scroller.clientHeight);
    const top = this.scroller.scrollTop;
    const first = count === 0 ? 0 : Math.max(0, this.heights.indexAt(top - viewport * RENDER_MARGIN));
    const last = count === 0 ? -1 : this.heights.indexAt(top + viewport * (1 + RENDER_MARGIN));
    this.requestAround(top, viewport, first, last);
    for (const [line, view] of this.views) {
      if (line < first || line > last) {
        view.element.remove();
        this.views.delete(line);
      }
    }
    for (let line = first; line <= last; line++) {
      if (this.views.has(line)) continue;
      const view = new ParagraphView(line);
      view.setBlock(this.blocks.get(line));
      this.insertInOrder(view);
      this.views.set(line, view);
    }
    this.draw();
  }

  /** Draws the dirty paragraphs in phases, so the browser lays the page out twice in all rather than per paragraph. */
  private draw(): void {
    const views = this.renderedViews();
    const anchorLine = this.lengths.length > 0 ? this.heights.indexAt(this.scroller.scrollTop) : 0;
    const anchorOffset = this.scroller.scrollTop - this.heights.top(anchorLine);
    for (const v of views) v.setTop(this.heights.top(v.line));
    const dirty = views.filter((v) => v.dirty);
    const focused = document.activeElement instanceof HTMLElement && document.activeElement.classList.contains('chip-main') ? document.activeElement.dataset['key'] : undefined;
    // Heights first (a read), then the spans (reads, then writes).
    let moved = false;
    for (const v of views) {
      if (!v.block) continue;
      const h = v.element.offsetHeight;
      if (Math.abs(h - this.heights.height(v.line)) > 0.5) {
        this.heights.set(v.line, h);
        moved = true;
      }
      this.measured[v.line] = true;
    }
    if (moved) for (const v of views) v.setTop(this.heights.top(v.line));
    for (const v of dirty) v.measure();
    let refocus: HTMLElement | undefined;
    for (const v of dirty) refocus = v.draw(this.ctx, focused) ?? refocus;
    const widths = dirty.map((v) => v.chipWidths());
    dirty.forEach((v, i) => v.placeChips(widths[i] ?? []));
    if (refocus && document.activeElement !== refocus) refocus.focus({ preventScroll: true });
    this.sizer.style.height = `${Math.ceil(this.heights.total)}px`;
    if (moved) {
      // Keep the text on screen where it was: the paragraphs above it changed height.
      const wanted = this.heights.top(anchorLine) + anchorOffset;
      if (Math.abs(wanted - this.scroller.scrollTop) > 0.5) {
        this.programmaticUntil = performance.now() + 100;
        this.scroller.scrollTop = wanted;
      }
    }
    if (dirty.length > 0) this.events.drawn();
  }

  /** Asks for the paragraphs around the visible part when the visible part leaves what is held. */
  private requestAround(top: number, viewport: number, first: number, last: number): void {
    const count = this.lengths.length;
    if (count === 0) return;
    if (first >= this.requested.first && last <= this.requested.last) return;
    let from = Math.max(0, this.heights.indexAt(top - viewport * REQUEST_MARGIN));
    let to = Math.min(count - 1, this.heights.indexAt(top + viewport * (1 + REQUEST_MARGIN)));
    if (to - from + 1 > MAX_HELD) {
      const middle = Math.floor((first + last) / 2);
      from = Math.max(0, middle - MAX_HELD / 2);
      to = Math.min(count - 1, from + MAX_HELD - 1);
    }
    from = Math.min(from, first);
    to = Math.max(to, last);
    this.requested = { first: from, last: to };
    for (const line of [...this.blocks.keys()]) if (line < from || line > to) this.blocks.delete(line);
    this.events.window(from, to);
  }

  private insertInOrder(view: ParagraphView): void {
    let next: ParagraphView | undefined;
    for (const v of this.views.values()) if (v.line > view.line && (!next || v.line < next.line)) next = v;
    this.sizer.insertBefore(view.element, next ? next.element : null);
  }

  /** Scrolls so that a place is at the top (the editor's first visible line, for example). */
  scrollTo(at: PagePosition): void {
    if (this.lengths.length === 0) return;
    const line = Math.max(0, Math.min(at.line, this.lengths.length - 1));
    let y = this.heights.top(line);
    const view = this.views.get(line);
    if (view?.block && at.character > 0) {
      const range = document.createRange();
      const node = view.textNode;
      const c = Math.min(at.character, node.data.length);
      range.setStart(node, c);
      range.setEnd(node, clusterEnd(node.data, c + 1));
      const rect = range.getBoundingClientRect();
      y += rect.top - view.element.getBoundingClientRect().top;
    } else if (at.character > 0) {
      y += (at.character / Math.max(1, this.lengths[line] ?? 1)) * this.heights.height(line);
    }
    this.programmaticUntil = performance.now() + 200;
    this.scroller.scrollTop = Math.max(0, y);
    this.refresh();
  }

  /** The place at the top of the visible part. */
  topPosition(): PagePosition {
    const top = this.scroller.scrollTop;
    const line = Math.max(0, this.heights.indexAt(top));
    const view = this.views.get(line);
    if (view?.block) {
      const box = this.scroller.getBoundingClientRect();
      const style = getComputedStyle(view.text);
      const x = box.right - parseFloat(style.paddingRight || '0') - 24;
      const p = caretAt(x, Math.max(box.top + 2, view.text.getBoundingClientRect().top + 2));
      if (p && p.node === view.textNode) return { line, character: p.offset };
    }
    return { line, character: 0 };
  }

  /** Brings a paragraph into view (when it is not) and draws it now. */
  reveal(line: number): ParagraphView | undefined {
    if (line < 0 || line >= this.lengths.length) return undefined;
    const top = this.heights.top(line);
    const bottom = top + this.heights.height(line);
    const viewTop = this.scroller.scrollTop;
    const viewBottom = viewTop + this.scroller.clientHeight;
    if (top < viewTop || bottom > viewBottom) {
      this.programmaticUntil = performance.now() + 200;
      this.scroller.scrollTop = Math.max(0, top - this.scroller.clientHeight / 3);
    }
    this.refresh();
    return this.views.get(line);
  }

  /** The paragraph place of a DOM selection point, when it is in a paragraph's text. */
  positionOf(node: Node | null, offset: number): PagePosition | undefined {
    if (!node) return undefined;
    const host = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element);
    const p = host?.closest('p.text');
    if (p instanceof HTMLElement) {
      const line = Number(p.dataset['line']);
      const view = this.views.get(line);
      if (!view) return undefined;
      const text = view.textNode.data;
      const character = node === view.textNode ? offset : offset > 0 ? text.length : 0;
      return { line, character };
    }
    // Selections that end between paragraphs (after a drag past the end of a line).
    const para = host?.closest('section.para');
    if (para instanceof HTMLElement) {
      const line = Number(para.dataset['line']);
      return { line, character: offset > 0 ? (this.views.get(line)?.textNode.data.length ?? 0) : 0 };
    }
    if (host === this.sizer) {
      const child = this.sizer.childNodes[offset] as HTMLElement | undefined;
      const line = child?.dataset['line'] !== undefined ? Number(child.dataset['line']) : undefined;
      if (line !== undefined) return { line, character: 0 };
      const last = this.renderedViews().pop();
      return last ? { line: last.line, character: last.textNode.data.length } : undefined;
    }
    return undefined;
  }

  /** The current selection as two paragraph places in document order, widened to whole characters. */
  selection(): { from: PagePosition; to: PagePosition; quote: string } | undefined {
    const sel = document.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return undefined;
    const range = sel.getRangeAt(0);
    const a = this.positionOf(range.startContainer, range.startOffset);
    const b = this.positionOf(range.endContainer, range.endOffset);
    if (!a || !b) return undefined;
    const fromText = this.blocks.get(a.line)?.text;
    const toText = this.blocks.get(b.line)?.text;
    if (fromText === undefined || toText === undefined) return undefined;
    const from = { line: a.line, character: snapToClusters(fromText, a.character, a.character).start };
    const to = { line: b.line, character: snapToClusters(toText, Math.max(0, b.character - 1), b.character).end };
    const quote = this.textBetween(from, to);
    if (quote === undefined || quote.trim() === '') return undefined;
    return { from, to, quote };
  }

  /** The text between two places, paragraphs joined by \n; undefined when a paragraph between is not held. */
  textBetween(from: PagePosition, to: PagePosition): string | undefined {
    if (from.line === to.line) return this.blocks.get(from.line)?.text.slice(from.character, to.character);
    const parts: string[] = [];
    for (let line = from.line; line <= to.line; line++) {
      const text = this.blocks.get(line)?.text;
      if (text === undefined) return undefined;
      parts.push(line === from.line ? text.slice(from.character) : line === to.line ? text.slice(0, to.character) : text);
    }
    return parts.join('\n');
  }

  /** The spans under a point, innermost first, with their paragraph. */
  hitAt(clientX: number, clientY: number): { view: ParagraphView; hits: SpanHit[] } | undefined {
    const target = document.elementFromPoint(clientX, clientY);
    const para = target?.closest('section.para');
    if (!(para instanceof HTMLElement)) return undefined;
    const view = this.views.get(Number(para.dataset['line']));
    if (!view?.block) return undefined;
    return { view, hits: view.hitsAt(clientX, clientY) };
  }

  /** Font metrics for the estimates: a line's height and an average character's width. */
  private measureStyle(): void {
    const wrap = document.createElement('section');
    wrap.className = 'para probe';
    const probe = document.createElement('p');
    probe.className = 'text';
    probe.dir = 'rtl';
    probe.textContent = SAMPLE;
    wrap.appendChild(probe);
    this.sizer.appendChild(wrap);
    const range = document.createRange();
    range.selectNodeContents(probe);
    const lines = Math.max(1, new Set(Array.from(range.getClientRects(), (r) => Math.round(r.top))).size);
    const style = getComputedStyle(probe);
    this.linePx = parseFloat(style.lineHeight) || 40;
    const width = probe.clientWidth - parseFloat(style.paddingLeft || '0') - parseFloat(style.paddingRight || '0');
    this.width = Math.max(100, width);
    // The sample fills `lines` lines of `width`: that many pixels per character, on average.
    this.charWidth = lines === 1 ? range.getBoundingClientRect().width / SAMPLE.length : (this.width * lines) / SAMPLE.length;
    // What a paragraph adds to its lines: the room for chips above and the space below.
    this.gapPx = Math.max(0, wrap.offsetHeight - probe.offsetHeight);
    wrap.remove();
  }

  private estimate(length: number): number {
    const lines = length === 0 ? 1 : Math.max(1, Math.ceil((length * this.charWidth) / this.width));
    return lines * this.linePx + this.gapPx;
  }
}

/** Text for measuring the font: Arabic news prose, no one's sentence. */
const SAMPLE = 'وقالت الهيئة في بيانها إن الأعمال في المشروع الجديد ستبدأ مطلع العام المقبل على أن تنتهي خلال ثلاث سنوات، وإن الكلفة ستتوزع بين الحكومة والقطاع الخاص.';

/** The caret place at a point (the standard API, or Chromium's older one). */
export function caretAt(x: number, y: number): { node: Node; offset: number } | undefined {
  const doc = document as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null };
  if (typeof doc.caretPositionFromPoint === 'function') {
    const p = doc.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : undefined;
  }
  const r = doc.caretRangeFromPoint?.(x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : undefined;
}
