import type * as vscode from 'vscode';
import type { Services } from '../services';
import type { CollectedStatistics } from '../statistics/statisticsInputs';
import { StatisticsPanel } from '../statistics/statisticsPanel';

/** Statistics: opens (or brings forward) the statistics page for the whole workspace. */
export async function showStatistics(services: Services, onDidChange: vscode.Event<void>, collect: () => Promise<CollectedStatistics>): Promise<vscode.WebviewPanel> {
  return StatisticsPanel.show(services.context.extensionUri, collect, services.labels, onDidChange);
}
