import type { ReadingStatus } from '../../../core/reading/readingProtocol';
import type { Strings } from './text';
import { el } from './text';

/** Above the text: orphaned tags, sidecar problems, and the review's state, with a button for each. */
export class StatusBanner {
  readonly element: HTMLElement;

  constructor(
    private readonly strings: Strings,
    private readonly run: (command: 'tawsim.showOrphans' | 'tawsim.openSidecar') => void,
  ) {
    this.element = el('header', 'banner');
    this.element.setAttribute('role', 'status');
    this.element.hidden = true;
  }

  update(status: ReadingStatus, fileName: string): void {
    const s = this.strings;
    const rows: HTMLElement[] = [];
    if (status.review) {
      rows.push(el('div', 'banner-row review', s.t('review', fileName, status.review.open, status.review.total) + ` — ${s.list(status.review.annotators)}`));
    }
    if (status.orphans.length > 0) {
      const row = el('div', 'banner-row orphans', s.t('orphans', status.orphans.length));
      const list = el('ul', 'orphan-list');
      for (const o of status.orphans.slice(0, 20)) {
        const item = el('li', undefined, `${o.label} «${o.text}»`);
        item.dir = 'auto';
        list.appendChild(item);
      }
      row.append(this.button(s.t('showOrphans'), 'tawsim.showOrphans'), list);
      rows.push(row);
    }
    if (status.problems.length > 0 || !status.writable) {
      const row = el('div', 'banner-row problems', s.t('problems'));
      const list = el('ul');
      for (const p of status.problems) list.appendChild(el('li', undefined, p));
      if (!status.writable) list.appendChild(el('li', undefined, s.t('readOnly')));
      row.append(this.button(s.t('openSidecar'), 'tawsim.openSidecar'), list);
      rows.push(row);
    }
    this.element.replaceChildren(...rows);
    this.element.hidden = rows.length === 0;
  }

  private button(text: string, command: 'tawsim.showOrphans' | 'tawsim.openSidecar'): HTMLButtonElement {
    const b = el('button', 'banner-button', text);
    b.type = 'button';
    b.addEventListener('click', () => this.run(command));
    return b;
  }
}
