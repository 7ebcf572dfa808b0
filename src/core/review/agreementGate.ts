import type { AgreementReport } from './measureAgreement';

/** One figure the gate checked. */
export interface GateCheck {
  readonly what: string;
  readonly value: number | null;
  readonly passed: boolean;
}

/**
 * The agreement gate of `tawsim agree --fail-under κ`: every pair's Cohen's κ over all documents
 * and all labels, and Fleiss' κ when three or more annotators are compared and it is defined (it
 * needs every annotator on every document), must reach the threshold. A pair's κ that is undefined
 * (no tokens to compare) fails: a gate that passes on nothing would let an empty corpus through.
 */
export function agreementGate(report: AgreementReport, threshold: number): { passed: boolean; checks: GateCheck[] } {
  const checks: GateCheck[] = report.total.pairs.map((p) => check(`Cohen's κ ${p.a}–${p.b}`, p.cohenKappa.value, threshold));
  if (report.total.annotators.length >= 3 && report.total.fleissKappa.value !== null) checks.push(check("Fleiss' κ", report.total.fleissKappa.value, threshold));
  if (checks.length === 0) checks.push({ what: 'agreement', value: null, passed: false });
  return { passed: checks.every((c) => c.passed), checks };
}

function check(what: string, value: number | null, threshold: number): GateCheck {
  return { what, value, passed: value !== null && value >= threshold };
}
