/**
 * A simulated editing session checked against a reference model, shared by the unit suite (a few
 * hundred sequences) and `npm run test:stress` (ten thousand and more).
 *
 * The session drives the real core classes the way `src/editor/annotationDocument.ts` and
 * `src/editor/sidecarSync.ts` drive them: `TrackedAnnotations` and `AnnotationHistory` receive the
 * same calls, and saving and loading go through buildSidecar → serializeSidecar → parseSidecar →
 * placeSidecarAnnotations.
 *
 * The reference model (`referenceModel.ts`) follows every character's tags; after every step the
 * core classes' live annotations and orphans are checked against it.
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
import { TrackedAnnotations } from '../../../src/core/model/trackedAnnotations';
import { buildSidecar, placeSidecarAnnotations } from '../../../src/core/sidecar/documentAnnotations';
import { mergeSidecarParts } from '../../../src/core/sidecar/mergeAnnotations';
import type { Relation } from '../../../src/core/model/relation';
import { reanchorAnnotations } from '../../../src/core/sidecar/reanchor';
import { parseSidecar } from '../../../src/core/sidecar/parseSidecar';
import { serializeSidecar } from '../../../src/core/sidecar/serializeSidecar';
import type { Sidecar } from '../../../src/core/sidecar/sidecarTypes';
import { ReferenceModel } from './referenceModel';

/**
 * What text is made of: Arabic words with harakat, shadda and tatweel, repeated words (so that
 * quotes are ambiguous), emoji (astral, and a ZWJ sequence), CRLF and LF, Latin, format marks.
 */
export const FRAGMENTS: readonly string[] = ['المغرب', 'وَزِيرُ', 'الخارجيّة', 'مـــصر', 'في', 'ال', ' ', ' ', '، ', '😀', '👨‍👩‍👧', '\r\n', '\n', 'abc', 'ً', 'ـ', '\u200F', 'ب', 'ا'];

export const LABELS: readonly string[] = ['PER', 'ORG', 'LOC', 'DATE'];
export const RELATION_TYPES: readonly string[] = ['member_of', 'met'];

export type Step =
  | { readonly k: 'type'; readonly at: number; readonly frags: readonly number[] }
  | { readonly k: 'delete'; readonly at: number; readonly len: number }
  | { readonly k: 'replace'; readonly at: number; readonly len: number; readonly frags: readonly number[] }
  | { readonly k: 'tag'; readonly at: number; readonly len: number; readonly label: number }
  | { readonly k: 'remove'; readonly pick: number }
  | { readonly k: 'relabel'; readonly pick: number; readonly label: number }
  | { readonly k: 'link'; readonly from: number; readonly to: number; readonly type: number }
  | { readonly k: 'unlink'; readonly pick: number }
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
  { weight: 3, arbitrary: fc.record({ k: fc.constant('link' as const), from: fc.nat(50), to: fc.nat(50), type: fc.nat(RELATION_TYPES.length - 1) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('unlink' as const), pick: fc.nat(50) }) },
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
  /** Relations made by Link. */
  linked: number;
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
    linked: 0,
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

export class SessionFailure extends Error {}

/**
 * The editor side (real core classes, called as the editor calls them) and the model side, kept
 * in step. `run` applies steps and throws a SessionFailure with the whole story on a violation.
 */
export class EditSession {
  private readonly model: ReferenceModel;
  private readonly tracked: TrackedAnnotations;
  private readonly history: AnnotationHistory;
  /** The sidecar content as last written, to reload from. */
  private disk: string | undefined;
  private readonly log: string[] = [];
  private readonly orphanedIds = new Set<string>();

  constructor(
    initial: readonly number[],
    private readonly figures: SessionFigures,
  ) {
    this.model = new ReferenceModel(initial.map((i) => FRAGMENTS[i] as string).join(''), (m) => this.fail(m));
    this.tracked = new TrackedAnnotations();
    this.history = new AnnotationHistory(this.tracked);
  }

  get text(): string {
    return this.model.text;
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
      this.figures.lost += this.model.lost;
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
      case 'link':
        return this.link(step.from, step.to, RELATION_TYPES[step.type] as string);
      case 'unlink':
        return this.unlink(step.pick);
      case 'annUndo':
        this.replay(this.history.undo());
        this.model.annotationUndo();
        return;
      case 'annRedo':
        this.replay(this.history.redo());
        this.model.annotationRedo();
        return;
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
    const edit = this.model.edit(at, len, fragments.map((i) => FRAGMENTS[i] as string).join(''));
    if (edit) applyTextChange(this.tracked, this.history, [edit], this.read, false);
  }

  /** Text undo of the last edit, as VS Code reports it: one change putting the old text back. */
  private undoText(): void {
    const before = this.tracked.all.length;
    const undone = this.model.undoText();
    if (!undone) return;
    applyTextChange(this.tracked, this.history, [undone.edit], this.read, 'undo');
    if (this.tracked.all.length > before) this.figures.restoredByUndo += this.tracked.all.length - before;
  }

  // ---- annotation actions (AnnotationDocument.apply / undo / redo) ----

  private applyAnnotations(edit: AnnotationEdit): void {
    applyAnnotationEdit(this.tracked, this.history, edit);
  }

  private replay(change: AnnotationChange | undefined): void {
    replayChange(this.tracked, change);
  }

  /** Tag command: trims white space, skips a span already tagged with that label. */
  private tag(at: number, len: number, label: string): void {
    const range = this.model.tagRange(at, len);
    if (!range) return;
    const { s, e, start, end } = range;
    if (this.tracked.inRange(start, end).some((a) => sameSpanAndLabel(a, { start, end, label }))) return;
    const id = this.tracked.nextId();
    const annotation: Annotation = { id, label, start, end, text: this.text.slice(start, end), status: 'accepted', source: 'manual' };
    this.model.tagged(id, label, s, e);
    this.applyAnnotations({ put: [annotation] });
    this.figures.tagged++;
  }

  private pick(pick: number): Annotation | undefined {
    const all = [...this.tracked.all, ...this.tracked.orphans];
    return all.length === 0 ? undefined : all[pick % all.length];
  }

  private remove(pick: number): void {
    const a = this.pick(pick);
    if (!a) return;
    this.applyAnnotations({ remove: [a.id] });
    this.model.removed(a.id);
    this.figures.removedByUser++;
  }

  /** Change Label command: removes a tag of the new label on the same span (a clash). */
  private relabel(pick: number, label: string): void {
    const a = this.pick(pick);
    if (!a || a.label === label) return;
    const clash = this.tracked.all.find((b) => b.start === a.start && b.end === a.end && b.label === label && b.id !== a.id);
    const relabelled = { ...a, label, status: 'accepted' as const };
    this.applyAnnotations({ remove: clash ? [clash.id] : [], put: [relabelled] });
    this.model.relabelled(a.id, a.label, label, clash?.id);
  }

  /** Link: between two annotations the user has (live or orphan), not the same relation twice. */
  private link(from: number, to: number, type: string): void {
    const a = this.pick(from);
    const b = this.pick(to);
    if (!a || !b || a.id === b.id) return;
    if (this.tracked.relations.some((r) => r.type === type && r.from === a.id && r.to === b.id)) return;
    const relation: Relation = { id: this.tracked.nextRelationId(), type, from: a.id, to: b.id, status: 'accepted', source: 'manual' };
    this.model.linked(relation);
    this.applyAnnotations({ putRelations: [relation] });
    this.figures.linked++;
  }

  private unlink(pick: number): void {
    const all = this.tracked.relations;
    const r = all[pick % Math.max(1, all.length)];
    if (!r) return;
    this.model.unlinked(r.id);
    this.applyAnnotations({ removeRelations: [r.id] });
  }

  // ---- sidecar ----

  private render(): string {
    return serializeSidecar(buildSidecar({ path: 'article.txt', annotator: 'salma' }, this.text, this.tracked.all, this.tracked.orphans, this.tracked.relations));
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
    // Every relation comes back whose two ends were written; one waiting with a deleted end is not written.
    const written = new Set(memory.map((a) => a.id));
    const expected = this.tracked.relations.filter((r) => written.has(r.from) && written.has(r.to)).map((r) => `${r.id} ${r.type} ${r.from}→${r.to}`);
    const readBack = (parsed.sidecar.relations ?? []).map((r) => `${r.id} ${r.type} ${r.from}→${r.to}`);
    if (expected.join('\n') !== readBack.join('\n')) this.fail(`save and reload changed the relations: [${expected.join('; ')}] → [${readBack.join('; ')}]`);
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
    const relations = parsed.sidecar.relations ?? [];
    this.tracked.reset(placed.annotations, relations);
    this.history.clear();
    this.model.loadFrom(placed.annotations, relations);
  }

  private occurrences(text: string, quote: string): number[] {
    const found: number[] = [];
    for (let i = text.indexOf(quote); i >= 0; i = text.indexOf(quote, i + 1)) found.push(i);
    return found;
  }

  /**
   * The text changes while the document is closed: the sidecar saved before no longer matches and
   * is re-anchored when the document opens again.
   */
  private externalText(at: number, len: number, fragments: readonly number[]): void {
    this.figures.externalTextChanges++;
    const saved = this.save();
    const savedAnnotations = [...this.tracked.all, ...this.tracked.orphans];
    const units = this.model.units;
    const s = at % (units.length + 1);
    const e = Math.min(units.length, s + len);
    const removedIds = new Set<string>();
    for (const u of units.slice(s, e)) for (const id of u.ids) removedIds.add(id);
    const kept = [...units.slice(0, s), ...units.slice(e)];
    // Characters next to the change are touched too: a quote may now run on into new text.
    for (const u of [kept[s - 1], kept[s]]) for (const id of u?.ids ?? []) removedIds.add(id);
    const expectedSpans = new Map(savedAnnotations.map((a) => [a.id, this.model.span(a.id)]));
    const before = units
      .slice(0, s)
      .map((u) => u.s)
      .join('');
    const after = units
      .slice(e)
      .map((u) => u.s)
      .join('');
    const inserted = fragments.map((i) => FRAGMENTS[i] as string).join('');
    const text = before + inserted + after;
    // Where a span after the change now is, in the new text.
    const shift = inserted.length - units.slice(s, e).reduce((n, u) => n + u.s.length, 0);
    const cut = before.length;
    this.model.replaceText(text);
    const parsed = parseSidecar(saved);
    const placed = placeSidecarAnnotations(parsed.sidecar as Sidecar, text);
    const byId = new Map(placed.annotations.map((a) => [a.id, a]));
    // Re-anchoring never stacks one label twice on a span: only spans that were there, placed,
    // may share it (code point offsets, as saved).
    const savedById = new Map((parsed.sidecar as Sidecar).annotations.map((a) => [a.id, a]));
    const sharing = new Map<string, Annotation[]>();
    for (const p of reanchorAnnotations((parsed.sidecar as Sidecar).annotations, text).annotations) {
      if (!p.orphan) sharing.set(`${p.start}:${p.end}:${p.label}`, [...(sharing.get(`${p.start}:${p.end}:${p.label}`) ?? []), p]);
    }
    for (const [key, list] of sharing) {
      const stayed = (p: Annotation): boolean => {
        const was = savedById.get(p.id);
        return was !== undefined && !was.orphan && was.start === p.start && was.end === p.end;
      };
      if (list.length > 1 && !list.every(stayed)) this.fail(`re-anchoring put ${list.map((p) => p.id).join(' and ')} on one span with one label (${key})`);
    }
    const onSpan = new Set(placed.annotations.filter((p) => !p.orphan).map((p) => `${p.start}:${p.end}:${p.label}`));
    for (const a of savedAnnotations) {
      const p = byId.get(a.id);
      if (!p) {
        this.figures.lost++;
        this.fail(`re-anchoring lost ${a.id}`);
      }
      if (p.label !== a.label || p.text !== a.text) this.fail(`re-anchoring changed ${a.id}`);
      const occurs = a.text !== '' && text.includes(a.text);
      if (p.orphan) {
        // Every copy of the quote may already carry this label: then the tag waits as an orphan.
        const free = occurs && this.occurrences(text, a.text).some((at) => !onSpan.has(`${at}:${at + a.text.length}:${a.label}`));
        if (free) this.fail(`${a.id} became an orphan although «${a.text}» is in the text, with a copy free of ${a.label}`);
        continue;
      }
      if (text.slice(p.start, p.end) !== a.text) this.fail(`${a.id} was re-anchored on «${text.slice(p.start, p.end)}», not on its quote «${a.text}»`);
      const first = text.indexOf(a.text);
      const unique = first >= 0 && text.indexOf(a.text, first + 1) < 0;
      const old = expectedSpans.get(a.id);
      if (unique && !a.orphan && !removedIds.has(a.id) && old) {
        const expected = old.start >= cut ? { start: old.start + shift, end: old.end + shift } : old;
        if (expected.start !== p.start || expected.end !== p.end)
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
    let theirRelations: Relation[] = [...(sidecar.relations ?? [])];
    if (step.what === 'remove' && target) {
      theirs = theirs.filter((a) => a.id !== target.id);
      // Another writer that removes a tag removes its relations, or its file would not read.
      theirRelations = theirRelations.filter((r) => r.from !== target.id && r.to !== target.id);
    }
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
    const content = serializeSidecar({ ...sidecar, annotations: theirs, relations: theirRelations });
    const parsed = parseSidecar(content);
    if (!parsed.sidecar) this.fail(`their sidecar does not parse: ${JSON.stringify(parsed.problems)}`);
    if (step.what !== 'merge') {
      this.loadFrom(content, text);
      return;
    }
    // "Merge Both": what sidecarSync.resolveConflict does; nothing of either side may go missing.
    const placed = placeSidecarAnnotations(parsed.sidecar, text);
    const current = [...this.tracked.all, ...this.tracked.orphans];
    const parts = mergeSidecarParts(
      { annotations: current, relations: this.tracked.relations },
      { annotations: placed.annotations, relations: parsed.sidecar.relations ?? [] },
      (id) => this.tracked.hasUsed(id),
    );
    const merged = parts.annotations;
    for (const r of this.tracked.relations) {
      const ends = new Set(merged.map((a) => a.id));
      if (ends.has(r.from) && ends.has(r.to) && !parts.relations.some((x) => x.id === r.id)) this.fail(`merge lost my relation ${r.id}`);
    }
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
        parts.relations,
      ),
    );
    this.loadFrom(merge, text);
  }

  // ---- the invariant ----

  private check(): void {
    const outcome = this.model.check(this.tracked.all, this.tracked.orphans, this.text, this.tracked.relations);
    this.figures.restoredByUndo += outcome.restored;
    for (const id of outcome.orphans) this.orphanedIds.add(id);
  }

  private finish(): void {
    this.figures.deletedWithText += this.model.deletedWithText(this.tracked.orphans);
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
