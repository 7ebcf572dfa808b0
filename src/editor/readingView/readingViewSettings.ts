import * as vscode from 'vscode';
import type { LabelNames, ReadingSettings } from '../../core/reading/readingProtocol';

/** Naskh faces first (what Arabic newspapers print), then the platforms' Arabic UI faces. */
export const DEFAULT_READING_FONT =
  "'Noto Naskh Arabic', 'Amiri', 'Scheherazade New', 'Traditional Arabic', 'Arabic Typesetting', 'Geeza Pro', 'Segoe UI', 'Noto Sans Arabic', 'DejaVu Sans', sans-serif";

/** The reading view's settings, mirroring `tawsim.readingView.*` in package.json. */
export interface ReadingViewSettings extends ReadingSettings {
  readonly labelNames: LabelNames;
  /** Scroll the view with the editor and the editor with the view. */
  readonly followEditor: boolean;
}

export function readReadingViewSettings(scope?: vscode.Uri): ReadingViewSettings {
  const config = vscode.workspace.getConfiguration('tawsim.readingView', scope);
  const names = config.get<string>('labelNames', 'auto');
  return {
    fontFamily: config.get<string>('fontFamily', DEFAULT_READING_FONT).trim() || DEFAULT_READING_FONT,
    fontSize: clamp(config.get<number>('fontSize', 20), 10, 48, 20),
    lineHeight: clamp(config.get<number>('lineHeight', 2.4), 1.2, 4, 2.4),
    labelNames: names === 'arabic' || names === 'english' || names === 'id' ? names : 'auto',
    followEditor: config.get<boolean>('followEditor', true),
  };
}

function clamp(value: unknown, min: number, max: number, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : fallback;
}
