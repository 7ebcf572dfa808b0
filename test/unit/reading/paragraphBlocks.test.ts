import { strict as assert } from 'node:assert';
import type { Annotation } from '../../../src/core/model/annotation';
import { paragraphBlock } from '../../../src/core/reading/paragraphBlocks';
import type { SuggestedSpan } from '../../../src/core/reading/paragraphBlocks';
import { reviewSpans } from '../../../src/core/reading/reviewSpans';
import { SortedSpans } from '../../../src/core/reading/sortedSpans';
import { SentBlocks } from '../../../src/core/reading/sentBlocks';
import { compareAnnotators } from '../../../src/core/review/compareAnnotators';
import { acceptProposal } from '../../../src/core/review/adjudicate';
import { reviewState } from '../../../src/core/review/reviewState';
import type { ParagraphBlock } from '../../../src/core/reading/readingProtocol';

const LABELS = new Set(['PER', 'ORG', 'LOC', 'DATE', 'TIME', 'MISC']);
/** Two lines: the second starts at UTF-16 offset 21 (code point 20: the first line holds one emoji). */
const LINE0 = 'زار 😀 الوزير الرباط';
const LINE1 = 'وصلت وزارة الخارجية المغربية إلى الرباط أمس';
const START1 = LINE0.length + 1;

function tag(label: string, quote: string, extra: Partial<Annotation> = {}): Annotation {
  const start = START1 + LINE1.indexOf(quote);
  return { id: `t${start}`, label, start, end: start + quote.length, text: quote, status: 'accepted', source: 'manual', ...extra };
}

const line1 = { line: 1, text: LINE1, start: START1, cpStart: START1 - 1 };
/** A suggestion's key as the page makes it: document offsets from the paragraph's start. */
const keyOf = (s: { from: number; to: number; label: string }): string => `${START1 + s.from}:${START1 + s.to}:${s.label}`;

describe('paragraph blocks', () => {
  it('carries the relations between two tags of the paragraph as arcs, and none that reach elsewhere or were rejected', () => {
    const org = tag('ORG', 'وزارة الخارجية المغربية');
    const loc = tag('LOC', 'الرباط');
    const arcs = [
      { id: 'r1', type: 'located_in', from: org.id, to: loc.id, status: 'accepted' as const },
      { id: 'r2', type: 'located_in', from: org.id, to: 't-elsewhere', status: 'accepted' as const },
      { id: 'r3', type: 'met', from: loc.id, to: org.id, status: 'rejected' as const, symmetric: true },
    ];
    const block = paragraphBlock(line1, { annotations: [org, loc], suggestions: [], review: [] }, LABELS, arcs);
    assert.deepEqual(
      block.arcs?.map((a) => a.id),
      ['r1'],
    );
    assert.equal(paragraphBlock(line1, { annotations: [org, loc], suggestions: [], review: [] }, LABELS).arcs, undefined, 'no relations, no arcs key');
  });

  it('clips spans to the paragraph, in paragraph offsets, and stacks a nested tag inside its container', () => {
    const org = tag('ORG', 'وزارة الخارجية المغربية');
    const loc = tag('LOC', 'المغربية');
    const block = paragraphBlock(line1, { annotations: [org, loc], suggestions: [], review: [] }, LABELS);
    assert.equal(block.text, LINE1);
    assert.equal(block.cpStart, START1 - 1);
    const [outer, inner] = block.spans;
    assert.equal(outer?.label, 'ORG');
    assert.equal(LINE1.slice(outer?.start, outer?.end), 'وزارة الخارجية المغربية');
    assert.equal(LINE1.slice(inner?.start, inner?.end), 'المغربية');
    assert.ok((outer?.level ?? 0) > (inner?.level ?? 0), 'the container is drawn around the nested tag');
  });

  it('marks a span that starts on an earlier line or goes on to a later one', () => {
    const across: Annotation = { id: 't9', label: 'MISC', start: START1 - 7, end: START1 + 4, text: 'الرباط\nوصلت', status: 'accepted', source: 'manual' };
    const block = paragraphBlock(line1, { annotations: [across], suggestions: [], review: [] }, LABELS);
    assert.deepEqual(
      block.spans.map((s) => [s.start, s.end, s.from, s.to, s.before, s.after]),
      [[0, 4, -7, 4, true, undefined]],
    );
  });

  it('shows suggestions (recogniser and stored) with their key and score, hides rejected ones, and flags unknown labels', () => {
    const stored = tag('LOC', 'الرباط', { status: 'suggested', source: 'rules', id: 't3' });
    const rejected = tag('PER', 'أمس', { status: 'rejected', id: 't4' });
    const odd = tag('EVENT', 'وصلت', { id: 't5' });
    const at = START1 + LINE1.indexOf('وزارة');
    const live: SuggestedSpan = { start: at, end: at + 5, label: 'ORG', text: 'وزارة', source: 'model', reason: 'model', score: 0.82, alternative: { label: 'O', score: 0.11 } };
    const block = paragraphBlock(line1, { annotations: [stored, rejected, odd], suggestions: [live], review: [] }, LABELS);
    assert.deepEqual(
      block.spans.map((s) => [s.kind, s.label, keyOf(s), s.score, s.alternative?.label, s.unknown]),
      [
        ['tag', 'EVENT', `${odd.start}:${odd.end}:EVENT`, undefined, undefined, true],
        ['suggestion', 'ORG', `${at}:${at + 5}:ORG`, 0.82, 'O', undefined],
        ['suggestion', 'LOC', `${stored.start}:${stored.end}:LOC`, undefined, undefined, undefined],
      ],
    );
  });

  it('in review, shows agreed spans, each proposal with its annotators and gold verdict, and the disagreement around them', () => {
    // Two annotators on one line (code points = UTF-16 here): agree on الرباط, differ on the ministry's extent.
    const text = LINE1;
    const a = (label: string, quote: string): Annotation => ({
      id: quote,
      label,
      start: text.indexOf(quote),
      end: text.indexOf(quote) + quote.length,
      text: quote,
      status: 'accepted',
      source: 'manual',
    });
    const comparison = compareAnnotators([
      { annotator: 'layla', annotations: [a('LOC', 'الرباط'), a('ORG', 'وزارة الخارجية المغربية')] },
      { annotator: 'omar', annotations: [a('LOC', 'الرباط'), a('ORG', 'وزارة الخارجية')] },
    ]);
    const narrow = comparison.disagreements[0]?.proposals.find((p) => p.by.includes('omar'));
    assert.ok(narrow);
    const gold = acceptProposal([], narrow, { by: 'salma', at: '2024-01-01T00:00:00Z' });
    const state = reviewState(comparison, gold);
    const spans = new SortedSpans(reviewSpans(comparison, gold, state.openIds, (cp) => cp));
    const block = paragraphBlock({ line: 0, text, start: 0, cpStart: 0 }, { annotations: [], suggestions: [], review: spans.overlapping(0, text.length) }, LABELS);
    const described = block.spans.map((s) => [s.kind, s.label, text.slice(s.start, s.end), s.by?.join('+'), s.agreed, s.verdict, s.open]);
    assert.deepEqual(described, [
      ['disagreement', 'boundary', 'وزارة الخارجية المغربية', 'layla+omar', undefined, undefined, false],
      ['proposal', 'ORG', 'وزارة الخارجية المغربية', 'layla', false, undefined, false],
      ['proposal', 'ORG', 'وزارة الخارجية', 'omar', false, 'accepted', false],
      ['proposal', 'LOC', 'الرباط', 'layla+omar', true, undefined, undefined],
    ]);
    const dis = block.spans[0];
    assert.ok(dis && block.spans.slice(1).every((s) => s.level < dis.level), 'the disagreement is drawn around its proposals');
    assert.equal(block.spans[1]?.cpFrom, 5);
  });

  it('finds overlapping spans by binary search, long ones included', () => {
    const sorted = new SortedSpans([
      { start: 0, end: 100 },
      { start: 10, end: 12 },
      { start: 50, end: 55 },
      { start: 200, end: 210 },
    ]);
    assert.deepEqual(
      sorted.overlapping(52, 60).map((s) => s.start),
      [0, 50],
    );
    assert.deepEqual(
      sorted.overlapping(100, 200).map((s) => s.start),
      [],
    );
  });
});

describe('incremental updates of the page', () => {
  const block = (line: number, text: string, cpStart = line * 10): ParagraphBlock => ({ line, text, start: cpStart, cpStart, spans: [] });
  const lines = (c: { blocks: ParagraphBlock[] }): number[] => c.blocks.map((b) => b.line);

  it('sends a paragraph once, then only when it changed', () => {
    const texts = ['أ', 'ب', 'ج', 'د'];
    const sent = new SentBlocks();
    sent.setWindow(1, 2);
    assert.deepEqual(lines(sent.changed(texts.length, (l) => block(l, texts[l] as string))), [1, 2]);
    assert.deepEqual(
      sent.changed(texts.length, (l) => block(l, texts[l] as string)),
      { blocks: [], starts: [] },
    );
    texts[2] = 'جج';
    assert.deepEqual(lines(sent.changed(texts.length, (l) => block(l, texts[l] as string))), [2]);
  });

  it('sends a paragraph again when only its arcs changed (a relation added or removed)', () => {
    const sent = new SentBlocks();
    sent.setWindow(0, 0);
    sent.changed(1, (l) => block(l, 'أ'));
    const linked = (l: number): ParagraphBlock => ({ ...block(l, 'أ'), arcs: [{ id: 'r1', type: 'met', from: 't1', to: 't2' }] });
    assert.deepEqual(lines(sent.changed(1, linked)), [0]);
    assert.deepEqual(lines(sent.changed(1, (l) => block(l, 'أ'))), [0]);
  });

  it('a paragraph that only moved is not sent again: lines inserted above, text typed before it', () => {
    const texts = ['أ', 'ب', 'ج', 'د', 'ه'];
    const sent = new SentBlocks();
    sent.setWindow(2, 4);
    sent.changed(texts.length, (l) => block(l, texts[l] as string, 100 + l));
    texts.splice(0, 1, 'أ', 'جديد');
    sent.splice({ at: 0, removed: 1, inserted: 2 });
    assert.deepEqual(sent.window, { first: 3, last: 5 });
    // Same texts under new numbers, their code point starts moved by the new line's length.
    const moved = sent.changed(texts.length, (l) => block(l, texts[l] as string, 104 + l));
    assert.deepEqual(moved.blocks, []);
    assert.deepEqual(moved.starts, [
      [3, 107, 107],
      [4, 108, 108],
      [5, 109, 109],
    ]);
  });

  it('a splice inside the window drops the replaced paragraphs, which are then sent', () => {
    const texts = ['أ', 'ب', 'ج', 'د'];
    const sent = new SentBlocks();
    sent.setWindow(0, 3);
    sent.changed(texts.length, (l) => block(l, texts[l] as string, 0));
    texts.splice(1, 1, 'ب', 'بب');
    sent.splice({ at: 1, removed: 1, inserted: 2 });
    assert.deepEqual(sent.window, { first: 0, last: 4 });
    assert.deepEqual(lines(sent.changed(texts.length, (l) => block(l, texts[l] as string, 0))), [1, 2]);
  });

  it('forgets what the page forgot', () => {
    const sent = new SentBlocks();
    sent.setWindow(0, 1);
    sent.changed(5, (l) => block(l, 'x'));
    sent.setWindow(3, 4);
    sent.setWindow(0, 1);
    assert.equal(sent.changed(5, (l) => block(l, 'x')).blocks.length, 2);
  });
});
