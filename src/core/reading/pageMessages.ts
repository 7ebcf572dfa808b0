import type { PageCommand, PageMessage, PagePosition } from './readingProtocol';
import { PAGE_COMMANDS } from './readingProtocol';

/**
 * A message from the page, checked: the page is our own script, but it renders user text and runs
 * in a browser frame, so nothing it sends is trusted to have the right shape.
 */
export function parsePageMessage(m: unknown): PageMessage | undefined {
  if (!isRecord(m)) return undefined;
  switch (m['type']) {
    case 'ready':
    case 'undo':
    case 'redo':
      return { type: m['type'] };
    case 'window':
      return isIndex(m['first']) && isIndex(m['last']) ? { type: 'window', first: m['first'], last: m['last'] } : undefined;
    case 'scrolled': {
      const at = position(m['at']);
      return at ? { type: 'scrolled', at } : undefined;
    }
    case 'select': {
      const from = position(m['from']);
      const to = position(m['to']);
      return from && to ? { type: 'select', from, to } : undefined;
    }
    case 'tag': {
      const from = position(m['from']);
      const to = position(m['to']);
      const label = m['label'];
      const quote = m['quote'];
      return from && to && typeof label === 'string' && typeof quote === 'string' ? { type: 'tag', label, from, to, quote } : undefined;
    }
    case 'run': {
      const command = m['command'];
      const args = m['args'];
      return isPageCommand(command) && isRecord(args) ? { type: 'run', command, args } : undefined;
    }
    case 'navigate': {
      const from = position(m['from']);
      const direction = m['direction'];
      return from && (direction === 1 || direction === -1) ? { type: 'navigate', from, direction } : undefined;
    }
    default:
      return undefined;
  }
}

/** The arguments a page command may carry, each of its expected type; the document is always the view's own. */
export function commandArgs(args: Readonly<Record<string, unknown>>, uri: string): Record<string, unknown> {
  const out: Record<string, unknown> = { uri };
  for (const name of ['id', 'key', 'label', 'to', 'annotator', 'disagreementId'] as const) {
    const v = args[name];
    if (typeof v === 'string') out[name] = v;
  }
  for (const name of ['start', 'end'] as const) {
    const v = args[name];
    if (isIndex(v)) out[name] = v;
  }
  return out;
}

function position(v: unknown): PagePosition | undefined {
  return isRecord(v) && isIndex(v['line']) && isIndex(v['character']) ? { line: v['line'], character: v['character'] } : undefined;
}

function isIndex(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isPageCommand(v: unknown): v is PageCommand {
  return typeof v === 'string' && (PAGE_COMMANDS as readonly string[]).includes(v);
}
