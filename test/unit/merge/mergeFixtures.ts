import type { Annotation } from '../../../src/core/model/annotation';
import { serializeSidecar } from '../../../src/core/sidecar/serializeSidecar';
import { sha256Hex } from '../../../src/core/sidecar/hash';

/** A short text of our own: "Cairo hosted the Arab League summit in Rabat yesterday". */
export const MERGE_TEXT = 'استضافت القاهرة قمة جامعة الدول العربية ثم انتقل الوفد إلى الرباط أمس';

export function span(id: string, label: string, quote: string, extra: Partial<Annotation> = {}): Annotation {
  const start = [...MERGE_TEXT.slice(0, MERGE_TEXT.indexOf(quote))].length;
  return { id, label, start, end: start + [...quote].length, text: quote, status: 'accepted', source: 'manual', ...extra };
}

export function sidecarText(annotations: readonly Annotation[], annotator = 'salma'): string {
  return serializeSidecar({
    tawsim: 1,
    document: { path: 'article.txt', sha256: sha256Hex(MERGE_TEXT), length: [...MERGE_TEXT].length },
    annotator,
    annotations,
  });
}
