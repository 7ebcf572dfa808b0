/**
 * The reference model of an annotated text, shared by the core property test (`editSession.ts`,
 * which drives the core classes) and the host race fuzzer (`test/integration/raceFuzzer.test.ts`,
 * which drives the real editor). It knows nothing about spans: every character of the text carries
 * the ids of the tags covering it. Typed characters carry the ids present on both neighbours
 * (typing strictly inside a tag grows it; at its edges it does not), deleted characters take their
 * ids away, a text undo puts the deleted characters back with the ids they had, and a tag is
 * wherever its marked characters are. Annotation actions only switch ids on and off and change
 * labels; their undo and redo switch them back.
 *
 * The invariant (`check`), per annotation id:
 * - an id the user has (tagged and not removed, or brought back by an annotation undo or redo)
 *   - whose characters exist in the model: it is live exactly on them with the model's label, or
 *     it is an orphan (kept, shown to the user);
 *   - whose characters were all deleted and not put back: it may be gone from the live spans (it
 *     waits for a text undo), or be an orphan;
 * - an id the user removed (or whose tagging was undone) is nowhere: no ghosts;
 * - ids are unique, and every live span's `text` is the text it covers.
 * An id the model says should be present that is neither live nor orphan counts as lost.
 *
 * Relations are followed by id: Link switches one on, Unlink off; removing an annotation (or the
 * clash a relabel removes) switches off every relation touching it, and annotation undo and redo
 * switch them back. A text edit never touches relations (a relation whose end had its text
 * deleted waits with the end for a text undo). After a load the model has exactly the relations
 * loaded. The invariant: the editor's relations are the model's, with the same type and ends.
 */
import type { Annotation } from '../../../src/core/model/annotation';
import type { TextEdit } from '../../../src/core/model/shift';
import type { Relation } from '../../../src/core/model/relation';

/** A relation as the model follows it. */
export type ModelRelation = Pick<Relation, 'id' | 'type' | 'from' | 'to'>;

/** One character-like unit: a code point, or CRLF (which editors never split). */
export interface Unit {
  readonly s: string;
  readonly ids: Set<string>;
}

interface TextUndo {
  /** Unit index where the edit happened. */
  readonly at: number;
  readonly removed: readonly Unit[];
  readonly inserted: number;
}

type ModelChange = {
  readonly on: readonly string[];
  readonly off: readonly string[];
  readonly labels: ReadonlyMap<string, string>;
  readonly relOn?: readonly ModelRelation[];
  readonly relOff?: readonly ModelRelation[];
};

interface ModelAnnotationState {
  label: string;
  present: boolean;
}

/** What one `check` saw, for the figures. */
export interface CheckOutcome {
  /** Ids whose text was deleted and that a text undo brought back live. */
  readonly restored: number;
  readonly orphans: readonly string[];
}

/** Splits a string into units: code points, with CRLF kept as one. */
export function toUnits(text: string, ids: ReadonlySet<string> = new Set()): Unit[] {
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

export class ReferenceModel {
  units: Unit[];
  private readonly states = new Map<string, ModelAnnotationState>();
  /** The relations the user has now, by id. */
  private readonly relationsNow = new Map<string, ModelRelation>();
  private annUndo: ModelChange[] = [];
  private annRedo: ModelChange[] = [];
  private textUndo: TextUndo[] = [];
  private readonly undoLabels = new Map<ModelChange, ReadonlyMap<string, string>>();
  /** Ids found neither live nor orphan by `check` (which then fails): must stay 0. */
  lost = 0;

  constructor(
    text: string,
    /** Throws with the story of the session. */
    private readonly fail: (message: string) => never,
  ) {
    this.units = toUnits(text);
  }

  get text(): string {
    return this.units.map((u) => u.s).join('');
  }

  get canUndoText(): boolean {
    return this.textUndo.length > 0;
  }

  get canUndoAnnotations(): boolean {
    return this.annUndo.length > 0;
  }

  get canRedoAnnotations(): boolean {
    return this.annRedo.length > 0;
  }

  has(id: string): boolean {
    return this.states.has(id);
  }

  /** Ids the user has now, with their labels. */
  present(): Map<string, string> {
    const out = new Map<string, string>();
    for (const [id, s] of this.states) if (s.present) out.set(id, s.label);
    return out;
  }

  utf16(unitIndex: number): number {
    let n = 0;
    for (let i = 0; i < unitIndex; i++) n += (this.units[i] as Unit).s.length;
    return n;
  }

  unitAt(utf16: number): number {
    let n = 0;
    for (let i = 0; i < this.units.length; i++) {
      if (n >= utf16) return i;
      n += (this.units[i] as Unit).s.length;
    }
    return this.units.length;
  }

  // ---- text ----

  /** A text edit in the editor, in units (clamped); returns it in UTF-16 (old coordinates), or undefined when it changes nothing. */
  edit(at: number, len: number, inserted: string): TextEdit | undefined {
    const s = at % (this.units.length + 1);
    const e = Math.min(this.units.length, s + len);
    if (s === e && inserted === '') return undefined;
    const edit: TextEdit = { start: this.utf16(s), end: this.utf16(e), insertedLength: inserted.length };
    const removed = this.units.slice(s, e);
    const kept = [...this.units.slice(0, s), ...this.units.slice(e)];
    const inside = intersection(kept[s - 1]?.ids, kept[s]?.ids);
    const added = toUnits(inserted, inside);
    this.units = [...kept.slice(0, s), ...added, ...kept.slice(s)];
    this.textUndo.push({ at: s, removed, inserted: added.length });
    return edit;
  }

  /** Text undo of the last edit, as VS Code reports it: one change putting the old text back. */
  undoText(): { edit: TextEdit; text: string } | undefined {
    const last = this.textUndo.pop();
    if (!last) return undefined;
    const text = last.removed.map((u) => u.s).join('');
    const edit: TextEdit = { start: this.utf16(last.at), end: this.utf16(last.at + last.inserted), insertedLength: text.length };
    const kept = [...this.units.slice(0, last.at), ...this.units.slice(last.at + last.inserted)];
    const inside = intersection(kept[last.at - 1]?.ids, kept[last.at]?.ids);
    const back = last.removed.map((u) => ({ s: u.s, ids: new Set([...u.ids, ...inside]) }));
    this.units = [...kept.slice(0, last.at), ...back, ...kept.slice(last.at)];
    return { edit, text };
  }

  // ---- annotation actions ----

  /** The span the Tag command takes for units at..at+len (white space trimmed), or undefined. */
  tagRange(at: number, len: number): { s: number; e: number; start: number; end: number } | undefined {
    if (this.units.length === 0) return undefined;
    let s = at % this.units.length;
    let e = Math.min(this.units.length, s + len);
    while (s < e && /^\s+$/u.test((this.units[s] as Unit).s)) s++;
    while (e > s && /^\s+$/u.test((this.units[e - 1] as Unit).s)) e--;
    if (e <= s) return undefined;
    return { s, e, start: this.utf16(s), end: this.utf16(e) };
  }

  /** The user tagged units s..e with a new id. */
  tagged(id: string, label: string, s: number, e: number): void {
    if (this.states.has(id)) this.fail(`id ${id} was given twice in one session`);
    this.states.set(id, { label, present: false });
    for (let i = s; i < e; i++) (this.units[i] as Unit).ids.add(id);
    this.record({ on: [id], off: [], labels: new Map() }, new Map());
  }

  removed(id: string): void {
    this.record({ on: [], off: [id], labels: new Map(), relOff: this.touching(id) }, new Map());
  }

  /** Change Label: `clash`, a tag of the new label on the same span, is removed with it (and its relations). */
  relabelled(id: string, from: string, to: string, clash: string | undefined): void {
    this.record({ on: [id], off: clash ? [clash] : [], labels: new Map([[id, to]]), relOff: clash ? this.touching(clash) : [] }, new Map([[id, from]]));
  }

  /** Link: a new relation between two annotations the user has. */
  linked(relation: ModelRelation): void {
    if (this.relationsNow.has(relation.id)) this.fail(`relation id ${relation.id} is in use`);
    this.record({ on: [], off: [], labels: new Map(), relOn: [relation] }, new Map());
  }

  unlinked(id: string): void {
    const r = this.relationsNow.get(id);
    if (r) this.record({ on: [], off: [], labels: new Map(), relOff: [r] }, new Map());
  }

  /** The relations the user has now. */
  relations(): ModelRelation[] {
    return [...this.relationsNow.values()];
  }

  private touching(id: string): ModelRelation[] {
    return [...this.relationsNow.values()].filter((r) => r.from === id || r.to === id);
  }

  annotationUndo(): void {
    const change = this.annUndo.pop();
    if (!change) return;
    const labelsBefore = this.undoLabels.get(change) ?? new Map<string, string>();
    // The inverse switches back what the change switched; a relabelled id stays present with its old label.
    const relabelled = [...change.labels.keys()];
    this.applyChange({
      on: [...change.off, ...relabelled],
      off: change.on.filter((id) => !relabelled.includes(id)),
      labels: labelsBefore,
      relOn: change.relOff ?? [],
      relOff: change.relOn ?? [],
    });
    this.annRedo.push(change);
  }

  annotationRedo(): void {
    const change = this.annRedo.pop();
    if (!change) return;
    this.applyChange(change);
    this.annUndo.push(change);
  }

  private record(change: ModelChange, labelsBefore: ReadonlyMap<string, string>): void {
    this.applyChange(change);
    this.annUndo.push(change);
    this.undoLabels.set(change, labelsBefore);
    this.annRedo = [];
  }

  private applyChange(change: ModelChange): void {
    for (const id of change.off) (this.states.get(id) as ModelAnnotationState).present = false;
    for (const id of change.on) (this.states.get(id) as ModelAnnotationState).present = true;
    for (const [id, label] of change.labels) (this.states.get(id) as ModelAnnotationState).label = label;
    for (const r of change.relOff ?? []) this.relationsNow.delete(r.id);
    for (const r of change.relOn ?? []) this.relationsNow.set(r.id, r);
  }

  // ---- loads ----

  /**
   * The sidecar was loaded again (the editor's reset): text undo can no longer restore spans and
   * annotation history is cleared, so the model forgets both too and restarts from what was loaded
   * (UTF-16 spans on the model's text; orphans kept aside).
   */
  loadFrom(annotations: readonly Annotation[], relations: readonly Relation[] = []): void {
    this.relationsNow.clear();
    for (const r of relations) this.relationsNow.set(r.id, { id: r.id, type: r.type, from: r.from, to: r.to });
    this.annUndo = [];
    this.annRedo = [];
    this.textUndo = [];
    // History is cleared too, so ids that were not loaded are forgotten and may be given again.
    const ids = new Set(annotations.map((a) => a.id));
    for (const id of [...this.states.keys()]) if (!ids.has(id)) this.states.delete(id);
    for (const u of this.units) u.ids.clear();
    // Re-anchoring works in code points and may put a quote that starts or ends with a lone LF on
    // the LF of a CRLF: the model splits that pair so the boundary is one of its own.
    for (const a of annotations) if (!a.orphan) for (const b of [a.start, a.end]) this.splitCrlfAt(b);
    for (const a of annotations) {
      const state = this.states.get(a.id);
      if (!state) this.states.set(a.id, { label: a.label, present: true });
      else {
        state.label = a.label;
        state.present = true;
      }
      if (a.orphan) continue;
      for (let i = this.unitAt(a.start); i < this.unitAt(a.end); i++) (this.units[i] as Unit).ids.add(a.id);
    }
  }

  /** Text undo cannot go back past this point (the editor's history no longer matches the model's). */
  forgetTextUndo(): void {
    this.textUndo = [];
  }

  /** Text replaced outside any edit history (a reload from disk): the units become `text`, with no ids. */
  replaceText(text: string): void {
    this.units = toUnits(text);
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

  /** The model's span of an id in UTF-16, or undefined when none of its characters exist. */
  span(id: string): { start: number; end: number } | undefined {
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

  /** Ids present whose text is all deleted and that are not orphans (waiting for a text undo). */
  deletedWithText(orphans: readonly Annotation[]): number {
    let n = 0;
    for (const [id, state] of this.states) if (state.present && this.span(id) === undefined && !orphans.some((o) => o.id === id)) n++;
    return n;
  }

  // ---- the invariant ----

  /** The editor's relations are exactly the model's: same ids, types and ends. */
  private checkRelations(relations: readonly Relation[]): void {
    const key = (r: ModelRelation): string => `${r.id} ${r.type} ${r.from}→${r.to}`;
    const editor = relations.map(key).sort();
    const model = [...this.relationsNow.values()].map(key).sort();
    if (editor.join('\n') !== model.join('\n')) this.fail(`relations differ: the editor has [${editor.join('; ')}], the model [${model.join('; ')}]`);
  }

  /** Checks the editor's live annotations and orphans against the model (see the file comment). */
  check(live: readonly Annotation[], orphans: readonly Annotation[], text: string = this.text, relations?: readonly Relation[]): CheckOutcome {
    if (relations) this.checkRelations(relations);
    const seen = new Set<string>();
    for (const a of [...live, ...orphans]) {
      if (seen.has(a.id)) this.fail(`duplicate id ${a.id}`);
      seen.add(a.id);
      const state = this.states.get(a.id);
      if (!state?.present) this.fail(`${a.id} is back although the user removed it (a ghost)`);
      if (a.label !== state.label) this.fail(`${a.id} has label ${a.label}, the model says ${state.label}`);
    }
    for (const a of live) {
      if (a.start >= a.end) this.fail(`${a.id} is live with an empty span ${a.start}-${a.end}`);
      if (text.slice(a.start, a.end) !== a.text) this.fail(`${a.id} says it covers «${a.text}» but covers «${text.slice(a.start, a.end)}»`);
    }
    let restored = 0;
    for (const [id, state] of this.states) {
      if (!state.present) continue;
      const expected = this.span(id);
      const a = live.find((x) => x.id === id);
      const orphan = orphans.some((x) => x.id === id);
      if (expected === undefined) {
        // Its whole text is deleted: gone from the live spans until a text undo, or an orphan.
        // A text undo may also bring it back where exactly its quote has been put back (an undo
        // re-inserting the same characters at the same place), which the model then follows.
        if (a) {
          restored++;
          for (let i = this.unitAt(a.start); i < this.unitAt(a.end); i++) (this.units[i] as Unit).ids.add(id);
        }
        continue;
      }
      if (orphan) continue;
      if (!a) {
        this.lost++;
        this.fail(`${id} is lost: the model has it at ${expected.start}-${expected.end}`);
      }
      if (a.start !== expected.start || a.end !== expected.end) this.fail(`${id} is at ${a.start}-${a.end}, the model says ${expected.start}-${expected.end}`);
    }
    return { restored, orphans: orphans.map((o) => o.id) };
  }
}
