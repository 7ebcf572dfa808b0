import type { ImportRequest, ImportResult, SourceDocument } from './formatTypes';
import { ImportCollector } from './importCollector';
import { BRAT_VALUE_ATTRIBUTE } from './bratConf';

interface TextBound {
  readonly line: number;
  readonly label: string;
  readonly start: number;
  readonly end: number;
  /** Absent for a covered discontinuous span, whose stated text skips the gaps. */
  readonly text?: string;
  value?: string;
  note?: string;
}

/**
 * Reads a brat `.ann` file for the document of the same name (`news/a.ann` → `news/a.txt`).
 * Text-bound `T` lines become spans; `#n AnnotatorNotes` lines their notes and the `Value`
 * attribute their values. Relations, events, normalisations and other attributes have no place in
 * a sidecar: they are counted in a warning. Discontinuous spans are an error unless the caller
 * asks to cover them from first to last fragment.
 */
export function importBrat(request: ImportRequest): ImportResult {
  const c = new ImportCollector(request);
  if (!c.checkSize()) return c.result();
  const doc = bratDocument(c);
  if (!doc) return c.result();
  c.open(doc);
  const discontinuous = request.options?.brat?.discontinuous ?? 'error';
  const bounds = new Map<string, TextBound>();
  const later: { line: number; text: string }[] = [];
  const ignored = new Map<string, number>();
  const lines = request.content.split('\n');
  lines.forEach((raw, i) => {
    const line = i + 1;
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (text.trim() === '') return;
    const kind = text[0];
    if (kind === 'T') {
      const tb = parseTextBound(c, text, line, discontinuous);
      if (!tb) return;
      if (bounds.has(tb.id)) c.error({ line }, `the id ${tb.id} is used twice`);
      else bounds.set(tb.id, tb.bound);
    } else if (kind === 'A' || kind === 'M' || kind === '#') {
      later.push({ line, text });
    } else if (kind === 'R' || kind === 'E' || kind === 'N' || kind === '*') {
      ignored.set(kind, (ignored.get(kind) ?? 0) + 1);
    } else {
      c.error({ line }, `not a brat annotation line: ${JSON.stringify(text.slice(0, 40))}`);
    }
  });
  for (const { line, text } of later) attach(c, bounds, text, line, ignored);
  const names: Record<string, string> = { R: 'relations', E: 'events', N: 'normalisations', '*': 'equivalences', A: 'other attributes', '#': 'other comments' };
  for (const [kind, n] of ignored) c.warn(`${n} ${names[kind] ?? kind} not imported (a sidecar holds spans only)`);
  for (const tb of bounds.values()) {
    c.addSpan(
      doc,
      {
        start: tb.start,
        end: tb.end,
        label: tb.label,
        ...(tb.text !== undefined ? { text: tb.text } : {}),
        textIsFlattened: true,
        ...(tb.value !== undefined ? { value: tb.value } : {}),
        ...(tb.note !== undefined ? { note: tb.note } : {}),
      },
      { line: tb.line },
    );
  }
  return c.result();
}

/** The .txt beside the .ann: same path with .txt, else the only document given. */
function bratDocument(c: ImportCollector): SourceDocument | undefined {
  const name = c.file.replace(/\\/g, '/');
  const stem = name.endsWith('.ann') ? name.slice(0, -4) : name;
  const docs = c.request.documents;
  const found =
    docs.find((d) => d.path === `${stem}.txt` || d.path === stem) ??
    docs.find((d) => `${stem}.txt`.endsWith(`/${d.path}`) || d.path.endsWith(`/${baseOf(stem)}.txt`)) ??
    (docs.length === 1 ? docs[0] : undefined);
  if (!found) c.error({}, `no document ${stem}.txt to attach the annotations to`);
  return found;
}

function baseOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function parseTextBound(c: ImportCollector, text: string, line: number, discontinuous: 'error' | 'cover'): { id: string; bound: TextBound } | undefined {
  const fields = text.split('\t');
  const [id = '', typeAndOffsets = '', ...rest] = fields;
  const parts = typeAndOffsets.split(' ');
  const label = parts[0] ?? '';
  const offsets = parts.slice(1).join(' ');
  if (!/^T\d+/.test(id) || fields.length < 3 || label === '' || offsets === '') {
    c.error({ line }, 'a text-bound line must read "Tn<TAB>LABEL start end<TAB>text"');
    return undefined;
  }
  const fragments = offsets.split(';').map((f) => f.trim().split(/ +/));
  if (fragments.some((f) => f.length !== 2 || !f.every((n) => /^\d+$/.test(n)))) {
    c.error({ line }, `bad offsets ${JSON.stringify(offsets)}: expected whole numbers "start end"`);
    return undefined;
  }
  const numbers = fragments.map((f) => f.map(Number) as [number, number]);
  if (numbers.length > 1 && discontinuous === 'error') {
    c.error(
      { line },
      `${id} is a discontinuous span (${offsets}); Tawsim spans are contiguous. Import with the option to cover it from first to last fragment, or split it in brat`,
    );
    return undefined;
  }
  const start = Math.min(...numbers.map((f) => f[0]));
  const end = Math.max(...numbers.map((f) => f[1]));
  if (numbers.length > 1) c.warn(`line ${line}: discontinuous span ${id} (${offsets}) imported as ${start}-${end}`);
  // A covering span reads the document text between fragments, so the stated text cannot be compared.
  const stated = numbers.length > 1 ? undefined : rest.join('\t');
  return { id, bound: { line, label, start, end, ...(stated !== undefined ? { text: stated } : {}) } };
}

function attach(c: ImportCollector, bounds: Map<string, TextBound>, text: string, line: number, ignored: Map<string, number>): void {
  if (text[0] === '#') {
    const m = /^#\S*\t(\S+) (\S+)\t?(.*)$/.exec(text);
    if (!m) {
      c.error({ line }, 'a note line must read "#n<TAB>AnnotatorNotes Tn<TAB>note"');
      return;
    }
    const [, kind, target = '', note = ''] = m;
    if (kind !== 'AnnotatorNotes') {
      ignored.set('#', (ignored.get('#') ?? 0) + 1);
      return;
    }
    const tb = bounds.get(target);
    if (!tb) {
      c.error({ line }, `the note refers to ${target}, which is not a text-bound annotation in this file`);
      return;
    }
    // brat allows several notes on one span; keep them all, one per line.
    tb.note = tb.note === undefined ? note : `${tb.note}\n${note}`;
    return;
  }
  const m = /^[AM]\S*\t(\S+) (\S+)(?: (.*))?$/.exec(text);
  if (!m) {
    c.error({ line }, 'an attribute line must read "An<TAB>Name Tn value"');
    return;
  }
  const [, name, target = '', value] = m;
  if (name !== BRAT_VALUE_ATTRIBUTE || value === undefined) {
    ignored.set('A', (ignored.get('A') ?? 0) + 1);
    return;
  }
  const tb = bounds.get(target);
  if (!tb) {
    c.error({ line }, `the attribute refers to ${target}, which is not a text-bound annotation in this file`);
    return;
  }
  tb.value = value.trim();
}
