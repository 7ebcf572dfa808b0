import { CodePointIndex } from '../model/offsets';
import { sha256Hex } from './hash';
import type { Sidecar } from './sidecarTypes';
import type { Annotation } from '../model/annotation';
import { reanchorAnnotations } from './reanchor';

/**
 * A disagreement between a sidecar and its text. `message` is the English sentence the command
 * line prints; `kind` and the fields let the editor say the same in the user's language.
 */
export type TextProblem =
  | { readonly kind: 'textChanged'; readonly severity: 'warning'; readonly message: string; readonly path: string }
  | { readonly kind: 'lengthDiffers'; readonly severity: 'error'; readonly message: string; readonly path: string; readonly stated: number; readonly length: number }
  | { readonly kind: 'orphan'; readonly severity: 'warning'; readonly message: string; readonly id: string; readonly label: string; readonly quote: string }
  | { readonly kind: 'pastEnd'; readonly severity: 'error'; readonly message: string; readonly id: string; readonly end: number; readonly length: number; readonly path: string }
  | {
      readonly kind: 'quoteDiffers';
      readonly severity: 'error';
      readonly message: string;
      readonly id: string;
      readonly start: number;
      readonly end: number;
      readonly covered: string;
      readonly quote: string;
    };

/**
 * Checks a parsed sidecar against the text it describes, as `tawsim validate` does.
 * - The text it was saved for (same sha256): `document.length` must be the text's length, and
 *   every placed span must cover its quote (errors: the file was edited wrongly).
 * - A changed text (warning): spans are re-anchored by their quotes as every reader does, so a
 *   span that would move is no problem; one whose quote is gone would become an orphan (warning).
 * Orphans that re-anchoring cannot place are warnings in both cases. A span that repeats another's
 * span and label is the schema check's warning, not repeated here.
 */
export function checkSidecarText(sidecar: Sidecar, text: string): TextProblem[] {
  const out: TextProblem[] = [];
  const index = new CodePointIndex(text);
  const path = sidecar.document.path;
  const length = index.codePointLength;
  const unchanged = sidecar.document.sha256 === sha256Hex(text);
  if (!unchanged) {
    out.push({ kind: 'textChanged', severity: 'warning', path, message: `${path} changed since the sidecar was saved (sha256 differs); offsets are checked by their quotes` });
  } else if (sidecar.document.length !== length) {
    const stated = sidecar.document.length;
    out.push({
      kind: 'lengthDiffers',
      severity: 'error',
      path,
      stated,
      length,
      message: `document.length is ${stated}, but ${path} (the text this sidecar was saved for) has ${length} code points`,
    });
  }
  const placed = reanchorAnnotations(sidecar.annotations, text, index, sidecar.document.length).annotations;
  sidecar.annotations.forEach((a, i) => {
    const at = placed[i] as Annotation;
    if (unchanged && !a.orphan && (at.orphan || at.start !== a.start || at.end !== a.end)) {
      if (a.end > length) {
        out.push({ kind: 'pastEnd', severity: 'error', id: a.id, end: a.end, length, path, message: `${a.id} ends at ${a.end}, past the end of ${path} (${length} code points)` });
        return;
      }
      const covered = text.slice(index.toUtf16(a.start), index.toUtf16(Math.max(a.start, a.end)));
      if (covered !== a.text) {
        out.push({
          kind: 'quoteDiffers',
          severity: 'error',
          id: a.id,
          start: a.start,
          end: a.end,
          covered,
          quote: a.text,
          message: `${a.id} at ${a.start}-${a.end} covers «${covered}», not «${a.text}»`,
        });
        return;
      }
    }
    if (at.orphan && (a.text === '' || !text.includes(a.text))) {
      out.push({
        kind: 'orphan',
        severity: 'warning',
        id: a.id,
        label: a.label,
        quote: a.text,
        message: `${a.id} (${a.label} «${a.text}») is an orphan: its text is not in the document`,
      });
    }
  });
  return out;
}

/**
 * The 1-based line of each annotation's `id:` key in a sidecar's YAML, to put a problem about an
 * annotation where the reader can fix it. A line scan, not a parse: Tawsim writes one key per
 * line, and for hand-written flow-style YAML an id that is not found just falls back to line 1.
 */
export function annotationIdLines(content: string): Map<string, number> {
  const lines = new Map<string, number>();
  let inAnnotations = false;
  let line = 0;
  for (const raw of content.split('\n')) {
    line++;
    if (/^annotations\s*:/.test(raw)) inAnnotations = true;
    else if (/^[^\s#-]/.test(raw)) inAnnotations = false;
    if (!inAnnotations) continue;
    const m = /^\s*(?:-\s+)?id\s*:\s*(?:"([^"]*)"|'([^']*)'|([^\s#]+))/.exec(raw);
    const id = m?.[1] ?? m?.[2] ?? m?.[3];
    if (id !== undefined && !lines.has(id)) lines.set(id, line);
  }
  return lines;
}
