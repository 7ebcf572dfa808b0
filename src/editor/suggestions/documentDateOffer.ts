import * as vscode from 'vscode';
import type { AnnotationDocument } from '../annotationDocument';
import type { AnnotationStores } from '../annotationStores';
import { findDocumentDate } from '../../core/recognize/documentDate';
import { CommandId } from '../commandIds';
import { basename } from '../sidecarFiles';

/** How much of the top of a document a dateline is looked for in. */
const HEAD_CHARS = 4000;

/**
 * The document date when the sidecar has none: a dateline at the top of the text
 * (`الرباط - 18 يناير 2023`). It is used for suggestions at once and offered to the user, once per
 * document, to keep in the sidecar.
 */
export class DocumentDateOffer implements vscode.Disposable {
  private readonly offered = new Set<string>();
  private readonly found = new WeakMap<AnnotationDocument, { head: string; date: string | undefined }>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly stores: AnnotationStores) {
    this.disposables.push(stores.onDidOpen((store) => this.offer(store)));
  }

  /** The date suggestions are resolved against: the sidecar's, else a dateline's. */
  dateOf(store: AnnotationDocument): string | undefined {
    return store.documentDate ?? this.dateline(store);
  }

  private dateline(store: AnnotationDocument): string | undefined {
    const document = this.stores.documentOf(store);
    if (!document) return undefined;
    const head = document.getText(new vscode.Range(0, 0, document.positionAt(HEAD_CHARS).line + 1, 0));
    const cached = this.found.get(store);
    if (cached?.head === head) return cached.date;
    const date = findDocumentDate(head)?.date;
    this.found.set(store, { head, date });
    return date;
  }

  private offer(store: AnnotationDocument): void {
    const key = store.uri.toString();
    if (store.documentDate || this.offered.has(key) || !vscode.workspace.isTrusted) return;
    const date = this.dateline(store);
    if (!date) return;
    this.offered.add(key);
    const use = vscode.l10n.t('Keep as Document Date');
    void vscode.window
      .showInformationMessage(
        vscode.l10n.t('{0} is dated {1} by its dateline; relative dates are read from it. Keep it in the sidecar as the document date?', basename(store.uri), date),
        use,
      )
      .then((choice) => {
        if (choice === use) void vscode.commands.executeCommand(CommandId.setDocumentDate, { uri: key, date });
      });
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
