import * as vscode from 'vscode';
import type { Annotation } from '../../core/model/annotation';
import type { Relation } from '../../core/model/relation';
import type { LabelDefinition } from '../../core/model/labels';
import type { CodePointIndex } from '../../core/model/offsets';
import { parseSidecar } from '../../core/sidecar/parseSidecar';
import { placeSidecarAnnotations } from '../../core/sidecar/documentAnnotations';
import { serializeSidecar } from '../../core/sidecar/serializeSidecar';
import { sha256Hex } from '../../core/sidecar/hash';
import { SIDECAR_BASE_VERSION } from '../../core/sidecar/sidecarTypes';
import type { GoldSet } from '../../core/review/adjudicate';
import { basename, readTextFile } from '../sidecarFiles';
import type { CheckedWrite, HostFiles } from '../files/hostFiles';
import { toCodePoints } from './annotatorSetOf';

export interface GoldOnDisk {
  readonly gold: GoldSet;
  /** Relation decisions, between gold entries by id. */
  readonly relations: readonly Relation[];
  /** The file's content as read; undefined when there is no gold file yet. */
  readonly content: string | undefined;
  /** Set when the file exists but cannot be used: gold is then never written over it. */
  readonly problem?: string;
  readonly date?: string;
}

/**
 * The gold sidecar placed on the current text, in code points. Gold saved for another version of
 * the text is re-anchored like any sidecar; decisions whose quote is gone stay as orphans, so
 * writing gold back never drops a decision.
 */
export function goldOf(content: string | undefined, text: string, index: CodePointIndex, labels: readonly LabelDefinition[]): GoldOnDisk {
  if (content === undefined) return { gold: [], relations: [], content };
  const parsed = parseSidecar(content, { labels });
  if (!parsed.sidecar || !parsed.writable) {
    const first = parsed.problems.find((p) => p.severity === 'error') ?? parsed.problems[0];
    const problem = first ? `${first.line !== undefined ? `${first.line}: ` : ''}${first.message}` : vscode.l10n.t('the file could not be read');
    return { gold: [], relations: [], content, problem };
  }
  const placed = placeSidecarAnnotations(parsed.sidecar, text);
  const gold = placed.annotations.map((a) => (a.orphan ? a : toCodePoints(a, index)));
  return { gold, relations: parsed.sidecar.relations ?? [], content, ...(parsed.sidecar.document.date !== undefined ? { date: parsed.sidecar.document.date } : {}) };
}

export async function readGoldFile(goldUri: vscode.Uri, text: string, index: CodePointIndex, labels: readonly LabelDefinition[]): Promise<GoldOnDisk> {
  let content: string | undefined;
  try {
    content = await readTextFile(goldUri);
  } catch (e) {
    return { gold: [], relations: [], content: undefined, problem: (e as Error).message };
  }
  return goldOf(content, text, index, labels);
}

/** The gold sidecar's text: the reviewer is its annotator; it describes the text compared. */
export function renderGold(
  textUri: vscode.Uri,
  reviewer: string,
  text: string,
  index: CodePointIndex,
  gold: readonly Annotation[],
  date?: string,
  relations: readonly Relation[] = [],
): string {
  return serializeSidecar({
    tawsim: SIDECAR_BASE_VERSION,
    document: { path: basename(textUri), sha256: sha256Hex(text), length: index.codePointLength, ...(date !== undefined ? { date } : {}) },
    annotator: reviewer,
    annotations: gold,
    ...(relations.length > 0 ? { relations } : {}),
  });
}

/**
 * Writes gold atomically (temporary file, then rename), so a crash never leaves half a gold file,
 * and only over the version this review read (`expected`): another reviewer's gold is never
 * overwritten unseen.
 */
export function writeGoldFile(files: HostFiles, goldUri: vscode.Uri, expected: string | undefined, content: string): Promise<CheckedWrite> {
  return files.writeChecked(goldUri, expected, content);
}
