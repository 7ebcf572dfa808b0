import type { Annotation } from '../model/annotation';
import type { BlockArc, BlockSpan, ParagraphBlock } from './readingProtocol';
import type { ReviewSpan } from './reviewSpans';
import { stackLevels } from './stackLevels';

/** A recogniser suggestion in the document: UTF-16 offsets. */
export interface SuggestedSpan {
  readonly start: number;
  readonly end: number;
  readonly label: string;
  readonly text: string;
  readonly source: string;
  readonly reason?: string;
  readonly value?: string;
  readonly score?: number;
  readonly alternative?: { readonly label: string; readonly score: number };
}

/** One line of the document: its text (without the line break) and where it starts, in UTF-16 and in code points. */
export interface LineInfo {
  readonly line: number;
  readonly text: string;
  readonly start: number;
  readonly cpStart: number;
}

/** What lies on a line, in UTF-16 offsets of the document; spans that do not reach into it are ignored. */
export interface LineSpans {
  /** Live annotations (no orphans): accepted ones are tags, `suggested` ones suggestions, rejected ones are not shown. */
  readonly annotations: readonly Annotation[];
  readonly suggestions: readonly SuggestedSpan[];
  readonly review: readonly ReviewSpan[];
}

/**
 * The paragraph block the page draws for one line: each span clipped to the line (marked when it
 * goes on before or after), in document order (start, then the longer first), with the levels that
 * stack nested and overlapping boxes. A disagreement's extent is drawn around everything in it.
 */
export function paragraphBlock(line: LineInfo, spans: LineSpans, knownLabels: ReadonlySet<string>, relations: readonly BlockArc[] = []): ParagraphBlock {
  const lineEnd = line.start + line.text.length;
  const drawn: Omit<BlockSpan, 'level'>[] = [];
  const clip = (s: { readonly start: number; readonly end: number }): Pick<BlockSpan, 'start' | 'end' | 'from' | 'to' | 'before' | 'after'> | undefined => {
    const start = Math.max(s.start, line.start);
    const end = Math.min(s.end, lineEnd);
    if (end <= start) return undefined;
    return {
      start: start - line.start,
      end: end - line.start,
      from: s.start - line.start,
      to: s.end - line.start,
      ...(s.start < line.start ? { before: true } : {}),
      ...(s.end > lineEnd ? { after: true } : {}),
    };
  };
  const unknown = (label: string): { unknown?: true } => (knownLabels.has(label) ? {} : { unknown: true });
  for (const a of spans.annotations) {
    if (a.status === 'rejected' || a.orphan === true) continue;
    const place = clip(a);
    if (!place) continue;
    drawn.push({
      kind: a.status === 'suggested' ? 'suggestion' : 'tag',
      ...place,
      label: a.label,
      text: a.text,
      id: a.id,
      status: a.status,
      source: a.source,
      ...(a.value !== undefined ? { value: a.value } : {}),
      ...(a.note !== undefined ? { note: a.note } : {}),
      ...unknown(a.label),
    });
  }
  for (const s of spans.suggestions) {
    const place = clip(s);
    if (!place) continue;
    drawn.push({
      kind: 'suggestion',
      ...place,
      label: s.label,
      text: s.text,
      status: 'suggested',
      source: s.source,
      ...(s.reason !== undefined ? { reason: s.reason } : {}),
      ...(s.value !== undefined ? { value: s.value } : {}),
      ...(s.score !== undefined ? { score: s.score } : {}),
      ...(s.alternative !== undefined ? { alternative: s.alternative } : {}),
      ...unknown(s.label),
    });
  }
  for (const r of spans.review) {
    const place = clip(r);
    if (!place) continue;
    const { start: _start, end: _end, cpStart, cpEnd, kind, ...rest } = r;
    drawn.push({ ...rest, kind, ...place, cpFrom: cpStart - line.cpStart, cpTo: cpEnd - line.cpStart, ...(kind === 'proposal' ? unknown(r.label) : {}) });
  }
  drawn.sort((a, b) => a.start - b.start || b.end - a.end || kindOrder(a.kind) - kindOrder(b.kind) || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  const boxes = drawn.filter((s) => s.kind !== 'disagreement');
  const levels = stackLevels(boxes);
  const top = levels.reduce((m, l) => Math.max(m, l + 1), 0);
  const levelOf = new Map(boxes.map((s, i) => [s, levels[i] as number]));
  // An arc joins two boxes of this paragraph; a relation reaching into another paragraph is in the hover.
  const ids = new Set(drawn.flatMap((s) => (s.id !== undefined && (s.kind === 'tag' || s.kind === 'suggestion') ? [s.id] : [])));
  const arcs = relations.filter((r) => r.status !== 'rejected' && r.from !== r.to && ids.has(r.from) && ids.has(r.to));
  return {
    line: line.line,
    text: line.text,
    start: line.start,
    cpStart: line.cpStart,
    spans: drawn.map((s) => ({ ...s, level: levelOf.get(s) ?? top }) as BlockSpan),
    ...(arcs.length > 0 ? { arcs } : {}),
  };
}

function kindOrder(kind: BlockSpan['kind']): number {
  return kind === 'disagreement' ? 0 : kind === 'tag' || kind === 'proposal' ? 1 : 2;
}
