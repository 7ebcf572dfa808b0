/**
 * INCEpTION's WebAnno TSV 3.x reader, restated from Tsv3XDeserializer and Escaping: lines as
 * Java's readLine gives them (ends at LF, CR, CR LF); `#FORMAT=NAME MAJOR.MINOR`; schema lines
 * until a blank line, then one more blank line; then a state machine over sentence headers
 * (`#…`), token rows, sub-token rows (`N-M.K`) and blank lines, which may not end on a blank line
 * (the reader's END after a blank line is an error); every row has at least 3 + columns fields;
 * the document text is rebuilt from each sentence's `#Text=` lines, each followed by LF, padded
 * with spaces up to the sentence's first token and cut back by one LF when the next sentence
 * starts earlier. A row's text must be the rebuilt text at its UTF-16 offsets. Returns the
 * rebuilt text, the named entities (label and UTF-16 offsets) and the problems.
 *
 * Relations (webannotsv.adoc, "Relation Annotations"): a `#T_RL=` layer's last feature is `BT_`
 * and the base type; its columns come after every span layer's; a relation sits on a row of its
 * dependent, its feature values in the layer's columns and, in the base-type column, the row of
 * its governor; `|` separates relations stacked on one row in every column; `ROW[g_d]` names the
 * governor's and the dependent's disambiguation ids when either is ambiguous, `0` for the other.
 */
export function readLikeInception(content: string): {
  text: string;
  entities: { label: string; start: number; end: number }[];
  relations: { type: string; from: { label: string; start: number; end: number }; to: { label: string; start: number; end: number } }[];
  problems: string[];
} {
  const problems: string[] = [];
  const lines = content.split(/\r\n|\r|\n/);
  if (lines[lines.length - 1] === '' && content.endsWith('\n')) lines.pop();
  let n = 0;
  const next = (): string | undefined => lines[n++];
  if (!/^#FORMAT=.* \d+\.\d+$/.test(next() ?? '')) problems.push('illegal format header');
  let columns = 0;
  let neColumn = -1;
  let relationType = -1;
  let relationBase = -1;
  for (let line = next(); line !== undefined && line.trim() !== ''; line = next()) {
    const m = /^#T_(SP|CH|RL)=([^|]*)(\|.*)?$/.exec(line);
    if (!m) {
      problems.push(`not a layer declaration: ${line}`);
      break;
    }
    const features = m[3] === undefined ? [''] : m[3].slice(1).split('|');
    if (m[1] === 'RL' && !(features[features.length - 1] ?? '').startsWith('BT_')) problems.push(`a relation layer must end with its BT_ base type: ${line}`);
    features.forEach((f, k) => {
      if (m[2] === 'de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity' && f === 'value') neColumn = columns;
      if (m[1] === 'RL' && f === 'BT_de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity') {
        relationBase = columns;
        relationType = k === 0 ? -1 : columns - k;
      }
      columns++;
    });
  }
  if ((next() ?? '') !== '') problems.push('no second blank line after the schema');
  let text = '';
  let sentenceText = '';
  let prev: 'INTER' | 'HEADER' | 'TOKEN' = 'INTER';
  const spans = new Map<string, { label: string; start: number; end: number }>();
  const rows: { begin: number; end: number; token: string; line: number }[] = [];
  const onRow = new Map<string, string[]>();
  const arcs: { type: string; governorRow: string; g: number; dependentRow: string; d: number }[] = [];
  for (let line = next(); ; line = next()) {
    const state: 'END' | 'HEADER' | 'INTER' | 'TOKEN' =
      line === undefined ? 'END' : (prev === 'INTER' || prev === 'HEADER') && line.startsWith('#') ? 'HEADER' : line === '' ? 'INTER' : 'TOKEN';
    if (prev === 'INTER' && state !== 'HEADER') problems.push(`line ${n}: expected a sentence header, got ${state}`);
    if (prev === 'HEADER' && state !== 'HEADER' && state !== 'TOKEN') problems.push(`line ${n}: expected a sentence header or a token`);
    if (state === 'END') break;
    if (state === 'HEADER' && line?.startsWith('#Text=')) sentenceText += `${unescapeText(line.slice(6))}\n`;
    if (state === 'TOKEN' && line !== undefined) {
      const fields = line.split('\t');
      if (fields.length < columns + 3) problems.push(`line ${n}: ${fields.length} fields, ${columns + 3} expected`);
      const [begin, end] = (fields[1] ?? '').split('-').map(Number) as [number, number];
      if (prev === 'HEADER') {
        if (text.length > begin) {
          if (text.length !== begin + 1 || !text.endsWith('\n')) problems.push(`line ${n}: the sentence starts before the previous one ends`);
          text = text.slice(0, -1);
        }
        if (text.length < begin) text += ' '.repeat(begin - text.length);
        text += sentenceText;
        sentenceText = '';
      }
      rows.push({ begin, end, token: fields[2] ?? '', line: n });
      const value = fields[neColumn + 3] ?? '_';
      if (neColumn >= 0 && value !== '_') {
        value.split(/(?<!\\)\|/).forEach((item, stack) => {
          const m = /^(.*?)(?:\[(\d+)\])?$/.exec(item) as RegExpExecArray;
          const key = m[2] !== undefined ? `id${m[2]}` : `${fields[0]}/${stack}`;
          onRow.set(fields[0] ?? '', [...(onRow.get(fields[0] ?? '') ?? []), key]);
          const label = (m[1] as string).replace(/\\(->|[\\[\]|_;*])/g, '$1');
          const known = spans.get(key);
          if (known) known.end = Math.max(known.end, end);
          else spans.set(key, { label, start: begin, end });
        });
      }
    }
    if (state === 'TOKEN' && line !== undefined && relationBase >= 0) {
      const fields = line.split('\t');
      const base = fields[relationBase + 3] ?? '_';
      if (base !== '_') {
        const types = relationType < 0 ? [] : (fields[relationType + 3] ?? '').split(/(?<!\\)\|/);
        base.split('|').forEach((ref, stack) => {
          const r = /^(\d+-\d+(?:\.\d+)?)(?:\[(\d+)_(\d+)\])?$/.exec(ref);
          if (!r) problems.push(`line ${n}: bad relation reference ${ref}`);
          else
            arcs.push({
              type: (types[stack] ?? '*').replace(/\\(->|[\\[\]|_;*])/g, '$1'),
              governorRow: r[1] as string,
              g: Number(r[2] ?? 0),
              dependentRow: fields[0] ?? '',
              d: Number(r[3] ?? 0),
            });
        });
      }
    }
    prev = state === 'HEADER' ? 'HEADER' : state === 'INTER' ? 'INTER' : 'TOKEN';
  }
  if (prev === 'INTER') problems.push('the file ends with a blank line: the reader fails at its end');
  for (const r of rows) if (text.slice(r.begin, r.end) !== r.token) problems.push(`line ${r.line}: the row's text is not the rebuilt text at ${r.begin}-${r.end}`);
  const end = (row: string, id: number): { label: string; start: number; end: number } | undefined => {
    if (id !== 0) return spans.get(`id${id}`);
    const keys = onRow.get(row) ?? [];
    if (keys.length !== 1) problems.push(`row ${row}: a relation end without a disambiguation id on a row with ${keys.length} annotations`);
    return spans.get(keys[0] ?? '');
  };
  const relations = arcs.flatMap((a) => {
    const from = end(a.governorRow, a.g);
    const to = end(a.dependentRow, a.d);
    if (!from || !to) problems.push(`a relation from ${a.governorRow} to ${a.dependentRow} has no annotation at an end`);
    return from && to ? [{ type: a.type, from, to }] : [];
  });
  return { text, entities: [...spans.values()], relations, problems };
}

function unescapeText(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/\\([tnfrb\\]|[\u0000-\u0007\u000e-\u001f])/g, (_, c: string) => ({ t: '\t', n: '\n', f: '\f', r: '\r', b: '\b', '\\': '\\' })[c] ?? c);
}
