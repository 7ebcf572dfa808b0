import * as vscode from 'vscode';
import type { AnnotationDocument } from '../annotationDocument';
import type { AnnotationStores } from '../annotationStores';
import type { Logger } from '../logger';
import { recognize } from '../../core/recognize/recognize';
import { linkMentions } from '../../core/recognize/consistency';
import type { RecognizedSpan } from '../../core/recognize/recognizeTypes';
import { DEFAULT_RECOGNIZED_LABELS } from '../../core/recognize/recognizeTypes';
import type { Gazetteer } from '../../core/recognize/gazetteer';
import type { EntityTagger } from '../../core/tagger/entityTagger';
import type { LearnedEntries } from './learnedEntries';
import type { Suggestion } from './suggestion';
import { suggestionKey } from './suggestion';
import { changedSpanRange } from '../../core/model/changedSpanRange';

const UPDATE_DELAY_MS = 250;
/** Lines recognised between yields to the event loop, so typing stays responsive. */
const LINES_PER_SLICE = 200;
/** Above this size the document-wide name consistency pass is skipped: it reads the whole text. */
const MAX_CONSISTENCY_CHARS = 2_000_000;
const MAX_CACHED_LINES = 50_000;
/** Documents with more lines than this get the visible lines' suggestions before the rest. */
const VISIBLE_FIRST_LINES = 500;

/** Where the engine gets the trained model: the tagger now, and a version that changes with its weights. */
export interface TaggerSource {
  tagger(): EntityTagger | undefined;
  readonly version: string;
}

/** One publication of a document's suggestions: the visible lines only, or all of them. */
export interface SuggestionsPublished {
  readonly uri: string;
  readonly final: boolean;
  readonly count: number;
}

/** Suggestions of one document changed, between `dirty`'s offsets (UTF-16, in the document now). */
export interface SuggestionsChanged {
  readonly store: AnnotationDocument;
  readonly dirty: { readonly start: number; readonly end: number };
}

interface DocumentSuggestions {
  suggestions: Suggestion[];
  /** The document's length (UTF-16) when `suggestions` were published, to tell moved spans from changed ones. */
  length?: number;
  /** Every line's suggestions have been published once: later passes publish only when complete. */
  complete?: boolean;
  /** Bumped on every new request, so a slow pass that was overtaken drops its result. */
  generation: number;
  timer?: ReturnType<typeof setTimeout>;
}

/**
 * Computes the recogniser's suggestions for annotated documents, off the typing path: debounced,
 * the visible lines first, and only for lines whose text is new (results are cached by the line's
 * text, so an edit re-recognises just the lines it changed). Spans that are already tagged,
 * rejected or stored as suggestions are not suggested again.
 */
export class SuggestionEngine implements vscode.Disposable {
  private readonly perDocument = new Map<string, DocumentSuggestions>();
  /** Line text → spans with line-relative offsets, for the current options. */
  private lineCache = new Map<string, RecognizedSpan[]>();
  /** The learned list the cache was filled with; a new list (someone tagged) empties the cache. */
  private lastLearned: unknown;
  /** The labels the cache was filled for; another label set empties it. */
  private lastLabels = '';
  private enabledFlag = true;
  private gazetteers: readonly Gazetteer[] = [];
  /** The trained model, when there is one; its version is part of what the line cache holds for. */
  private taggerSource: TaggerSource | undefined;
  private lastTaggerVersion: string | undefined;
  private readonly changed = new vscode.EventEmitter<AnnotationDocument>();
  readonly onDidChange = this.changed.event;
  private readonly changedSpans = new vscode.EventEmitter<SuggestionsChanged>();
  /** Where the suggestions changed (UTF-16 offsets of the document now), so painters repaint only there. */
  readonly onDidChangeSpans = this.changedSpans.event;
  private readonly published = new vscode.EventEmitter<SuggestionsPublished>();
  /** Fires with each publication; tests follow the visible-first order through it. */
  readonly onDidPublish = this.published.event;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly stores: AnnotationStores,
    readonly learned: LearnedEntries,
    private readonly log: Logger,
    /** The date relative dates are resolved against (the sidecar's, else a dateline's). */
    private readonly dateOf: (store: AnnotationDocument) => string | undefined = (store) => store.documentDate,
    /** The recogniser's labels the label set has (the project's may lack some): no others are suggested. */
    private readonly labelsOf: () => readonly string[] = () => DEFAULT_RECOGNIZED_LABELS,
  ) {
    this.disposables.push(
      this.changed,
      this.changedSpans,
      this.published,
      stores.onDidChange((store) => this.schedule(store)),
      // A document shown again catches up with a model that learned while it was hidden.
      vscode.window.onDidChangeVisibleTextEditors((editors) => {
        for (const e of editors) {
          const store = this.stores.get(e.document.uri);
          if (store) this.schedule(store);
        }
      }),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
        const store = this.stores.get(e.textEditor.document.uri);
        if (store) this.schedule(store);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.perDocument.delete(d.uri.toString())),
    );
  }

  get enabled(): boolean {
    return this.enabledFlag;
  }

  setEnabled(enabled: boolean): void {
    this.enabledFlag = enabled;
    for (const store of this.stores.all()) this.schedule(store);
  }

  setGazetteers(gazetteers: readonly Gazetteer[]): void {
    this.gazetteers = gazetteers;
    this.lineCache.clear();
    for (const store of this.stores.all()) this.schedule(store);
  }

  /** Suggestions of PER, ORG, LOC and MISC come from this model from now on (see ModelService). */
  setTaggerSource(source: TaggerSource): void {
    this.taggerSource = source;
    this.modelChanged();
  }

  /**
   * The model learned or was replaced: the documents on screen are suggested again, the old
   * suggestions shown meanwhile; the others when they are next shown or edited (re-reading every
   * open document after each tag would take the extension host's time from the annotator).
   */
  modelChanged(): void {
    if (this.taggerSource?.version === this.lastTaggerVersion) return;
    const visible = new Set(vscode.window.visibleTextEditors.map((e) => e.document.uri.toString()));
    for (const store of this.stores.all()) if (visible.has(store.uri.toString())) this.schedule(store);
  }

  /** Current suggestions of a document, UTF-16 offsets. */
  suggestions(store: AnnotationDocument): readonly Suggestion[] {
    return this.enabledFlag ? (this.perDocument.get(store.uri.toString())?.suggestions ?? []) : [];
  }

  /** Suggestions touching a range (a point when start === end). */
  suggestionsIn(store: AnnotationDocument, start: number, end: number): Suggestion[] {
    return this.suggestions(store).filter((s) => (start === end ? s.start <= start && start <= s.end : s.start < end && s.end > start));
  }

  schedule(store: AnnotationDocument): void {
    const key = store.uri.toString();
    let state = this.perDocument.get(key);
    if (!state) {
      state = { suggestions: [], generation: 0 };
      this.perDocument.set(key, state);
    }
    clearTimeout(state.timer);
    const generation = ++state.generation;
    const s = state;
    state.timer = setTimeout(() => void this.update(store, s, generation), UPDATE_DELAY_MS);
  }

  /** Recomputes now and waits for the result (tests and batch commands). */
  async refresh(store: AnnotationDocument): Promise<readonly Suggestion[]> {
    const key = store.uri.toString();
    const state = this.perDocument.get(key) ?? { suggestions: [], generation: 0 };
    this.perDocument.set(key, state);
    clearTimeout(state.timer);
    await this.update(store, state, ++state.generation);
    return state.suggestions;
  }

  private async update(store: AnnotationDocument, state: DocumentSuggestions, generation: number): Promise<void> {
    const document = this.stores.documentOf(store);
    if (!document || !this.enabledFlag) {
      if (state.suggestions.length > 0) {
        const dirty = changedSpanRange(state.suggestions, [], 0);
        state.suggestions = [];
        state.complete = false;
        this.changed.fire(store);
        if (dirty) this.changedSpans.fire({ store, dirty });
      }
      return;
    }
    this.checkOptions();
    const version = document.version;
    const date = this.dateOf(store);
    const { order, visibleCount } = linesVisibleFirst(document);
    const spans: RecognizedSpan[] = [];
    let sliceStart = Date.now();
    let painted = false;
    for (let i = 0; i < order.length; i++) {
      const line = document.lineAt(order[i] as number);
      const offset = document.offsetAt(line.range.start);
      for (const s of this.recognizeLine(line.text, date)) spans.push({ ...s, start: s.start + offset, end: s.end + offset });
      const visibleDone = i + 1 === visibleCount && order.length > VISIBLE_FIRST_LINES;
      if (visibleDone || ((i + 1) % LINES_PER_SLICE === 0 && Date.now() - sliceStart > 10)) {
        if (!painted && !state.complete) {
          // The visible lines come first in `order`: show them before finishing the rest. Once the
          // whole document was published, a partial list would take the other lines' suggestions
          // away until the pass ends (and repaint them all): later passes publish when complete.
          this.publish(store, state, spans, false);
          painted = true;
        }
        await new Promise((r) => setTimeout(r, 0));
        if (state.generation !== generation || document.version !== version || document.isClosed) return;
        sliceStart = Date.now();
      }
    }
    if (state.generation !== generation || document.version !== version) return;
    let all = spans;
    if (offsetOfEnd(document) <= MAX_CONSISTENCY_CHARS) {
      all = linkMentions(document.getText(), spans);
    }
    this.publish(store, state, all, true);
    state.complete = true;
  }

  private recognizeLine(text: string, date: string | undefined): RecognizedSpan[] {
    if (text.trim().length === 0) return [];
    // The document date changes what relative dates mean, so it is part of the key.
    const key = `${date ?? ''}\u0000${text}`;
    const cached = this.lineCache.get(key);
    if (cached) return cached;
    const tagger = this.taggerSource?.tagger();
    const spans = recognize(text, {
      labels: this.labelsOf(),
      ...(date ? { documentDate: date } : {}),
      gazetteers: this.gazetteers,
      learned: this.learned.entries(),
      ...(tagger ? { tagger } : {}),
    });
    if (this.lineCache.size >= MAX_CACHED_LINES) this.lineCache.clear();
    this.lineCache.set(key, spans);
    return spans;
  }

  /** Cached results hold only while the options that shaped them are the same. */
  private checkOptions(): void {
    const labels = this.labelsOf().join(',');
    if (labels !== this.lastLabels) {
      this.lastLabels = labels;
      this.lineCache.clear();
    }
    const learned = this.learned.entries();
    if (this.lastLearned !== learned) {
      this.lastLearned = learned;
      this.lineCache.clear();
    }
    const taggerVersion = this.taggerSource?.version;
    if (taggerVersion !== this.lastTaggerVersion) {
      this.lastTaggerVersion = taggerVersion;
      this.lineCache.clear();
    }
  }

  private publish(store: AnnotationDocument, state: DocumentSuggestions, spans: readonly RecognizedSpan[], final: boolean): void {
    const stored = store.tracked;
    const rejectedLearned = new Set(stored.all.filter((a) => a.status === 'rejected').map((a) => `${a.label}\u0000${a.text}`));
    const seen = new Set<string>();
    const out: Suggestion[] = [];
    for (const s of spans) {
      const key = suggestionKey(s.start, s.end, s.label);
      if (seen.has(key)) continue;
      seen.add(key);
      // Anything stored on this span and label (tagged, rejected, or a stored suggestion) wins.
      if (stored.inRange(s.start, s.end).some((a) => a.start === s.start && a.end === s.end && a.label === s.label)) continue;
      if (s.source === 'learned' && rejectedLearned.has(`${s.label}\u0000${s.text}`)) continue;
      out.push({ ...s, key });
    }
    out.sort((a, b) => a.start - b.start || a.end - b.end);
    const document = this.stores.documentOf(store);
    const length = document ? offsetOfEnd(document) : undefined;
    const dirty = changedSpanRange(state.suggestions, out, length !== undefined && state.length !== undefined ? length - state.length : 0);
    state.suggestions = out;
    state.length = length;
    if (final) this.log.debug(`Suggestions for ${store.uri.toString()}: ${out.length}`);
    this.published.fire({ uri: store.uri.toString(), final, count: out.length });
    this.changed.fire(store);
    if (dirty) this.changedSpans.fire({ store, dirty });
  }

  dispose(): void {
    for (const s of this.perDocument.values()) clearTimeout(s.timer);
    for (const d of this.disposables) d.dispose();
  }
}

function offsetOfEnd(document: vscode.TextDocument): number {
  return document.offsetAt(document.lineAt(document.lineCount - 1).range.end);
}

/** Line numbers with the visible ones first, then the rest in order. */
function linesVisibleFirst(document: vscode.TextDocument): { order: number[]; visibleCount: number } {
  const editors = vscode.window.visibleTextEditors.filter((e) => e.document === document);
  const visible = new Set<number>();
  for (const e of editors) for (const r of e.visibleRanges) for (let l = r.start.line; l <= r.end.line; l++) visible.add(l);
  const order = [...visible].sort((a, b) => a - b);
  const visibleCount = order.length;
  for (let l = 0; l < document.lineCount; l++) if (!visible.has(l)) order.push(l);
  return { order, visibleCount };
}
