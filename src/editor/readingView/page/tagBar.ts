import type { PagePosition } from '../../../core/reading/readingProtocol';
import type { LabelPalette } from './labelPalette';
import type { Strings } from './text';
import { el } from './text';

/** A selection the bar was opened for: kept, since pressing a button may clear the page's selection. */
export interface HeldSelection {
  readonly from: PagePosition;
  readonly to: PagePosition;
  readonly quote: string;
}

/**
 * The label bar above a selection: one button per label, in the label's colour, with its key
 * (Ctrl+Alt+1…6), as in doccano or Prodigy. It is a toolbar: arrow keys move between the buttons.
 */
export class TagBar {
  readonly element: HTMLElement;
  private held: HeldSelection | undefined;

  constructor(
    private readonly onTag: (label: string, selection: HeldSelection) => void,
    private readonly strings: Strings,
  ) {
    this.element = el('div', 'tagbar');
    this.element.setAttribute('role', 'toolbar');
    this.element.hidden = true;
    // Pressing a button must not take the selection away before the click.
    this.element.addEventListener('mousedown', (e) => e.preventDefault());
    this.element.addEventListener('click', (e) => {
      const button = (e.target as Element).closest('button');
      const label = button?.dataset['label'];
      if (label && this.held) this.onTag(label, this.held);
    });
    this.element.addEventListener('keydown', (e) => {
      if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
      const buttons = Array.from(this.element.querySelectorAll<HTMLButtonElement>('button'));
      const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
      // Right to left: the right arrow goes to the previous button.
      const step = e.key === 'ArrowLeft' ? 1 : -1;
      buttons[(i + step + buttons.length) % buttons.length]?.focus();
      e.preventDefault();
    });
  }

  setLabels(palette: LabelPalette): void {
    this.element.replaceChildren();
    this.element.setAttribute('aria-label', this.strings.t('tagAs'));
    for (const label of palette.labels) {
      const look = palette.look(label.id);
      const button = el('button', 'tag-button', look.name);
      button.type = 'button';
      button.dataset['label'] = label.id;
      button.style.setProperty('--label', look.color);
      button.style.setProperty('--fill', look.fill);
      if (label.key) {
        button.appendChild(el('kbd', undefined, label.key));
        button.title = this.strings.t('tagKey', look.name, label.key);
      }
      button.setAttribute('aria-label', `${this.strings.t('tagAs')} ${look.name}${label.key ? ` (Ctrl+Alt+${label.key})` : ''}`);
      this.element.appendChild(button);
    }
  }

  /** Shows the bar above the selection's rectangle (client coordinates), or hides it. */
  show(selection: HeldSelection | undefined, rect: DOMRect | undefined): void {
    this.held = selection;
    if (!selection || !rect) {
      this.element.hidden = true;
      return;
    }
    this.element.hidden = false;
    const width = this.element.offsetWidth;
    const height = this.element.offsetHeight;
    const left = Math.max(4, Math.min(rect.right - width, window.innerWidth - width - 4));
    const above = rect.top - height - 6;
    this.element.style.left = `${left}px`;
    this.element.style.top = `${above >= 4 ? above : rect.bottom + 6}px`;
  }

  get selection(): HeldSelection | undefined {
    return this.element.hidden ? undefined : this.held;
  }

  focus(): void {
    this.element.querySelector<HTMLButtonElement>('button')?.focus();
  }
}
