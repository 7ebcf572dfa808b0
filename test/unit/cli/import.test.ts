import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UsageError } from '../../../src/cli/cliTypes';
import { exportCommand } from '../../../src/cli/commands/export';
import { importCommand } from '../../../src/cli/commands/import';
import type { Annotation } from '../../../src/core/model/annotation';
import { parseSidecar } from '../../../src/core/sidecar/parseSidecar';
import { serializeSidecar } from '../../../src/core/sidecar/serializeSidecar';
import type { Sidecar } from '../../../src/core/sidecar/sidecarTypes';
import { fakeIo, tempFolders } from './cliTestKit';
import type { Captured } from './cliTestKit';

const root = path.resolve(__dirname, '..', '..', '..');
const RABAT = 'rabat-water-summit.txt';
const CAIRO = 'cairo-metro-line.txt';

const folders = tempFolders('tawsim-import-');
const tempDir = (): string => folders.make();

/** Copies samples into `dir/sub`, the texts always, their sidecars when asked. */
function copySamples(dir: string, sub: string, names: readonly string[], withSidecars: boolean): string {
  const folder = path.join(dir, sub);
  fs.mkdirSync(folder, { recursive: true });
  for (const name of names) {
    fs.copyFileSync(path.join(root, 'samples', name), path.join(folder, name));
    if (withSidecars) fs.copyFileSync(path.join(root, 'samples', `${name}.ann.yaml`), path.join(folder, `${name}.ann.yaml`));
  }
  return folder;
}

function readSidecar(file: string): Sidecar {
  const parsed = parseSidecar(fs.readFileSync(file, 'utf8'));
  assert.ok(parsed.sidecar, JSON.stringify(parsed.problems));
  return parsed.sidecar;
}

/** Every file under a folder, relative, sorted: to show that a failed import wrote nothing. */
function listing(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).map((f) => f.split(path.sep).join('/')).sort();
}

type Essence = [string, number, number, string, string | undefined, string | undefined];
const essence = (a: Annotation): Essence => [a.label, a.start, a.end, a.text, a.value, a.note];

async function runImport(args: string[]): Promise<{ code: number; io: Captured }> {
  const io = fakeIo();
  return { code: await importCommand.run(args, io), io };
}

async function runExport(args: string[]): Promise<void> {
  const io = fakeIo();
  assert.equal(await exportCommand.run(args, io), 0, io.stderr.join('\n'));
}

describe('tawsim import', () => {
  after(() => {
    folders.removeAll();
  });

  const original = readSidecar(path.join(root, 'samples', `${RABAT}.ann.yaml`));

  const roundTrips: { format: string; file: string; keeps: (a: Annotation) => Essence }[] = [
    { format: 'brat', file: 'rabat-water-summit.ann', keeps: essence },
    { format: 'doccano', file: 'rabat-water-summit.jsonl', keeps: (a) => [a.label, a.start, a.end, a.text, undefined, undefined] },
    { format: 'labelstudio', file: 'rabat-water-summit.json', keeps: essence },
  ];
  for (const { format, file, keeps } of roundTrips) {
    it(`imports a ${format} export back into sidecars with the same spans`, async () => {
      const dir = tempDir();
      const corpus = copySamples(dir, 'corpus', [RABAT], true);
      await runExport(['--format', format, '--out', path.join(dir, 'out'), corpus]);
      const texts = copySamples(dir, 'texts', [RABAT], false);
      const { code, io } = await runImport(['--format', format, '--into', texts, '--annotator', 'salma', path.join(dir, 'out', file)]);
      assert.equal(code, 0, io.stderr.join('\n'));
      const back = readSidecar(path.join(texts, `${RABAT}.ann.yaml`));
      assert.deepEqual(back.annotations.map(essence), original.annotations.map(keeps));
      assert.ok(back.annotations.every((a) => a.source === 'import' && a.status === 'accepted'));
      assert.equal(back.annotator, 'salma');
      assert.equal(back.document.path, RABAT);
      assert.equal(back.document.length, original.document.length);
      assert.equal(back.document.sha256, original.document.sha256);
    });
  }

  it('imports a TimeML export back: the temporal spans, their values and the document date', async () => {
    const dir = tempDir();
    const corpus = copySamples(dir, 'corpus', [RABAT], true);
    await runExport(['--format', 'timeml', '--out', path.join(dir, 'out'), corpus]);
    const texts = copySamples(dir, 'texts', [RABAT], false);
    const { code, io } = await runImport(['--into', texts, '--annotator', 'salma', path.join(dir, 'out', 'rabat-water-summit.tml')]);
    assert.equal(code, 0, io.stderr.join('\n'));
    const back = readSidecar(path.join(texts, `${RABAT}.ann.yaml`));
    const temporal = original.annotations.filter((a) => a.label === 'DATE' || a.label === 'TIME');
    assert.ok(temporal.length >= 7);
    assert.deepEqual(
      back.annotations.map(essence),
      temporal.map((a) => essence({ ...a, note: undefined } as Annotation)),
    );
    assert.equal(back.document.date, original.document.date);
  });

  it('imports a CoNLL export back: flat spans on token boundaries', async () => {
    const dir = tempDir();
    const corpus = copySamples(dir, 'corpus', [RABAT, CAIRO], false);
    fs.copyFileSync(path.join(root, 'samples', `${RABAT}.ann.yaml`), path.join(corpus, `${RABAT}.ann.yaml`));
    await runExport(['--format', 'conll', '--split-proclitics', '--out', path.join(dir, 'out'), corpus]);
    const texts = copySamples(dir, 'texts', [RABAT], false);
    const { code, io } = await runImport(['--format', 'conll', '--into', texts, path.join(dir, 'out', 'rabat-water-summit.conll')]);
    assert.equal(code, 0, io.stderr.join('\n'));
    const back = readSidecar(path.join(texts, `${RABAT}.ann.yaml`));
    // Values and notes are gone. و is split only before the article, so تونس, موريتانيا and مصر
    // after و come back widened to the whole token, as the export warned.
    const widened = new Set(['تونس', 'موريتانيا', 'مصر']);
    const expected = original.annotations.map((a): Essence =>
      widened.has(a.text) ? [a.label, a.start - 1, a.end, `و${a.text}`, undefined, undefined] : [a.label, a.start, a.end, a.text, undefined, undefined],
    );
    assert.deepEqual(back.annotations.map(essence), expected);
    // A file of one document is named after its text: the annotator defaults to that name.
    assert.equal(back.annotator, 'rabat-water-summit');
  });

  it('attaches the documents of a many-document file in path order', async () => {
    const dir = tempDir();
    const corpus = copySamples(dir, 'corpus', [RABAT], true);
    fs.mkdirSync(path.join(corpus, 'b'));
    for (const f of [RABAT, `${RABAT}.ann.yaml`]) fs.copyFileSync(path.join(corpus, f), path.join(corpus, 'b', f));
    await runExport(['--format', 'conll', '--out', path.join(dir, 'out'), corpus]);
    const texts = copySamples(dir, 'texts', [RABAT], false);
    fs.mkdirSync(path.join(texts, 'b'));
    fs.copyFileSync(path.join(texts, RABAT), path.join(texts, 'b', RABAT));
    const { code, io } = await runImport(['--format', 'conll', '--into', texts, '--annotator', 'salma', path.join(dir, 'out', 'tawsim-export.conll')]);
    assert.equal(code, 0, io.stderr.join('\n'));
    assert.equal(readSidecar(path.join(texts, 'b', `${RABAT}.ann.yaml`)).annotations.length, readSidecar(path.join(texts, `${RABAT}.ann.yaml`)).annotations.length);
  });

  it('reads the hand-made brat and doccano fixtures of the Cairo sample to the same spans', async () => {
    const dir = tempDir();
    const bratTexts = copySamples(dir, 'brat', [CAIRO, RABAT], false);
    const brat = await runImport(['--format', 'brat', '--into', bratTexts, path.join(root, 'test', 'fixtures', 'imports', 'cairo-metro-line.ann')]);
    assert.equal(brat.code, 0, brat.io.stderr.join('\n'));
    const fromBrat = readSidecar(path.join(bratTexts, `${CAIRO}.ann.yaml`));
    // The fixture's R line comes in as the sidecar's one relation, between two of its spans.
    assert.deepEqual(
      fromBrat.relations?.map((r) => r.type),
      ['Located'],
    );
    assert.ok(fromBrat.annotations.some((a) => a.id === fromBrat.relations?.[0]?.from));
    assert.equal(fromBrat.annotator, 'import');
    assert.equal(fs.existsSync(path.join(bratTexts, `${RABAT}.ann.yaml`)), false);

    const doccanoTexts = copySamples(dir, 'doccano', [CAIRO, RABAT], false);
    const doccano = await runImport(['--format', 'doccano', '--into', doccanoTexts, path.join(root, 'test', 'fixtures', 'imports', 'cairo-metro-line.jsonl')]);
    assert.equal(doccano.code, 0, doccano.io.stderr.join('\n'));
    const fromDoccano = readSidecar(path.join(doccanoTexts, `${CAIRO}.ann.yaml`));

    const spans = (s: Sidecar): [string, number, number, string][] => s.annotations.map((a) => [a.label, a.start, a.end, a.text]);
    assert.deepEqual(spans(fromBrat), spans(fromDoccano));
    assert.equal(fromBrat.annotations.length, 16);
    assert.deepEqual(spans(fromBrat).slice(0, 4), [
      ['LOC', 0, 7, 'القاهرة'],
      ['ORG', 16, 38, 'الهيئة القومية للأنفاق'],
      ['LOC', 42, 45, 'مصر'],
      ['DATE', 47, 56, 'أمس الأحد'],
    ]);
    assert.equal(fromBrat.annotations.find((a) => a.label === 'PER' && a.start === 193)?.note, 'رئيس الهيئة القومية للأنفاق');
    assert.equal(fromBrat.annotations.find((a) => a.start === 508)?.value, '1987-09-27');
  });

  it('puts a brat export back beside the original text, not beside the exported copy', async () => {
    const dir = tempDir();
    const corpus = copySamples(dir, 'corpus', [RABAT], true);
    await runExport(['--format', 'brat', '--out', path.join(corpus, 'export', 'brat'), corpus]);
    const { code, io } = await runImport([
      '--format',
      'brat',
      '--into',
      corpus,
      '--annotator',
      'omar',
      '--pattern',
      '${file}.${annotator}.ann.yaml',
      path.join(corpus, 'export', 'brat', 'rabat-water-summit.ann'),
    ]);
    assert.equal(code, 0, io.stderr.join('\n'));
    assert.ok(fs.existsSync(path.join(corpus, `${RABAT}.omar.ann.yaml`)));
    assert.equal(fs.existsSync(path.join(corpus, 'export', 'brat', `${RABAT}.omar.ann.yaml`)), false);
  });

  it('finds a text in a sub-folder by the shorter path a sub-folder export names', async () => {
    const dir = tempDir();
    const corpus = copySamples(dir, 'corpus', [RABAT], true);
    await runExport(['--format', 'doccano', '--out', path.join(dir, 'out'), corpus]);
    const texts = copySamples(dir, 'texts/news', [RABAT], false);
    const { code, io } = await runImport(['--format', 'doccano', '--into', path.join(dir, 'texts'), path.join(dir, 'out', 'rabat-water-summit.jsonl')]);
    assert.equal(code, 0, io.stderr.join('\n'));
    assert.equal(readSidecar(path.join(texts, `${RABAT}.ann.yaml`)).annotations.length, 19);
  });

  it('does not overwrite an existing sidecar without --force, and merges with --merge', async () => {
    const dir = tempDir();
    const texts = copySamples(dir, 'texts', [CAIRO], false);
    const sidecarFile = path.join(texts, `${CAIRO}.ann.yaml`);
    const fixture = path.join(root, 'test', 'fixtures', 'imports', 'cairo-metro-line.jsonl');
    assert.equal((await runImport(['--format', 'doccano', '--into', texts, fixture])).code, 0);
    // Somebody works on the file: the first span removed, a span added by hand.
    const imported = readSidecar(sidecarFile);
    const [, ...rest] = imported.annotations;
    const own: Annotation = { id: 't99', label: 'MISC', start: 98, end: 109, text: 'الخط الثالث', status: 'accepted', source: 'manual' };
    const edited = serializeSidecar({ ...imported, annotator: 'salma', annotations: [...rest, own] });
    fs.writeFileSync(sidecarFile, edited);
    const refused = await runImport(['--format', 'doccano', '--into', texts, fixture]);
    assert.equal(refused.code, 1);
    assert.match(refused.io.stderr.join('\n'), /already exists; add --force to replace it or --merge/);
    assert.equal(fs.readFileSync(sidecarFile, 'utf8'), edited);

    // Merged under its owner's name: another annotator's import would credit their tags to salma.
    assert.equal((await runImport(['--format', 'doccano', '--into', texts, '--merge', fixture])).code, 1);
    assert.equal(fs.readFileSync(sidecarFile, 'utf8'), edited);
    assert.equal((await runImport(['--format', 'doccano', '--into', texts, '--annotator', 'salma', '--merge', fixture])).code, 0);
    const merged = readSidecar(sidecarFile);
    assert.equal(merged.annotator, 'salma', 'merging keeps the owner of the file');
    // The imported spans come back, and the hand-made one stays.
    assert.equal(merged.annotations.length, 17);
    assert.ok(merged.annotations.some((a) => a.id === 't99' && a.source === 'manual'));

    assert.equal((await runImport(['--format', 'doccano', '--into', texts, '--annotator', 'lab', '--force', fixture])).code, 0);
    assert.equal(readSidecar(sidecarFile).annotator, 'lab');
  });

  it("keeps the old sidecar's document.status when it replaces or merges into it", async () => {
    const dir = tempDir();
    const texts = copySamples(dir, 'texts', [CAIRO], false);
    const sidecarFile = path.join(texts, `${CAIRO}.ann.yaml`);
    const fixture = path.join(root, 'test', 'fixtures', 'imports', 'cairo-metro-line.jsonl');
    assert.equal((await runImport(['--format', 'doccano', '--into', texts, fixture])).code, 0);
    const imported = readSidecar(sidecarFile);
    assert.equal(imported.document.status, undefined, 'a new sidecar has no status');
    fs.writeFileSync(sidecarFile, serializeSidecar({ ...imported, document: { ...imported.document, status: 'done' }, annotations: [] }));
    assert.equal((await runImport(['--format', 'doccano', '--into', texts, '--force', fixture])).code, 0);
    const replaced = readSidecar(sidecarFile);
    assert.equal(replaced.document.status, 'done');
    assert.equal(replaced.annotations.length, imported.annotations.length, 'the annotations are the imported ones');
    fs.writeFileSync(sidecarFile, serializeSidecar({ ...replaced, document: { ...replaced.document, status: 'in-progress' }, annotations: [] }));
    assert.equal((await runImport(['--format', 'doccano', '--into', texts, '--annotator', replaced.annotator, '--merge', fixture])).code, 0);
    assert.equal(readSidecar(sidecarFile).document.status, 'in-progress');
  });

  it('refuses a malformed file with file, line and problem, and writes nothing', async () => {
    const dir = tempDir();
    const texts = copySamples(dir, 'texts', [CAIRO, RABAT], false);
    const good = fs.readFileSync(path.join(root, 'test', 'fixtures', 'imports', 'cairo-metro-line.jsonl'), 'utf8');
    const bad = path.join(dir, 'bad.jsonl');
    fs.writeFileSync(bad, `${good}{"text": "نص", "label": [[0, 2, "LOC"]\n`);
    const before = listing(dir);
    const { code, io } = await runImport(['--format', 'doccano', '--into', texts, bad]);
    assert.equal(code, 1);
    assert.match(io.stderr.join('\n'), /bad\.jsonl, line 2: /);
    assert.match(io.stderr.join('\n'), /nothing was written/);
    assert.deepEqual(listing(dir), before);
  });

  it('writes nothing when one of several files fails', async () => {
    const dir = tempDir();
    const texts = copySamples(dir, 'texts', [CAIRO, RABAT], false);
    const ann = path.join(dir, 'cairo-metro-line.ann');
    fs.copyFileSync(path.join(root, 'test', 'fixtures', 'imports', 'cairo-metro-line.ann'), ann);
    const wrong = path.join(dir, 'rabat-water-summit.ann');
    fs.writeFileSync(wrong, 'T1\tLOC 0 6\tالقاهر\n');
    const before = listing(dir);
    const { code, io } = await runImport(['--format', 'brat', '--into', texts, ann, wrong]);
    assert.equal(code, 1);
    assert.match(io.stderr.join('\n'), /rabat-water-summit\.ann, line 1: T1: the text "القاهر" is not what rabat-water-summit\.txt holds at 0-6/);
    assert.deepEqual(listing(dir), before);
  });

  it('refuses document paths that leave the folder', async () => {
    const dir = tempDir();
    const texts = copySamples(dir, 'inside/texts', [CAIRO], false);
    fs.copyFileSync(path.join(root, 'samples', CAIRO), path.join(dir, 'inside', CAIRO));
    const text = fs.readFileSync(path.join(texts, CAIRO), 'utf8');
    const evil = path.join(dir, 'evil.jsonl');
    fs.writeFileSync(evil, `${JSON.stringify({ text, label: [[0, 7, 'LOC']], path: `../${CAIRO}` })}\n`);
    const before = listing(dir);
    const { code, io } = await runImport(['--format', 'doccano', '--into', texts, evil]);
    assert.equal(code, 1);
    assert.match(io.stderr.join('\n'), /evil\.jsonl, line 1: the document path "\.\.\/cairo-metro-line\.txt" is not allowed: the path leaves its folder/);
    assert.deepEqual(listing(dir), before);
  });

  it('refuses a sidecar pattern that points elsewhere and a missing folder', async () => {
    const dir = tempDir();
    const texts = copySamples(dir, 'texts', [CAIRO], false);
    const fixture = path.join(root, 'test', 'fixtures', 'imports', 'cairo-metro-line.jsonl');
    // A bad pattern is a usage error (exit code 2), as for annotate, found before anything is read.
    await assert.rejects(
      runImport(['--format', 'doccano', '--into', texts, '--pattern', '../${file}.ann.yaml', fixture]),
      (e: Error) => e instanceof UsageError && /must name a different file in the same folder/.test(e.message),
    );
    assert.deepEqual(
      listing(dir).filter((f) => f.endsWith('.ann.yaml')),
      [],
    );
    assert.equal((await runImport(['--format', 'doccano', '--into', path.join(dir, 'nowhere'), fixture])).code, 1);
  });

  it('treats bad options as usage errors', async () => {
    await assert.rejects(runImport(['--format', 'doccano', 'x.jsonl']), UsageError);
    await assert.rejects(runImport(['--format', 'xml', '--into', '.', 'x.tml']), UsageError);
    await assert.rejects(runImport(['--format', 'doccano', '--into', '.', '--discontinuous', 'cover', 'x.jsonl']), UsageError);
    await assert.rejects(runImport(['--format', 'doccano', '--into', '.', '--offsets', 'bytes', 'x.jsonl']), UsageError);
    await assert.rejects(runImport(['--format', 'brat', '--into', '.', '--discontinuous', 'merge', 'a.ann']), UsageError);
    await assert.rejects(runImport(['--format', 'brat', '--into', '.', '--no-formula-guard', 'a.ann']), UsageError);
    await assert.rejects(runImport(['--into', '.', 'x.txt']), UsageError);
    await assert.rejects(runImport(['--format', 'brat', '--into', '.']), UsageError);
    await assert.rejects(runImport(['--format', 'brat', '--into', '.', '--force', '--merge', 'a.ann']), UsageError);
  });
});
