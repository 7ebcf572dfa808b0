import type { LabelStyle } from '../../../core/reading/readingProtocol';

const LABEL_ID = /^[A-Za-z][A-Za-z0-9_-]*$/;
const HEX = /^#[0-9a-fA-F]{6}([0-9a-fA-F]{2})?$/;

export interface LabelLook {
  readonly name: string;
  /** CSS colour of the box's border and the chip. */
  readonly color: string;
  /** CSS colour of a saved tag's background. */
  readonly fill: string;
  readonly known: boolean;
}

/**
 * Colours of labels as CSS values: the theme's `tawsim.label.<id>` colours (VS Code passes theme
 * colours to webviews as CSS variables) with the configured colour behind them, so light, dark and
 * high-contrast themes and `workbench.colorCustomizations` apply here as in the editor.
 */
export class LabelPalette {
  private readonly byId: ReadonlyMap<string, LabelStyle>;

  constructor(labels: readonly LabelStyle[]) {
    this.byId = new Map(labels.map((l) => [l.id, l]));
  }

  get labels(): readonly LabelStyle[] {
    return [...this.byId.values()];
  }

  look(id: string): LabelLook {
    const style = this.byId.get(id);
    if (!style || !HEX.test(style.color)) {
      const neutral = 'var(--vscode-descriptionForeground, #888888)';
      return { name: style?.name ?? id, color: neutral, fill: 'var(--vscode-editor-inactiveSelectionBackground, #8884)', known: style !== undefined };
    }
    const hex = style.color.slice(0, 7);
    const themed = style.themed && LABEL_ID.test(id);
    return {
      name: style.name,
      color: themed ? `var(--vscode-tawsim-label-${id}, ${hex})` : hex,
      fill: themed ? `var(--vscode-tawsim-label-${id}-background, ${hex}40)` : `${hex}40`,
      known: true,
    };
  }
}
