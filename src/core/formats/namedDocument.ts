import type { SourceDocument } from './formatTypes';
import type { ImportCollector } from './importCollector';

/**
 * The document a one-document file is named after (brat's `news/a.ann`, WebAnno's `news/a.tsv`,
 * `news/a.txt.tawsim.json`): the text at that path, else the one text of that name, else a text
 * `fallback` recognises, else the only document. Reports and returns undefined when none fits.
 */
export function namedDocument(c: ImportCollector, textPaths: (fileName: string) => readonly string[], fallback?: (doc: SourceDocument) => boolean): SourceDocument | undefined {
  const wanted = textPaths(c.file.replace(/\\/g, '/'));
  const docs = c.request.documents;
  const byName = (path: string): SourceDocument | undefined => {
    const base = path.slice(path.lastIndexOf('/') + 1);
    const named = docs.filter((d) => d.path === base || d.path.endsWith(`/${base}`));
    return named.length === 1 ? named[0] : undefined;
  };
  const first = <T>(find: (path: string) => T | undefined): T | undefined => wanted.map(find).find((d) => d !== undefined);
  const found =
    first((w) => docs.find((d) => d.path === w)) ??
    first((w) => docs.find((d) => w.endsWith(`/${d.path}`))) ??
    first(byName) ??
    (fallback ? docs.find(fallback) : undefined) ??
    (docs.length === 1 ? docs[0] : undefined);
  if (!found) c.error({}, `no document ${wanted[0] ?? c.file} to attach the annotations to`);
  return found;
}

/** `news/a.ann` → `news/a.txt` (or `news/a` for `a.md.ann`, written for `a.md`): the texts a file with the given extension may belong to. */
export function textBeside(extension: string): (fileName: string) => string[] {
  return (name) => {
    const stem = name.toLowerCase().endsWith(extension) ? name.slice(0, -extension.length) : name;
    return [`${stem}.txt`, stem];
  };
}
