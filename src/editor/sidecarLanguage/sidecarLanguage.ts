import * as vscode from 'vscode';
import type { LabelDefinition } from '../../core/model/labels';
import type { AnnotationStores } from '../annotationStores';
import { SidecarDiagnostics } from './sidecarDiagnostics';
import { SidecarHover } from './sidecarHover';
import { SidecarLenses } from './sidecarLenses';
import { SIDECAR_LANGUAGE } from './sidecarText';

/**
 * The sidecar as a file of its own language (`tawsim-annotations`): live problems while it is
 * edited, a lens on each annotation that reveals its span in the text, and a hover with the span
 * in context. The grammar and the file icon are contributed in package.json.
 */
export class SidecarLanguage implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[];

  constructor(stores: AnnotationStores, labels: () => readonly LabelDefinition[]) {
    // Any scheme: a sidecar in a diff or a virtual workspace gets lenses and hovers too.
    const selector: vscode.DocumentSelector = { language: SIDECAR_LANGUAGE };
    const diagnostics = new SidecarDiagnostics(stores, labels);
    this.disposables = [
      diagnostics,
      vscode.languages.registerCodeLensProvider(selector, new SidecarLenses()),
      vscode.languages.registerHoverProvider(selector, new SidecarHover(labels)),
      // Unknown labels are warnings, so the label set decides what is reported.
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('tawsim.labels')) diagnostics.recheckAll();
      }),
    ];
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
