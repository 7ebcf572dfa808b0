import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UsageError } from '../../../src/cli/cliTypes';
import { trainCommand } from '../../../src/cli/commands/train';
import { evalCommand } from '../../../src/cli/commands/eval';
import { detectCommand } from '../../../src/cli/commands/detect';
import { readModel } from '../../../src/core/tagger/modelFile';
import { buildSidecar } from '../../../src/core/sidecar/documentAnnotations';
import { serializeSidecar } from '../../../src/core/sidecar/serializeSidecar';
import { corpus } from '../tagger/smallCorpus';
import { fakeIo, tempFolders } from './cliTestKit';

const folders = tempFolders('tawsim-train-');

describe('tawsim train and eval', () => {
  after(() => folders.removeAll());

  it('trains a model from CoNLL files, prints held-out figures, and eval scores it on other files', async () => {
    const dir = folders.make();
    const train = path.join(dir, 'train.conll');
    const test = path.join(dir, 'test.conll');
    const model = path.join(dir, 'model.bin');
    fs.writeFileSync(train, corpus(0, 50));
    fs.writeFileSync(test, corpus(50, 65));
    const io = fakeIo();
    assert.equal(await trainCommand.run(['--conll', train, '--out', model, '--epochs', '4'], io), 0, io.stderr.join('\n'));
    assert.match(io.stdout.join('\n'), /Model on the held-out lines \(trained on the other 40\):/);
    assert.ok(readModel(fs.readFileSync(model), model).info['trainedOn'] === '50 lines');
    const scored = fakeIo();
    assert.equal(await evalCommand.run(['--conll', test, '--model', model], scored), 0);
    const micro = scored.stdout
      .join('\n')
      .split('\n')
      .find((l) => l.startsWith('micro'));
    assert.ok(micro, scored.stdout.join('\n'));
    const f1 = Number(micro.trim().split(/\s+/).at(-1));
    assert.ok(f1 > 0.8, micro);
    assert.match(scored.stdout.join('\n'), /^PER +\d+/m);
    const rules = fakeIo();
    await evalCommand.run(['--conll', test, '--model', 'none'], rules);
    assert.match(rules.stdout[0] ?? '', /rules alone/);
  });

  it('adapts the base model to annotated sidecars, and detect uses the result with --model', async () => {
    const dir = folders.make();
    const text = 'قال سليم العابد في طرابلس كلاما.\nوصل سليم العابد إلى وهران.\nأعلن مراد الزين من صفاقس أمرا.\nالتقت هالة الصافي في أكادير وفدا.\nزار طارق البناء إربد.\n';
    fs.writeFileSync(path.join(dir, 'a.txt'), text);
    const tag = (quote: string, label: string, nth = 0): { id: string; label: string; start: number; end: number; text: string; status: 'accepted'; source: 'manual' } => {
      let at = -1;
      for (let k = 0; k <= nth; k++) at = text.indexOf(quote, at + 1);
      return { id: `t${at}`, label, start: at, end: at + quote.length, text: quote, status: 'accepted', source: 'manual' };
    };
    const sidecar = buildSidecar(
      { path: 'a.txt', annotator: 'salma' },
      text,
      [
        tag('سليم العابد', 'PER'),
        tag('طرابلس', 'LOC'),
        tag('سليم العابد', 'PER', 1),
        tag('وهران', 'LOC'),
        tag('مراد الزين', 'PER'),
        tag('صفاقس', 'LOC'),
        tag('هالة الصافي', 'PER'),
        tag('أكادير', 'LOC'),
        tag('طارق البناء', 'PER'),
        tag('إربد', 'LOC'),
      ],
      [],
    );
    fs.writeFileSync(path.join(dir, 'a.txt.ann.yaml'), serializeSidecar(sidecar));
    fs.writeFileSync(path.join(dir, 'broken.txt.ann.yaml'), 'tawsim: [\n');
    const model = path.join(dir, 'mine.bin');
    const io = fakeIo();
    assert.equal(await trainCommand.run(['--sidecars', dir, '--out', model], io), 0, io.stderr.join('\n'));
    assert.match(io.stderr.join('\n'), /broken\.txt\.ann\.yaml:\d+: .*skipped/);
    assert.match(io.stderr.join('\n'), /^5 lines; held out 1/m);
    const other = path.join(dir, 'b.txt');
    fs.writeFileSync(other, 'قال سليم العابد في طرابلس كلاما.\n');
    const detected = fakeIo();
    assert.equal(await detectCommand.run(['--model', model, other], detected), 0);
    const spans = detected.stdout
      .flatMap((l) => l.split('\n'))
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as { label: string; text: string });
    assert.ok(
      spans.some((s) => s.label === 'PER' && s.text === 'سليم العابد'),
      detected.stdout.join('\n'),
    );
  });

  it('refuses bad usage', async () => {
    await assert.rejects(trainCommand.run(['--out', 'x.bin'], fakeIo()), UsageError);
    await assert.rejects(trainCommand.run(['--conll', 'a.conll'], fakeIo()), /--out MODEL is required/);
    await assert.rejects(trainCommand.run(['--conll', 'a.conll', '--out', 'x.bin', '--epochs', '0'], fakeIo()), UsageError);
    await assert.rejects(evalCommand.run([], fakeIo()), UsageError);
  });
});
