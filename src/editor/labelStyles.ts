import * as vscode from 'vscode';
import type { LabelDefinition } from '../core/model/labels';
import { DEFAULT_LABELS } from '../core/model/labels';

/**
 * Colours of a label. Default labels use the colours contributed in package.json, so themes and
 * `workbench.colorCustomizations` can override them; a label the user added or recoloured in
 * `tawsim.labels` uses its own colour.
 */
export function labelColor(label: LabelDefinition): string | vscode.ThemeColor {
  return isThemed(label) ? new vscode.ThemeColor(`tawsim.label.${label.id}`) : label.color;
}

export function labelBackground(label: LabelDefinition): string | vscode.ThemeColor {
  return isThemed(label) ? new vscode.ThemeColor(`tawsim.label.${label.id}.background`) : withAlpha(label.color, '55');
}

/** Whether a label takes its colours from the theme (a default label with its default colour). */
export function isThemed(label: LabelDefinition): boolean {
  return DEFAULT_LABELS.some((d) => d.id === label.id && d.color.toLowerCase() === label.color.toLowerCase());
}

function withAlpha(color: string, alpha: string): string {
  return /^#[0-9a-fA-F]{6}$/.test(color) ? color + alpha : color;
}

/** The label's name in the display language, with the other language beside it. */
export function labelTitle(label: LabelDefinition): string {
  return vscode.env.language.startsWith('ar') ? `${label.ar} · ${label.en}` : `${label.en} · ${label.ar}`;
}
