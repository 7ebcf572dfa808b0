import type { Annotation } from '../model/annotation';
import type { Relation } from '../model/relation';
import type { ProjectSchema } from '../model/projectSchema';
import type { LabelDefinition } from '../model/labels';
import type { OffsetUnit } from './offsetUnits';

/** Identifiers of the interchange formats, as used by commands, the CLI and settings. */
export type FormatId = 'brat' | 'conll' | 'doccano' | 'labelstudio' | 'csv' | 'timeml' | 'tawsim-json' | 'webanno' | 'spacy';

/** What a format can carry, so callers can say in advance what an export will leave out. */
export interface FormatCapabilities {
  /** Nested or crossing spans survive; otherwise the exporter keeps a non-overlapping subset. */
  readonly canHoldOverlaps: boolean;
  readonly canHoldNotes: boolean;
  /** Normalised temporal values of DATE and TIME spans. */
  readonly canHoldValues: boolean;
  /** Suggested (and for some, rejected) spans, not only accepted ones. */
  readonly canHoldStatuses: boolean;
  readonly canImport: boolean;
}

export interface FormatDefinition {
  readonly id: FormatId;
  readonly displayName: string;
  /** File name endings the format writes and reads, with the dot, most specific first. */
  readonly extensions: readonly string[];
  /** True when one file holds many documents (CoNLL, JSONL, Label Studio, CSV). */
  readonly manyDocumentsPerFile: boolean;
  readonly capabilities: FormatCapabilities;
}

/** One document to export: its text, its annotations (code point offsets) and where it lives. */
export interface ExportDocument {
  /** Path of the text relative to the export root, forward slashes; also names per-document files. */
  readonly path: string;
  readonly text: string;
  readonly annotations: readonly Annotation[];
  /** Relations between the annotations (sidecar schema 2), written by the formats that hold them. */
  readonly relations?: readonly Relation[];
  readonly annotator?: string;
  /** Document date (YYYY-MM-DD), written where the format has a place for it (TimeML DCT). */
  readonly date?: string;
}

export type ConllScheme = 'IOB2' | 'BIOES';

export interface ExportOptions {
  /**
   * Base name (no folder, no extension) of the single file written by formats that put every
   * document in one file. Defaults to the document's own name for one document, else `tawsim-export`.
   */
  readonly fileName?: string;
  readonly conll?: {
    readonly scheme?: ConllScheme;
    /** Split و ف ب ك ل before the article into tokens of their own (see tokens.ts). */
    readonly splitProclitics?: boolean;
  };
  readonly csv?: {
    /** Start the file with a UTF-8 byte order mark so spreadsheet programs detect the encoding. Default false. */
    readonly bom?: boolean;
    /** Prefix text cells starting with = + - @ (or tab/CR) with a quote so spreadsheets never run them. Default true. */
    readonly formulaGuard?: boolean;
  };
  readonly doccano?: {
    /** Unit of the offsets: doccano's annotation screen counts UTF-16 units, or grapheme clusters when the project says so. Default 'utf16'. */
    readonly offsets?: OffsetUnit;
  };
  readonly brat?: {
    /** Language of the visual labels in visual.conf. Default 'ar'. */
    readonly labelLanguage?: 'ar' | 'en';
    /** Relation types written as `*` equivalence lines. Default ['Equiv'], brat's own. */
    readonly equivalenceTypes?: readonly string[];
  };
}

export interface ExportRequest {
  readonly documents: readonly ExportDocument[];
  /** The label set (colours, names); defaults to DEFAULT_LABELS. */
  readonly labels?: readonly LabelDefinition[];
  /** Relation types and attributes (whether a type is symmetric, for brat's conf); defaults to DEFAULT_PROJECT_SCHEMA. */
  readonly schema?: ProjectSchema;
  readonly options?: ExportOptions;
}

/** The same request for a single document, flattened for the common case. */
export interface SingleExportRequest extends ExportDocument {
  readonly labels?: readonly LabelDefinition[];
  readonly schema?: ProjectSchema;
  readonly options?: ExportOptions;
}

export interface ExportedFile {
  /** Relative to the export folder, forward slashes; checked with safeRelativePath before writing. */
  readonly relativePath: string;
  readonly content: string;
}

/** An annotation the export could not carry, described well enough to find it again. */
export interface LeftOutAnnotation {
  readonly id: string;
  readonly label: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface ExportWarning {
  /** Document path the warning is about. */
  readonly path: string;
  /** Complete, user-readable sentence that names every annotation concerned. */
  readonly message: string;
  readonly annotations: readonly LeftOutAnnotation[];
  /**
   * Nothing was left out or changed: the warning says how the receiving tool must be set up to
   * read the file as written (doccano's overlap and offset settings, brat's fragments). Such
   * warnings are listed but not counted as spans left out or changed.
   */
  readonly notice?: boolean;
}

export interface ExportResult {
  readonly files: readonly ExportedFile[];
  readonly warnings: readonly ExportWarning[];
}

/** A document an import may attach annotations to. */
export interface SourceDocument {
  /** Relative path, forward slashes, as the caller will use it to find the sidecar. */
  readonly path: string;
  readonly text: string;
}

export type BratDiscontinuous = 'keep' | 'error' | 'cover' | 'fragments' | 'skip';

export interface ImportOptions {
  /** Refuse content longer than this many UTF-16 units. Default 50 000 000. */
  readonly maxContentLength?: number;
  /** Refuse files with more annotations than this. Default 500 000. */
  readonly maxAnnotations?: number;
  readonly conll?: {
    /** Tag scheme to check against; 'auto' reads IOB1, IOB2 and BIOES leniently. Default 'auto'. */
    readonly scheme?: 'auto' | 'IOB1' | 'IOB2' | 'BIOES';
  };
  readonly brat?: {
    /**
     * Spans in several fragments, beyond those brat splits at line breaks (which always import as
     * one span): 'keep' imports one discontinuous annotation (sidecar schema 2); 'error' refuses
     * the file; 'cover' imports one span from the first fragment to the last; 'fragments' imports
     * each fragment as an annotation of its own, with a note naming the brat span; 'skip' leaves
     * them out, listed. Default 'keep'.
     */
    readonly discontinuous?: BratDiscontinuous;
    /** brat's .txt starts with a byte order mark, which brat counts as a character. Default false. */
    readonly textStartsWithBom?: boolean;
  };
  readonly doccano?: {
    /** Unit of the offsets. Default 'utf16', what doccano's annotation screen produces. */
    readonly offsets?: OffsetUnit;
  };
  readonly labelStudio?: {
    /** Offset unit of `value.start`/`value.end`. Default 'codePoint' (see labelStudio.ts). */
    readonly offsetUnit?: 'codePoint' | 'utf16';
  };
  readonly csv?: {
    /** The file was written with the formula guard: a leading ' before = + - @ tab or CR is taken off. Default true. */
    readonly formulaGuard?: boolean;
  };
}

export interface ImportRequest {
  readonly content: string;
  /** Name of the file being imported, used in every error and to find brat's .txt. */
  readonly fileName: string;
  /**
   * Documents the import may attach to, in order: records naming a path are matched by path,
   * others by identical text, and CoNLL documents in file order.
   */
  readonly documents: readonly SourceDocument[];
  /** The label set; labels outside it are imported and named in a warning. */
  readonly labels: readonly LabelDefinition[];
  readonly options?: ImportOptions;
}

export interface ImportError {
  readonly file: string;
  /** 1-based line in the imported file, where the format has lines. */
  readonly line?: number;
  /** Location inside a JSON document, for example `[2].annotations[0].result[3]`. */
  readonly where?: string;
  readonly message: string;
  /** A brat span in several fragments with no `discontinuous` option chosen: the editor asks, the CLI names `--discontinuous`. */
  readonly code?: 'brat-discontinuous';
}

export interface ImportedDocument {
  readonly path: string;
  /** Sorted, ids t1…tN, `source: 'import'`. */
  readonly annotations: readonly Annotation[];
  /** Relations between them (ids r1…rN), from the formats that carry relations. */
  readonly relations?: readonly Relation[];
  /** Other fields of the record (doccano metadata such as id), prototype-safe. */
  readonly fields?: Readonly<Record<string, unknown>>;
  /**
   * Whose annotations these are, when the file says (Label Studio's `completed_by`, a CSV's
   * annotator column, a Tawsim JSON's annotator). One document may come several times, once per
   * annotator; absent when the file names nobody.
   */
  readonly annotator?: string;
  /** The adjudicated set (Label Studio's ground truth), for the gold sidecar. */
  readonly gold?: boolean;
  /** The document date the file records (Tawsim JSON, TimeML's document creation time), YYYY-MM-DD. */
  readonly date?: string;
}

/** Either every document or none: when `errors` is not empty, `documents` is empty. */
export interface ImportResult {
  readonly documents: readonly ImportedDocument[];
  readonly errors: readonly ImportError[];
  /** Things the file held that Tawsim does not keep (relations, other result types). */
  readonly warnings: readonly string[];
}
