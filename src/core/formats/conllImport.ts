import type { ImportRequest, ImportResult, SourceDocument } from './formatTypes';
import { ImportCollector } from './importCollector';
import type { ParsedTag } from './bioTags';
import { decodeTags, parseTag } from './bioTags';
import { PYTHON_SPACE, PYTHON_SPACES } from './pythonText';

interface ConllToken {
  readonly text: string;
  readonly tag: ParsedTag;
  readonly line: number;
}

interface ConllDocument {
  readonly line: number;
  readonly sentences: ConllToken[][];
}

/**
 * Reads CoNLL 2003 style files (token first, tag last, any columns between, split as Python's
 * `str.split()` splits; blank lines between sentences; `-DOCSTART-` lines between documents) in
 * IOB1, IOB2 or BIOES. CoNLL carries no offsets, so each token is found in the document text, in
 * order, with only white space allowed between tokens; the n-th document of the file belongs to
 * the n-th document given. A document whose tokens end before its text does is imported, with a
 * warning naming what the file leaves untagged.
 */
export function importConll(request: ImportRequest): ImportResult {
  const c = new ImportCollector(request);
  if (!c.checkSize()) return c.result();
  const docs = readDocuments(c);
  if (c.failed) return c.result();
  if (docs.length !== request.documents.length) {
    c.error(
      {},
      `the file holds ${docs.length} document${docs.length === 1 ? '' : 's'} but ${request.documents.length} ${request.documents.length === 1 ? 'was' : 'were'} given to attach them to`,
    );
    return c.result();
  }
  const scheme = request.options?.conll?.scheme ?? 'auto';
  docs.forEach((d, i) => {
    const source = request.documents[i] as SourceDocument;
    const target = c.open(source);
    const offsets = align(c, d, source);
    if (!offsets) return;
    for (const sentence of d.sentences) {
      const { chunks, problems } = decodeTags(
        sentence.map((t) => t.tag),
        scheme,
      );
      for (const p of problems) c.error({ line: sentence[p.at]?.line ?? d.line }, p.message);
      for (const chunk of chunks) {
        const first = sentence[chunk.first] as ConllToken;
        const last = sentence[chunk.last] as ConllToken;
        const start = offsets.get(first) as number;
        const end = (offsets.get(last) as number) + last.text.length;
        c.addSpan(target, { start, end, label: chunk.label }, { line: first.line }, 'utf16');
      }
    }
  });
  return c.result();
}

function readDocuments(c: ImportCollector): ConllDocument[] {
  const docs: ConllDocument[] = [];
  let current: ConllDocument | undefined;
  let sentence: ConllToken[] = [];
  const endSentence = (): void => {
    if (sentence.length && current) current.sentences.push(sentence);
    sentence = [];
  };
  const lines = c.request.content.replace(/^\ufeff/, '').split('\n');
  lines.forEach((raw, i) => {
    const line = i + 1;
    const columns = raw.split(PYTHON_SPACES).filter((col) => col !== '');
    const text = columns.join(' ');
    if (columns.length === 0) {
      endSentence();
      return;
    }
    if (columns[0] === '-DOCSTART-') {
      endSentence();
      current = { line, sentences: [] };
      docs.push(current);
      return;
    }
    if (!current) {
      // A file without -DOCSTART- holds one document.
      current = { line, sentences: [] };
      docs.push(current);
    }
    if (columns.length < 2) {
      c.error({ line }, `expected a token and a tag separated by white space, found ${JSON.stringify(text.slice(0, 40))}`);
      return;
    }
    const tagText = columns[columns.length - 1] as string;
    const tag = parseTag(tagText);
    if (!tag) {
      c.error({ line }, `${JSON.stringify(tagText)} is not a tag (expected O or B-, I-, E-, S- followed by a label)`);
      return;
    }
    sentence.push({ text: columns[0] as string, tag, line });
  });
  endSentence();
  return docs;
}

/** UTF-16 offset of each token in the text; undefined (with an error) when one is not where expected. */
function align(c: ImportCollector, d: ConllDocument, source: SourceDocument): Map<ConllToken, number> | undefined {
  const offsets = new Map<ConllToken, number>();
  const text = source.text;
  let cursor = 0;
  for (const sentence of d.sentences) {
    for (const t of sentence) {
      while (cursor < text.length && isSpace(text[cursor] as string)) cursor++;
      if (!text.startsWith(t.text, cursor)) {
        const codePoint = Array.from(text.slice(0, cursor)).length;
        const found = Array.from(text.slice(cursor, cursor + 40))
          .slice(0, Math.max(8, Array.from(t.text).length + 4))
          .join('');
        c.error({ line: t.line }, `the token ${JSON.stringify(t.text)} is not next in ${source.path}: at code point ${codePoint} the text reads ${JSON.stringify(found)}`);
        return undefined;
      }
      offsets.set(t, cursor);
      cursor += t.text.length;
    }
  }
  while (cursor < text.length && isSpace(text[cursor] as string)) cursor++;
  if (cursor < text.length) {
    const covered = Array.from(text.slice(0, cursor)).length;
    const total = Array.from(text).length;
    c.warn(`the file's document ${docNumber(c, source)} covers only the first ${covered} of ${total} code points of ${source.path}: the rest has no tags`);
  }
  return offsets;
}

/** JavaScript's \s plus what Python also splits at (\x85, \x1c–\x1f). */
function isSpace(ch: string): boolean {
  return /\s/.test(ch) || PYTHON_SPACE.test(ch);
}

function docNumber(c: ImportCollector, source: SourceDocument): number {
  return c.request.documents.indexOf(source) + 1;
}
