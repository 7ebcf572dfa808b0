/**
 * Reads the inline markup of Tawsim's evaluation texts:
 *
 *   # comment lines before the first text
 *   === NN-slug @YYYY-MM-DD          (the publication date is optional)
 *   text with [[LABEL|covered text]] and [[DATE=value|covered text]] marks
 *
 * Marks may nest (`[[TIME=…|الساعة 9:45 مساء بتوقيت [[LOC|الخرطوم]]]]`). Values may name a Hijri
 * period instead of spelling its Gregorian days, converted through ICU's Umm al-Qura calendar:
 * `{{HD:1445-12-3}}` a day, `{{H:1445-9}}` a month (first/last day), `{{HY:1445}}` a year.
 * Offsets are code points, end exclusive.
 */
import { formatYMD } from '../src/core/recognize/calendar';
import { hijriMonthRange, hijriToGregorian } from '../src/core/recognize/hijri';
import { codePointLength } from '../src/core/model/offsets';

export interface MarkedSpan {
  readonly label: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly value?: string;
}

export interface MarkedText {
  readonly slug: string;
  readonly date?: string;
  readonly text: string;
  readonly spans: readonly MarkedSpan[];
}

export function hijriValue(value: string): string {
  return value
    .replace(/\{\{HD:(\d+)-(\d+)-(\d+)\}\}/gu, (_, y: string, m: string, d: string) => {
      const g = hijriToGregorian({ year: Number(y), month: Number(m), day: Number(d) });
      if (!g) throw new Error(`no Hijri day ${y}-${m}-${d}`);
      return formatYMD(g);
    })
    .replace(/\{\{H:(\d+)-(\d+)\}\}/gu, (_, y: string, m: string) => {
      const r = hijriMonthRange(Number(y), Number(m));
      if (!r) throw new Error(`no Hijri month ${y}-${m}`);
      return `${formatYMD(r.first)}/${formatYMD(r.last)}`;
    })
    .replace(/\{\{HY:(\d+)\}\}/gu, (_, y: string) => {
      const a = hijriMonthRange(Number(y), 1);
      const b = hijriMonthRange(Number(y), 12);
      if (!a || !b) throw new Error(`no Hijri year ${y}`);
      return `${formatYMD(a.first)}/${formatYMD(b.last)}`;
    });
}

const OPEN = /\[\[([A-Z]+)(?:=([^|\]]+))?\|/uy;

/** One text's body: the plain text and its spans, sorted by start, end, label. */
export function parseMarkedBody(body: string, where: string): { text: string; spans: MarkedSpan[] } {
  let text = '';
  const spans: MarkedSpan[] = [];
  const open: { label: string; value?: string; start: number; textStart: number }[] = [];
  let i = 0;
  while (i < body.length) {
    OPEN.lastIndex = i;
    const m = OPEN.exec(body);
    if (m) {
      open.push({ label: m[1] as string, ...(m[2] !== undefined ? { value: hijriValue(m[2]) } : {}), start: codePointLength(text), textStart: text.length });
      i = OPEN.lastIndex;
    } else if (body.startsWith(']]', i)) {
      const top = open.pop();
      if (!top) throw new Error(`${where}: "]]" closes no mark`);
      const covered = text.slice(top.textStart);
      spans.push({ label: top.label, start: top.start, end: top.start + codePointLength(covered), text: covered, ...(top.value !== undefined ? { value: top.value } : {}) });
      i += 2;
    } else {
      const next = body.codePointAt(i) as number;
      text += String.fromCodePoint(next);
      i += next > 0xffff ? 2 : 1;
    }
  }
  if (open.length > 0) throw new Error(`${where}: ${open.length} mark(s) not closed`);
  if (text.includes('[[')) throw new Error(`${where}: unbalanced markup`);
  spans.sort((a, b) => a.start - b.start || a.end - b.end || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  return { text, spans };
}

/** Every text of a marked file. */
export function parseMarkedFile(source: string, fileName: string): MarkedText[] {
  const sections = source.replace(/\r\n/gu, '\n').split(/^=== /mu).slice(1);
  return sections.map((section) => {
    const newline = section.indexOf('\n');
    const header = (newline < 0 ? section : section.slice(0, newline)).trim();
    const [slug = '', dateTag] = header.split(/\s+/u);
    const body = (newline < 0 ? '' : section.slice(newline + 1)).replace(/\s+$/u, '') + '\n';
    const { text, spans } = parseMarkedBody(body, `${fileName}: ${slug}`);
    return { slug, ...(dateTag?.startsWith('@') ? { date: dateTag.slice(1) } : {}), text, spans };
  });
}

/** Whether a file holds this markup (a `=== ` header line). */
export function isMarkedSource(source: string): boolean {
  return /^=== \S/mu.test(source);
}
