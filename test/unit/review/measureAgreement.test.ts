import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { DEFAULT_LABELS } from '../../../src/core/model/labels';
import type { DocumentInput } from '../../../src/core/review/agreementCounts';
import type { PairFigures } from '../../../src/core/review/agreementFigures';
import type { Figure } from '../../../src/core/review/figure';
import { markStale } from '../../../src/core/review/annotatorSet';
import { measureAgreement, measureDocument } from '../../../src/core/review/measureAgreement';
import { close, raw, tag, textOf } from './helpers';

function onlyPair(pairs: readonly PairFigures[]): PairFigures {
  assert.equal(pairs.length, 1);
  return pairs[0] as PairFigures;
}

/**
 * Six words, one token each (w0 … w5). Pairs are ordered by name, so a = omar, b = salma.
 *   omar:  PER w0, LOC w2,    ORG w5
 *   salma: PER w0, LOC w2-w3
 * Tags per token:
 *   omar:  B-PER O B-LOC O     O B-ORG
 *   salma: B-PER O B-LOC I-LOC O O
 */
const doc1: DocumentInput = {
  document: 'خبر-1.txt',
  text: textOf(6),
  sets: [
    { annotator: 'salma', annotations: [tag('PER', 0), tag('LOC', 2, 3)] },
    { annotator: 'omar', annotations: [tag('PER', 0), tag('LOC', 2), tag('ORG', 5)] },
  ],
};

/** Two words; both annotators: PER w0. Tags B-PER O for both. */
const doc2: DocumentInput = {
  document: 'doc-2.txt',
  text: textOf(2),
  sets: [
    { annotator: 'omar', annotations: [tag('PER', 0)] },
    { annotator: 'salma', annotations: [tag('PER', 0)] },
  ],
};

describe('review/measureAgreement', () => {
  it('computes every figure of one document as worked by hand', () => {
    const f = measureDocument(doc1).figures;
    assert.equal(f.tokens, 6);
    assert.equal(f.spans, 5);
    const p = onlyPair(f.pairs);
    assert.deepEqual([p.a, p.b], ['omar', 'salma']);
    // Exact: only PER w0 matches. matched 1, omar 3, salma 2: P = 1/2, R = 1/3, F1 = 2/5.
    close(p.exact.precision.value, 1 / 2);
    close(p.exact.recall.value, 1 / 3);
    close(p.exact.f1.value, 2 / 5);
    // Overlap: PER↔PER and LOC w2↔LOC w2-w3 match: 2. P = 2/2, R = 2/3, F1 = 4/5.
    close(p.overlap.precision.value, 1);
    close(p.overlap.recall.value, 2 / 3);
    close(p.overlap.f1.value, 4 / 5);
    // Cohen's κ: cells B-PER/B-PER 1, O/O 2, B-LOC/B-LOC 1, O/I-LOC 1, B-ORG/O 1; N 6, diagonal 4.
    // rows B-PER 1, O 3, B-LOC 1, B-ORG 1; columns B-PER 1, O 3, B-LOC 1, I-LOC 1; Σ row·column = 1 + 9 + 1 = 11.
    // κ = (6·4 − 11)/(36 − 11) = 13/25.
    close(p.cohenKappa.value, 13 / 25);
    assert.equal(p.cohenKappa.items, 6);
    // α: n = 12 values; 4 agreeing tokens add 2 each to Σ o_cc = 8; n_c: B-PER 2, O 6, B-LOC 2, I-LOC 1, B-ORG 1,
    // Σ n_c² = 46. α = 1 − 11·(12 − 8)/(144 − 46) = 1 − 44/98 = 27/49.
    close(f.krippendorffAlpha.value, 27 / 49);
    assert.equal(f.krippendorffAlpha.items, 6);
    // Two annotators: Fleiss' κ is not reported.
    assert.equal(f.fleissKappa.value, null);
  });

  it('computes per-label figures from that label’s spans only', () => {
    const f = measureDocument(doc1).figures;
    assert.deepEqual(
      f.labels.map((l) => [l.label, l.spans]),
      [
        ['LOC', 2],
        ['ORG', 1],
        ['PER', 2],
      ],
    );
    const [loc, org, per] = f.labels.map((l) => onlyPair(l.pairs));
    // LOC tags: omar O O B O O O, salma O O B I O O. Cells O/O 4, B/B 1, O/I 1; rows O 5, B 1; columns O 4, B 1, I 1.
    // κ = (6·5 − (20 + 1))/(36 − 21) = 9/15.
    close(loc?.cohenKappa.value ?? null, 9 / 15);
    assert.equal(loc?.exact.f1.value, 0);
    close(loc?.overlap.f1.value ?? null, 1);
    // ORG: omar one B where salma has O: rows O 5, B 1; columns O 6; κ = (30 − 30)/(36 − 30) = 0.
    close(org?.cohenKappa.value ?? null, 0);
    assert.equal(org?.exact.precision.value, null);
    close(per?.cohenKappa.value ?? null, 1);
    close(per?.exact.f1.value ?? null, 1);
  });

  it('gives a token confusion matrix of labels, rows the first annotator', () => {
    const m = measureDocument(doc1).figures.confusion[0];
    // omar: PER O LOC O O ORG; salma: PER O LOC LOC O O.
    assert.deepEqual(m?.labels, ['LOC', 'ORG', 'PER', 'O']);
    assert.deepEqual(m?.counts, [
      [1, 0, 0, 0],
      [0, 0, 0, 1],
      [0, 0, 1, 0],
      [1, 0, 0, 2],
    ]);
    assert.equal(m?.tokens, 6);
  });

  it('sums counts over documents instead of averaging figures', () => {
    const r = measureAgreement([doc1, doc2]);
    assert.equal(r.documents.length, 2);
    assert.equal(r.total.documents, 2);
    assert.equal(r.total.tokens, 8);
    const p = onlyPair(r.total.pairs);
    // Exact: matched 1 + 1, omar 3 + 1, salma 2 + 1: F1 = 2·2/(4 + 3) = 4/7 (the mean of 2/5 and 1 would be 0.7).
    close(p.exact.f1.value, 4 / 7);
    // κ over the summed table: B-PER/B-PER 2, O/O 3, B-LOC/B-LOC 1, O/I-LOC 1, B-ORG/O 1; N 8, diagonal 6;
    // rows B-PER 2, O 4, B-LOC 1, B-ORG 1; columns B-PER 2, O 4, B-LOC 1, I-LOC 1; Σ row·column = 4 + 16 + 1 = 21.
    // κ = (8·6 − 21)/(64 − 21) = 27/43.
    close(p.cohenKappa.value, 27 / 43);
    // A document without LOC still adds its tokens as O/O to the LOC figures:
    // LOC cells O/O 4 + 2, B/B 1, O/I 1; N 8, rows O 7, B 1; columns O 6, B 1, I 1: κ = (56 − 43)/(64 − 43) = 13/21.
    const loc = r.total.labels.find((l) => l.label === 'LOC');
    close(onlyPair(loc?.pairs ?? []).cohenKappa.value, 13 / 21);
  });

  describe('edge cases', () => {
    it('no annotations at all: every figure null with a reason, never NaN', () => {
      const f = measureDocument({
        document: 'd',
        text: textOf(3),
        sets: [
          { annotator: 'a', annotations: [] },
          { annotator: 'b', annotations: [] },
        ],
      }).figures;
      const p = onlyPair(f.pairs);
      for (const fig of [p.exact.precision, p.exact.recall, p.exact.f1, p.overlap.f1, p.cohenKappa, f.krippendorffAlpha]) {
        assert.equal(fig.value, null);
        assert.ok((fig.reason ?? '').length > 0);
      }
      assert.deepEqual(f.labels, []);
      assert.deepEqual(f.confusion[0]?.counts, [[3]]);
      assert.doesNotMatch(JSON.stringify(f), /NaN|Infinity/);
    });

    it('no annotators and no text', () => {
      const f = measureDocument({ document: 'd', text: '', sets: [] }).figures;
      assert.deepEqual(f.pairs, []);
      assert.equal(f.tokens, 0);
      assert.equal(f.krippendorffAlpha.value, null);
      assert.equal(f.fleissKappa.value, null);
    });

    it('one annotator empty', () => {
      // a: PER w0; b: nothing. Tags a: B-PER O O, b: O O O.
      const f = measureDocument({
        document: 'd',
        text: textOf(3),
        sets: [
          { annotator: 'a', annotations: [tag('PER', 0)] },
          { annotator: 'b', annotations: [] },
        ],
      }).figures;
      const p = onlyPair(f.pairs);
      assert.equal(p.exact.precision.value, null); // 0/0 over b's spans
      assert.equal(p.exact.recall.value, 0); // 0/1
      assert.equal(p.exact.f1.value, 0); // 0/(1 + 0)
      // κ: rows B-PER 1, O 2; columns O 3; diagonal 2; κ = (3·2 − 6)/(9 − 6) = 0.
      close(p.cohenKappa.value, 0);
      // α: n 6, Σ o_cc = 0 + 2 + 2 = 4, n_c B-PER 1, O 5, Σ n_c² 26: α = 1 − 5·2/(36 − 26) = 0.
      close(f.krippendorffAlpha.value, 0);
    });

    it('identical sets: every figure 1', () => {
      const same = [tag('PER', 0), tag('LOC', 2, 3)];
      const f = measureDocument({
        document: 'd',
        text: textOf(5),
        sets: [
          { annotator: 'a', annotations: same },
          { annotator: 'b', annotations: same },
          { annotator: 'c', annotations: same },
        ],
      }).figures;
      assert.equal(f.pairs.length, 3);
      for (const p of f.pairs) {
        for (const fig of [p.exact.precision, p.exact.recall, p.exact.f1, p.overlap.f1, p.cohenKappa]) close(fig.value, 1);
      }
      close(f.krippendorffAlpha.value, 1);
      close(f.fleissKappa.value, 1);
    });

    it('total disagreement', () => {
      // a: PER w0; b: LOC w1. Tags a: B-PER O; b: O B-LOC.
      const f = measureDocument({
        document: 'd',
        text: textOf(2),
        sets: [
          { annotator: 'a', annotations: [tag('PER', 0)] },
          { annotator: 'b', annotations: [tag('LOC', 1)] },
        ],
      }).figures;
      const p = onlyPair(f.pairs);
      for (const fig of [p.exact.precision, p.exact.recall, p.exact.f1, p.overlap.precision, p.overlap.recall, p.overlap.f1]) assert.equal(fig.value, 0);
      // κ: N 2, diagonal 0, Σ row·column = O 1·1 = 1: (0 − 1)/(4 − 1) = −1/3.
      close(p.cohenKappa.value, -1 / 3);
      // α: n 4, Σ o_cc 0, n_c B-PER 1, O 2, B-LOC 1, Σ n_c² 6: α = 1 − 3·4/(16 − 6) = −1/5.
      close(f.krippendorffAlpha.value, -1 / 5);
    });

    it('a single label: per-label figures equal the overall ones', () => {
      const f = measureDocument({
        document: 'd',
        text: textOf(4),
        sets: [
          { annotator: 'a', annotations: [tag('LOC', 0), tag('LOC', 2, 3)] },
          { annotator: 'b', annotations: [tag('LOC', 0, 1), tag('LOC', 3)] },
        ],
      }).figures;
      assert.equal(f.labels.length, 1);
      const label = f.labels[0];
      assert.deepEqual(label?.pairs, f.pairs);
      assert.deepEqual(label?.krippendorffAlpha, f.krippendorffAlpha);
      // Exact 0 of 2/2; overlap: LOC w0↔w0-1 and w2-3↔w3: 2 → F1 1.
      assert.equal(onlyPair(f.pairs).exact.f1.value, 0);
      close(onlyPair(f.pairs).overlap.f1.value, 1);
    });

    it('three annotators: Fleiss’ κ by hand', () => {
      // Three words. a: PER w0; b: PER w0; c: nothing. Per token: (B-PER, B-PER, O), (O, O, O), (O, O, O).
      // Σ n_ij(n_ij − 1) = 2 + 6 + 6 = 14; N 3, r 3, T 9; totals B-PER 2, O 7, S = 4 + 49 = 53.
      // κ = (14·9 − 53·2)/(2·(81 − 53)) = 20/56 = 5/14.
      const f = measureDocument({
        document: 'd',
        text: textOf(3),
        sets: [
          { annotator: 'a', annotations: [tag('PER', 0)] },
          { annotator: 'b', annotations: [tag('PER', 0)] },
          { annotator: 'c', annotations: [] },
        ],
      }).figures;
      close(f.fleissKappa.value, 5 / 14);
      assert.equal(f.fleissKappa.items, 3);
    });
  });

  it('counts only accepted spans, once each, and skips orphans', () => {
    const noisy = [tag('PER', 0), tag('PER', 0), tag('LOC', 1, 1, 'suggested'), tag('ORG', 2, 2, 'rejected'), { ...tag('MISC', 3), orphan: true }];
    const f = measureDocument({
      document: 'd',
      text: textOf(4),
      sets: [
        { annotator: 'a', annotations: noisy },
        { annotator: 'b', annotations: [tag('PER', 0)] },
      ],
    }).figures;
    close(onlyPair(f.pairs).exact.f1.value, 1);
    assert.equal(f.spans, 2);
  });

  it('leaves stale sets out and says why', () => {
    const sets = markStale(
      [
        { annotator: 'salma', sha256: 'AA', annotations: [tag('PER', 0)] },
        { annotator: 'omar', sha256: 'aa', annotations: [tag('PER', 0)] },
        { annotator: 'huda', sha256: 'bb', annotations: [tag('LOC', 1)] },
      ],
      'aa',
    );
    const r = measureAgreement([{ document: 'x.txt', text: textOf(2), sets }]);
    assert.deepEqual(r.total.annotators, ['salma', 'omar']);
    assert.equal(r.total.excluded.length, 1);
    assert.equal(r.total.excluded[0]?.annotator, 'huda');
    assert.equal(r.total.excluded[0]?.document, 'x.txt');
    assert.match(r.total.excluded[0]?.reason ?? '', /sha256/);
    close(onlyPair(r.total.pairs).exact.f1.value, 1);
  });

  it('keeps labels unknown to the label set, after the known ones', () => {
    const f = measureDocument(
      {
        document: 'd',
        text: textOf(3),
        sets: [
          { annotator: 'a', annotations: [tag('ZZZ', 0), tag('LOC', 1), tag('PER', 2)] },
          { annotator: 'b', annotations: [tag('ZZZ', 0)] },
        ],
      },
      { labels: DEFAULT_LABELS },
    ).figures;
    assert.deepEqual(
      f.labels.map((l) => [l.label, l.known]),
      [
        ['PER', true],
        ['LOC', true],
        ['ZZZ', false],
      ],
    );
    close(onlyPair(f.labels[2]?.pairs ?? []).exact.f1.value, 1);
  });

  it('never yields NaN or a figure outside its range (property)', () => {
    const spanArb = fc.record({ label: fc.constantFrom('PER', 'LOC', 'ORG'), start: fc.integer({ min: 0, max: 40 }), length: fc.integer({ min: 0, max: 12 }) });
    const setArb = fc.array(spanArb, { maxLength: 6 }).map((spans) => spans.map((s) => raw(s.label, s.start, Math.min(41, s.start + s.length))));
    fc.assert(
      fc.property(fc.array(setArb, { minLength: 0, maxLength: 4 }), (sets) => {
        const text = textOf(6); // 41 code points
        const r = measureAgreement([{ document: 'd', text, sets: sets.map((annotations, i) => ({ annotator: `a${i}`, annotations })) }]);
        const json = JSON.stringify(r);
        assert.doesNotMatch(json, /NaN|Infinity/);
        const check = (fig: Figure, low: number): void => {
          if (fig.value === null) assert.ok((fig.reason ?? '').length > 0);
          else assert.ok(Number.isFinite(fig.value) && fig.value <= 1 + 1e-9 && fig.value >= low - 1e-9, `${fig.value}`);
        };
        // Ratios lie in [0, 1], Cohen's κ in [−1, 1], Fleiss' κ above −1/(r − 1) ≥ −1; α has no fixed lower bound.
        for (const p of r.total.pairs) {
          for (const fig of [p.exact.precision, p.exact.recall, p.exact.f1, p.overlap.precision, p.overlap.recall, p.overlap.f1]) check(fig, 0);
          check(p.cohenKappa, -1);
        }
        check(r.total.fleissKappa, -1);
        check(r.total.krippendorffAlpha, -Infinity);
      }),
      { numRuns: 200 },
    );
  });
});
