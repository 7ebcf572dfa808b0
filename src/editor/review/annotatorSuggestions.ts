import * as vscode from 'vscode';
import type { Annotation } from '../../core/model/annotation';
import { sameSpanAndLabel } from '../../core/model/annotation';
import { acceptedTags } from '../../core/review/annotatorSet';
import { parseSidecar } from '../../core/sidecar/parseSidecar';
import { placeSidecarAnnotations } from '../../core/sidecar/documentAnnotations';
import type { Sidecar } from '../../core/sidecar/sidecarTypes';
import type { Services } from '../services';
import { readTextFile } from '../sidecarFiles';

/** Another annotator's tag offered to the reviewer, in the editor's UTF-16 offsets. */
export interface Suggestion {
  readonly annotator: string;
  /** The tag as in their sidecar, placed on the current text; its id is theirs. */
  readonly annotation: Annotation;
}

interface Source {
  readonly annotator: string;
  readonly sidecarUri: vscode.Uri;
  sidecar: Sidecar;
  /** Placement on the text, cached by document version: placing re-anchors when the text changed. */
  placed: { version: number; tags: Annotation[] } | undefined;
}

/**
 * "Review one annotator's file in place": that annotator's tags are offered as suggestions on the
 * reviewer's own annotations, one document at a time. Accepting copies a tag into the reviewer's
 * store; rejecting records it there as rejected, so it is not offered again.
 */
export class AnnotatorSuggestions implements vscode.Disposable {
  private readonly sources = new Map<string, Source>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(private readonly services: Services) {
    this.disposables.push(services.sidecarFiles.onDidChange((uri) => void this.onDisk(uri)));
  }

  /** Starts offering an annotator's tags on a document. Returns an error message, or undefined. */
  async show(documentUri: vscode.Uri, annotator: string, sidecarUri: vscode.Uri): Promise<string | undefined> {
    const content = await readTextFile(sidecarUri).catch((e: unknown) => e as Error);
    if (content === undefined) return vscode.l10n.t('{0} does not exist', sidecarUri.path);
    if (content instanceof Error) return content.message;
    const parsed = parseSidecar(content, { labels: this.services.labels() });
    if (!parsed.sidecar) {
      const first = parsed.problems.find((p) => p.severity === 'error');
      return `${first?.line ?? 1}: ${first?.message ?? ''}`;
    }
    this.sources.set(documentUri.toString(), { annotator, sidecarUri, sidecar: parsed.sidecar, placed: undefined });
    this.changed.fire(documentUri);
    return undefined;
  }

  stop(documentUri: vscode.Uri): void {
    if (this.sources.delete(documentUri.toString())) this.changed.fire(documentUri);
  }

  /** Documents with another annotator's tags on offer. */
  documents(): vscode.Uri[] {
    return [...this.sources.keys()].map((k) => vscode.Uri.parse(k));
  }

  annotatorOf(documentUri: vscode.Uri): string | undefined {
    return this.sources.get(documentUri.toString())?.annotator;
  }

  /** Their tags the reviewer has not decided on yet (no tag of the same span and label in the reviewer's store). */
  pending(document: vscode.TextDocument): Suggestion[] {
    const source = this.sources.get(document.uri.toString());
    const store = this.services.stores.get(document.uri);
    if (!source || !store) return [];
    if (source.placed?.version !== document.version) {
      const placed = placeSidecarAnnotations(source.sidecar, document.getText());
      source.placed = { version: document.version, tags: acceptedTags(placed.annotations) };
    }
    const own = [...store.tracked.all];
    return source.placed.tags.filter((t) => !own.some((o) => sameSpanAndLabel(o, t))).map((annotation) => ({ annotator: source.annotator, annotation }));
  }

  private async onDisk(uri: vscode.Uri): Promise<void> {
    for (const [key, source] of this.sources) {
      if (source.sidecarUri.toString() !== uri.toString()) continue;
      const content = await readTextFile(uri).catch(() => undefined);
      const parsed = content === undefined ? undefined : parseSidecar(content, { labels: this.services.labels() });
      // A broken or deleted file keeps the last good tags on offer rather than losing them mid-review.
      if (!parsed?.sidecar) continue;
      source.sidecar = parsed.sidecar;
      source.placed = undefined;
      this.changed.fire(vscode.Uri.parse(key));
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
