import type { ChipPlace } from '../../../core/reading/chipPlacement';
import { placeChips } from '../../../core/reading/chipPlacement';
import { clusterEnd } from '../../../core/reading/readingOffsets';
import type { BlockSpan, ParagraphBlock } from '../../../core/reading/readingProtocol';
import { spanActions } from '../../../core/reading/spanActions';
import { arcGeometry } from '../../../core/reading/relationArcs';
import type { LabelPalette } from './labelPalette';
import { describeSpan } from './spanText';
import type { Strings } from './text';
import { el } from './text';

/** A rectangle in the paragraph's own coordinates (pixels from its top left corner). */
export interface LocalRect {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** A span's boxes, for hit tests: where the pointer is, which spans are there. */
export interface SpanHit {
  readonly index: number;
  readonly span: BlockSpan;
  readonly rects: readonly LocalRect[];
}

interface Measured {
  readonly index: number;
  readonly span: BlockSpan;
  readonly rects: LocalRect[];
  /** Outset of the box around the text, growing with the level so nested boxes show one inside the other. */
  readonly outset: number;
  /** The visual line the chip sits above (its fragment's top) and where the span starts on it. */
  readonly chipLine: number;
  readonly anchor: number;
}

/** What the page's parts need to draw a paragraph. */
export interface DrawContext {
  /** Replaced when the label set or its colours change. */
  palette: LabelPalette;
  readonly strings: Strings;
}

const CHIP_HEIGHT = 15;
const SVG = 'http://www.w3.org/2000/svg';

/**
 * One paragraph of the reading view. The text is one text node in one element, exactly the line's
 * text: nothing is ever inserted into it, so Arabic letters join and words order as they would in
 * an untagged page, and DOM offsets in it are the line's UTF-16 offsets. Tags are drawn apart, as
 * boxes under the text placed from the browser's own measure of the text (`Range.getClientRects`),
 * with a label chip above each, like the editor's overlay-only decorations.
 */
export class ParagraphView {
  readonly element: HTMLElement;
  readonly text: HTMLParagraphElement;
  private readonly node: Text;
  private readonly boxes: HTMLElement;
  private readonly chips: HTMLElement;
  /** Relation arcs between this paragraph's boxes, drawn under the text (the chips are above it). */
  private readonly arcs: SVGSVGElement;
  private measured: Measured[] = [];
  private chipElements: HTMLElement[] = [];
  hits: SpanHit[] = [];
  block: ParagraphBlock | undefined;
  /** The spans need drawing again (new block, new width, new style). */
  dirty = true;

  constructor(readonly line: number) {
    this.element = el('section', 'para');
    this.boxes = el('div', 'boxes');
    this.boxes.setAttribute('aria-hidden', 'true');
    this.text = el('p', 'text');
    this.text.dir = 'rtl';
    this.node = document.createTextNode('');
    this.text.appendChild(this.node);
    this.chips = el('div', 'chips');
    this.arcs = document.createElementNS(SVG, 'svg');
    this.arcs.setAttribute('class', 'arcs');
    this.arcs.setAttribute('aria-hidden', 'true');
    this.element.append(this.boxes, this.arcs, this.text, this.chips);
    this.setLine(line);
  }

  get textNode(): Text {
    return this.node;
  }

  setLine(line: number): void {
    (this as { line: number }).line = line;
    this.element.dataset['line'] = String(line);
    this.text.dataset['line'] = String(line);
  }

  /** Shows a block (or an empty placeholder until it arrives); the spans are drawn by the next layout. */
  setBlock(block: ParagraphBlock | undefined): void {
    const text = block?.text ?? '';
    if (this.node.data !== text) this.node.data = text;
    this.element.classList.toggle('pending', block === undefined);
    this.block = block;
    this.dirty = true;
  }

  setTop(top: number): void {
    this.element.style.top = `${top}px`;
  }

  /** First phase of drawing (reads only): where each span's text is on screen. */
  measure(): void {
    this.measured = [];
    const block = this.block;
    if (!block || block.spans.length === 0) return;
    const origin = this.element.getBoundingClientRect();
    const range = document.createRange();
    const text = this.node.data;
    block.spans.forEach((span, index) => {
      const start = Math.min(span.start, text.length);
      const end = Math.min(span.end, text.length);
      if (end <= start) return;
      range.setStart(this.node, start);
      range.setEnd(this.node, end);
      const rects = fragments(range.getClientRects(), origin);
      if (rects.length === 0) return;
      range.setEnd(this.node, clusterEnd(text, start + 1));
      const first = range.getBoundingClientRect();
      const line = rects.find((r) => first.top - origin.top < r.top + r.height && first.bottom - origin.top > r.top) ?? (rects[0] as LocalRect);
      // The span starts at the right of its first character in right-to-left runs, at its left in left-to-right ones.
      const firstLeft = first.left - origin.left;
      const firstRight = first.right - origin.left;
      const rtlRun = Math.abs(line.left + line.width - firstRight) <= Math.abs(firstLeft - line.left);
      const outset = span.kind === 'disagreement' ? 3 + span.level * 3 : 1 + span.level * 3;
      this.measured.push({ index, span, rects, outset, chipLine: line.top, anchor: rtlRun ? firstRight + outset : firstLeft - outset });
    });
  }

  /** Second phase (writes only): boxes, and chips not yet placed. */
  draw(ctx: DrawContext, focusKey: string | undefined): HTMLElement | undefined {
    const block = this.block;
    this.boxes.replaceChildren();
    this.arcs.replaceChildren();
    this.chips.replaceChildren();
    this.chipElements = [];
    this.hits = this.measured.map((m) => ({ index: m.index, span: m.span, rects: m.rects })).sort((a, b) => a.span.level - b.span.level);
    if (!block) return undefined;
    let focus: HTMLElement | undefined;
    for (const m of this.measured) {
      const look = ctx.palette.look(m.span.label);
      for (const r of m.rects) {
        const box = el('div', boxClass(m.span));
        box.style.left = `${r.left - m.outset}px`;
        box.style.top = `${r.top - m.outset}px`;
        box.style.width = `${r.width + 2 * m.outset}px`;
        box.style.height = `${r.height + 2 * m.outset}px`;
        box.style.setProperty('--label', look.color);
        box.style.setProperty('--fill', look.fill);
        this.boxes.appendChild(box);
      }
      const chip = this.chip(ctx, block, m);
      this.chips.appendChild(chip);
      this.chipElements.push(chip);
      if (focusKey !== undefined && spanKey(m.span) === focusKey) focus = chip.querySelector<HTMLElement>('.chip-main') ?? undefined;
    }
    this.drawArcs(block);
    this.dirty = false;
    return focus;
  }

  /** One arc per relation whose two ends were measured here; the label says the type. */
  private drawArcs(block: ParagraphBlock): void {
    for (const arc of block.arcs ?? []) {
      const end = (id: string): Measured | undefined => this.measured.find((m) => m.span.id === id && (m.span.kind === 'tag' || m.span.kind === 'suggestion'));
      const from = end(arc.from);
      const to = end(arc.to);
      const fromBox = from?.rects[0];
      const toBox = to?.rects[0];
      if (!from || !to || !fromBox || !toBox) continue;
      const g = arcGeometry(fromBox, toBox, arc.symmetric === true, Math.max(from.outset, to.outset) + 1);
      const group = document.createElementNS(SVG, 'g');
      group.setAttribute('class', `arc${arc.status === 'suggested' ? ' suggested' : ''}`);
      group.dataset['relation'] = arc.id;
      const path = document.createElementNS(SVG, 'path');
      path.setAttribute('d', g.path);
      group.appendChild(path);
      if (g.arrow !== undefined) {
        const head = document.createElementNS(SVG, 'polygon');
        head.setAttribute('points', g.arrow);
        group.appendChild(head);
      }
      const label = document.createElementNS(SVG, 'text');
      label.setAttribute('x', String(g.labelX));
      label.setAttribute('y', String(g.labelY));
      label.setAttribute('text-anchor', 'middle');
      label.setAttribute('dominant-baseline', 'middle');
      label.textContent = arc.type;
      group.appendChild(label);
      this.arcs.appendChild(group);
    }
  }

  /** Third phase (reads): the chips' widths. */
  chipWidths(): number[] {
    return this.chipElements.map((c) => c.offsetWidth);
  }

  /** Last phase (writes): chips above their lines, giving way to each other in the reading direction. */
  placeChips(widths: readonly number[]): void {
    const lineWidth = this.element.clientWidth;
    const byLine = new Map<number, number[]>();
    this.measured.forEach((m, i) => {
      const key = Math.round(m.chipLine);
      const list = byLine.get(key);
      if (list) list.push(i);
      else byLine.set(key, [i]);
    });
    for (const [top, members] of byLine) {
      const places: ChipPlace[] = placeChips(
        members.map((i) => ({ anchor: (this.measured[i] as Measured).anchor, width: widths[i] ?? 0 })),
        lineWidth,
        'rtl',
      );
      members.forEach((i, k) => {
        const chip = this.chipElements[i] as HTMLElement;
        const m = this.measured[i] as Measured;
        const place = places[k] as ChipPlace;
        chip.style.left = `${place.left}px`;
        chip.style.top = `${top - m.outset - CHIP_HEIGHT * (place.tier + 1)}px`;
      });
    }
  }

  private chip(ctx: DrawContext, block: ParagraphBlock, m: Measured): HTMLElement {
    const span = m.span;
    const look = ctx.palette.look(span.label);
    const text = describeSpan(span, ctx.palette, ctx.strings);
    const actions = spanActions(block, span);
    const chip = el('div', `chip ${boxClass(span)}`);
    chip.style.setProperty('--label', span.kind === 'disagreement' ? 'var(--vscode-editorWarning-foreground, #cca700)' : look.color);
    chip.dataset['vscodeContext'] = JSON.stringify({ webviewSection: actions.section, ...actions.context, preventDefaultContextMenuItems: true });
    const main = el('button', 'chip-main', text.chip);
    main.type = 'button';
    main.dir = 'auto';
    main.dataset['line'] = String(this.line);
    main.dataset['span'] = String(m.index);
    main.dataset['key'] = spanKey(span);
    main.setAttribute('aria-label', text.title);
    chip.appendChild(main);
    const act = (kind: 'accept' | 'reject' | 'take', symbol: string, label: string): void => {
      const b = el('button', `chip-act ${kind}`, symbol);
      b.type = 'button';
      b.tabIndex = -1;
      b.title = label;
      b.setAttribute('aria-label', `${label}: «${span.text}»`);
      b.dataset['line'] = String(this.line);
      b.dataset['span'] = String(m.index);
      b.dataset['act'] = kind;
      chip.appendChild(b);
    };
    if (span.kind === 'suggestion') {
      act('accept', '✓', ctx.strings.t('accept'));
      act('reject', '✗', ctx.strings.t('reject'));
    } else if (span.kind === 'proposal') {
      act('accept', '✓', ctx.strings.t('acceptGold'));
      act('reject', '✗', ctx.strings.t('rejectGold'));
    } else if (span.kind === 'disagreement' && span.open) {
      act('take', '⇔', ctx.strings.t('takeBoundaries'));
    }
    return chip;
  }

  /** The spans at a point of the paragraph (client coordinates), innermost first. */
  hitsAt(clientX: number, clientY: number): SpanHit[] {
    const origin = this.element.getBoundingClientRect();
    const x = clientX - origin.left;
    const y = clientY - origin.top;
    return this.hits.filter((h) => h.rects.some((r) => x >= r.left - 1 && x <= r.left + r.width + 1 && y >= r.top - 1 && y <= r.top + r.height + 1));
  }

  /** The chip's button of a span, by its key. */
  chipFor(key: string): HTMLElement | undefined {
    return this.chips.querySelector<HTMLElement>(`.chip-main[data-key="${CSS.escape(key)}"]`) ?? undefined;
  }
}

/** Identifies a span across redraws (its paragraph's spans are rebuilt on every change). */
export function spanKey(span: Pick<BlockSpan, 'kind' | 'label' | 'from' | 'to' | 'id' | 'disagreementId'>): string {
  return `${span.kind}:${span.label}:${span.from}:${span.to}:${span.id ?? ''}:${span.disagreementId ?? ''}`;
}

function boxClass(span: BlockSpan): string {
  const classes = ['box', span.kind, `level-${Math.min(span.level, 5)}`];
  if (span.unknown) classes.push('unknown');
  if (span.kind === 'proposal') classes.push(span.agreed ? 'agreed' : 'disputed');
  if (span.verdict) classes.push(`gold-${span.verdict}`);
  if (span.kind === 'disagreement') classes.push(span.open ? 'open' : 'settled');
  if (span.before) classes.push('before');
  if (span.after) classes.push('after');
  return classes.join(' ');
}

/**
 * The client rectangles of a range, in the paragraph's coordinates, with the pieces of one visual
 * line that touch merged: the browser gives one rectangle per run of text, and a run of digits in
 * Arabic text is a run of its own.
 */
function fragments(list: DOMRectList, origin: DOMRect): LocalRect[] {
  const rects = Array.from(list)
    .filter((r) => r.width > 0 || r.height > 0)
    .map((r) => ({ left: r.left - origin.left, top: r.top - origin.top, width: r.width, height: r.height }))
    .sort((a, b) => a.top - b.top || a.left - b.left);
  const out: LocalRect[] = [];
  for (const r of rects) {
    const last = out[out.length - 1];
    const sameLine = last !== undefined && Math.abs(last.top - r.top) < 2 && Math.abs(last.height - r.height) < 4;
    if (last && sameLine && r.left <= last.left + last.width + 1) {
      const right = Math.max(last.left + last.width, r.left + r.width);
      const top = Math.min(last.top, r.top);
      out[out.length - 1] = { left: last.left, top, width: right - last.left, height: Math.max(last.top + last.height, r.top + r.height) - top };
    } else out.push(r);
  }
  return out;
}
