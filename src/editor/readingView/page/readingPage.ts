import { codePointIn, inOrder } from '../../../core/reading/readingOffsets';
import type { BlockSpan, HostMessage, LabelStyle, PagePosition, ParagraphBlock, ReadingSettings } from '../../../core/reading/readingProtocol';
import type { SpanAction } from '../../../core/reading/spanActions';
import { spanActions } from '../../../core/reading/spanActions';
import type { HostConnection } from './hostConnection';
import { HoverCard } from './hoverCard';
import { LabelPalette } from './labelPalette';
import { caretAt, ParagraphList } from './paragraphList';
import type { ParagraphView } from './paragraphView';
import { spanKey } from './paragraphView';
import { describeSpan } from './spanText';
import { StatusBanner } from './statusBanner';
import type { HeldSelection } from './tagBar';
import { TagBar } from './tagBar';
import { el, Strings } from './text';

/** Keys the view keeps for itself, whatever the label set says (undo, redo, tag…, next, previous). */
const RESERVED_CODES = new Set(['KeyZ', 'KeyY', 'KeyT', 'KeyR', 'ArrowUp', 'ArrowDown']);
/** How long a selection must stay before the editor is told (a drag changes it on every move). */
const SELECT_DELAY_MS = 150;
const SCROLL_POST_MS = 60;

/**
 * The reading view's page: the document right to left, tags as boxes with chips, the label bar
 * over a selection, keyboard and pointer, and the messages to and from the extension. The page
 * decides nothing about annotations: every action is a message that the extension turns into one
 * of Tawsim's commands.
 */
export class ReadingPage {
  private readonly strings = new Strings();
  /** What paragraphs are drawn with; the list reads it at each drawing. */
  private readonly look: { palette: LabelPalette; readonly strings: Strings } = { palette: new LabelPalette([]), strings: this.strings };
  private labels: readonly LabelStyle[] = [];
  private fileName = '';
  private readonly scroller: HTMLElement;
  private readonly sizer: HTMLElement;
  private readonly caret: HTMLElement;
  private readonly live: HTMLElement;
  private readonly list: ParagraphList;
  private readonly banner: StatusBanner;
  private readonly tagBar: TagBar;
  private readonly card = new HoverCard();
  private selectTimer: ReturnType<typeof setTimeout> | undefined;
  private scrollTimer: ReturnType<typeof setTimeout> | undefined;
  private lastScrollPost = 0;
  private hoverFrame = 0;
  private pendingFocus: { line: number; start: number; label: string } | undefined;
  private width = 0;

  constructor(
    root: HTMLElement,
    private readonly host: HostConnection,
  ) {
    this.banner = new StatusBanner(this.strings, (command) => this.host.post({ type: 'run', command, args: {} }));
    this.tagBar = new TagBar((label, selection) => this.tag(label, selection), this.strings);
    this.scroller = el('div', 'scroller');
    this.scroller.tabIndex = 0;
    this.scroller.setAttribute('role', 'document');
    this.scroller.dir = 'rtl';
    this.scroller.lang = 'ar';
    this.sizer = el('div', 'sizer');
    this.caret = el('div', 'caret');
    this.caret.setAttribute('aria-hidden', 'true');
    this.caret.hidden = true;
    this.sizer.appendChild(this.caret);
    this.scroller.appendChild(this.sizer);
    this.live = el('div', 'visually-hidden');
    this.live.setAttribute('aria-live', 'polite');
    const app = el('div', 'reading-app');
    app.append(this.banner.element, this.scroller, this.tagBar.element, this.card.element, this.live);
    root.replaceChildren(app);
    this.list = new ParagraphList(this.scroller, this.sizer, this.look, {
      window: (first, last) => this.host.post({ type: 'window', first, last }),
      drawn: () => this.afterDraw(),
    });
    this.listen();
  }

  onMessage(message: HostMessage): void {
    switch (message.type) {
      case 'init':
        this.fileName = message.fileName;
        this.strings.set(message.strings);
        this.scroller.setAttribute('aria-label', this.strings.t('viewLabel', message.fileName));
        this.scroller.dataset['vscodeContext'] = JSON.stringify({ uri: message.uri });
        this.applyStyle(message.labels, message.settings);
        this.width = this.scroller.clientWidth;
        this.list.reset(message.lengths, message.window, message.blocks, message.top);
        this.sizer.classList.toggle('empty', message.lengths.length <= 1 && message.lengths[0] === 0);
        this.sizer.dataset['empty'] = this.strings.t('empty');
        if (document.activeElement === document.body) this.scroller.focus({ preventScroll: true });
        return;
      case 'splice':
        this.list.splice(message.at, message.removed, message.lengths);
        this.list.setBlocks(message.blocks, message.starts);
        return;
      case 'blocks':
        this.list.setBlocks(message.blocks, message.starts);
        return;
      case 'status': {
        this.banner.update(message.status, this.fileName);
        // Under review, spans of several annotators overlap: their chips need taller lines.
        const review = message.status.review !== undefined;
        if (review !== this.scroller.classList.contains('review')) {
          this.scroller.classList.toggle('review', review);
          this.list.restyle();
        }
        return;
      }
      case 'style':
        this.applyStyle(message.labels, message.settings);
        this.list.restyle();
        return;
      case 'scrollTo':
        this.list.scrollTo({ line: message.line, character: message.character });
        return;
      case 'focusSpan':
        this.pendingFocus = { line: message.line, start: message.start, label: message.label };
        this.list.reveal(message.line);
        this.afterDraw();
        return;
      case 'announce':
        this.announce(message.text);
        return;
    }
  }

  private applyStyle(labels: readonly LabelStyle[], settings: ReadingSettings): void {
    this.labels = labels;
    this.look.palette = new LabelPalette(labels);
    const style = document.documentElement.style;
    style.setProperty('--reading-font', settings.fontFamily);
    style.setProperty('--reading-size', `${settings.fontSize}px`);
    style.setProperty('--reading-line-height', String(settings.lineHeight));
    this.tagBar.setLabels(this.look.palette);
  }

  private listen(): void {
    this.scroller.addEventListener('scroll', () => this.onScroll());
    document.addEventListener('selectionchange', () => this.onSelectionChange());
    document.addEventListener('keydown', (e) => this.onKey(e));
    this.scroller.addEventListener('click', (e) => this.onClick(e));
    this.scroller.addEventListener('contextmenu', (e) => this.onContextMenu(e));
    this.scroller.addEventListener('mousemove', (e) => this.onPointer(e));
    this.scroller.addEventListener('mouseleave', () => this.card.hide());
    this.scroller.addEventListener('focusin', (e) => this.onFocus(e.target));
    this.scroller.addEventListener('focusout', () => {
      this.card.hide();
      this.updateCaret();
    });
    new ResizeObserver(() => {
      const width = this.scroller.clientWidth;
      if (Math.abs(width - this.width) < 1) return;
      this.width = width;
      this.list.restyle();
    }).observe(this.scroller);
  }

  private onScroll(): void {
    this.list.schedule();
    this.card.hide();
    this.tagBar.show(undefined, undefined);
    if (performance.now() < this.list.programmaticUntil) return;
    // Tell the editor where the view is, at most every SCROLL_POST_MS and once more at the end.
    const post = (): void => {
      this.lastScrollPost = performance.now();
      this.host.post({ type: 'scrolled', at: this.list.topPosition() });
    };
    clearTimeout(this.scrollTimer);
    if (performance.now() - this.lastScrollPost > SCROLL_POST_MS) post();
    this.scrollTimer = setTimeout(post, SCROLL_POST_MS);
  }

  private onSelectionChange(): void {
    this.updateCaret();
    const selection = this.list.selection();
    this.tagBar.show(selection, selection ? document.getSelection()?.getRangeAt(0).getBoundingClientRect() : undefined);
    clearTimeout(this.selectTimer);
    this.selectTimer = setTimeout(() => {
      const now = this.list.selection();
      if (now) this.host.post({ type: 'select', from: now.from, to: now.to });
    }, SELECT_DELAY_MS);
  }

  private onKey(e: KeyboardEvent): void {
    const target = e.target instanceof HTMLElement ? e.target : undefined;
    if (e.ctrlKey && e.altKey && !e.metaKey) {
      if (this.onCommandKey(e)) e.preventDefault();
      return;
    }
    if ((e.ctrlKey || e.metaKey) && !e.altKey && (e.code === 'KeyZ' || e.code === 'KeyY')) {
      // The view has no text to undo: Ctrl+Z undoes the last annotation change, as Ctrl+Alt+Z does.
      this.host.post({ type: e.code === 'KeyY' || e.shiftKey ? 'redo' : 'undo' });
      e.preventDefault();
      return;
    }
    if (target?.classList.contains('chip-main')) {
      if (this.onChipKey(e, target)) e.preventDefault();
      return;
    }
    if (target?.closest('.tagbar')) {
      if (e.key === 'Escape') this.scroller.focus({ preventScroll: true });
      return;
    }
    if (e.key === 'Escape') {
      document.getSelection()?.collapseToStart();
      this.tagBar.show(undefined, undefined);
      return;
    }
    if (this.moveCaret(e)) e.preventDefault();
  }

  /** Ctrl+Alt+…: a label's key tags the selection; Z, Y undo and redo; T opens the label bar; Up and Down walk the tags. */
  private onCommandKey(e: KeyboardEvent): boolean {
    if (e.code === 'KeyZ' || e.code === 'KeyY') {
      this.host.post({ type: e.code === 'KeyZ' ? 'undo' : 'redo' });
      return true;
    }
    if (e.code === 'ArrowDown' || e.code === 'ArrowUp') {
      this.host.post({ type: 'navigate', from: this.currentPosition(), direction: e.code === 'ArrowDown' ? 1 : -1 });
      return true;
    }
    const selection = this.tagBar.selection ?? this.list.selection();
    if (e.code === 'KeyT') {
      if (selection) this.tagBar.focus();
      return true;
    }
    if (RESERVED_CODES.has(e.code)) return false;
    const label = this.labels.find((l) => l.key !== undefined && codeOf(l.key) === e.code);
    if (!label || !selection) return false;
    this.tag(label.id, selection);
    return true;
  }

  /** Keys on a focused chip: Enter accepts (or shows the span in the editor), Delete rejects or removes, F2 relabels. */
  private onChipKey(e: KeyboardEvent, chip: HTMLElement): boolean {
    const found = this.spanOf(chip);
    if (!found) return false;
    const actions = spanActions(found.block, found.span);
    const run = (action: SpanAction | undefined): boolean => {
      if (!action) return false;
      this.host.post({ type: 'run', command: action.command, args: action.args });
      return true;
    };
    switch (e.key) {
      case 'Enter':
      case ' ':
        if (found.span.kind === 'tag') {
          this.selectSpan(found.block, found.span);
          return true;
        }
        return run(actions.accept ?? actions.take);
      case 'Delete':
      case 'Backspace':
        return run(actions.reject);
      case 'F2':
        return run(actions.relabel);
      case 'Escape':
        this.scroller.focus({ preventScroll: true });
        return true;
      default:
        return false;
    }
  }

  private onClick(e: MouseEvent): void {
    const target = e.target instanceof Element ? e.target : null;
    const button = target?.closest<HTMLElement>('.chip-act, .chip-main');
    if (button) {
      const found = this.spanOf(button);
      if (!found) return;
      const actions = spanActions(found.block, found.span);
      const act = button.dataset['act'];
      const action = act === 'accept' ? actions.accept : act === 'reject' ? actions.reject : act === 'take' ? actions.take : undefined;
      if (action) this.host.post({ type: 'run', command: action.command, args: action.args });
      else this.selectSpan(found.block, found.span);
      return;
    }
    const sel = document.getSelection();
    if (sel && !sel.isCollapsed) return;
    const hit = this.list.hitAt(e.clientX, e.clientY);
    const span = hit?.hits.find((h) => h.span.kind !== 'disagreement') ?? hit?.hits[0];
    if (hit?.view.block && span) {
      this.selectSpan(hit.view.block, span.span);
      return;
    }
    const p = caretAt(e.clientX, e.clientY);
    const at = p && this.list.positionOf(p.node, p.offset);
    if (at) this.host.post({ type: 'select', from: at, to: at });
  }

  /**
   * Right click: VS Code's context menu for webviews shows the `webview/context` commands of the
   * section named by the closest `data-vscode-context`, and gives them its other values as
   * arguments. Chips carry their own; on the text, the paragraph gets the span under the pointer,
   * or the selection, just before VS Code reads it.
   */
  private onContextMenu(e: MouseEvent): void {
    const target = e.target instanceof Element ? e.target : null;
    if (target?.closest('.chip')) return;
    const para = target?.closest<HTMLElement>('section.para');
    if (!para) return;
    const hit = this.list.hitAt(e.clientX, e.clientY);
    const span = hit?.hits.find((h) => h.span.kind !== 'disagreement') ?? hit?.hits[0];
    const selection = this.list.selection();
    if (hit?.view.block && span && !selection) {
      const actions = spanActions(hit.view.block, span.span);
      para.dataset['vscodeContext'] = JSON.stringify({ webviewSection: actions.section, ...actions.context, preventDefaultContextMenuItems: true });
      return;
    }
    if (selection) {
      const from = this.list.block(selection.from.line);
      const to = this.list.block(selection.to.line);
      if (from && to) {
        para.dataset['vscodeContext'] = JSON.stringify({
          webviewSection: 'selection',
          start: codePointIn(from, selection.from.character),
          end: codePointIn(to, selection.to.character),
        });
        return;
      }
    }
    delete para.dataset['vscodeContext'];
  }

  private onPointer(e: MouseEvent): void {
    const x = e.clientX;
    const y = e.clientY;
    if (this.hoverFrame !== 0) return;
    this.hoverFrame = requestAnimationFrame(() => {
      this.hoverFrame = 0;
      const hit = this.list.hitAt(x, y);
      const first = hit?.hits[0];
      if (!hit?.view.block || !first) {
        this.card.hide();
        return;
      }
      const origin = hit.view.element.getBoundingClientRect();
      const r = first.rects[0];
      if (!r) return;
      this.showCard(first.span, new DOMRect(origin.left + r.left, origin.top + r.top, r.width, r.height));
    });
  }

  private onFocus(target: EventTarget | null): void {
    if (!(target instanceof HTMLElement) || !target.classList.contains('chip-main')) {
      this.updateCaret();
      return;
    }
    const found = this.spanOf(target);
    if (!found) return;
    this.showCard(found.span, target.getBoundingClientRect());
    target.setAttribute('aria-describedby', this.card.element.id);
  }

  private showCard(span: BlockSpan, near: DOMRect): void {
    const text = describeSpan(span, this.look.palette, this.strings);
    this.card.show(spanKey(span), text.title, text.rows, near);
  }

  /** The block and span a chip stands for. */
  private spanOf(element: HTMLElement): { block: ParagraphBlock; span: BlockSpan } | undefined {
    const block = this.list.block(Number(element.dataset['line']));
    const span = block?.spans[Number(element.dataset['span'])];
    return block && span ? { block, span } : undefined;
  }

  /** Shows a span in the editor, selected. */
  private selectSpan(block: ParagraphBlock, span: BlockSpan): void {
    this.host.post({ type: 'select', from: { line: block.line, character: span.start }, to: { line: block.line, character: span.end } });
  }

  private tag(label: string, selection: HeldSelection): void {
    const [from, to] = inOrder(selection.from, selection.to);
    this.host.post({ type: 'tag', label, from, to, quote: selection.quote });
    document.getSelection()?.collapseToEnd();
    this.tagBar.show(undefined, undefined);
    this.scroller.focus({ preventScroll: true });
  }

  /** Where the keyboard is: the selection's focus, a focused chip's span, else the top of the view. */
  private currentPosition(): PagePosition {
    const active = document.activeElement;
    if (active instanceof HTMLElement && active.classList.contains('chip-main')) {
      const found = this.spanOf(active);
      if (found) return { line: found.block.line, character: found.span.start };
    }
    const sel = document.getSelection();
    const at = sel && sel.rangeCount > 0 ? this.list.positionOf(sel.focusNode, sel.focusOffset) : undefined;
    return at ?? this.list.topPosition();
  }

  /**
   * Arrow keys move a caret through the text and Shift extends the selection, as in an editor,
   * although the text cannot be changed: `Selection.modify` moves by character, word, line and line
   * end in visual order, which is what the arrow keys mean in right-to-left text.
   */
  private moveCaret(e: KeyboardEvent): boolean {
    const moves: Record<string, [string, string]> = {
      ArrowLeft: ['left', e.ctrlKey ? 'word' : 'character'],
      ArrowRight: ['right', e.ctrlKey ? 'word' : 'character'],
      ArrowUp: ['backward', 'line'],
      ArrowDown: ['forward', 'line'],
      Home: ['backward', 'lineboundary'],
      End: ['forward', 'lineboundary'],
    };
    const move = moves[e.key];
    if (!move || e.altKey || e.metaKey) return false;
    const sel = document.getSelection();
    if (!sel) return false;
    const inside = sel.rangeCount > 0 && this.list.positionOf(sel.focusNode, sel.focusOffset) !== undefined;
    if (!inside) {
      const top = this.list.topPosition();
      const view = this.list.view(top.line);
      if (!view) return false;
      sel.collapse(view.textNode, Math.min(top.character, view.textNode.data.length));
    }
    sel.modify(e.shiftKey ? 'extend' : 'move', move[0], move[1]);
    this.keepInView();
    this.updateCaret();
    return true;
  }

  private keepInView(): void {
    const sel = document.getSelection();
    if (!sel || sel.rangeCount === 0 || !sel.focusNode) return;
    const range = document.createRange();
    range.setStart(sel.focusNode, sel.focusOffset);
    const rect = range.getBoundingClientRect();
    const box = this.scroller.getBoundingClientRect();
    const margin = 40;
    if (rect.top < box.top + margin) this.scroller.scrollTop -= box.top + margin - rect.top;
    else if (rect.bottom > box.bottom - margin) this.scroller.scrollTop += rect.bottom - box.bottom + margin;
  }

  /** A thin caret where a collapsed selection is, since the browser paints none in text that cannot be edited. */
  private updateCaret(): void {
    const sel = document.getSelection();
    const focused = document.activeElement === this.scroller || document.activeElement === document.body;
    const node = sel?.focusNode;
    if (!sel || !sel.isCollapsed || !focused || !node || node.nodeType !== Node.TEXT_NODE || !node.parentElement?.classList.contains('text')) {
      this.caret.hidden = true;
      return;
    }
    const range = document.createRange();
    range.setStart(node, sel.focusOffset);
    const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
    const origin = this.sizer.getBoundingClientRect();
    this.caret.hidden = false;
    this.caret.style.left = `${rect.left - origin.left}px`;
    this.caret.style.top = `${rect.top - origin.top}px`;
    this.caret.style.height = `${Math.max(rect.height, 16)}px`;
  }

  /** After drawing: a chip waiting for the keyboard focus gets it; the caret follows its paragraph; a card may describe a span that changed. */
  private afterDraw(): void {
    this.updateCaret();
    if (!(document.activeElement instanceof HTMLElement && document.activeElement.classList.contains('chip-main'))) this.card.hide();
    const wanted = this.pendingFocus;
    if (!wanted) return;
    const view: ParagraphView | undefined = this.list.view(wanted.line);
    const span = view?.block?.spans.find((s) => s.start === wanted.start && s.label === wanted.label && s.kind !== 'disagreement');
    if (!view || !span || view.dirty) return;
    const chip = view.chipFor(spanKey(span));
    if (!chip) return;
    this.pendingFocus = undefined;
    chip.focus();
    chip.scrollIntoView({ block: 'nearest' });
  }

  private announce(text: string): void {
    this.live.textContent = '';
    // A change of text in a live region is what screen readers announce.
    requestAnimationFrame(() => {
      this.live.textContent = text;
    });
  }
}

/** The `KeyboardEvent.code` of a label's key: digits and letters, whatever the keyboard layout. */
function codeOf(key: string): string {
  return /^[0-9]$/.test(key) ? `Digit${key}` : /^[a-zA-Z]$/.test(key) ? `Key${key.toUpperCase()}` : key;
}
