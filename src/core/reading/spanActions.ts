import type { BlockSpan, PageCommand, ParagraphBlock } from './readingProtocol';

/** A command the page runs on its document, with the arguments Tawsim's command takes. */
export interface SpanAction {
  readonly command: PageCommand;
  readonly args: Readonly<Record<string, unknown>>;
}

/** What can be done to a span from the view, each the very command the editor and the Review view run. */
export interface SpanActions {
  /** The `webviewSection` of the view's context menu (package.json's `webview/context` entries). */
  readonly section: 'tag' | 'suggestion' | 'proposal' | 'agreed' | 'disagreement';
  /** The arguments the context menu's commands get (besides the document's `uri`). */
  readonly context: Readonly<Record<string, unknown>>;
  /** Enter on its chip, or ✓. */
  readonly accept?: SpanAction;
  /** Delete on its chip, or ✗. */
  readonly reject?: SpanAction;
  /** F2 on its chip. */
  readonly relabel?: SpanAction;
  /** The disagreement's "take the boundaries of…". */
  readonly take?: SpanAction;
}

/** A suggestion's key as Accept and Reject take it: `start:end:LABEL` in UTF-16 offsets of the document. */
export function suggestionKey(block: Pick<ParagraphBlock, 'start'>, span: Pick<BlockSpan, 'from' | 'to' | 'label'>): string {
  return `${block.start + span.from}:${block.start + span.to}:${span.label}`;
}

export function spanActions(block: Pick<ParagraphBlock, 'start' | 'cpStart'>, span: BlockSpan): SpanActions {
  switch (span.kind) {
    case 'tag': {
      const context = { id: span.id };
      return { section: 'tag', context, reject: { command: 'tawsim.remove', args: context }, relabel: { command: 'tawsim.changeLabel', args: context } };
    }
    case 'suggestion': {
      const context = { key: suggestionKey(block, span) };
      return { section: 'suggestion', context, accept: { command: 'tawsim.accept', args: context }, reject: { command: 'tawsim.reject', args: context } };
    }
    case 'proposal': {
      const proposal = {
        start: block.cpStart + (span.cpFrom ?? 0),
        end: block.cpStart + (span.cpTo ?? 0),
        label: span.label,
        ...(span.disagreementId !== undefined ? { disagreementId: span.disagreementId } : {}),
      };
      return {
        section: span.disagreementId !== undefined ? 'proposal' : 'agreed',
        context: proposal,
        accept: { command: 'tawsim.acceptProposal', args: proposal },
        reject: { command: 'tawsim.rejectProposal', args: proposal },
        relabel: { command: 'tawsim.relabelProposal', args: proposal },
        ...(span.disagreementId !== undefined ? { take: { command: 'tawsim.takeBoundaries', args: { disagreementId: span.disagreementId } } } : {}),
      };
    }
    case 'disagreement': {
      const context = { disagreementId: span.disagreementId };
      return { section: 'disagreement', context, take: { command: 'tawsim.takeBoundaries', args: context } };
    }
  }
}
