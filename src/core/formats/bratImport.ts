import type { BratDiscontinuous, ImportRequest, ImportResult, SourceDocument } from './formatTypes';
import type { PendingDocument, Place } from './importCollector';
import { ImportCollector, firstDifference } from './importCollector';
import { BRAT_VALUE_ATTRIBUTE } from './bratConf';
import { namedDocument, textBeside } from './namedDocument';
import { BRAT_BINARY_VALUE, BRAT_FRAGMENT_SEPARATOR } from './bratExport';
import { LABEL_ID_PATTERN } from '../model/labels';
import { FRAGMENT_SEPARATOR } from '../model/fragments';
import { PYTHON_LINE_BREAK, PYTHON_LINE_BREAKS, PYTHON_SPACE, splitPythonLines } from './pythonText';
import type { OffsetConverter } from './offsetUnits';

interface TextBound {
  readonly id: string;
  readonly line: number;
  readonly label: string;
  /** Code point offsets of the document Tawsim holds (a byte order mark brat counted is taken off). */
  readonly fragments: readonly (readonly [number, number])[];
  value?: string;
  note?: string;
  attributes?: Record<string, string>;
}

/** An `R` or `*` line, resolved once every T line is known. */
interface Link {
  readonly line: number;
  readonly id: string;
  readonly type: string;
  /** T ids: two for R (Arg1, Arg2), two or more for `*`. */
  readonly args: readonly string[];
  /** `#n<TAB>AnnotatorNotes R1<TAB>…` lines on an R line. */
  note?: string;
}

/** What a brat .ann line that is not a text-bound annotation, a relation, an attribute or a note refers to. */
const IGNORED: Readonly<Record<string, string>> = {
  E: 'events',
  N: 'normalisations',
  A: 'attributes of events or relations',
  '#': 'comments other than AnnotatorNotes',
};

/**
 * Reads a brat `.ann` file for the document of the same name (`news/a.ann` → `news/a.txt`), by the
 * rules of brat's own loader (server/src/annotation.py):
 * - lines are what Python's `splitlines()` gives; each is `ID<TAB>DATA[<TAB>TAIL]`;
 * - a T line's text is the first N code points of its tail, N the covered length (fragments joined
 *   by one space); what follows must be empty or start with white space; a T line without text
 *   takes it from the document, as brat does; tabs inside the text are text;
 * - offsets count the .txt as brat reads it, a byte order mark included.
 * - `R1<TAB>TYPE Arg1:T1 Arg2:T2[<TAB>…]`: exactly two arguments with different role names, the
 *   first the relation's `from`; `*<TAB>TYPE T1 T2 …`: an equivalence, kept as relations from the
 *   first member to each other one; `A1<TAB>NAME T1[ VALUE]`: an attribute, "true" when binary.
 * Spans brat split at line ends come back whole. Other discontinuous spans follow the
 * `discontinuous` option (by default kept as one discontinuous annotation). Events,
 * normalisations, and relations, attributes or notes on events have no place (notes on R lines
 * are the relations' notes) in a sidecar: they
 * are left out and counted in a warning; event triggers are T lines too, and are left out with their events.
 */
export function importBrat(request: ImportRequest): ImportResult {
  const c = new ImportCollector(request);
  if (!c.checkSize()) return c.result();
  const doc = namedDocument(c, textBeside('.ann'));
  if (!doc) return c.result();
  const target = c.open(doc);
  const discontinuous = request.options?.brat?.discontinuous ?? 'keep';
  const links: Link[] = [];
  const shift = request.options?.brat?.textStartsWithBom === true ? 1 : 0;
  const bounds = new Map<string, TextBound>();
  const later: { line: number; text: string }[] = [];
  const ignored = new Map<string, number>();
  const triggers = new Set<string>();
  const otherIds = new Set<string>();
  const content = request.content.replace(/^\ufeff/, '');
  splitPythonLines(content).forEach((text, i) => {
    const line = i + 1;
    if (text.trim() === '') return;
    const tab = text.indexOf('\t');
    const id = tab < 0 ? text : text.slice(0, tab);
    if (tab < 0 || !/^([A-Za-z]+|#[A-Za-z]*)[0-9]+.*$|^\*$/.test(id)) {
      c.error({ line }, `not a brat annotation line (expected ID<TAB>…): ${JSON.stringify(text.slice(0, 40))}`);
      return;
    }
    const kind = id[0] as string;
    if (kind === 'T') {
      const tb = parseTextBound(c, doc, id, text.slice(tab + 1), line, shift);
      if (!tb) return;
      if (bounds.has(id)) c.error({ line }, `the id ${id} is used twice`);
      else bounds.set(id, tb);
    } else if (kind === 'A' || kind === 'M' || kind === '#') {
      later.push({ line, text });
    } else if (kind === 'R' || kind === '*') {
      const link = parseLink(c, id, text.slice(tab + 1), line);
      if (link) links.push(link);
    } else if (kind in IGNORED) {
      otherIds.add(id);
      ignored.set(kind, (ignored.get(kind) ?? 0) + 1);
      if (kind === 'E') {
        // E1<TAB>Attack:T5 Target:T2 — the trigger is the T line after the colon of the first argument.
        const trigger = /^[^\t:]+:(\S+)/.exec(text.slice(tab + 1))?.[1];
        if (trigger) triggers.add(trigger);
      }
    } else {
      c.error({ line }, `brat has no annotation of kind ${JSON.stringify(kind)} (${id})`);
    }
  });
  for (const id of triggers) {
    if (bounds.delete(id)) {
      otherIds.add(id);
      ignored.set('trigger', (ignored.get('trigger') ?? 0) + 1);
    }
  }
  const linksById = new Map(links.map((l) => [l.id, l]));
  for (const { line, text } of later) attach(c, bounds, linksById, otherIds, text, line, ignored);
  const indices = addBounds(c, target, [...bounds.values()], discontinuous);
  addLinks(c, target, links, indices, otherIds, ignored);
  const names: Record<string, string> = {
    ...IGNORED,
    trigger: 'event triggers',
    notesElsewhere: 'notes on events or their triggers',
    linksElsewhere: 'relations or equivalences with an event at an end',
    linksUnplaced: 'relations or equivalences with an end left out (see the discontinuous spans above)',
  };
  for (const [kind, n] of ignored) c.warn(`${n} ${names[kind] ?? kind} not imported (a sidecar holds entity spans, their attributes and the relations between them)`);
  return c.result();
}

/** `member_of Arg1:T1 Arg2:T2` (R, as brat's `_parse_relation_annotation` reads it) or `Equiv T1 T2 …` (`*`). */
function parseLink(c: ImportCollector, id: string, rest: string, line: number): Link | undefined {
  const tab = rest.indexOf('\t');
  const data = tab < 0 ? rest : rest.slice(0, tab);
  const [type = '', ...args] = data.trim().split(/\s+/u);
  if (id === '*') {
    if (type === '' || args.length < 2) return void c.error({ line }, `an equivalence line must read "*<TAB>TYPE T1 T2 [T3…]" (got ${JSON.stringify(data.slice(0, 60))})`);
    return { line, id: `* (line ${line})`, type, args };
  }
  const roles = args.map((a) => /^([^:\s]+):(\S+)$/u.exec(a));
  if (type === '' || roles.length !== 2 || roles.some((m) => !m)) {
    return void c.error({ line }, `${id}: a relation line must read "${id}<TAB>TYPE Arg1:T1 Arg2:T2", with exactly two arguments (got ${JSON.stringify(data.slice(0, 60))})`);
  }
  const [first, second] = roles as RegExpExecArray[];
  if (first?.[1] === second?.[1]) return void c.error({ line }, `${id}: the two arguments have the same role name ${JSON.stringify(first?.[1])} (brat refuses that)`);
  return { line, id, type, args: [first?.[2] as string, second?.[2] as string] };
}

/** Relations for R and `*` lines between annotations kept; links to events are counted, to nothing are errors. */
function addLinks(
  c: ImportCollector,
  target: PendingDocument,
  links: readonly Link[],
  { indices, skipped }: PlacedBounds,
  otherIds: ReadonlySet<string>,
  ignored: Map<string, number>,
): void {
  const count = (kind: string): void => void ignored.set(kind, (ignored.get(kind) ?? 0) + 1);
  for (const link of links) {
    if (!LABEL_ID_PATTERN.test(link.type)) {
      c.error({ line: link.line }, `${link.id}: the relation type ${JSON.stringify(link.type)} cannot be a Tawsim relation type (a letter, then letters, digits, _ or -)`);
      continue;
    }
    if (link.args.some((a) => otherIds.has(a))) {
      count('linksElsewhere');
      continue;
    }
    const absent = link.args.find((a) => !indices.has(a) && !skipped.has(a));
    if (absent !== undefined) {
      c.error({ line: link.line }, `${link.id} refers to ${absent}, which is not an annotation in this file`);
      continue;
    }
    if (link.args.some((a) => skipped.has(a))) {
      count('linksUnplaced');
      continue;
    }
    const [head, ...rest] = link.args.map((a) => indices.get(a) as number);
    for (const other of rest) c.relate(target, { type: link.type, from: head as number, to: other, ...(link.note !== undefined ? { note: link.note } : {}) });
  }
}

/** `LABEL 0 5;7 9<TAB>text`: the offsets as brat's `_split_textbound_data` reads them, the text as its `_parse_textbound_annotation` checks it. */
function parseTextBound(c: ImportCollector, doc: SourceDocument, id: string, rest: string, line: number, shift: number): TextBound | undefined {
  const tab = rest.indexOf('\t');
  const data = (tab < 0 ? rest : rest.slice(0, tab)).replace(/\s+$/u, '');
  const tail = tab < 0 ? '' : rest.slice(tab + 1);
  const space = data.indexOf(' ');
  const label = space < 0 ? data : data.slice(0, space);
  const offsets = space < 0 ? '' : data.slice(space + 1);
  const fragments = offsets.split(';').map((f) => f.trim().split(/ +/));
  if (label === '' || offsets === '' || fragments.some((f) => f.length !== 2 || !f.every((n) => /^\d+$/.test(n)))) {
    c.error({ line }, `${id}: a text-bound line must read "${id}<TAB>LABEL start end[;start end…]<TAB>text" (got ${JSON.stringify(data.slice(0, 60))})`);
    return undefined;
  }
  const place: Place = { line };
  const units = c.converter(doc, 'codePoint');
  const spans: [number, number][] = [];
  for (const [s, e] of fragments.map((f) => f.map(Number) as [number, number])) {
    if (s > e) return void c.error(place, `${id}: start ${s} is after end ${e}`);
    if (s < shift) return void c.error(place, `${id}: the span ${s}-${e} covers the byte order mark at the start of brat's .txt`);
    if (e - shift > units.length)
      return void c.error(place, `${id}: end ${e} is past the end of ${doc.path} (${units.length + shift} code points${shift ? ', the byte order mark included' : ''})`);
    if (spans.some(([os, oe]) => e >= os && s < oe)) return void c.error(place, `${id}: its fragments overlap (brat refuses that)`);
    spans.push([s - shift, e - shift]);
  }
  const pieces = spans.map(([s, e]) => doc.text.slice(units.toUtf16(s), units.toUtf16(e)));
  const expected = pieces.join(BRAT_FRAGMENT_SEPARATOR);
  if (tail.trim() === '') {
    c.warn(`line ${line}: ${id} has no text column; its text was taken from ${doc.path}, as brat does`);
  } else {
    const stated = Array.from(tail);
    const length = Array.from(expected).length;
    const text = stated.slice(0, length).join('');
    const after = stated[length];
    if (text !== expected || (after !== undefined && !PYTHON_SPACE.test(after))) {
      mismatch(c, doc, id, spans, text, expected, tail, line, shift);
      return undefined;
    }
  }
  return { id, line, label, fragments: spans };
}

/** The text check failed: name the first difference, and the likely cause when there is one. */
function mismatch(c: ImportCollector, doc: SourceDocument, id: string, spans: [number, number][], text: string, expected: string, tail: string, line: number, shift: number): void {
  const [first] = spans;
  const at = (first?.[0] ?? 0) + (firstDifference(text, expected) ?? 0);
  let hint = '';
  if (/[\n\r]/.test(expected) && tail.startsWith(expected.replace(PYTHON_LINE_BREAKS, ' '))) {
    hint = '; the .ann writes the line end inside the span as a space, which brat itself refuses: split the span at the line end (T1 LABEL 0 5;6 9)';
  } else if (shift === 0 && first && first[0] > 0) {
    const units = c.converter(doc, 'codePoint');
    const before = spans.map(([s, e]) => doc.text.slice(units.toUtf16(s - 1), units.toUtf16(e - 1))).join(BRAT_FRAGMENT_SEPARATOR);
    if (tail.startsWith(before)) hint = "; every offset is one too high: does brat's .txt start with a byte order mark?";
  }
  c.error(
    { line },
    `${id}: the text ${JSON.stringify(text)} is not what ${doc.path} holds at ${spans.map(([s, e]) => `${s + shift}-${e + shift}`).join(';')} (${JSON.stringify(expected)}); they differ at code point ${at}${hint}`,
  );
}

function attach(
  c: ImportCollector,
  bounds: Map<string, TextBound>,
  links: ReadonlyMap<string, Link>,
  otherIds: ReadonlySet<string>,
  text: string,
  line: number,
  ignored: Map<string, number>,
): void {
  const count = (kind: string): void => void ignored.set(kind, (ignored.get(kind) ?? 0) + 1);
  if (text[0] === '#') {
    // #1<TAB>AnnotatorNotes T1<TAB>any text, tabs included, to the line end.
    const m = /^#[^\t]*\t(\S+)[ ]+(\S+)[ ]*(?:\t([^]*))?$/u.exec(text);
    if (!m) {
      c.error({ line }, 'a note line must read "#n<TAB>AnnotatorNotes Tn<TAB>note"');
      return;
    }
    const [, kind, target = '', note = ''] = m;
    if (kind !== 'AnnotatorNotes') return count('#');
    if (otherIds.has(target)) return count('notesElsewhere');
    const link = links.get(target);
    if (link) {
      link.note = link.note === undefined ? note : `${link.note}\n${note}`;
      return;
    }
    const tb = bounds.get(target);
    if (!tb) {
      c.error({ line }, `the note refers to ${target}, which is not an annotation in this file`);
      return;
    }
    // brat allows several notes on one span; keep them all, one per line.
    tb.note = tb.note === undefined ? note : `${tb.note}\n${note}`;
    return;
  }
  const m = /^[AM][^\t]*\t(\S+) (\S+)(?: (.*))?$/u.exec(text);
  if (!m) {
    c.error({ line }, 'an attribute line must read "An<TAB>Name Tn value"');
    return;
  }
  const [, name = '', target = '', value] = m;
  if (otherIds.has(target)) return count('A');
  const tb = bounds.get(target);
  if (!tb) {
    c.error({ line }, `the attribute refers to ${target}, which is not an annotation in this file`);
    return;
  }
  if (name === BRAT_VALUE_ATTRIBUTE && value !== undefined) tb.value = value.trim();
  else (tb.attributes ??= {})[name] = value === undefined ? BRAT_BINARY_VALUE : value.trim();
}

/** Where each T line went: its index in the set (the first fragment's, split by the option), or left out. */
interface PlacedBounds {
  readonly indices: ReadonlyMap<string, number>;
  readonly skipped: ReadonlySet<string>;
}

/** Whether the text between two fragments is white space holding a line end: brat's own split of one selection. */
function isLineEndGap(doc: SourceDocument, units: OffsetConverter, from: number, to: number): boolean {
  const gap = doc.text.slice(units.toUtf16(from), units.toUtf16(to));
  return gap !== '' && PYTHON_LINE_BREAK.test(gap) && Array.from(gap).every((ch) => PYTHON_SPACE.test(ch));
}

function addBounds(c: ImportCollector, target: PendingDocument, bounds: readonly TextBound[], mode: BratDiscontinuous): PlacedBounds {
  const indices = new Map<string, number>();
  const skippedIds = new Set<string>();
  const doc = target.source;
  const units = c.converter(doc, 'codePoint');
  const covered: string[] = [];
  const split: string[] = [];
  const skipped: string[] = [];
  for (const tb of bounds) {
    const sorted = [...tb.fragments].sort((a, b) => a[0] - b[0]);
    // Fragments brat split at line ends are joined back: one selection across lines.
    const joined: [number, number][] = [];
    for (const [s, e] of sorted) {
      const last = joined[joined.length - 1];
      if (last && isLineEndGap(doc, units, last[1], s)) last[1] = e;
      else joined.push([s, e]);
    }
    const extra = { ...(tb.value !== undefined ? { value: tb.value } : {}), ...(tb.attributes !== undefined ? { attributes: tb.attributes } : {}) };
    const describe = `${tb.id} (${tb.fragments.map(([s, e]) => `${s}-${e}`).join(';')})`;
    const placed = (index: number | undefined): void => {
      if (index !== undefined) indices.set(tb.id, index);
    };
    if (joined.length === 1 || mode === 'cover') {
      const [s] = joined[0] as [number, number];
      const e = (joined[joined.length - 1] as [number, number])[1];
      if (joined.length > 1) covered.push(describe);
      placed(c.addSpan(target, { start: s, end: e, label: tb.label, ...extra, ...(tb.note !== undefined ? { note: tb.note } : {}) }, { line: tb.line }));
    } else if (mode === 'keep') {
      if (!c.checkLabel(tb.label, { line: tb.line })) continue;
      const read = (s: number, e: number): string => doc.text.slice(units.toUtf16(s), units.toUtf16(e));
      placed(
        c.keep(target, {
          label: tb.label,
          start: (joined[0] as [number, number])[0],
          end: (joined[joined.length - 1] as [number, number])[1],
          text: joined.map(([s, e]) => read(s, e)).join(FRAGMENT_SEPARATOR),
          status: 'accepted',
          source: 'import',
          fragments: joined,
          ...extra,
          ...(tb.note !== undefined ? { note: tb.note } : {}),
        }),
      );
    } else if (mode === 'fragments') {
      split.push(describe);
      joined.forEach(([s, e], i) => {
        const note = `fragment ${i + 1} of ${joined.length} of brat ${describe}${tb.note !== undefined ? `\n${tb.note}` : ''}`;
        const index = c.addSpan(target, { start: s, end: e, label: tb.label, ...extra, note }, { line: tb.line });
        // Relations of the brat span hold on to its first fragment.
        if (i === 0) placed(index);
      });
    } else if (mode === 'skip') {
      skipped.push(describe);
      skippedIds.add(tb.id);
    } else {
      c.error(
        { line: tb.line, code: 'brat-discontinuous' },
        `${tb.id} is a discontinuous span (${tb.fragments.map(([s, e]) => `${s} ${e}`).join(';')}) and this import was told to refuse those: import with --discontinuous keep (one discontinuous annotation), cover (one span from the first fragment to the last), fragments (each fragment an annotation of its own, with a note) or skip (left out, listed)`,
      );
    }
  }
  if (covered.length) c.warn(`discontinuous spans imported as one span from their first fragment to their last: ${covered.join(', ')}`);
  if (split.length)
    c.warn(`discontinuous spans imported as one annotation per fragment, each with a note naming the brat span (sidecars hold contiguous spans only): ${split.join(', ')}`);
  if (skipped.length) c.warn(`discontinuous spans left out: ${skipped.join(', ')}`);
  return { indices, skipped: skippedIds };
}
