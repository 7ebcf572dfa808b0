import { pySlice } from './python';

/**
 * Prodigy's task format for manual NER (prodigy.ai/docs/api-interfaces, ner_manual) and spaCy's
 * `Doc(vocab, words, spaces)`, restated: `text`; `tokens` with `text`, `start`, `end` (character
 * offsets as Python counts them), consecutive `id`s and `ws` (a space follows); `spans` with
 * `start`, `end`, `label`, and `token_start`/`token_end` (inclusive) naming the tokens the span
 * starts and ends on; `answer` accept, reject or ignore. spaCy rebuilds the text by joining each
 * token's text and a space where `ws` is true: it must be the task's text exactly.
 */
export function prodigyProblems(content: string): string[] {
  const problems: string[] = [];
  content.split('\n').forEach((raw, i) => {
    if (raw === '') return;
    const at = `line ${i + 1}`;
    const task = JSON.parse(raw) as {
      text: string;
      tokens: { text: string; start: number; end: number; id: number; ws: boolean }[];
      spans: Record<string, unknown>[];
      answer?: string;
    };
    if (typeof task.text !== 'string') return void problems.push(`${at}: no text`);
    if (task.answer !== undefined && !['accept', 'reject', 'ignore'].includes(task.answer)) problems.push(`${at}: answer ${task.answer}`);
    const rebuilt = task.tokens.map((t) => t.text + (t.ws ? ' ' : '')).join('');
    if (rebuilt !== task.text) problems.push(`${at}: words and spaces do not give the text back`);
    task.tokens.forEach((t, k) => {
      if (t.id !== k) problems.push(`${at}: token ${k} has id ${t.id}`);
      if (pySlice(task.text, t.start, t.end) !== t.text) problems.push(`${at}: token ${k}'s offsets do not give its text`);
    });
    for (const s of task.spans) {
      const first = task.tokens[s['token_start'] as number];
      const last = task.tokens[s['token_end'] as number];
      if (typeof s['label'] !== 'string') problems.push(`${at}: a span without label`);
      if (!first || !last || first.start !== s['start'] || last.end !== s['end']) problems.push(`${at}: span ${String(s['start'])}-${String(s['end'])} is not on its tokens`);
    }
  });
  return problems;
}
