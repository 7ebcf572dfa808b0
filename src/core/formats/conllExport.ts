import type { Annotation } from '../model/annotation';
import type { Token } from '../model/tokens';
import { tokenize } from '../model/tokens';
import type { ExportRequest, ExportResult, ExportWarning } from './formatTypes';
import { bundleName, leftOutWarning, prepareDocument, withoutOverlaps } from './exportSelection';
import type { TokenChunk } from './bioTags';
import { encodeTags } from './bioTags';
import { sentenceEnds } from './conllSentences';

/** The document separator line of CoNLL 2003. */
export const CONLL_DOCSTART = '-DOCSTART- -X- -X- O';

/**
 * CoNLL 2003 style: one `token TAG` line per token (tokens.ts, proclitics split on request), a
 * blank line after each sentence (see conllSentences.ts), and `-DOCSTART- -X- -X- O` before each
 * document. Tags are flat, so overlapping spans keep the outer one; CoNLL has no place for
 * values, notes or unaccepted spans, and spans that do not start and end on token boundaries are
 * widened to whole tokens. Each of these is reported with the spans concerned.
 */
export function exportConll(request: ExportRequest): ExportResult {
  const scheme = request.options?.conll?.scheme ?? 'IOB2';
  const splitProclitics = request.options?.conll?.splitProclitics ?? false;
  const warnings: ExportWarning[] = [];
  let out = '';
  for (const doc of request.documents) {
    const prepared = prepareDocument(doc, ['accepted']);
    warnings.push(...prepared.warnings);
    const tokens = tokenize(doc.text, { splitProclitics });
    const spans: (TokenChunk & { readonly start: number; readonly end: number; readonly a: Annotation })[] = [];
    const noToken: Annotation[] = [];
    const widened: Annotation[] = [];
    for (const a of prepared.annotations) {
      const s = prepared.index.toUtf16(a.start);
      const e = prepared.index.toUtf16(a.end);
      const first = firstTokenEndingAfter(tokens, s);
      let last = -1;
      for (let i = first; i < tokens.length && (tokens[i] as Token).start < e; i++) last = i;
      if (last < 0) {
        noToken.push(a);
        continue;
      }
      if (tokens[first]?.start !== s || tokens[last]?.end !== e) widened.push(a);
      spans.push({ first, last, label: a.label, start: first, end: last + 1, a });
    }
    const { kept, dropped } = withoutOverlaps(spans);
    const withValues = kept.filter((k) => k.a.value !== undefined).map((k) => k.a);
    const withNotes = kept.filter((k) => k.a.note !== undefined).map((k) => k.a);
    if (noToken.length) warnings.push(leftOutWarning(doc.path, 'spans covering no token left out', noToken));
    if (dropped.length)
      warnings.push(
        leftOutWarning(
          doc.path,
          'overlapping spans left out (CoNLL tags are flat; the outer span was kept)',
          dropped.map((d) => d.a),
        ),
      );
    const keptWidened = widened.filter((a) => kept.some((k) => k.a === a));
    if (keptWidened.length) warnings.push(leftOutWarning(doc.path, 'spans not on token boundaries were widened to whole tokens', keptWidened));
    if (withValues.length) warnings.push(leftOutWarning(doc.path, 'values left out (CoNLL has no place for them)', withValues));
    if (withNotes.length) warnings.push(leftOutWarning(doc.path, 'notes left out (CoNLL has no place for them)', withNotes));

    const tags = encodeTags(tokens.length, kept, scheme);
    const inside = new Array<boolean>(tokens.length).fill(false);
    for (const k of kept) for (let i = k.first; i < k.last; i++) inside[i] = true;
    const ends = sentenceEnds(doc.text, tokens, (i) => inside[i] === true);
    out += `${CONLL_DOCSTART}\n\n`;
    let from = 0;
    for (const end of ends) {
      for (let i = from; i <= end; i++) out += `${tokens[i]?.text ?? ''} ${tags[i] ?? 'O'}\n`;
      out += '\n';
      from = end + 1;
    }
  }
  return { files: [{ relativePath: bundleName(request.documents, request.options?.fileName, '.conll'), content: out }], warnings };
}

/** Index of the first token that ends after `offset` (tokens are sorted and do not overlap). */
function firstTokenEndingAfter(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((tokens[mid] as Token).end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
