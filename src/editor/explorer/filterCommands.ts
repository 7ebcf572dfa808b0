import * as vscode from 'vscode';
import { ANNOTATION_STATUSES } from '../../core/model/annotation';
import type { LabelDefinition } from '../../core/model/labels';
import { labelName } from '../review/reviewText';
import type { FilterDimension, FilterState } from './annotationFilter';
import { annotatorKey, annotatorName } from './annotationFilter';
import { statusName } from '../hover';
import type { FilterArgs } from './explorerCommandIds';
import type { WorkspaceOverview } from './workspaceAnnotations';
import { STATUS_ORDER } from '../../core/stats/annotationTally';

interface Choice extends vscode.QuickPickItem {
  readonly value: string;
}

/**
 * Sets one of the Annotations view's filters: from `args.values` when given (keybindings, tests),
 * else from a multi-select pick of what the workspace holds, the current filter ticked. Picking
 * nothing shows everything again.
 */
export async function filterAnnotations(
  state: FilterState,
  dimension: FilterDimension,
  overview: () => Promise<WorkspaceOverview>,
  labels: readonly LabelDefinition[],
  args?: FilterArgs,
): Promise<void> {
  if (args && Array.isArray(args.values)) {
    await state.set(
      dimension,
      args.values.filter((v): v is string => typeof v === 'string'),
    );
    return;
  }
  const current = new Set<string>(state.current[dimension] ?? []);
  const choices = choicesFor(dimension, await overview(), labels);
  const picked = await vscode.window.showQuickPick(
    choices.map((c) => ({ ...c, picked: current.has(c.value) })),
    { canPickMany: true, title: titleOf(dimension), placeHolder: vscode.l10n.t('Pick what to show; pick nothing to show everything') },
  );
  if (picked)
    await state.set(
      dimension,
      picked.map((p) => p.value),
    );
}

function choicesFor(dimension: FilterDimension, overview: WorkspaceOverview, labels: readonly LabelDefinition[]): Choice[] {
  // Counted from the index's summaries: no sidecar is read to offer the choices.
  const counts = new Map<string, number>();
  for (const sidecar of overview.sidecars) {
    for (const [label, triple] of Object.entries(sidecar.tally.counts)) {
      STATUS_ORDER.forEach((status, i) => {
        const key = dimension === 'labels' ? label : dimension === 'annotators' ? annotatorKey(sidecar) : status;
        counts.set(key, (counts.get(key) ?? 0) + (triple[i] as number));
      });
    }
  }
  const count = (value: string): string => vscode.l10n.t('{0} tags', counts.get(value) ?? 0);
  switch (dimension) {
    case 'labels': {
      const ids = [...labels.map((l) => l.id), ...[...counts.keys()].filter((id) => !labels.some((l) => l.id === id)).sort()];
      return ids.map((id) => ({ value: id, label: id, description: `${labelName(labels, id)} · ${count(id)}` }));
    }
    case 'annotators':
      return [...counts.keys()].sort().map((key) => ({ value: key, label: annotatorName(key), description: count(key) }));
    case 'statuses':
      return ANNOTATION_STATUSES.map((s) => ({ value: s, label: statusName(s), description: count(s) }));
  }
}

function titleOf(dimension: FilterDimension): string {
  switch (dimension) {
    case 'labels':
      return vscode.l10n.t('Show Annotations of These Labels');
    case 'annotators':
      return vscode.l10n.t('Show Annotations of These Annotators');
    case 'statuses':
      return vscode.l10n.t('Show Annotations with This Status');
  }
}
