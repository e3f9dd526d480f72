/**
 * Coalesces file-change events into batches. A burst (a branch switch that
 * touches thousands of files) becomes one full re-index; a trickle (one save)
 * becomes one incremental update. Events arriving during a flush wait for the
 * next one, so flushes never overlap. While a git operation is in progress
 * (`busy()`: git holds its index or HEAD lock), nothing is applied: the
 * events gather and are applied once, when it has finished.
 */

export interface ChangeBatch {
  paths: Set<string>;
  /** True when the batch is too big to apply file by file, or folders may have changed. */
  full: boolean;
  /** True when a path in it may add or drop record folders (a folder config file, a record folder itself). */
  foldersMayChange: boolean;
}

export interface BatcherOptions {
  /** Quiet time before a small batch is applied. */
  quietMs: number;
  /** Longest a small batch is held while events keep coming. */
  maxWaitMs: number;
  /** More paths than this in one batch: re-index the folder instead. */
  fullThreshold: number;
  burstQuietMs: number;
  burstMaxWaitMs: number;
  /** How often to look again while a git operation is in progress. */
  busyCheckMs?: number;
  /** Longest a batch waits for a git operation (a lock left behind by a crashed git must not stop updates). */
  busyMaxWaitMs?: number;
  /** How long after a file appeared in the index {@link ChangeBatcher.verifyLater} looks whether it is still there. */
  verifyAfterMs?: number;
}

export interface BatcherTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const DEFAULT_BATCHER_OPTIONS: BatcherOptions = {
  quietMs: 100,
  maxWaitMs: 400,
  fullThreshold: 300,
  burstQuietMs: 300,
  burstMaxWaitMs: 3000,
  busyCheckMs: 100,
  busyMaxWaitMs: 30_000,
  verifyAfterMs: 1500,
};

export class ChangeBatcher {
  private pending = new Set<string>();
  private pendingFull = false;
  private timer: unknown;
  private firstEventAt = 0;
  private busySince: number | undefined;
  private running: Promise<void> = Promise.resolve();
  private readonly verifications = new Set<unknown>();
  private readonly checks = new Set<Promise<void>>();
  private disposed = false;
  /** Times a due batch was held back because a git operation was in progress. */
  deferrals = 0;

  constructor(
    private readonly apply: (batch: ChangeBatch) => Promise<void>,
    private readonly options: BatcherOptions = DEFAULT_BATCHER_OPTIONS,
    private readonly timers: BatcherTimers = { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) },
    private readonly now: () => number = Date.now,
    private readonly busy: () => boolean = () => false,
  ) {}

  /** Batches of more paths than this are applied as one full re-index. */
  get fullThreshold(): number {
    return this.options.fullThreshold;
  }

  add(path: string, needsFullRebuild = false): void {
    if (this.pending.size === 0 && !this.pendingFull) this.firstEventAt = this.now();
    this.pending.add(path);
    if (needsFullRebuild) this.pendingFull = true;
    // While waiting for git, the next look is already scheduled.
    if (this.busySince !== undefined) return;
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    // Debounce, but never hold a few edits longer than maxWaitMs in total. A burst that will
    // be a full re-index anyway waits for the burst to end, so it stays one re-index.
    const waited = this.now() - this.firstEventAt;
    const burst = this.pendingFull || this.pending.size > this.options.fullThreshold;
    const quiet = burst ? this.options.burstQuietMs : this.options.quietMs;
    const maxWait = burst ? this.options.burstMaxWaitMs : this.options.maxWaitMs;
    const delay = Math.max(0, Math.min(quiet, maxWait - waited));
    this.timer = this.timers.setTimeout(() => this.due(), delay);
  }

  /** The batch's time has come: apply it, unless git is still at work (then look again shortly). */
  private due(): void {
    this.timer = undefined;
    if (this.busy()) {
      const now = this.now();
      if (this.busySince === undefined) {
        this.busySince = now;
        this.deferrals++;
      }
      if (now - this.busySince < (this.options.busyMaxWaitMs ?? 30_000)) {
        this.timer = this.timers.setTimeout(() => this.due(), this.options.busyCheckMs ?? 100);
        return;
      }
    }
    if (this.busySince !== undefined) {
      // Git has finished: events of its last writes may still be on their way, so give them the burst's quiet time.
      this.busySince = undefined;
      this.timer = this.timers.setTimeout(() => void this.flush(), this.options.burstQuietMs);
      return;
    }
    void this.flush();
  }

  /** True while a due batch waits for a git operation to finish. */
  get waitingForGit(): boolean {
    return this.busySince !== undefined;
  }

  /** Applies what is pending now; resolves when it (and any flush before it) is done. */
  flush(): Promise<void> {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
    this.busySince = undefined;
    if (this.pending.size === 0 && !this.pendingFull) return this.running;
    const batch: ChangeBatch = {
      paths: this.pending,
      full: this.pendingFull || this.pending.size > this.options.fullThreshold,
      foldersMayChange: this.pendingFull,
    };
    this.pending = new Set();
    this.pendingFull = false;
    this.running = this.running.then(() => this.apply(batch)).catch(() => undefined);
    return this.running;
  }

  /**
   * Looks again, a moment later, whether files that just appeared in the index are still there, and queues those
   * that are gone like a delete event. A file watcher may drop a create followed soon by a delete (VS Code's does, when
   * both land in one of its batches): the index then never hears of the delete if it read the file by another way
   * (a command's own write, a re-index in between).
   */
  verifyLater(paths: Iterable<string>, exists: (path: string) => Promise<boolean>): void {
    const toCheck = [...paths];
    if (toCheck.length === 0) return;
    const handle = this.timers.setTimeout(() => {
      this.verifications.delete(handle);
      const check = Promise.all(toCheck.map((p) => exists(p).catch(() => false))).then((present) => {
        this.checks.delete(check);
        if (this.disposed) return;
        toCheck.forEach((p, i) => {
          if (!present[i]) this.add(p);
        });
      });
      this.checks.add(check);
    }, this.options.verifyAfterMs ?? 1500);
    this.verifications.add(handle);
  }

  /** Resolves once the looks of {@link verifyLater} that have begun have queued the files they found gone. */
  async checked(): Promise<void> {
    await Promise.all([...this.checks]);
  }

  /** Runs a task (a full build) in the same queue as the batches, so the two never interleave. */
  run(task: () => Promise<void>): Promise<void> {
    this.running = this.running.then(task).catch(() => undefined);
    return this.running;
  }

  dispose(): void {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
    this.busySince = undefined;
    this.pending.clear();
    for (const handle of this.verifications) this.timers.clearTimeout(handle);
    this.verifications.clear();
    this.disposed = true;
  }
}

/** When a path last changed (its ctime: a write, a rename or a chmod), or undefined when it is gone. */
export type ChangedAt = (path: string) => Promise<number | undefined>;

/**
 * The paths of a batch that changed after a full re-index began at `builtAt`; the others that re-index already
 * read (the file watcher may deliver a branch switch's events in waves, some after the re-index has started).
 * A path that is gone counts as changed only if `indexed(path)` says the index still holds something there.
 * `slackMs` allows for file systems that stamp times a clock tick late.
 */
export async function changedSince(
  paths: Iterable<string>,
  builtAt: number,
  changedAt: ChangedAt,
  indexed: (path: string) => boolean,
  slackMs = 100,
): Promise<Set<string>> {
  const changed = new Set<string>();
  const all = [...paths];
  const stamps = await Promise.all(all.map((p) => changedAt(p).catch(() => undefined)));
  all.forEach((path, i) => {
    const at = stamps[i];
    if (at === undefined ? indexed(path) : at >= builtAt - slackMs) changed.add(path);
  });
  return changed;
}
