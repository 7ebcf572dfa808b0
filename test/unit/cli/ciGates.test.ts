import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { agreeCommand } from '../../../src/cli/commands/agree';
import { validateCommand } from '../../../src/cli/commands/validate';
import { fakeIo, tempFolders } from './cliTestKit';

const root = path.resolve(__dirname, '..', '..', '..');
const folders = tempFolders('tawsim-ci-');

function samples(): string {
  const dir = folders.make();
  for (const f of fs.readdirSync(path.join(root, 'samples'))) fs.copyFileSync(path.join(root, 'samples', f), path.join(dir, f));
  return dir;
}

interface SarifResult {
  ruleId: string;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
}

describe('tawsim in CI: validate --format sarif, agree --fail-under', () => {
  after(() => folders.removeAll());

  it('writes a SARIF 2.1.0 log with each problem on its file and line, and keeps the exit code', async () => {
    const dir = samples();
    const file = path.join(dir, 'rabat-water-summit.txt.ann.yaml');
    const content = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, content.replace('status: accepted', 'status: maybe'));
    const io = fakeIo();
    assert.equal(await validateCommand.run(['--format', 'sarif', dir], io), 1);
    const log = JSON.parse(io.stdout.join('\n')) as { version: string; runs: { tool: { driver: { name: string } }; results: SarifResult[] }[] };
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs[0]?.tool.driver.name, 'tawsim');
    const results = log.runs[0]?.results ?? [];
    assert.equal(results.length, 1);
    const [r] = results;
    assert.equal(r?.level, 'error');
    assert.equal(r?.ruleId, 'tawsim/sidecar-error');
    assert.match(r?.message.text ?? '', /"status" must be one of/);
    const location = r?.locations[0]?.physicalLocation;
    assert.equal(location?.artifactLocation.uri, path.relative(process.cwd(), file).split(path.sep).join('/'));
    assert.equal(location?.region.startLine, content.split('\n').findIndex((l) => l.includes('status: accepted')) + 1);

    const clean = fakeIo();
    assert.equal(await validateCommand.run(['--format', 'sarif', samples()], clean), 0);
    assert.deepEqual((JSON.parse(clean.stdout.join('\n')) as { runs: { results: unknown[] }[] }).runs[0]?.results, []);
  });

  it("takes the project's labels as the known ones", async () => {
    const dir = samples();
    const strict = fakeIo();
    fs.mkdirSync(path.join(dir, '.tawsim'));
    fs.writeFileSync(path.join(dir, '.tawsim', 'project.yaml'), 'tawsim-project: 1\nlabels:\n  - id: PER\n');
    assert.equal(await validateCommand.run([path.join(dir, 'cairo-metro-line.txt.layla.ann.yaml')], strict), 0);
    assert.match(strict.stdout.join('\n'), /warning: Label "LOC" is not in the label set/);
    fs.writeFileSync(path.join(dir, '.tawsim', 'project.yaml'), 'tawsim-project: 1\nlabels:\n  - id: PER\n    color: red\n');
    await assert.rejects(validateCommand.run([dir], fakeIo()), /project\.yaml:4: "color" of PER must be #rrggbb/);
  });

  it('fails under a κ that a pair does not reach, and passes under one every pair reaches', async () => {
    const dir = samples();
    const low = fakeIo();
    assert.equal(await agreeCommand.run(['--fail-under', '0.7', dir], low), 0);
    assert.match(low.stderr.join('\n'), /passed: Cohen's κ layla–omar = 0\.745 \(at least 0\.7\)/);
    const high = fakeIo();
    assert.equal(await agreeCommand.run(['--json', '--fail-under', '0.8', dir], high), 1);
    assert.match(high.stderr.join('\n'), /FAILED: Cohen's κ layla–omar = 0\.745 \(at least 0\.8\)/);
    assert.ok(JSON.parse(high.stdout.join('\n')), 'the JSON report is still whole on stdout');
    await assert.rejects(agreeCommand.run(['--fail-under', 'high', dir], fakeIo()), /--fail-under takes a κ from -1 to 1/);
  });
});
