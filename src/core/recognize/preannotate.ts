import type { Annotation } from '../model/annotation';
import { nextAnnotationId } from '../model/annotation';
import { buildSidecar, placeSidecarAnnotations } from '../sidecar/documentAnnotations';
import type { Sidecar } from '../sidecar/sidecarTypes';
import type { Gazetteer } from './gazetteer';
import type { EntityTagger } from '../tagger/entityTagger';
import type { RecognizedSpan } from './recognizeTypes';
import { chooseDocumentDate, learnedFromAnnotations, recognizeDocument } from './recognizeDocument';

/**
 * The recogniser's spans that become new `status: suggested` annotations beside `existing` (UTF-16
 * offsets, the same coordinates as `spans`). Anything already stored on the same span and label
 * wins, whatever its status: a tag stays a tag, a stored suggestion is not doubled, and a rejected
 * span is not suggested again. A rejected learned span blocks that text and label everywhere,
 * because the annotator turned down the lesson, not one place. New ids follow the existing ones
 * and skip those `isTaken` reports (ids an editing session held earlier, which undo brings back).
 */
export function suggestionsToAdd(existing: readonly Annotation[], spans: readonly RecognizedSpan[], isTaken: (id: string) => boolean = () => false): Annotation[] {
  // Orphans keep stale code point offsets: they count for ids, never for "already there".
  const placed = existing.filter((a) => !a.orphan);
  const stored = new Set(placed.map((a) => spanKey(a.start, a.end, a.label)));
  const rejectedLearned = new Set(placed.filter((a) => a.status === 'rejected').map((a) => `${a.label}\u0000${a.text}`));
  const taken: Pick<Annotation, 'id'>[] = existing.map((a) => ({ id: a.id }));
  const added: Annotation[] = [];
  for (const s of spans) {
    const key = spanKey(s.start, s.end, s.label);
    if (stored.has(key)) continue;
    if (s.source === 'learned' && rejectedLearned.has(`${s.label}\u0000${s.text}`)) continue;
    stored.add(key);
    let id = nextAnnotationId(taken as Annotation[]);
    while (isTaken(id)) {
      taken.push({ id });
      id = nextAnnotationId(taken as Annotation[]);
    }
    taken.push({ id });
    added.push({ id, label: s.label, start: s.start, end: s.end, text: s.text, status: 'suggested', source: s.source, ...(s.value !== undefined ? { value: s.value } : {}) });
  }
  return added;
}

function spanKey(start: number, end: number, label: string): string {
  return `${start}:${end}:${label}`;
}

export interface PreannotateInput {
  /** The text as read from disk, without a BOM. */
  readonly text: string;
  /** The text's file name: the sidecar lives beside it and names it relative to its own folder. */
  readonly textName: string;
  /** Annotator of a new sidecar; an existing sidecar keeps its own. */
  readonly annotator: string;
  /** The sidecar already there (parsed and writable), if any. */
  readonly existing?: Sidecar;
  /** A date asked for explicitly (`--date`); otherwise the sidecar's, else a dateline's. */
  readonly date?: string;
  readonly labels?: readonly string[];
  readonly gazetteers?: readonly Gazetteer[];
  /** A trained model for PER, ORG, LOC and MISC (see `RecognizeOptions.tagger`). */
  readonly tagger?: EntityTagger;
}

export interface PreannotateResult {
  readonly sidecar: Sidecar;
  /** Suggestions added by this run. */
  readonly added: number;
  /** The date relative dates were resolved against, if any. */
  readonly date?: string;
}

/**
 * A text's sidecar with the recogniser's suggestions merged in: the existing annotations are
 * placed on the text as the editor places them (re-anchored when the text changed, orphans
 * kept), the document's accepted tags are learned, and only new spans are added. The same input
 * gives the same sidecar, so a second run over unchanged files changes no byte.
 */
export function preannotateSidecar(input: PreannotateInput): PreannotateResult {
  const { text, existing } = input;
  const placed = existing ? placeSidecarAnnotations(existing, text).annotations : [];
  const live = placed.filter((a) => !a.orphan);
  const orphans = placed.filter((a) => a.orphan);
  const date = chooseDocumentDate(text, input.date, existing?.document.date);
  const spans = recognizeDocument(text, {
    ...(date !== undefined ? { documentDate: date } : {}),
    ...(input.labels ? { labels: input.labels } : {}),
    ...(input.gazetteers ? { gazetteers: input.gazetteers } : {}),
    ...(input.tagger ? { tagger: input.tagger } : {}),
    learned: learnedFromAnnotations(live),
  });
  const added = suggestionsToAdd(placed, spans);
  // A date asked for is kept when the sidecar has none: the values written were resolved against it.
  const headerDate = existing?.document.date ?? input.date;
  const sidecar = buildSidecar(
    {
      path: input.textName,
      annotator: existing?.annotator ?? input.annotator,
      ...(headerDate !== undefined ? { date: headerDate } : {}),
      // Suggestions added by a run leave the annotator's own verdict on the text as it was.
      ...(existing?.document.status !== undefined ? { status: existing.document.status } : {}),
    },
    text,
    [...live, ...added],
    orphans,
  );
  return { sidecar, added: added.length, ...(date !== undefined ? { date } : {}) };
}
