import * as vscode from 'vscode';
import { attributesFor } from '../../core/model/projectSchema';
import type { Services } from '../services';
import type { SetAttributeArgs } from '../commandIds';
import { annotationToEdit } from '../commandTarget';
import { applyAnnotatorEdit } from '../documentProgress';

/**
 * Tawsim: Set Attribute… — sets `name` to `value` on the annotation at the cursor (or `id`); the
 * name is picked among the attributes the project defines for its label (or those it has), the
 * value among the defined values or typed. An empty value removes the attribute.
 */
export async function setAttribute(services: Services, args?: SetAttributeArgs): Promise<boolean> {
  const found = await annotationToEdit(services, args);
  if (!found) return false;
  const { target, annotation } = found;
  const definitions = attributesFor(services.schema(), annotation.label);
  let name = args?.name;
  if (name === undefined) {
    const names = [...new Set([...definitions.map((d) => d.name), ...Object.keys(annotation.attributes ?? {})])];
    if (names.length === 0) {
      name = await vscode.window.showInputBox({ prompt: vscode.l10n.t('No attributes are defined for {0} (setting tawsim.attributes). Attribute name:', annotation.label) });
    } else {
      const picked = await vscode.window.showQuickPick(
        names.map((n) => ({ label: n, description: annotation.attributes?.[n] ?? '' })),
        { placeHolder: vscode.l10n.t('Attribute of «{0}» ({1})', annotation.text, annotation.label) },
      );
      name = picked?.label;
    }
  }
  if (name === undefined || name.trim() === '') return false;
  name = name.trim();
  const definition = definitions.find((d) => d.name === name);
  let value = args?.value;
  if (value === undefined) {
    const current = annotation.attributes?.[name] ?? definition?.default ?? '';
    if (definition?.values) {
      const clear = vscode.l10n.t('(none)');
      const picked = await vscode.window.showQuickPick([...definition.values.map((v) => ({ label: v, picked: v === current })), { label: clear }], {
        placeHolder: vscode.l10n.t('{0} of «{1}»', name, annotation.text),
      });
      value = picked === undefined ? undefined : picked.label === clear ? '' : picked.label;
    } else value = await vscode.window.showInputBox({ prompt: vscode.l10n.t('{0} of «{1}»', name, annotation.text), value: current });
  }
  if (value === undefined) return false;
  value = value.trim();
  if (value !== '' && definition?.values && !definition.values.includes(value)) {
    void vscode.window.showWarningMessage(vscode.l10n.t('"{0}" is not a value of {1} ({2}).', value, name, definition.values.join(', ')));
    return false;
  }
  const { attributes: old, ...rest } = annotation;
  const attributes = { ...(old ?? {}) };
  if (value === '') delete attributes[name];
  else attributes[name] = value;
  applyAnnotatorEdit(target.store, { put: [Object.keys(attributes).length > 0 ? { ...rest, attributes } : rest] });
  return true;
}
