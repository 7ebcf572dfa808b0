import { foldArabic } from './normalize';
import type { Word } from './words';

/**
 * Time zones written after a clock time: `بتوقيت غرينتش`, `بتوقيت مكة المكرمة`, `بالتوقيت المحلي`.
 * The zone is part of the time's span (it says which clock was read), but TIMEX3 values carry no
 * zone (the TimeML schema's time pattern has none), so the value stays the clock time as written.
 */
const ZONE_LEADS = new Set(['بتوقيت', 'بالتوقيت', 'توقيت', 'التوقيت'].map((w) => foldArabic(w)));
/** Second words of zone names, and adjectives of التوقيت. */
const ZONE_SECOND_WORDS = new Set(['المكرمة', 'المنورة', 'ظبي', 'المحلي', 'العالمي', 'الصيفي', 'الشتوي', 'الرسمي', 'المحلية'].map((w) => foldArabic(w)));
/** Zone names that follow the time without a lead word: الساعة 12 غرينتش. */
const BARE_ZONES = new Set(['غرينتش', 'غرينيتش', 'جرينتش', 'جرينيتش', 'GMT', 'UTC'].map((w) => foldArabic(w)));

/** A zone phrase at `i`: where it ends, and where the place it names starts (بتوقيت [الخرطوم]), if it names one. */
export function readZone(words: readonly Word[], i: number): { end: number; place?: number } {
  const end = zonePhraseEnd(words, i);
  const lead = words[i];
  return end > i + 1 && lead && ZONE_LEADS.has(lead.text) && !lead.text.startsWith('بال') && !lead.text.startsWith('ال') ? { end, place: i + 1 } : { end };
}

function zonePhraseEnd(words: readonly Word[], i: number): number {
  const w = words[i];
  if (!w || w.kind !== 'letters') return i;
  if (BARE_ZONES.has(w.text)) return i + 1;
  if (!ZONE_LEADS.has(w.text)) return i;
  const name = words[i + 1];
  if (!name || name.kind !== 'letters') return i;
  // بالتوقيت المحلي: the adjective is the zone.
  if (w.text.startsWith('بال') || w.text.startsWith('ال')) return ZONE_SECOND_WORDS.has(name.text) ? i + 2 : i;
  const second = words[i + 2];
  return second && second.kind === 'letters' && ZONE_SECOND_WORDS.has(second.text) ? i + 3 : i + 2;
}
