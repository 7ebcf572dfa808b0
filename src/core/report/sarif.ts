/** One problem to report: a file (a relative URI with `/`), a 1-based line, a level and a message. */
export interface SarifFinding {
  readonly uri: string;
  readonly line: number;
  readonly level: 'error' | 'warning';
  readonly message: string;
}

const RULES = [
  { id: 'tawsim/sidecar-error', name: 'SidecarError', text: 'The sidecar is wrong: it does not parse, breaks the schema, or does not fit its text.' },
  { id: 'tawsim/sidecar-warning', name: 'SidecarWarning', text: 'The sidecar is read, but something will change or is outside the label set (a future orphan, an unknown label).' },
];

/**
 * A SARIF 2.1.0 log of `tawsim validate`, the format GitHub code scanning and other CI tools read:
 * one run, two rules (errors and warnings), a result per problem placed on its file and line.
 */
export function sarifLog(findings: readonly SarifFinding[], toolVersion: string): object {
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'tawsim',
            version: toolVersion,
            rules: RULES.map((r) => ({
              id: r.id,
              name: r.name,
              shortDescription: { text: r.text },
              defaultConfiguration: { level: r.id.endsWith('error') ? 'error' : 'warning' },
            })),
          },
        },
        columnKind: 'unicodeCodePoints',
        results: findings.map((f) => ({
          ruleId: f.level === 'error' ? RULES[0]?.id : RULES[1]?.id,
          ruleIndex: f.level === 'error' ? 0 : 1,
          level: f.level,
          message: { text: f.message },
          locations: [{ physicalLocation: { artifactLocation: { uri: f.uri }, region: { startLine: Math.max(1, f.line) } } }],
        })),
      },
    ],
  };
}
