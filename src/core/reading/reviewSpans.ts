import type { GoldSet } from '../review/adjudicate';
import { tagKey } from '../review/annotatorSet';
import type { Comparison, Proposal } from '../review/compareAnnotators';
import type { BlockSpan } from './readingProtocol';

/** A proposal or a disagreement's extent placed in the document: UTF-16 offsets, and code points for the review commands. */
export interface ReviewSpan extends Pick<BlockSpan, 'label' | 'text' | 'value' | 'by' | 'agreed' | 'disagreementId' | 'open' | 'missingIn' | 'verdict'> {
  readonly kind: 'proposal' | 'disagreement';
  readonly start: number;
  readonly end: number;
  readonly cpStart: number;
  readonly cpEnd: number;
}

/**
 * What the review shows on the text: every agreed span, every proposal of every disagreement with
 * the annotators behind it and gold's verdict on it, and each disagreement's extent, open or
 * settled. Offsets come in code points (the review's unit) and are placed with `toUtf16`. Sorted
 * by start, then longer first.
 */
export function reviewSpans(comparison: Comparison, gold: GoldSet, openIds: readonly string[], toUtf16: (codePoint: number) => number): ReviewSpan[] {
  const verdicts = new Map<string, 'accepted' | 'rejected'>();
  for (const g of gold) {
    if (g.review === undefined || g.orphan === true) continue;
    verdicts.set(tagKey(g), g.status === 'rejected' ? 'rejected' : 'accepted');
  }
  const open = new Set(openIds);
  const out: ReviewSpan[] = [];
  const place = (p: Proposal, extra: Partial<ReviewSpan>): void => {
    const verdict = verdicts.get(tagKey(p));
    out.push({
      kind: 'proposal',
      start: toUtf16(p.start),
      end: toUtf16(p.end),
      cpStart: p.start,
      cpEnd: p.end,
      label: p.label,
      text: p.text,
      ...(p.value !== undefined ? { value: p.value } : {}),
      by: p.by,
      ...(verdict ? { verdict } : {}),
      ...extra,
    });
  };
  for (const p of comparison.agreed) place(p, { agreed: true });
  for (const d of comparison.disagreements) {
    const isOpen = open.has(d.id);
    out.push({
      kind: 'disagreement',
      start: toUtf16(d.start),
      end: toUtf16(d.end),
      cpStart: d.start,
      cpEnd: d.end,
      label: d.kind,
      text: d.proposals[0]?.text ?? '',
      disagreementId: d.id,
      open: isOpen,
      missingIn: d.missingIn,
      by: d.annotators.filter((a) => a.spans.length > 0).map((a) => a.annotator),
    });
    for (const p of d.proposals) place(p, { agreed: false, disagreementId: d.id, open: isOpen });
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end || (a.kind === b.kind ? 0 : a.kind === 'disagreement' ? -1 : 1));
}
