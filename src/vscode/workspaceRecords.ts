import * as nodeFs from 'fs';
import * as nodePath from 'path';
import * as vscode from 'vscode';
import { branchNumberProblems } from '../core/decisions/claimedNumbers';
import { createGitExecutor } from '../core/git/gitExecutor';
import { ChangeBatch, ChangeBatcher, DEFAULT_BATCHER_OPTIONS } from '../core/index/changeBatcher';
import { AppliedBatch, LiveIndex } from '../core/index/liveChanges';
import { programIdentity, RecordCacheFile } from '../core/index/recordCacheFile';
import { RecordIndex } from '../core/index/recordIndex';
import { gitDirOf } from '../core/pulls/configRemotes';
import { nodeGitConfigFiles } from '../core/pulls/nodeGitConfigFiles';
import { LodestarRecord, Problem, RecordKind } from '../core/records/record';
import { relativePath, toPortPath } from '../core/store/fileSystem';
import { fileChangedAt } from '../core/store/nodeFileSystem';
import { NotebookRecords } from './privateNotebookRecords';
import { readSettings } from './settings';
import { WorkspaceFileSystem } from './workspaceFileSystem';

export interface IndexStats {
  /** Whole-folder (re)builds, including the first one. */
  fullBuilds: number;
  /** Files re-read one at a time. */
  fileUpdates: number;
  /** File events dropped because the re-index before them had already read those files (late waves of a branch switch). */
  coveredEvents: number;
  /** Times changes waited for a git operation (its index or HEAD lock) to finish before being applied. */
  waitsForGit: number;
  /** Records the last full build took from the records kept by the build before (files unchanged since), not read. */
  keptRecords: number;
}

/** What one batch of file events did, for whoever waits for the index to catch up with the disk. */
export interface AppliedChanges {
  folder: vscode.WorkspaceFolder;
  paths: readonly string[];
  /** 'full': the folder was re-indexed; 'files': re-read file by file; 'covered': the last re-index had read them all. */
  how: 'full' | 'files' | 'covered';
}

interface FolderIndex {
  folder: vscode.WorkspaceFolder;
  index: RecordIndex;
  /** The index kept live from file events (its batcher is {@link batcher}). */
  live: LiveIndex;
  batcher: ChangeBatcher;
  /** Numbers other branches give to different records; read from git after each build. */
  branchProblems: Problem[];
  /** The last branch check (git), so tests and commands can wait for it. */
  branchCheck: Promise<void>;
}

/**
 * The records of every workspace folder, kept live. Indexing starts after
 * activation returns; file events are batched per folder so a branch switch
 * becomes one re-index.
 */
export class WorkspaceRecords implements vscode.Disposable {
  private readonly folders = new Map<string, FolderIndex>();
  private readonly fs = new WorkspaceFileSystem();
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [];
  private readyPromise: Promise<void> | undefined;
  private readonly outsideWatchers = new Map<string, vscode.FileSystemWatcher>();
  readonly stats: IndexStats = { fullBuilds: 0, fileUpdates: 0, coveredEvents: 0, waitsForGit: 0, keptRecords: 0 };
  /** What made the kept records (this bundle and Node): read at the first build, never in activate(). */
  private identity: string | undefined | null = null;
  readonly onDidChange = this.emitter.event;
  private readonly appliedEmitter = new vscode.EventEmitter<AppliedChanges>();
  /** Fires after each batch of file events is applied (or found already covered by the last re-index). */
  readonly onDidApplyChanges = this.appliedEmitter.event;
  /** The private notebook: indexed with the workspace folders, never one of them. */
  readonly notebook: NotebookRecords;

  /**
   * `notebookDefault`: the private notebook's folder when `lodestar.privateNotebook.path` is empty;
   * `recordCacheFolder`: where each folder's records are kept between builds and sessions (the
   * extension's global storage), so opening the workspace again reads only the files changed since.
   */
  constructor(
    private readonly log: vscode.OutputChannel,
    notebookDefault?: string,
    private readonly recordCacheFolder?: string,
  ) {
    this.notebook = new NotebookRecords(this.fs, log, notebookDefault, () => this.emitter.fire());
  }

  /** Builds every folder's index and starts watching; safe to call more than once. */
  start(): Promise<void> {
    this.readyPromise ??= this.startNow();
    return this.readyPromise;
  }

  /** Resolves once the first index of every folder is built. */
  ready(): Promise<void> {
    return this.start();
  }

  private async startNow(): Promise<void> {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*');
    this.disposables.push(
      watcher,
      watcher.onDidCreate((u) => this.onFileEvent(u, 'created')),
      watcher.onDidChange((u) => this.onFileEvent(u, 'changed')),
      watcher.onDidDelete((u) => this.onFileEvent(u, 'deleted')),
      vscode.workspace.onDidChangeWorkspaceFolders((e) => void this.onFoldersChanged(e)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('lodestar')) void this.rebuildAll();
      }),
    );
    await Promise.all([...(vscode.workspace.workspaceFolders ?? []).map((f) => this.addFolder(f)), this.notebook.open(workspaceRoots())]);
    this.emitter.fire();
  }

  private async addFolder(folder: vscode.WorkspaceFolder): Promise<void> {
    if (folder.uri.scheme !== 'file') {
      this.log.appendLine(`Skipping ${folder.uri.toString()}: only folders on disk are indexed.`);
      return;
    }
    const root = toPortPath(folder.uri.fsPath);
    const index = new RecordIndex(this.fs, root, readSettings(folder));
    // While git rewrites the work tree (a checkout, a rebase), it holds index.lock or HEAD.lock: changes wait for it.
    const gitDir = gitDirOf(root, nodeGitConfigFiles());
    const gitBusy = gitDir
      ? () => nodeFs.existsSync(nodePath.join(gitDir, 'index.lock')) || nodeFs.existsSync(nodePath.join(gitDir, 'HEAD.lock'))
      : () => false;
    const live = new LiveIndex(
      index,
      {
        build: () => this.build(entry),
        changedAt: fileChangedAt,
        beforeRebuild: (batch) => this.log.appendLine(`Re-indexing ${folder.name} after ${batch.paths.size} file changes.`),
        applied: (batch, outcome) => this.applied(entry, batch, outcome),
        onFileError: (path, e) => this.log.appendLine(`Could not update ${path}: ${e.message}`),
      },
      DEFAULT_BATCHER_OPTIONS,
      undefined,
      undefined,
      gitBusy,
    );
    const entry: FolderIndex = { folder, index, live, batcher: live.batcher, branchProblems: [], branchCheck: Promise.resolve() };
    this.folders.set(root, entry);
    await live.rebuild();
  }

  /** Re-reads the whole folder; false when that failed (the index keeps what it had). */
  private async build(entry: FolderIndex): Promise<boolean> {
    const started = Date.now();
    try {
      entry.index.updateSettings(readSettings(entry.folder));
      const cache = this.recordCache(entry.index.root);
      let kept = 0;
      await entry.index.build({ cache, onCached: () => kept++ });
      cache?.save();
      this.stats.fullBuilds++;
      this.stats.keptRecords = kept;
      this.watchOutsideFolders();
      entry.branchCheck = this.checkBranches(entry);
      this.log.appendLine(
        `Indexed ${entry.index.size} records in ${entry.folder.name} (${Date.now() - started} ms${kept > 0 ? `; ${kept} unchanged since the last build, not read` : ''}).`,
      );
      return true;
    } catch (e) {
      this.log.appendLine(`Indexing ${entry.folder.name} failed: ${(e as Error).stack ?? String(e)}`);
      return false;
    }
  }

  /**
   * The records kept for this root by the build before (see RecordCacheFile: a file is read again when its
   * size, times or inode changed, or it had changed just before it was read). None without a storage folder.
   * The private notebook's records are never kept.
   */
  private recordCache(root: string): RecordCacheFile | undefined {
    if (!this.recordCacheFolder || process.env.LODESTAR_NO_RECORD_CACHE === '1') return undefined;
    if (this.identity === null) this.identity = programIdentity(__filename);
    return this.identity === undefined ? undefined : new RecordCacheFile(root, this.identity, { folder: this.recordCacheFolder });
  }

  /** Compares every folder's numbers with other branches again (after the workspace is trusted: git may run now). */
  recheckBranches(): Promise<void> {
    const checks = [...this.folders.values()].map((entry) => (entry.branchCheck = this.checkBranches(entry)));
    return Promise.all(checks).then(() => undefined);
  }

  /** Git runs only in trusted workspaces: in Restricted Mode the check is skipped. */
  private async checkBranches(entry: FolderIndex): Promise<void> {
    if (!vscode.workspace.isTrusted) return;
    const folders = entry.index.folders.filter((f) => f.kind === 'decision').map((f) => f.path);
    try {
      entry.branchProblems = await branchNumberProblems(entry.index.records('decision'), folders, (f) => createGitExecutor(f));
      if (entry.branchProblems.length > 0) this.emitter.fire();
    } catch (e) {
      this.log.appendLine(`Could not compare decision numbers with other branches: ${(e as Error).message}`);
    }
  }

  private onFileEvent(uri: vscode.Uri, kind: 'created' | 'changed' | 'deleted'): void {
    if (uri.scheme !== 'file') return;
    const path = toPortPath(uri.fsPath);
    if (/\/\.git(\/|$)/.test(path)) return;
    // Every index the path belongs to: nested workspace folders, and record folders outside
    // the workspace (an `.adr-dir` found above it) that more than one folder may share.
    for (const entry of this.folders.values()) {
      const { index } = entry;
      if (relativePath(index.root, path) === undefined && !index.folderOf(path)) continue;
      entry.live.fileEvent(path, kind);
    }
  }

  /** Record folders outside every workspace folder get a watcher of their own. */
  private watchOutsideFolders(): void {
    const roots = [...this.folders.keys()];
    const wanted = new Set<string>();
    for (const { index } of this.folders.values()) {
      for (const f of index.folders) if (!roots.some((r) => relativePath(r, f.path) !== undefined)) wanted.add(f.path);
    }
    for (const [path, watcher] of this.outsideWatchers) {
      if (!wanted.has(path)) {
        watcher.dispose();
        this.outsideWatchers.delete(path);
      }
    }
    for (const path of wanted) {
      if (this.outsideWatchers.has(path)) continue;
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(path), '**/*'));
      watcher.onDidCreate((u) => this.onFileEvent(u, 'created'));
      watcher.onDidChange((u) => this.onFileEvent(u, 'changed'));
      watcher.onDidDelete((u) => this.onFileEvent(u, 'deleted'));
      this.outsideWatchers.set(path, watcher);
    }
  }

  /** A batch of file events was applied: stats, the log, and whoever waits for the index. */
  private applied(entry: FolderIndex, batch: ChangeBatch, outcome: AppliedBatch): void {
    this.stats.waitsForGit += entry.batcher.deferrals;
    entry.batcher.deferrals = 0;
    this.stats.coveredEvents += outcome.covered;
    this.stats.fileUpdates += outcome.updated;
    if (outcome.covered > 0)
      this.log.appendLine(`${outcome.covered} of ${batch.paths.size} file changes in ${entry.folder.name} were already read by the last re-index.`);
    if (outcome.changed) this.emitter.fire();
    this.appliedEmitter.fire({ folder: entry.folder, paths: [...batch.paths], how: outcome.how });
  }

  private folderFor(path: string): FolderIndex | undefined {
    let best: FolderIndex | undefined;
    for (const [root, entry] of this.folders) {
      if (relativePath(root, path) !== undefined && (!best || root.length > best.index.root.length)) best = entry;
    }
    return best;
  }

  private async onFoldersChanged(e: vscode.WorkspaceFoldersChangeEvent): Promise<void> {
    for (const f of e.removed) {
      const root = toPortPath(f.uri.fsPath);
      this.folders.get(root)?.live.dispose();
      this.folders.delete(root);
    }
    await Promise.all(e.added.map((f) => this.addFolder(f)));
    await this.notebook.open(workspaceRoots());
    this.emitter.fire();
  }

  /** Re-reads everything (the Refresh action, a settings change). */
  async rebuildAll(): Promise<void> {
    await this.start();
    await Promise.all([...[...this.folders.values()].map((e) => e.live.rebuild()), this.notebook.open(workspaceRoots())]);
    this.emitter.fire();
  }

  /** Re-reads these files now, so a command's own writes show without waiting for the watcher. */
  async refreshPaths(paths: string[]): Promise<void> {
    for (const path of paths) for (const e of this.folders.values()) if (e.index.folderOf(path)) e.batcher.add(path);
    await this.settle();
    // A record folder that did not exist before the write needs the folders found again.
    for (const e of this.folders.values()) if (paths.some((p) => e.index.isInMissingFolder(p))) await e.live.rebuild();
    await this.notebook.refreshPaths(paths);
    this.emitter.fire();
  }

  /** Waits for pending file events to be applied (tests, commands that need fresh data). */
  async settle(): Promise<void> {
    await Promise.all([...[...this.folders.values()].map((e) => e.batcher.flush()), this.notebook.settle()]);
  }

  /** Waits for pending file events and for the git checks that follow a build (numbers on other branches). */
  async idle(): Promise<void> {
    await this.settle();
    await Promise.all([...this.folders.values()].map((e) => e.branchCheck));
  }

  /** True while file events wait for a git operation in some folder to finish. */
  get waitingForGit(): boolean {
    return [...this.folders.values()].some((e) => e.batcher.waitingForGit);
  }

  indexes(): { folder: vscode.WorkspaceFolder; index: RecordIndex }[] {
    return [...this.folders.values()].map(({ folder, index }) => ({ folder, index }));
  }

  records(kind?: RecordKind): LodestarRecord[] {
    return [...[...this.folders.values()].flatMap((e) => e.index.records(kind)), ...this.notebook.records(kind)];
  }

  problems(): Problem[] {
    return [
      ...[...this.folders.values()].flatMap((e) => [...e.index.problems(), ...e.branchProblems.filter((p) => e.index.record(p.path))]),
      ...this.notebook.problems(),
    ];
  }

  indexOf(path: string): RecordIndex | undefined {
    return this.folderFor(path)?.index ?? (this.notebook.owns(path) ? this.notebook.index : undefined);
  }

  dispose(): void {
    for (const e of this.folders.values()) e.live.dispose();
    for (const w of this.outsideWatchers.values()) w.dispose();
    this.notebook.dispose();
    for (const d of this.disposables) d.dispose();
    this.emitter.dispose();
    this.appliedEmitter.dispose();
  }
}

function workspaceRoots(): string[] {
  return (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => toPortPath(f.uri.fsPath));
}
