import * as vscode from 'vscode';
import type { Annotation } from '../../core/model/annotation';
import { CodePointIndex } from '../../core/model/offsets';
import { sha256Hex } from '../../core/sidecar/hash';
import { compareAnnotators } from '../../core/review/compareAnnotators';
import { reviewState } from '../../core/review/reviewState';
import type { GoldParts } from '../../core/review/relationReview';
import { compareRelationSets, relationsWithEnds } from '../../core/review/relationReview';
import type { Services } from '../services';
import { readSettings } from '../settings';
import { basename, readTextFile } from '../sidecarFiles';
import type { FoundSidecar } from './annotatorSidecars';
import { findAnnotatorSidecars } from './annotatorSidecars';
import { annotatorSetOf, failureOf, liveSet } from './annotatorSetOf';
import type { GoldOnDisk } from './goldFile';
import { goldOf, renderGold, writeGoldFile } from './goldFile';
import { goldFileName, goldUriFor } from './reviewSettings';
import type { DocumentReview, ReviewSet, SidecarFailure } from './reviewTypes';
import { symmetricTypes } from './symmetricTypes';

/** Edits and annotation changes come in bursts; the comparison is rebuilt once after them. */
const REBUILD_DELAY_MS = 250;

interface Session {
  readonly uri: vscode.Uri;
  /** Annotator names chosen when the review started; undefined compares every sidecar found. */
  readonly chosen: readonly string[] | undefined;
  found: FoundSidecar[];
  /** Sidecar contents by URI, read once and again only when the file changes on disk. */
  contents: Map<string, string | Error>;
  goldContent: string | undefined;
  goldReadError: string | undefined;
  /** The gold file's `document.date`, kept when gold is written again. */
  goldDate: string | undefined;
  review: DocumentReview | undefined;
  /** Rebuilds and decisions run one after the other, never interleaved. */
  queue: Promise<unknown>;
  timer: ReturnType<typeof setTimeout> | undefined;
}

/** An annotator found for a document, for the "which annotators" pick. */
export interface Candidate {
  readonly annotator: string;
  readonly fileName: string;
  readonly failure?: string;
  readonly stale?: string;
}

/**
 * The documents under review. For each it reads the annotators' sidecars (the reviewer's own from
 * the open annotations, so unsaved tags count), compares them on the current text, holds the gold
 * decisions, and rebuilds everything when the text, a sidecar or the reviewer's tags change.
 */
export class ReviewSessions implements vscode.Disposable {
  private readonly sessions = new Map<string, Session>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** Fires with the document whose review changed (started, rebuilt, decided, closed). */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly services: Services) {
    this.disposables.push(
      this.changed,
      services.sidecarFiles.onAny((uri) => this.onSidecarOnDisk(uri)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.scheduleRebuild(e.document.uri);
      }),
      services.stores.onDidChange((store) => this.scheduleRebuild(store.uri)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('tawsim')) for (const s of this.sessions.values()) void this.reload(s);
      }),
    );
  }

  get(uri: vscode.Uri): DocumentReview | undefined {
    return this.sessions.get(uri.toString())?.review;
  }

  all(): DocumentReview[] {
    return [...this.sessions.values()].flatMap((s) => (s.review ? [s.review] : []));
  }

  /**
   * Every annotator whose sidecar lies beside a text, with what is wrong with each, for the pick.
   * Read afresh even during a review, whose own list holds only the annotators chosen for it.
   */
  async candidates(uri: vscode.Uri): Promise<Candidate[]> {
    const review = await this.fresh(uri);
    return [
      ...review.sets.map((s) => ({ annotator: s.annotator, fileName: s.fileName, ...(s.stale ? { stale: s.staleReason ?? '' } : {}) })),
      ...review.failures.map((f) => ({ annotator: f.annotator, fileName: f.fileName, failure: f.reason })),
    ];
  }

  /**
   * The review a document would get now, without starting one: its review if under review,
   * else every sidecar beside it read afresh. The agreement report and the pick use it.
   */
  async snapshot(uri: vscode.Uri): Promise<DocumentReview> {
    return this.get(uri) ?? this.fresh(uri);
  }

  private async fresh(uri: vscode.Uri): Promise<DocumentReview> {
    const probe = this.newSession(uri, undefined);
    await this.read(probe);
    return this.build(probe);
  }

  /** Starts (or restarts with other annotators) the review of a document. */
  async start(uri: vscode.Uri, chosen?: readonly string[]): Promise<DocumentReview> {
    const previous = this.sessions.get(uri.toString());
    if (previous?.timer !== undefined) clearTimeout(previous.timer);
    const session = this.newSession(uri, chosen);
    this.sessions.set(uri.toString(), session);
    await this.enqueue(session, async () => {
      await this.read(session);
      await this.rebuild(session);
    });
    return session.review as DocumentReview;
  }

  close(uri: vscode.Uri): void {
    const session = this.sessions.get(uri.toString());
    if (!session) return;
    if (session.timer !== undefined) clearTimeout(session.timer);
    this.sessions.delete(uri.toString());
    this.changed.fire(uri);
  }

  /** Reads every sidecar again (after a change the watcher may have missed, or on request). */
  async refresh(uri?: vscode.Uri): Promise<void> {
    const targets = uri ? [this.sessions.get(uri.toString())].filter((s): s is Session => s !== undefined) : [...this.sessions.values()];
    await Promise.all(targets.map((s) => this.reload(s)));
  }

  /**
   * Applies a decision to gold and writes the gold sidecar atomically. `decide` gets the current
   * review and returns the new gold list (code points), or both gold lists when relations change,
   * or undefined to do nothing. Gold relations whose end a span decision dropped go with it.
   */
  async decide(uri: vscode.Uri, decide: (review: DocumentReview) => readonly Annotation[] | GoldParts | undefined): Promise<DocumentReview | undefined> {
    const session = this.sessions.get(uri.toString());
    if (!session) return undefined;
    if (session.timer !== undefined) {
      // Decide on the text as it is now, not as it was before the last burst of edits.
      clearTimeout(session.timer);
      session.timer = undefined;
      await this.enqueue(session, () => this.rebuild(session));
    }
    return this.enqueue(session, async () => {
      const review = session.review;
      if (!review) return undefined;
      if (!vscode.workspace.isTrusted) {
        void vscode.window.showWarningMessage(vscode.l10n.t('Tawsim writes no files in an untrusted workspace; the gold file was not changed.'));
        return review;
      }
      if (review.goldProblem !== undefined) {
        void vscode.window.showErrorMessage(
          vscode.l10n.t('Tawsim: {0} cannot be used ({1}); it is not overwritten until it is fixed.', basename(review.goldUri), review.goldProblem),
        );
        return review;
      }
      const decided = decide(review);
      if (!decided) return review;
      const gold = 'annotations' in decided ? decided.annotations : decided;
      const relations = relationsWithEnds(gold, 'relations' in decided ? decided.relations : review.goldRelations);
      const date = review.sets.find((s) => s.date !== undefined)?.date;
      const content = renderGold(review.uri, review.reviewer, review.text, review.index, gold, session.goldDate ?? date, relations);
      try {
        const outcome = await writeGoldFile(this.services.files, review.goldUri, session.goldContent, content);
        if (!outcome.written) {
          // Another reviewer (or git) changed the gold file since this review read it: show theirs first.
          session.goldContent = outcome.current;
          await this.rebuild(session);
          void vscode.window.showWarningMessage(vscode.l10n.t('{0} was changed on disk; the review now shows that version. Make the decision again.', basename(review.goldUri)));
          return session.review;
        }
      } catch (e) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Tawsim could not write {0}: {1}', basename(review.goldUri), (e as Error).message));
        return review;
      }
      session.goldContent = content;
      this.services.log.info(`Wrote ${basename(review.goldUri)}: ${gold.length} gold annotations, ${relations.length} gold relations`);
      await this.rebuild(session);
      return session.review;
    });
  }

  private newSession(uri: vscode.Uri, chosen: readonly string[] | undefined): Session {
    return {
      uri,
      chosen,
      found: [],
      contents: new Map(),
      goldContent: undefined,
      goldReadError: undefined,
      goldDate: undefined,
      review: undefined,
      queue: Promise.resolve(),
      timer: undefined,
    };
  }

  private enqueue<T>(session: Session, work: () => Promise<T>): Promise<T> {
    const next = session.queue.then(work, work);
    session.queue = next.catch((e: unknown) => this.services.log.error(`Review of ${session.uri.toString()}: ${(e as Error).message}`));
    return next;
  }

  private scheduleRebuild(uri: vscode.Uri): void {
    const session = this.sessions.get(uri.toString());
    if (!session) return;
    if (session.timer !== undefined) clearTimeout(session.timer);
    session.timer = setTimeout(() => {
      session.timer = undefined;
      void this.enqueue(session, () => this.rebuild(session));
    }, REBUILD_DELAY_MS);
  }

  private onSidecarOnDisk(uri: vscode.Uri): void {
    const folder = uri.path.slice(0, uri.path.lastIndexOf('/'));
    for (const session of this.sessions.values()) {
      if (session.uri.path.slice(0, session.uri.path.lastIndexOf('/')) !== folder) continue;
      void this.enqueue(session, async () => {
        const gold = session.review?.goldUri.toString();
        if (uri.toString() === gold) {
          const content = await readTextFile(uri).catch(() => undefined);
          // Our own write: nothing new to read.
          if (content === session.goldContent) return;
        }
        await this.read(session);
        await this.rebuild(session);
      });
    }
  }

  private reload(session: Session): Promise<void> {
    return this.enqueue(session, async () => {
      await this.read(session);
      await this.rebuild(session);
    });
  }

  /** Finds and reads the sidecars and the gold file from disk. */
  private async read(session: Session): Promise<void> {
    const reviewer = readSettings(session.uri).annotator;
    session.found = await findAnnotatorSidecars(session.uri, goldFileName(session.uri, reviewer));
    session.contents = new Map();
    await Promise.all(
      session.found.map(async (f) => {
        try {
          const content = await readTextFile(f.uri);
          if (content !== undefined) session.contents.set(f.uri.toString(), content);
        } catch (e) {
          session.contents.set(f.uri.toString(), e as Error);
        }
      }),
    );
    try {
      session.goldContent = await readTextFile(goldUriFor(session.uri, reviewer));
      session.goldReadError = undefined;
    } catch (e) {
      session.goldContent = undefined;
      session.goldReadError = (e as Error).message;
    }
  }

  private async rebuild(session: Session): Promise<void> {
    if (!this.sessions.has(session.uri.toString())) return;
    session.review = await this.build(session);
    this.changed.fire(session.uri);
  }

  /** The comparison and gold state from what was read and the current text. */
  private async build(session: Session): Promise<DocumentReview> {
    const uri = session.uri;
    const reviewer = readSettings(uri).annotator;
    const labels = this.services.labels();
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    const text = open ? open.getText() : ((await readTextFile(uri).catch(() => undefined)) ?? '');
    const index = new CodePointIndex(text);
    // Hashed once for all the annotators' sidecars compared on this text.
    const textSha256 = sha256Hex(text);
    const store = open ? this.services.stores.get(uri) : undefined;
    const sets: ReviewSet[] = [];
    const failures: SidecarFailure[] = [];
    for (const found of session.found) {
      const content = session.contents.get(found.uri.toString());
      if (content === undefined) continue;
      if (content instanceof Error) {
        failures.push(failureOf(found, content));
        continue;
      }
      const result = annotatorSetOf(found, content, text, textSha256, labels);
      if ('failure' in result) {
        failures.push(result.failure);
        continue;
      }
      const isOwn = store !== undefined && store.loaded && store.writable && store.sidecarUri.toString() === found.uri.toString();
      // The reviewer's own tags come from the editor, so tags not yet written count too.
      sets.push(isOwn ? liveSet(found, result.set.annotator, store.tracked.all, index, result.set.date, store.tracked.relations) : result.set);
    }
    const chosen = session.chosen;
    const compared = chosen ? sets.filter((s) => chosen.includes(s.annotator)) : sets;
    const comparison = compareAnnotators(compared);
    const gold: GoldOnDisk =
      session.goldReadError !== undefined ? { gold: [], relations: [], content: undefined, problem: session.goldReadError } : goldOf(session.goldContent, text, index, labels);
    session.goldDate = gold.date;
    const symmetric = symmetricTypes(this.services);
    const relations = compareRelationSets(compared, symmetric);
    const placedGold = gold.gold.filter((g) => g.orphan !== true);
    const state = reviewState(comparison, placedGold, { comparison: relations, gold: { annotations: placedGold, relations: gold.relations }, symmetric });
    return {
      uri,
      goldUri: goldUriFor(uri, reviewer),
      reviewer,
      text,
      index,
      sets: compared,
      failures,
      comparison,
      gold: gold.gold,
      goldRelations: gold.relations,
      relations,
      symmetricRelationTypes: this.services
        .schema()
        .relationTypes.filter((t) => t.symmetric)
        .map((t) => t.id),
      ...(gold.problem !== undefined ? { goldProblem: gold.problem } : {}),
      state,
    };
  }

  dispose(): void {
    for (const s of this.sessions.values()) if (s.timer !== undefined) clearTimeout(s.timer);
    this.sessions.clear();
    for (const d of this.disposables) d.dispose();
  }
}
