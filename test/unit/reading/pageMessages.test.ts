import { strict as assert } from 'node:assert';
import { commandArgs, parsePageMessage } from '../../../src/core/reading/pageMessages';
import { spanActions, suggestionKey } from '../../../src/core/reading/spanActions';
import type { BlockSpan } from '../../../src/core/reading/readingProtocol';

describe('messages from the reading view page', () => {
  it('accepts the messages of the protocol', () => {
    const at = { line: 3, character: 7 };
    assert.deepEqual(parsePageMessage({ type: 'tag', label: 'LOC', from: at, to: { line: 3, character: 12 }, quote: 'طنجة' }), {
      type: 'tag',
      label: 'LOC',
      from: at,
      to: { line: 3, character: 12 },
      quote: 'طنجة',
    });
    assert.deepEqual(parsePageMessage({ type: 'window', first: 0, last: 40 }), { type: 'window', first: 0, last: 40 });
    assert.deepEqual(parsePageMessage({ type: 'navigate', from: at, direction: -1 }), { type: 'navigate', from: at, direction: -1 });
    assert.deepEqual(parsePageMessage({ type: 'run', command: 'tawsim.accept', args: { key: '1:5:LOC' } }), { type: 'run', command: 'tawsim.accept', args: { key: '1:5:LOC' } });
  });

  it('refuses anything else: unknown types, commands outside the list, bad places', () => {
    for (const bad of [
      null,
      'ready',
      [],
      { type: 'eval' },
      { type: 'run', command: 'workbench.action.terminal.new', args: {} },
      { type: 'run', command: 'tawsim.remove' },
      { type: 'tag', label: 'LOC', from: { line: -1, character: 0 }, to: { line: 0, character: 1 }, quote: 'x' },
      { type: 'tag', label: 'LOC', from: { line: 0.5, character: 0 }, to: { line: 0, character: 1 }, quote: 'x' },
      { type: 'window', first: '0', last: 3 },
      { type: 'navigate', from: { line: 0, character: 0 }, direction: 2 },
    ])
      assert.equal(parsePageMessage(bad), undefined, JSON.stringify(bad));
  });

  it("passes a command only the arguments it knows, of the right types, and always the view's own document", () => {
    assert.deepEqual(commandArgs({ id: 't3', uri: 'file:///elsewhere.txt', start: -4, end: 9, label: 7, note: 'x', disagreementId: 'd1-5' }, 'file:///mine.txt'), {
      uri: 'file:///mine.txt',
      id: 't3',
      end: 9,
      disagreementId: 'd1-5',
    });
  });
});

describe('what a span in the view can do', () => {
  const block = { start: 100, cpStart: 98 };
  const span = (extra: Partial<BlockSpan>): BlockSpan => ({ kind: 'tag', start: 2, end: 8, from: 2, to: 8, level: 0, label: 'LOC', text: 'الرباط', ...extra });

  it('a tag: removed and relabelled by its id', () => {
    const a = spanActions(block, span({ id: 't7' }));
    assert.equal(a.section, 'tag');
    assert.deepEqual(a.reject, { command: 'tawsim.remove', args: { id: 't7' } });
    assert.deepEqual(a.relabel, { command: 'tawsim.changeLabel', args: { id: 't7' } });
  });

  it('a suggestion: accepted and rejected by its key in document offsets, even when it starts on an earlier line', () => {
    const s = span({ kind: 'suggestion', start: 0, from: -3, to: 8, before: true });
    assert.equal(suggestionKey(block, s), '97:108:LOC');
    assert.deepEqual(spanActions(block, s).accept, { command: 'tawsim.accept', args: { key: '97:108:LOC' } });
  });

  it("a proposal in a disagreement: gold decisions in code points, and the disagreement's boundaries", () => {
    const a = spanActions(block, span({ kind: 'proposal', cpFrom: 2, cpTo: 8, disagreementId: 'd100-106', by: ['omar'] }));
    assert.equal(a.section, 'proposal');
    assert.deepEqual(a.accept, { command: 'tawsim.acceptProposal', args: { start: 100, end: 106, label: 'LOC', disagreementId: 'd100-106' } });
    assert.deepEqual(a.take, { command: 'tawsim.takeBoundaries', args: { disagreementId: 'd100-106' } });
  });

  it('an agreed span has no disagreement to settle', () => {
    const a = spanActions(block, span({ kind: 'proposal', cpFrom: 2, cpTo: 8, agreed: true }));
    assert.equal(a.section, 'agreed');
    assert.equal(a.take, undefined);
  });
});
