import { COMMON_WORDS } from './commonWords';
import { hasArticle } from './words';

/** Nisba adjectives and their plurals (المغربي، الإسرائيلية، مغاربة aside): not names, not places. */
export function isNisbaLike(key: string): boolean {
  return key.length >= 4 && (key.endsWith('ي') || key.endsWith('يه') || key.endsWith('يين') || key.endsWith('يون'));
}

const ORGANISATION_ADJECTIVES = new Set(['العامه', 'العام', 'العليا', 'الاعلي', 'الكبري', 'الحره', 'الخاصه', 'العظمي', 'المتحده', 'الموحده']);

/** An adjective that can close an organisation's name: nisba, participle (المسلحة), or a listed one. */
export function isOrganisationAdjective(key: string): boolean {
  if (ORGANISATION_ADJECTIVES.has(key)) return true;
  if (!hasArticle(key)) return false;
  return isNisbaLike(key) || (key.startsWith('الم') && key.length >= 7);
}

/** Imperfect verbs (يؤكد، يستقبل, future سيزور), derived forms (استقبل): words, not names. */
export function isVerbLike(key: string): boolean {
  return (key.startsWith('ي') && key.length >= 4) || key.startsWith('است') || (/^س[يتن]/u.test(key) && key.length >= 5);
}

export function isCommonWord(key: string): boolean {
  return COMMON_WORDS.has(key);
}
