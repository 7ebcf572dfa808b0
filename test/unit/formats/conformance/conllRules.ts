import { pythonSplit, pythonStrip } from './python';

/**
 * seqeval's strict mode (seqeval/scheme.py: Tokens.entities with the IOB2 and IOBES schemes),
 * restated: a chunk starts at B- (or S- in IOBES), continues with I- of the same type (and ends
 * with E- in IOBES), and is kept only when what follows ends it by the scheme's end patterns. A
 * tag outside any kept chunk is what strict evaluation silently drops; a prefix the scheme does
 * not allow is an error.
 */
export function seqevalStrictEntities(tags: readonly string[], scheme: 'IOB2' | 'IOBES'): { entities: [string, number, number][]; problems: string[] } {
  const allowed = scheme === 'IOB2' ? 'IOB' : 'IOBES';
  const problems: string[] = [];
  const parsed = [...tags, 'O'].map((t) => ({ prefix: t[0] as string, type: t.slice(2) || '_' }));
  parsed.forEach((p, i) => {
    if (!allowed.includes(p.prefix)) problems.push(`tag ${i}: invalid prefix ${p.prefix} for ${scheme}`);
  });
  const isStart = (p: { prefix: string }): boolean => p.prefix === 'B' || (scheme === 'IOBES' && p.prefix === 'S');
  const isInside = (prev: { prefix: string; type: string }, cur: { prefix: string; type: string }): boolean =>
    prev.type === cur.type && (prev.prefix === 'B' || prev.prefix === 'I') && (cur.prefix === 'I' || (scheme === 'IOBES' && cur.prefix === 'E'));
  const isEnd = (prev: { prefix: string; type: string }, cur: { prefix: string; type: string }): boolean =>
    scheme === 'IOBES' ? prev.prefix === 'S' || prev.prefix === 'E' : prev.prefix !== 'O' && !(cur.prefix === 'I' && cur.type === prev.type);
  const entities: [string, number, number][] = [];
  let i = 0;
  while (i < parsed.length) {
    const token = parsed[i] as { prefix: string; type: string };
    if (isStart(token)) {
      let end = i + 1;
      let prev = token;
      while (end < parsed.length && isInside(prev, parsed[end] as { prefix: string; type: string })) prev = parsed[end++] as { prefix: string; type: string };
      if (isEnd(parsed[end - 1] as { prefix: string; type: string }, parsed[end] ?? { prefix: 'O', type: '_' })) entities.push([token.type, i, end]);
      else problems.push(`chunk at ${i} is not closed as ${scheme} requires`);
      i = end;
    } else i++;
  }
  const covered = new Set(entities.flatMap(([, s, e]) => Array.from({ length: e - s }, (_, k) => s + k)));
  tags.forEach((t, k) => {
    if (t !== 'O' && !covered.has(k)) problems.push(`tag ${k} (${t}) is in no entity strict ${scheme} reads`);
  });
  return { entities, problems };
}

/**
 * spaCy's CoNLL-2003 converter (spacy/training/converters/conll_ner_to_docs.py), restated: the
 * input is split at the exact string "-DOCSTART- -X- O O", each document into sentences at blank
 * lines ("\n\n"), each line stripped and split at white space as Python splits; every line of a
 * sentence must then have the same number of columns, at least two (zip keeps the shortest), the
 * first the word and the last the tag; tags go through iob_to_biluo, which reads B- and I- only.
 */
export function spacyConllDocuments(content: string): { documents: { words: string[]; tags: string[] }[]; problems: string[] } {
  const problems: string[] = [];
  const documents: { words: string[]; tags: string[] }[] = [];
  for (const raw of pythonStrip(content).split('-DOCSTART- -X- O O')) {
    const doc = pythonStrip(raw);
    if (doc === '') continue;
    const words: string[] = [];
    const tags: string[] = [];
    for (const rawSentence of doc.split('\n\n')) {
      const sentence = pythonStrip(rawSentence);
      if (sentence === '') continue;
      const lines = sentence
        .split('\n')
        .map(pythonStrip)
        .filter((l) => l !== '');
      const columns = lines.map(pythonSplit);
      const widths = new Set(columns.map((c) => c.length));
      if (widths.size !== 1) problems.push(`a sentence has lines of ${[...widths].join(' and ')} columns: spaCy's zip would shift them`);
      if (Math.min(...widths) < 2) problems.push('a line has fewer than two columns (spaCy error E903)');
      for (const c of columns) {
        words.push(c[0] as string);
        tags.push(c[c.length - 1] as string);
      }
    }
    for (const t of tags) if (t !== 'O' && !/^[BI]-./.test(t)) problems.push(`tag ${t}: spaCy's iob_to_biluo reads B- and I- tags only`);
    documents.push({ words, tags });
  }
  return { documents, problems };
}
