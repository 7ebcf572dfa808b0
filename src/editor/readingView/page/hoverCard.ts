import { el } from './text';

/**
 * The card that says what a span is (label, status, value of a date, score of a suggestion, who
 * tagged it), shown beside it under the pointer or when its chip has the keyboard focus.
 */
export class HoverCard {
  readonly element: HTMLElement;
  private owner: string | undefined;

  constructor() {
    this.element = el('div', 'hovercard');
    this.element.id = 'tawsim-hovercard';
    this.element.setAttribute('role', 'tooltip');
    this.element.hidden = true;
  }

  /** Shows rows for `owner` (a span's key) near a rectangle in client coordinates. */
  show(owner: string, title: string, rows: readonly (readonly [string, string])[], near: DOMRect): void {
    if (this.owner !== owner) {
      this.owner = owner;
      this.element.replaceChildren(el('div', 'hovercard-title', title));
      const table = el('dl');
      for (const [name, value] of rows) {
        if (name) table.appendChild(el('dt', undefined, name));
        const dd = el('dd', undefined, value);
        dd.dir = 'auto';
        table.appendChild(dd);
      }
      this.element.appendChild(table);
    }
    this.element.hidden = false;
    const width = this.element.offsetWidth;
    const height = this.element.offsetHeight;
    const left = Math.max(4, Math.min(near.right - width, window.innerWidth - width - 4));
    const below = near.bottom + 6;
    this.element.style.left = `${left}px`;
    this.element.style.top = `${below + height <= window.innerHeight - 4 ? below : Math.max(4, near.top - height - 6)}px`;
  }

  hide(): void {
    this.owner = undefined;
    this.element.hidden = true;
  }
}
