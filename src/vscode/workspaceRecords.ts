import * as vscode from 'vscode';
import { branchNumberProblems } from '../core/decisions/claimedNumbers';
import { createGitExecutor } from '../core/git/gitExecutor';
import { ChangeBatch, ChangeBatcher } from '../core/index/changeBatcher';
import { RecordIndex } from '../core/index/recordIndex';
import { LodestarRecord, Problem, RecordKind } from '../core/records/record';
import { relativePath, toPortPath } from '../core/store/fileSystem';
import { NotebookRecords } from './privateNotebookRecords';
import { readSettings } from './settings';
import { WorkspaceFileSystem } from './workspaceFileSystem';

export interface IndexStats {
  /** Whole-folder (re)builds, including the first one. */
  fullBuilds: number;
  /** Files re-read one at a time. */
  fileUpdates: number;
}

interface FolderIndex {
  folder: vscode.WorkspaceFolder;
  index: RecordIndex;
  batcher: ChangeBatcher;
  /** Numbers other branches give to different records; read from git after each build. */
  branchProblems: Problem[];
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
  readonly stats: IndexStats = { fullBuilds: 0, fileUpdates: 0 };
  readonly onDidChange = this.emitter.event;
  /** The private notebook: indexed with the workspace folders, never one of them. */
  readonly notebook: NotebookRecords;

  /** `notebookDefault`: the private notebook's folder when `lodestar.privateNotebook.path` is empty. */
  constructor(
    private readonly log: vscode.OutputChannel,
    notebookDefault?: string,
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
    const entry: FolderIndex = { folder, index, batcher: new ChangeBatcher((b) => this.applyBatch(entry, b)), branchProblems: [] };
    this.folders.set(root, entry);
    await entry.batcher.run(() => this.build(entry));
  }

  private async build(entry: FolderIndex): Promise<void> {
    const started = Date.now();
    try {
      entry.index.updateSettings(readSettings(entry.folder));
      await entry.index.build();
      this.stats.fullBuilds++;
      this.watchOutsideFolders();
      void this.checkBranches(entry);
      this.log.appendLine(`Indexed ${entry.index.size} records in ${entry.folder.name} (${Date.now() - started} ms).`);
    } catch (e) {
      this.log.appendLine(`Indexing ${entry.folder.name} failed: ${(e as Error).stack ?? String(e)}`);
    }
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
      // A folder "changing" is only its timestamp; creating or deleting one can add or drop record folders.
      const foldersMayChange = kind === 'changed' ? index.isFolderConfigFile(path) : index.affectsFolders(path);
      if (foldersMayChange || index.isInMissingFolder(path)) entry.batcher.add(path, true);
      else if (index.folderOf(path) || index.record(path)) entry.batcher.add(path);
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

  private async applyBatch(entry: FolderIndex, batch: ChangeBatch): Promise<void> {
    if (batch.full) {
      this.log.appendLine(`Re-indexing ${entry.folder.name} after ${batch.paths.size} file changes.`);
      await this.build(entry);
      this.emitter.fire();
      return;
    }
    let changed = false;
    for (const path of batch.paths) {
      try {
        if (await entry.index.refreshFile(path)) changed = true;
        this.stats.fileUpdates++;
      } catch (e) {
        this.log.appendLine(`Could not update ${path}: ${(e as Error).message}`);
      }
    }
    if (changed) this.emitter.fire();
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
      this.folders.get(root)?.batcher.dispose();
      this.folders.delete(root);
    }
    await Promise.all(e.added.map((f) => this.addFolder(f)));
    await this.notebook.open(workspaceRoots());
    this.emitter.fire();
  }

  /** Re-reads everything (the Refresh action, a settings change). */
  async rebuildAll(): Promise<void> {
    await this.start();
    await Promise.all([...[...this.folders.values()].map((e) => e.batcher.run(() => this.build(e))), this.notebook.open(workspaceRoots())]);
    this.emitter.fire();
  }

  /** Re-reads these files now, so a command's own writes show without waiting for the watcher. */
  async refreshPaths(paths: string[]): Promise<void> {
    for (const path of paths) for (const e of this.folders.values()) if (e.index.folderOf(path)) e.batcher.add(path);
    await this.settle();
    // A record folder that did not exist before the write needs the folders found again.
    for (const e of this.folders.values()) if (paths.some((p) => e.index.isInMissingFolder(p))) await e.batcher.run(() => this.build(e));
    await this.notebook.refreshPaths(paths);
    this.emitter.fire();
  }

  /** Waits for pending file events to be applied (tests, commands that need fresh data). */
  async settle(): Promise<void> {
    await Promise.all([...[...this.folders.values()].map((e) => e.batcher.flush()), this.notebook.settle()]);
  }

  indexes(): { folder: vscode.WorkspaceFolder; index: RecordIndex }[] {
    return [...this.folders.values()].map(({ folder, index }) => ({ folder, index }));
  }

  records(kind?: RecordKind): LodestarRecord[] {
    return [...[...this.folders.values()].flatMap((e) => e.index.records(kind)), ...this.notebook.records(kind)];
  }

  problems(): Problem[] {
    return [...[...this.folders.values()].flatMap((e) => [...e.index.problems(), ...e.branchProblems.filter((p) => e.index.record(p.path))]), ...this.notebook.problems()];
  }

  indexOf(path: string): RecordIndex | undefined {
    return this.folderFor(path)?.index ?? (this.notebook.owns(path) ? this.notebook.index : undefined);
  }

  dispose(): void {
    for (const e of this.folders.values()) e.batcher.dispose();
    for (const w of this.outsideWatchers.values()) w.dispose();
    this.notebook.dispose();
    for (const d of this.disposables) d.dispose();
    this.emitter.dispose();
  }
}

function workspaceRoots(): string[] {
  return (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => toPortPath(f.uri.fsPath));
}
