import * as vscode from 'vscode';
import type { AnnotationDocument } from '../annotationDocument';
import type { AnnotationStores } from '../annotationStores';
import type { Logger } from '../logger';
import type { SidecarIndex } from '../index/sidecarIndex';
import type { LearnedEntries } from './learnedEntries';
import type { RefitWorker } from './refitWorkerClient';
import { startRefitWorker } from './refitWorkerClient';
import { readTextFile } from '../sidecarFiles';
import type { Gazetteer } from '../../core/recognize/gazetteer';
import type { LearnedEntry } from '../../core/recognize/recognizeTypes';
import type { MentionPayload } from '../../core/recognize/mentions';
import { buildMentionIndex } from '../../core/recognize/mentions';
import type { PhraseIndex } from '../../core/recognize/phraseIndex';
import { parseSidecar } from '../../core/sidecar/parseSidecar';
import { placeSidecarAnnotations } from '../../core/sidecar/documentAnnotations';
import type { AnnotationEvidence } from '../../core/tagger/annotatedLines';
import { annotatedLines } from '../../core/tagger/annotatedLines';
import type { EntityTagger } from '../../core/tagger/entityTagger';
import { extractFeatures } from '../../core/tagger/features';
import { readModel } from '../../core/tagger/modelFile';
import type { RefitReport } from '../../core/tagger/refit';
import type { RefitRequest } from '../../core/tagger/refitJob';
import type { TaggerModel } from '../../core/tagger/taggerModel';
import { inputOf } from '../../core/tagger/trainingSet';

/**
 * The editor waits this long after the last online update before re-fitting in the background,
 * and re-fits only once this many lines were learned since the last re-fit: a re-fit takes a
 * core for seconds, which a 2-core laptop running a build should not give for one tag.
 */
const REFIT_IDLE_MS = 30_000;
const REFIT_AFTER_LINES = 5;
const MAX_WORKSPACE_SIDECARS = 2000;
/** Texts longer than this are left out of a re-fit (a dump, not an article), as the consistency pass leaves them. */
const MAX_REFIT_TEXT = 2_000_000;
const MODEL_FILE = 'tawsim-model.bin';
const REPORT_FILE = 'tawsim-model.json';

/** What the Statistics view shows of the model. */
export interface ModelStatus {
  /** 'base' until a re-fit on the workspace has finished, then 'workspace'. */
  readonly kind: 'base' | 'workspace';
  /** Lines learned online since the last re-fit. */
  readonly onlineUpdates: number;
  readonly report?: RefitReport & { readonly finished: string; readonly lines: number };
  readonly refitting: boolean;
}

/**
 * The tagger as the editor runs it. It starts from the base model shipped in models/base (or the
 * workspace's own, kept in the extension's workspace storage and rebuilt from the sidecars at
 * any time), learns every decision of the annotator at once (one passive-aggressive step per
 * changed line, well under a millisecond), and when the editor has been idle for a while re-fits
 * on every annotated line of the workspace in a worker, holding out a fifth to compare the model
 * with the rules. Old suggestions stay until the new model is in; at most one re-fit waits.
 */
export class ModelService implements vscode.Disposable {
  private base: Uint8Array | undefined;
  private model: TaggerModel | undefined;
  private report: ModelStatus['report'];
  private kind: ModelStatus['kind'] = 'base';
  private enabledFlag = true;
  private minScore = 0;
  private gazetteers: readonly Gazetteer[] = [];
  /** Lines already learned, by their text and decisions, so a line is learned once per decision. */
  private learnedLines = new Set<string>();
  private readonly seenVersion = new WeakMap<AnnotationDocument, number>();
  /** Each store's decisions as last seen (`start:end:label:status`), to find the lines a change touched. */
  private readonly seenDecisions = new WeakMap<AnnotationDocument, Set<string>>();
  private onlineUpdates = 0;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | undefined;
  private queued = false;
  private queuedFolder: vscode.Uri | undefined;
  /** Bumped when the base model is put back: a re-fit started before drops its result. */
  private generation = 0;
  private worker: Promise<RefitWorker> | undefined;
  private changeCount = 0;
  private learnedIndexFor: { entries: readonly LearnedEntry[]; index: PhraseIndex<MentionPayload> } | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the model's weights or status change: suggestions are recomputed, views redrawn. */
  readonly onDidChange = this.changed.event;
  private readonly refitted = new vscode.EventEmitter<ModelStatus>();
  /** Fires when a re-fit has finished and its model is in use. */
  readonly onDidRefit = this.refitted.event;
  private readonly disposables: vscode.Disposable[] = [];
  readonly ready: Promise<void>;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly stores: AnnotationStores,
    private readonly learned: LearnedEntries,
    private readonly log: Logger,
    private readonly index: SidecarIndex,
  ) {
    this.disposables.push(
      this.changed,
      this.refitted,
      stores.onDidChange((store) => this.learnFrom(store)),
    );
    this.ready = this.load();
  }

  /** Changes with every weight change, so caches of suggestions know when to refresh. */
  get version(): string {
    return `${this.enabledFlag ? 1 : 0}:${this.changeCount}:${this.model?.version ?? -1}:${this.minScore}`;
  }

  /** The tagger for the recogniser, or undefined (rules alone) when the model is off or missing. */
  tagger(): EntityTagger | undefined {
    if (!this.enabledFlag || !this.model) return undefined;
    const ruleLabels = this.report && this.kind === 'workspace' ? this.report.ruleLabels : [];
    return { model: this.model, minScore: this.minScore, ...(ruleLabels.length > 0 ? { ruleLabels: new Set(ruleLabels) } : {}) };
  }

  status(): ModelStatus {
    return { kind: this.kind, onlineUpdates: this.onlineUpdates, refitting: this.running !== undefined, ...(this.report ? { report: this.report } : {}) };
  }

  configure(enabled: boolean, minScore: number): void {
    if (enabled === this.enabledFlag && minScore === this.minScore) return;
    this.enabledFlag = enabled;
    this.minScore = minScore;
    this.changeCount++;
    this.changed.fire();
  }

  setGazetteers(gazetteers: readonly Gazetteer[]): void {
    this.gazetteers = gazetteers;
  }

  private async load(): Promise<void> {
    const baseUri = vscode.Uri.joinPath(this.context.extensionUri, 'models', 'base', 'tawsim-ner.bin');
    try {
      this.base = await vscode.workspace.fs.readFile(baseUri);
      this.model = readModel(this.base, baseUri.toString());
    } catch (e) {
      this.log.error(`The base model could not be read (${(e as Error).message}); suggestions come from the rules alone`);
      return;
    }
    const storage = this.context.storageUri;
    if (storage) {
      try {
        const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(storage, MODEL_FILE));
        const workspaceModel = readModel(bytes, MODEL_FILE);
        const report = await readTextFile(vscode.Uri.joinPath(storage, REPORT_FILE));
        this.model = workspaceModel;
        this.kind = 'workspace';
        if (report) this.report = JSON.parse(report) as ModelStatus['report'];
        this.log.info('Using the workspace’s own model from the last re-fit');
      } catch {
        // No workspace model yet, or an unreadable one: the base model serves until the next re-fit rebuilds it.
      }
    }
    this.changeCount++;
    this.changed.fire();
  }

  private learnedIndex(): PhraseIndex<MentionPayload> {
    const entries = this.learned.entries();
    if (this.learnedIndexFor?.entries !== entries) {
      this.learnedIndexFor = { entries, index: buildMentionIndex(entries.map((e) => ({ text: e.text, label: e.label, reason: `learned: ${e.text}` }))) };
    }
    return this.learnedIndexFor.index;
  }

  /**
   * Online learning: the lines of the document whose decisions changed (a tag, an accepted or
   * rejected suggestion, a new label or new boundaries) are each learned with one step. What a
   * document held when it was opened is not learned here: the re-fit reads the sidecars.
   */
  private learnFrom(store: AnnotationDocument): void {
    const model = this.model;
    if (!model || !this.enabledFlag || !store.loaded || this.seenVersion.get(store) === store.tagVersion) return;
    this.seenVersion.set(store, store.tagVersion);
    const document = this.stores.documentOf(store);
    if (!document) return;
    const all = store.tracked.all;
    const decisions = new Set(all.filter((a) => a.status !== 'suggested').map((a) => `${a.start}:${a.end}:${a.label}:${a.status}`));
    const before = this.seenDecisions.get(store);
    this.seenDecisions.set(store, decisions);
    if (!before) return;
    const length = document.offsetAt(document.lineAt(document.lineCount - 1).range.end);
    const touched = new Set<number>();
    for (const key of decisions) if (!before.has(key)) touched.add(document.positionAt(Number(key.slice(0, key.indexOf(':')))).line);
    for (const key of before) {
      const start = Number(key.slice(0, key.indexOf(':')));
      // A removed decision's offsets may be stale after edits; only a line still inside the text is read.
      if (!decisions.has(key) && start <= length) touched.add(document.positionAt(start).line);
    }
    const lines = [...touched].flatMap((n) => {
      const line = document.lineAt(n);
      const offset = document.offsetAt(line.range.start);
      const end = offset + line.text.length;
      const inLine = store.tracked.inRange(offset, end).map((a) => ({ ...evidence(a), start: a.start - offset, end: a.end - offset }));
      return annotatedLines(line.text, inLine, model.labels, model.tags);
    });
    let learned = 0;
    for (const line of lines) {
      const signature = `${line.sentence.text}\u0000${line.allowed.join('')}`;
      if (this.learnedLines.has(signature)) continue;
      this.learnedLines.add(signature);
      const features = extractFeatures(inputOf(line.sentence, this.gazetteers, this.learnedIndex(), model.stats), model.rowMask);
      if (model.learn(features, line.allowed)) learned++;
    }
    if (learned === 0) return;
    this.onlineUpdates += learned;
    this.changed.fire();
    if (this.onlineUpdates >= REFIT_AFTER_LINES) this.scheduleRefit();
  }

  private scheduleRefit(): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => void this.refit(), REFIT_IDLE_MS);
  }

  /** Goes back to the base model, forgetting the workspace's (which the next re-fit rebuilds from the sidecars). */
  async useBaseModel(): Promise<void> {
    await this.ready;
    clearTimeout(this.idleTimer);
    // A re-fit under way would put its model in place when it ends: it is stopped (its worker
    // closed) and its result dropped, rather than waited for.
    this.generation++;
    this.queued = false;
    if (this.running) {
      void this.worker?.then((w) => w.dispose());
      this.worker = undefined;
      await this.running;
    }
    if (!this.base) return;
    this.model = readModel(this.base, 'base model');
    this.kind = 'base';
    this.report = undefined;
    this.onlineUpdates = 0;
    this.learnedLines = new Set();
    this.changeCount++;
    this.changed.fire();
  }

  /**
   * Re-fits now (the Rebuild Model command and tests); resolves when the new model is in use.
   * With `folder`, only the annotations of the texts under that folder are read (a test's own).
   */
  async refit(folder?: vscode.Uri): Promise<ModelStatus> {
    clearTimeout(this.idleTimer);
    await this.ready;
    if (this.running) {
      // At most one run waits behind the current one.
      // Two different requests waiting become one over the whole workspace.
      this.queuedFolder = this.queued && this.queuedFolder?.toString() !== folder?.toString() ? undefined : folder;
      this.queued = true;
      await this.running;
      if (this.running) await this.running;
      return this.status();
    }
    this.running = this.runRefit(folder);
    this.changed.fire();
    try {
      await this.running;
    } finally {
      this.running = undefined;
      this.changed.fire();
    }
    if (this.queued) {
      this.queued = false;
      return this.refit(this.queuedFolder);
    }
    return this.status();
  }

  private async runRefit(folder: vscode.Uri | undefined): Promise<void> {
    const base = this.base;
    if (!base) return;
    const generation = this.generation;
    const documents = await this.annotatedDocuments(folder);
    if (generation !== this.generation) return;
    const request: RefitRequest = { id: 0, base, documents, gazetteers: this.gazetteers };
    this.worker ??= startRefitWorker(this.context.extensionUri, this.log);
    const worker = await this.worker;
    const t0 = Date.now();
    const response = await worker.run(request);
    if (generation !== this.generation) return;
    if (!response.ok) {
      this.log.error(`The model's re-fit failed: ${response.message}`);
      return;
    }
    this.model = readModel(response.model, 'workspace model');
    this.kind = 'workspace';
    this.report = { ...response.report, finished: new Date().toISOString(), lines: response.lines };
    this.onlineUpdates = 0;
    this.changeCount++;
    this.log.info(
      `Model re-fitted on ${response.lines} annotated lines in ${Date.now() - t0} ms (${worker.kind}); rules kept for: ${response.report.ruleLabels.join(', ') || 'none'}`,
    );
    await this.persist(response.model);
    // Decisions made while the worker ran are in the next re-fit; the lines learned so far may be learned again.
    this.learnedLines = new Set();
    this.changed.fire();
    this.refitted.fire(this.status());
  }

  /** Every document with annotations: the open ones as they are now, the others from their sidecars. */
  private async annotatedDocuments(folder: vscode.Uri | undefined): Promise<Array<{ text: string; annotations: AnnotationEvidence[] }>> {
    const out: Array<{ text: string; annotations: AnnotationEvidence[] }> = [];
    const open = new Set<string>();
    const inside = folder ? `${folder.toString().replace(/\/$/u, '')}/` : '';
    for (const store of this.stores.all()) {
      if (!store.sidecarUri.toString().startsWith(inside)) continue;
      open.add(store.sidecarUri.toString());
      const document = this.stores.documentOf(store);
      if (document && store.tracked.all.length > 0 && document.getText().length <= MAX_REFIT_TEXT)
        out.push({ text: document.getText(), annotations: store.tracked.all.map(evidence) });
    }
    // The index's summaries say which sidecars hold a decision: only those are read.
    const decided = (await this.index.sidecars(folder)).filter((s) => s.summary.decided);
    if (decided.length > MAX_WORKSPACE_SIDECARS) this.log.info(`The re-fit reads the first ${MAX_WORKSPACE_SIDECARS} of ${decided.length} annotated sidecars`);
    for (const { uri } of decided.slice(0, MAX_WORKSPACE_SIDECARS)) {
      if (open.has(uri.toString())) continue;
      try {
        const content = await readTextFile(uri);
        const sidecar = content === undefined ? undefined : parseSidecar(content).sidecar;
        if (!sidecar || !sidecar.annotations.some((a) => a.status !== 'suggested')) continue;
        const text = await readTextFile(vscode.Uri.joinPath(uri, '..', sidecar.document.path));
        if (text === undefined || text.length > MAX_REFIT_TEXT) continue;
        out.push({ text, annotations: placeSidecarAnnotations(sidecar, text).annotations.map(evidence) });
      } catch {
        // A sidecar that cannot be read teaches nothing; its store reports it when opened.
      }
    }
    return out;
  }

  private async persist(bytes: Uint8Array): Promise<void> {
    const storage = this.context.storageUri;
    if (!storage) return;
    try {
      await vscode.workspace.fs.createDirectory(storage);
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(storage, MODEL_FILE), bytes);
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(storage, REPORT_FILE), new TextEncoder().encode(JSON.stringify(this.report)));
    } catch (e) {
      // The model is rebuilt from the sidecars by the next re-fit; nothing is lost.
      this.log.warn(`The workspace model could not be kept (${(e as Error).message})`);
    }
  }

  dispose(): void {
    clearTimeout(this.idleTimer);
    void this.worker?.then((w) => w.dispose());
    for (const d of this.disposables) d.dispose();
  }
}

function evidence(a: { start: number; end: number; label: string; status: AnnotationEvidence['status']; orphan?: boolean }): AnnotationEvidence {
  return { start: a.start, end: a.end, label: a.label, status: a.status, ...(a.orphan ? { orphan: true } : {}) };
}
