import * as nodeFs from 'fs';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { DraftSummary } from './recordDrafts';
import { LinkTarget } from './siteMarkdown';

/**
 * Record files to draft: their bytes end to end in `bytes`, each at its
 * `[start, end)`. Both threads see the bytes (shared memory) and `claim`:
 * whichever thread sets it from 0 to 1 first drafts the batch.
 */
export interface DraftJob {
  job: 'draft';
  bytes: Uint8Array;
  files: { path: string; start: number; end: number }[];
  claim: Int32Array;
}

/** Takes a draft batch for this thread: false when the other thread has taken it. */
export function claimBatch(job: DraftJob): boolean {
  return Atomics.compareExchange(job.claim, 0, 0, 1) === 0;
}

/**
 * A record's page to finish and write: `head` + its drafted body (the draft
 * of `source`, with `targets` for its refs) + `tail`, to `target` (absolute);
 * `compare`: left alone when its bytes are the same.
 */
export interface PageJob {
  target: string;
  source: string;
  head: string;
  tail: string;
  targets: LinkTarget[];
  compare: boolean;
}

/**
 * A file made on the main thread (a page it drafted, an asset, a copied
 * file), written by the worker all the same: one thread writes the whole
 * site, since two threads creating files in one folder at once contend for
 * it in the kernel and are several times slower than one.
 */
export interface FileJob {
  target: string;
  content: string | Uint8Array;
  compare: boolean;
}

export type SiteWorkerJob = DraftJob | { job: 'pages'; pages: (PageJob | FileJob)[] };

/** From the worker, one per job. */
export type SiteWorkerReply = { drafted: [string, DraftSummary][] } | { written: number } | { failed: string; job: 'draft' | 'pages' };

/** The worker's script, next to this module (in the bundle's `dist/` or the compiled `out/`). */
export const SITE_WORKER_SCRIPT = path.join(__dirname, 'siteRenderWorker.js');
const DRAFT_BATCH_BYTES = 128 * 1024;
const DRAFT_BATCH_FILES = 32;
const PAGE_BATCH = 32;

/**
 * A second thread for `site build`, so its largest costs overlap the rest:
 * it drafts record bodies (rendering Markdown) from the bytes the index
 * reads, while the index parses them, and keeps the drafts; later it
 * finishes each page from the head and tail the page builder sends and
 * writes it (and every other file of the site's folders), while the
 * builder goes on with the next pages and then the index page and search
 * index. The page HTML thus never crosses between threads; only each
 * draft's refs and search text come back.
 *
 * File bytes go over in batches, copied into one buffer of shared memory
 * (so a reused read buffer may be passed to {@link draft}). Every batch is
 * sent at once: the worker drafts them first to last, and never waits on
 * this thread; this thread drafts from the last when it is free (see
 * {@link drafted}). Drafts the worker did not make (no worker script, a
 * worker that failed) are missing from {@link drafted}, and the caller
 * makes them itself; a failed page write is an error at {@link finishPages}.
 */
export class SiteWorker {
  private worker: Worker | undefined;
  private bytes = sharedBytes(DRAFT_BATCH_BYTES);
  private used = 0;
  private files: DraftJob['files'] = [];
  private pages: (PageJob | FileJob)[] = [];
  /**
   * Every draft batch sent, in order, until the worker answers it (it answers them in order, before any page):
   * the ones it has not claimed yet may be drafted here.
   */
  private readonly batches: (DraftJob | undefined)[] = [];
  private batchesAnswered = 0;
  private sent = 0;
  private answered = 0;
  private readonly made = new Map<string, DraftSummary>();
  private waiting: (() => void) | undefined;
  private written = 0;
  private pageFailure: string | undefined;
  /** Why the worker stopped early, if it did. */
  failure: string | undefined;

  constructor(mark: string, script = SITE_WORKER_SCRIPT) {
    if (!nodeFs.existsSync(script)) return;
    try {
      this.worker = new Worker(script, { workerData: { mark } });
    } catch (e) {
      this.failure = (e as Error).message;
      return;
    }
    this.worker.on('message', (reply: SiteWorkerReply) => {
      this.answered++;
      if ('drafted' in reply || ('failed' in reply && reply.job === 'draft')) this.batches[this.batchesAnswered++] = undefined;
      if ('drafted' in reply) for (const [p, d] of reply.drafted) this.made.set(p, d);
      else if ('written' in reply) this.written += reply.written;
      else if (reply.job !== 'draft') this.pageFailure ??= reply.failed;
      else this.failure ??= reply.failed;
      this.wake();
    });
    this.worker.on('error', (e) => this.lost(e.message));
    this.worker.on('exit', (code) => this.lost(`the site worker stopped (exit code ${code})`));
  }

  get running(): boolean {
    return this.worker !== undefined;
  }

  /** How many drafts the worker has answered with so far. */
  get draftsMade(): number {
    return this.made.size;
  }

  /** Drafts a record file's body in the worker, which keeps the draft for {@link page}. */
  draft(filePath: string, bytes: Uint8Array): void {
    if (!this.worker) return;
    if (this.files.length > 0 && this.used + bytes.length > this.bytes.length) this.flushDrafts();
    if (bytes.length > this.bytes.length) this.bytes = sharedBytes(bytes.length);
    this.bytes.set(bytes, this.used);
    this.files.push({ path: filePath, start: this.used, end: this.used + bytes.length });
    this.used += bytes.length;
    if (this.files.length >= DRAFT_BATCH_FILES) this.flushDrafts();
  }

  /**
   * The summaries of every draft the worker made, once it has answered
   * everything sent. Meanwhile this thread drafts (with `draftHere`) the
   * batches the worker has not claimed, from the last, while the worker
   * takes them from the first: whichever thread is free works, and neither
   * waits on the other.
   */
  async drafted(draftHere: (path: string, bytes: Uint8Array) => void): Promise<Map<string, DraftSummary>> {
    this.flushDrafts();
    // The worker claims batches in order: once it has the one before, it has all the ones before.
    for (let i = this.batches.length - 1; i >= 0 && this.worker; i--) {
      const job = this.batches[i];
      if (!job || !claimBatch(job)) break;
      for (const f of job.files) draftHere(f.path, job.bytes.subarray(f.start, f.end));
    }
    await this.settled();
    return this.made;
  }

  /** Finishes and writes a page in the worker, from a draft it made; or writes a file made here, in its turn. */
  page(job: PageJob | FileJob): void {
    if (!this.worker) throw new Error(this.pageFailure ?? this.failure ?? 'the site worker is not running');
    this.pages.push(job);
    if (this.pages.length >= PAGE_BATCH) this.flushPages();
  }

  /** How many pages the worker wrote (unchanged ones left alone are not counted); throws when one could not be written. */
  async finishPages(): Promise<number> {
    this.flushPages();
    await this.settled();
    if (this.pageFailure) throw new Error(this.pageFailure);
    return this.written;
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = undefined;
    if (w) await w.terminate();
  }

  private flushDrafts(): void {
    if (!this.worker || this.files.length === 0) return;
    const job: DraftJob = { job: 'draft', bytes: this.bytes.subarray(0, this.used), files: this.files, claim: new Int32Array(new SharedArrayBuffer(4)) };
    this.batches.push(job);
    this.worker.postMessage(job);
    this.sent++;
    this.bytes = sharedBytes(DRAFT_BATCH_BYTES);
    this.used = 0;
    this.files = [];
  }

  private flushPages(): void {
    if (!this.worker || this.pages.length === 0) return;
    this.worker.postMessage({ job: 'pages', pages: this.pages } satisfies SiteWorkerJob);
    this.sent++;
    this.pages = [];
  }

  private settled(): Promise<void> {
    if (this.answered >= this.sent) return Promise.resolve();
    return new Promise<void>((resolve) => (this.waiting = resolve));
  }

  private wake(): void {
    if (this.answered >= this.sent && this.waiting) {
      const resolve = this.waiting;
      this.waiting = undefined;
      resolve();
    }
  }

  private lost(why: string): void {
    if (!this.worker) return;
    this.failure ??= why;
    if (this.answered < this.sent) this.pageFailure ??= why;
    this.worker = undefined;
    this.answered = this.sent;
    this.batches.length = 0;
    this.wake();
  }
}

function sharedBytes(size: number): Uint8Array {
  return new Uint8Array(new SharedArrayBuffer(size));
}
