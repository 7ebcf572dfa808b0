/**
 * A race fuzzer in the real extension host: random sequences of open, tag, remove, relabel,
 * annotation undo and redo, typing, text undo, save, close and reopen, reloads of the text from
 * disk and other writers' changes of the sidecar, issued one after another without waiting for
 * their effects (loads, debounced writes, file watcher events). Commands and edits are awaited
 * only as a keyboard user's keystrokes are (each is done before the next is pressed); everything
 * they set off runs behind the fuzzer's back.
 *
 * The oracle is the reference model the core property test uses (`referenceModel.ts`): at each
 * checkpoint the store's annotations must be what the model says, and the sidecar on disk must
 * hold exactly what the store holds.
 *
 *   TAWSIM_FUZZ_SEED   replay one seed (printed on failure)
 *   TAWSIM_FUZZ_RUNS   sequences (default 4)
 *   TAWSIM_FUZZ_STEPS  steps per sequence (default 100)
 */
import * as vscode from 'vscode';
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TawsimApi } from '../../src/extension';
import type { AnnotationDocument } from '../../src/editor/annotationDocument';
import type { Annotation } from '../../src/core/model/annotation';
import { CommandId } from '../../src/editor/commandIds';
import { parseSidecar } from '../../src/core/sidecar/parseSidecar';
import { serializeSidecar } from '../../src/core/sidecar/serializeSidecar';
import { placeSidecarAnnotations } from '../../src/core/sidecar/documentAnnotations';
import { sha256Hex } from '../../src/core/sidecar/hash';
import { CodePointIndex } from '../../src/core/model/offsets';
import { writeTextAtomic } from '../../src/node/atomicWrite';
import { ReferenceModel } from '../unit/robustness/referenceModel';
import { FRAGMENTS, LABELS } from '../unit/robustness/editSession';
import { activateTawsim, closeAll, waitFor, workspaceDir } from './helpers';
import { seeded } from '../../src/core/random';

const RUNS = Number(process.env['TAWSIM_FUZZ_RUNS'] ?? 4);
const STEPS = Number(process.env['TAWSIM_FUZZ_STEPS'] ?? 100);
const FIXED_SEED = process.env['TAWSIM_FUZZ_SEED'];
/** A VS Code document has one line-end style: inserting a lone LF into it stays LF only without CR. */
const HOST_FRAGMENTS = FRAGMENTS.filter((f) => !f.includes('\r'));

type StepKind = 'type' | 'delete' | 'replace' | 'tag' | 'remove' | 'relabel' | 'annUndo' | 'annRedo' | 'textUndo' | 'save' | 'close' | 'extText' | 'extSidecar' | 'check';
const WEIGHTS: readonly [StepKind, number][] = [
  ['type', 5],
  ['delete', 3],
  ['replace', 2],
  ['tag', 7],
  ['remove', 2],
  ['relabel', 2],
  ['annUndo', 3],
  ['annRedo', 2],
  ['textUndo', 3],
  ['save', 3],
  ['close', 1],
  ['extText', 1],
  ['extSidecar', 1],
  ['check', 1],
];

export interface FuzzFigures {
  sequences: number;
  steps: number;
  tags: number;
  saves: number;
  reloads: number;
  foreignSidecars: number;
  checks: number;
}

class FuzzFailure extends Error {}

/** One sequence on one fresh document. */
class HostSession {
  private readonly rnd: () => number;
  private readonly log: string[] = [];
  private model!: ReferenceModel;
  private document!: vscode.TextDocument;
  private editor: vscode.TextEditor | undefined;
  private readonly file: string;
  private readonly sidecar: string;
  /** Promises of saves issued and not awaited. */
  private readonly inFlight: Thenable<unknown>[] = [];
  private foreign = 0;

  constructor(
    private readonly api: TawsimApi,
    private readonly seed: number,
    private readonly figures: FuzzFigures,
  ) {
    this.rnd = seeded(seed);
    this.file = path.join(workspaceDir(), 'fuzz', `s${seed}-${Date.now().toString(36)}.txt`);
    this.sidecar = `${this.file}.ann.yaml`;
  }

  private int(n: number): number {
    return Math.floor(this.rnd() * n);
  }

  private fail(message: string): never {
    throw new FuzzFailure(`${message}\nseed ${this.seed} (replay: TAWSIM_FUZZ_SEED=${this.seed})\nsteps:\n  ${this.log.join('\n  ')}\ntext: ${JSON.stringify(this.model.text)}`);
  }

  private fragments(): string {
    let s = '';
    for (let i = 1 + this.int(3); i > 0; i--) s += HOST_FRAGMENTS[this.int(HOST_FRAGMENTS.length)] as string;
    return s;
  }

  async run(): Promise<void> {
    try {
      await this.runSteps();
    } catch (e) {
      if (e instanceof FuzzFailure) throw e;
      const store = this.api.services.stores.get(this.document.uri);
      const onDisk = fs.existsSync(this.sidecar) ? fs.readFileSync(this.sidecar, 'utf8') : '(absent)';
      this.fail(
        `${(e as Error).message}\nstore: ${JSON.stringify(store?.state)}\nlive: ${JSON.stringify(store?.tracked.all)}\norphans: ${JSON.stringify(store?.tracked.orphans)}\non disk:\n${onDisk}`,
      );
    }
  }

  private async runSteps(): Promise<void> {
    let text = '';
    for (let i = 8 + this.int(12); i > 0; i--) text += this.fragments();
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    fs.writeFileSync(this.file, text);
    this.model = new ReferenceModel(text, (m) => this.fail(m));
    // Open and tag at once: the first tag races the load of the (absent) sidecar.
    this.log.push('open');
    this.document = await vscode.workspace.openTextDocument(vscode.Uri.file(this.file));
    this.figures.sequences++;
    for (let i = 0; i < STEPS; i++) {
      const step = i === 0 ? 'tag' : this.pickStep();
      this.figures.steps++;
      await this.step(step);
    }
    await this.checkpoint();
    await this.sync();
  }

  private pickStep(): StepKind {
    const total = WEIGHTS.reduce((n, [, w]) => n + w, 0);
    let r = this.rnd() * total;
    for (const [kind, w] of WEIGHTS) {
      r -= w;
      if (r < 0) return kind;
    }
    return 'check';
  }

  private async shown(): Promise<vscode.TextEditor> {
    if (this.editor && vscode.window.visibleTextEditors.includes(this.editor)) return this.editor;
    this.editor = await vscode.window.showTextDocument(this.document);
    return this.editor;
  }

  private async step(kind: StepKind): Promise<void> {
    switch (kind) {
      case 'type':
        return this.edit(this.int(200), 0, this.fragments());
      case 'delete':
        return this.edit(this.int(200), 1 + this.int(6), '');
      case 'replace':
        return this.edit(this.int(200), 1 + this.int(6), this.fragments());
      case 'tag':
        return this.tag();
      case 'remove':
        return this.remove();
      case 'relabel':
        return this.relabel();
      case 'annUndo':
        if (!this.model.canUndoAnnotations) return;
        this.log.push('annUndo');
        this.model.annotationUndo();
        await this.shown();
        await vscode.commands.executeCommand(CommandId.undo);
        return;
      case 'annRedo':
        if (!this.model.canRedoAnnotations) return;
        this.log.push('annRedo');
        this.model.annotationRedo();
        await this.shown();
        await vscode.commands.executeCommand(CommandId.redo);
        return;
      case 'textUndo':
        return this.textUndo();
      case 'save':
        this.log.push('save (not awaited)');
        this.figures.saves++;
        await this.shown();
        this.inFlight.push(vscode.commands.executeCommand(CommandId.save));
        return;
      case 'close':
        this.log.push('close editor');
        await this.shown();
        await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
        this.editor = undefined;
        return;
      case 'extText':
        return this.reloadFromDisk();
      case 'extSidecar':
        return this.foreignSidecar();
      case 'check':
        return this.checkpoint();
    }
  }

  private async edit(at: number, len: number, inserted: string): Promise<void> {
    const edit = this.model.edit(at, len, inserted);
    if (!edit) return;
    this.log.push(`edit ${edit.start}-${edit.end} ${JSON.stringify(inserted)}`);
    const editor = await this.shown();
    const d = editor.document;
    const ok = await editor.edit((b) => b.replace(new vscode.Range(d.positionAt(edit.start), d.positionAt(edit.end)), inserted));
    if (!ok) this.fail('an edit was refused');
  }

  private async textUndo(): Promise<void> {
    if (!this.model.canUndoText) return;
    const undone = this.model.undoText();
    this.log.push(`text undo → ${JSON.stringify(undone?.text)}`);
    await this.shown();
    await vscode.commands.executeCommand('undo');
  }

  private async tag(): Promise<void> {
    const range = this.model.tagRange(this.int(200), 1 + this.int(5));
    if (!range) return;
    const label = LABELS[this.int(LABELS.length)] as string;
    this.log.push(`tag ${range.start}-${range.end} ${label}`);
    const editor = await this.shown();
    const d = editor.document;
    editor.selection = new vscode.Selection(d.positionAt(range.start), d.positionAt(range.end));
    const put = await vscode.commands.executeCommand<Annotation[]>(CommandId.tag, { label });
    const added = put?.[0];
    if (!added) return;
    this.figures.tags++;
    this.model.tagged(added.id, label, range.s, range.e);
  }

  private async store(): Promise<AnnotationDocument> {
    const store = await this.api.services.stores.ensure(this.document);
    if (!store) this.fail('the document has no store');
    return store;
  }

  private async remove(): Promise<void> {
    const store = await this.store();
    const all = [...store.tracked.all, ...store.tracked.orphans];
    const a = all[this.int(all.length)];
    if (!a) return;
    this.log.push(`remove ${a.id}`);
    await vscode.commands.executeCommand(CommandId.remove, { uri: this.document.uri.toString(), id: a.id });
    this.model.removed(a.id);
  }

  private async relabel(): Promise<void> {
    const store = await this.store();
    const all = [...store.tracked.all, ...store.tracked.orphans];
    const a = all[this.int(all.length)];
    const label = LABELS[this.int(LABELS.length)] as string;
    if (!a || a.label === label) return;
    const clash = store.tracked.all.find((b) => b.start === a.start && b.end === a.end && b.label === label && b.id !== a.id);
    this.log.push(`relabel ${a.id} ${a.label} → ${label}`);
    await vscode.commands.executeCommand(CommandId.changeLabel, { uri: this.document.uri.toString(), id: a.id, label });
    this.model.relabelled(a.id, a.label, label, clash?.id);
  }

  /** Another program rewrites the text on disk (a new first line) while the document is open and clean. */
  private async reloadFromDisk(): Promise<void> {
    await this.shown();
    await vscode.commands.executeCommand(CommandId.save);
    // A save of the text still running would write the editor's text over the other program's.
    await this.sync();
    const line = `«سطر ${this.figures.reloads++}»\n`;
    this.log.push(`text changed on disk: ${JSON.stringify(line)} at the top`);
    const expected = line + this.document.getText();
    fs.writeFileSync(this.file, expected);
    // The file watcher brings the change in, unless VS Code takes the event for its own save
    // (it can, right after one); Revert File reads the disk again either way.
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitFor('the text to be reloaded from disk', () => this.document.getText() === expected, 15_000).catch(() =>
      this.fail(
        `the text was not reloaded from disk: dirty ${this.document.isDirty}, document ${JSON.stringify(this.document.getText())}, file ${JSON.stringify(fs.readFileSync(this.file, 'utf8'))}`,
      ),
    );
    this.model.edit(0, 0, line);
    // Whether VS Code keeps the reload in its undo history or not, the model undoes nothing before it.
    this.model.forgetTextUndo();
  }

  /**
   * Another writer adds a tag to the sidecar (with `tawsim.conflict: merge`). The fuzzer waits for
   * the store to have taken it, then checks that nothing of ours went, and the model starts again
   * from the store (a load clears annotation history, a merge adds to it: the model undoes only
   * what comes after).
   */
  private async foreignSidecar(): Promise<void> {
    await this.checkpoint();
    const content = fs.existsSync(this.sidecar) ? fs.readFileSync(this.sidecar, 'utf8') : undefined;
    const parsed = content === undefined ? undefined : parseSidecar(content);
    if (!parsed?.sidecar) return;
    // Offsets of the text the sidecar describes: the text on disk, which the document may have
    // moved away from with unsaved edits.
    const onDiskText = fs.readFileSync(this.file, 'utf8');
    if (sha256Hex(onDiskText) !== parsed.sidecar.document.sha256) return;
    const points = Array.from(onDiskText);
    const start = this.int(points.length);
    const end = Math.min(points.length, start + 1 + this.int(4));
    const quote = points.slice(start, end).join('');
    if (quote.trim() === '' || /\n/.test(quote)) return;
    if (parsed.sidecar.annotations.some((a) => a.label === 'MISC' && a.start === start && a.end === end)) return;
    const id = `x${++this.foreign}`;
    this.figures.foreignSidecars++;
    this.log.push(`another writer adds ${id} on «${quote}»`);
    const theirs = serializeSidecar({
      ...parsed.sidecar,
      annotations: [...parsed.sidecar.annotations, { id, label: 'MISC', start, end, text: quote, status: 'accepted', source: 'import' }],
    });
    await writeTextAtomic(this.sidecar, theirs);
    const store = await this.store();
    // What the store holds now must all stay (an id whose text is deleted waits for a text undo
    // only until the sidecar is loaded again, as in the core model).
    const before = new Map([...store.tracked.all, ...store.tracked.orphans].map((a) => [a.id, a.label]));
    await waitFor(`the store to take ${id}`, () => store.tracked.byId(id) !== undefined, 15_000);
    const now = [...store.tracked.all, ...store.tracked.orphans];
    for (const [mine, label] of before) {
      if (!now.some((a) => a.id === mine && a.label === label)) this.fail(`${mine} (${label}) was lost when another writer's sidecar came in`);
    }
    this.model.loadFrom(now);
  }

  /** Waits for everything in flight, then checks the store against the model and the file against the store. */
  private async checkpoint(): Promise<void> {
    this.log.push('check');
    this.figures.checks++;
    await this.sync();
    const store = await this.store();
    if (this.document.getText() !== this.model.text) this.fail(`the document text is not the model's: ${JSON.stringify(this.document.getText())}`);
    this.model.check(store.tracked.all, store.tracked.orphans, this.document.getText());
    if (this.document.isDirty) return;
    if (store.unsaved) await this.api.services.stores.save(store);
    const onDisk = fs.existsSync(this.sidecar) ? fs.readFileSync(this.sidecar, 'utf8') : undefined;
    if (onDisk === undefined) {
      if (store.tracked.size + store.tracked.orphans.length > 0) this.fail('the sidecar is missing although the store holds annotations');
      return;
    }
    const parsed = parseSidecar(onDisk);
    if (!parsed.sidecar) this.fail(`the sidecar on disk does not parse: ${JSON.stringify(parsed.problems)}`);
    const placed = placeSidecarAnnotations(parsed.sidecar, this.document.getText());
    const key = (a: Annotation): string => `${a.id} ${a.label} ${a.orphan ? `orphan «${a.text}»` : `${a.start}-${a.end}`}`;
    // An orphan whose quote is back at its old place (code points) is placed there by the next load,
    // as the re-anchoring documents; the open store keeps it an orphan until then. Both hold it.
    const text = this.document.getText();
    const points = new CodePointIndex(text);
    const storeKey = (a: Annotation): string => {
      if (!a.orphan || a.fragments || a.end > points.codePointLength) return key(a);
      const [start, end] = [points.toUtf16(a.start), points.toUtf16(a.end)];
      const taken = store.tracked.all.some((b) => b.label === a.label && b.start === start && b.end === end);
      return text.slice(start, end) === a.text && !taken ? `${a.id} ${a.label} ${start}-${end}` : key(a);
    };
    assert.deepEqual(
      placed.annotations.map(key).sort(),
      [...store.tracked.all.map(key), ...store.tracked.orphans.map(storeKey)].sort(),
      'the sidecar on disk holds what the store holds',
    );
  }

  private async sync(): Promise<void> {
    await Promise.all(this.inFlight.splice(0));
    await this.api.services.stores.flush();
  }
}

describe('race fuzzer in the real extension host', function () {
  this.timeout(600_000);
  let api: TawsimApi;
  before(async () => {
    api = await activateTawsim();
    await vscode.workspace.getConfiguration('tawsim').update('conflict', 'merge', vscode.ConfigurationTarget.Workspace);
  });
  after(async () => {
    await vscode.workspace.getConfiguration('tawsim').update('conflict', undefined, vscode.ConfigurationTarget.Workspace);
    await closeAll();
  });

  it(`keeps every annotation through ${FIXED_SEED ? 1 : RUNS} random sequences of ${STEPS} steps issued without waiting`, async () => {
    const figures: FuzzFigures = { sequences: 0, steps: 0, tags: 0, saves: 0, reloads: 0, foreignSidecars: 0, checks: 0 };
    const seeds = FIXED_SEED ? [Number(FIXED_SEED)] : Array.from({ length: RUNS }, () => Math.floor(Math.random() * 2 ** 31));
    for (const seed of seeds) {
      await new HostSession(api, seed, figures).run();
      await closeAll();
    }
    console.log(`race fuzzer: seeds ${seeds.join(', ')}; ${JSON.stringify(figures)}`);
    assert.equal(figures.sequences, seeds.length);
  });
});
