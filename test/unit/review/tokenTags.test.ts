import { strict as assert } from 'node:assert';
import { bioTags, tagLabel, tokenRanges } from '../../../src/core/review/tokenTags';
import { raw } from './helpers';

describe('review/tokenTags', () => {
  // Four tokens: [0,2) [3,5) [6,8) [9,11)
  const tokens = [
    { start: 0, end: 2 },
    { start: 3, end: 5 },
    { start: 6, end: 8 },
    { start: 9, end: 11 },
  ];

  it('gives B- to the first token of a span and I- to the rest', () => {
    assert.deepEqual(bioTags(tokens, [raw('LOC', 3, 8)]), ['O', 'B-LOC', 'I-LOC', 'O']);
  });

  it('starts a new B- for an adjacent span of the same label', () => {
    assert.deepEqual(bioTags(tokens, [raw('LOC', 0, 2), raw('LOC', 3, 5)]), ['B-LOC', 'B-LOC', 'O', 'O']);
  });

  it('gives nested tokens to the outer span (first starting)', () => {
    assert.deepEqual(bioTags(tokens, [raw('LOC', 3, 5), raw('ORG', 0, 8)]), ['B-ORG', 'I-ORG', 'I-ORG', 'O']);
  });

  it('on the same start, gives tokens to the longest span', () => {
    assert.deepEqual(bioTags(tokens, [raw('PER', 3, 5), raw('ORG', 3, 8)]), ['O', 'B-ORG', 'I-ORG', 'O']);
  });

  it('tags a token a span covers only in part (span after a proclitic)', () => {
    assert.deepEqual(bioTags(tokens, [raw('LOC', 4, 5)]), ['O', 'B-LOC', 'O', 'O']);
  });

  it('hands over to a crossing span once the first one has ended', () => {
    // PER[0,5) wins t0 and t1 (starts first); t2 is only under LOC[3,11) and begins it.
    assert.deepEqual(bioTags(tokens, [raw('PER', 0, 5), raw('LOC', 3, 11)]), ['B-PER', 'I-PER', 'B-LOC', 'I-LOC']);
  });

  it('ignores empty spans', () => {
    assert.deepEqual(bioTags(tokens, [raw('LOC', 4, 4)]), ['O', 'O', 'O', 'O']);
  });

  it('tokenises with the project tokeniser, in code points, proclitics split before the article', () => {
    // 😀 is one code point but two UTF-16 units: محمد starts at code point 2.
    assert.deepEqual(tokenRanges('😀 محمد'), [
      { start: 0, end: 1 },
      { start: 2, end: 6 },
    ]);
    // زار بالرباط → زار | ب | الرباط
    assert.deepEqual(tokenRanges('زار بالرباط'), [
      { start: 0, end: 3 },
      { start: 4, end: 5 },
      { start: 5, end: 11 },
    ]);
    assert.equal(tokenRanges('زار بالرباط', false).length, 2);
  });

  it('reads the label of a tag', () => {
    assert.equal(tagLabel('B-LOC'), 'LOC');
    assert.equal(tagLabel('I-LOC'), 'LOC');
    assert.equal(tagLabel('O'), 'O');
  });
});
