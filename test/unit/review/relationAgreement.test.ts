import { strict as assert } from 'node:assert';
import type { Annotation } from '../../../src/core/model/annotation';
import type { Relation } from '../../../src/core/model/relation';
import type { AnnotatorSet } from '../../../src/core/review/annotatorSet';
import { relationAgreement, relationDisagreements } from '../../../src/core/review/relationAgreement';
import { measureAgreement } from '../../../src/core/review/measureAgreement';
import { formatAgreementTable } from '../../../src/core/review/agreementTable';
import { agreementToCsv } from '../../../src/core/review/agreementCsv';
import { agreementToJson } from '../../../src/core/review/agreementJson';

const TEXT = 'التقى الوزير ناصر السفيرة سلمى في الرباط';
const tag = (id: string, label: string, quote: string): Annotation => {
  const start = TEXT.indexOf(quote);
  return { id, label, start, end: start + quote.length, text: quote, status: 'accepted', source: 'manual' };
};
const rel = (id: string, type: string, from: string, to: string, status: Relation['status'] = 'accepted'): Relation => ({ id, type, from, to, status, source: 'manual' });

// Two annotators with different ids for the same spans.
const salma: AnnotatorSet = {
  annotator: 'salma',
  annotations: [tag('t1', 'PER', 'ناصر'), tag('t2', 'PER', 'سلمى'), tag('t3', 'LOC', 'الرباط')],
  relations: [rel('r1', 'met', 't1', 't2'), rel('r2', 'located_in', 't1', 't3'), rel('r3', 'member_of', 't2', 't3', 'suggested')],
};
const omar: AnnotatorSet = {
  annotator: 'omar',
  annotations: [tag('t7', 'LOC', 'الرباط'), tag('t8', 'PER', 'سلمى'), tag('t9', 'PER', 'ناصر')],
  // "met" drawn the other way round: the same relation for a symmetric type. located_in from سلمى: a different one.
  relations: [rel('r1', 'met', 't8', 't9'), rel('r2', 'located_in', 't8', 't7')],
};
const symmetric = (t: string): boolean => t === 'met';

describe('relation agreement', () => {
  it('matches relations by type and argument spans, ignoring ids, direction for symmetric types, and unaccepted relations', () => {
    const figures = relationAgreement([{ sets: [salma, omar] }], symmetric);
    assert.ok(figures);
    assert.deepEqual([figures.relations, figures.matched, figures.onlyFirst, figures.onlySecond], [4, 1, 1, 1]);
    assert.equal(figures.f1.value, 0.5);
    assert.equal(figures.precision.value, 0.5);
    // Read as directed, "met" no longer matches.
    assert.equal(relationAgreement([{ sets: [salma, omar] }], () => false)?.matched, 0);
  });

  it("names the disagreements, each in its annotator's own ids", () => {
    const { onlyFirst, onlySecond } = relationDisagreements(salma, omar, symmetric);
    assert.deepEqual(
      onlyFirst.map((r) => `${r.type} ${r.from} ${r.to}`),
      ['located_in t1 t3'],
    );
    assert.deepEqual(
      onlySecond.map((r) => `${r.type} ${r.from} ${r.to}`),
      ['located_in t8 t7'],
    );
  });

  it('puts relation F1 in the agreement report and its table, and leaves it out when nobody marked a relation', () => {
    const report = measureAgreement([{ document: 'a.txt', text: TEXT, sets: [salma, omar] }]);
    assert.equal(report.relations?.f1.value, 0.5);
    assert.match(
      formatAgreementTable(report),
      /\nRelations \(same type, same argument spans\): Exact F1 0\.500, Exact P 0\.500, Exact R 0\.500 \(1 matched, 1 only the first annotator's, 1 only the second's\)/,
    );
    const none = measureAgreement([
      {
        document: 'a.txt',
        text: TEXT,
        sets: [
          { ...salma, relations: [] },
          { ...omar, relations: [] },
        ],
      },
    ]);
    assert.equal(none.relations, undefined);
    assert.doesNotMatch(formatAgreementTable(none), /Relations/);
  });

  it('puts relation figures in the CSV and JSON exports, and no relation rows when nobody marked a relation', () => {
    const report = measureAgreement([{ document: 'a.txt', text: TEXT, sets: [salma, omar] }]);
    const rows = agreementToCsv(report)
      .split('\r\n')
      .filter((l) => l.includes(',relation'));
    assert.deepEqual(rows, [
      'total,,,,,,relation_precision,0.5,2,spans,',
      'total,,,,,,relation_recall,0.5,2,spans,',
      'total,,,,,,relation_f1,0.5,4,spans,',
      'total,,,,,,relations,4,4,spans,',
      'total,,,,,,relation_matched,1,1,spans,',
      'total,,,,,,relation_only_a,1,1,spans,',
      'total,,,,,,relation_only_b,1,1,spans,',
    ]);
    const json = JSON.parse(agreementToJson(report)) as { relations?: { f1: { value: number }; matched: number }; method: { relations: string } };
    assert.equal(json.relations?.f1.value, 0.5);
    assert.equal(json.relations?.matched, 1);
    assert.match(json.method.relations, /type is the same/);
    const none = measureAgreement([
      {
        document: 'a.txt',
        text: TEXT,
        sets: [
          { ...salma, relations: [] },
          { ...omar, relations: [] },
        ],
      },
    ]);
    assert.doesNotMatch(agreementToCsv(none), /relation/);
  });
});
