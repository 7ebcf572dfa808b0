import type { Annotation } from '../model/annotation';
import type { Relation } from '../model/relation';
import type { AnnotatorSet } from './annotatorSet';
import { partitionSets } from './annotatorSet';
import type { Figure } from './figure';
import { defined, undefinedFigure } from './figure';

/** Relation agreement over annotator pairs: the same type between the same argument spans. */
export interface RelationFigures {
  /** Accepted relations between accepted, placed annotations, over all sets compared. */
  readonly relations: number;
  readonly matched: number;
  /** Relations of the first annotator of a pair the second lacks, and the other way round. */
  readonly onlyFirst: number;
  readonly onlySecond: number;
  readonly precision: Figure;
  readonly recall: Figure;
  readonly f1: Figure;
}

export const RELATION_METHOD =
  'Accepted relations whose two ends are accepted, placed annotations. Two relations match when their type is the same and their ends have the same spans (fragments included) and labels; ' +
  'for a symmetric type the ends may be swapped. Summed over every pair of annotators; precision against the second of a pair, recall against the first.';

/** A relation named by what it joins, not by ids (which differ between annotators). */
export function relationMatchKey(r: Relation, byId: ReadonlyMap<string, Annotation>, symmetric: (type: string) => boolean): string | undefined {
  const from = byId.get(r.from);
  const to = byId.get(r.to);
  if (!from || !to || r.status !== 'accepted' || from.status !== 'accepted' || to.status !== 'accepted' || from.orphan || to.orphan) return undefined;
  return relationEndsKey(r.type, from, to, symmetric(r.type));
}

/** The key of a relation of `type` between two spans, whatever the statuses: a symmetric type's ends are put in order. */
export function relationEndsKey(type: string, from: RelationEndSpan, to: RelationEndSpan, symmetric: boolean): string {
  const end = (a: RelationEndSpan): string => `${a.label}@${a.fragments ? a.fragments.map(([s, e]) => `${s}-${e}`).join(';') : `${a.start}-${a.end}`}`;
  const ends = [end(from), end(to)];
  if (symmetric) ends.sort();
  return `${type}\u0000${ends.join('\u0000')}`;
}

/** What names one end of a relation across annotators: its label and where it is. */
export type RelationEndSpan = Pick<Annotation, 'start' | 'end' | 'label' | 'fragments'>;

/** The relations of one set by match key (a key said twice counts once). */
export function relationKeysOf(set: AnnotatorSet, symmetric: (type: string) => boolean): Map<string, Relation> {
  const byId = new Map(set.annotations.map((a) => [a.id, a]));
  const out = new Map<string, Relation>();
  for (const r of set.relations ?? []) {
    const key = relationMatchKey(r, byId, symmetric);
    if (key !== undefined && !out.has(key)) out.set(key, r);
  }
  return out;
}

/** The relations only one of two annotators has: each annotator's own, as they wrote them. */
export function relationDisagreements(first: AnnotatorSet, second: AnnotatorSet, symmetric: (type: string) => boolean): { onlyFirst: Relation[]; onlySecond: Relation[] } {
  const a = relationKeysOf(first, symmetric);
  const b = relationKeysOf(second, symmetric);
  return { onlyFirst: [...a].filter(([k]) => !b.has(k)).map(([, r]) => r), onlySecond: [...b].filter(([k]) => !a.has(k)).map(([, r]) => r) };
}

/** Relation figures over documents, each a list of annotator sets (stale ones left out). Undefined when no set has a relation. */
export function relationAgreement(docs: readonly { readonly sets: readonly AnnotatorSet[] }[], symmetric: (type: string) => boolean): RelationFigures | undefined {
  let relations = 0;
  let matched = 0;
  let onlyFirst = 0;
  let onlySecond = 0;
  let any = false;
  for (const doc of docs) {
    const sets = partitionSets(doc.sets).included;
    const keys = sets.map((s) => relationKeysOf(s, symmetric));
    for (const s of sets) if ((s.relations?.length ?? 0) > 0) any = true;
    for (const k of keys) relations += k.size;
    for (let i = 0; i < keys.length; i++) {
      for (let j = i + 1; j < keys.length; j++) {
        const [a, b] = [keys[i] as Map<string, Relation>, keys[j] as Map<string, Relation>];
        let both = 0;
        for (const k of a.keys()) if (b.has(k)) both++;
        matched += both;
        onlyFirst += a.size - both;
        onlySecond += b.size - both;
      }
    }
  }
  if (!any) return undefined;
  // Relations are counted in the spans unit: each is a pair of spans.
  const ratio = (n: number, d: number, reason: string): Figure => (d > 0 ? defined(n / d, d, 'spans') : undefinedFigure(reason, 0, 'spans'));
  const precision = ratio(matched, matched + onlySecond, 'the second annotators of the pairs marked no relation');
  const recall = ratio(matched, matched + onlyFirst, 'the first annotators of the pairs marked no relation');
  // F1 = 2·matched / (2·matched + only first + only second): the harmonic mean of the two, defined whenever anyone marked a relation.
  const f1 = ratio(2 * matched, 2 * matched + onlyFirst + onlySecond, 'no annotator marked a relation');
  return { relations, matched, onlyFirst, onlySecond, precision, recall, f1 };
}
