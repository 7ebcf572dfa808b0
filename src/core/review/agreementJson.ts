import type { AgreementReport } from './measureAgreement';

/**
 * The report as JSON text for `--json` and "Export JSON". The report is plain data already (no Map,
 * no NaN, undefined figures are null with a reason), so this is a stable, indented serialisation.
 */
export function agreementToJson(report: AgreementReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
