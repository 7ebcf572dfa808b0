import type { Annotation } from '../model/annotation';

/**
 * Union of two versions of one annotator's annotations (mine and one found on disk), for the
 * "merge" answer to a concurrent change: the command line's checked writes, `import --merge` and
 * the editor's "Merge Both". Same span and label is one annotation; where both changed it, mine
 * wins. Ids of theirs that clash with an id already in the result, or that `isTaken` reports
 * (held earlier in the editing session), are renewed.
 *
 * One pass over each side with a set of span keys and a set of ids, and one running counter for
 * new ids: n log n at worst however many annotations both sides hold (a search of the result per
 * annotation made merging 20,000 into 20,000 take minutes).
 */
export function mergeAnnotations(mine: readonly Annotation[], theirs: readonly Annotation[], isTaken: (id: string) => boolean = () => false): Annotation[] {
  const merged = [...mine];
  const keys = new Set(mine.map(mergeKey));
  const ids = new Set(mine.map((a) => a.id));
  let highest = 0;
  const note = (id: string): void => {
    const n = idNumber(id);
    if (n !== undefined && n > highest) highest = n;
  };
  for (const a of mine) note(a.id);
  /** The next `tN` above every id in the result that is not taken elsewhere. */
  const fresh = (): string => {
    let id = `t${++highest}`;
    while (isTaken(id) || ids.has(id)) id = `t${++highest}`;
    return id;
  };
  for (const t of theirs) {
    const key = mergeKey(t);
    if (keys.has(key)) continue;
    keys.add(key);
    const id = ids.has(t.id) || isTaken(t.id) ? fresh() : t.id;
    ids.add(id);
    note(id);
    merged.push(id === t.id ? t : { ...t, id });
  }
  return merged;
}

/**
 * What makes two annotations the same tag. An orphan's offsets are only where it used to be, so an
 * orphan is the same as another orphan with the same quote and label, never as a placed span that
 * happens to sit at those offsets (which would drop that span from the merge).
 */
function mergeKey(a: Annotation): string {
  return a.orphan ? `orphan\u0000${a.label}\u0000${a.text}` : `${a.start}:${a.end}:${a.label}`;
}

function idNumber(id: string): number | undefined {
  const match = /^t(\d+)$/.exec(id);
  return match ? Number(match[1]) : undefined;
}
