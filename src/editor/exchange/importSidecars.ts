import * as vscode from 'vscode';
import type { Relation } from '../../core/model/relation';
import type { Annotation } from '../../core/model/annotation';
import type { LabelDefinition } from '../../core/model/labels';
import type { SourceDocument } from '../../core/formats/formatTypes';
import type { ExistingSidecarChoice } from '../../core/exchange/importedSidecar';
import { importedSidecar } from '../../core/exchange/importedSidecar';
import { parseSidecar } from '../../core/sidecar/parseSidecar';
import { serializeSidecar } from '../../core/sidecar/serializeSidecar';
import type { Sidecar } from '../../core/sidecar/sidecarTypes';
import { basename, readTextFile, sidecarUriFor } from '../sidecarFiles';

/** One sidecar an import writes: a text, whose annotations, under which name pattern. */
export interface ImportTarget {
  readonly text: SourceDocument;
  readonly textUri: vscode.Uri;
  /** The imported file they come from, as shown to the user. */
  readonly from: string;
  readonly annotator: string;
  /** The sidecar pattern for this set (the gold pattern for a gold set). */
  readonly pattern: string;
  readonly annotations: readonly Annotation[];
  /** Relations between them, from formats that carry relations. */
  readonly relations?: readonly Relation[];
  /** The document date the imported file states (TimeML's creation time). */
  readonly date?: string;
}

export interface SidecarWrite {
  readonly uri: vscode.Uri;
  readonly target: ImportTarget;
  /** The sidecar already there, which must not be overwritten without the user's answer. */
  readonly existing?: Sidecar;
  /** The file's content when planned: the write happens only if it still holds this. */
  readonly existingContent?: string;
}

/**
 * Where each target's sidecar goes under the configured pattern, and what is there already.
 * A sidecar there that cannot be read is an error: it may hold someone's work, and it is neither
 * replaced nor merged into until it is fixed.
 */
export async function planSidecarWrites(targets: readonly ImportTarget[], labels: readonly LabelDefinition[]): Promise<{ writes: SidecarWrite[]; errors: string[] }> {
  const writes: SidecarWrite[] = [];
  const errors: string[] = [];
  for (const target of targets) {
    let uri: vscode.Uri;
    try {
      uri = sidecarUriFor(target.textUri, target.annotator, target.pattern);
    } catch (e) {
      errors.push((e as Error).message);
      continue;
    }
    const content = await readTextFile(uri).catch((e: unknown) => {
      errors.push(vscode.l10n.t('{0}: {1}', basename(uri), (e as Error).message));
      return undefined;
    });
    if (content === undefined) {
      writes.push({ uri, target });
      continue;
    }
    const parsed = parseSidecar(content, { labels });
    if (!parsed.sidecar || !parsed.writable) {
      const p = parsed.problems.find((q) => q.severity === 'error') ?? parsed.problems[0];
      errors.push(
        vscode.l10n.t(
          '{0}, line {1}: {2} (a sidecar that cannot be read is neither replaced nor merged into)',
          vscode.workspace.asRelativePath(uri),
          p?.line ?? 1,
          p?.message ?? '',
        ),
      );
      continue;
    }
    writes.push({ uri, target, existing: parsed.sidecar, existingContent: content });
  }
  return { writes, errors };
}

/** The content of one sidecar write, and how many annotations it holds. */
export function renderSidecarWrite(write: SidecarWrite, choice: ExistingSidecarChoice): { content: string; count: number } {
  const { target, existing } = write;
  const sidecar = importedSidecar({
    text: target.text.text,
    textName: basename(target.textUri),
    annotator: target.annotator,
    annotations: target.annotations,
    ...(target.relations ? { relations: target.relations } : {}),
    ...(target.date !== undefined ? { date: target.date } : {}),
    ...(existing ? { existing: { sidecar: existing, choice } } : {}),
  });
  return { content: serializeSidecar(sidecar), count: sidecar.annotations.length };
}
