import type { Relation } from '../model/relation';
import type { Annotation } from '../model/annotation';
import type { ImportedDocument } from '../formats/formatTypes';

/** The sidecar name used when one text gets several annotators' sets and the configured pattern names no annotator. */
export const PER_ANNOTATOR_PATTERN = '${file}.${annotator}.ann.yaml';
/** Where an imported gold set (Label Studio's ground truth) goes, as the review's gold sidecar does by default. */
export const DEFAULT_GOLD_PATTERN = '${file}.gold.ann.yaml';

/** One sidecar an import writes: a text, whose annotations, from which file. */
export interface ImportSet {
  /** The text's path in the folder, forward slashes. */
  readonly textPath: string;
  readonly annotator: string;
  readonly gold: boolean;
  /** The imported file, as the user named it. */
  readonly from: string;
  readonly annotations: readonly Annotation[];
  /** Relations between them, from formats that carry relations. */
  readonly relations?: readonly Relation[];
  readonly date?: string;
}

/**
 * What `--annotator` (or the editor's answer) says: one name for everything, or a map from the
 * names the file uses (`a@x.org=salma,7=omar`) to the names the sidecars get.
 */
export interface AnnotatorChoice {
  readonly single?: string;
  readonly names: ReadonlyMap<string, string>;
}

export function parseAnnotatorChoice(value: string | undefined): AnnotatorChoice | { readonly error: string } {
  if (value === undefined) return { names: new Map() };
  if (!value.includes('=')) return value.trim() === '' ? { error: 'the annotator name is empty' } : { single: value.trim(), names: new Map() };
  const names = new Map<string, string>();
  for (const pair of value.split(',')) {
    const eq = pair.indexOf('=');
    const from = pair.slice(0, eq).trim();
    const to = pair.slice(eq + 1).trim();
    if (eq < 0 || from === '' || to === '') return { error: `"${pair}" is not FILE_NAME=SIDECAR_NAME (expected for example a@example.org=salma,7=omar)` };
    names.set(from, to);
  }
  return { names };
}

/**
 * Gathers the sets of every imported file, names each set's annotator and reports the clashes:
 * - a set the file names an annotator for (Label Studio's `completed_by`, a CSV's annotator column,
 *   a Tawsim JSON's annotator) keeps that name, or the one the choice maps it to;
 * - a set the file names nobody for takes the single name chosen, else `fallback`;
 * - one name chosen for a file that names several annotators would merge their work: refused;
 * - one text and annotator (or gold) from two places: refused, import them one at a time.
 */
export class ImportSets {
  private readonly byKey = new Map<string, ImportSet>();
  readonly errors: string[] = [];

  constructor(private readonly choice: AnnotatorChoice) {}

  add(file: string, documents: readonly ImportedDocument[], textPath: (documentPath: string) => string, fallback: string): void {
    const named = [...new Set(documents.filter((d) => d.annotator !== undefined && !d.gold).map((d) => d.annotator as string))];
    if (this.choice.single !== undefined && named.length > 1) {
      this.errors.push(
        `${file} holds the work of ${named.length} annotators (${named.join(', ')}); one name for all would merge it: map them (--annotator ${named.map((n) => `${n}=NAME`).join(',')}) or leave the name out to keep theirs`,
      );
      return;
    }
    for (const doc of documents) {
      const own = doc.annotator;
      const annotator = own !== undefined ? (this.choice.names.get(own) ?? this.choice.single ?? own) : (this.choice.single ?? fallback);
      const set: ImportSet = {
        textPath: textPath(doc.path),
        annotator,
        gold: doc.gold === true,
        from: file,
        annotations: doc.annotations,
        ...(doc.relations ? { relations: doc.relations } : {}),
        ...(doc.date !== undefined ? { date: doc.date } : {}),
      };
      const key = `${set.textPath}\u0000${set.gold ? '' : set.annotator}\u0000${set.gold ? 'gold' : ''}`;
      const earlier = this.byKey.get(key);
      if (earlier) {
        const whose = set.gold ? 'gold annotations' : `annotations of ${annotator}`;
        this.errors.push(`${set.textPath} gets ${whose} from ${earlier.from === file ? `${file} twice` : `both ${earlier.from} and ${file}`}; import them one at a time`);
        continue;
      }
      this.byKey.set(key, set);
    }
  }

  get sets(): ImportSet[] {
    return [...this.byKey.values()];
  }

  /** The sidecar pattern for a set: the gold pattern for gold, the per-annotator one where a text gets several annotators and `pattern` names none. */
  patternFor(set: ImportSet, pattern: string, goldPattern = DEFAULT_GOLD_PATTERN): string {
    if (set.gold) return goldPattern;
    if (pattern.includes('${annotator}')) return pattern;
    const others = this.sets.filter((s) => !s.gold && s.textPath === set.textPath);
    return others.length > 1 ? PER_ANNOTATOR_PATTERN : pattern;
  }
}
