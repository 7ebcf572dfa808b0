import type { Annotation } from '../model/annotation';
import type { Token } from '../model/tokens';
import type { ExportRequest, ExportResult, ExportedFile, ExportWarning } from './formatTypes';
import { leftOutWarning, noticeWarning, prepareDocument } from './exportSelection';
import { conllTokens, firstTokenEndingAfter } from './conllExport';
import { sentenceEnds } from './conllSentences';
import { WEBANNO_FORMAT_LINE, WEBANNO_NE_HEADER, WEBANNO_RELATION_HEADER, escapeWebannoText, escapeWebannoValue } from './webannoTsv';
import type { Relation } from '../model/relation';
import { relationWarning } from './exportSelection';

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
 * layer and are reported. Accepted relations between them go in a relation layer (declared only
 * when a document has one; see WEBANNO_RELATION_HEADER): as the format documents, a relation is
 * written on the first row of its target (dependent) with the type in the `label` column and, in
 * the base-type column, the first row of its source (governor), followed by `[source_target]`
 * disambiguation ids when either end has one (`0` for the end that has none); several relations on
 * one row are separated by `|` in both columns. A span edge in white space moves to the nearest token (rows are tokens).
 * A document without tokens is left out: INCEpTION cannot read a file without a sentence.
 */
export function exportWebanno(request: ExportRequest): ExportResult {
  const files: ExportedFile[] = [];
  const warnings: ExportWarning[] = [];
  for (const doc of request.documents) {
    const prepared = prepareDocument(doc, ['accepted'], { relations: true });
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
    const placed = new Set<Annotation>();
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
      placed.add(a);
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
    const sentences = rowsOf(ends, units);
    const byId = new Map(prepared.annotations.map((a) => [a.id, a]));
    const unplaced = prepared.relations.filter((r) => !placed.has(byId.get(r.from) as Annotation) || !placed.has(byId.get(r.to) as Annotation));
    if (unplaced.length) warnings.push(relationWarning(doc.path, 'relations left out because an end of theirs covers no token', unplaced));
    const links = relationCells(
      prepared.relations.filter((r) => !unplaced.includes(r)),
      byId,
      sentences.flat(),
      ids,
    );
    let body = '';
    sentences.forEach((rows) => {
      const begin = (tokens[rows[0]?.token ?? 0] as Token).start;
      const next = tokens[(rows[rows.length - 1]?.token ?? 0) + 1];
      let text = doc.text.slice(begin, next ? next.start : doc.text.length);
      // The reader ends every sentence's text with a line feed: one the text already has is left to it.
      if (text.endsWith('\n')) text = text.slice(0, -1);
      body += '\n';
      for (const line of text.split('\n')) body += `#Text=${escapeWebannoText(line)}\n`;
      for (const r of rows) body += row(r.id, r.unit, doc.text, ids, links === undefined ? undefined : (links.get(r.unit) ?? []));
    });
    const header = links === undefined ? `${WEBANNO_NE_HEADER}\n` : `${WEBANNO_NE_HEADER}\n${WEBANNO_RELATION_HEADER}\n`;
    files.push({ relativePath: `${stem}.tsv`, content: `${WEBANNO_FORMAT_LINE}\n${header}\n${body}` });
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

/** One body row: its id (`1-3`, `1-3.1`), its unit, and the token it belongs to. */
interface Row {
  readonly id: string;
  readonly unit: Unit;
  readonly token: number;
}

/** The rows of each sentence in the order they are written: a token, then its sub-tokens by offset. */
function rowsOf(ends: readonly number[], units: readonly TokenUnit[]): Row[][] {
  const out: Row[][] = [];
  let from = 0;
  ends.forEach((end, k) => {
    const rows: Row[] = [];
    for (let i = from; i <= end; i++) {
      const unit = units[i] as TokenUnit;
      const id = `${k + 1}-${i - from + 1}`;
      rows.push({ id, unit, token: i });
      [...unit.subTokens].sort((x, y) => x.start - y.start || x.end - y.end).forEach((sub, j) => rows.push({ id: `${id}.${j + 1}`, unit: sub, token: i }));
    }
    out.push(rows);
    from = end + 1;
  });
  return out;
}

/** A relation's two cells on its target's first row: the type, and the source's first row with the ends' disambiguation ids. */
interface RelationCell {
  readonly type: string;
  readonly ref: string;
}

/** The relation cells per row, or undefined when the document has no relation (and the layer is not declared). */
function relationCells(
  relations: readonly Relation[],
  byId: ReadonlyMap<string, Annotation>,
  rows: readonly Row[],
  ids: ReadonlyMap<Annotation, number>,
): Map<Unit, RelationCell[]> | undefined {
  if (relations.length === 0) return undefined;
  const firstRow = new Map<Annotation, Row>();
  for (const r of rows) for (const a of r.unit.annotations) if (!firstRow.has(a)) firstRow.set(a, r);
  const cells = new Map<Unit, RelationCell[]>();
  for (const rel of relations) {
    const source = byId.get(rel.from) as Annotation;
    const target = byId.get(rel.to) as Annotation;
    const at = firstRow.get(target) as Row;
    const sourceId = ids.get(source) ?? 0;
    const targetId = ids.get(target) ?? 0;
    const ref = `${(firstRow.get(source) as Row).id}${sourceId === 0 && targetId === 0 ? '' : `[${sourceId}_${targetId}]`}`;
    const list = cells.get(at.unit) ?? [];
    list.push({ type: rel.type, ref });
    cells.set(at.unit, list);
  }
  return cells;
}

function row(id: string, unit: Unit, text: string, ids: ReadonlyMap<Annotation, number>, relations?: readonly RelationCell[]): string {
  const suffix = (a: Annotation): string => (ids.has(a) ? `[${ids.get(a)}]` : '');
  const identifier = unit.annotations.length ? unit.annotations.map((a) => `*${suffix(a)}`).join('|') : '_';
  const value = unit.annotations.length ? unit.annotations.map((a) => `${escapeWebannoValue(a.label)}${suffix(a)}`).join('|') : '_';
  const links =
    relations === undefined ? '' : relations.length === 0 ? '_\t_\t' : `${relations.map((r) => escapeWebannoValue(r.type)).join('|')}\t${relations.map((r) => r.ref).join('|')}\t`;
  return `${id}\t${unit.start}-${unit.end}\t${text.slice(unit.start, unit.end)}\t${identifier}\t${value}\t${links}\n`;
}
