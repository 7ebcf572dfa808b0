import { strict as assert } from 'node:assert';
import { agreementToCsv } from '../../../src/core/review/agreementCsv';
import { agreementToJson } from '../../../src/core/review/agreementJson';
import { formatAgreementTable } from '../../../src/core/review/agreementTable';
import { measureAgreement } from '../../../src/core/review/measureAgreement';
import { DEFAULT_REPORT_STRINGS, reportMessage } from '../../../src/core/review/reportStrings';
import { tag, textOf } from './helpers';

const report = measureAgreement([
  {
    document: 'خبر, "أول".txt',
    text: textOf(4),
    sets: [
      { annotator: 'salma', annotations: [tag('PER', 0), tag('LOC', 2, 3)] },
      { annotator: 'omar', annotations: [tag('PER', 0), tag('=X', 2)] },
      { annotator: 'huda', annotations: [], stale: true },
    ],
  },
]);

describe('review/agreement formats', () => {
  it('prints a plain-text table with n/a notes and the excluded sets', () => {
    const table = formatAgreementTable(report);
    const lines = table.split('\n');
    assert.match(lines[0] ?? '', /^Agreement: Documents 1, Annotators 2 \(salma, omar\), Tokens 4, Spans 4$/);
    assert.match(table, /Excluded: خبر, "أول"\.txt: huda \(the sidecar was saved for another version/);
    assert.match(table, /omar \/ salma {2}\(all labels\) {2}2\/2 +0\.500/);
    // Fleiss' κ is not reported for two annotators: n/a with a numbered note.
    assert.match(table, /n\/a \[1\]/);
    assert.match(table, /\[1\] reported for three or more annotators/);
    assert.doesNotMatch(table, /LOC/);
  });

  it('adds per-label rows with --by label, and localised headings', () => {
    const table = formatAgreementTable(report, { byLabel: true, perDocument: true, strings: { pair: 'زوج' } });
    assert.match(table, /^زوج/m);
    assert.match(table, /omar \/ salma {2}LOC/);
    assert.match(table, /omar \/ salma {2}=X/);
    assert.match(table, /Document: خبر, "أول"\.txt/);
  });

  it('writes CSV with one figure per row, quoted fields and formula guards', () => {
    const csv = agreementToCsv(report);
    const lines = csv.trimEnd().split('\r\n');
    assert.equal(lines[0], 'scope,document,annotator_a,annotator_b,label,label_b,metric,value,items,unit,reason');
    assert.ok(lines.includes('total,,omar,salma,,,exact_f1,0.5,4,spans,'));
    assert.ok(lines.some((l) => l.startsWith('document,"خبر, ""أول"".txt",omar,salma,,,cohen_kappa,')));
    assert.ok(lines.some((l) => l.startsWith("total,,omar,salma,'=X,,spans_a")));
    assert.ok(lines.some((l) => l.startsWith('total,,,,,,fleiss_kappa,,4,tokens,reported for three or more')));
    assert.ok(lines.some((l) => l.startsWith('total,"خبر, ""أول"".txt",huda,,,,excluded,')));
    assert.ok(lines.includes('total,,omar,salma,PER,PER,confusion,1,4,tokens,'));
    assert.ok(csv.endsWith('\r\n'));
  });

  it('writes JSON that reads back to the same report', () => {
    const json = agreementToJson(report);
    assert.deepEqual(JSON.parse(json), JSON.parse(JSON.stringify(report)));
    assert.equal(JSON.parse(json).format, 'tawsim-agreement');
    assert.doesNotMatch(json, /NaN/);
  });

  it('builds the webview message with every string filled in', () => {
    const m = reportMessage(report, { title: 'الاتفاق' });
    assert.equal(m.type, 'report');
    assert.equal(m.strings.title, 'الاتفاق');
    assert.equal(m.strings.exportCsv, DEFAULT_REPORT_STRINGS.exportCsv);
  });
});
