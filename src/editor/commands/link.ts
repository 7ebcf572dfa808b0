import * as vscode from 'vscode';
import type { Annotation } from '../../core/model/annotation';
import type { Relation } from '../../core/model/relation';
import { sameRelation } from '../../core/model/relation';
import { relationLabelProblem } from '../../core/model/projectSchema';
import type { Services } from '../services';
import type { LinkArgs } from '../commandIds';
import { annotationToEdit } from '../commandTarget';
import { applyAnnotatorEdit } from '../documentProgress';

/** How many annotations around the first one the quick pick offers. */
const NEARBY = 40;

/**
 * Tawsim: Link… — a relation from the annotation at the cursor (or `id`) to another: `to`, else the
 * annotation at the second cursor, else one picked among the nearest; of type `type`, else picked
 * among the project's types (those whose labels fit first). One annotation undo step.
 */
export async function link(services: Services, args?: LinkArgs): Promise<Relation | undefined> {
  const found = await annotationToEdit(services, args);
  if (!found) return undefined;
  const { target, annotation: from } = found;
  const { store, editor, document } = target;
  let to: Annotation | undefined = args?.to !== undefined ? store.tracked.byId(args.to) : undefined;
  if (args?.to !== undefined && !to) {
    void vscode.window.showWarningMessage(vscode.l10n.t('No annotation {0} in this document.', args.to));
    return undefined;
  }
  if (!to && editor && editor.selections.length > 1 && args?.id === undefined) {
    const second = editor.selections[1] as vscode.Selection;
    const at = document.offsetAt(second.active);
    to = store.tracked.inRange(at, at).find((a) => a.id !== from.id && a.status !== 'rejected');
  }
  if (!to) {
    const others = [...store.tracked.all].filter((a) => a.id !== from.id && a.status !== 'rejected');
    others.sort((a, b) => Math.abs(a.start - from.start) - Math.abs(b.start - from.start));
    const picked = await vscode.window.showQuickPick(
      others.slice(0, NEARBY).map((a) => ({ label: a.text, description: a.label, detail: vscode.l10n.t('line {0}', document.positionAt(a.start).line + 1), annotation: a })),
      { placeHolder: vscode.l10n.t('Link «{0}» ({1}) to…', from.text, from.label), matchOnDescription: true },
    );
    to = picked?.annotation;
  }
  if (!to) return undefined;
  const schema = services.schema();
  let type = args?.type;
  if (type === undefined) {
    const end = to;
    const fitting = schema.relationTypes.filter((t) => relationLabelProblem(t, from.label, end.label) === undefined);
    const rest = schema.relationTypes.filter((t) => !fitting.includes(t));
    const picked = await vscode.window.showQuickPick(
      [...fitting, ...rest].map((t) => ({
        label: t.id,
        description: `${t.from.join('/') || '*'} ${t.symmetric ? '↔' : '→'} ${t.to.join('/') || '*'}`,
        ...(fitting.includes(t) ? {} : { detail: vscode.l10n.t('Not meant for {0} and {1}', from.label, end.label) }),
      })),
      { placeHolder: vscode.l10n.t('Relation from «{0}» to «{1}»', from.text, end.text) },
    );
    type = picked?.label;
  }
  if (type === undefined || type === '') return undefined;
  const definition = schema.relationTypes.find((t) => t.id === type);
  if (from.id === to.id && !definition?.allowSelf) {
    void vscode.window.showWarningMessage(vscode.l10n.t('"{0}" does not relate an annotation to itself.', type));
    return undefined;
  }
  const relation: Relation = { id: store.tracked.nextRelationId(), type, from: from.id, to: to.id, status: 'accepted', source: 'manual' };
  if (store.tracked.relations.some((r) => sameRelation(r, relation, definition?.symmetric === true))) {
    void vscode.window.setStatusBarMessage(vscode.l10n.t('Already linked'), 3000);
    return undefined;
  }
  applyAnnotatorEdit(store, { putRelations: [relation] });
  return relation;
}
