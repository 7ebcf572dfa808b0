import * as vscode from 'vscode';
import type { LabelDefinition } from '../../core/model/labels';
import type { ProjectSchema } from '../../core/model/projectSchema';
import { DEFAULT_PROJECT_SCHEMA } from '../../core/model/projectSchema';
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

  constructor(stores: AnnotationStores, labels: () => readonly LabelDefinition[], schema: () => ProjectSchema = () => DEFAULT_PROJECT_SCHEMA) {
    // Any scheme: a sidecar in a diff or a virtual workspace gets lenses and hovers too.
    const selector: vscode.DocumentSelector = { language: SIDECAR_LANGUAGE };
    const diagnostics = new SidecarDiagnostics(stores, labels, schema);
    this.disposables = [
      diagnostics,
      vscode.languages.registerCodeLensProvider(selector, new SidecarLenses()),
      vscode.languages.registerHoverProvider(selector, new SidecarHover(labels)),
      // Unknown labels, relation types and attribute values are warnings, so the settings decide what is reported.
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('tawsim.labels') || e.affectsConfiguration('tawsim.relationTypes') || e.affectsConfiguration('tawsim.attributes')) diagnostics.recheckAll();
      }),
    ];
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
