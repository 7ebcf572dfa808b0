import type { Annotation } from '../model/annotation';
import type { Token } from '../model/tokens';
import type { ExportRequest, ExportResult, ExportedFile, ExportWarning } from './formatTypes';
import { leftOutWarning, noticeWarning, prepareDocument } from './exportSelection';
import { conllTokens, firstTokenEndingAfter } from './conllExport';
import { sentenceEnds } from './conllSentences';
import { WEBANNO_FORMAT_LINE, WEBANNO_NE_HEADER, escapeWebannoText, escapeWebannoValue } from './webannoTsv';

/** A row of the body: a token, or a sub-token (part of one) where a span starts or ends inside it. */
interface Unit {
  readonly start: number;
  readonly end: number;
  readonly annotations: Annotation[];
}

interface TokenUnit extends Unit {
  readonly subTokens: Unit[];
}

/**
 * WebAnno TSV 3.3, one `.tsv` per document (`news/a.txt` → `news/a.tsv`), the named entities in
 * INCEpTION's NamedEntity layer (`value` holds the label). Offsets are UTF-16 code units, as the
 * format says. Tokens are Tawsim's tokens (cut as Python would cut them too); sentences end at
 * line ends and sentence-final punctuation, never inside a span. A span that starts or ends inside
 * a token gets a sub-token row (`1-3.1`), multi-unit and stacked spans a disambiguation id
 * (`LOC[2]`), as INCEpTION writes them. Each sentence's `#Text=` covers the text up to the next
 * sentence, so INCEpTION rebuilds the text exactly, except what comes before the first token,
 * which it rebuilds as spaces.
 *
 * Only accepted spans with their labels are written; values and notes have no column in the
 * layer and are reported. A span edge in white space moves to the nearest token (rows are tokens).
 * A document without tokens is left out: INCEpTION cannot read a file without a sentence.
 */
export function exportWebanno(request: ExportRequest): ExportResult {
  const files: ExportedFile[] = [];
  const warnings: ExportWarning[] = [];
  for (const doc of request.documents) {
    const prepared = prepareDocument(doc, ['accepted']);
    warnings.push(...prepared.warnings);
    const tokens = conllTokens(doc.text, false);
    const stem = doc.path.endsWith('.txt') ? doc.path.slice(0, -4) : doc.path;
    if (tokens.length === 0) {
      if (prepared.annotations.length)
        warnings.push(leftOutWarning(doc.path, 'left out: the text has no token, and INCEpTION cannot read a document without a sentence', prepared.annotations));
      else warnings.push({ path: doc.path, message: `${doc.path}: left out: the text has no token, and INCEpTION cannot read a document without a sentence`, annotations: [] });
      continue;
    }
    const units: TokenUnit[] = tokens.map((t) => ({ start: t.start, end: t.end, annotations: [], subTokens: [] }));
    // inside[i]: a span goes on from token i to token i + 1, so no sentence may end between them.
    const inside = new Array<boolean>(tokens.length).fill(false);
    const moved: Annotation[] = [];
    const noToken: Annotation[] = [];
    for (const a of prepared.annotations) {
      const s0 = prepared.index.toUtf16(a.start);
      const e0 = prepared.index.toUtf16(a.end);
      const first = firstTokenEndingAfter(tokens, s0);
      let last = -1;
      for (let i = first; i < tokens.length && (tokens[i] as Token).start < e0; i++) last = i;
      if (last < first) {
        noToken.push(a);
        continue;
      }
      const s = Math.max(s0, (tokens[first] as Token).start);
      const e = Math.min(e0, (tokens[last] as Token).end);
      if (s !== s0 || e !== e0) moved.push(a);
      inside.fill(true, first, last);
      placeSpan(units, first, last, a, s, e);
    }
    if (noToken.length) warnings.push(leftOutWarning(doc.path, 'spans covering no token left out (WebAnno TSV rows are tokens)', noToken));
    if (moved.length) warnings.push(leftOutWarning(doc.path, 'span edges in white space moved to the nearest token, as INCEpTION does', moved));
    const withValues = prepared.annotations.filter((a) => a.value !== undefined);
    const withNotes = prepared.annotations.filter((a) => a.note !== undefined);
    if (withValues.length) warnings.push(leftOutWarning(doc.path, 'values left out (the NamedEntity layer has no place for them)', withValues));
    if (withNotes.length) warnings.push(leftOutWarning(doc.path, 'notes left out (the NamedEntity layer has no place for them)', withNotes));
    const lead = doc.text.slice(0, (tokens[0] as Token).start);
    if (/[^ ]/.test(lead))
      warnings.push(noticeWarning(doc.path, 'INCEpTION rebuilds the text before the first token as spaces (the format has no place for it); offsets are unchanged'));

    const ids = disambiguationIds(units);
    const ends = sentenceEnds(doc.text, tokens, (i) => inside[i] === true);
    let body = '';
    let from = 0;
    ends.forEach((end, k) => {
      const begin = (tokens[from] as Token).start;
      const next = tokens[end + 1];
      let text = doc.text.slice(begin, next ? next.start : doc.text.length);
      // The reader ends every sentence's text with a line feed: one the text already has is left to it.
      if (text.endsWith('\n')) text = text.slice(0, -1);
      body += '\n';
      for (const line of text.split('\n')) body += `#Text=${escapeWebannoText(line)}\n`;
      for (let i = from; i <= end; i++) {
        const unit = units[i] as TokenUnit;
        const id = `${k + 1}-${i - from + 1}`;
        body += row(id, unit, doc.text, ids);
        [...unit.subTokens].sort((x, y) => x.start - y.start || x.end - y.end).forEach((sub, j) => (body += row(`${id}.${j + 1}`, sub, doc.text, ids)));
      }
      from = end + 1;
    });
    files.push({ relativePath: `${stem}.tsv`, content: `${WEBANNO_FORMAT_LINE}\n${WEBANNO_NE_HEADER}\n\n${body}` });
  }
  return { files, warnings };
}

/** Puts a span on its units the way INCEpTION's writer does: whole tokens, and sub-tokens where it starts or ends inside one. */
function placeSpan(units: TokenUnit[], first: number, last: number, a: Annotation, s: number, e: number): void {
  const begin = units[first] as TokenUnit;
  const end = units[last] as TokenUnit;
  const sub = (token: TokenUnit, from: number, to: number): void => {
    let unit = token.subTokens.find((u) => u.start === from && u.end === to);
    if (!unit) {
      unit = { start: from, end: to, annotations: [] };
      token.subTokens.push(unit);
    }
    unit.annotations.push(a);
  };
  if (begin.start < s) sub(begin, s, Math.min(begin.end, e));
  else if (first !== last || end.end <= e) begin.annotations.push(a);
  if (first !== last) {
    for (let i = first + 1; i < last; i++) (units[i] as TokenUnit).annotations.push(a);
    if (end.end > e) sub(end, Math.max(end.start, s), e);
    else end.annotations.push(a);
  } else if (begin.start >= s && begin.end > e) {
    sub(begin, s, e);
  }
}

/** Ids for spans on more than one row and for spans stacked on one row with others, numbered in order of first appearance. */
function disambiguationIds(units: readonly TokenUnit[]): Map<Annotation, number> {
  const rows = new Map<Annotation, number>();
  const stacked = new Set<Annotation>();
  for (const unit of units) {
    for (const u of [unit, ...unit.subTokens]) {
      for (const a of u.annotations) rows.set(a, (rows.get(a) ?? 0) + 1);
      if (u.annotations.length > 1) for (const a of u.annotations) stacked.add(a);
    }
  }
  const ids = new Map<Annotation, number>();
  for (const unit of units) {
    for (const u of [unit, ...unit.subTokens]) {
      for (const a of u.annotations) if (!ids.has(a) && ((rows.get(a) ?? 0) > 1 || stacked.has(a))) ids.set(a, ids.size + 1);
    }
  }
  return ids;
}

function row(id: string, unit: Unit, text: string, ids: ReadonlyMap<Annotation, number>): string {
  const suffix = (a: Annotation): string => (ids.has(a) ? `[${ids.get(a)}]` : '');
  const identifier = unit.annotations.length ? unit.annotations.map((a) => `*${suffix(a)}`).join('|') : '_';
  const value = unit.annotations.length ? unit.annotations.map((a) => `${escapeWebannoValue(a.label)}${suffix(a)}`).join('|') : '_';
  return `${id}\t${unit.start}-${unit.end}\t${text.slice(unit.start, unit.end)}\t${identifier}\t${value}\t\n`;
}
