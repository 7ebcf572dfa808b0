import type { LabelledSentence } from './labelledSentence';
import { labelText } from './labelledSentence';

/** What a stored annotation tells the tagger: UTF-16 offsets into the document, a label, a status. */
export interface AnnotationEvidence {
  readonly start: number;
  readonly end: number;
  readonly label: string;
  readonly status: 'accepted' | 'suggested' | 'rejected';
  readonly orphan?: boolean;
}

/** A line the annotator worked on, as a training example: its words, its tags, and the tags each word may take. */
export interface AnnotatedLine {
  /** UTF-16 offset of the line in its document. */
  readonly offset: number;
  readonly sentence: LabelledSentence;
  /** n × T: 1 where the tag is allowed. A word under an undecided suggestion may take any tag. */
  readonly allowed: Uint8Array;
}

const LINE = /[^\r\n]+/g;

/**
 * The lines of a document that teach the tagger: those holding an accepted tag or a rejection of
 * one of its labels. In such a line every word the annotator left untagged is taken as no entity
 * (the annotator read the line), except words under a stored suggestion nobody decided yet.
 */
export function annotatedLines(text: string, annotations: readonly AnnotationEvidence[], labels: readonly string[], T: number): AnnotatedLine[] {
  const placed = annotations.filter((a) => !a.orphan && a.end > a.start).sort((a, b) => a.start - b.start);
  const out: AnnotatedLine[] = [];
  if (placed.length === 0) return out;
  let k = 0;
  LINE.lastIndex = 0;
  for (let m = LINE.exec(text); m !== null; m = LINE.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    while (k < placed.length && (placed[k] as AnnotationEvidence).end <= start) k++;
    const inLine: AnnotationEvidence[] = [];
    for (let j = k; j < placed.length && (placed[j] as AnnotationEvidence).start < end; j++) {
      const a = placed[j] as AnnotationEvidence;
      if (a.start >= start && a.end <= end) inLine.push(a);
    }
    const decided = inLine.filter((a) => a.status !== 'suggested' && labels.includes(a.label));
    if (decided.length === 0) continue;
    const line = m[0];
    const accepted = inLine.filter((a) => a.status === 'accepted').map((a) => ({ start: a.start - start, end: a.end - start, label: a.label }));
    const sentence = labelText(line, accepted, labels);
    const allowed = new Uint8Array(sentence.words.length * T);
    for (let i = 0; i < sentence.words.length; i++) allowed[i * T + (sentence.gold[i] as number)] = 1;
    const open = inLine.filter((a) => a.status === 'suggested');
    if (open.length > 0) {
      sentence.words.forEach((w, i) => {
        const ws = sentence.normalized.offsets[w.start] as number;
        const we = sentence.normalized.offsets[w.end] as number;
        if (sentence.gold[i] !== 0) return;
        if (open.some((a) => a.start - start < we && a.end - start > ws)) allowed.fill(1, i * T, (i + 1) * T);
      });
    }
    out.push({ offset: start, sentence, allowed });
  }
  return out;
}
