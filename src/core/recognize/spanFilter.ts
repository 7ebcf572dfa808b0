import { foldArabic } from './normalize';
import type { RecognizedSpan, Rejection } from './recognizeTypes';

/** Applies the label filter and the rejections, and sorts by position. */
export function finish(spans: RecognizedSpan[], labels: ReadonlySet<string>, rejections: readonly Rejection[] | undefined, offset: number): RecognizedSpan[] {
  let out = spans.filter((s) => labels.has(s.label));
  if (rejections && rejections.length > 0) {
    const anywhere = new Set<string>();
    const learnedAnywhere = new Set<string>();
    const at = new Set<string>();
    for (const r of rejections) {
      const key = `${r.label}\u0000${foldArabic(r.text.trim())}`;
      learnedAnywhere.add(key);
      if (r.start === undefined || r.end === undefined) anywhere.add(key);
      else at.add(`${r.label}\u0000${r.start}\u0000${r.end}`);
    }
    out = out.filter((s) => {
      const key = `${s.label}\u0000${foldArabic(s.text)}`;
      if (anywhere.has(key)) return false;
      if (s.source === 'learned' && learnedAnywhere.has(key)) return false;
      return !at.has(`${s.label}\u0000${s.start + offset}\u0000${s.end + offset}`);
    });
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
}
