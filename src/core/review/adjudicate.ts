import type { Annotation, AnnotationSource, ReviewVerdict } from '../model/annotation';
import { compareAnnotations, nextAnnotationId } from '../model/annotation';
import type { Comparison, Disagreement, Proposal } from './compareAnnotators';
import { tagKey } from './annotatorSet';

/** Who decides and when; `at` is an ISO 8601 timestamp supplied by the caller so the helpers stay pure. */
export interface Decision {
  readonly by: string;
  readonly at: string;
}

/**
 * The gold set is a plain list of annotations, as written to the gold sidecar. Every helper returns a
 * new sorted list and never changes its input. A gold entry is keyed by span and label: deciding
 * again on the same span and label replaces the earlier decision and keeps its id.
 */
export type GoldSet = readonly Annotation[];

/** Takes a proposal into gold as an accepted tag. */
export function acceptProposal(gold: GoldSet, proposal: Proposal, decision: Decision): Annotation[] {
  return putDecision(gold, proposal, proposal.label, 'accepted', 'accepted', decision);
}

/**
 * Records that a proposal is wrong. The entry stays in gold with status `rejected`, so the review
 * does not ask about it again and exports (which take accepted tags only) leave it out.
 */
export function rejectProposal(gold: GoldSet, proposal: Proposal, decision: Decision): Annotation[] {
  return putDecision(gold, proposal, proposal.label, 'rejected', 'rejected', decision);
}

/** Accepts the proposal's span under another label; a gold entry for the old label at the same offsets is dropped. */
export function relabelProposal(gold: GoldSet, proposal: Proposal, label: string, decision: Decision): Annotation[] {
  const without = gold.filter((g) => !(g.start === proposal.start && g.end === proposal.end && g.label === proposal.label));
  return putDecision(without, proposal, label, 'accepted', label === proposal.label ? 'accepted' : 'relabelled', decision);
}

/** A span the reviewer tags that no annotator proposed. */
export function addGoldSpan(gold: GoldSet, span: Pick<Annotation, 'start' | 'end' | 'label' | 'text'> & { readonly value?: string }, decision: Decision): Annotation[] {
  return putDecision(gold, { ...span, by: [] }, span.label, 'accepted', 'added', decision);
}

/**
 * Settles a disagreement: the chosen proposals are accepted, every other proposal in it is recorded
 * as rejected, so the disagreement is closed in one step.
 */
export function resolveDisagreement(gold: GoldSet, disagreement: Disagreement, chosen: readonly Proposal[], decision: Decision, verdict: ReviewVerdict = 'accepted'): Annotation[] {
  const chosenKeys = new Set(chosen.map(tagKey));
  let next: Annotation[] = [...gold];
  for (const p of disagreement.proposals) {
    if (!chosenKeys.has(tagKey(p))) next = putDecision(next, p, p.label, 'rejected', 'rejected', decision);
  }
  for (const p of chosen) next = putDecision(next, p, p.label, 'accepted', verdict, decision);
  return next;
}

/**
 * Takes the boundaries (and labels) of one annotator for a disagreement. When that annotator has
 * nothing there, this rejects every proposal: the annotator's reading was "no tag".
 */
export function takeBoundaries(gold: GoldSet, disagreement: Disagreement, annotator: string, decision: Decision): Annotation[] {
  const chosen = disagreement.proposals.filter((p) => p.by.includes(annotator));
  const verdict: ReviewVerdict = disagreement.boundariesDiffer ? 'reboundaried' : 'accepted';
  return resolveDisagreement(gold, disagreement, chosen, decision, verdict);
}

/** Accepts every agreed span that gold has no decision on yet; earlier decisions are kept. */
export function acceptAllAgreed(gold: GoldSet, comparison: Comparison, decision: Decision): Annotation[] {
  const decided = new Set(gold.filter((g) => g.review !== undefined).map(tagKey));
  let next: Annotation[] = [...gold];
  for (const p of comparison.agreed) {
    if (!decided.has(tagKey(p))) next = putDecision(next, p, p.label, 'accepted', 'accepted', decision);
  }
  return next;
}

function putDecision(
  gold: GoldSet,
  proposal: Pick<Proposal, 'start' | 'end' | 'label' | 'text' | 'value' | 'by'>,
  label: string,
  status: 'accepted' | 'rejected',
  verdict: ReviewVerdict,
  decision: Decision,
): Annotation[] {
  const key = tagKey({ start: proposal.start, end: proposal.end, label });
  const previous = gold.find((g) => tagKey(g) === key);
  const rest = gold.filter((g) => tagKey(g) !== key);
  const source: AnnotationSource = verdict === 'added' ? 'manual' : (previous?.source ?? 'manual');
  const entry: Annotation = {
    id: previous?.id ?? nextAnnotationId(gold),
    label,
    start: proposal.start,
    end: proposal.end,
    text: proposal.text,
    status,
    source,
    ...(proposal.value !== undefined ? { value: proposal.value } : previous?.value !== undefined ? { value: previous.value } : {}),
    ...(previous?.note !== undefined ? { note: previous.note } : {}),
    review: { by: decision.by, verdict, at: decision.at, from: [...proposal.by] },
  };
  return [...rest, entry].sort(compareAnnotations);
}
