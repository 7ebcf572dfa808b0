/**
 * A simulated editing session checked against a reference model, shared by the unit suite (a few
 * hundred sequences) and `npm run test:stress` (ten thousand and more).
 *
 * The session drives the real core classes the way `src/editor/annotationDocument.ts` and
 * `src/editor/sidecarSync.ts` drive them: `TrackedAnnotations` and `AnnotationHistory` receive the
 * same calls, and saving and loading go through buildSidecar → serializeSidecar → parseSidecar →
 * placeSidecarAnnotations.
 *
 * The reference model knows nothing about spans: every character of the text carries the ids of
 * the tags covering it. Typed characters carry the ids present on both neighbours (typing strictly
 * inside a tag grows it; at its edges it does not), deleted characters take their ids away, a text
 * undo puts the deleted characters back with the ids they had, and a tag is wherever its marked
 * characters are. Annotation actions only switch ids on and off and change labels.
 *
 * The invariant checked after every step, per annotation id:
 * - an id the user has (tagged and not removed, or brought back by an annotation undo or redo)
 *   - whose characters exist in the model: it is live exactly on them with the model's label, or
 *     it is an orphan (kept, shown to the user);
 *   - whose characters were all deleted and not put back: it may be gone from the live spans (it
 *     waits for a text undo), or be an orphan;
 * - an id the user removed (or whose tagging was undone) is nowhere: no ghosts;
 * - ids are unique, and every live span's `text` is the text it covers.
 * An id the model says should be present that is neither live nor orphan counts as lost.
 *
 * Text changed outside the editor (then the sidecar is loaded again and re-anchored by quotes) is
 * checked by what re-anchoring promises rather than by the character model: every annotation saved
 * comes back, live on an exact copy of its quote, or as an orphan exactly when its quote is gone
 * from the text; spans whose quote is unique and whose characters the change did not touch land on
 * the model's characters.
 */
import fc from 'fast-check';
import type { Annotation } from '../../../src/core/model/annotation';
import { sameSpanAndLabel } from '../../../src/core/model/annotation';
import { AnnotationHistory, applyAnnotationEdit, applyTextChange, replayChange } from '../../../src/core/model/annotationHistory';
import type { AnnotationChange, AnnotationEdit } from '../../../src/core/model/annotationHistory';
import type { TextEdit } from '../../../src/core/model/shift';
import { TrackedAnnotations } from '../../../src/core/model/trackedAnnotations';
import type { UndoKind } from '../../../src/core/model/trackedAnnotations';
import { buildSidecar, placeSidecarAnnotations } from '../../../src/core/sidecar/documentAnnotations';
import { mergeAnnotations } from '../../../src/core/sidecar/mergeAnnotations';
import { parseSidecar } from '../../../src/core/sidecar/parseSidecar';
import { serializeSidecar } from '../../../src/core/sidecar/serializeSidecar';
import type { Sidecar } from '../../../src/core/sidecar/sidecarTypes';

/**
 * What text is made of: Arabic words with harakat, shadda and tatweel, repeated words (so that
 * quotes are ambiguous), emoji (astral, and a ZWJ sequence), CRLF and LF, Latin, format marks.
 */
export const FRAGMENTS: readonly string[] = ['المغرب', 'وَزِيرُ', 'الخارجيّة', 'مـــصر', 'في', 'ال', ' ', ' ', '، ', '😀', '👨‍👩‍👧', '\r\n', '\n', 'abc', 'ً', 'ـ', '\u200F', 'ب', 'ا'];

export const LABELS: readonly string[] = ['PER', 'ORG', 'LOC', 'DATE'];

export type Step =
  | { readonly k: 'type'; readonly at: number; readonly frags: readonly number[] }
  | { readonly k: 'delete'; readonly at: number; readonly len: number }
  | { readonly k: 'replace'; readonly at: number; readonly len: number; readonly frags: readonly number[] }
  | { readonly k: 'tag'; readonly at: number; readonly len: number; readonly label: number }
  | { readonly k: 'remove'; readonly pick: number }
  | { readonly k: 'relabel'; readonly pick: number; readonly label: number }
  | { readonly k: 'annUndo' }
  | { readonly k: 'annRedo' }
  | { readonly k: 'textUndo' }
  | { readonly k: 'save' }
  | { readonly k: 'reload' }
  | { readonly k: 'extText'; readonly at: number; readonly len: number; readonly frags: readonly number[] }
  | {
      readonly k: 'extSidecar';
      readonly what: 'add' | 'remove' | 'relabel' | 'garbage' | 'merge';
      readonly pick: number;
      readonly at: number;
      readonly len: number;
      readonly label: number;
    };

const frags = fc.array(fc.nat(FRAGMENTS.length - 1), { minLength: 1, maxLength: 4 });

/** Steps weighted towards what annotators do most: typing, deleting, tagging. */
export const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ k: fc.constant('type' as const), at: fc.nat(200), frags }) },
  { weight: 4, arbitrary: fc.record({ k: fc.constant('delete' as const), at: fc.nat(200), len: fc.integer({ min: 1, max: 8 }) }) },
  { weight: 3, arbitrary: fc.record({ k: fc.constant('replace' as const), at: fc.nat(200), len: fc.integer({ min: 1, max: 8 }), frags }) },
  { weight: 6, arbitrary: fc.record({ k: fc.constant('tag' as const), at: fc.nat(200), len: fc.integer({ min: 1, max: 6 }), label: fc.nat(LABELS.length - 1) }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('remove' as const), pick: fc.nat(50) }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('relabel' as const), pick: fc.nat(50), label: fc.nat(LABELS.length - 1) }) },
  { weight: 3, arbitrary: fc.constant({ k: 'annUndo' as const }) },
  { weight: 2, arbitrary: fc.constant({ k: 'annRedo' as const }) },
  { weight: 4, arbitrary: fc.constant({ k: 'textUndo' as const }) },
  { weight: 1, arbitrary: fc.constant({ k: 'save' as const }) },
  { weight: 1, arbitrary: fc.constant({ k: 'reload' as const }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('extText' as const), at: fc.nat(200), len: fc.nat(6), frags }) },
  {
    weight: 1,
    arbitrary: fc.record({
      k: fc.constant('extSidecar' as const),
      what: fc.constantFrom('add' as const, 'remove' as const, 'relabel' as const, 'garbage' as const, 'merge' as const),
      pick: fc.nat(50),
      at: fc.nat(200),
      len: fc.integer({ min: 1, max: 6 }),
      label: fc.nat(LABELS.length - 1),
    }),
  },
);

export const initialTextArbitrary: fc.Arbitrary<readonly number[]> = fc.array(fc.nat(FRAGMENTS.length - 1), { minLength: 0, maxLength: 25 });

/** Counts shown by the stress run. */
export interface SessionFigures {
  sequences: number;
  steps: number;
  tagged: number;
  removedByUser: number;
  /** Present ids whose whole text was deleted (waiting for a text undo) at the end of a sequence. */
  deletedWithText: number;
  /** Ids that became orphans (kept, not placed) at some point. */
  orphaned: number;
  restoredByUndo: number;
  saves: number;
  reloads: number;
  externalTextChanges: number;
  externalSidecarChanges: number;
  /** Must stay 0. */
  lost: number;
}

export function emptyFigures(): SessionFigures {
  return {
    sequences: 0,
    steps: 0,
    tagged: 0,
    removedByUser: 0,
    deletedWithText: 0,
    orphaned: 0,
    restoredByUndo: 0,
    saves: 0,
    reloads: 0,
    externalTextChanges: 0,
    externalSidecarChanges: 0,
    lost: 0,
  };
}

/** One character-like unit: a code point, or CRLF (which editors never split). */
interface Unit {
  readonly s: string;
  readonly ids: Set<string>;
}

interface TextUndo {
  /** Unit index where the edit happened. */
  readonly at: number;
  readonly removed: readonly Unit[];
  readonly inserted: number;
}

type ModelChange = { readonly on: readonly string[]; readonly off: readonly string[]; readonly labels: ReadonlyMap<string, string> };

interface ModelAnnotationState {
  label: string;
  present: boolean;
}

/** Splits a string into units: code points, with CRLF kept as one. */
function toUnits(text: string, ids: ReadonlySet<string> = new Set()): Unit[] {
  const out: Unit[] = [];
  const points = Array.from(text);
  for (let i = 0; i < points.length; i++) {
    const p = points[i] as string;
    if (p === '\r' && points[i + 1] === '\n') {
      out.push({ s: '\r\n', ids: new Set(ids) });
      i++;
    } else out.push({ s: p, ids: new Set(ids) });
  }
  return out;
}

function intersection(a: ReadonlySet<string> | undefined, b: ReadonlySet<string> | undefined): Set<string> {
  const out = new Set<string>();
  if (!a || !b) return out;
  for (const x of a) if (b.has(x)) out.add(x);
  return out;
}

export class SessionFailure extends Error {}

/**
 * The editor side (real core classes, called as the editor calls them) and the model side, kept
 * in step. `run` applies steps and throws a SessionFailure with the whole story on a violation.
 */
export class EditSession {
  private units: Unit[];
  private readonly tracked: TrackedAnnotations;
  private readonly history: AnnotationHistory;
  private readonly model = new Map<string, ModelAnnotationState>();
  /** Ids the model accepts as orphans whatever their characters (re-anchoring could not place them). */
  private readonly orphanOk = new Set<string>();
  private annUndo: ModelChange[] = [];
  private annRedo: ModelChange[] = [];
  private textUndo: TextUndo[] = [];
  /** The sidecar content as last written, to reload from. */
  private disk: string | undefined;
  private readonly log: string[] = [];
  private readonly orphanedIds = new Set<string>();

  constructor(
    initial: readonly number[],
    private readonly figures: SessionFigures,
  ) {
    this.units = toUnits(initial.map((i) => FRAGMENTS[i] as string).join(''));
    this.tracked = new TrackedAnnotations();
    this.history = new AnnotationHistory(this.tracked);
  }

  get text(): string {
    return this.units.map((u) => u.s).join('');
  }

  private utf16(unitIndex: number): number {
    let n = 0;
    for (let i = 0; i < unitIndex; i++) n += (this.units[i] as Unit).s.length;
    return n;
  }

  private read = (start: number, end: number): string => this.text.slice(Math.max(0, start), end);

  run(steps: readonly Step[]): void {
    this.figures.sequences++;
    try {
      for (const step of steps) {
        this.figures.steps++;
        this.log.push(JSON.stringify(step));
        this.apply(step);
        this.check();
      }
      this.finish();
    } catch (e) {
      if (e instanceof SessionFailure) throw e;
      throw new SessionFailure(`${(e as Error).stack ?? String(e)}\n${this.story()}`);
    }
  }

  private story(): string {
    return `text: ${JSON.stringify(this.text)}\nsteps:\n  ${this.log.join('\n  ')}\nlive: ${JSON.stringify(this.tracked.all)}\norphans: ${JSON.stringify(this.tracked.orphans)}`;
  }

  private fail(message: string): never {
    throw new SessionFailure(`${message}\n${this.story()}`);
  }

  private apply(step: Step): void {
    switch (step.k) {
      case 'type':
        return this.edit(step.at, 0, step.frags);
      case 'delete':
        return this.edit(step.at, step.len, []);
      case 'replace':
        return this.edit(step.at, step.len, step.frags);
      case 'tag':
        return this.tag(step.at, step.len, LABELS[step.label] as string);
      case 'remove':
        return this.remove(step.pick);
      case 'relabel':
        return this.relabel(step.pick, LABELS[step.label] as string);
      case 'annUndo':
        return this.annotationUndo();
      case 'annRedo':
        return this.annotationRedo();
      case 'textUndo':
        return this.undoText();
      case 'save':
        this.save();
        return;
      case 'reload':
        return this.reload();
      case 'extText':
        return this.externalText(step.at, step.len, step.frags);
      case 'extSidecar':
        return this.externalSidecar(step);
    }
  }

  // ---- text ----

  /** A text edit in the editor: the model marks characters, the tracked annotations shift. */
  private edit(at: number, len: number, fragments: readonly number[]): void {
    const s = at % (this.units.length + 1);
    const e = Math.min(this.units.length, s + len);
    const inserted = fragments.map((i) => FRAGMENTS[i] as string).join('');
    if (s === e && inserted === '') return;
    const edit: TextEdit = { start: this.utf16(s), end: this.utf16(e), insertedLength: inserted.length };
    const removed = this.units.slice(s, e);
    const kept = [...this.units.slice(0, s), ...this.units.slice(e)];
    const inside = intersection(kept[s - 1]?.ids, kept[s]?.ids);
    const added = toUnits(inserted, inside);
    this.units = [...kept.slice(0, s), ...added, ...kept.slice(s)];
    this.textUndo.push({ at: s, removed, inserted: added.length });
    this.editorTextChange([edit], false);
  }

  /** Text undo of the last edit, as VS Code reports it: one change putting the old text back. */
  private undoText(): void {
    const last = this.textUndo.pop();
    if (!last) return;
    const before = this.tracked.all.length;
    const edit: TextEdit = {
      start: this.utf16(last.at),
      end: this.utf16(last.at + last.inserted),
      insertedLength: last.removed.reduce((n, u) => n + u.s.length, 0),
    };
    const kept = [...this.units.slice(0, last.at), ...this.units.slice(last.at + last.inserted)];
    const inside = intersection(kept[last.at - 1]?.ids, kept[last.at]?.ids);
    const back = last.removed.map((u) => ({ s: u.s, ids: new Set([...u.ids, ...inside]) }));
    this.units = [...kept.slice(0, last.at), ...back, ...kept.slice(last.at)];
    this.editorTextChange([edit], 'undo');
    if (this.tracked.all.length > before) this.figures.restoredByUndo += this.tracked.all.length - before;
  }

  /** What AnnotationDocument.applyTextChange does. */
  private editorTextChange(edits: readonly TextEdit[], undoing: UndoKind): void {
    applyTextChange(this.tracked, this.history, edits, this.read, undoing);
  }

  // ---- annotation actions (AnnotationDocument.apply / undo / redo) ----

  private applyAnnotations(edit: AnnotationEdit): void {
    applyAnnotationEdit(this.tracked, this.history, edit);
  }

  private replay(change: AnnotationChange | undefined): void {
    replayChange(this.tracked, change);
  }

  private applyModel(change: ModelChange): void {
    for (const id of change.off) (this.model.get(id) as ModelAnnotationState).present = false;
    for (const id of change.on) (this.model.get(id) as ModelAnnotationState).present = true;
    for (const [id, label] of change.labels) (this.model.get(id) as ModelAnnotationState).label = label;
  }

  /** Tag command: trims white space, skips a span already tagged with that label. */
  private tag(at: number, len: number, label: string): void {
    if (this.units.length === 0) return;
    let s = at % this.units.length;
    let e = Math.min(this.units.length, s + len);
    while (s < e && /^\s+$/u.test((this.units[s] as Unit).s)) s++;
    while (e > s && /^\s+$/u.test((this.units[e - 1] as Unit).s)) e--;
    if (e <= s) return;
    const start = this.utf16(s);
    const end = this.utf16(e);
    if (this.tracked.inRange(start, end).some((a) => sameSpanAndLabel(a, { start, end, label }))) return;
    const id = this.tracked.nextId();
    const annotation: Annotation = { id, label, start, end, text: this.text.slice(start, end), status: 'accepted', source: 'manual' };
    if (this.model.has(id)) this.fail(`id ${id} was given twice in one session`);
    this.model.set(id, { label, present: false });
    for (let i = s; i < e; i++) (this.units[i] as Unit).ids.add(id);
    this.applyAnnotations({ put: [annotation] });
    this.recordModelPaired({ on: [id], off: [], labels: new Map() }, new Map());
    this.figures.tagged++;
  }

  /** Records a model change together with what undoing it restores (labels before). */
  private recordModelPaired(change: ModelChange, labelsBefore: ReadonlyMap<string, string>): void {
    this.applyModel(change);
    this.annUndo.push(change);
    this.undoLabels.set(change, labelsBefore);
    this.annRedo = [];
  }

  private readonly undoLabels = new Map<ModelChange, ReadonlyMap<string, string>>();

  private pick(pick: number): Annotation | undefined {
    const all = [...this.tracked.all, ...this.tracked.orphans];
    return all.length === 0 ? undefined : all[pick % all.length];
  }

  private remove(pick: number): void {
    const a = this.pick(pick);
    if (!a) return;
    this.applyAnnotations({ remove: [a.id] });
    this.recordModelPaired({ on: [], off: [a.id], labels: new Map() }, new Map());
    this.figures.removedByUser++;
  }

  /** Change Label command: removes a tag of the new label on the same span (a clash). */
  private relabel(pick: number, label: string): void {
    const a = this.pick(pick);
    if (!a || a.label === label) return;
    const clash = this.tracked.all.find((b) => b.start === a.start && b.end === a.end && b.label === label && b.id !== a.id);
    const relabelled = { ...a, label, status: 'accepted' as const };
    this.applyAnnotations({ remove: clash ? [clash.id] : [], put: [relabelled] });
    this.recordModelPaired({ on: [a.id], off: clash ? [clash.id] : [], labels: new Map([[a.id, label]]) }, new Map([[a.id, a.label]]));
  }

  private annotationUndo(): void {
    const change = this.annUndo.pop();
    this.replay(this.history.undo());
    if (!change) return;
    const labelsBefore = this.undoLabels.get(change) ?? new Map<string, string>();
    // The inverse switches back what the change switched; a relabelled id stays present with its old label.
    const relabelled = [...change.labels.keys()];
    this.applyModel({ on: [...change.off, ...relabelled], off: change.on.filter((id) => !relabelled.includes(id)), labels: labelsBefore });
    this.annRedo.push(change);
  }

  private annotationRedo(): void {
    const change = this.annRedo.pop();
    this.replay(this.history.redo());
    if (!change) return;
    this.applyModel(change);
    this.annUndo.push(change);
  }

  // ---- sidecar ----

  private render(): string {
    return serializeSidecar(buildSidecar({ path: 'article.txt', annotator: 'salma' }, this.text, this.tracked.all, this.tracked.orphans));
  }

  /** Saves; the sidecar read back must give exactly the annotations in memory. */
  private save(): string {
    this.figures.saves++;
    const content = this.render();
    const parsed = parseSidecar(content);
    if (!parsed.sidecar || !parsed.writable) this.fail(`a saved sidecar does not read back: ${JSON.stringify(parsed.problems)}`);
    const placed = placeSidecarAnnotations(parsed.sidecar, this.text);
    if (placed.textChanged) this.fail('a sidecar saved for this text says the text changed');
    const back = new Map(placed.annotations.map((a) => [a.id, a]));
    const memory = [...this.tracked.all, ...this.tracked.orphans];
    if (back.size !== memory.length || placed.annotations.length !== memory.length)
      this.fail(`save and reload changed the number of annotations: ${memory.length} → ${placed.annotations.length}`);
    for (const m of memory) {
      const r = back.get(m.id);
      if (!r) this.fail(`save and reload lost ${m.id}`);
      if (r.label !== m.label || r.text !== m.text) this.fail(`save and reload changed ${m.id}: ${JSON.stringify(m)} → ${JSON.stringify(r)}`);
      if (!m.orphan && (r.orphan || r.start !== m.start || r.end !== m.end)) this.fail(`save and reload moved ${m.id}: ${JSON.stringify(m)} → ${JSON.stringify(r)}`);
      // An orphan whose quote is in the text again is placed on it.
      if (m.orphan && !r.orphan && this.text.slice(r.start, r.end) !== m.text) this.fail(`orphan ${m.id} was placed off its quote`);
    }
    this.disk = content;
    return content;
  }

  /**
   * Loading the sidecar again (the editor's reset): text undo can no longer restore spans and
   * annotation history is cleared, so the model forgets both too.
   */
  private reload(): void {
    this.figures.reloads++;
    this.loadFrom(this.save(), this.text);
  }

  private loadFrom(content: string, text: string): void {
    const parsed = parseSidecar(content);
    if (!parsed.sidecar) this.fail(`sidecar does not parse: ${JSON.stringify(parsed.problems)}`);
    const placed = placeSidecarAnnotations(parsed.sidecar, text);
    this.tracked.reset(placed.annotations);
    this.history.clear();
    this.annUndo = [];
    this.annRedo = [];
    this.textUndo = [];
    // The model restarts from what was loaded (checked against it before): tombstones are gone
    // with the reset, so ids whose text is deleted are no longer present.
    // History is cleared too, so ids that were not loaded are forgotten and may be given again.
    const ids = new Set(placed.annotations.map((a) => a.id));
    for (const id of [...this.model.keys()]) if (!ids.has(id)) this.model.delete(id);
    for (const u of this.units) u.ids.clear();
    // Re-anchoring works in code points and may put a quote that starts or ends with a lone LF on
    // the LF of a CRLF: the model splits that pair so the boundary is one of its own.
    for (const a of placed.annotations) if (!a.orphan) for (const b of [a.start, a.end]) this.splitCrlfAt(b);
    for (const a of placed.annotations) {
      const state = this.model.get(a.id);
      if (!state) this.model.set(a.id, { label: a.label, present: true });
      else {
        state.label = a.label;
        state.present = true;
      }
      if (a.orphan) {
        this.orphanOk.add(a.id);
        continue;
      }
      for (let i = this.unitAt(a.start); i < this.unitAt(a.end); i++) (this.units[i] as Unit).ids.add(a.id);
    }
  }

  /**
   * The text changes while the document is closed: the sidecar saved before no longer matches and
   * is re-anchored when the document opens again.
   */
  private externalText(at: number, len: number, fragments: readonly number[]): void {
    this.figures.externalTextChanges++;
    const saved = this.save();
    const savedAnnotations = [...this.tracked.all, ...this.tracked.orphans];
    const s = at % (this.units.length + 1);
    const e = Math.min(this.units.length, s + len);
    const removedIds = new Set<string>();
    for (const u of this.units.slice(s, e)) for (const id of u.ids) removedIds.add(id);
    const kept = [...this.units.slice(0, s), ...this.units.slice(e)];
    // Characters next to the change are touched too: a quote may now run on into new text.
    for (const u of [kept[s - 1], kept[s]]) for (const id of u?.ids ?? []) removedIds.add(id);
    const added = toUnits(fragments.map((i) => FRAGMENTS[i] as string).join(''));
    this.units = [...kept.slice(0, s), ...added, ...kept.slice(s)];
    const text = this.text;
    const parsed = parseSidecar(saved);
    const placed = placeSidecarAnnotations(parsed.sidecar as Sidecar, text);
    const byId = new Map(placed.annotations.map((a) => [a.id, a]));
    for (const a of savedAnnotations) {
      const p = byId.get(a.id);
      if (!p) {
        this.figures.lost++;
        this.fail(`re-anchoring lost ${a.id}`);
      }
      if (p.label !== a.label || p.text !== a.text) this.fail(`re-anchoring changed ${a.id}`);
      const occurs = a.text !== '' && text.includes(a.text);
      if (p.orphan) {
        if (occurs) this.fail(`${a.id} became an orphan although «${a.text}» is in the text`);
        continue;
      }
      if (text.slice(p.start, p.end) !== a.text) this.fail(`${a.id} was re-anchored on «${text.slice(p.start, p.end)}», not on its quote «${a.text}»`);
      const first = text.indexOf(a.text);
      const unique = first >= 0 && text.indexOf(a.text, first + 1) < 0;
      if (unique && !a.orphan && !removedIds.has(a.id)) {
        const expected = this.modelSpan(a.id);
        if (expected && (expected.start !== p.start || expected.end !== p.end))
          this.fail(`${a.id} has a unique quote and untouched text but was placed at ${p.start}-${p.end}, not ${expected.start}-${expected.end}`);
      }
    }
    this.loadFrom(saved, text);
  }

  /** Another writer changes the sidecar on disk; the editor takes theirs (or merges both). */
  private externalSidecar(step: Extract<Step, { k: 'extSidecar' }>): void {
    this.figures.externalSidecarChanges++;
    const mine = this.save();
    const sidecar = parseSidecar(mine).sidecar as Sidecar;
    let theirs: Annotation[] = [...sidecar.annotations];
    const text = this.text;
    const points = Array.from(text);
    if (step.what === 'garbage') {
      // A broken file is never taken: the editor keeps what it has (checked by the next steps).
      const broken = mine.replace('annotator:', 'annotator: [oops');
      if (parseSidecar(broken).sidecar) this.fail('a truncated sidecar parsed');
      return;
    }
    const target = theirs.length > 0 ? theirs[step.pick % theirs.length] : undefined;
    if (step.what === 'remove' && target) theirs = theirs.filter((a) => a.id !== target.id);
    if (step.what === 'relabel' && target) theirs = theirs.map((a) => (a.id === target.id ? { ...a, label: LABELS[step.label] as string } : a));
    if (step.what === 'add' || step.what === 'merge') {
      if (points.length === 0) return;
      const s = step.at % points.length;
      const e = Math.min(points.length, s + step.len);
      // Their id may clash with one of mine: merging must keep both.
      const id = step.what === 'merge' ? (target?.id ?? 't1') : `x${this.figures.externalSidecarChanges}`;
      if (step.what === 'add' && this.model.has(id)) return;
      const quote = points.slice(s, e).join('');
      if (/^\r?\n|\r$/.test(quote) || quote.trim() === '') return;
      theirs.push({ id, label: LABELS[step.label] as string, start: s, end: e, text: quote, status: 'accepted', source: 'import' });
      if (step.what === 'add') theirs = theirs.filter((a, i, all) => all.findIndex((b) => b.id === a.id) === i);
      else theirs = theirs.filter((a) => a === theirs[theirs.length - 1] || a.id !== id);
    }
    const content = serializeSidecar({ ...sidecar, annotations: theirs });
    const parsed = parseSidecar(content);
    if (!parsed.sidecar) this.fail(`their sidecar does not parse: ${JSON.stringify(parsed.problems)}`);
    if (step.what !== 'merge') {
      this.loadFrom(content, text);
      return;
    }
    // "Merge Both": what sidecarSync.resolveConflict does; nothing of either side may go missing.
    const placed = placeSidecarAnnotations(parsed.sidecar, text);
    const current = [...this.tracked.all, ...this.tracked.orphans];
    const merged = mergeAnnotations(current, placed.annotations, (id) => this.tracked.hasUsed(id));
    for (const m of current) if (!merged.some((x) => x.id === m.id && sameSpanAndLabel(x, m))) this.fail(`merge lost mine ${m.id}`);
    const same = (x: Annotation, t: Annotation): boolean =>
      Boolean(x.orphan) === Boolean(t.orphan) && (t.orphan ? x.label === t.label && x.text === t.text : sameSpanAndLabel(x, t));
    for (const t of placed.annotations) if (!merged.some((x) => same(x, t))) this.fail(`merge lost theirs ${t.id}`);
    if (new Set(merged.map((a) => a.id)).size !== merged.length) this.fail('merge made duplicate ids');
    const merge = serializeSidecar(
      buildSidecar(
        { path: 'article.txt', annotator: 'salma' },
        text,
        merged.filter((a) => !a.orphan),
        merged.filter((a) => a.orphan),
      ),
    );
    this.loadFrom(merge, text);
  }

  private splitCrlfAt(utf16: number): void {
    let n = 0;
    for (let i = 0; i < this.units.length; i++) {
      const u = this.units[i] as Unit;
      if (n + 1 === utf16 && u.s === '\r\n') {
        this.units.splice(i, 1, { s: '\r', ids: new Set(u.ids) }, { s: '\n', ids: new Set(u.ids) });
        return;
      }
      n += u.s.length;
      if (n >= utf16) return;
    }
  }

  private unitAt(utf16: number): number {
    let n = 0;
    for (let i = 0; i < this.units.length; i++) {
      if (n >= utf16) return i;
      n += (this.units[i] as Unit).s.length;
    }
    return this.units.length;
  }

  /** The model's span of an id in UTF-16, or undefined when none of its characters exist. */
  private modelSpan(id: string): { start: number; end: number } | undefined {
    let first = -1;
    let last = -1;
    for (let i = 0; i < this.units.length; i++) {
      if ((this.units[i] as Unit).ids.has(id)) {
        if (first < 0) first = i;
        else if (last !== i - 1) this.fail(`model: ${id} is not contiguous`);
        last = i;
      }
    }
    return first < 0 ? undefined : { start: this.utf16(first), end: this.utf16(last + 1) };
  }

  // ---- the invariant ----

  private check(): void {
    const live = this.tracked.all;
    const orphans = this.tracked.orphans;
    const seen = new Set<string>();
    for (const a of [...live, ...orphans]) {
      if (seen.has(a.id)) this.fail(`duplicate id ${a.id}`);
      seen.add(a.id);
      const state = this.model.get(a.id);
      if (!state?.present) this.fail(`${a.id} is back although the user removed it (a ghost)`);
      if (a.label !== state.label) this.fail(`${a.id} has label ${a.label}, the model says ${state.label}`);
    }
    const text = this.text;
    for (const a of live) {
      if (a.start >= a.end) this.fail(`${a.id} is live with an empty span ${a.start}-${a.end}`);
      if (text.slice(a.start, a.end) !== a.text) this.fail(`${a.id} says it covers «${a.text}» but covers «${text.slice(a.start, a.end)}»`);
    }
    for (const a of orphans) this.orphanedIds.add(a.id);
    for (const [id, state] of this.model) {
      if (!state.present) continue;
      const expected = this.modelSpan(id);
      const a = live.find((x) => x.id === id);
      const orphan = orphans.some((x) => x.id === id);
      if (expected === undefined) {
        // Its whole text is deleted: gone from the live spans until a text undo, or an orphan.
        // A text undo may also bring it back where exactly its quote has been put back (an undo
        // re-inserting the same characters at the same place), which the model then follows.
        if (a) {
          this.figures.restoredByUndo++;
          for (let i = this.unitAt(a.start); i < this.unitAt(a.end); i++) (this.units[i] as Unit).ids.add(id);
        }
        continue;
      }
      if (orphan) continue;
      if (!a) {
        this.figures.lost++;
        this.fail(`${id} is lost: the model has it at ${expected.start}-${expected.end}`);
      }
      if (a.start !== expected.start || a.end !== expected.end) this.fail(`${id} is at ${a.start}-${a.end}, the model says ${expected.start}-${expected.end}`);
    }
  }

  private finish(): void {
    for (const [id, state] of this.model) {
      if (!state.present) continue;
      if (this.modelSpan(id) === undefined && !this.tracked.orphans.some((o) => o.id === id)) this.figures.deletedWithText++;
    }
    this.figures.orphaned += this.orphanedIds.size;
    // A last save and load must keep every present annotation.
    this.reload();
    this.check();
  }
}

/** Runs one generated sequence; throws SessionFailure on a violation. */
export function runSession(initial: readonly number[], steps: readonly Step[], figures: SessionFigures): void {
  new EditSession(initial, figures).run(steps);
}

export const sessionArbitrary = fc.tuple(initialTextArbitrary, fc.array(stepArbitrary, { minLength: 1, maxLength: 60, size: 'max' }));
