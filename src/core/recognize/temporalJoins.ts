import type { YMD } from './calendar';
import { formatYMD, isoWeekday, parseYMD } from './calendar';
import type { WordMatch } from './dates';
import { isDayValue } from './dayParts';
import { nearestPartOfYear } from './periodValue';
import { foldArabic } from './normalize';
import type { Word } from './words';

/**
 * What joins two readings into one expression, and what a reading takes from its neighbours:
 * - both calendars in one expression: `21 جمادى الأولى 1351هـ الموافق 22 سبتمبر 1932م`, or the
 *   other calendar in brackets, is one span with the Gregorian value;
 * - `23 سبتمبر من كل عام` is a set (`XXXX-09-23`), `يوم الجمعة من كل أسبوع` too (`XXXX-WXX-5`);
 * - a clock time takes the day of the date just before it in the sentence, or right after it, else
 *   the publication date (`الساعة العاشرة` → `2023-01-18T10:00`);
 * - a quarter or a half without its year takes the year the sentence named before it (`النصف الأول
 *   من 2023 ثم النصف الثاني`), else a quarter is the one nearest the publication date.
 */
const AGREEING = new Set(['الموافق', 'الموافقة', 'والموافق'].map((w) => foldArabic(w)));
const TO_LETTER = foldArabic('ل');
const EVERY = foldArabic('كل');
const OF = foldArabic('من');
const PERIOD_OF_SET = new Map(
  [
    ['عام', 'year'],
    ['سنة', 'year'],
    ['شهر', 'month'],
    ['أسبوع', 'week'],
  ].map(([w, p]) => [foldArabic(w as string), p as 'year' | 'month' | 'week']),
);
const SENTENCE_END = new Set(['.', '؟', '?', '!', '؛', ';']);
/** How far back (in words) a clock time looks for its day. */
const DAY_REACH = 20;
/** How far back (in words) a period without its year looks for the year its sentence named. */
const SENTENCE_REACH = 40;

/** Reads the expression starting at a word index, as the readers do together. */
export type ReadAt = (i: number) => WordMatch | undefined;

/** Joins the other calendar's date after `m`, when the text pairs them. */
export function joinOtherCalendar(m: WordMatch, words: readonly Word[], readAt: ReadAt): WordMatch {
  const at = words[m.end];
  if (!at) return m;
  let k = m.end + 1;
  let close = false;
  if (AGREEING.has(at.text)) {
    if (words[k]?.text === TO_LETTER) k++;
  } else if (at.kind === 'mark' && at.text === '(') close = true;
  else return m;
  const n = readAt(k);
  if (!n || n.start !== k || n.skip !== 0) return m;
  const hijriFirst = m.reason.includes('hijri');
  const hijriSecond = n.reason.includes('hijri');
  // يوم الأحد القادم الموافق الخامس من مارس names one calendar twice: two dates, as written, the
  // weekday taking the day the date names.
  if (hijriFirst === hijriSecond) return m.reason === 'date: weekday' && !close && isDayValue(n.value) ? { ...m, value: n.value } : m;
  if (close && words[n.end]?.text !== ')') return m;
  const value = hijriFirst && !hijriSecond ? n.value : m.value;
  return { ...m, end: close ? n.end + 1 : n.end, value, reason: `${m.reason}, with the other calendar` };
}

/** `23 سبتمبر من كل عام`: the date becomes a set that repeats every year (month, week). */
export function joinEvery(m: WordMatch, words: readonly Word[]): WordMatch {
  if (!m.value || !m.reason.startsWith('date')) return m;
  let k = m.end;
  if (words[k]?.text === OF) k++;
  if (words[k]?.text !== EVERY) return m;
  const period = PERIOD_OF_SET.get(words[k + 1]?.text ?? '');
  if (!period) return m;
  const value = setValue(m.value, period);
  return value ? { ...m, end: k + 2, value, reason: 'date: set' } : m;
}

function setValue(value: string, period: 'year' | 'month' | 'week'): string | undefined {
  const day = /^(?:\d{4}|XXXX)-(\d{2})-(\d{2})$/.exec(value);
  if (period === 'year') {
    if (day) return `XXXX-${day[1]}-${day[2]}`;
    const month = /^(?:\d{4}|XXXX)-(\d{2})$/.exec(value);
    return month ? `XXXX-${month[1]}` : undefined;
  }
  if (period === 'month') return day ? `XXXX-XX-${day[2]}` : undefined;
  const weekday = /^(?:\d{4}|XXXX)-W(?:\d{2}|XX)-([1-7])$/.exec(value);
  if (weekday) return `XXXX-WXX-${weekday[1]}`;
  const date = parseYMD(value);
  return date ? `XXXX-WXX-${isoWeekday(date)}` : undefined;
}

/** Gives each quarter or half without a written year its year (see the file comment); drops those that have none. */
export function anchorOpenYears(matches: WordMatch[], words: readonly Word[], doc: YMD | undefined): WordMatch[] {
  if (!matches.some((m) => m.openYear)) return matches;
  const out: WordMatch[] = [];
  for (const m of matches) {
    if (!m.openYear || !m.value) {
      out.push(m);
      continue;
    }
    const named = yearBefore(out, m, words);
    const part = /^XXXX-([QH])(\d)/.exec(m.value);
    let year = named;
    if (year === undefined && m.openYear === 'nearest' && doc && part) year = nearestPartOfYear(part[1] as 'Q' | 'H', Number(part[2]), doc);
    if (year === undefined && m.openYear === 'sentence') continue;
    const { openYear: _open, ...rest } = m;
    out.push(year === undefined ? rest : { ...rest, value: m.value.replace(/XXXX/g, String(year).padStart(4, '0')) });
  }
  return out;
}

/** The year of the last dated reading before `m` in its sentence (a day, a month, a year, a part of a year). */
function yearBefore(before: readonly WordMatch[], m: WordMatch, words: readonly Word[]): number | undefined {
  for (let k = before.length - 1; k >= 0; k--) {
    const p = before[k] as WordMatch;
    if (m.start - p.end > SENTENCE_REACH) return undefined;
    for (let w = p.end; w < m.start; w++) if (SENTENCE_END.has(words[w]?.text ?? '')) return undefined;
    const year = p.reason.startsWith('date') && p.reason !== 'date: set' ? /^(\d{4})(?:-|$|\/)/.exec(p.value ?? '') : null;
    if (year) return Number(year[1]);
  }
  return undefined;
}

/** Gives each clock time without a day the day it belongs to (see the file comment). */
export function anchorTimes(matches: WordMatch[], words: readonly Word[], doc: YMD | undefined): WordMatch[] {
  if (!matches.some((m) => m.value?.startsWith('T'))) return matches;
  return matches.map((m, index) => {
    if (!m.reason.startsWith('time') || !m.value?.startsWith('T')) return m;
    const day = dayBefore(matches, index, words) ?? dayRightAfter(matches, index) ?? (doc ? formatYMD(doc) : undefined);
    return day ? { ...m, value: `${day}${m.value}` } : m;
  });
}

function dayBefore(matches: readonly WordMatch[], index: number, words: readonly Word[]): string | undefined {
  const time = matches[index] as WordMatch;
  for (let k = index - 1; k >= 0; k--) {
    const p = matches[k] as WordMatch;
    if (time.start - p.end > DAY_REACH) return undefined;
    for (let w = p.end; w < time.start; w++) if (SENTENCE_END.has(words[w]?.text ?? '')) return undefined;
    // A set (23 سبتمبر من كل عام) repeats; it dates nothing.
    if (p.reason.startsWith('date') && p.reason !== 'date: set' && isDayValue(p.value)) return p.value;
  }
  return undefined;
}

function dayRightAfter(matches: readonly WordMatch[], index: number): string | undefined {
  const time = matches[index] as WordMatch;
  const next = matches[index + 1];
  return next && next.start === time.end && next.reason.startsWith('date') && isDayValue(next.value) ? next.value : undefined;
}
