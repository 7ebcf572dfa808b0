import { pyLen, pySlice, pythonSplit, pythonSplitlines } from './python';

/**
 * brat's rules for a .ann beside its .txt, restated from server/src/annotation.py
 * (TextAnnotations, _parse_ann_lines, _split_textbound_data, _parse_textbound_annotation,
 * _parse_comment_annotation, _parse_attribute_annotation) and verify_annotations.py: every problem
 * brat would report for the pair, as sentences. An empty list means brat loads the file cleanly.
 */
export function bratProblems(ann: string, txt: string, conf?: string): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  const types = new Set<string>();
  const attributeValues: { name: string; value: string }[] = [];
  const references: { line: number; target: string }[] = [];
  pythonSplitlines(ann).forEach((line, i) => {
    const at = `line ${i + 1}`;
    const tab = line.indexOf('\t');
    if (tab < 0) return void problems.push(`${at}: no tab after the id`);
    const id = line.slice(0, tab);
    if (!/^([A-Za-z]+|#[A-Za-z]*)[0-9]+.*$/.test(id) && id !== '*') return void problems.push(`${at}: invalid id ${id}`);
    if (ids.has(id) && id !== '*') problems.push(`${at}: duplicate id ${id}`);
    ids.add(id);
    const rest = line.slice(tab + 1);
    const second = rest.indexOf('\t');
    const data = second < 0 ? rest : rest.slice(0, second);
    const tail = second < 0 ? '' : rest.slice(second);
    const kind = id[0];
    if (kind === 'T') {
      const space = data.indexOf(' ');
      if (space < 0) return void problems.push(`${at}: no offsets`);
      types.add(data.slice(0, space));
      const spans: [number, number][] = [];
      for (const fragment of data.slice(space + 1).split(';')) {
        const parts = fragment.split(' ');
        if (parts.length !== 2 || !/^\d+$/.test(parts[0] as string) || !/^\d+$/.test((parts[1] as string).trimEnd()))
          return void problems.push(`${at}: bad fragment ${JSON.stringify(fragment)}`);
        const [s, e] = [Number(parts[0]), Number(parts[1])];
        if (s > e) problems.push(`${at}: start > end`);
        if (e > pyLen(txt)) problems.push(`${at}: offset exceeds text length`);
        if (spans.some(([os, oe]) => e >= os && s < oe)) problems.push(`${at}: text-bound annotation spans overlap`);
        spans.push([s, e]);
      }
      const spanlen = spans.reduce((n, [s, e]) => n + e - s, 0) + (spans.length - 1);
      if (tail.trim() === '') return void problems.push(`${at}: missing text (brat would rewrite the line)`);
      if (tail[0] !== '\t') return void problems.push(`${at}: missing tab before text`);
      const stated = Array.from(tail.slice(1));
      if (spanlen > stated.length) return void problems.push(`${at}: text shorter than the marked spans`);
      const text = stated.slice(0, spanlen).join('');
      const reference = spans.map(([s, e]) => pySlice(txt, s, e)).join(' ');
      if (text !== reference) problems.push(`${at}: text ${JSON.stringify(text)} does not match ${JSON.stringify(reference)}`);
      const after = stated[spanlen];
      if (after !== undefined && pythonSplit(after).length !== 0) problems.push(`${at}: text not separated from the rest of the line by space`);
    } else if (kind === '#') {
      const parts = pythonSplit(data);
      if (parts.length !== 2) return void problems.push(`${at}: a comment needs a type and a target`);
      references.push({ line: i + 1, target: parts[1] as string });
    } else if (kind === 'A' || kind === 'M') {
      const m = /^(.+?) (.+?) (.+?)$/u.exec(data) ?? /^(.+?) (.+?)$/u.exec(data);
      if (!m) return void problems.push(`${at}: bad attribute line`);
      references.push({ line: i + 1, target: m[2] as string });
      if (m[3] !== undefined) attributeValues.push({ name: m[1] as string, value: m[3] });
    } else if (kind !== 'R' && kind !== 'E' && kind !== 'N' && kind !== '*') {
      problems.push(`${at}: unknown annotation kind ${kind}`);
    }
  });
  for (const r of references) if (!ids.has(r.target)) problems.push(`line ${r.line}: refers to missing ${r.target}`);
  if (conf !== undefined) problems.push(...confProblems(conf, types, attributeValues));
  return problems;
}

/** verify_annotations: every entity type is declared in [entities], every attribute value in [attributes]. */
function confProblems(conf: string, types: ReadonlySet<string>, values: readonly { name: string; value: string }[]): string[] {
  const sections = new Map<string, string[]>();
  let section = '';
  for (const line of conf.split('\n')) {
    const m = /^\[(\w+)\]$/.exec(line.trim());
    if (m) section = m[1] as string;
    else if (line.trim() !== '' && !line.startsWith('#')) sections.set(section, [...(sections.get(section) ?? []), line]);
  }
  const entities = new Set((sections.get('entities') ?? []).map((l) => l.trim()));
  const problems = [...types].filter((t) => !entities.has(t)).map((t) => `annotation.conf does not declare the entity type ${t}`);
  for (const { name, value } of values) {
    const declared = (sections.get('attributes') ?? []).find((l) => l.startsWith(`${name}\t`));
    const allowed = /Value:([^,]*)/.exec(declared ?? '')?.[1]?.split('|') ?? [];
    if (!allowed.includes(value)) problems.push(`annotation.conf does not allow the value ${value} of ${name}`);
  }
  return problems;
}
