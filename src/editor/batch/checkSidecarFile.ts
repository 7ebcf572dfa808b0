import * as vscode from 'vscode';
import type { LabelDefinition } from '../../core/model/labels';
import type { ProjectSchema } from '../../core/model/projectSchema';
import { safeRelativePath } from '../../core/formats/safeRelativePath';
import { annotationIdLines, checkSidecarText } from '../../core/sidecar/checkSidecarText';
import type { TextProblem } from '../../core/sidecar/checkSidecarText';
import { parseSidecar } from '../../core/sidecar/parseSidecar';
import { readTextFile } from '../sidecarFiles';

/**
 * Checks one sidecar against the schema and against its text, as `tawsim validate` does, and
 * returns Problems-panel diagnostics on the sidecar: schema problems at their line, problems of
 * one annotation on the line of its `id:`, problems of the text on the `document:` keys.
 */
export async function checkSidecarFile(uri: vscode.Uri, labels: readonly LabelDefinition[], schema?: ProjectSchema): Promise<vscode.Diagnostic[]> {
  let content: string | undefined;
  try {
    content = await readTextFile(uri);
  } catch (e) {
    return [diagnostic((e as Error).message, 'error', 1)];
  }
  if (content === undefined) return [];
  const lines = content.split('\n');
  const at = (line: number, column = 1): vscode.Range => {
    const text = lines[line - 1] ?? '';
    const start = Math.min(Math.max(0, column - 1), text.length);
    return new vscode.Range(line - 1, start, line - 1, Math.max(start + 1, text.replace(/\r$/, '').length));
  };
  const parsed = parseSidecar(content, { labels, ...(schema ? { schema } : {}) });
  const out = parsed.problems.map((p) => diagnostic(p.message, p.severity, p.line ?? 1, at(p.line ?? 1, p.column)));
  const sidecar = parsed.sidecar;
  if (!sidecar) return out;
  const keyLine = (key: string): number => Math.max(1, lines.findIndex((l) => new RegExp(`^\\s+${key}\\s*:`).test(l)) + 1);
  const safe = safeRelativePath(sidecar.document.path);
  if (!safe.ok) {
    out.push(diagnostic(vscode.l10n.t('document.path cannot be used: {0}', safe.reason), 'error', keyLine('path'), at(keyLine('path'))));
    return out;
  }
  let text: string | undefined;
  try {
    text = await readTextFile(vscode.Uri.joinPath(uri, '..', ...safe.path.split('/')));
  } catch (e) {
    text = undefined;
    out.push(diagnostic(vscode.l10n.t('cannot read the text {0}: {1}', sidecar.document.path, (e as Error).message), 'error', keyLine('path'), at(keyLine('path'))));
    return out;
  }
  if (text === undefined) {
    out.push(diagnostic(vscode.l10n.t('the text {0} does not exist', sidecar.document.path), 'error', keyLine('path'), at(keyLine('path'))));
    return out;
  }
  const idLines = annotationIdLines(content);
  for (const p of checkSidecarText(sidecar, text)) {
    const line = p.kind === 'textChanged' ? keyLine('sha256') : p.kind === 'lengthDiffers' ? keyLine('length') : (idLines.get(p.id) ?? 1);
    out.push(diagnostic(localised(p), p.severity, line, at(line)));
  }
  return out;
}

function localised(p: TextProblem): string {
  switch (p.kind) {
    case 'textChanged':
      return vscode.l10n.t('{0} changed since the sidecar was saved (sha256 differs); offsets are checked by their quotes', p.path);
    case 'lengthDiffers':
      return vscode.l10n.t('document.length is {0}, but {1} (the text this sidecar was saved for) has {2} code points', p.stated, p.path, p.length);
    case 'orphan':
      return vscode.l10n.t('{0} ({1} «{2}») is an orphan: its text is not in the document', p.id, p.label, p.quote);
    case 'pastEnd':
      return vscode.l10n.t('{0} ends at {1}, past the end of {2} ({3} code points)', p.id, p.end, p.path, p.length);
    case 'quoteDiffers':
      return vscode.l10n.t('{0} at {1}-{2} covers «{3}», not «{4}»', p.id, p.start, p.end, p.covered, p.quote);
  }
}

function diagnostic(message: string, severity: 'error' | 'warning', line: number, range = new vscode.Range(line - 1, 0, line - 1, 1)): vscode.Diagnostic {
  const d = new vscode.Diagnostic(range, message, severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
  d.source = 'Tawsim';
  d.code = 'validate';
  return d;
}
