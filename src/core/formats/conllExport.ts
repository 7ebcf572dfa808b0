import type { Annotation } from '../model/annotation';
import type { Token } from '../model/tokens';
import { tokenize } from '../model/tokens';
import { PYTHON_NON_SPACE } from './pythonText';
import type { ExportRequest, ExportResult, ExportWarning } from './formatTypes';
import { bundleName, leftOutWarning, prepareDocument, withoutOverlaps } from './exportSelection';
import type { TokenChunk } from './bioTags';
import { encodeTags } from './bioTags';
import { sentenceEnds } from './conllSentences';

/**
 * The document separator line: spaCy's CoNLL converter splits documents at exactly this string
 * (conll_ner_to_docs), and CoNLL 2003 readers at any line starting with -DOCSTART-.
 */
export const CONLL_DOCSTART = '-DOCSTART- -X- O O';

/** The file beside a CoNLL export that names each document's path, in order (CoNLL lines have no room for it). */
export function conllPathsFileName(conllFileName: string): string {
  return `${conllFileName}.paths`;
}

/** Tokens as Python readers see them: the shared tokens, cut wherever Python's `str.split()` would cut (\x85, \x1c–\x1f). */
export function conllTokens(text: string, splitProclitics: boolean): Token[] {
  const tokens: Token[] = [];
  for (const t of tokenize(text, { splitProclitics })) {
    const runs = new RegExp(PYTHON_NON_SPACE.source, 'gu');
    for (let m = runs.exec(t.text); m !== null; m = runs.exec(t.text)) {
      tokens.push({ start: t.start + m.index, end: t.start + m.index + m[0].length, text: m[0], wordLike: t.wordLike });
    }
  }
  return tokens;
}

/**
 * CoNLL 2003 style: one `token TAG` line per token (tokens.ts, proclitics split on request; no
 * token holds a character Python splits at), a blank line after each sentence (see
 * conllSentences.ts), and `-DOCSTART- -X- O O` before each document, so that spaCy's converter
 * and CoNLL 2003 readers split documents there. Each document's path goes in `<file>.paths`
 * beside it, in order, so an import finds the texts again in a folder that holds others too.
 * Tags are flat, so overlapping spans keep the outer one; CoNLL has no place for values, notes or
 * unaccepted spans, and spans that do not start and end on token boundaries are widened to whole
 * tokens. Each of these is reported with the spans concerned.
 */
export function exportConll(request: ExportRequest): ExportResult {
  const scheme = request.options?.conll?.scheme ?? 'IOB2';
  const splitProclitics = request.options?.conll?.splitProclitics ?? false;
  const warnings: ExportWarning[] = [];
  let out = '';
  for (const doc of request.documents) {
    const prepared = prepareDocument(doc, ['accepted']);
    warnings.push(...prepared.warnings);
    const tokens = conllTokens(doc.text, splitProclitics);
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
  const name = bundleName(request.documents, request.options?.fileName, '.conll');
  const paths = `${JSON.stringify(
    request.documents.map((d) => d.path),
    null,
    2,
  )}\n`;
  return {
    files: [
      { relativePath: name, content: out },
      { relativePath: conllPathsFileName(name), content: paths },
    ],
    warnings,
  };
}

/** Index of the first token that ends after `offset` (tokens are sorted and do not overlap). */
export function firstTokenEndingAfter(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((tokens[mid] as Token).end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
