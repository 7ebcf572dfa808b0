import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { agreeCommand } from '../../../src/cli/commands/agree';
import { UsageError } from '../../../src/cli/cliTypes';
import type { Annotation } from '../../../src/core/model/annotation';
import { buildSidecar } from '../../../src/core/sidecar/documentAnnotations';
import { serializeSidecar } from '../../../src/core/sidecar/serializeSidecar';
import type { AgreementReport } from '../../../src/core/review/measureAgreement';
import { CSV_COLUMNS } from '../../../src/core/review/agreementCsv';
import { fakeIo } from './cliTestKit';

const TEXT = 'زار محمد الرباط أمس والتقى وزير الخارجية المغربي في مقر الوزارة.';

/** A sidecar of `text` with tags given as [label, quote], offsets found in the text. */
function sidecarOf(textName: string, text: string, annotator: string, tags: readonly [string, string][]): string {
  const live: Annotation[] = tags.map(([label, quote], i) => {
    const at = text.indexOf(quote);
    assert.ok(at >= 0, `«${quote}» is in the text`);
    return { id: `t${i + 1}`, label, start: at, end: at + quote.length, text: quote, status: 'accepted', source: 'manual' };
  });
  return serializeSidecar(buildSidecar({ path: textName, annotator }, text, live, []));
}

describe('tawsim agree', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tawsim-agree-'));
    fs.writeFileSync(path.join(dir, 'a.txt'), TEXT);
    fs.writeFileSync(
      path.join(dir, 'a.txt.salma.ann.yaml'),
      sidecarOf('a.txt', TEXT, 'salma', [
        ['PER', 'محمد'],
        ['LOC', 'الرباط'],
        ['ORG', 'الوزارة'],
      ]),
    );
    fs.writeFileSync(
      path.join(dir, 'a.txt.omar.ann.yaml'),
      sidecarOf('a.txt', TEXT, 'omar', [
        ['PER', 'محمد'],
        ['LOC', 'الرباط'],
        ['LOC', 'الوزارة'],
      ]),
    );
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints the figures of a folder as JSON, grouping sidecars by their text', async () => {
    const io = fakeIo();
    assert.equal(await agreeCommand.run(['--json', dir], io), 0);
    assert.deepEqual(io.stderr, []);
    const report = JSON.parse(io.stdout.join('\n')) as AgreementReport;
    assert.equal(report.format, 'tawsim-agreement');
    assert.deepEqual(
      report.documents.map((d) => d.document),
      ['a.txt'],
    );
    assert.deepEqual(report.total.annotators, ['omar', 'salma']);
    const [pair] = report.total.pairs;
    assert.equal(pair?.exact.matched, 2);
    assert.equal(pair?.exact.f1.value, 2 / 3);
  });

  it('prints a table by default and adds label rows with --by label', async () => {
    const plain = fakeIo();
    assert.equal(await agreeCommand.run([dir], plain), 0);
    const byLabel = fakeIo();
    assert.equal(await agreeCommand.run(['--by', 'label', dir], byLabel), 0);
    const text = byLabel.stdout.join('\n');
    assert.match(plain.stdout.join('\n'), /omar \/ salma/);
    assert.match(text, /^omar \/ salma\s+LOC\s/m);
    assert.ok(text.split('\n').length > plain.stdout.join('\n').split('\n').length);
  });

  it('prints CSV with the documented columns', async () => {
    const io = fakeIo();
    assert.equal(await agreeCommand.run(['--csv', path.join(dir, 'a.txt.salma.ann.yaml'), path.join(dir, 'a.txt.omar.ann.yaml')], io), 0);
    assert.equal(io.stdout.join('\n').split('\r\n')[0], CSV_COLUMNS.join(','));
  });

  it('reports a sidecar that does not parse on stderr with file, line and reason, leaves it out and exits 1', async () => {
    fs.writeFileSync(path.join(dir, 'a.txt.layla.ann.yaml'), 'tawsim: 1\ndocument: [oops\n');
    const io = fakeIo();
    assert.equal(await agreeCommand.run(['--json', dir], io), 1);
    assert.equal(io.stderr.length, 1);
    assert.match(io.stderr[0] ?? '', /a\.txt\.layla\.ann\.yaml:\d+: error: .+; left out$/);
    const report = JSON.parse(io.stdout.join('\n')) as AgreementReport;
    assert.deepEqual(report.total.annotators, ['omar', 'salma'], 'the figures come from the readable sidecars');
  });

  it('re-anchors a sidecar saved for an earlier text, and marks it stale when tags cannot be placed', async () => {
    const edited = `عاجل: ${TEXT}`;
    fs.writeFileSync(path.join(dir, 'a.txt'), edited);
    fs.writeFileSync(
      path.join(dir, 'a.txt.salma.ann.yaml'),
      sidecarOf('a.txt', edited, 'salma', [
        ['PER', 'محمد'],
        ['LOC', 'الرباط'],
        ['ORG', 'الوزارة'],
      ]),
    );
    // omar's sidecar describes the old text: its quotes are still there, so it is placed again.
    const moved = fakeIo();
    assert.equal(await agreeCommand.run(['--json', dir], moved), 0);
    assert.equal((JSON.parse(moved.stdout.join('\n')) as AgreementReport).total.pairs[0]?.exact.matched, 2);

    // layla tagged a word that the text no longer has: her set is excluded with the reason.
    fs.writeFileSync(
      path.join(dir, 'a.txt.layla.ann.yaml'),
      sidecarOf('a.txt', `${TEXT} الرباط`, 'layla', [
        ['LOC', 'الرباط'],
        ['PER', 'محمد'],
        ['MISC', 'والتقى وزير'],
      ]).replace('والتقى وزير', 'والتقت وزيرة'),
    );
    const stale = fakeIo();
    assert.equal(await agreeCommand.run(['--json', dir], stale), 0);
    const report = JSON.parse(stale.stdout.join('\n')) as AgreementReport;
    assert.deepEqual(report.total.annotators, ['omar', 'salma']);
    assert.equal(report.total.excluded[0]?.annotator, 'layla');
    assert.match(report.total.excluded[0]?.reason ?? '', /sha256 differs.*1 of its tags could not be placed/);
  });

  it('leaves gold and recovery files out of a folder, and reports a text with one annotator', async () => {
    fs.writeFileSync(path.join(dir, 'a.txt.gold.ann.yaml'), sidecarOf('a.txt', TEXT, 'reviewer', [['PER', 'محمد']]));
    fs.writeFileSync(path.join(dir, 'b.txt'), TEXT);
    fs.writeFileSync(path.join(dir, 'b.txt.salma.ann.yaml'), sidecarOf('b.txt', TEXT, 'salma', [['PER', 'محمد']]));
    const io = fakeIo();
    assert.equal(await agreeCommand.run(['--json', dir], io), 0);
    assert.deepEqual((JSON.parse(io.stdout.join('\n')) as AgreementReport).total.annotators, ['omar', 'salma']);
    assert.deepEqual(io.stderr, ["b.txt: skipped, only one annotator's sidecar"]);
  });

  it('exits 1 when an input does not exist or nothing can be compared', async () => {
    const io = fakeIo();
    assert.equal(await agreeCommand.run([path.join(dir, 'missing')], io), 1);
    assert.match(io.stderr.join('\n'), /missing: no such file or folder/);
    assert.match(io.stderr.join('\n'), /no text has sidecars of two or more annotators/);
  });

  it('refuses bad usage (exit 2 through the usage error)', async () => {
    await assert.rejects(agreeCommand.run([], fakeIo()), UsageError);
    await assert.rejects(agreeCommand.run(['--json', '--csv', dir], fakeIo()), UsageError);
    await assert.rejects(agreeCommand.run(['--by', 'document', dir], fakeIo()), UsageError);
    await assert.rejects(agreeCommand.run(['--nope', dir], fakeIo()), UsageError);
  });
});
