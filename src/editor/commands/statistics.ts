import type * as vscode from 'vscode';
import type { Services } from '../services';
import { collectStatistics } from '../statistics/statisticsInputs';
import { StatisticsPanel } from '../statistics/statisticsPanel';
import type { WorkspaceAnnotations } from '../explorer/workspaceAnnotations';

/** Statistics: opens (or brings forward) the statistics page for the whole workspace. */
export async function showStatistics(services: Services, annotations: WorkspaceAnnotations): Promise<vscode.WebviewPanel> {
  return StatisticsPanel.show(
    services.context.extensionUri,
    async () => collectStatistics(await annotations.snapshot(), services.labels()),
    services.labels,
    annotations.onDidChange,
  );
}
