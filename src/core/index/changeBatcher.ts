/**
 * Coalesces file-change events into batches. A burst (a branch switch that
 * touches thousands of files) becomes one full re-index; a trickle (one save)
 * becomes one incremental update. Events arriving during a flush wait for the
 * next one, so flushes never overlap.
 */

export interface ChangeBatch {
  paths: Set<string>;
  /** True when the batch is too big to apply file by file, or folders may have changed. */
  full: boolean;
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
}

export interface BatcherTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export class ChangeBatcher {
  private pending = new Set<string>();
  private pendingFull = false;
  private timer: unknown;
  private firstEventAt = 0;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly apply: (batch: ChangeBatch) => Promise<void>,
    private readonly options: BatcherOptions = { quietMs: 100, maxWaitMs: 400, fullThreshold: 300, burstQuietMs: 300, burstMaxWaitMs: 3000 },
    private readonly timers: BatcherTimers = { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) },
    private readonly now: () => number = Date.now,
  ) {}

  add(path: string, needsFullRebuild = false): void {
    if (this.pending.size === 0 && !this.pendingFull) this.firstEventAt = this.now();
    this.pending.add(path);
    if (needsFullRebuild) this.pendingFull = true;
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    // Debounce, but never hold a few edits longer than maxWaitMs in total. A burst that will
    // be a full re-index anyway waits for the burst to end, so it stays one re-index.
    const waited = this.now() - this.firstEventAt;
    const burst = this.pendingFull || this.pending.size > this.options.fullThreshold;
    const quiet = burst ? this.options.burstQuietMs : this.options.quietMs;
    const maxWait = burst ? this.options.burstMaxWaitMs : this.options.maxWaitMs;
    const delay = Math.max(0, Math.min(quiet, maxWait - waited));
    this.timer = this.timers.setTimeout(() => void this.flush(), delay);
  }

  /** Applies what is pending now; resolves when it (and any flush before it) is done. */
  flush(): Promise<void> {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.size === 0 && !this.pendingFull) return this.running;
    const batch: ChangeBatch = { paths: this.pending, full: this.pendingFull || this.pending.size > this.options.fullThreshold };
    this.pending = new Set();
    this.pendingFull = false;
    this.running = this.running.then(() => this.apply(batch)).catch(() => undefined);
    return this.running;
  }

  /** Runs a task (a full build) in the same queue as the batches, so the two never interleave. */
  run(task: () => Promise<void>): Promise<void> {
    this.running = this.running.then(task).catch(() => undefined);
    return this.running;
  }

  dispose(): void {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
    this.pending.clear();
  }
}
