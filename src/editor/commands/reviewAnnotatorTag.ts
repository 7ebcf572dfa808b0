import * as vscode from 'vscode';
import type { Annotation } from '../../core/model/annotation';
import { now } from '../review/decisionTarget';
import type { AnnotatorTagArgs } from '../review/reviewCommandIds';
import type { ReviewContext } from '../review/reviewContext';
import type { Suggestion } from '../review/annotatorSuggestions';
import { resolveTarget } from '../commandTarget';
import type { Target } from '../commandTarget';
import { readSettings } from '../settings';
import { applyAnnotatorEdit } from '../documentProgress';

/** Tawsim: Accept Their Tag — copies another annotator's tag into the reviewer's own annotations. */
export async function acceptAnnotatorTag(ctx: ReviewContext, args?: AnnotatorTagArgs): Promise<Annotation | undefined> {
  return decide(ctx, args, 'accepted');
}

/** Tawsim: Reject Their Tag — records the tag as rejected in the reviewer's own annotations, so it is not offered again. */
export async function rejectAnnotatorTag(ctx: ReviewContext, args?: AnnotatorTagArgs): Promise<Annotation | undefined> {
  return decide(ctx, args, 'rejected');
}

async function decide(ctx: ReviewContext, args: AnnotatorTagArgs | undefined, verdict: 'accepted' | 'rejected'): Promise<Annotation | undefined> {
  const target = await resolveTarget(ctx.services, args);
  if (!target) return undefined;
  const suggestion = await suggestionFor(ctx, target, args);
  if (!suggestion) {
    void vscode.window.setStatusBarMessage(vscode.l10n.t('No suggested tag here'), 3000);
    return undefined;
  }
  const { store } = target;
  const { id: _theirId, orphan: _orphan, review: _review, ...tag } = suggestion.annotation;
  // The review record keeps who proposed the tag, as in gold.
  const copy: Annotation = {
    ...tag,
    id: store.newId(),
    status: verdict,
    review: { by: readSettings(store.uri).annotator, verdict, at: now(), from: [suggestion.annotator] },
  };
  const [put] = applyAnnotatorEdit(store, { put: [copy] });
  return put;
}

async function suggestionFor(ctx: ReviewContext, target: Target, args: AnnotatorTagArgs | undefined): Promise<Suggestion | undefined> {
  const pending = ctx.suggestions.pending(target.document).filter((s) => args?.annotator === undefined || s.annotator === args.annotator);
  if (args?.id !== undefined) return pending.find((s) => s.annotation.id === args.id);
  if (!target.editor) return undefined;
  const at = target.document.offsetAt(target.editor.selection.active);
  const here = pending.filter((s) => s.annotation.start <= at && at <= s.annotation.end);
  if (here.length <= 1) return here[0];
  const picked = await vscode.window.showQuickPick(
    here.map((s) => ({ label: `${s.annotation.label} «${s.annotation.text}»`, description: s.annotator, suggestion: s })),
    { placeHolder: vscode.l10n.t('Which tag?') },
  );
  return picked?.suggestion;
}
