import type { FormatId, ImportError, SourceDocument } from '../formats/formatTypes';

/** The file being imported, as the planner needs to see it. */
export interface ImportSource {
  /** Name used in messages (a path as the user knows it). */
  readonly name: string;
  /** The file's path relative to the texts' folder when it lies inside it, forward slashes. */
  readonly pathInFolder?: string;
  readonly content: string;
  /** The document paths a CoNLL export lists beside the file (`<file>.paths`), in order. */
  readonly conllPaths?: readonly string[];
}

/** The documents to hand to `importFile`, and how to get from their paths back to the texts. */
export interface ImportDocuments {
  readonly documents: readonly SourceDocument[];
  /** The text's path in the folder for a document path of the result (aliases resolve to their text). */
  readonly textPath: (documentPath: string) => string;
}

const identity = (path: string): string => path;

/**
 * Chooses which texts of a folder an imported file may attach to, so that files made elsewhere
 * find their documents by relative path or, failing that, by name:
 * - brat, WebAnno TSV and Tawsim JSON: the text of the file's name (`a.ann`, `a.tsv` → `a.txt`;
 *   `a.txt.tawsim.json` → `a.txt`), beside it when the file lies in the folder, else the one text
 *   of that name. A text beside the file that is a copy of a text elsewhere (Tawsim's brat export
 *   copies the texts) gives way to the original, where the user's sidecars belong.
 * - CoNLL carries neither paths nor texts: the paths Tawsim's export lists beside the file
 *   (`<file>.paths`) name them when given; else a file with one document belongs to the text of
 *   its own name when there is one; otherwise the file's documents go to the texts in folder order.
 * - doccano and Label Studio records name a path or carry the text; each text is also offered
 *   under the shorter paths that name it alone (`news/a.txt` and `a.txt` for `corpus/news/a.txt`),
 *   so an export of a sub-folder imports back into the whole tree.
 * `texts` are relative to the folder, in walk order (the order exports write documents in).
 */
export function importDocuments(format: FormatId, source: ImportSource, texts: readonly SourceDocument[]): ImportDocuments | ImportError {
  if (format === 'brat') return namedDocuments(source, texts, (name) => `${stripExtension(name, ['.ann'])}.txt`);
  if (format === 'webanno') return namedDocuments(source, texts, (name) => `${stripExtension(name, ['.tsv'])}.txt`);
  if (format === 'tawsim-json') return namedDocuments(source, texts, (name) => stripExtension(name, ['.tawsim.json']));
  if (format === 'conll') return conllDocuments(source, texts);
  return withAliases(texts);
}

/**
 * Formats with one file per document, named after its text (brat's `a.ann`, WebAnno's `a.tsv`,
 * `a.txt.tawsim.json`): the text of that name beside the file, else the one text of that name.
 */
function namedDocuments(source: ImportSource, texts: readonly SourceDocument[], textName: (fileName: string) => string): ImportDocuments | ImportError {
  const wanted = nameOf(textName(nameOf(source.name)));
  const besidePath = source.pathInFolder !== undefined ? textName(source.pathInFolder) : undefined;
  const beside = texts.find((t) => t.path === besidePath);
  const elsewhere = texts.filter((t) => t !== beside && nameOf(t.path) === wanted);
  if (beside) {
    const originals = elsewhere.filter((t) => t.text === beside.text);
    return { documents: [originals.length === 1 && originals[0] ? originals[0] : beside], textPath: identity };
  }
  if (elsewhere.length > 1) {
    return {
      file: source.name,
      message: `${source.name}: several texts are named ${wanted} (${elsewhere.map((t) => t.path).join(', ')}); import from the folder that holds the right one`,
    };
  }
  // With no text at all, importFile itself reports the missing document, naming the file.
  return { documents: elsewhere, textPath: identity };
}

function conllDocuments(source: ImportSource, texts: readonly SourceDocument[]): ImportDocuments | ImportError {
  if (source.conllPaths) {
    // The export named each document: find each, by its path or by a shorter path that names it alone.
    const aliased = withAliases(texts);
    const documents: SourceDocument[] = [];
    for (const path of source.conllPaths) {
      const doc = aliased.documents.find((d) => d.path === path);
      if (!doc) return { file: source.name, message: `${source.name}: its document ${path} (named in ${nameOf(source.name)}.paths) is not in the folder` };
      documents.push(doc);
    }
    return { documents, textPath: aliased.textPath };
  }
  const documentCount = source.content.split('\n').filter((l) => l.trimStart().startsWith('-DOCSTART-')).length;
  if (documentCount <= 1) {
    const stem = stripExtension(nameOf(source.name), ['.conll', '.iob', '.bio']);
    const named = texts.filter((t) => stripExtension(nameOf(t.path), ['.txt', '.md']) === stem);
    if (named.length === 1) return { documents: named, textPath: identity };
  }
  return { documents: texts, textPath: identity };
}

function withAliases(texts: readonly SourceDocument[]): ImportDocuments {
  const bySuffix = new Map<string, SourceDocument[]>();
  for (const t of texts) {
    const segments = t.path.split('/');
    for (let i = 1; i < segments.length; i++) {
      const suffix = segments.slice(i).join('/');
      bySuffix.set(suffix, [...(bySuffix.get(suffix) ?? []), t]);
    }
  }
  const real = new Set(texts.map((t) => t.path));
  const aliases = new Map<string, string>();
  const documents: SourceDocument[] = [...texts];
  for (const [suffix, owners] of bySuffix) {
    const [owner] = owners;
    // A name shared by several texts, or that is itself a text's path, identifies nothing new.
    if (owners.length !== 1 || !owner || real.has(suffix)) continue;
    aliases.set(suffix, owner.path);
    documents.push({ path: suffix, text: owner.text });
  }
  return { documents, textPath: (path) => aliases.get(path) ?? path };
}

function nameOf(path: string): string {
  const unified = path.replace(/\\/g, '/');
  return unified.slice(unified.lastIndexOf('/') + 1);
}

function stripExtension(name: string, extensions: readonly string[]): string {
  const lower = name.toLowerCase();
  const ext = extensions.find((e) => lower.endsWith(e));
  return ext ? name.slice(0, -ext.length) : name;
}

/** The document paths of a CoNLL export's `<file>.paths` (a JSON list of strings), or an error naming the file. */
export function parseConllPaths(content: string, fileName: string): readonly string[] | ImportError {
  try {
    const value: unknown = JSON.parse(content.replace(/^\ufeff/, ''));
    if (Array.isArray(value) && value.every((p) => typeof p === 'string')) return value as string[];
  } catch {
    // reported below
  }
  return { file: fileName, message: `${fileName}: must be a JSON list of document paths, as Tawsim's CoNLL export writes it` };
}
