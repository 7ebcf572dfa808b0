import { CLAUSE_MARKS, NAME_CONNECTORS, PARTICLES, isCommonAsWritten } from './commonWords';
import type { Lexicon } from './lexicon';
import { isCommonWord, isNisbaLike, isOrganisationAdjective, isVerbLike } from './nameWords';
import type { WordList } from './wordList';
import { hasArticle, stemsOf } from './words';

/** An entity found in the word sequence: words [start, end), the first entered after `skip` letters. */
export interface EntityCandidate {
  readonly start: number;
  readonly end: number;
  readonly skip: number;
  readonly label: string;
  readonly reason: string;
  /** Gazetteer names outrank rules on equal length. */
  readonly priority: number;
}

/** Place names that are also common words (مالي "financial", بنين "sons"): only after a word that expects a place. */
const AMBIGUOUS_PLACES = new Set(['مالي', 'بنين', 'جورجيا', 'الكاف', 'سوسه', 'حائل', 'ينبع', 'تشاد']);
const PLACE_CONTEXT = new Set(['في', 'من', 'الي', 'دوله', 'جمهوريه', 'عاصمه', 'مدينه', 'شمال', 'جنوب', 'شرق', 'غرب', 'وسط', 'حكومه', 'رئيس', 'سفير', 'زار', 'زياره']);
/** Place words whose name is a facility: the word belongs to the span (مطار محمد الخامس). */
const FACILITY_WORDS = new Set(['مطار', 'ميناء', 'معبر', 'شارع', 'ساحه', 'ميدان', 'مخيم', 'ملعب', 'مرفا', 'قصر', 'جسر', 'مرسي']);
/** Words that open a place name of several words: سيدي قاسم، بني ملال، عين صالح. */
const PLACE_PREFIXES = new Set([
  'سيدي',
  'بني',
  'عين',
  'بير',
  'بئر',
  'راس',
  'تل',
  'جبل',
  'وادي',
  'دير',
  'كفر',
  'بيت',
  'ابو',
  'ام',
  'خان',
  'سان',
  'سانت',
  'بورت',
  'لاس',
  'لوس',
  'نيو',
  'حي',
  'سيد',
]);
/** Heads that may be followed by a brand or proper name without the article: شركة أرامكو. */
const NAMED_HEADS = new Set([
  'شركه',
  'بنك',
  'مصرف',
  'صحيفه',
  'جريده',
  'مجله',
  'قناه',
  'اذاعه',
  'وكاله',
  'نادي',
  'فريق',
  'مجموعه',
  'حركه',
  'جبهه',
  'جامعه',
  'مؤسسه',
  'تنظيم',
  'جماعه',
  'حزب',
  'مستشفي',
]);
/** Prepositions that may sit inside a title's description (سفير المغرب في فرنسا، المتحدث باسم). */
const DESCRIPTION_PREPOSITIONS = new Set(['في', 'لدي', 'عن', 'من', 'علي', 'الي', 'باسم', 'لشؤون', 'المكلف', 'المكلفه']);

const MAX_NAME_WORDS = 6;
const TITLE_WINDOW = 10;

export class EntityReader {
  private readonly words: WordList;

  /** Words inside an organisation's name: a title's description, never the start of a person's name. */
  private readonly inOrganisation: Uint8Array;

  constructor(
    words: WordList,
    private readonly lexicon: Lexicon,
    /** Words already read as dates or times: no entity may use them. */
    private readonly blocked: Uint8Array,
    /** The word as written in the original text (harakat removed), for checks folding would blur. */
    private readonly written: (i: number) => string = (i) => words[i]?.text ?? '',
  ) {
    this.words = words;
    this.inOrganisation = new Uint8Array(words.length);
  }

  private key(i: number): string {
    return this.words[i]?.text ?? '';
  }

  private isLetters(i: number): boolean {
    return this.words[i]?.kind === 'letters' && this.blocked[i] === 0;
  }

  private isClauseMark(i: number): boolean {
    const w = this.words[i];
    return w === undefined || (w.kind === 'mark' && CLAUSE_MARKS.has(w.text));
  }

  findAll(): EntityCandidate[] {
    const out: EntityCandidate[] = [];
    // Organisations first: their words describe a title's office and cannot start a name.
    for (let i = 0; i < this.words.length; i++) {
      if (!this.isLetters(i)) continue;
      const before = out.length;
      this.organisationAt(i, out);
      for (let n = before; n < out.length; n++) {
        const c = out[n] as EntityCandidate;
        for (let k = c.start; k < c.end; k++) this.inOrganisation[k] = 1;
      }
    }
    for (let i = 0; i < this.words.length; i++) {
      if (!this.isLetters(i)) continue;
      this.gazetteerAt(i, out);
      this.titleAt(i, out);
      this.givenNameAt(i, out);
      this.placeWordAt(i, out);
    }
    return out;
  }

  private gazetteerAt(i: number, out: EntityCandidate[]): void {
    const m = this.lexicon.entities.matchAt(this.words, i);
    if (!m || !this.free(m.start, m.end)) return;
    if (m.end - m.start === 1 && AMBIGUOUS_PLACES.has(m.key) && !(m.skip > 0 || PLACE_CONTEXT.has(this.key(i - 1)))) return;
    let end = m.end;
    // A listed person may be named more fully in the text: محمد بن سلمان آل سعود.
    if (m.payload.label === 'PER') end = this.extendName(end);
    out.push({ start: i, end, skip: m.skip, label: m.payload.label, reason: `gazetteer: ${m.payload.gazetteer}`, priority: 3 });
  }

  private free(start: number, end: number): boolean {
    for (let k = start; k < end; k++) if (this.blocked[k] !== 0) return false;
    return true;
  }

  // ---- people ----

  /** A given name (one or several words), or عبد/أبو + a word, starting at i. */
  private givenAt(i: number, allowClitics: boolean): { end: number; skip: number; key: string } | undefined {
    if (!this.isLetters(i)) return undefined;
    const m = this.lexicon.givenNames.matchAt(this.words, i, allowClitics);
    if (m) {
      // A clitic reading is a name only when the bare word is not a word of its own.
      if (m.skip > 0 && isCommonAsWritten(this.key(i), this.written(i))) return undefined;
      return { end: m.end, skip: m.skip, key: m.key };
    }
    const key = this.key(i);
    if ((key === 'عبد' || key === 'ابو') && this.isLetters(i + 1) && !isCommonWord(this.key(i + 1))) return { end: i + 2, skip: 0, key };
    return undefined;
  }

  private personAt(i: number): number | undefined {
    const m = this.lexicon.entities.matchAt(this.words, i, false);
    return m && m.payload.label === 'PER' ? m.end : undefined;
  }

  /** Could word i be part of a name? Not a particle, verb, title, known place, or clitic + article. */
  private nameLike(i: number): boolean {
    if (!this.isLetters(i)) return false;
    const key = this.key(i);
    if (key.length < 2 || isCommonAsWritten(key, this.written(i))) return false;
    // Plural nisbas (اللبنانيون، المغاربة aside) describe people; they are not names.
    if (hasArticle(key) && (key.endsWith('يون') || key.endsWith('يين'))) return false;
    if (this.lexicon.givenNames.hasFirst(key)) return true;
    if (isVerbLike(key)) return false;
    if (this.lexicon.titles.hasFirst(key) || this.lexicon.organisationHeads.hasFirst(key) || this.lexicon.placeWords.hasFirst(key)) return false;
    const first = key[0] as string;
    // و ف starting a word that is not a name is a conjunction; ب ل ك + article is a preposition.
    if ((first === 'و' || first === 'ف') && key.length > 3) return false;
    if ('بلك'.includes(first) && (key.startsWith('ال', 1) || key.startsWith('لل'))) return false;
    // بإدارة، لوزير: a proclitic on a word that is a title, a head or a common word.
    const stems = this.words.stems[i] ?? stemsOf(key);
    for (const s of stems) {
      if (s.skip === 0) continue;
      if (isCommonWord(s.key) || this.lexicon.titles.hasFirst(s.key) || this.lexicon.organisationHeads.hasFirst(s.key) || this.lexicon.placeWords.hasFirst(s.key)) return false;
    }
    const entity = this.lexicon.entities.matchAt(this.words, i);
    if (entity && entity.payload.label !== 'PER') return false;
    return true;
  }

  /** Extends a name over following name words (surnames, بن X, آل X) up to a clause end or a common word. */
  private extendName(from: number, startedAt = from - 1): number {
    let j = from;
    while (j < startedAt + MAX_NAME_WORDS && this.isLetters(j)) {
      const person = this.personAt(j);
      if (person !== undefined) {
        j = person;
        continue;
      }
      const key = this.key(j);
      if (NAME_CONNECTORS.has(key) && this.isLetters(j + 1) && !isCommonWord(this.key(j + 1))) {
        j += 2;
        continue;
      }
      const given = this.givenAt(j, false);
      if (given) {
        j = given.end;
        continue;
      }
      if (!this.nameLike(j)) break;
      j++;
    }
    return j;
  }

  /** A person from a given name alone: محمد بن سلمان، درور شالوم (two words at least). */
  private givenNameAt(i: number, out: EntityCandidate[]): void {
    const g = this.givenAt(i, true);
    if (!g) return;
    const ambiguous = g.end - i === 1 && isCommonAsWritten(g.key, this.written(i).slice(g.skip));
    if (ambiguous) {
      const next = g.end;
      if (!(this.givenAt(next, false) || NAME_CONNECTORS.has(this.key(next)) || this.personAt(next) !== undefined)) return;
    }
    const end = this.extendName(g.end, i);
    if (end - i < 2) return;
    out.push({ start: i, end, skip: g.skip, label: 'PER', reason: `given name: ${this.key(i).slice(g.skip)}`, priority: 1 });
  }

  /** A title (الرئيس، المفتش العام، رئيس أركان) and the name it introduces, near or after a description. */
  private titleAt(i: number, out: EntityCandidate[]): void {
    const t = this.lexicon.titles.matchAt(this.words, i);
    if (!t) return;
    const reason = `title: ${t.payload}`;
    let k = t.end;
    if (this.words[k]?.text === '.' && t.key.length === 1) k++; // د. محمد
    // Adjectives right after the title: الرئيس الأمريكي، الوزير المنتدب، السابق.
    while (k < t.end + 3 && this.isLetters(k) && hasArticle(this.key(k)) && !this.givenAt(k, false) && (isNisbaLike(this.key(k)) || isCommonWord(this.key(k)))) k++;
    const direct = this.nameAt(k, true);
    if (direct !== undefined) {
      out.push({ start: k, end: direct, skip: 0, label: 'PER', reason, priority: 2 });
      return;
    }
    let described = false;
    for (let j = k; j < k + TITLE_WINDOW; j++) {
      const w = this.words[j];
      if (!w) return;
      if (w.kind === 'mark') {
        if (w.text === '،' || w.text === ',') {
          // An apposition: "مدير المكتب …، درور شالوم، بحث".
          const end = this.nameAt(j + 1, false);
          if (end !== undefined && end - (j + 1) <= 4 && this.isClauseMark(end)) out.push({ start: j + 1, end, skip: 0, label: 'PER', reason, priority: 2 });
        }
        return;
      }
      if (this.blocked[j] !== 0) return;
      const key = w.text;
      if (this.inOrganisation[j] !== 0) {
        described = true;
        continue;
      }
      if (this.givenAt(j, false) || this.personAt(j) !== undefined) {
        const end = this.nameAt(j, false);
        if (end !== undefined) out.push({ start: j, end, skip: 0, label: 'PER', reason, priority: 2 });
        return;
      }
      if (isCommonWord(key) && !DESCRIPTION_PREPOSITIONS.has(key)) return;
      // After a described office, an unknown name of two words: "… للقوات المسلحة الملكية بلخير الفاروق".
      if (described && !hasArticle(key) && !isNisbaLike(key) && this.nameLike(j) && this.nameLike(j + 1)) {
        const end = this.extendName(j + 1, j);
        out.push({ start: j, end, skip: 0, label: 'PER', reason, priority: 2 });
        return;
      }
      described = hasArticle(key) || key.startsWith('لل') || key.startsWith('بال') || this.lexicon.entities.matchAt(this.words, j) !== undefined;
    }
  }

  /** End of a name starting at i, or undefined when word i cannot start one. */
  private nameAt(i: number, afterTitle: boolean): number | undefined {
    if (!this.isLetters(i) || this.inOrganisation[i] !== 0) return undefined;
    const person = this.personAt(i);
    if (person !== undefined) return this.extendName(person, i);
    const given = this.givenAt(i, false);
    if (given) return this.extendName(given.end, i);
    const key = this.key(i);
    if (!this.nameLike(i) || hasArticle(key) || isNisbaLike(key)) return undefined;
    const end = this.extendName(i + 1, i);
    // One unknown word is a name only right after its title (الرئيس تبون).
    return end - i >= 2 || afterTitle ? end : undefined;
  }

  // ---- organisations ----

  /** وزارة الأمن الإسرائيلية، القيادة العامة للقوات المسلحة الملكية، جيش الاحتلال الإسرائيلي. */
  private organisationAt(i: number, out: EntityCandidate[]): void {
    const head = this.lexicon.organisationHeads.matchAt(this.words, i);
    if (!head) return;
    const definite = head.key.startsWith('ال');
    let phase: 'noun' | 'adjective' = definite ? 'adjective' : 'noun';
    let parts = 0;
    let constructs = 0;
    let j = head.end;
    let lastNoun: string | undefined;
    while (j < head.end + 8 && this.isLetters(j)) {
      const key = this.key(j);
      if (PARTICLES.has(key)) break;
      const entity = this.lexicon.entities.matchAt(this.words, j, false);
      if (phase === 'noun') {
        if (entity) {
          parts++;
          j = entity.end;
          phase = 'adjective';
          continue;
        }
        if (hasArticle(key) || (key.startsWith('لل') && key.length > 4)) {
          parts++;
          lastNoun = key;
          j++;
          phase = 'adjective';
          continue;
        }
        // Construct nouns before the genitive: مجلس حقوق الإنسان، سلطة منطقة العقبة.
        if (
          constructs < 2 &&
          !isVerbLike(key) &&
          !this.givenAt(j, false) &&
          this.isLetters(j + 1) &&
          (hasArticle(this.key(j + 1)) || this.lexicon.entities.matchAt(this.words, j + 1, false)) &&
          !PARTICLES.has(this.key(j + 1))
        ) {
          constructs++;
          j++;
          continue;
        }
        if (parts === 0 && constructs === 0 && NAMED_HEADS.has(head.key) && this.nameLike(j) && !isNisbaLike(key)) {
          parts++;
          j++;
          phase = 'adjective';
          continue;
        }
        break;
      }
      if (isOrganisationAdjective(key)) {
        if (!agrees(key, head.key, lastNoun)) break;
        parts++;
        j++;
        continue;
      }
      if (entity && entity.payload.label !== 'ORG') break;
      if (isCommonWord(key)) break;
      // A genitive with ل: للقوات، لحقوق الإنسان.
      if (key.startsWith('لل') && key.length > 4) {
        parts++;
        lastNoun = 'ا' + key.slice(1);
        j++;
        continue;
      }
      if (key.startsWith('ل') && key.length >= 4 && this.isLetters(j + 1) && hasArticle(this.key(j + 1)) && !isCommonWord(this.key(j + 1))) {
        parts += 2;
        lastNoun = this.key(j + 1);
        j += 2;
        continue;
      }
      // Coordination inside the name: حزب العدالة والتنمية، وزارة الاقتصاد والمالية.
      if (key.startsWith('وال') && key.length > 5 && !this.lexicon.organisationHeads.hasFirst(key.slice(1)) && !this.lexicon.titles.hasFirst(key.slice(1))) {
        parts++;
        lastNoun = key.slice(1);
        j++;
        continue;
      }
      break;
    }
    if (parts === 0 || !this.free(i, j)) return;
    out.push({ start: i, end: j, skip: head.skip, label: 'ORG', reason: `organisation: ${head.payload}`, priority: 2 });
  }

  // ---- places ----

  /** مدينة طنجة، محافظة X، العاصمة المغربية الرباط; facilities keep their word (مطار محمد الخامس). */
  private placeWordAt(i: number, out: EntityCandidate[]): void {
    const p = this.lexicon.placeWords.matchAt(this.words, i);
    if (!p) return;
    let k = p.end;
    while (k < p.end + 2 && this.isLetters(k) && hasArticle(this.key(k)) && isNisbaLike(this.key(k))) k++;
    if (!this.isLetters(k)) return;
    const known = this.lexicon.entities.matchAt(this.words, k, false);
    if (known && known.payload.label === 'LOC') {
      // The gazetteer has the place; a facility keeps its word (مطار دمشق).
      if (FACILITY_WORDS.has(p.key) && k === p.end) out.push({ start: i, end: known.end, skip: p.skip, label: 'LOC', reason: `place word: ${p.payload}`, priority: 1 });
      return;
    }
    const key = this.key(k);
    // An unknown word with a proclitic (بحضور، وقال) is not a place name.
    if ('وفبلك'.includes(key[0] as string) && !this.givenAt(k, false)) return;
    if (isCommonWord(key) || isVerbLike(key) || isNisbaLike(key) || this.lexicon.organisationHeads.hasFirst(key) || this.lexicon.placeWords.hasFirst(key)) return;
    let end = k + 1;
    if (PLACE_PREFIXES.has(key) || this.givenAt(k, false)) {
      if (!this.nameLike(k + 1) && !this.isLetters(k + 1)) return;
      end = this.givenAt(k, false) ? this.extendName(k + 1, k) : k + 2;
    } else if (!this.nameLike(k) && !hasArticle(key)) return;
    if (FACILITY_WORDS.has(p.key)) out.push({ start: i, end, skip: p.skip, label: 'LOC', reason: `place word: ${p.payload}`, priority: 1 });
    else out.push({ start: k, end, skip: 0, label: 'LOC', reason: `place word: ${p.payload}`, priority: 1 });
  }
}

/**
 * Does an adjective agree with the organisation's head or its last noun? A feminine head
 * (الحكومة) takes a feminine adjective, so "الحكومة الناني" is not one name. Unknown genders
 * (broken plurals like الشؤون) accept both.
 */
function agrees(adjective: string, head: string, lastNoun: string | undefined): boolean {
  if (adjective.endsWith('ه') || adjective.endsWith('يين') || adjective.endsWith('يون')) return true;
  const feminine = (w: string): boolean => w.endsWith('ه') || w.endsWith('ات');
  if (lastNoun === undefined) return !feminine(head);
  return !(feminine(head) && feminine(lastNoun));
}

/** Longest first, gazetteer before rules on a tie; a candidate overlapping a kept one is dropped. */
export function selectCandidates(candidates: EntityCandidate[], taken: Uint8Array): EntityCandidate[] {
  const order = candidates.slice().sort((a, b) => b.end - b.start - (a.end - a.start) || b.priority - a.priority || a.start - b.start);
  const kept: EntityCandidate[] = [];
  for (const c of order) {
    let free = true;
    for (let k = c.start; k < c.end && free; k++) if (taken[k] !== 0) free = false;
    if (!free) continue;
    for (let k = c.start; k < c.end; k++) taken[k] = 1;
    kept.push(c);
  }
  return kept;
}
