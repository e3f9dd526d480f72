// Keeping a root's index current from file events: which events matter, and applying a batch of them.
import { BatcherOptions, BatcherTimers, ChangeBatch, ChangeBatcher, ChangedAt, changedSince, DEFAULT_BATCHER_OPTIONS } from './changeBatcher';
import { RecordIndex } from './recordIndex';

export type FileEventKind = 'created' | 'changed' | 'deleted';

/**
 * What a file event asks of the index: nothing (not in a record folder), a second look at the file, or finding
 * the record folders again (a folder config file, a record folder created or deleted, a file in a missing folder).
 */
export function changeOfEvent(index: RecordIndex, path: string, kind: FileEventKind): 'none' | 'file' | 'folders' {
  // A folder "changing" is only its timestamp; creating or deleting one can add or drop record folders.
  const foldersMayChange = kind === 'changed' ? index.isFolderConfigFile(path) : index.affectsFolders(path);
  if (foldersMayChange || index.isInMissingFolder(path) || (kind === 'created' && index.isInAwaitingFolder(path))) return 'folders';
  return index.folderOf(path) || index.record(path) ? 'file' : 'none';
}

export interface BatchContext {
  /** When the last full build began (Date.now()); files not changed since were read by it. */
  builtAt: number | undefined;
  /** More paths than this: re-index the root instead of reading files one by one. */
  fullThreshold: number;
  changedAt: ChangedAt;
  /** Re-indexes the root. */
  rebuild(): Promise<void>;
  /** A file that could not be re-read (the batch goes on). */
  onFileError?(path: string, error: Error): void;
}

export interface AppliedBatch {
  /** 'full': re-indexed; 'files': re-read file by file; 'covered': the last re-index had read them all. */
  how: 'full' | 'files' | 'covered';
  /** Paths of the batch the last re-index had already read. */
  covered: number;
  /** Files re-read (or dropped) one by one. */
  updated: number;
  /** Whether the index changed (for 'full', always true). */
  changed: boolean;
  /** Files the index holds now and did not before this batch ('files' only). */
  appeared: string[];
}

/**
 * Applies one batch of file events to `index`. A big batch is a re-index, unless the last re-index already read
 * most of it (a late wave of a branch switch): then only the files changed since it began, and the files gone that
 * the index still holds, are read again.
 */
export async function applyChangeBatch(index: RecordIndex, batch: ChangeBatch, context: BatchContext): Promise<AppliedBatch> {
  let paths = batch.paths;
  let full = batch.full;
  let covered = 0;
  if (full && !batch.foldersMayChange && context.builtAt !== undefined) {
    paths = await changedSince(batch.paths, context.builtAt, context.changedAt, (p) => index.holds(p));
    covered = batch.paths.size - paths.size;
    full = paths.size > context.fullThreshold;
  }
  if (full) {
    await context.rebuild();
    return { how: 'full', covered, updated: 0, changed: true, appeared: [] };
  }
  let changed = false;
  let updated = 0;
  const appeared: string[] = [];
  for (const path of paths) {
    try {
      const held = index.holds(path);
      if (await index.refreshFile(path)) changed = true;
      if (!held && index.holds(path)) appeared.push(path);
      updated++;
    } catch (e) {
      context.onFileError?.(path, e as Error);
    }
  }
  return { how: paths.size === 0 ? 'covered' : 'files', covered, updated, changed, appeared };
}

export interface LiveIndexHooks {
  /** Re-indexes the root (the index's build, with whatever the caller does around it); false when it failed. */
  build(): Promise<boolean>;
  /** When a file on disk last changed, undefined when it is gone. */
  changedAt: ChangedAt;
  /** Before a batch is applied as a re-index. */
  beforeRebuild?(batch: ChangeBatch): void;
  /** After each batch is applied. */
  applied?(batch: ChangeBatch, outcome: AppliedBatch): Promise<void> | void;
  onFileError?(path: string, error: Error): void;
}

/**
 * One root's index kept live: file events are batched ({@link ChangeBatcher}), applied by
 * {@link applyChangeBatch}, and files that appear are looked at again a moment later, so a delete the file watcher
 * never reported still leaves the index.
 */
export class LiveIndex {
  readonly batcher: ChangeBatcher;
  /** When the last successful full build began (wall clock, to compare with file times). */
  builtAt: number | undefined;

  constructor(
    readonly index: RecordIndex,
    private readonly hooks: LiveIndexHooks,
    options: BatcherOptions = DEFAULT_BATCHER_OPTIONS,
    timers?: BatcherTimers,
    now?: () => number,
    busy?: () => boolean,
  ) {
    this.batcher = new ChangeBatcher((b) => this.apply(b), options, timers, now, busy);
  }

  /** A file event from the watcher (or a path a command wrote): queued when it matters to the index. */
  fileEvent(path: string, kind: FileEventKind): void {
    const change = changeOfEvent(this.index, path, kind);
    if (change !== 'none') this.batcher.add(path, change === 'folders');
  }

  /** Re-indexes the root, in the same queue as the batches. */
  rebuild(): Promise<void> {
    return this.batcher.run(() => this.build());
  }

  private async build(): Promise<void> {
    const started = Date.now();
    if (!(await this.hooks.build())) return;
    this.builtAt = started;
    this.verifyLater(this.index.appearedInLastBuild);
  }

  private async apply(batch: ChangeBatch): Promise<void> {
    const outcome = await applyChangeBatch(this.index, batch, {
      builtAt: this.builtAt,
      fullThreshold: this.batcher.fullThreshold,
      changedAt: this.hooks.changedAt,
      rebuild: () => {
        this.hooks.beforeRebuild?.(batch);
        return this.build();
      },
      onFileError: this.hooks.onFileError,
    });
    this.verifyLater(outcome.appeared);
    await this.hooks.applied?.(batch, outcome);
  }

  /** Files gone by then that the index still holds are queued like deletes. */
  private verifyLater(paths: readonly string[]): void {
    this.batcher.verifyLater(paths, async (p) => !this.index.holds(p) || (await this.hooks.changedAt(p)) !== undefined);
  }

  dispose(): void {
    this.batcher.dispose();
  }
}
