/** A chunk of consecutive tokens with one label: tokens `first`..`last` inclusive. */
export interface TokenChunk {
  readonly first: number;
  readonly last: number;
  readonly label: string;
}

export type TagScheme = 'IOB1' | 'IOB2' | 'BIOES';

/** Tags for one sentence of `length` tokens; chunks must not overlap. */
export function encodeTags(length: number, chunks: readonly TokenChunk[], scheme: 'IOB2' | 'BIOES'): string[] {
  const tags: string[] = new Array<string>(length).fill('O');
  for (const c of chunks) {
    for (let i = c.first; i <= c.last; i++) {
      let prefix = i === c.first ? 'B' : 'I';
      if (scheme === 'BIOES') {
        if (c.first === c.last) prefix = 'S';
        else if (i === c.last) prefix = 'E';
      }
      tags[i] = `${prefix}-${c.label}`;
    }
  }
  return tags;
}

export interface ParsedTag {
  readonly prefix: 'B' | 'I' | 'E' | 'S' | 'O';
  readonly label: string;
}

/** `B-LOC` → B + LOC; L- and U- (BILOU) read as E- and S-. Undefined for anything else. */
export function parseTag(tag: string): ParsedTag | undefined {
  if (tag === 'O') return { prefix: 'O', label: '' };
  const m = /^([BIESLU])-(.+)$/.exec(tag);
  if (!m) return undefined;
  const raw = m[1] as string;
  const prefix = raw === 'L' ? 'E' : raw === 'U' ? 'S' : (raw as ParsedTag['prefix']);
  return { prefix, label: m[2] as string };
}

export interface DecodeProblem {
  /** Index of the offending tag in the sentence. */
  readonly at: number;
  readonly message: string;
}

/**
 * Chunks of one sentence. With 'auto' any of IOB1, IOB2 and BIOES decodes correctly, because the
 * rules agree wherever the schemes overlap: B- and S- always start a chunk, I- and E- continue a
 * chunk of the same label or else start one, E- and S- close it, O closes it. A named scheme also
 * reports the transitions that scheme forbids, so a mislabelled file is caught rather than guessed.
 */
export function decodeTags(tags: readonly ParsedTag[], scheme: 'auto' | TagScheme): { chunks: TokenChunk[]; problems: DecodeProblem[] } {
  const chunks: TokenChunk[] = [];
  const problems: DecodeProblem[] = [];
  let open: { first: number; label: string } | undefined;
  const close = (last: number): void => {
    if (open) chunks.push({ first: open.first, last, label: open.label });
    open = undefined;
  };
  tags.forEach((t, i) => {
    const prev = i > 0 ? tags[i - 1] : undefined;
    const sameAsPrev = prev !== undefined && prev.prefix !== 'O' && prev.label === t.label;
    if (scheme !== 'auto') {
      const problem = schemeProblem(t, prev, sameAsPrev, scheme);
      if (problem) problems.push({ at: i, message: problem });
    }
    switch (t.prefix) {
      case 'O':
        close(i - 1);
        break;
      case 'B':
        close(i - 1);
        open = { first: i, label: t.label };
        break;
      case 'I':
        if (!open || open.label !== t.label) {
          close(i - 1);
          open = { first: i, label: t.label };
        }
        break;
      case 'E':
        if (!open || open.label !== t.label) {
          close(i - 1);
          open = { first: i, label: t.label };
        }
        close(i);
        break;
      case 'S':
        close(i - 1);
        chunks.push({ first: i, last: i, label: t.label });
        break;
    }
  });
  if (scheme === 'BIOES' && open) problems.push({ at: tags.length - 1, message: `the ${open.label} chunk is not closed with E- or S- before the sentence ends` });
  close(tags.length - 1);
  return { chunks, problems };
}

function schemeProblem(t: ParsedTag, prev: ParsedTag | undefined, sameAsPrev: boolean, scheme: TagScheme): string | undefined {
  if (scheme !== 'BIOES' && (t.prefix === 'E' || t.prefix === 'S')) return `${t.prefix}- tags do not belong to ${scheme}`;
  // In BIOES a chunk left open by B- or I- must continue with I- or E- of its own label.
  const prevOpen = scheme === 'BIOES' && prev !== undefined && (prev.prefix === 'B' || prev.prefix === 'I');
  if (prevOpen && !((t.prefix === 'I' || t.prefix === 'E') && sameAsPrev)) return `the ${prev.label} chunk before this tag is not closed with E-`;
  if ((scheme === 'IOB2' || scheme === 'BIOES') && (t.prefix === 'I' || t.prefix === 'E')) {
    const continues = sameAsPrev && (prev?.prefix === 'B' || prev?.prefix === 'I');
    if (!continues) return `${t.prefix}-${t.label} does not continue a ${t.label} chunk (${scheme} starts chunks with ${scheme === 'IOB2' ? 'B-' : 'B- or S-'})`;
  }
  if (scheme === 'IOB1' && t.prefix === 'B' && !sameAsPrev) return `in IOB1, B-${t.label} only separates two adjacent ${t.label} chunks`;
  return undefined;
}
