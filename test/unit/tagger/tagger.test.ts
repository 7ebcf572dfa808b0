import { strict as assert } from 'node:assert';
import { readConll, labelText, TrainingDataError } from '../../../src/core/tagger/labelledSentence';
import { TAGGER_LABELS, decodeBilou, encodeBilou, tagCount, tagName, transitionMask } from '../../../src/core/tagger/tags';
import { TaggerModel, goldMask } from '../../../src/core/tagger/taggerModel';
import { trainPerceptron } from '../../../src/core/tagger/trainPerceptron';
import { jackknifedExamples, inputOf } from '../../../src/core/tagger/trainingSet';
import { RULE_KINDS, extractFeatures } from '../../../src/core/tagger/features';
import { readModel, writeModel, ModelFileError } from '../../../src/core/tagger/modelFile';
import { SpanScores } from '../../../src/core/tagger/spanScores';
import { scoreRecognizer } from '../../../src/core/tagger/evaluateRecognizer';
import { annotatedLines } from '../../../src/core/tagger/annotatedLines';
import { refitOnLines } from '../../../src/core/tagger/refit';
import { imitateRules } from '../../../src/core/tagger/rulesPrior';
import { recognize } from '../../../src/core/recognize/recognize';
import { corpus } from './smallCorpus';
import { WordStats } from '../../../src/core/tagger/wordStats';

const T = tagCount(TAGGER_LABELS);

let cached: TaggerModel | undefined;

/** A model trained once on the small corpus; each test gets its own copy to change. */
function trained(): TaggerModel {
  if (!cached) {
    const sentences = readConll(corpus(0, 60), 'small.conll', TAGGER_LABELS);
    const start = new TaggerModel({ labels: TAGGER_LABELS, rowBits: 16 });
    cached = trainPerceptron(start, jackknifedExamples(sentences, TAGGER_LABELS, start.rowMask, T), { epochs: 4, seed: 3 });
    // Each fold was trained with the other folds' word statistics; new text reads those of all.
    cached.stats = WordStats.of(sentences, TAGGER_LABELS.length);
  }
  return cached.clone();
}

describe('tagger: tags and data', () => {
  it('encodes spans as BILOU and decodes them back; B and I must continue their own label', () => {
    const spans = [
      { first: 0, last: 0, label: 2 },
      { first: 2, last: 4, label: 0 },
    ];
    const tags = encodeBilou(6, spans);
    assert.deepEqual(
      [...tags].map((t) => tagName(t, TAGGER_LABELS)),
      ['U-LOC', 'O', 'B-PER', 'I-PER', 'L-PER', 'O'],
    );
    assert.deepEqual(decodeBilou(tags), spans);
    const { allowed, canEnd } = transitionMask(TAGGER_LABELS);
    const B_PER = 1;
    assert.equal(allowed[B_PER * T + 0], 0, 'B-PER cannot be followed by O');
    assert.equal(allowed[B_PER * T + 3], 1, 'B-PER can be followed by L-PER');
    assert.equal(allowed[B_PER * T + 7], 0, 'B-PER cannot be followed by L-ORG');
    assert.equal(canEnd[B_PER], 0);
  });

  it('reads CoNLL in IOB2, maps PERS to PER, and re-splits tokens into the recogniser’s words', () => {
    const [s] = readConll('وقال O\nسليم B-PERS\nالعابد I-PERS\n(في O\nطرابلس) B-LOC\n', 'x.conll', TAGGER_LABELS);
    assert.ok(s);
    assert.deepEqual(
      s.words.map((w) => w.text),
      ['وقال', 'سليم', 'العابد', '(', 'في', 'طرابلس', ')'],
    );
    assert.deepEqual(s.spans, [
      { first: 1, last: 2, label: 0 },
      { first: 5, last: 5, label: 2 },
    ]);
  });

  it('names the file and line of a bad tag', () => {
    assert.throws(
      () => readConll('سليم B-PERS\nالعابد X-PER\n', 'bad.conll', TAGGER_LABELS),
      (e: unknown) => e instanceof TrainingDataError && e.message === 'bad.conll:2: "X-PER" is not a tag (O, B-X, I-X, E-X, S-X, L-X or U-X)',
    );
  });

  it('places a character span that starts after a proclitic on its whole word', () => {
    const text = 'وصل الوفد بالرباط أمس';
    const s = labelText(text, [{ start: text.indexOf('الرباط'), end: text.indexOf('الرباط') + 6, label: 'LOC' }], TAGGER_LABELS);
    assert.deepEqual(s.spans, [{ first: 2, last: 2, label: 2 }]);
  });

  it('counts exact matches only, per label and micro', () => {
    const scores = new SpanScores(TAGGER_LABELS);
    scores.add(
      [
        { first: 0, last: 1, label: 0 },
        { first: 3, last: 3, label: 2 },
      ],
      [
        { first: 0, last: 0, label: 0 },
        { first: 3, last: 3, label: 2 },
      ],
    );
    const [per, , loc] = scores.figures();
    assert.deepEqual([per?.gold, per?.predicted, per?.correct], [1, 1, 0]);
    assert.equal(loc?.f1, 1);
    assert.equal(scores.micro().f1, 0.5);
  });
});

describe('tagger: training and decoding', () => {
  it('learns from a small corpus and tags unseen sentences of the same kind', () => {
    const model = trained();
    const held = readConll(corpus(60, 75), 'held.conll', TAGGER_LABELS);
    const scores = new SpanScores(TAGGER_LABELS);
    for (const s of held) {
      const f = extractFeatures(inputOf(s, undefined, undefined, model.stats), model.rowMask);
      scores.add(s.spans, model.decode(f).spans);
    }
    assert.ok(scores.micro().f1 > 0.9, `micro F1 ${scores.micro().f1}`);
  });

  it('gives every span a probability and a runner-up, and scores sum to at most one', () => {
    const model = trained();
    model.temperature = 4;
    const [s] = readConll(corpus(61, 62), 'one.conll', TAGGER_LABELS);
    assert.ok(s);
    const decoded = model.decode(extractFeatures(inputOf(s, undefined, undefined, model.stats), model.rowMask));
    assert.ok(decoded.spans.length > 0);
    for (const span of decoded.spans) {
      assert.ok(span.score > 0 && span.score <= 1);
      assert.ok(span.alternativeScore >= 0 && span.score + span.alternativeScore <= 1 + 1e-9);
      assert.notEqual(span.alternative, span.label);
    }
  });

  it('round-trips through its file within the quantisation, and refuses a damaged file by name', () => {
    const model = trained();
    const bytes = writeModel(model);
    const back = readModel(bytes, 'm.bin');
    assert.deepEqual(back.labels, model.labels);
    assert.equal(back.temperature, model.temperature);
    // The word statistics travel with the weights, as hashes and counts.
    assert.ok(model.stats && back.stats && model.stats.counts.size > 20);
    assert.equal(back.stats.counts.size, model.stats.counts.size);
    for (const [word, counts] of model.stats.counts) assert.deepEqual(back.stats.counts.get(word), counts);
    const held = readConll(corpus(60, 70), 'held.conll', TAGGER_LABELS);
    for (const s of held) {
      const f = extractFeatures(inputOf(s, undefined, undefined, model.stats), model.rowMask);
      assert.deepEqual(back.decode(f, false).spans, model.decode(f, false).spans);
    }
    assert.throws(
      () => readModel(bytes.slice(0, bytes.length - 3), 'cut.bin'),
      (e: unknown) => e instanceof ModelFileError && e.message.startsWith('cut.bin: '),
    );
    assert.throws(() => readModel(new TextEncoder().encode('not a model at all'), 'x.bin'), /x\.bin: not a Tawsim model file/);
  });

  it('learns one correction online: the corrected sentence then decodes as the annotator tagged it', () => {
    const model = trained();
    const text = 'قال سليم العابد في طرابلس إن شركة النخيل ستشارك في مهرجان الربيع .';
    // The annotator says the festival is an organisation here.
    const at = text.indexOf('مهرجان الربيع');
    const s = labelText(
      text,
      [
        { start: text.indexOf('سليم'), end: text.indexOf('سليم') + 'سليم العابد'.length, label: 'PER' },
        { start: text.indexOf('طرابلس'), end: text.indexOf('طرابلس') + 6, label: 'LOC' },
        { start: text.indexOf('شركة'), end: text.indexOf('شركة') + 'شركة النخيل'.length, label: 'ORG' },
        { start: at, end: at + 'مهرجان الربيع'.length, label: 'ORG' },
      ],
      TAGGER_LABELS,
    );
    const f = extractFeatures(inputOf(s, undefined, undefined, model.stats), model.rowMask);
    assert.notDeepEqual(model.decode(f, false).spans, s.spans);
    const version = model.version;
    assert.equal(model.learn(f, goldMask(s.gold, T)), true);
    assert.ok(model.version > version);
    assert.deepEqual(
      model.decode(f, false).spans.map((x) => ({ first: x.first, last: x.last, label: x.label })),
      s.spans,
    );
    assert.equal(model.learn(f, goldMask(s.gold, T)), false, 'nothing to learn once it fits');
  });

  it('keeps the rules’ rows for the rules: no hashed feature of a word lands on them', () => {
    const model = new TaggerModel({ labels: TAGGER_LABELS, rowBits: 8 });
    imitateRules(model);
    const ruleRows = new Set<number>();
    for (let row = 0; row * model.tags < model.weights.length; row++) if (model.weights.subarray(row * model.tags, (row + 1) * model.tags).some((w) => w !== 0)) ruleRows.add(row);
    assert.equal(ruleRows.size, TAGGER_LABELS.length * 4 * RULE_KINDS.length);
    for (const s of readConll(corpus(0, 40), 'small.conll', TAGGER_LABELS)) {
      const input = inputOf(s, undefined, undefined);
      const f = extractFeatures({ ...input, rules: [] }, model.rowMask);
      for (const row of f.rows) assert.ok(!ruleRows.has(row), `row ${row} of a word's feature is a rule's`);
    }
  });

  it('a model that imitates the rules proposes what the rules propose', () => {
    const model = new TaggerModel({ labels: TAGGER_LABELS, rowBits: 16 });
    imitateRules(model);
    const text = 'استقبل الملك محمد السادس في الرباط وفدا من وزارة الخارجية المصرية';
    const rules = recognize(text, { labels: TAGGER_LABELS });
    const withModel = recognize(text, { labels: TAGGER_LABELS, tagger: { model } });
    assert.ok(rules.length >= 2);
    assert.deepEqual(
      withModel.map((s) => [s.label, s.text]),
      rules.map((s) => [s.label, s.text]),
    );
  });
});

describe('tagger: in the recogniser and from sidecars', () => {
  it('leaves DATE and TIME to the rules, and marks the model’s spans with a score', () => {
    const model = trained();
    const text = 'قال سليم العابد في وهران يوم 12 مارس 2024 عند الساعة العاشرة إن بنك الواحة سيشارك في معرض الكتاب.';
    const rules = recognize(text);
    const withModel = recognize(text, { tagger: { model } });
    const temporal = (list: typeof rules): string[] => list.filter((s) => s.label === 'DATE' || s.label === 'TIME').map((s) => `${s.label}:${s.text}:${s.value}`);
    assert.deepEqual(temporal(withModel), temporal(rules));
    const names = withModel.filter((s) => s.source === 'model');
    assert.ok(names.some((s) => s.label === 'PER' && s.text === 'سليم العابد'));
    assert.ok(
      names.some((s) => s.label === 'MISC' && s.text === 'معرض الكتاب'),
      JSON.stringify(names.map((s) => [s.label, s.text])),
    );
    for (const s of names) assert.ok(s.score !== undefined && s.score > 0 && s.score <= 1 && s.alternative !== undefined);
  });

  it('takes learned names as features: one the model rules out is not proposed on its own', () => {
    const model = trained();
    model.temperature = 4;
    const text = 'قال سليم العابد في وهران إن بنك الواحة سيشارك في معرض الكتاب.';
    const learned = [{ text: 'قال', label: 'ORG' }];
    assert.ok(
      recognize(text, { learned }).some((s) => s.source === 'learned' && s.text === 'قال'),
      'the rules alone find every learned name',
    );
    const withModel = recognize(text, { learned, tagger: { model } });
    assert.ok(!withModel.some((s) => s.text === 'قال'), JSON.stringify(withModel.map((s) => [s.label, s.text, s.source])));
  });

  it('learns only from the lines an annotator decided on; undecided suggestions stay open', () => {
    const text = 'سطر بلا وسوم.\nقال سليم العابد في طرابلس كلاما.\nوصلت هالة الصافي إلى إربد.\n';
    const second = text.indexOf('قال');
    const lines = annotatedLines(
      text,
      [
        { start: text.indexOf('سليم'), end: text.indexOf('سليم') + 11, label: 'PER', status: 'accepted' },
        { start: text.indexOf('طرابلس'), end: text.indexOf('طرابلس') + 6, label: 'LOC', status: 'suggested' },
        { start: text.indexOf('إربد'), end: text.indexOf('إربد') + 4, label: 'LOC', status: 'suggested' },
      ],
      TAGGER_LABELS,
      T,
    );
    assert.equal(lines.length, 1, 'the first and third lines have no decision');
    const line = lines[0];
    assert.ok(line);
    assert.equal(line.offset, second);
    const place = line.sentence.words.findIndex((w) => w.text === 'طرابلس');
    const allowedAt = (i: number): number => line.allowed.slice(i * T, (i + 1) * T).reduce((a, b) => a + b, 0);
    assert.equal(allowedAt(place), T, 'a word under an undecided suggestion may take any tag');
    assert.equal(allowedAt(0), 1, 'an untagged word of a decided line is O');
  });

  it('re-fits on annotated lines, scoring the model and the rules on every fifth line held out', () => {
    const sentences = readConll(corpus(0, 40), 'small.conll', TAGGER_LABELS);
    const base = new TaggerModel({ labels: TAGGER_LABELS, rowBits: 16 });
    const { model, report } = refitOnLines(
      base,
      sentences.map((s) => ({ offset: 0, sentence: s, allowed: goldMask(s.gold, T) })),
    );
    assert.equal(report.heldOutLines, 8);
    assert.equal(report.trainLines, 32);
    const micro = report.model.at(-1);
    assert.ok(micro && micro.f1 > 0.9, `held-out F1 ${micro?.f1}`);
    assert.ok((report.rules.at(-1)?.f1 ?? 1) < (micro?.f1 ?? 0));
    assert.deepEqual(report.ruleLabels, []);
    const scores = scoreRecognizer(readConll(corpus(40, 50), 'held.conll', TAGGER_LABELS), TAGGER_LABELS, { tagger: { model } });
    assert.ok(scores.micro().f1 > 0.9);
    assert.equal(report.keptBase, false, 'an empty model does worse than one trained on the lines');
    assert.equal(report.base.at(-1)?.f1, 0, 'the empty model it started from finds nothing');
  });

  it('keeps the model it started from when training on the lines makes the held-out lines worse', () => {
    const base = trained();
    // An annotator whose every tag is another label than the text's: lines that teach nothing true.
    const sentences = readConll(corpus(0, 40), 'small.conll', TAGGER_LABELS);
    const L = TAGGER_LABELS.length;
    const confused = sentences.map((s) => {
      const gold = s.gold.slice();
      for (let i = 0; i < gold.length; i++) if ((gold[i] as number) > 0) gold[i] = ((((gold[i] as number) - 1 + 4) % (4 * L)) as number) + 1;
      return { offset: 0, sentence: s, allowed: goldMask(gold, T) };
    });
    const { model, report } = refitOnLines(base, confused);
    assert.equal(report.keptBase, true, `held-out micro F1: base ${report.base.at(-1)?.f1}, re-fit ${report.model.at(-1)?.f1}`);
    assert.deepEqual(model.weights, base.weights, 'the kept model is the one the re-fit started from');
    assert.deepEqual(report.model, report.base, 'the figures reported are those of the kept model');
  });
});
